// 店小二 web-chat widget: a floating chat window a shop embeds with one script tag:
//   <script src="https://…/widget/widget.js" data-shop="SHOP_ID" async></script>
// On a product page, data-item="ITEM_ID_OR_TITLE" names the item the buyer looks at: the bot then
// knows what "这件有L码吗" means (issue 12).
// Plain browser JavaScript, no build. Every text a buyer, the bot or an agent wrote is rendered
// with textContent, never as HTML. The visitor id lives in localStorage so a returning visitor
// sees the earlier conversation; the socket reconnects with back-off and resends unsent messages.
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-shop]');
  if (!script) return;
  var shopId = script.getAttribute('data-shop');
  var itemId = script.getAttribute('data-item');
  if (!shopId || window.__dxeWidget) return;
  window.__dxeWidget = true;
  var origin = new URL(script.getAttribute('data-server') || script.src, location.href).origin;
  var wsBase = origin.replace(/^http/, 'ws');

  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, '');
    var s = '';
    for (var i = 0; i < 32; i++) s += Math.floor(Math.random() * 16).toString(16);
    return s;
  }
  var storeKey = 'dxe-visitor-' + shopId;
  var visitor = null;
  try {
    visitor = localStorage.getItem(storeKey);
    if (!visitor || !/^[A-Za-z0-9_-]{8,64}$/.test(visitor)) {
      visitor = randomId();
      localStorage.setItem(storeKey, visitor);
    }
  } catch (e) {
    visitor = randomId();
  }

  // ---- DOM (built with createElement; styles scoped by a prefix) ----
  var css =
    '.dxe-btn{position:fixed;right:20px;bottom:20px;z-index:2147483000;background:#ff5000;color:#fff;border:0;border-radius:24px;padding:12px 18px;font-size:15px;cursor:pointer;box-shadow:0 4px 12px rgba(0,0,0,.2)}' +
    '.dxe-panel{position:fixed;right:20px;bottom:76px;z-index:2147483000;width:340px;max-width:calc(100vw - 24px);height:480px;max-height:calc(100vh - 100px);background:#fff;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.25);display:none;flex-direction:column;overflow:hidden;font:14px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}' +
    '.dxe-open{display:flex}.dxe-head{background:#ff5000;color:#fff;padding:10px 14px;display:flex;justify-content:space-between;align-items:center}' +
    '.dxe-status{font-size:12px;opacity:.9}.dxe-list{flex:1;overflow-y:auto;padding:10px;background:#f5f5f5}' +
    '.dxe-row{display:flex;margin:6px 0}.dxe-row.dxe-me{justify-content:flex-end}' +
    '.dxe-bubble{max-width:78%;padding:7px 11px;border-radius:8px;background:#fff;white-space:pre-wrap;word-break:break-word}' +
    '.dxe-me .dxe-bubble{background:#ffe3d6}.dxe-pending .dxe-bubble{opacity:.55}.dxe-who{font-size:11px;color:#999;margin:0 4px}' +
    '.dxe-typing{font-size:12px;color:#999;padding:0 12px;height:18px}.dxe-form{display:flex;border-top:1px solid #eee}' +
    '.dxe-input{flex:1;border:0;padding:10px;resize:none;font:inherit;height:44px;outline:none}' +
    '.dxe-send{border:0;background:#ff5000;color:#fff;padding:0 16px;cursor:pointer}.dxe-err{color:#c00;font-size:12px;padding:2px 12px}';
  var style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }
  var button = el('button', 'dxe-btn', '在线客服');
  button.type = 'button';
  var panel = el('div', 'dxe-panel');
  var head = el('div', 'dxe-head');
  var title = el('strong', '', '在线客服');
  var status = el('span', 'dxe-status', '连接中…');
  head.appendChild(title);
  head.appendChild(status);
  var list = el('div', 'dxe-list');
  var typing = el('div', 'dxe-typing', '');
  var errorLine = el('div', 'dxe-err', '');
  var form = el('form', 'dxe-form');
  var input = el('textarea', 'dxe-input');
  input.placeholder = '请输入您的问题，按回车发送';
  input.maxLength = 1000;
  var send = el('button', 'dxe-send', '发送');
  send.type = 'submit';
  form.appendChild(input);
  form.appendChild(send);
  [head, list, typing, errorLine, form].forEach(function (n) { panel.appendChild(n); });
  document.body.appendChild(panel);
  document.body.appendChild(button);
  button.addEventListener('click', function () {
    panel.classList.toggle('dxe-open');
    if (panel.classList.contains('dxe-open')) input.focus();
  });

  var WHO = { buyer: '我', bot: '智能客服', agent: '客服', system: '系统' };
  var shown = {};
  var pending = {};
  var unsent = [];

  function addBubble(authorKind, text, pendingId) {
    var row = el('div', 'dxe-row' + (authorKind === 'buyer' ? ' dxe-me' : '') + (pendingId ? ' dxe-pending' : ''));
    if (authorKind !== 'buyer') row.appendChild(el('span', 'dxe-who', WHO[authorKind] || '客服'));
    row.appendChild(el('div', 'dxe-bubble', text));
    list.appendChild(row);
    list.scrollTop = list.scrollHeight;
    return row;
  }

  // ---- socket with reconnect and back-off ----
  var ws = null;
  var attempt = 0;
  var typingTimer = null;
  function connect() {
    status.textContent = attempt ? '正在重新连接…' : '连接中…';
    var url = wsBase + '/widget/' + encodeURIComponent(shopId) + '/ws?visitor=' + encodeURIComponent(visitor);
    try {
      ws = new WebSocket(url);
    } catch (e) {
      return retry();
    }
    ws.onopen = function () {
      attempt = 0;
      status.textContent = '在线';
      errorLine.textContent = '';
      var queued = unsent.splice(0);
      queued.forEach(function (m) { ws.send(JSON.stringify(m)); });
    };
    ws.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      if (!f || typeof f !== 'object') return;
      if (f.type === 'ready' && typeof f.shopName === 'string') title.textContent = f.shopName;
      else if (f.type === 'message' && typeof f.text === 'string') onServerMessage(f);
      else if (f.type === 'typing') {
        typing.textContent = '客服正在输入…';
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typing.textContent = ''; }, 3000);
      } else if (f.type === 'error' && typeof f.message === 'string') errorLine.textContent = f.message;
    };
    ws.onclose = function (ev) {
      ws = null;
      // 44xx: the server refused for good (unknown shop, bad visitor id); retrying cannot help.
      if (ev.code >= 4400 && ev.code < 4500) {
        status.textContent = '暂不可用';
        return;
      }
      retry();
    };
    ws.onerror = function () { /* onclose follows */ };
  }
  function retry() {
    attempt += 1;
    // 1 s, 2 s, 4 s … up to 30 s, with jitter so many buyers do not reconnect at once.
    var delay = Math.min(30000, 1000 * Math.pow(2, attempt - 1)) * (0.75 + Math.random() * 0.5);
    status.textContent = '连接已断开，' + Math.round(delay / 1000) + ' 秒后重连';
    setTimeout(connect, delay);
  }
  function onServerMessage(f) {
    if (f.id !== undefined && shown[f.id]) return;
    if (f.id !== undefined) shown[f.id] = true;
    if (f.clientId && pending[f.clientId]) {
      pending[f.clientId].classList.remove('dxe-pending');
      delete pending[f.clientId];
      return;
    }
    addBubble(f.authorKind, f.text);
    if (f.authorKind !== 'buyer') typing.textContent = '';
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    var frame = { type: 'message', clientId: randomId(), text: text };
    if (itemId) frame.item = itemId;
    pending[frame.clientId] = addBubble('buyer', text, frame.clientId);
    if (ws && ws.readyState === 1) ws.send(JSON.stringify(frame));
    else unsent.push(frame);
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit ? form.requestSubmit() : send.click();
    }
  });
  connect();
})();
