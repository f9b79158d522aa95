// A team's game page, enhanced: the map with the stops and the player's position, forms shown
// only near a stop (or after scanning its QR code), the clock, and an offline queue. Every
// answer keeps the UUID the server put in its form, so sending the queue twice stores it once.
// Answers wait in localStorage; photos (Blobs) in the IndexedDB outbox of games/outbox.js.
// Without this script the page still works: every form posts to the server.
(function () {
  "use strict";
  var root = document.getElementById("game");
  if (!root) { return; }
  var cfg = root.dataset;
  var KEY = "sdg-games-queue-" + cfg.token;
  var SCOPE = "team-" + cfg.token;  // this team's photos in the outbox
  var outbox = window.SDGOutbox && window.SDGOutbox.available ? window.SDGOutbox : null;
  var photosQueued = {};  // stop id -> true while its photo waits in the outbox
  var position = null;
  var flushing = false;
  var map = null;
  var me = null;

  function el(id) { return document.getElementById(id); }
  function setStatus(text) { el("sync").textContent = text; }
  function loadQueue() { try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; } }
  function saveQueue(queue) { localStorage.setItem(KEY, JSON.stringify(queue)); }

  // Great-circle distance in metres (the server checks again with the same formula).
  function distance(lat1, lon1, lat2, lon2) {
    var r = Math.PI / 180, p1 = lat1 * r, p2 = lat2 * r;
    var a = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin((lon2 - lon1) * r / 2), 2);
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  var stops = Array.prototype.slice.call(document.querySelectorAll(".stop")).map(function (li) {
    return { li: li, id: li.dataset.stop, lat: parseFloat(li.dataset.lat), lon: parseFloat(li.dataset.lon),
      radius: parseFloat(li.dataset.radius), kind: li.dataset.kind, form: li.querySelector("form"),
      qr: li.querySelector("input[name$='-qr']") };
  });
  var params = new URLSearchParams(location.search);

  function queuedFor(id) { return photosQueued[id] || loadQueue().some(function (item) { return String(item.stop) === String(id); }); }
  function stopOf(id) { return stops.filter(function (s) { return String(s.id) === String(id); })[0]; }
  function showQueued(stop) { stop.form.hidden = true; stop.li.querySelector(".stop__result").textContent = cfg.queued; }

  function update() {
    stops.forEach(function (stop) {
      if (!stop.form || stop.li.dataset.done || queuedFor(stop.id)) { return; }  // a queued answer keeps its form closed
      var info = stop.li.querySelector(".stop__distance");
      var unlocked = stop.qr && stop.qr.value;
      var metres = position ? distance(position.lat, position.lon, stop.lat, stop.lon) : null;
      var near = unlocked || (metres !== null && metres <= stop.radius);
      stop.form.hidden = !near;
      info.hidden = false;
      info.textContent = near ? cfg.near : (metres === null ? "" : Math.round(metres - stop.radius) + " " + cfg.toGo);
    });
    if (map && position) {
      if (!me) { me = L.circleMarker([position.lat, position.lon], { radius: 8, color: "#C5192D" }).addTo(map).bindTooltip(document.createTextNode(cfg.you)); }
      me.setLatLng([position.lat, position.lon]);
    }
  }

  function showResult(stop, body) {
    var result = stop.li.querySelector(".stop__result");
    var fact = stop.li.querySelector(".stop__fact");
    var info = stop.li.querySelector(".stop__distance");
    if (!stop.form) { return; }  // answered before this page was loaded: the server shows it
    stop.li.dataset.done = "1";
    stop.form.hidden = true;
    if (info) { info.hidden = true; }
    if (body.reason || !body.verdict) { result.textContent = body.detail; return; }
    var word = body.verdict === "correct" ? cfg.correct : body.verdict === "wrong" ? cfg.wrong : cfg.pending;
    result.textContent = word + " · " + body.points + " " + cfg.points;
    if (fact) { fact.hidden = false; }
  }

  function refreshPoints() {
    return fetch(cfg.stateUrl, { headers: { Accept: "application/json" } }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) { if (state) { el("points").textContent = state.points; } }).catch(function () {});
  }

  function flush() {
    if (flushing) { return Promise.resolve(); }
    flushing = true;
    var sent = 0;
    function next() {
      var queue = loadQueue();
      if (!queue.length) { return nextPhoto(); }
      var item = queue[0];
      sent += 1;
      return fetch(cfg.answersUrl, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(item) })
        .then(function (response) {
          if (response.status >= 500) { throw new Error("server"); }
          return response.json().then(function (body) {
            saveQueue(loadQueue().filter(function (q) { return q.client_id !== item.client_id; }));
            var stop = stopOf(item.stop);
            if (stop) { showResult(stop, body); }
            return next();
          });
        });
    }
    function nextPhoto() {  // then the photos, one by one, as the plain form would post them
      if (!outbox) { return Promise.resolve(); }
      return outbox.all(SCOPE).then(function (items) {
        if (!items.length) { return null; }
        var item = items[0];
        sent += 1;
        return outbox.send(item).then(function (reply) {
          return outbox.remove(item.client_id).then(function () {
            var stop = stopOf(item.stop);
            delete photosQueued[item.stop];
            if (stop && reply.status === 400) {  // not an image we accept: the form is shown again
              stop.form.hidden = false;
              stop.li.querySelector(".stop__result").textContent = reply.body.detail || "";
            } else if (stop) { showResult(stop, reply.body); }
            return nextPhoto();
          });
        });
      });
    }
    return next().then(function () {
      if (sent) { setStatus(cfg.synced); cachePage(); return refreshPoints(); }
      return null;
    }).catch(function () { setStatus(cfg.offline + " (" + (loadQueue().length + Object.keys(photosQueued).length) + ")"); })
      .then(function () { flushing = false; });
  }

  // This page as the server last showed it, for reopening the game offline (the service worker
  // answers from this cache when there is no connection).
  var caching = Promise.resolve();
  function cachePage() {  // one after the other, so an older copy never overwrites a newer one
    if (!("caches" in window) || !navigator.onLine) { return; }
    caching = caching.then(function () {
      return caches.open("sdg-games-v1").then(function (cache) {
        return Promise.all([location.pathname, cfg.stateUrl].map(function (url) {
          return fetch(url, { credentials: "same-origin" }).then(function (response) {
            if (!response.ok) { return null; }
            // The page varies on the cookie: drop every older copy, whatever cookie it was fetched with.
            return cache.delete(url, { ignoreVary: true }).then(function () { return cache.put(url, response); });
          });
        }));
      });
    }).catch(function () {});
  }

  function valueOf(form, suffix) { var input = form.querySelector("[name$='-" + suffix + "']:checked, [name$='-" + suffix + "']:not([type=radio])"); return input ? input.value : ""; }

  function onSubmit(stop, event) {
    if (stop.kind === "photo") { queuePhoto(stop, event); return; }
    event.preventDefault();
    var form = stop.form;
    var item = { client_id: valueOf(form, "client_id"), stop: parseInt(stop.id, 10), answered_at: new Date().toISOString() };
    if (stop.qr && stop.qr.value) { item.qr = stop.qr.value; }
    if (position) { item.latitude = position.lat; item.longitude = position.lon; }
    if (stop.kind === "choice") { var c = valueOf(form, "choice"); item.choice = c === "" ? null : parseInt(c, 10); }
    if (stop.kind === "number") { item.number = valueOf(form, "number").replace(",", ".") || null; }
    if (stop.kind === "open") { item.text = valueOf(form, "text"); }
    if (queuedFor(stop.id)) { return; }
    var queue = loadQueue(); queue.push(item); saveQueue(queue);
    form.hidden = true;
    stop.li.querySelector(".stop__result").textContent = cfg.queued;
    flush();
  }

  // A photo waits in the outbox with the time it was taken and the position there, then goes
  // to the same address as the plain form (the same checks: image, EXIF stripped, referee).
  function queuePhoto(stop, event) {
    var form = stop.form, input = form.querySelector("input[type=file]");
    if (position) { fillPosition(form); }
    if (!outbox) {  // no IndexedDB: the plain form, online only
      if (!navigator.onLine) { event.preventDefault(); stop.li.querySelector(".stop__result").textContent = cfg.photoOffline; }
      return;
    }
    event.preventDefault();
    var file = input && input.files && input.files[0];
    if (!file) { stop.li.querySelector(".stop__result").textContent = cfg.photoMissing; return; }
    if (queuedFor(stop.id)) { return; }
    form.querySelector("[name$='-answered_at']").value = new Date().toISOString();
    var item = { client_id: valueOf(form, "client_id"), scope: SCOPE, stop: stop.id, url: form.action,
      fields: outbox.fieldsOf(form), file: file, fileField: input.name, fileName: file.name };
    photosQueued[stop.id] = true;
    showQueued(stop);
    outbox.add(item).then(flush, function () {  // the phone refused to keep it (storage full)
      delete photosQueued[stop.id];
      stop.form.hidden = false;
      stop.li.querySelector(".stop__result").textContent = cfg.photoOffline;
    });
  }

  function fillPosition(form) {
    var lat = form.querySelector("[name$='-latitude']"), lon = form.querySelector("[name$='-longitude']");
    if (lat && lon && position) { lat.value = position.lat; lon.value = position.lon; }
  }

  stops.forEach(function (stop) {
    if (!stop.form) { return; }
    ["latitude", "longitude"].forEach(function (name) {
      var input = stop.form.querySelector("[name$='-" + name + "']");
      if (input) { input.closest(".field").hidden = true; }
    });
    if (stop.qr && params.get("qr") && !stop.qr.value) { /* the server fills the code of the scanned stop */ }
    if (queuedFor(stop.id)) { showQueued(stop); }
    stop.form.addEventListener("submit", function (event) { onSubmit(stop, event); });
  });

  function located(pos) { position = { lat: pos.coords.latitude, lon: pos.coords.longitude }; update(); }
  function locate() { if (navigator.geolocation) { navigator.geolocation.getCurrentPosition(located, function () {}, { enableHighAccuracy: true, maximumAge: 0, timeout: 10000 }); } }
  if (navigator.geolocation) {
    navigator.geolocation.watchPosition(located, function () {}, { enableHighAccuracy: true, maximumAge: 0 });
    var button = el("locate"); button.hidden = false; button.addEventListener("click", locate);
  }

  var clock = el("clock");
  if (clock) {
    var end = Date.now() + parseInt(clock.dataset.seconds, 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      clock.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    };
    tick(); setInterval(tick, 1000);
  }

  // The map comes after the page: on a slow connection the questions are usable first.
  function drawMap() {
    if (typeof L === "undefined" || !stops.length) { return; }
    var box = el("play-map");
    box.innerHTML = ""; box.classList.add("map--live");
    map = L.map(box, { scrollWheelZoom: false });
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>' }).addTo(map);
    var points = stops.map(function (s) {
      L.circle([s.lat, s.lon], { radius: s.radius, color: s.li.dataset.done ? "#4C9F38" : "#19486A" }).addTo(map).bindTooltip(document.createTextNode(s.li.dataset.name));
      return [s.lat, s.lon];
    });
    map.fitBounds(points, { padding: [30, 30], maxZoom: 17 });
    update();
  }
  function loadMap() {
    var script = document.createElement("script");
    script.src = cfg.leaflet;
    script.addEventListener("load", drawMap);
    document.head.appendChild(script);
  }
  if (document.readyState === "complete") { loadMap(); } else { window.addEventListener("load", loadMap); }

  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { setStatus(cfg.offline); });
  setInterval(flush, 15000);
  update();
  if (outbox) {  // photos still waiting from an earlier visit
    outbox.all(SCOPE).then(function (items) {
      items.forEach(function (item) { var stop = stopOf(item.stop); photosQueued[item.stop] = true; if (stop && stop.form) { showQueued(stop); } });
    }).catch(function () { outbox = null; }).then(flush);
  } else { flush(); }

  if ("serviceWorker" in navigator) {
    var scope = cfg.sw.replace(/[^/]*$/, "");
    navigator.serviceWorker.register(cfg.sw, { scope: scope }).catch(function () {});
    cachePage();
  }
})();
