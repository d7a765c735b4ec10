// Upload forms (fragments/upload :: file): the browser checks a chosen file's type and size against what the
// field states before anything is sent, and a form the server refuses comes back with what was typed in it.
// The server still checks every upload; this only spares the user a long upload and a lost form.
(function () {
  'use strict';

  var PREFIX = 'studyflow.upload-form:';
  var MAX_AGE_MS = 30 * 60 * 1000;

  function extension(name) {
    var dot = name.lastIndexOf('.');
    return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  }

  function errorOf(input) {
    return document.getElementById(input.id + '-error');
  }

  function check(input) {
    var max = Number(input.getAttribute('data-max-bytes')) || 0;
    var accepted = (input.getAttribute('accept') || '').split(',')
      .map(function (a) { return a.trim().replace(/^\./, '').toLowerCase(); })
      .filter(function (a) { return a && a.indexOf('/') < 0; });
    var message = '';
    Array.prototype.forEach.call(input.files || [], function (file) {
      if (!message && accepted.length && accepted.indexOf(extension(file.name)) < 0) {
        message = input.getAttribute('data-wrong-type') || '';
      }
      if (!message && max && file.size > max) {
        message = input.getAttribute('data-too-large') || '';
      }
    });
    input.setCustomValidity(message);
    var error = errorOf(input);
    if (error) {
      error.textContent = message;
    }
    return !message;
  }

  function keyOf(form) {
    return PREFIX + window.location.pathname + '#' + (form.id || form.getAttribute('action') || '');
  }

  function kept(element) {
    var type = (element.type || '').toLowerCase();
    return element.name && ['file', 'password', 'hidden', 'submit', 'button', 'reset'].indexOf(type) < 0;
  }

  function save(form) {
    var values = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!kept(el)) {
        return;
      }
      if (el.type === 'checkbox' || el.type === 'radio') {
        values.push({ name: el.name, value: el.value, checked: el.checked });
      } else {
        values.push({ name: el.name, value: el.value });
      }
    });
    try {
      sessionStorage.setItem(keyOf(form), JSON.stringify({ at: Date.now(), values: values }));
    } catch (e) {
      // storage full or off: the server's own checks still answer
    }
  }

  function restore(form) {
    var key = keyOf(form);
    var saved;
    try {
      saved = JSON.parse(sessionStorage.getItem(key) || 'null');
      sessionStorage.removeItem(key);
    } catch (e) {
      return;
    }
    // only a refusal brings the form back: a page that shows no error starts as the server sent it
    if (!saved || Date.now() - saved.at > MAX_AGE_MS || !document.querySelector('.flash.error')) {
      return;
    }
    saved.values.forEach(function (v) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name !== v.name || !kept(el)) {
          return;
        }
        if (el.type === 'checkbox' || el.type === 'radio') {
          if (el.value === v.value) {
            el.checked = v.checked;
          }
        } else {
          el.value = v.value;
        }
      });
    });
    Array.prototype.forEach.call(form.querySelectorAll('input[type=file][data-restored]'), function (input) {
      var error = errorOf(input);
      if (error) {
        error.textContent = input.getAttribute('data-restored');
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('input[type=file][data-max-bytes]'), function (input) {
      input.addEventListener('change', function () { check(input); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('form[enctype="multipart/form-data"]'), function (form) {
      restore(form);
      form.addEventListener('submit', function (event) {
        var ok = true;
        Array.prototype.forEach.call(form.querySelectorAll('input[type=file][data-max-bytes]'), function (input) {
          ok = check(input) && ok;
        });
        if (!ok) {
          event.preventDefault();
          return;
        }
        save(form);
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
