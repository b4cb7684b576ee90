/* Social Credit Archive: claim filters and sorting, copy buttons. Progressive enhancement only:
   without JavaScript every list shows every claim and citations are plain selectable text.
   Filters read the page address and write it back (history.replaceState), so a filtered view
   can be shared, and Back/Forward or a restored page shows controls and list in agreement. */
(function () {
  "use strict";

  var FACETS = [
    { name: "status", label: "Rating", attr: "status", order: ["confirmed", "disputed", "unverified"] },
    { name: "kind", label: "Kind", attr: "kind" },
    { name: "family", label: "Family", attr: "family" },
    { name: "topic", label: "Topic", attr: "topics", multi: true }
  ];
  var SORTS = [
    ["reviewed-desc", "Newest review first"],
    ["reviewed-asc", "Oldest review first"],
    ["status", "Rating"],
    ["title", "Title A–Z"]
  ];
  var STATUS_RANK = { confirmed: 0, disputed: 1, unverified: 2 };

  function labelFor(value) {
    return value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, " ");
  }

  function select(name, label, options) {
    var wrap = document.createElement("label");
    wrap.className = "scs-filter";
    wrap.appendChild(document.createTextNode(label + " "));
    var element = document.createElement("select");
    element.name = name;
    options.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      element.appendChild(option);
    });
    wrap.appendChild(element);
    return wrap;
  }

  function initFilters(list) {
    if (list.dataset.scsReady) return;
    list.dataset.scsReady = "1";
    var cards = Array.prototype.slice.call(list.children);
    var original = cards.slice();
    var form = document.createElement("form");
    form.className = "scs-filters";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter and sort claims");
    form.setAttribute("autocomplete", "off");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    FACETS.forEach(function (facet) {
      var seen = {};
      cards.forEach(function (card) {
        (card.dataset[facet.attr] || "").split(" ").forEach(function (v) { if (v) seen[v] = 1; });
      });
      var values = facet.order ? facet.order.filter(function (v) { return seen[v]; }) : Object.keys(seen).sort();
      if (values.length < 2) return;
      form.appendChild(select(facet.name, facet.label, [["", "All"]].concat(values.map(function (v) { return [v, labelFor(v)]; }))));
    });
    var words = document.createElement("label");
    words.className = "scs-filter";
    words.appendChild(document.createTextNode("Words "));
    var input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    words.appendChild(input);
    form.appendChild(words);
    form.appendChild(select("sort", "Sort", SORTS));
    var count = document.createElement("p");
    count.className = "scs-filter-count";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");

    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      Array.prototype.forEach.call(form.elements, function (element) {
        if (!element.name) return;
        var value = params.get(element.name) || "";
        if (element.tagName === "SELECT") {
          var known = Array.prototype.some.call(element.options, function (o) { return o.value === value; });
          element.value = known ? value : element.options[0].value;
        } else {
          element.value = value;
        }
      });
    }

    function writeAddress() {
      var params = new URLSearchParams(window.location.search);
      Array.prototype.forEach.call(form.elements, function (element) {
        if (!element.name) return;
        var value = element.value.trim();
        var isDefault = element.name === "sort" ? value === SORTS[0][0] : !value;
        if (isDefault) params.delete(element.name); else params.set(element.name, value);
      });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", address);
    }

    function sortKey(card, how) {
      if (how === "title") return card.dataset.title || "";
      if (how === "status") return String(STATUS_RANK[card.dataset.status]) + (card.dataset.title || "");
      return card.dataset.reviewed || "";
    }

    function apply() {
      var values = {};
      Array.prototype.forEach.call(form.elements, function (e) { if (e.name) values[e.name] = e.value.trim(); });
      var q = (values.q || "").toLowerCase();
      var shown = 0;
      cards.forEach(function (card) {
        var ok = FACETS.every(function (facet) {
          var wanted = values[facet.name];
          if (!wanted) return true;
          var have = " " + (card.dataset[facet.attr] || "") + " ";
          return have.indexOf(" " + wanted + " ") >= 0;
        }) && (!q || card.textContent.toLowerCase().indexOf(q) >= 0);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      var how = values.sort || SORTS[0][0];
      var ordered = original.slice();
      if (how !== "reviewed-desc") {
        ordered.sort(function (a, b) {
          var x = sortKey(a, how), y = sortKey(b, how);
          return x < y ? -1 : x > y ? 1 : 0;
        });
      }
      ordered.forEach(function (card) { list.appendChild(card); });
      count.textContent = "Showing " + shown + " of " + cards.length + " claims";
    }

    function fromAddress() { readAddress(); apply(); }

    form.addEventListener("change", function () { apply(); writeAddress(); });
    form.addEventListener("input", function () { apply(); writeAddress(); });
    window.addEventListener("popstate", fromAddress);
    window.addEventListener("pageshow", fromAddress);
    list.parentNode.insertBefore(form, list);
    list.parentNode.insertBefore(count, list);
    fromAddress();
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "scs-offscreen";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function initCopy(pre) {
    if (pre.dataset.scsReady) return;
    pre.dataset.scsReady = "1";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "scs-copy md-button";
    button.textContent = "Copy " + (pre.dataset.copyLabel || "");
    var status = document.createElement("span");
    status.className = "scs-copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      copyText(pre.textContent).then(function () {
        status.textContent = "Copied.";
        window.setTimeout(function () { status.textContent = ""; }, 3000);
      });
    });
    pre.parentNode.insertBefore(button, pre.nextSibling);
    pre.parentNode.insertBefore(status, button.nextSibling);
  }

  function init() {
    document.querySelectorAll("ul.scs-cards[data-filter]").forEach(initFilters);
    document.querySelectorAll("pre.scs-copyable").forEach(initCopy);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
