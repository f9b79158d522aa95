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
  // Check-ins made without a connection wait on the phone and are posted when it returns; the
  // form's client id makes the server store each of them once, however often it is sent.
  var KEY = "sdg-checkins-queue";
  function queue() { try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; } }
  function flush() {
    var items = queue();
    if (!items.length || !navigator.onLine) { return; }
    var item = items[0];
    var body = new FormData();
    Object.keys(item.fields).forEach(function (name) { body.append(name, item.fields[name]); });
    fetch(item.url, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
      if (response.status >= 500) { return; }
      localStorage.setItem(KEY, JSON.stringify(queue().filter(function (q) { return q.fields.client_id !== item.fields.client_id; })));
      flush();
    }).catch(function () {});
  }
  if (form) {
    var status = form.querySelector(".checkin__status");
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) { return; }
      event.preventDefault();
      var photo = form.querySelector("[name=photo]");
      if (photo && photo.files && photo.files.length) { status.textContent = form.dataset.photoOffline; return; }
      var fields = {};
      ["csrfmiddlewaretoken", "client_id", "note", "latitude", "longitude"].forEach(function (name) {
        var input = form.querySelector("[name=" + name + "]");
        if (input) { fields[name] = input.value; }
      });
      var items = queue();
      if (!items.some(function (q) { return q.fields.client_id === fields.client_id; })) {
        items.push({ url: form.action || location.pathname, fields: fields });
        localStorage.setItem(KEY, JSON.stringify(items));
      }
      status.textContent = form.dataset.queued;
    });
  }
  window.addEventListener("online", flush);
  flush();
  if (form && navigator.geolocation) {
    var lat = form.querySelector("[name=latitude]"), lon = form.querySelector("[name=longitude]");
    [lat, lon].forEach(function (input) { input.closest(".field").hidden = true; });
    navigator.geolocation.watchPosition(function (pos) {
      lat.value = pos.coords.latitude; lon.value = pos.coords.longitude;
    }, function () { [lat, lon].forEach(function (input) { input.closest(".field").hidden = false; }); }, { enableHighAccuracy: true });
  }
})();
