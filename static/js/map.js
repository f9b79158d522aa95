// Draws the partner municipalities on a Leaflet map. Without JavaScript the links to
// OpenStreetMap inside #map stay in place.
(function () {
  "use strict";
  function init() {
    var el = document.getElementById("map");
    if (!el || typeof L === "undefined") { return; }
    var points = (el.getAttribute("data-points") || "").split(";").filter(Boolean).map(function (raw) {
      var parts = raw.split(",");
      return { lat: parseFloat(parts[0]), lng: parseFloat(parts[1]), name: decodeURIComponent(parts.slice(2).join(",").replace(/\+/g, " ")) };
    });
    if (!points.length) { return; }
    el.innerHTML = "";
    el.classList.add("map--live");
    var map = L.map(el, { scrollWheelZoom: false, worldCopyJump: true });
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    }).addTo(map);
    var latlngs = points.map(function (p) {
      L.marker([p.lat, p.lng], { title: p.name, alt: p.name }).addTo(map).bindPopup(document.createTextNode(p.name));
      return [p.lat, p.lng];
    });
    if (latlngs.length > 1) {
      L.polyline(latlngs, { color: "#19486A", weight: 2, dashArray: "6 6" }).addTo(map);
      map.fitBounds(latlngs, { padding: [30, 30] });
    } else {
      map.setView(latlngs[0], 9);
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
