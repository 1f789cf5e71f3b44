/* warwire control layer: who held each place on the chosen day, from /api/control.
 *
 * Each place is a diamond in its holder's camp colour (the colours and labels come with the
 * API's answer, so they are defined once, in Python). A ring marks the front line (changed
 * hands in the last days before the day), a dashed outline a contested record, a small
 * diamond a holder inferred from the place's first recorded change. Clicking a
 * place opens its page. The date slider asks the API again; an answer that arrives after the
 * slider moved on is dropped, so the map always shows the day the slider shows.
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var OTHER = "#b39ddb";

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY : null;
  }

  function isoOf(n) {
    return new Date(n * DAY).toISOString().slice(0, 10);
  }

  function ControlLayer(map, options) {
    this.map = map;
    this.slider = options.slider;
    this.label = options.label;
    this.legendBox = options.legend;
    this.onStatus = options.onStatus || function () {};
    this.onDay = options.onDay || function () {};
    this.dateInput = options.dateInput || null;
    this.range = null;   // [first, last] day numbers the slider spans
    this.places = [];
    this.colours = {};
    this.pending = null;
    this.timer = null;
    var self = this;
    this.g = map.addLayer("control", function (g, m) { self.draw(g, m); });
    this.slider.addEventListener("input", function () { self._moved(); });
    this.slider.addEventListener("change", function () { self._moved(); });
    if (this.dateInput) {
      this.dateInput.addEventListener("change", function () { self.goTo(self.dateInput.value); });
    }
  }

  /* Widen the slider to span FIRST..LAST (ISO days): the page gives the store's whole range
   * of event days, the control map its own first and last change. */
  ControlLayer.prototype.setRange = function (first, last) {
    var a = dayNumber(first), b = dayNumber(last);
    if (a === null || b === null) return;
    this.range = this.range ? [Math.min(this.range[0], a), Math.max(this.range[1], b)] : [a, b];
    this.slider.min = String(this.range[0]);
    this.slider.max = String(this.range[1]);
    this.slider.disabled = false;
    if (this.dateInput) {
      this.dateInput.min = isoOf(this.range[0]);
      this.dateInput.max = isoOf(this.range[1]);
    }
  };

  /* Go to a typed day (within the range: a day outside it is moved to its nearest end). */
  ControlLayer.prototype.goTo = function (iso) {
    var n = dayNumber(iso);
    if (n === null) return;
    if (this.range) n = Math.max(this.range[0], Math.min(this.range[1], n));
    this.slider.value = String(n);
    this._moved();
  };

  ControlLayer.prototype._fetch = function (day) {
    var url = "/api/control" + (day ? "?date=" + encodeURIComponent(day) : "");
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  };

  /* The first answer (the latest picture) also gives the days the slider spans. */
  ControlLayer.prototype.load = function () {
    var self = this;
    return this._fetch(null).then(function (data) {
      self._legend(data.camps || []);
      if (data.first) self.setRange(data.first, data.last);
      if (!self.range) {
        self.slider.disabled = true;
        self.label.textContent = "no dated event or change of control";
        self._set(data);
        return;
      }
      // start on the last day the store knows: every event and the latest holders
      self.goTo(isoOf(self.range[1]));
    });
  };

  ControlLayer.prototype.day = function () {
    return isoOf(Number(this.slider.value));
  };

  ControlLayer.prototype._moved = function () {
    var self = this;
    var day = this.day();
    this.label.textContent = day;
    this.label.removeAttribute("data-loaded");
    if (this.dateInput) this.dateInput.value = day;
    this.onDay(day);
    clearTimeout(this.timer);
    this.timer = setTimeout(function () {
      self.pending = day;
      self._fetch(day).then(function (data) {
        if (data.date === self.pending && data.date === self.day()) self._set(data);
      }).catch(function (err) { self.onStatus("control: " + err.message); });
    }, 80);
  };

  ControlLayer.prototype._set = function (data) {
    this.places = (data.places || []).filter(function (p) {
      return typeof p.latitude === "number" && typeof p.longitude === "number";
    });
    var front = this.places.filter(function (p) { return p.front_line; }).length;
    if (data.date) {
      this.label.textContent = data.date;
      this.label.setAttribute("data-loaded", data.date);
    }
    this.onStatus(this.places.length + " places held" + (front ? ", " + front + " on the front line" : ""));
    this.map.render();
  };

  ControlLayer.prototype._legend = function (camps) {
    var box = this.legendBox, colours = this.colours;
    while (box.firstChild) box.removeChild(box.firstChild);
    camps.forEach(function (c) {
      colours[c.camp] = c.colour;
      var item = document.createElement("span");
      item.className = "legend-item";
      item.title = (c.sides || []).join(", ");
      var sw = document.createElement("span");
      sw.className = "swatch diamond";
      sw.style.backgroundColor = c.colour;
      item.appendChild(sw);
      item.appendChild(document.createTextNode(c.label));
      box.appendChild(item);
    });
    var note = document.createElement("span");
    note.className = "muted";
    note.textContent = "ring: front line (changed hands in the last 7 days) · dashed: contested" +
      " · small: held before its first recorded change (by the side that lost it then)";
    box.appendChild(note);
  };

  ControlLayer.prototype.draw = function (g, map) {
    var svgEl = window.WarwireMap.svgEl;
    var colours = this.colours;
    this.places.forEach(function (p) {
      var xy = map.screen(p.longitude, p.latitude);
      if (xy[0] < -20 || xy[1] < -20 || xy[0] > map.width + 20 || xy[1] > map.height + 20) return;
      var x = xy[0], y = xy[1], r = p.inferred ? 6 : 9;   // small: inferred, not recorded
      var cls = "marker control-marker" + (p.front_line ? " front" : "") +
        (p.contested ? " contested" : "") + (p.inferred ? " inferred" : "");
      var a = svgEl("g", {
        "class": cls, "data-place": p.place, "data-camp": p.camp,
        transform: "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")", tabindex: 0
      }, g);
      if (p.front_line) svgEl("circle", { r: r + 5, "class": "front-ring" }, a);
      svgEl("path", {
        d: "M0," + (-r) + "L" + r + ",0L0," + r + "L" + (-r) + ",0Z",
        fill: colours[p.camp] || OTHER, "class": "holder"
      }, a);
      var title = svgEl("title", null, a);
      title.textContent = p.place + (p.admin1 && p.admin1 !== p.place ? ", " + p.admin1 : "") +
        ": held by " + (p.holder_actor || p.holder || "unknown") +
        (p.inferred ? " until " + p.until + " (the side its first recorded capture took it from)"
          : " since " + p.since) +
        (p.front_line ? " · front line" : "") +
        (p.contested ? " · contested: " + p.why_contested.join("; ") : "") +
        " · " + (p.outlets || []).join("; ");
      // by gazetteer id when there is one: a town and its province can share a name
      var page = "/places/" + encodeURIComponent(p.place_id || p.place);
      function open() { window.location.href = page; }
      a.addEventListener("click", function (ev) { ev.stopPropagation(); open(); });
      a.addEventListener("keydown", function (ev) { if (ev.key === "Enter") open(); });
    });
  };

  window.WarwireControl = { ControlLayer: ControlLayer };
})();
