/* global document, window */
// The portal's only script, and optional: pages work without it. It counts this visit with a POST
// beacon (never a GET) and shows the fresh count; and it offers the browser's print dialog.
(function () {
  var beacon = document.querySelector('[data-read-beacon]');
  if (beacon && window.fetch) {
    fetch(beacon.getAttribute('data-read-beacon'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
      keepalive: true,
    })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (d) {
        var out = document.getElementById('read-count');
        if (d && typeof d.readCount === 'number' && out) out.textContent = String(d.readCount);
      })
      .catch(function () {});
  }
  var buttons = document.querySelectorAll('[data-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
})();
