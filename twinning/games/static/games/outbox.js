// The phone's outbox for forms with a photo (photo assignments, check-ins): kept in IndexedDB,
// which stores a photo as it is (a Blob) and survives closing the page. Each item keeps the
// client id the server wrote into its form, so sending it twice stores it once.
// Item: { client_id, scope, url, fields: {name: value}, file: Blob|null, fileField, fileName, ... }
(function () {
  "use strict";
  var DB = "sdg-games-outbox", STORE = "items";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "client_id" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var request = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(request.result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  // The form's fields as plain values, without its file inputs (the photo goes in item.file).
  function fieldsOf(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!input.name || input.type === "file" || ((input.type === "radio" || input.type === "checkbox") && !input.checked)) { return; }
      fields[input.name] = input.value;
    });
    return fields;
  }

  // Posts the item as the plain form would, asking for JSON. Resolves with {status, body};
  // rejects when it should stay queued (no connection, server error, expired session).
  function send(item) {
    var body = new FormData();
    Object.keys(item.fields).forEach(function (name) { body.append(name, item.fields[name]); });
    if (item.file) { body.append(item.fileField, item.file, item.fileName || "photo.jpg"); }
    return fetch(item.url, { method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (response.status >= 500 || response.status === 403) { throw new Error("retry later"); }
        return response.json().catch(function () { return {}; }).then(function (json) { return { status: response.status, body: json }; });
      });
  }

  window.SDGOutbox = {
    available: "indexedDB" in window,
    fieldsOf: fieldsOf,
    add: function (item) { return run("readwrite", function (store) { return store.put(item); }); },
    all: function (scope) {
      return run("readonly", function (store) { return store.getAll(); })
        .then(function (items) { return items.filter(function (item) { return item.scope === scope; }); });
    },
    remove: function (clientId) { return run("readwrite", function (store) { return store.delete(clientId); }); },
    send: send
  };
})();
