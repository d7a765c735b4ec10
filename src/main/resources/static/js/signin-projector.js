// The sign-in projector (templates/session/signin-projector.html): asks the server for the current code every few
// seconds and, when the 30-second step changes, shows the new code and reloads the QR code drawn for it.
// The addresses come in data- attributes (the Content-Security-Policy allows no inline script).
(function () {
  'use strict';

  var POLL_MS = 3000;

  function start(root) {
    var codeUrl = root.getAttribute('data-code-url');
    var qrUrl = root.getAttribute('data-qr-url');
    var code = document.getElementById('signin-code');
    var seconds = document.getElementById('signin-seconds');
    var present = document.getElementById('signin-present');
    var expected = document.getElementById('signin-expected');
    var qr = document.getElementById('signin-qr');
    var step = null;

    function show(p) {
      code.textContent = p.code;
      seconds.textContent = p.secondsLeft;
      present.textContent = p.present + p.late;
      expected.textContent = p.expected;
      if (p.step !== step) {
        step = p.step;
        qr.src = qrUrl + (qrUrl.indexOf('?') < 0 ? '?' : '&') + 'step=' + encodeURIComponent(p.step);
      }
    }

    function closed() {
      code.textContent = root.getAttribute('data-closed');
      qr.hidden = true;
    }

    function poll() {
      fetch(codeUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (response.status === 409) {
            closed();
            return null;
          }
          if (!response.ok) {
            setTimeout(poll, POLL_MS * 2);
            return null;
          }
          return response.json();
        })
        .then(function (p) {
          if (p) {
            show(p);
            setTimeout(poll, Math.min(POLL_MS, p.secondsLeft * 1000 + 200));
          }
        })
        .catch(function () {
          setTimeout(poll, POLL_MS);
        });
    }

    // between polls the countdown goes on by itself
    setInterval(function () {
      var left = parseInt(seconds.textContent, 10);
      if (left > 1) {
        seconds.textContent = left - 1;
      }
    }, 1000);
    poll();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('projector');
    if (root) {
      start(root);
    }
  });
})();
