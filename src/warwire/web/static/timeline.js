/* warwire timeline: events per day, stacked by type, as SVG bars. Dragging across it chooses
 * those days (the axis then shows only them: drill down); double-click goes back to all days. */
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var TYPE_ORDER = [
    "Battles", "Explosions/Remote violence", "Violence against civilians",
    "Protests", "Riots", "Strategic developments"
  ];

  function svgEl(tag, attrs, parent) {
    var el = document.createElementNS(NS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { el.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(el);
    return el;
  }

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY : null;
  }

  function isoOf(n) {
    return new Date(n * DAY).toISOString().slice(0, 10);
  }

  function Timeline(svg, options) {
    options = options || {};
    this.svg = svg;
    var vb = svg.viewBox.baseVal;
    this.width = vb && vb.width ? vb.width : 600;
    this.height = vb && vb.height ? vb.height : 170;
    this.m = { left: 30, right: 8, top: 8, bottom: 22 };
    this.onRange = options.onRange || function () {};
    this.colourOf = options.colourOf || function () { return "#777"; };
    this.first = null; this.last = null;
    this.dataFirst = null; this.dataLast = null;
    this.maxBars = options.maxBars || 120;
    this.range = { start: "", end: "" };
    this._bindBrush();
  }

  /* The days there are data for; the axis shows them all until a range is chosen. */
  Timeline.prototype.setDomain = function (events) {
    var days = events.map(function (e) { return dayNumber(e.date); })
      .filter(function (d) { return d !== null; });
    if (!days.length) { this.dataFirst = this.dataLast = null; return; }
    this.dataFirst = Math.min.apply(null, days);
    this.dataLast = Math.max.apply(null, days);
  };

  /* The chosen range is the axis (drilling down); open ends fall back to the data's days. */
  Timeline.prototype._view = function () {
    var lo = dayNumber(this.range.start), hi = dayNumber(this.range.end);
    if (this.dataFirst === null && lo === null && hi === null) { this.first = this.last = null; return; }
    this.first = lo !== null ? lo : this.dataFirst;
    this.last = hi !== null ? hi : this.dataLast;
    if (this.first === null) this.first = this.last;
    if (this.last === null || this.last < this.first) this.last = this.first;
  };

  Timeline.prototype.x = function (day) {
    var n = this.last - this.first + 1;
    var w = this.width - this.m.left - this.m.right;
    return this.m.left + (day - this.first) * w / n;
  };

  Timeline.prototype.dayAt = function (x) {
    var n = this.last - this.first + 1;
    var w = this.width - this.m.left - this.m.right;
    var d = this.first + Math.floor((x - this.m.left) * n / w);
    return Math.max(this.first, Math.min(this.last, d));
  };

  Timeline.prototype.draw = function (events, range) {
    this.range = range || this.range;
    var svg = this.svg;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    this._view();
    if (this.first === null) {
      var t = svgEl("text", { x: this.width / 2, y: this.height / 2, "text-anchor": "middle", "class": "muted" }, svg);
      t.textContent = "no dated events";
      return;
    }
    // long spans are drawn in buckets of several days so bars stay visible
    var span = this.last - this.first + 1;
    var bucket = span > this.maxBars ? Math.ceil(span / this.maxBars) : 1;
    var first = this.first, last = this.last;
    var perDay = {};
    events.forEach(function (e) {
      var d = dayNumber(e.date);
      if (d === null || d < first || d > last) return;
      d = first + Math.floor((d - first) / bucket) * bucket;
      var byType = perDay[d] || (perDay[d] = {});
      byType[e.event_type] = (byType[e.event_type] || 0) + 1;
    });
    var maxCount = 1;
    Object.keys(perDay).forEach(function (d) {
      var total = 0;
      Object.keys(perDay[d]).forEach(function (k) { total += perDay[d][k]; });
      maxCount = Math.max(maxCount, total);
    });
    var plotH = this.height - this.m.top - this.m.bottom;
    var base = this.m.top + plotH;
    var bw = Math.max(1, this.x(this.first + bucket) - this.x(this.first) - (bucket > 1 ? 0.5 : 1));
    var self = this;
    var bars = svgEl("g", { "class": "bars" }, svg);
    Object.keys(perDay).forEach(function (key) {
      var d = Number(key);
      var dEnd = Math.min(d + bucket - 1, self.last);
      var y = base;
      var types = TYPE_ORDER.concat(Object.keys(perDay[d]).filter(function (k) {
        return TYPE_ORDER.indexOf(k) < 0;
      }));
      var g = svgEl("g", { "class": "day", "data-day": isoOf(d), "data-last-day": isoOf(dEnd) }, bars);
      var total = 0;
      types.forEach(function (type) {
        var n = perDay[d][type];
        if (!n) return;
        total += n;
        var h = n * plotH / maxCount;
        y -= h;
        svgEl("rect", { x: self.x(d), y: y, width: bw, height: h, fill: self.colourOf(type), "class": "bar" }, g);
      });
      var title = svgEl("title", null, g);
      title.textContent = isoOf(d) + (bucket > 1 ? " to " + isoOf(dEnd) : "") + ": " +
        total + " event" + (total === 1 ? "" : "s");
    });
    // axes
    svgEl("line", { x1: this.m.left, x2: this.width - this.m.right, y1: base, y2: base, "class": "axis" }, svg);
    var yl = svgEl("text", { x: this.m.left - 4, y: this.m.top + 8, "text-anchor": "end", "class": "tick" }, svg);
    yl.textContent = String(maxCount);
    if (bucket > 1) {
      var per = svgEl("text", { x: this.width - this.m.right, y: this.m.top + 8, "text-anchor": "end", "class": "tick" }, svg);
      per.textContent = "bars of " + bucket + " days";
    }
    var ticks = Math.max(1, Math.min(4, span));
    var step = Math.max(1, Math.ceil(span / ticks));
    for (var d = this.first; d <= this.last; d += step) {
      var anchor = d === this.first ? "start" : "middle";
      var tx = svgEl("text", { x: d === this.first ? this.x(d) : this.x(d) + bw / 2, y: this.height - 6, "text-anchor": anchor, "class": "tick" }, svg);
      tx.textContent = isoOf(d);
    }
    this.tempBrush = svgEl("rect", { x: 0, y: this.m.top, width: 0, height: plotH, "class": "brush temp" }, svg);
  };

  Timeline.prototype._toSvgX = function (clientX) {
    var pt = this.svg.createSVGPoint();
    pt.x = clientX; pt.y = 0;
    var m = this.svg.getScreenCTM();
    return m ? pt.matrixTransform(m.inverse()).x : clientX;
  };

  Timeline.prototype._bindBrush = function () {
    var self = this;
    var startDay = null;
    this.svg.addEventListener("pointerdown", function (ev) {
      if (self.first === null) return;
      startDay = self.dayAt(self._toSvgX(ev.clientX));
      self.svg.setPointerCapture(ev.pointerId);
    });
    this.svg.addEventListener("pointermove", function (ev) {
      if (startDay === null || !self.tempBrush) return;
      var d = self.dayAt(self._toSvgX(ev.clientX));
      var a = Math.min(d, startDay), b = Math.max(d, startDay);
      self.tempBrush.setAttribute("x", self.x(a));
      self.tempBrush.setAttribute("width", self.x(b + 1) - self.x(a));
    });
    this.svg.addEventListener("pointerup", function (ev) {
      if (startDay === null) return;
      var d = self.dayAt(self._toSvgX(ev.clientX));
      var a = Math.min(d, startDay), b = Math.max(d, startDay);
      startDay = null;
      try { self.svg.releasePointerCapture(ev.pointerId); } catch (e) { /* gone */ }
      self.onRange(isoOf(a), isoOf(b));
    });
    this.svg.addEventListener("dblclick", function () { self.onRange("", ""); });
  };

  window.WarwireTimeline = { Timeline: Timeline, dayNumber: dayNumber, isoOf: isoOf };
})();
