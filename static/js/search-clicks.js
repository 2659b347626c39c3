/* Tells the server which result a citizen opened for the query: one POST with the query and the
   page's id when a result link is followed (search.clicks: no cookie, no address stored). The link
   itself is a plain link and works the same without JavaScript. */
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  if (!results) { return; }
  var url = results.getAttribute("data-open-url");
  var query = results.getAttribute("data-query");
  if (!url || !query) { return; }

  results.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-page-id]") : null;
    if (!link) { return; }
    var body = new URLSearchParams({ q: query, page: link.getAttribute("data-page-id") });
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) { return; }
    if (window.fetch) {
      fetch(url, { method: "POST", body: body, credentials: "omit", keepalive: true }).catch(function () {});
    }
  });
})();
