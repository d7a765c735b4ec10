// Tooltips on the palette: diagram-js gives its entries an aria-label but no title, so a mouse user sees nothing
// on hover. Each entry gets its (translated) label as title whenever the palette is drawn.

function PaletteTitles(eventBus, canvas) {
  eventBus.on('palette.changed', () => {
    canvas.getContainer().querySelectorAll('.djs-palette .entry[aria-label]').forEach((entry) => {
      entry.setAttribute('title', entry.getAttribute('aria-label'));
    });
  });
}

PaletteTitles.$inject = ['eventBus', 'canvas'];

export default {
  __init__: ['studyflowPaletteTitles'],
  studyflowPaletteTitles: ['type', PaletteTitles]
};
