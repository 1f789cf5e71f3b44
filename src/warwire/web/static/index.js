/* warwire main page: loads events from /api/events, filters them, and drives map, timeline, list. */
(function () {
  "use strict";

  var PAGE = 500;
  var MAX_EVENTS = 20000;
  var LIST_ROWS = 200;
  var byId = function (id) { return document.getElementById(id); };

  var state = { all: [], truncated: false, mapDay: null };
  var inputs = {
    start: byId("f-start"), end: byId("f-end"), type: byId("f-type"), side: byId("f-side"),
    admin1: byId("f-admin1"), actor: byId("f-actor"), outlet: byId("f-outlet"),
    minSources: byId("f-min-sources")
  };
  var DAY_MS = 86400000;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value == null ? "" : String(value);
    if (cls) el.className = cls;
    return el;
  }

  function link(href, value) {
    var a = text("a", value);
    a.href = href;
    return a;
  }

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  function pageUrl(offset) {
    return "/api/events?view=compact&limit=" + PAGE + "&offset=" + offset;
  }

  /* The first page says how many there are; the rest are fetched a few at a time. */
  function loadEvents() {
    var status = byId("event-count");
    return fetchJson(pageUrl(0)).then(function (first) {
      var total = Math.min(first.total, MAX_EVENTS);
      var offsets = [];
      for (var o = PAGE; o < total; o += PAGE) offsets.push(o);
      var pages = [first.events];
      var loaded = first.events.length;
      function worker() {
        if (!offsets.length) return Promise.resolve();
        var offset = offsets.shift();
        return fetchJson(pageUrl(offset)).then(function (page) {
          pages[offset / PAGE] = page.events;
          loaded += page.events.length;
          status.textContent = "loading " + loaded + " of " + total + " events…";
          return worker();
        });
      }
      return Promise.all([worker(), worker(), worker(), worker()]).then(function () {
        var all = [].concat.apply([], pages.filter(Boolean));
        state.truncated = first.total > all.length;
        return all;
      });
    });
  }

  function fillSelect(select, values, labelOf) {
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = labelOf ? labelOf(v) : v;
      select.appendChild(o);
    });
    select.value = keep;
  }

  function distinct(list) {
    var seen = {};
    list.forEach(function (v) { if (v) seen[v] = true; });
    return Object.keys(seen).sort(function (a, b) { return a.localeCompare(b); });
  }

  function buildFilters(events) {
    var types = [];
    events.forEach(function (e) { types.push(e.event_type); });
    var subs = distinct(events.map(function (e) { return e.sub_event_type; }));
    fillSelect(inputs.type, distinct(types).concat(subs.map(function (s) { return "sub:" + s; })),
      function (v) { return v.indexOf("sub:") === 0 ? "  · " + v.slice(4) : v; });
    var sides = [];
    events.forEach(function (e) { sides.push(e.actor1_side, e.actor2_side); });
    fillSelect(inputs.side, distinct(sides));
    fillSelect(inputs.admin1, distinct(events.map(function (e) { return e.admin1; })));
    var outlets = [];
    events.forEach(function (e) { (e.outlets || []).forEach(function (o) { outlets.push(o); }); });
    fillSelect(inputs.outlet, distinct(outlets));
  }

  /* The page takes the API's filter names in its address (?type=battles&actor=islamic...):
   * a link to a filtered view opens filtered. Types match in any case, as in the API. */
  function fromAddress() {
    var q = new URLSearchParams(window.location.search);
    function pick(select, value) {
      if (!value) return;
      var want = value.toLowerCase();
      for (var i = 0; i < select.options.length; i++) {
        var v = select.options[i].value;
        var bare = v.indexOf("sub:") === 0 ? v.slice(4) : v;
        if (v.toLowerCase() === want || bare.toLowerCase() === want) { select.value = v; return; }
      }
    }
    if (q.get("start")) inputs.start.value = q.get("start");
    if (q.get("end")) inputs.end.value = q.get("end");
    pick(inputs.type, q.get("type"));
    pick(inputs.side, q.get("side"));
    pick(inputs.admin1, q.get("admin1"));
    pick(inputs.outlet, q.get("outlet"));
    if (q.get("actor")) inputs.actor.value = q.get("actor");
    if (q.get("min_sources")) inputs.minSources.value = q.get("min_sources");
  }

  function current() {
    return {
      start: inputs.start.value, end: inputs.end.value, type: inputs.type.value,
      side: inputs.side.value, admin1: inputs.admin1.value, outlet: inputs.outlet.value,
      actor: inputs.actor.value.trim().toLowerCase(),
      minSources: parseInt(inputs.minSources.value, 10) || 1
    };
  }

  /* Every filter except the days: what the timeline shows. */
  function matchesOthers(e, f) {
    if (f.type) {
      if (f.type.indexOf("sub:") === 0) { if (e.sub_event_type !== f.type.slice(4)) return false; }
      else if (e.event_type !== f.type) return false;
    }
    if (f.side && e.actor1_side !== f.side && e.actor2_side !== f.side) return false;
    if (f.admin1 && e.admin1 !== f.admin1) return false;
    if (f.outlet && (e.outlets || []).indexOf(f.outlet) < 0) return false;
    if ((e.independent_sources || 0) < f.minSources) return false;
    if (f.actor) {
      var names = [e.actor1, e.actor2].concat(e.assoc_actor_1 || [], e.assoc_actor_2 || []);
      if (!names.some(function (n) { return n && n.toLowerCase().indexOf(f.actor) >= 0; })) return false;
    }
    return true;
  }

  /* The map shows the events up to its day: all of them, or those of the window before it. */
  function upToMapDay(e) {
    if (!state.mapDay) return true;
    if (!e.date || e.date > state.mapDay) return false;
    var days = parseInt(byId("event-window").value, 10) || 0;
    if (!days) return true;
    var from = new Date(Date.parse(state.mapDay + "T00:00:00Z") - (days - 1) * DAY_MS);
    return e.date >= from.toISOString().slice(0, 10);
  }

  function inDays(e, f) {
    if (!f.start && !f.end) return true;
    if (!e.date) return false;
    if (f.start && e.date < f.start) return false;
    if (f.end && e.date > f.end) return false;
    return true;
  }

  function byDate(a, b) {
    if (!a.date !== !b.date) return a.date ? -1 : 1;   // undated last
    return a.date < b.date ? -1 : a.date > b.date ? 1 : (a.id < b.id ? -1 : 1);
  }

  function renderList(events) {
    events = events.slice().sort(byDate);
    var body = byId("event-list").tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    events.slice(0, LIST_ROWS).forEach(function (e) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-id", e.id);
      var td = document.createElement("td");
      td.appendChild(link("/events/" + encodeURIComponent(e.id), e.date || "undated"));
      tr.appendChild(td);
      td = document.createElement("td");
      td.appendChild(text("div", e.sub_event_type || e.event_type, "what"));
      if (e.actor1) td.appendChild(text("div", e.actor1 + (e.actor2 ? " vs " + e.actor2 : ""), "muted"));
      if (e.notes) td.appendChild(text("div", e.notes, "note-line"));
      tr.appendChild(td);
      td = document.createElement("td");
      if (e.location) td.appendChild(link("/places/" + encodeURIComponent(e.location), e.location));
      if (e.admin1 && e.admin1 !== e.location) td.appendChild(text("div", e.admin1, "muted"));
      tr.appendChild(td);
      tr.appendChild(text("td", e.fatalities == null ? "" : e.fatalities, "num"));
      td = text("td", String(e.independent_sources), "num");
      td.title = (e.outlets || []).join("; ");
      tr.appendChild(td);
      body.appendChild(tr);
    });
    byId("list-note").textContent = events.length > LIST_ROWS
      ? "(first " + LIST_ROWS + " of " + events.length + ")" : "(" + events.length + ")";
  }

  function showSelected(e) {
    var box = byId("selected");
    while (box.firstChild) box.removeChild(box.firstChild);
    box.className = "selected";
    box.appendChild(link("/events/" + encodeURIComponent(e.id),
      (e.date || "undated") + " · " + (e.sub_event_type || e.event_type) + " · " + (e.location || e.admin1 || "")));
    if (e.notes) box.appendChild(text("p", e.notes));
    box.appendChild(text("p", (e.fatalities == null ? "fatalities not reported" : e.fatalities + " killed") +
      " · " + e.independent_sources + " source(s): " + (e.outlets || []).join("; "), "muted"));
  }

  function showMany(events) {
    var box = byId("selected");
    while (box.firstChild) box.removeChild(box.firstChild);
    box.className = "selected";
    var first = events[0];
    box.appendChild(text("p", events.length + " events at " + (first.location || first.admin1 || "this spot") + ":"));
    var ul = document.createElement("ul");
    ul.className = "many";
    events.slice().sort(byDate).forEach(function (e) {
      var li = document.createElement("li");
      li.appendChild(link("/events/" + encodeURIComponent(e.id),
        (e.date || "undated") + " · " + (e.sub_event_type || e.event_type)));
      if (e.fatalities != null) li.appendChild(text("span", " · " + e.fatalities + " killed", "muted"));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  var map = new window.WarwireMap.EventMap(byId("map"), {
    onSelect: showSelected,
    onSelectMany: showMany,
    onStatus: function (s) {
      byId("map-status").textContent = "zoom ×" + s.zoom.toFixed(1) +
        (s.groups ? " · " + s.groups + " groups" : "");
    }
  });
  var timeline = new window.WarwireTimeline.Timeline(byId("timeline"), {
    colourOf: window.WarwireMap.colourOf,
    onRange: function (a, b) {
      inputs.start.value = a;
      inputs.end.value = b;
      apply();
    }
  });

  function apply() {
    var f = current();
    var others = state.all.filter(function (e) { return matchesOthers(e, f); });
    var shown = others.filter(function (e) { return inDays(e, f); });
    var onMap = shown.filter(upToMapDay);
    var undrawable = map.setEvents(onMap);
    timeline.draw(others, { start: f.start, end: f.end });
    renderList(shown);
    var count = byId("event-count");
    count.textContent = shown.length + " of " + state.all.length + " events" +
      (onMap.length !== shown.length ? ", " + onMap.length + " on the map up to " + state.mapDay : "") +
      (undrawable ? " (" + undrawable + " without coordinates, not on the map)" : "") +
      (state.truncated ? " — only the first " + state.all.length + " loaded" : "");
    count.setAttribute("data-shown", String(shown.length));
  }

  function legend() {
    var box = byId("legend");
    var colours = window.WarwireMap.TYPE_COLOURS;
    Object.keys(colours).forEach(function (type) {
      var item = text("span", "", "legend-item");
      var sw = text("span", "", "swatch");
      sw.style.backgroundColor = colours[type];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(type));
      box.appendChild(item);
    });
    box.appendChild(text("span", "size: fatalities", "muted"));
  }

  Object.keys(inputs).forEach(function (k) {
    inputs[k].addEventListener("change", apply);
    if (k === "minSources" || k === "actor") inputs[k].addEventListener("input", apply);
  });
  byId("f-reset").addEventListener("click", function () {
    ["start", "end", "type", "side", "admin1", "actor", "outlet"].forEach(function (k) { inputs[k].value = ""; });
    inputs.minSources.value = "1";
    apply();
  });
  byId("timeline-all").addEventListener("click", function () {
    inputs.start.value = "";
    inputs.end.value = "";
    apply();
  });
  byId("zoom-in").addEventListener("click", function () { map.zoomAt(map.width / 2, map.height / 2, 2); });
  byId("zoom-out").addEventListener("click", function () { map.zoomAt(map.width / 2, map.height / 2, 0.5); });
  byId("zoom-reset").addEventListener("click", function () { map.reset(); });
  byId("zoom-fit").addEventListener("click", function () { map.fitEvents(); });
  legend();

  var control = new window.WarwireControl.ControlLayer(map, {
    slider: byId("control-day"),
    label: byId("control-date"),
    legend: byId("control-legend"),
    dateInput: byId("map-date"),
    onDay: function (day) { state.mapDay = day; if (state.all.length) apply(); },
    onStatus: function (msg) { byId("control-status").textContent = msg; }
  });
  byId("event-window").addEventListener("change", apply);
  byId("layer-events").addEventListener("change", function (ev) {
    map.showLayer("events", ev.target.checked);
    byId("legend").classList.toggle("layer-off", !ev.target.checked);
  });
  byId("layer-control").addEventListener("change", function (ev) {
    map.showLayer("control", ev.target.checked);
    byId("control-legend").classList.toggle("layer-off", !ev.target.checked);
  });

  var basemap = fetchJson("/api/boundaries").then(function (g) { map.setBoundaries(g); })
    .catch(function () { byId("map-status").textContent = "no basemap bundled"; });
  fetchJson("/api/basemap").then(function (g) { map.setBasemap(g); }).catch(function () { /* optional */ });
  var eventsLoaded = loadEvents().then(function (events) {
    state.all = events;
    buildFilters(events);
    fromAddress();
    timeline.setDomain(events);
    // the slider spans every day the store has an event on, not only the changes of control
    var days = events.map(function (e) { return e.date; }).filter(Boolean).sort();
    if (days.length) control.setRange(days[0], days[days.length - 1]);
    return basemap.then(apply, apply);
  }).catch(function (err) {
    byId("event-count").textContent = "could not load events: " + err.message;
  });
  Promise.all([eventsLoaded, basemap.catch(function () { /* drawn without */ })])
    .then(function () { return control.load(); })
    .catch(function (err) { byId("control-status").textContent = "could not load control: " + err.message; });
})();
