// SDG places: markers on the map of the list page; on a place's page, the check-in form gets the
// phone's position (sent with the check-in, checked by the server, not stored).
(function () {
  "use strict";
  var box = document.getElementById("places-map");
  if (box && typeof L !== "undefined") {
    var points = (box.dataset.points || "").split(";").filter(Boolean).map(function (raw) {
      var parts = raw.split(",");
      return { lat: parseFloat(parts[0]), lng: parseFloat(parts[1]), name: decodeURIComponent(parts.slice(2).join(",").replace(/\+/g, " ")) };
    });
    if (points.length) {
      box.innerHTML = ""; box.classList.add("map--live");
      var map = L.map(box, { scrollWheelZoom: false });
      L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 19,
        attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>' }).addTo(map);
      var latlngs = points.map(function (p) { L.marker([p.lat, p.lng], { title: p.name, alt: p.name }).addTo(map); return [p.lat, p.lng]; });
      map.fitBounds(latlngs, { padding: [30, 30], maxZoom: 15 });
    }
  }
  var form = document.querySelector("form.checkin");
  var script = document.currentScript;
  // Check-ins made without a connection wait in the phone's outbox (IndexedDB, games/outbox.js:
  // with their photo, and after the page is closed) and are posted on the next visit of an SDG
  // place page or when the connection returns; the form's client id makes the server store each
  // of them once, however often it is sent.
  var outbox = window.SDGOutbox && window.SDGOutbox.available ? window.SDGOutbox : null;
  var SCOPE = "checkins";
  var status = form ? form.querySelector(".checkin__status") : null;
  var flushing = false;
  function flush() {
    if (!outbox || flushing || !navigator.onLine) { return; }
    flushing = true;
    function next() {
      return outbox.all(SCOPE).then(function (items) {
        if (!items.length) { return null; }
        var item = items[0];
        return outbox.send(item).then(function (reply) {
          if (status && reply.body.detail) { status.textContent = reply.body.detail; }
          return outbox.remove(item.client_id).then(next);
        });
      });
    }
    next().catch(function () {}).then(function () { flushing = false; });
  }
  function moveOldQueue() {  // check-ins an older version of this script left in localStorage
    var old = [];
    try { old = JSON.parse(localStorage.getItem("sdg-checkins-queue") || "[]"); } catch (e) { old = []; }
    return Promise.all(old.map(function (item) {
      return outbox.add({ client_id: item.fields.client_id, scope: SCOPE, url: item.url, fields: item.fields, file: null });
    })).then(function () { localStorage.removeItem("sdg-checkins-queue"); });
  }
  if (form) {
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) { return; }
      event.preventDefault();
      var photo = form.querySelector("[name=photo]");
      var file = photo && photo.files && photo.files[0];
      if (!outbox) { status.textContent = form.dataset.photoOffline; return; }
      var item = { client_id: form.querySelector("[name=client_id]").value, scope: SCOPE, url: form.action || location.pathname,
        fields: outbox.fieldsOf(form), file: file || null, fileField: "photo", fileName: file ? file.name : "" };
      outbox.add(item).then(function () { status.textContent = form.dataset.queued; },
        function () { status.textContent = form.dataset.photoOffline; });
    });
  }
  window.addEventListener("online", flush);
  if (outbox) { moveOldQueue().catch(function () {}).then(flush); }
  // The service worker keeps this partnership's SDG place pages for reopening them offline.
  if (script && script.dataset.sw && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(script.dataset.sw, { scope: script.dataset.scope }).catch(function () {});
  }
  if (form && navigator.geolocation) {
    var lat = form.querySelector("[name=latitude]"), lon = form.querySelector("[name=longitude]");
    [lat, lon].forEach(function (input) { input.closest(".field").hidden = true; });
    navigator.geolocation.watchPosition(function (pos) {
      lat.value = pos.coords.latitude; lon.value = pos.coords.longitude;
    }, function () { [lat, lon].forEach(function (input) { input.closest(".field").hidden = false; }); }, { enableHighAccuracy: true });
  }
})();
