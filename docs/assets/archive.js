/* Social Credit Archive: claim filters and copy buttons. Progressive enhancement only:
   without JavaScript every table shows every claim and citations are plain selectable text. */
(function () {
  "use strict";

  function labelFor(value) {
    return value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, " ");
  }

  function makeSelect(name, label, values, selected) {
    var wrap = document.createElement("label");
    wrap.className = "scs-filter";
    wrap.appendChild(document.createTextNode(label + " "));
    var select = document.createElement("select");
    select.name = name;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "All";
    select.appendChild(all);
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = labelFor(value);
      if (value === selected) option.selected = true;
      select.appendChild(option);
    });
    wrap.appendChild(select);
    return wrap;
  }

  function initFilters(table) {
    if (table.dataset.scsReady) return;
    table.dataset.scsReady = "1";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var facets = { status: {}, kind: {}, topics: {} };
    rows.forEach(function (row) {
      facets.status[row.dataset.status] = 1;
      facets.kind[row.dataset.kind] = 1;
      row.dataset.topics.split(" ").forEach(function (t) { if (t) facets.topics[t] = 1; });
    });
    var params = new URLSearchParams(window.location.search);
    var form = document.createElement("form");
    form.className = "scs-filters";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter claims");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var order = ["confirmed", "disputed", "unverified"];
    form.appendChild(makeSelect("status", "Status", order.filter(function (s) { return facets.status[s]; }), params.get("status")));
    form.appendChild(makeSelect("kind", "Kind", Object.keys(facets.kind).sort(), params.get("kind")));
    form.appendChild(makeSelect("topic", "Topic", Object.keys(facets.topics).sort(), params.get("topic")));
    var words = document.createElement("label");
    words.className = "scs-filter";
    words.appendChild(document.createTextNode("Words "));
    var input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    input.value = params.get("q") || "";
    words.appendChild(input);
    form.appendChild(words);
    var count = document.createElement("p");
    count.className = "scs-filter-count";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");

    function apply() {
      var status = form.elements.status.value;
      var kind = form.elements.kind.value;
      var topic = form.elements.topic.value;
      var q = form.elements.q.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!status || row.dataset.status === status) &&
          (!kind || row.dataset.kind === kind) &&
          (!topic || (" " + row.dataset.topics + " ").indexOf(" " + topic + " ") >= 0) &&
          (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " claims";
    }

    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    var wrap = table.closest(".scs-table-wrap") || table;
    wrap.parentNode.insertBefore(form, wrap);
    wrap.parentNode.insertBefore(count, wrap);
    apply();
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
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
    document.querySelectorAll("table.scs-claims[data-filter]").forEach(initFilters);
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
