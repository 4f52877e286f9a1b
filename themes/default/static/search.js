/* sitegen search: loads the index the build wrote (static/search-index.*.js) with a <script src>, reads ?q=,
   searches as you type and shows results built as DOM nodes (textContent only). No network, no eval.
   The matching rules are those of sitegen/render/search_text.py: fold, then keys (bigrams, single
   characters, ASCII words); a record must hold every key of the query (or most, when none holds all). */
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) { return; }
  var form = root.querySelector("form");
  var input = root.querySelector("input[name=q]");
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var help = root.querySelector("[data-help]");
  var noscript = root.querySelector("[data-noscript]");
  var SHOWN = 20;  // results per step; "more" adds as many again
  var more = document.createElement("button");
  more.type = "button";
  more.className = "button search-more";
  var DELAY = 150;
  var RUN;
  try {
    RUN = new RegExp("[a-z0-9]+|(?:(?![\\x00-\\x7f])[\\p{L}\\p{N}])+", "gu");
  } catch (e) {  // an old browser without Unicode property classes: every non-ASCII non-space character
    RUN = /[a-z0-9]+|[^\x00-\x7f\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\u2000-\u206f]+/g;
  }

  function say(text) { status.textContent = text; }
  function label(name, values) {
    return root.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  function Index(data) {
    var fold = data.fold;
    var chars = Object.keys(fold).join("").replace(/[\\\]\^\-]/g, "\\$&");
    var pattern = new RegExp("[A-Z" + chars + "]", "g");
    this.docs = data.docs;
    this.kinds = data.kinds;
    this.keys = data.keys;
    this.decoded = {};
    this.byChar = null;
    this.ascii = null;
    this.foldText = function (text) {
      return text.replace(pattern, function (c) { return fold[c] || c.toLowerCase(); });
    };
    // Every shown field folded once, in one pass (offsets stay: folding maps a character to one character).
    var SEP = "\u0001";
    var joined = this.foldText(this.docs.map(function (d) { return d.slice(2).join(SEP); }).join(SEP)).split(SEP);
    this.folded = [];
    this.rest = [];
    for (var i = 0; i < this.docs.length; i++) {
      var f = joined.slice(i * 5, i * 5 + 5);
      this.folded.push(f);
      this.rest.push(f[2] + SEP + f[3] + SEP + f[4]);  // place, short fields, start of the body
    }
  }

  Index.prototype.postings = function (key) {
    var found = this.decoded[key];
    if (found) { return found; }
    var text = Object.prototype.hasOwnProperty.call(this.keys, key) ? this.keys[key] : "";
    var out = [];
    if (text) {
      var gaps = text.split(","), at = -1;
      for (var i = 0; i < gaps.length; i++) {  // each gap in letters, base 26, a = 0 (render/search_gaps.py gap_text)
        var value = 0;
        for (var j = 0; j < gaps[i].length; j++) { value = value * 26 + gaps[i].charCodeAt(j) - 97; }
        at += value + 1; out.push(at);
      }
    }
    this.decoded[key] = out;
    return out;
  };

  Index.prototype.union = function (keys) {
    var seen = {}, out = [];
    for (var i = 0; i < keys.length; i++) {
      var p = this.postings(keys[i]);
      for (var j = 0; j < p.length; j++) { if (!seen[p[j]]) { seen[p[j]] = true; out.push(p[j]); } }
    }
    return out;
  };

  // A single character: every key holding it. An ASCII word: every ASCII word holding it (5678 finds 138****5678).
  Index.prototype.termPostings = function (term) {
    if (term.kind === "pair") { return this.postings(term.text); }
    if (!this.byChar) {
      this.byChar = {};
      this.ascii = [];
      for (var key in this.keys) {
        if (!Object.prototype.hasOwnProperty.call(this.keys, key)) { continue; }
        if (/^[a-z0-9]+$/.test(key)) { this.ascii.push(key); continue; }
        var cs = Array.from(key);
        for (var i = 0; i < cs.length; i++) { (this.byChar[cs[i]] = this.byChar[cs[i]] || []).push(key); }
      }
    }
    if (term.kind === "char") { return this.union(this.byChar[term.text] || []); }
    var words = this.ascii.filter(function (w) { return w.indexOf(term.text) >= 0; });
    return this.union(words);
  };

  Index.prototype.parse = function (query) {
    var text = this.foldText(query.normalize ? query.normalize("NFKC") : query);
    var runs = text.match(RUN) || [];
    var terms = [], seen = {};
    function add(kind, t) { if (!seen[kind + t]) { seen[kind + t] = true; terms.push({ kind: kind, text: t }); } }
    runs.forEach(function (run) {
      if (/^[a-z0-9]+$/.test(run)) { add("word", run); return; }
      var cs = Array.from(run);
      if (cs.length === 1) { add("char", run); return; }
      for (var i = 0; i + 1 < cs.length; i++) { add("pair", cs[i] + cs[i + 1]); }
    });
    return { terms: terms, runs: runs, whole: runs.join("") };
  };

  // The best `limit` records, best first, and how many matched: most query keys held first, then
  // rarer keys, then the words as typed in the title or the shown fields; ties keep the index's order
  // (newest first). Only the shown few are sorted: a query over 10,000 records stays well under 50 ms.
  Index.prototype.search = function (query, limit) {
    var parsed = this.parse(query);
    var terms = parsed.terms, n = this.docs.length;
    var none = { parsed: parsed, total: 0, top: [] };
    if (!terms.length) { return none; }
    var hits = new Uint16Array(n), score = new Float64Array(n), best = 0;
    for (var t = 0; t < terms.length; t++) {
      var p = this.termPostings(terms[t]);
      if (!p.length) { continue; }
      var weight = Math.log(1 + n / p.length);
      for (var i = 0; i < p.length; i++) {
        hits[p[i]] += 1;
        score[p[i]] += weight;
        if (hits[p[i]] > best) { best = hits[p[i]]; }
      }
    }
    var need = best === terms.length ? best : Math.ceil(terms.length * 0.6);
    if (best < need || best === 0) { return none; }
    var runs = parsed.runs, whole = runs.length > 1 ? parsed.whole : "";
    var top = [], ranks = [], total = 0;
    for (var d = 0; d < n; d++) {
      if (hits[d] < need) { continue; }
      total += 1;
      var title = this.folded[d][0], rest = this.rest[d], rank = hits[d] * 10000 + score[d];
      for (var r = 0; r < runs.length; r++) {
        if (title.indexOf(runs[r]) >= 0) { rank += 6; }
        if (rest.indexOf(runs[r]) >= 0) { rank += 3; }
      }
      if (whole && title.indexOf(whole) >= 0) { rank += 6; }
      if (top.length === limit && rank <= ranks[limit - 1]) { continue; }  // an equal later record stays behind
      var at = top.length;
      while (at > 0 && ranks[at - 1] < rank) { at -= 1; }
      top.splice(at, 0, d);
      ranks.splice(at, 0, rank);
      if (top.length > limit) { top.pop(); ranks.pop(); }
    }
    return { parsed: parsed, total: total, top: top };
  };

  // Where the query shows in a folded text: each run as typed, or else its pairs and characters.
  function ranges(folded, parsed) {
    var out = [];
    function all(needle) {
      var any = false;
      if (!needle) { return any; }
      for (var at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
        out.push([at, at + needle.length]);
        any = true;
      }
      return any;
    }
    parsed.runs.forEach(function (run) {
      if (all(run)) { return; }
      parsed.terms.forEach(function (term) { if (run.indexOf(term.text) >= 0) { all(term.text); } });
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) { last[1] = Math.max(last[1], r[1]); } else { merged.push([r[0], r[1]]); }
    });
    return merged;
  }

  function marked(parent, text, found, from, to) {
    var at = from;
    found.forEach(function (r) {
      var start = Math.max(r[0], from), end = Math.min(r[1], to);
      if (end <= start) { return; }
      if (start > at) { parent.appendChild(document.createTextNode(text.slice(at, start))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      parent.appendChild(mark);
      at = end;
    });
    if (at < to) { parent.appendChild(document.createTextNode(text.slice(at, to))); }
  }

  function snippet(parent, doc, folded, parsed) {
    var texts = [doc[6], doc[5]], foldeds = [folded[4], folded[3]];  // the body's words read best, then the short fields
    for (var i = 0; i < 2; i++) {
      var found = ranges(foldeds[i], parsed);
      if (found.length) {
        var text = texts[i], from = Math.max(0, found[0][0] - 20), to = Math.min(text.length, from + 80);
        if (from > 0) { parent.appendChild(document.createTextNode("…")); }
        marked(parent, text, found, from, to);
        if (to < text.length) { parent.appendChild(document.createTextNode("…")); }
        return;
      }
    }
    var first = doc[6] || doc[5];
    parent.textContent = first.length > 80 ? first.slice(0, 80) + "…" : first;
  }

  function show(index, query, limit) {
    var started = window.performance ? window.performance.now() : 0;
    fill(index, query, limit);
    if (started) { root.setAttribute("data-took", (window.performance.now() - started).toFixed(1)); }  // ms, for bench/search.py
  }

  function fill(index, query, limit) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (more.parentNode) { more.parentNode.removeChild(more); }
    var q = query.trim();
    if (!q) { say(""); help.hidden = false; return; }  // nothing asked yet: the lists, to browse
    var result = index.search(q, limit);
    help.hidden = result.total > 0;
    if (!result.total) { say(label("none", { q: q })); return; }
    say(result.total > limit ? label("count-more", { n: result.total, shown: limit }) : label("count", { n: result.total }));
    result.top.forEach(function (number) {
      var doc = index.docs[number], folded = index.folded[number];
      var item = document.createElement("li");
      item.className = "result";
      var link = document.createElement("a");
      link.className = "result-title";
      link.href = "../" + doc[0] + "index.html";  // this page is <tree>/search/: the record in the same tree
      marked(link, doc[2], ranges(folded[0], result.parsed), 0, doc[2].length);
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [index.kinds[doc[1]], doc[3], doc[4]].filter(Boolean).join(" · ");
      var text = document.createElement("p");
      text.className = "snippet";
      snippet(text, doc, folded, result.parsed);
      item.appendChild(link);
      item.appendChild(meta);
      item.appendChild(text);
      list.appendChild(item);
    });
    if (result.total > limit) {
      more.textContent = label("more", { n: Math.min(SHOWN, result.total - limit) });
      more.onclick = function () { show(index, q, limit + SHOWN); };
      list.parentNode.insertBefore(more, list.nextSibling);
    }
  }

  // The switches to 长辈版 and 繁體 keep the query.
  function carry(query) {
    var links = document.querySelectorAll(".toolbar a.switch:not(.search-link)");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("?")[0];
      links[i].setAttribute("href", query ? href + "?q=" + encodeURIComponent(query) : href);
    }
  }

  function remember(query) {
    try {
      window.history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : window.location.pathname);
      return true;
    } catch (e) {
      return false;
    }
  }

  var initial = "";
  try { initial = new URLSearchParams(window.location.search).get("q") || ""; } catch (e) { initial = ""; }
  input.value = initial;
  noscript.hidden = true;
  help.hidden = true;
  say(label("loading", {}));
  carry(initial);

  function ready() {
    var data = window.sitegenSearch;
    if (!data || !data.docs) { failed(); return; }
    var index = new Index(data);
    var timer = null;
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        show(index, input.value, SHOWN);
        carry(input.value.trim());
        remember(input.value.trim());
      }, DELAY);
    }
    // While a pinyin input method is composing, the box holds letters (dianti), not yet 电梯: wait for it.
    input.addEventListener("input", function (event) { if (!event.isComposing) { later(); } });
    input.addEventListener("compositionend", later);
    form.addEventListener("submit", function (event) {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (remember(query)) {  // otherwise the form goes to ?q= the plain way
        event.preventDefault();
        show(index, query, SHOWN);
        carry(query);
      }
    });
    say("");
    show(index, initial, SHOWN);
  }

  function failed() {
    say(label("failed", {}));
    help.hidden = false;
  }

  var hant = document.documentElement.lang === "zh-Hant" && root.hasAttribute("data-index-hant");
  var script = document.createElement("script");
  script.src = root.getAttribute(hant ? "data-index-hant" : "data-index");
  script.onload = ready;
  script.onerror = failed;
  document.body.appendChild(script);
})();
