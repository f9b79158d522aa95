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
  if (form && navigator.geolocation) {
    var lat = form.querySelector("[name=latitude]"), lon = form.querySelector("[name=longitude]");
    [lat, lon].forEach(function (input) { input.closest(".field").hidden = true; });
    navigator.geolocation.watchPosition(function (pos) {
      lat.value = pos.coords.latitude; lon.value = pos.coords.longitude;
    }, function () { [lat, lon].forEach(function (input) { input.closest(".field").hidden = false; }); }, { enableHighAccuracy: true });
  }
})();
