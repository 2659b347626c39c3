/* Title suggestions for the search box: the ARIA 1.2 combobox pattern (list autocomplete).
 * Without JavaScript the box is a plain GET form; with it, typing shows up to eight titles.
 * Keys: ↓/↑ move through the list, Enter opens the highlighted page, Esc closes the list. */
(function () {
  "use strict";

  function setup(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById(list.id + "-status");
    var url = input.getAttribute("data-autocomplete-url");
    var timer = null;
    var active = -1;
    var items = [];
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = list.id + "-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.textContent = suggestion.title;
        option.appendChild(title);
        if (suggestion.type) {
          var type = document.createElement("small");
          type.textContent = suggestion.type;
          option.appendChild(type);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        list.appendChild(option);
      });
      if (status) {
        status.textContent = suggestions.length ? suggestions.length + " gợi ý. Dùng phím mũi tên để chọn." : "";
      }
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < 2) {
        render([]);
        return;
      }
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === query) render(data.suggestions || []); })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden && items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        if (items.length) { highlight((active + 1) % items.length); event.preventDefault(); }
      } else if (event.key === "ArrowUp") {
        if (items.length) { highlight(active <= 0 ? items.length - 1 : active - 1); event.preventDefault(); }
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0 && items[active]) {
          event.preventDefault();
          window.location.href = items[active].url;
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) { close(); event.preventDefault(); } else { input.value = ""; }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.querySelectorAll("input[data-autocomplete-url][role=combobox]").forEach(setup);
})();
