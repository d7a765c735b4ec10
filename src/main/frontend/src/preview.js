// Shows a material's file inside the page: PDF pages drawn by pdf.js on canvases, Word (.docx) documents
// laid out by docx-preview. Each box names the URL of the scoped download it reads from (data-src) and what
// to say when the file cannot be shown (data-failed); the server has already checked that the reader may see it.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import { renderAsync } from 'docx-preview';

// A long file is shown in part; the whole file is one click away (the download link beside the preview).
const MAX_PDF_PAGES = 30;

function note(box, text, cls) {
  const p = document.createElement('p');
  p.className = cls;
  p.textContent = text;
  box.appendChild(p);
}

async function showPdf(box) {
  GlobalWorkerOptions.workerSrc = box.dataset.worker;
  // one request for the whole file: one scope check on the server, no range requests
  const pdf = await getDocument({ url: box.dataset.src, isEvalSupported: false, disableRange: true, disableStream: true }).promise;
  const shown = Math.min(pdf.numPages, MAX_PDF_PAGES);
  const ratio = window.devicePixelRatio || 1;
  for (let n = 1; n <= shown; n++) {
    const page = await pdf.getPage(n);
    const width = Math.max(box.clientWidth - 2, 280);
    const scale = Math.min(2, width / page.getViewport({ scale: 1 }).width);
    const viewport = page.getViewport({ scale: scale * ratio });
    const canvas = document.createElement('canvas');
    canvas.className = 'pdf-page';
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = Math.floor(viewport.width / ratio) + 'px';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', (box.dataset.pageLabel || '{n}').replace('{n}', String(n)));
    box.appendChild(canvas);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
  if (pdf.numPages > shown) {
    note(box, box.dataset.more, 'muted preview-more');
  }
}

async function showDocx(box) {
  const response = await fetch(box.dataset.src, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error('HTTP ' + response.status);
  }
  const target = document.createElement('div');
  target.className = 'docx-target';
  box.appendChild(target);
  // data: URLs for pictures and fonts, because the page's Content-Security-Policy allows data: and not blob:
  await renderAsync(await response.blob(), target, null, {
    inWrapper: true, useBase64URL: true, ignoreLastRenderedPageBreak: true, breakPages: true,
  });
}

const SHOW = { pdf: showPdf, docx: showDocx };

document.querySelectorAll('.file-preview[data-kind]').forEach((box) => {
  const show = SHOW[box.dataset.kind];
  if (!show) {
    return;
  }
  box.dataset.state = 'loading';
  show(box).then(
    () => { box.dataset.state = 'shown'; },
    () => {
      box.dataset.state = 'failed';
      note(box, box.dataset.failed, 'flash error');
    },
  );
});
