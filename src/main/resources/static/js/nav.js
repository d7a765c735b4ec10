// The collapsible navigation of narrow screens (fragments/layout.html). Loaded right after the menu button, before
// the navigation is parsed, so that a phone never shows the full navigation first; without script the button stays
// hidden and the navigation shows in full.
(function () {
  var toggle = document.getElementById('nav-toggle');
  if (!toggle) {
    return;
  }
  var bar = toggle.parentNode;
  bar.classList.add('nav-collapsible');

  function setOpen(open) {
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    bar.classList.toggle('nav-open', open);
  }

  toggle.addEventListener('click', function () {
    setOpen(toggle.getAttribute('aria-expanded') !== 'true');
  });
  // Escape closes the open menu and gives the focus back to its button
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
})();
