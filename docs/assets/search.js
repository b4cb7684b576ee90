/* Social Credit Archive: search with Pagefind, claims first.
   The index is built at build time (python -m pagefind) and fetched in small fragments, so a
   first search loads tens of kilobytes, not the whole index. Claim results come first, with
   their rating, kind and bottom line; sources, documents and pages follow. Filters narrow by
   page type, rating and kind. The query lives in the address (?q=), so a search can be shared. */
(function () {
  "use strict";
  var script = document.currentScript;
  var loader = new URL("pagefind-loader.js", script ? script.src : window.location.href).href;
  var loading = null;

  /* The Pagefind module comes through assets/pagefind-loader.js, inserted here as a module
     script: the pages' CSP ('strict-dynamic') lets a trusted script insert scripts, but refuses
     import() called from a hashed classic script such as this one. */
  function pagefind() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        window.addEventListener("scs-pagefind", function (event) { resolve(event.detail); }, { once: true });
        var node = document.createElement("script");
        node.type = "module";
        node.src = loader;
        node.onerror = reject;
        document.head.appendChild(node);
      }).then(function (module) {
        return module.options({ excerptLength: 24 }).then(function () { return module; });
      });
    }
    return loading;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function result(data) {
    var item = element("li", "scs-result");
    var meta = data.meta || {};
    var head = element("p", "scs-result-meta");
    if (meta.status) {
      var badge = element("span", "scs-badge scs-badge--" + meta.status, meta.rating || meta.status);
      head.appendChild(badge);
      head.appendChild(document.createTextNode(" "));
    }
    head.appendChild(element("span", "scs-result-type", [meta.type || "Page", meta.kind].filter(Boolean).join(" · ")));
    item.appendChild(head);
    var title = element("p", "scs-result-title");
    var link = element("a", "", meta.title || data.url);
    link.href = data.url;
    title.appendChild(link);
    item.appendChild(title);
    var summary = element("p", "scs-result-summary");
    if (meta.summary && meta.summary !== meta.title) {
      summary.textContent = meta.summary;
    } else if (meta.statement) {
      /* the title is the bottom line: show the claim it rates */
      var words = meta.statement.split(/\s+/);
      summary.textContent = "Claim: " + words.slice(0, 40).join(" ") + (words.length > 40 ? "…" : "");
    } else {
      /* Pagefind's excerpt marks the matched words with <mark>; rebuild it as text nodes. */
      var holder = document.createElement("template");
      holder.innerHTML = data.excerpt || "";
      Array.prototype.forEach.call(holder.content.childNodes, function (node) {
        if (node.nodeName === "MARK") summary.appendChild(element("mark", "", node.textContent));
        else summary.appendChild(document.createTextNode(node.textContent));
      });
    }
    item.appendChild(summary);
    return item;
  }

  function init() {
    var form = document.querySelector("form.scs-search");
    if (!form || form.dataset.scsReady) return;
    form.dataset.scsReady = "1";
    var input = form.querySelector("input[name=q]");
    var list = document.querySelector("ol.scs-results");
    var status = document.querySelector(".scs-search-status");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var timer = null;
    var run = 0;

    pagefind().then(function (pf) {
      return pf.filters().then(function (available) {
        selects.forEach(function (sel) {
          var values = Object.keys(available[sel.name] || {}).sort();
          values.forEach(function (value) {
            var option = element("option", "", value + " (" + available[sel.name][value] + ")");
            option.value = value;
            sel.appendChild(option);
          });
        });
        readAddress(true);
        search();
      });
    }).catch(function () {
      status.textContent = "Search is not available on this copy of the site (its index is built with the site).";
    });

    /* On first load a query in the address wins, but what the reader typed while the index
       loaded is kept when the address has none. */
    function readAddress(first) {
      var params = new URLSearchParams(window.location.search);
      if (!first || params.has("q")) input.value = params.get("q") || "";
      selects.forEach(function (sel) { sel.value = params.get(sel.name) || ""; });
    }

    function writeAddress() {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      selects.forEach(function (sel) { if (sel.value) params.set(sel.name, sel.value); });
      var query = params.toString();
      window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : ""));
    }

    function search() {
      var query = input.value.trim();
      var mine = ++run;
      list.textContent = "";
      if (!query) { status.textContent = "Type a word, a name, a figure or a document number."; return; }
      var filters = {};
      selects.forEach(function (sel) { if (sel.value) filters[sel.name] = sel.value; });
      pagefind().then(function (pf) {
        var claimFilters = Object.assign({}, filters);
        if (!filters.type) claimFilters.type = "Claim";
        var first = pf.search(query, { filters: claimFilters });
        var rest = filters.type ? Promise.resolve({ results: [] }) :
          pf.search(query, { filters: Object.assign({}, filters, { type: { none: ["Claim"] } }) });
        return Promise.all([first, rest]);
      }).then(function (found) {
        var results = found[0].results.slice(0, 15).concat(found[1].results.slice(0, 10));
        return Promise.all(results.map(function (r) { return r.data(); })).then(function (data) {
          if (mine !== run) return;
          data.forEach(function (d) { list.appendChild(result(d)); });
          var total = found[0].results.length + found[1].results.length;
          status.textContent = total ? total + " pages found; claims first (" + found[0].results.length + ")." : "Nothing found.";
        });
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); writeAddress(); search(); });
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { writeAddress(); search(); }, 250);
    });
    form.addEventListener("change", function () { writeAddress(); search(); });
    window.addEventListener("popstate", function () { readAddress(); search(); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
