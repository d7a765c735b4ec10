// Page script for server-rendered pages that show a BPMN diagram without any inline script.
//
//   <link rel="stylesheet" href="/vendor/diagram-js.css">
//   <link rel="stylesheet" href="/vendor/bpmn-js.css">
//   <link rel="stylesheet" href="/vendor/bpmn-viewer.css">
//   <div class="bpmn-diagram" data-bpmn-url="/tasks/123/diagram" data-error-text="..."></div>
//   <script src="/vendor/diagram-page.js" defer></script>
//
// The URL must return JSON { xml: "...", current: [...], completed: [...],
// counts?: {id: n}, classes?: {id: 'cls'} }.
//
// This bundle contains the viewer itself (it also defines window.StudyFlowViewer if absent),
// so bpmn-viewer.js need not be loaded on such pages.

import StudyFlowViewer from './viewer.js';

const DEFAULT_ERROR = 'The process diagram could not be loaded.';

function showError(el, err) {
  el.classList.remove('sf-diagram-loading');
  el.classList.add('sf-diagram-error');
  StudyFlowViewer.destroy(el);
  el.textContent = el.getAttribute('data-error-text') || DEFAULT_ERROR;
  if (window.console && console.error) {
    console.error('StudyFlow diagram failed:', el.getAttribute('data-bpmn-url'), err);
  }
}

async function load(el) {
  const url = el.getAttribute('data-bpmn-url');
  el.classList.add('sf-diagram-loading');
  try {
    const response = await fetch(url, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const data = await response.json();
    if (!data || typeof data.xml !== 'string' || !data.xml) {
      throw new Error('response has no xml');
    }
    await StudyFlowViewer.render(el, data.xml, {
      current: data.current || [],
      completed: data.completed || [],
      counts: data.counts || undefined,
      classes: data.classes || undefined,
    });
    el.classList.remove('sf-diagram-loading');
    el.classList.add('sf-diagram-loaded');
  } catch (err) {
    showError(el, err);
  }
}

function init() {
  const elements = document.querySelectorAll('[data-bpmn-url]');
  return Promise.all(Array.prototype.map.call(elements, load));
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init);
} else {
  init();
}
