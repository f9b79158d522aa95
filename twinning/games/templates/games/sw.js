// The games' service worker: keeps a game once opened playable without a connection.
// Pages under its scope: network first, the cached copy when offline. Static files: cache first.
// Registered for /<lang>/play/ by the team pages and for a partnership's /<lang>/partnerships/<slug>/checkins/
// by its SDG place pages. Posts are not handled here: games/play.js and games/places.js keep them
// on the phone (localStorage, and IndexedDB for photos) and send them when the connection returns.
"use strict";
var CACHE = "sdg-games-v1";
var ASSETS = [{% for asset in assets %}"{{ asset|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) {  // one copy per address, whatever the cookie
        return cache.delete(request, { ignoreVary: true, ignoreSearch: true }).then(function () { return cache.put(request, copy); });
      });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (hit) { return hit || Response.error(); });
  });
}
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (hit) { return hit || fetch(request); }));
  } else if (request.mode === "navigate" || url.pathname.indexOf("/api/v1/games/play/") === 0) {
    event.respondWith(networkFirst(request));
  }
});
