// After a task is dropped, bpmn-js opens its name for typing (direct editing). Pressing an entry of the context pad
// (更改类型, append, delete…) ends that editing, which updates the element and so redraws the pad under the pointer:
// the press never became a click and the first click did nothing. Here the press ends the editing first and, if that
// redrew the pad, runs the entry's click itself.

function PadWhileEditing(canvas, contextPad, directEditing) {
  canvas.getContainer().addEventListener('mousedown', (event) => {
    const entry = event.target && event.target.closest
      ? event.target.closest('.djs-context-pad .entry[data-action]') : null;
    if (!entry || event.button !== 0 || !directEditing.isActive()) {
      return;
    }
    directEditing.complete();
    if (!entry.isConnected) {
      event.preventDefault();
      event.stopPropagation();
      contextPad.triggerEntry(entry.getAttribute('data-action'), 'click', event);
    }
  }, true);
}

PadWhileEditing.$inject = ['canvas', 'contextPad', 'directEditing'];

export default {
  __init__: ['studyflowPadWhileEditing'],
  studyflowPadWhileEditing: ['type', PadWhileEditing]
};
