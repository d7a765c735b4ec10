// Builds the browser-side vendor bundles for StudyFlow with esbuild.
//
//   npm ci --no-audit --no-fund --prefer-offline && npm run build
//
// Output goes to $OUT_DIR (a relative OUT_DIR is taken relative to the current
// working directory); by default to ../../../target/classes/static/vendor
// relative to this file, i.e. <project>/target/classes/static/vendor, which
// Spring Boot serves as /vendor/...
//
// Everything comes from node_modules: no CDN, nothing fetched at run time.
// Exits non-zero on any failure.

import { build } from 'esbuild';
import { cp, mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = process.env.OUT_DIR
  ? resolve(process.cwd(), process.env.OUT_DIR)
  : resolve(HERE, '../../../target/classes/static/vendor');

const NM = join(HERE, 'node_modules');

// [source, destination relative to OUT_DIR]
const COPIES = [
  // bpmn-js / diagram-js base styles
  [join(NM, 'bpmn-js/dist/assets/diagram-js.css'), 'diagram-js.css'],
  [join(NM, 'bpmn-js/dist/assets/bpmn-js.css'), 'bpmn-js.css'],
  // bpmn icon font: the directory layout is kept (bpmn-font/css + bpmn-font/font)
  // so the relative url('../font/bpmn.*') references inside the CSS resolve.
  [join(NM, 'bpmn-js/dist/assets/bpmn-font/css'), 'bpmn-font/css'],
  [join(NM, 'bpmn-js/dist/assets/bpmn-font/font'), 'bpmn-font/font'],
  // our own viewer styles (markers, count badges)
  [join(HERE, 'src/viewer.css'), 'bpmn-viewer.css'],
  // the modeler: properties panel styles and our own (problem markers, comparison colours)
  [join(NM, '@bpmn-io/properties-panel/dist/assets/properties-panel.css'), 'properties-panel.css'],
  [join(HERE, 'src/modeler.css'), 'modeler.css'],
  // ECharts: the prebuilt minified UMD bundle (global `echarts`)
  [join(NM, 'echarts/dist/echarts.min.js'), 'echarts.min.js'],
  // pdf.js draws PDF pages in a worker of its own: its prebuilt worker beside the bundle, same origin
  [join(NM, 'pdfjs-dist/build/pdf.worker.min.mjs'), 'pdf.worker.min.mjs'],
  [join(HERE, 'src/preview.css'), 'file-preview.css'],
];

async function main() {
  const started = Date.now();
  await mkdir(OUT_DIR, { recursive: true });

  const result = await build({
    absWorkingDir: HERE,
    entryPoints: {
      'bpmn-viewer': join(HERE, 'src/viewer.js'),
      'diagram-page': join(HERE, 'src/diagram-page.js'),
      modeler: join(HERE, 'src/modeler.js'),
      // a material's file in the page: pdf.js for PDF, docx-preview for Word
      'file-preview': join(HERE, 'src/preview.js'),
    },
    outdir: OUT_DIR,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2019'],
    minify: true,
    sourcemap: false,
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
  });

  for (const [src, dest] of COPIES) {
    await stat(src); // fail clearly if a package layout changed
    await cp(src, join(OUT_DIR, dest), { recursive: true, force: true });
  }

  const lines = Object.entries(result.metafile.outputs).map(
    ([file, info]) => `  ${relative(OUT_DIR, resolve(HERE, file))}  ${(info.bytes / 1024).toFixed(0)} KiB`
  );
  console.log(`studyflow-frontend: built into ${OUT_DIR} in ${Date.now() - started} ms`);
  console.log(lines.join('\n'));
  console.log(`  + ${COPIES.map(([, d]) => d).join(', ')}`);
}

main().catch((err) => {
  console.error('studyflow-frontend build FAILED:', err && err.message ? err.message : err);
  process.exit(1);
});
