/* sitegen edit: the page's whole script. Plain JavaScript, no build step, no CDN.
   Every request carries the per-run token; the server checks it, the Host and the origin. */
(function () {
  "use strict";
  var token = document.querySelector('meta[name="sitegen-token"]').content;
  var state = { schema: null, words: {}, kind: "activities", records: [], current: null, dirty: false };
  var $ = function (id) { return document.getElementById(id); };

  function api(method, path, data, raw) {
    var headers = { "X-Sitegen-Token": token };
    var body;
    if (raw) { body = raw.body; headers["X-Filename"] = encodeURIComponent(raw.name); headers["Content-Type"] = "application/octet-stream"; }
    else if (data !== undefined) { body = JSON.stringify(data); headers["Content-Type"] = "application/json"; }
    return fetch(path, { method: method, headers: headers, body: body, credentials: "same-origin" }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") === 0) {
        return response.json().then(function (json) { return { status: response.status, data: json }; });
      }
      return response.blob().then(function (blob) { return { status: response.status, data: blob }; });
    }).catch(function () {  /* the editor was stopped or the computer slept: say so, keep the form */
      return { status: 0, data: { error: state.words.offline || "sitegen edit?" } };
    });
  }

  function unfinished(path) { return /(^|\/)_[^\/]*$/.test(path || ""); }  /* a `_` draft: builds skip it */

  function text(node, value) { node.textContent = value; return node; }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; } else if (attrs[key] !== null && attrs[key] !== undefined) { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  function say(message, kind) {
    var box = $("status");
    box.className = kind || "";
    text(box, message || "");
  }

  /* ---------- the list ---------- */
  function kindTabs() {
    var nav = $("kinds");
    nav.textContent = "";
    Object.keys(state.schema.kinds).forEach(function (kind) {
      var button = el("button", { type: "button", "aria-pressed": String(kind === state.kind), text: state.schema.kinds[kind].title });
      button.addEventListener("click", function () { if (confirmLeave()) { state.kind = kind; kindTabs(); showList(); loadList(); } });
      nav.appendChild(button);
    });
  }

  function option(value, label) { return el("option", { value: value, text: label }); }

  function loadList() {
    return api("GET", "/api/records?kind=" + encodeURIComponent(state.kind)).then(function (answer) {
      state.records = answer.data || [];
      fillFilters();
      renderList();
    });
  }

  function fillFilters() {
    var statuses = {}, years = {}, places = {};
    state.records.forEach(function (r) {
      if (r.status) { statuses[r.status] = true; }
      if (r.date) { years[r.date.slice(0, 4)] = true; }
      if (r.place) { places[r.place.split("/")[0]] = true; }
    });
    [["filter-status", statuses, state.words.all_statuses, statusLabel], ["filter-year", years, state.words.all_years, null],
     ["filter-place", places, state.words.all_places, null]].forEach(function (f) {
      var select = $(f[0]), keep = select.value;
      select.textContent = "";
      select.appendChild(option("", f[2]));
      Object.keys(f[1]).sort().forEach(function (v) { select.appendChild(option(v, f[3] ? f[3](v) : v)); });
      select.value = f[1][keep] ? keep : "";
      select.setAttribute("aria-label", f[2]);
      select.hidden = Object.keys(f[1]).length === 0;
    });
  }

  function statusLabel(value) {
    var field = state.schema.kinds[state.kind].fields.filter(function (f) { return f.name === "status"; })[0];
    var found = field ? field.choices.filter(function (c) { return c[0] === value; })[0] : null;
    return found ? found[1] : value;
  }

  function renderList() {
    var list = $("records"), query = $("search").value.trim().toLowerCase();
    var status = $("filter-status").value, year = $("filter-year").value, place = $("filter-place").value;
    list.textContent = "";
    var shown = state.records.filter(function (r) {
      var hay = (r.title + " " + r.place + " " + r.who + " " + r.path).toLowerCase();
      return (!query || hay.indexOf(query) >= 0) && (!status || r.status === status) &&
        (!year || r.date.slice(0, 4) === year) && (!place || r.place.split("/")[0] === place);
    });
    shown.forEach(function (r) {
      var meta = [r.date, r.status ? statusLabel(r.status) : "", r.who, r.place].filter(Boolean).join(" · ");
      var badges = [];
      if (r.unfinished) { badges.push(el("span", { "class": "badge warn", text: state.words.unfinished })); }
      else if (r.draft) { badges.push(el("span", { "class": "badge", text: state.words.draft })); }
      var button = el("button", { type: "button", "class": "record" }, [
        el("span", { "class": "title", text: r.title }), el("span", { "class": "meta", text: meta })].concat(badges));
      if (r.problem) {  /* a file check cannot read (UTF-16, GBK): listed with check's message, not opened */
        button.disabled = true;
        button.appendChild(el("span", { "class": "meta error", text: r.problem }));
      }
      if (r.many) {
        button.disabled = true;
        button.appendChild(el("span", { "class": "meta", text: state.words.many_records }));
      }
      button.addEventListener("click", function () { if (confirmLeave()) { openRecord(r.path); } });
      list.appendChild(el("li", {}, [button]));
    });
    if (!shown.length) { list.appendChild(el("li", { "class": "empty", text: state.words.empty_list })); }
  }

  /* ---------- the form ---------- */
  function fieldId(name) { return "f-" + name.replace(/[^a-z0-9_]/gi, "-"); }

  function inputFor(spec, value, name) {
    var id = fieldId(name), input;
    var describedBy = "err-" + id + (spec.hint ? " hint-" + id : "");
    if (spec.input === "textarea" || spec.input === "list") {
      input = el("textarea", { id: id, rows: spec.input === "list" ? 3 : 3 });
      input.value = Array.isArray(value) ? value.join("\n") : (value === null || value === undefined ? "" : String(value));
    } else if (spec.input === "select") {
      input = el("select", { id: id });
      if (!spec.required) { input.appendChild(option("", "—")); }
      spec.choices.forEach(function (c) { input.appendChild(option(c[0], c[1])); });
      input.value = value === null || value === undefined ? (spec.required ? spec.choices[0][0] : "") : String(value);
    } else if (spec.input === "checkbox") {
      input = el("input", { id: id, type: "checkbox" });
      input.checked = value === undefined || value === null ? spec.name === "party_member" : (value === true || String(value).toLowerCase() === "true" || value === "yes");
    } else if ((spec.input === "date" || spec.input === "datetime") && !boxTakes(spec.input, value)) {
      // a day or time the boxes cannot hold (2026-13-01, 2026-02-30, 25:00) showed empty, and a save removed it:
      // shown as typed, in a text box, with check's message beside it (breaker s21)
      input = el("input", { id: id, type: "text", autocomplete: "off", "data-typed": "1" });
      input.value = String(value);
    } else if (spec.input === "datetime") {
      var parts = String(value || "").split(" ");
      var day = el("input", { id: id, type: "date", value: parts[0] || "" });
      var time = el("input", { id: id + "-time", type: "time", value: parts[1] || "", "aria-label": spec.label });
      var wrap = el("span", { "class": "pair", "data-datetime": id }, [day, time]);
      day.setAttribute("aria-describedby", describedBy);
      return wrap;
    } else {
      // Numbers in text boxes: a number box shows nothing of a value it cannot parse (80%, 1,200.50, 1.000),
      // and the save then removed the field (break20); the server reads the text as `check` does.
      var type = { date: "date", tel: "tel" }[spec.input] || "text";
      input = el("input", { id: id, type: type,
        inputmode: { tel: "tel", number: "numeric", money: "decimal" }[spec.input] || null,
        list: spec.input === "place" ? "places" : null, autocomplete: "off" });
      input.value = value === null || value === undefined ? "" : String(value);
    }
    input.setAttribute("aria-describedby", describedBy);
    if (spec.required) { input.setAttribute("aria-required", "true"); }
    return input;
  }

  /* True when the date (and time) boxes can show `value`: a real day YYYY-MM-DD, for datetime with HH:MM. */
  function boxTakes(kind, value) {
    if (value === null || value === undefined || value === "") { return true; }
    var m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(String(value));
    if (!m || (kind === "date" && m[4])) { return false; }
    var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3] && (!m[4] || (+m[4] < 24 && +m[5] < 60));
  }

  function readInput(spec, name, root) {
    var id = fieldId(name);
    var typed = root.querySelector("#" + id + "[data-typed]");
    if (typed) { return typed.value.trim() === "" ? null : typed.value; }
    if (spec.input === "datetime") {
      var day = root.querySelector("#" + id).value, time = root.querySelector("#" + id + "-time").value;
      return day ? (time ? day + " " + time : day) : null;
    }
    var input = root.querySelector("#" + id);
    if (!input) { return null; }
    if (spec.input === "checkbox") { return input.checked; }
    if (spec.input === "list") { return input.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean); }
    return input.value === "" ? null : input.value;
  }

  function fieldBox(spec, value, name) {
    var id = fieldId(name);
    var label = el("label", { "for": id }, [document.createTextNode(spec.label)]);
    if (spec.required) { label.appendChild(el("span", { "class": "req", title: state.words.required, text: " *" })); }
    var children = [label, inputFor(spec, value, name)];
    if (spec.hint) { children.push(el("p", { "class": "hint", id: "hint-" + id, text: spec.hint })); }
    if (state.kind === "wishes" && spec.name === "wisher") { children.push(el("p", { "class": "hint", text: state.words.wisher_private })); }
    children.push(el("p", { "class": "error", id: "err-" + id, hidden: "" }));
    return el("div", { "class": "field field-" + spec.input, "data-field": spec.name }, children);
  }

  function groupBox(spec, value) {
    var box = el("fieldset", { "class": "field group", "data-field": spec.name }, [el("legend", { text: spec.label })]);
    spec.fields.forEach(function (part) { box.appendChild(fieldBox(part, (value || {})[part.name], spec.name + "." + part.name)); });
    box.appendChild(el("p", { "class": "error", id: "err-" + fieldId(spec.name), hidden: "" }));
    return box;
  }

  function rowsBox(spec, value) {
    var box = el("fieldset", { "class": "field rows", "data-field": spec.name }, [el("legend", { text: spec.label })]);
    var holder = el("div", { "class": "row-list" });
    var count = 0;
    function addRow(row) {
      var index = count++;
      var line = el("div", { "class": "row", "data-row": String(index) });
      spec.fields.forEach(function (part) { line.appendChild(fieldBox(part, (row || {})[part.name], spec.name + "." + index + "." + part.name)); });
      var remove = el("button", { type: "button", "class": "link", text: state.words.remove });
      remove.addEventListener("click", function () { line.remove(); markDirty(); });
      line.appendChild(remove);
      holder.appendChild(line);
    }
    (value || []).forEach(addRow);
    var add = el("button", { type: "button", text: state.words.add_row });
    add.addEventListener("click", function () { addRow({}); markDirty(); });
    box.appendChild(holder);
    box.appendChild(add);
    box.appendChild(el("p", { "class": "error", id: "err-" + fieldId(spec.name), hidden: "" }));
    return box;
  }

  function collect() {
    var root = $("fields"), fields = {};
    state.schema.kinds[state.kind].fields.forEach(function (spec) {
      if (spec.input === "group") {
        var group = {};
        spec.fields.forEach(function (part) { group[part.name] = readInput(part, spec.name + "." + part.name, root); });
        fields[spec.name] = group;
      } else if (spec.input === "rows") {
        fields[spec.name] = Array.prototype.map.call(root.querySelectorAll('[data-field="' + spec.name + '"] .row'), function (line) {
          var row = {}, index = line.getAttribute("data-row");
          spec.fields.forEach(function (part) { row[part.name] = readInput(part, spec.name + "." + index + "." + part.name, line); });
          return row;
        });
      } else {
        fields[spec.name] = readInput(spec, spec.name, root);
      }
    });
    var photoField = state.schema.kinds[state.kind].photo;
    fields[photoField] = photoField === "photo" ? (state.current.photos[0] || null) : state.current.photos.slice();
    return fields;
  }

  function showForm() {
    $("list-pane").classList.add("away");
    $("form-pane").hidden = false;
    document.body.classList.add("editing");
  }
  function showList() {
    $("form-pane").hidden = true;
    $("list-pane").classList.remove("away");
    document.body.classList.remove("editing");
    state.current = null;
    state.dirty = false;
  }

  function openRecord(path) {
    return api("GET", "/api/record?path=" + encodeURIComponent(path)).then(function (answer) {
      if (answer.status !== 200) { say(answer.data.error, "bad"); return; }
      fillForm(answer.data);
      showProblems(answer.data.errors, answer.data.warnings);  // what check finds in the file, said at once
    });
  }

  function fillForm(record) {
    var kind = state.schema.kinds[state.kind];
    var photoField = kind.photo, photos = record.fields[photoField];
    state.current = { path: record.path || null, version: record.version || null, photos: photos ? [].concat(photos) : [], draft: !!record.fields.draft };
    text($("form-title"), record.path ? (record.fields[kind.title_field] || record.path) : state.words.new + " · " + kind.title);
    var root = $("fields");
    root.textContent = "";
    kind.fields.forEach(function (spec) {
      var value = record.fields[spec.name];
      root.appendChild(spec.input === "group" ? groupBox(spec, value) : spec.input === "rows" ? rowsBox(spec, value) : fieldBox(spec, value, spec.name));
    });
    var hasBody = state.kind === "activities" || state.kind === "deliberations" || /\.md$/.test(record.path || "");
    $("body-box").hidden = !hasBody;
    $("body").value = record.body || "";
    var draft = record.fields.draft;  /* a word check refuses (draft: 草稿) ticks it too: unticked, a save would publish */
    $("draft").checked = draft !== undefined && draft !== null && draft !== false;
    renderPreview();
    renderThumbs();
    clearErrors();
    $("conflict").hidden = true;
    $("delete").hidden = !record.path;
    $("preview-page").hidden = !record.path || unfinished(record.path);
    $("print-poster").hidden = !record.path || unfinished(record.path);
    state.dirty = false;
    showForm();
    var first = root.querySelector("input, textarea, select");
    if (first) { first.focus(); }
  }

  function clearErrors() {
    Array.prototype.forEach.call(document.querySelectorAll("#form .error"), function (p) { p.hidden = true; p.textContent = ""; });
    Array.prototype.forEach.call(document.querySelectorAll("#form [aria-invalid]"), function (i) { i.removeAttribute("aria-invalid"); });
  }

  function showProblems(errors, warnings) {
    clearErrors();
    var general = [];
    [[errors || {}, "error"], [warnings || {}, "warning"]].forEach(function (pair) {
      Object.keys(pair[0]).forEach(function (name) {
        var messages = pair[0][name];
        var box = name === "body" ? $("body-box") : name ? document.querySelector('#fields [data-field="' + name + '"]') : null;
        var slot = box ? box.querySelector(":scope > .error") : null;
        if (!slot) { general = general.concat(messages); return; }
        slot.hidden = false;
        slot.className = pair[1] === "error" ? "error" : "error warning";
        slot.textContent = messages.join(" ");
        var input = box.querySelector("input, textarea, select");
        if (input && pair[1] === "error") { input.setAttribute("aria-invalid", "true"); }
      });
    });
    var top = $("form-errors");
    top.hidden = !general.length && !Object.keys(errors || {}).length;
    top.textContent = general.length ? general.join(" ") : state.words.has_errors;
    var firstBad = document.querySelector('#fields [aria-invalid="true"]');
    if (firstBad) { firstBad.focus(); }
  }

  function save(asDraft) {
    var fields = collect();
    fields.draft = asDraft ? true : $("draft").checked;  /* the box as the worker left it: 保存 sent null, and a draft was published */
    var payload = { kind: state.kind, path: state.current.path, version: state.current.version, fields: fields,
      body: $("body-box").hidden ? "" : $("body").value, keep_as_draft: !!asDraft };
    var wasNew = !state.current.path;  /* a new record's notice (on the site next publish, or not) is said, not a warning */
    say("…");
    return api("POST", "/api/save", payload).then(function (answer) {
      var result = answer.data;
      /* a name taken is no change on disk: its 重新载入 would drop what the worker typed */
      if (answer.status === 409 && result.key !== "edit.name_taken" && result.key !== "edit.draft_name_taken") { $("conflict").hidden = false; text($("conflict").querySelector("span"), result.error); say(result.error, "bad"); return; }
      if (answer.status !== 200) { say(result.error || String(answer.status), "bad"); return; }
      showProblems(result.errors, result.warnings);
      if (!result.written) { say(state.words.has_errors, "bad"); return; }
      state.current.path = result.path;
      state.current.version = result.version;
      state.dirty = false;
      $("delete").hidden = false;
      $("preview-page").hidden = unfinished(result.path); $("print-poster").hidden = unfinished(result.path);
      say((result.draft_kept ? state.words.saved_draft : state.words.saved) + " " + result.path + (result.notice ? " " + result.notice : ""),
        result.draft_kept || (result.notice && !wasNew) ? "warn" : "good");
      $("draft").checked = !!fields.draft;
      loadList();
    });
  }

  function renderThumbs() {
    var box = $("thumbs");
    box.textContent = "";
    var multiple = state.schema.kinds[state.kind].photo === "photos";
    state.current.photos.forEach(function (path, index) {
      var img = el("img", { alt: path, width: "120", height: "120" });
      api("GET", "/api/thumb?path=" + encodeURIComponent(path)).then(function (answer) {
        if (answer.status === 200) { img.src = URL.createObjectURL(answer.data); }
      });
      var remove = el("button", { type: "button", "class": "link", text: state.words.remove });
      remove.addEventListener("click", function () { state.current.photos.splice(index, 1); markDirty(); renderThumbs(); });
      box.appendChild(el("figure", {}, [img, el("figcaption", { text: path }), remove]));
    });
    $("drop").hidden = !multiple && state.current.photos.length > 0;
  }

  function upload(files) {
    var multiple = state.schema.kinds[state.kind].photo === "photos";
    Array.prototype.slice.call(files, 0, multiple ? 20 : 1).reduce(function (chain, file) {
      return chain.then(function () {
        return api("POST", "/api/photo", undefined, { body: file, name: file.name }).then(function (answer) {
          if (answer.status !== 200) { say(answer.data.error, "bad"); return; }
          if (!multiple) { state.current.photos = []; }
          if (state.current.photos.indexOf(answer.data.path) < 0) { state.current.photos.push(answer.data.path); }
          markDirty();
          renderThumbs();
        });
      });
    }, Promise.resolve());
  }

  var previewTimer = null;
  function renderPreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(function () {
      api("POST", "/api/preview", { body: $("body").value }).then(function (answer) {
        if (answer.status === 200) { $("preview").innerHTML = answer.data.html; } /* sanitised by the server (nh3), as on the site */
      });
    }, 250);
  }

  function markDirty() { state.dirty = true; }
  function confirmLeave() { return !state.dirty || window.confirm(state.words.unsaved); }

  function slugOf(path) { return path.split("/").pop().replace(/\.(md|ya?ml)$/, "").replace(/^_/, ""); }

  function buildThen(open) {
    /* The tab is opened now, while the click still counts as the worker's: a browser blocks a
       window opened after a build of some seconds as a pop-up. It is pointed at the page once built. */
    var tab = window.open("about:blank", "_blank");
    if (tab) { tab.opener = null; }
    say(state.words.building_preview);
    return api("POST", "/api/build-preview", {}).then(function (answer) {
      if (answer.status !== 200 || !answer.data.ok) {
        if (tab) { tab.close(); }
        if (answer.data.messages) { showLog(answer.data.messages); }
        say(answer.data.error || state.words.has_errors, "bad");
        return;
      }
      say("");
      if (tab) { tab.location.href = open; } else { window.location.href = open; }
    });
  }

  function showLog(lines) {
    var box = $("build-log");
    box.hidden = false;
    text(box.querySelector("h2"), state.words.publish);
    text(box.querySelector("pre"), (lines || []).join("\n"));
    box.scrollIntoView();
  }

  function start() {
    api("GET", "/api/schema").then(function (answer) {
      state.schema = answer.data;
      state.words = answer.data.words;
      if (answer.data.site) { text($("site-name"), answer.data.site); }
      var list = el("datalist", { id: "places" });
      answer.data.places.forEach(function (p) { list.appendChild(option(p, p)); });
      document.body.appendChild(list);
      text($("new"), state.words.new); text($("save"), state.words.save); text($("save-draft"), state.words.save_draft); text($("draft-words"), state.words.draft_box);
      text($("delete"), state.words.delete); text($("reload"), state.words.reload); text($("preview-page"), state.words.preview_page);
      text($("print-poster"), state.words.print_poster); text($("publish"), state.words.publish); text($("back"), "← " + state.words.back);
      text($("photos-legend"), state.words.photos); text($("drop-words"), state.words.drop_photo); text($("body-label"), state.words.body);
      $("search").setAttribute("placeholder", state.words.search); $("search").setAttribute("aria-label", state.words.search);
      $("preview").setAttribute("aria-label", state.words.body_preview);
      kindTabs();
      loadList();
    });
    $("search").addEventListener("input", renderList);
    ["filter-status", "filter-year", "filter-place"].forEach(function (id) { $(id).addEventListener("change", renderList); });
    $("new").addEventListener("click", function () { fillForm({ fields: {}, body: "" }); });
    $("back").addEventListener("click", function () { if (confirmLeave()) { showList(); } });
    $("form").addEventListener("submit", function (event) { event.preventDefault(); save(false); });
    $("form").addEventListener("input", markDirty);
    $("save-draft").addEventListener("click", function () { save(true); });
    $("body").addEventListener("input", renderPreview);
    $("reload").addEventListener("click", function () { state.dirty = false; openRecord(state.current.path); });
    $("delete").addEventListener("click", function () {
      if (!window.confirm(state.words.confirm_delete)) { return; }
      api("POST", "/api/delete", { path: state.current.path, version: state.current.version }).then(function (answer) {
        if (answer.status !== 200) { say(answer.data.error, "bad"); return; }
        say(answer.data.message, "good"); showList(); loadList();
      });
    });
    $("preview-page").addEventListener("click", function () { buildThen("/site/" + state.kind + "/" + slugOf(state.current.path) + "/index.html"); });
    $("print-poster").addEventListener("click", function () { buildThen("/site/posters/" + state.kind + "/" + slugOf(state.current.path) + "/index.html"); });
    $("publish").addEventListener("click", function () {
      say(state.words.publishing);
      api("POST", "/api/publish", {}).then(function (answer) {
        if (answer.status !== 200) { say(answer.data.error, "bad"); return; }
        showLog(answer.data.messages); say(answer.data.ok ? state.words.saved : state.words.has_errors, answer.data.ok ? "good" : "bad");
      });
    });
    $("photo-input").addEventListener("change", function (event) { upload(event.target.files); event.target.value = ""; });
    var drop = $("drop");
    drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (event) { event.preventDefault(); drop.classList.remove("over"); upload(event.dataTransfer.files); });
    window.addEventListener("beforeunload", function (event) { if (state.dirty) { event.preventDefault(); event.returnValue = ""; } });
  }

  start();
}());
