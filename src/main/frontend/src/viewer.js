// StudyFlow BPMN viewer: a thin wrapper around bpmn-js' NavigatedViewer.
//
// Exposes a global:
//
//   window.StudyFlowViewer.render(containerElement, xmlString, options) -> Promise<{ viewer, warnings }>
//
// options (all optional):
//   current:   ['activityId', ...]   -> marker class 'sf-current'
//   completed: ['activityId', ...]   -> marker class 'sf-completed' (ignored for ids also in current)
//   counts:    { activityId: number } -> small badge overlay with the number (0/empty ignored)
//   classes:   { activityId: 'css-class other-class' } -> extra marker classes
//   height:    CSS height used only when the container has no height of its own (default '480px')
//   maxZoom:   upper bound for the fit-to-viewport zoom (default 1, so small diagrams are not blown up)
//
// Ids that are not in the diagram are ignored silently. Calling render() again on the same
// container replaces the previous diagram. No inline <script> or style attributes are needed
// (all styling is via CSS classes and CSSOM), so it works under a strict CSP.

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

const viewers = new WeakMap();

function asArray(value) {
  if (!value) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function ensureHeight(container, height) {
  if (container.clientHeight === 0) {
    // CSSOM assignment: allowed under a CSP without 'unsafe-inline' styles.
    container.style.height = height || '480px';
  }
}

function fit(canvas, maxZoom) {
  const size = canvas.getSize();
  if (!size.width || !size.height) {
    return; // container not visible (e.g. hidden tab): nothing sensible to fit to
  }
  canvas.zoom('fit-viewport', 'auto');
  const limit = typeof maxZoom === 'number' ? maxZoom : 1;
  if (canvas.zoom() > limit) {
    canvas.zoom(limit, 'auto');
  }
}

function decorate(viewer, options) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');

  const has = (id) => typeof id === 'string' && !!registry.get(id);

  const current = asArray(options.current).filter(has);
  const currentSet = new Set(current);

  asArray(options.completed)
    .filter(has)
    .filter((id) => !currentSet.has(id))
    .forEach((id) => canvas.addMarker(id, 'sf-completed'));

  current.forEach((id) => canvas.addMarker(id, 'sf-current'));

  const classes = options.classes || {};
  Object.keys(classes).filter(has).forEach((id) => {
    String(classes[id] || '')
      .split(/\s+/)
      .filter(Boolean)
      .forEach((cls) => canvas.addMarker(id, cls));
  });

  const counts = options.counts || {};
  Object.keys(counts).filter(has).forEach((id) => {
    const n = counts[id];
    if (n === null || n === undefined || n === '' || n === 0) {
      return;
    }
    const badge = document.createElement('div');
    badge.className = currentSet.has(id) ? 'sf-count-badge sf-count-current' : 'sf-count-badge';
    badge.textContent = String(n);
    badge.title = String(n);
    overlays.add(id, 'sf-count', {
      position: { top: -10, right: 10 },
      html: badge,
    });
  });
}

async function render(container, xml, options) {
  if (!container || container.nodeType !== 1) {
    throw new Error('StudyFlowViewer.render: container must be a DOM element');
  }
  const opts = options || {};

  const previous = viewers.get(container);
  if (previous) {
    previous.destroy();
    viewers.delete(container);
  }

  ensureHeight(container, opts.height);

  const viewer = new NavigatedViewer({ container });
  viewers.set(container, viewer);

  const { warnings } = await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  fit(canvas, opts.maxZoom);
  decorate(viewer, opts);

  return { viewer, warnings };
}

function destroy(container) {
  const viewer = container && viewers.get(container);
  if (viewer) {
    viewer.destroy();
    viewers.delete(container);
  }
}

const StudyFlowViewer = { render, destroy, NavigatedViewer };

if (typeof window !== 'undefined' && !window.StudyFlowViewer) {
  window.StudyFlowViewer = StudyFlowViewer;
}

export default StudyFlowViewer;
export { render, destroy };
