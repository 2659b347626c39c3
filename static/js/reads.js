/* Counts one read of this article: a single POST to the server once the page is visible.
   Sends only the page's id; sets and reads no cookie or storage (docs/reports.md). */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-read-page]");
  if (!script) { return; }
  var pageId = script.getAttribute("data-read-page");
  var url = script.getAttribute("data-read-url");
  var sent = false;

  function send() {
    if (sent || document.visibilityState !== "visible") { return; }
    sent = true;
    var body = new URLSearchParams({ p: pageId });
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) { return; }
    if (window.fetch) {
      fetch(url, { method: "POST", body: body, credentials: "omit", keepalive: true }).catch(function () {});
    }
  }

  if (document.visibilityState === "visible") {
    send();
  } else {
    document.addEventListener("visibilitychange", send);
  }
})();
