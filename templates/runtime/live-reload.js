/*
 * mujaz serve: reloads the deck when the brief is saved, and shows the brief's problems over the last good
 * deck while it is broken. Served by the preview server only (never copied into a built deck); a same-origin
 * file, so the deck's Content-Security-Policy (script-src 'self', connect-src 'self') allows it.
 * Text goes in through textContent only.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var pageVersion = script ? Number(script.getAttribute('data-version')) : -1;
  var OVERLAY_ID = 'mujaz-live-overlay';
  var retryMs = 250;

  function removeOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }

  function style(el, css) {
    for (var k in css) el.style.setProperty(k, css[k]);
  }

  function showProblems(problems) {
    removeOverlay();
    if (!problems || problems.length === 0) return;
    var box = document.createElement('div');
    box.id = OVERLAY_ID;
    box.setAttribute('dir', 'ltr');
    box.setAttribute('lang', 'en');
    box.setAttribute('role', 'alert');
    style(box, {
      position: 'fixed',
      top: '0',
      left: '0',
      right: '0',
      'z-index': '2147483647',
      'max-height': '60vh',
      overflow: 'auto',
      margin: '0',
      padding: '12px 16px',
      background: '#111',
      color: '#fff',
      'border-bottom': '4px solid #ff5c5c',
      'font-family': 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      'font-size': '15px',
      'line-height': '1.45',
      'text-align': 'left',
      'unicode-bidi': 'isolate',
      'white-space': 'pre-wrap',
      'word-break': 'break-word',
      'box-shadow': '0 4px 16px rgba(0,0,0,.5)',
    });
    var head = document.createElement('div');
    head.textContent = 'mujaz: the brief has ' + problems.length + ' problem' + (problems.length === 1 ? '' : 's') + ' (showing the last good deck; fix and save to reload)';
    style(head, { color: '#ffd75c', 'font-weight': 'bold', 'margin-bottom': '6px' });
    box.appendChild(head);
    problems.forEach(function (p) {
      var row = document.createElement('div');
      row.className = 'mujaz-live-problem';
      row.textContent = String(p.text);
      style(row, { 'margin-top': '4px' });
      box.appendChild(row);
      if (p.hint) {
        var hint = document.createElement('div');
        hint.textContent = '  hint: ' + String(p.hint);
        style(hint, { color: '#9fe0ff' });
        box.appendChild(hint);
      }
    });
    (document.body || document.documentElement).appendChild(box);
  }

  function connect() {
    var ws;
    try {
      ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/__mujaz/ws');
    } catch (e) {
      return;
    }
    ws.onopen = function () {
      retryMs = 250;
      document.documentElement.setAttribute('data-mujaz-live', 'connected');
    };
    ws.onmessage = function (event) {
      var msg;
      try {
        msg = JSON.parse(String(event.data));
      } catch (e) {
        return;
      }
      if (msg.type === 'reload') {
        location.reload();
      } else if (msg.type === 'state') {
        // A build finished between this page's load and the connection: load it.
        if (msg.problems.length === 0 && msg.version !== pageVersion) location.reload();
        else showProblems(msg.problems);
      } else if (msg.type === 'problems') {
        showProblems(msg.problems);
      }
    };
    ws.onclose = function () {
      document.documentElement.setAttribute('data-mujaz-live', 'disconnected');
      // The server restarted or stopped: try again, more slowly each time.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }

  connect();
})();
