/* Partnership chat: live messages over a websocket; polling of the JSON API where websockets
   are blocked; posting through the API so that the text stays in the box when sending fails.
   Without this script the page is a plain list and form. Every message carries an id: after a
   reconnect the client asks for what came after the last id it has, so nothing is missed. */
(function () {
  "use strict";
  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  if (!log || !form || !log.dataset.api) { return; }
  var data = log.dataset;
  var status = document.getElementById("chat-status");
  var problem = document.getElementById("chat-error");
  var box = form.querySelector("textarea");
  var language = document.documentElement.lang || "en";
  var lastId = parseInt(data.lastId || "0", 10);
  var POLL_MS = 3000;
  var socket = null;
  var everOpened = false;
  var failures = 0;
  var pollTimer = null;
  var retryTimer = null;

  function csrfToken() {
    return form.querySelector("input[name=csrfmiddlewaretoken]").value;
  }

  function say(text) {
    if (status.textContent !== text) { status.textContent = text; }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function render(message) {
    var item = element("li", "chat-msg");
    item.id = "m" + message.id;
    item.dataset.id = String(message.id);
    var meta = element("p", "chat-msg__meta");
    var when = element("time", "", message.created_at.slice(0, 16).replace("T", " "));
    when.dateTime = message.created_at;
    meta.append(element("strong", "", message.author || data.formerLabel), " ", when);
    item.append(meta);
    if (message.hidden) {
      item.append(element("p", "chat-msg__hidden", data.hiddenLabel + " " + message.hidden_reason));
    } else {
      var body = element("div", "chat-msg__body");
      body.innerHTML = message.html; /* sanitised on the server (nh3) when the message was stored */
      item.append(body);
      if (data.hideUrl) {
        var hide = element("a", "chat-msg__hide", data.hideLabel);
        hide.href = data.hideUrl.replace("/0/hide/", "/" + message.id + "/hide/");
        item.append(hide);
      }
    }
    return item;
  }

  function show(message) {
    var item = render(message);
    var existing = document.getElementById(item.id);
    if (existing) { existing.replaceWith(item); return; }
    var items = log.querySelectorAll(".chat-msg");
    if (items.length && message.id < parseInt(items[0].dataset.id, 10)) { return; } /* older than this page */
    var empty = document.getElementById("chat-empty");
    if (empty) { empty.remove(); }
    var next = null;
    for (var i = items.length - 1; i >= 0; i -= 1) {
      if (parseInt(items[i].dataset.id, 10) > message.id) { next = items[i]; } else { break; }
    }
    log.insertBefore(item, next);
    if (message.id > lastId) { lastId = message.id; }
    item.scrollIntoView({ block: "nearest" });
  }

  function markRead() {
    if (socket && socket.readyState === WebSocket.OPEN && document.visibilityState === "visible") {
      socket.send(JSON.stringify({ type: "read", id: lastId }));
    }
  }

  function poll() {
    fetch(data.api + "?after=" + lastId, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) { answer.messages.forEach(show); } })
      .catch(function () { /* offline for a moment: the next round asks again from the same id */ });
  }

  function startPolling() {
    if (pollTimer === null) {
      say(data.offlineLabel);
      poll();
      pollTimer = window.setInterval(poll, POLL_MS);
    }
  }

  function stopPolling() {
    if (pollTimer !== null) { window.clearInterval(pollTimer); pollTimer = null; }
  }

  function connect() {
    retryTimer = null;
    if (!("WebSocket" in window)) { startPolling(); return; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + window.location.host + data.socket + "?after=" + lastId);
    } catch (error) {
      startPolling();
      return;
    }
    socket.addEventListener("open", function () {
      everOpened = true;
      failures = 0;
      stopPolling();
      say(data.liveLabel);
      markRead();
    });
    socket.addEventListener("message", function (event) {
      show(JSON.parse(event.data));
      markRead();
    });
    socket.addEventListener("close", function () {
      socket = null;
      failures += 1;
      if (!everOpened || failures > 1) { startPolling(); } else { say(data.offlineLabel); }
      var delay = Math.min(1000 * Math.pow(2, failures - 1), 15000);
      if (retryTimer === null) { retryTimer = window.setTimeout(connect, delay); }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = box.value;
    problem.textContent = "";
    fetch(data.api, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "Accept-Language": language,
        "X-CSRFToken": csrfToken()
      },
      body: JSON.stringify({ text: text })
    })
      .then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      })
      .then(function (result) {
        if (result.ok) {
          if (box.value === text) { box.value = ""; }
          show(result.answer);
        } else {
          problem.textContent = result.answer.detail || data.failedLabel;
        }
      })
      .catch(function () { problem.textContent = data.failedLabel; });
  });

  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  document.addEventListener("visibilitychange", markRead);
  connect();
}());
