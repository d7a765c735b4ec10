// The print button of a record (fragments/print.html): the page's Content-Security-Policy allows no inline handler.
document.querySelectorAll('[data-print]').forEach((button) => {
  button.addEventListener('click', () => window.print());
});
