// The stop form, enhanced: click the map to set the stop's latitude and longitude; the circle
// shows its radius, with the game's other stops for reference. Without it, type the numbers.
(function () {
  "use strict";
  var box = document.getElementById("stop-map");
  if (!box || typeof L === "undefined") { return; }
  var lat = document.getElementById("id_latitude"), lon = document.getElementById("id_longitude"), radius = document.getElementById("id_radius_m");
  var center = box.dataset.center.split(",").map(parseFloat);
  box.innerHTML = ""; box.classList.add("map--live");
  var map = L.map(box).setView(lat.value ? [parseFloat(lat.value), parseFloat(lon.value)] : center, 16);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>' }).addTo(map);
  (box.dataset.others || "").split(";").filter(Boolean).forEach(function (raw) {
    var p = raw.split(",").map(parseFloat);
    L.circle([p[0], p[1]], { radius: p[2], color: "#888" }).addTo(map);
  });
  var circle = null;
  function draw() {
    if (!lat.value || !lon.value) { return; }
    var at = [parseFloat(lat.value), parseFloat(lon.value)];
    if (!circle) { circle = L.circle(at, { radius: parseFloat(radius.value) || 30 }).addTo(map); }
    circle.setLatLng(at); circle.setRadius(parseFloat(radius.value) || 30);
  }
  map.on("click", function (e) { lat.value = e.latlng.lat.toFixed(6); lon.value = e.latlng.lng.toFixed(6); draw(); });
  [lat, lon, radius].forEach(function (input) { input.addEventListener("change", draw); });
  draw();
})();
