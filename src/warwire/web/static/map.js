/* warwire map: a hand-written SVG map of events over the bundled administrative boundaries.
 *
 * Points are coloured by event type and sized by fatalities; when zoomed out, points that
 * fall in the same screen cell are drawn as one numbered circle. Pan by dragging, zoom with
 * the wheel or the buttons. Every text reaches the page through textContent, never HTML.
 */
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4"
  };
  var OTHER_COLOUR = "#7f7f7f";

  function colourOf(type) {
    return TYPE_COLOURS[type] || OTHER_COLOUR;
  }

  function svgEl(tag, attrs, parent) {
    var el = document.createElementNS(NS, tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { el.setAttribute(k, String(attrs[k])); });
    }
    if (parent) parent.appendChild(el);
    return el;
  }

  function radiusFor(fatalities) {
    var f = fatalities > 0 ? fatalities : 0;
    return Math.min(4 + 2 * Math.sqrt(f), 22);
  }

  /* Walk every [lon, lat] pair of a GeoJSON geometry. */
  function eachRing(geometry, fn) {
    if (!geometry) return;
    var t = geometry.type, c = geometry.coordinates;
    if (t === "Polygon") c.forEach(fn);
    else if (t === "MultiPolygon") c.forEach(function (p) { p.forEach(fn); });
    else if (t === "LineString") fn(c);
    else if (t === "MultiLineString") c.forEach(fn);
    else if (t === "GeometryCollection") geometry.geometries.forEach(function (g) { eachRing(g, fn); });
  }

  function EventMap(svg, options) {
    options = options || {};
    this.svg = svg;
    var vb = svg.viewBox.baseVal;
    this.width = vb && vb.width ? vb.width : 800;
    this.height = vb && vb.height ? vb.height : 600;
    this.clusterBelow = options.clusterBelow || 4;   // zoom factor under which points cluster
    this.cellSize = options.cellSize || 36;          // px of a cluster cell
    this.onSelect = options.onSelect || function () {};
    this.onSelectMany = options.onSelectMany || null;
    this.onStatus = options.onStatus || function () {};
    this.k = 1; this.tx = 0; this.ty = 0;
    this.bbox = null;            // [minLon, minLat, maxLon, maxLat] the projection is fitted to
    this.events = [];
    svgEl("rect", { x: 0, y: 0, width: this.width, height: this.height, "class": "sea" }, svg);
    this.gBase = svgEl("g", { "class": "basemap" }, svg);
    this.gPoints = svgEl("g", { "class": "points" }, svg);
    this.gLayers = svgEl("g", { "class": "layers" }, svg);   // other layers, over the events
    this.layers = [];
    this._bindPanZoom();
  }

  EventMap.prototype.fit = function (bbox) {
    var lat0 = (bbox[1] + bbox[3]) / 2;
    this.cosLat = Math.cos(lat0 * Math.PI / 180);
    var w = Math.max((bbox[2] - bbox[0]) * this.cosLat, 1e-6);
    var h = Math.max(bbox[3] - bbox[1], 1e-6);
    var pad = 20;
    this.scale = Math.min((this.width - 2 * pad) / w, (this.height - 2 * pad) / h);
    this.ox = (this.width - w * this.scale) / 2;
    this.oy = (this.height - h * this.scale) / 2;
    this.bbox = bbox;
  };

  /* [lon, lat] -> base (unzoomed) SVG coordinates. */
  EventMap.prototype.project = function (lon, lat) {
    return [
      this.ox + (lon - this.bbox[0]) * this.cosLat * this.scale,
      this.oy + (this.bbox[3] - lat) * this.scale
    ];
  };

  EventMap.prototype.setBoundaries = function (geojson) {
    var feats = (geojson && geojson.features) || [];
    if (!feats.length) return;
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    feats.forEach(function (f) {
      eachRing(f.geometry, function (ring) {
        ring.forEach(function (p) {
          if (p[0] < b[0]) b[0] = p[0];
          if (p[1] < b[1]) b[1] = p[1];
          if (p[0] > b[2]) b[2] = p[0];
          if (p[1] > b[3]) b[3] = p[1];
        });
      });
    });
    if (!isFinite(b[0])) return;
    this.fit(b);
    while (this.gBase.firstChild) this.gBase.removeChild(this.gBase.firstChild);
    var self = this;
    // province fills, then district lines, then province borders on top of both
    var level1 = svgEl("g", { "class": "admin1" }, this.gBase);
    var level3 = svgEl("g", { "class": "admin3" }, this.gBase);   // shown only when zoomed in
    var level2 = svgEl("g", { "class": "admin2" }, this.gBase);
    var borders = svgEl("g", { "class": "admin1-borders" }, this.gBase);
    var labels = svgEl("g", { "class": "labels" }, this.gBase);
    feats.forEach(function (f) {
      var props = f.properties || {};
      var level = Number(props.level || props.admin_level || (props.admin2 ? 2 : 1));
      var d = [];
      var fb = [Infinity, Infinity, -Infinity, -Infinity];
      eachRing(f.geometry, function (ring) {
        ring.forEach(function (p, i) {
          var xy = self.project(p[0], p[1]);
          d.push((i ? "L" : "M") + xy[0].toFixed(1) + "," + xy[1].toFixed(1));
          if (xy[0] < fb[0]) fb[0] = xy[0];
          if (xy[1] < fb[1]) fb[1] = xy[1];
          if (xy[0] > fb[2]) fb[2] = xy[0];
          if (xy[1] > fb[3]) fb[3] = xy[1];
        });
        if (f.geometry.type.indexOf("Polygon") >= 0) d.push("Z");
      });
      var path = svgEl("path", { d: d.join(""), "vector-effect": "non-scaling-stroke" },
        level >= 3 ? level3 : level >= 2 ? level2 : level1);
      if (level < 2) {
        svgEl("path", { d: d.join(""), "vector-effect": "non-scaling-stroke" }, borders);
      }
      var name = level >= 3 ? props.name : level >= 2 ? (props.admin2 || props.name) : (props.admin1 || props.name);
      if (name) {
        var title = svgEl("title", null, path);
        title.textContent = [name, level >= 3 ? props.admin2 : "", level >= 2 ? props.admin1 : ""]
          .filter(Boolean).join(", ");
        if (level < 2 && isFinite(fb[0])) {
          var label = svgEl("text", { x: (fb[0] + fb[2]) / 2, y: (fb[1] + fb[3]) / 2 }, labels);
          label.textContent = name;
        }
      }
    });
    this.hasBasemap = true;
    this.render();
  };

  /* Another layer, drawn over the events: DRAW(g, map) runs on every redraw (pan, zoom). */
  EventMap.prototype.addLayer = function (name, draw) {
    var g = svgEl("g", { "class": "layer layer-" + name }, this.gLayers);
    this.layers.push({ g: g, draw: draw });
    return g;
  };

  /* Show or hide the events or a named layer. */
  EventMap.prototype.showLayer = function (name, on) {
    var g = name === "events" ? this.gPoints : this.svg.querySelector(".layer-" + name);
    if (g) g.classList.toggle("layer-off", !on);
  };

  EventMap.prototype.setEvents = function (events) {
    this.events = events.filter(function (e) {
      return typeof e.latitude === "number" && typeof e.longitude === "number";
    });
    if (!this.bbox && this.events.length) {
      // no basemap: fit the projection to the points themselves
      var b = [Infinity, Infinity, -Infinity, -Infinity];
      this.events.forEach(function (e) {
        b[0] = Math.min(b[0], e.longitude); b[1] = Math.min(b[1], e.latitude);
        b[2] = Math.max(b[2], e.longitude); b[3] = Math.max(b[3], e.latitude);
      });
      var m = 0.5;
      this.fit([b[0] - m, b[1] - m, b[2] + m, b[3] + m]);
    }
    this.render();
    return events.length - this.events.length;   // events that cannot be drawn
  };

  EventMap.prototype.screen = function (lon, lat) {
    var xy = this.project(lon, lat);
    return [xy[0] * this.k + this.tx, xy[1] * this.k + this.ty];
  };

  EventMap.prototype.render = function () {
    this.gBase.setAttribute("transform",
      "translate(" + this.tx + "," + this.ty + ") scale(" + this.k + ")");
    this.gBase.setAttribute("class", "basemap" + (this.k >= 2.5 ? " zoomed" : ""));
    while (this.gPoints.firstChild) this.gPoints.removeChild(this.gPoints.firstChild);
    if (!this.bbox) return;
    var self = this;
    this.layers.forEach(function (layer) {
      while (layer.g.firstChild) layer.g.removeChild(layer.g.firstChild);
      layer.draw(layer.g, self);
    });
    var clustered = this.k < this.clusterBelow;
    var cells = {};
    var order = [];
    this.events.forEach(function (e) {
      var p = self.screen(e.longitude, e.latitude);
      if (p[0] < -30 || p[1] < -30 || p[0] > self.width + 30 || p[1] > self.height + 30) return;
      // zoomed in, only events at the very same spot share a circle
      var key = clustered
        ? Math.floor(p[0] / self.cellSize) + ":" + Math.floor(p[1] / self.cellSize)
        : e.longitude.toFixed(5) + "," + e.latitude.toFixed(5);
      if (!cells[key]) { cells[key] = { events: [], x: 0, y: 0 }; order.push(key); }
      cells[key].events.push(e);
      cells[key].x += p[0];
      cells[key].y += p[1];
    });
    var drawn = 0, groups = 0;
    // largest first so small points stay on top and clickable
    order.sort(function (a, b) { return radiusOfCell(cells[b]) - radiusOfCell(cells[a]); });
    order.forEach(function (key) {
      var cell = cells[key];
      var n = cell.events.length;
      var x = cell.x / n, y = cell.y / n;
      if (n === 1) {
        self._drawPoint(cell.events[0], x, y);
        drawn += 1;
      } else {
        self._drawCluster(cell.events, x, y);
        groups += 1; drawn += n;
      }
    });
    this.onStatus({ drawn: drawn, groups: groups, zoom: this.k });
  };

  /* A numbered circle grows with the log of its size and stays inside its cell. */
  function clusterRadius(n) {
    return Math.min(17, 7 + 2.5 * Math.log2(n + 1));
  }

  function radiusOfCell(cell) {
    if (cell.events.length === 1) return radiusFor(cell.events[0].fatalities);
    return clusterRadius(cell.events.length);
  }

  EventMap.prototype._drawPoint = function (e, x, y) {
    var self = this;
    var c = svgEl("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: radiusFor(e.fatalities).toFixed(1),
      fill: colourOf(e.event_type), "class": "marker event-marker", "data-id": e.id,
      tabindex: 0
    }, this.gPoints);
    var t = svgEl("title", null, c);
    t.textContent = (e.date || "undated") + " · " + (e.sub_event_type || e.event_type) +
      " · " + (e.location || e.admin1 || "") +
      (e.fatalities != null ? " · " + e.fatalities + " killed" : "");
    c.addEventListener("click", function (ev) { ev.stopPropagation(); self.onSelect(e); });
    c.addEventListener("keydown", function (ev) { if (ev.key === "Enter") self.onSelect(e); });
  };

  EventMap.prototype._drawCluster = function (events, x, y) {
    var self = this;
    var counts = {};
    events.forEach(function (e) { counts[e.event_type] = (counts[e.event_type] || 0) + 1; });
    var top = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })[0];
    var g = svgEl("g", {
      "class": "marker cluster-marker", "data-count": events.length,
      transform: "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")"
    }, this.gPoints);
    svgEl("circle", { r: clusterRadius(events.length).toFixed(1), fill: colourOf(top) }, g);
    var label = svgEl("text", { "text-anchor": "middle", dy: "0.35em" }, g);
    label.textContent = String(events.length);
    var title = svgEl("title", null, g);
    title.textContent = events.length + " events: " + Object.keys(counts).map(function (k) {
      return k + " " + counts[k];
    }).join(", ");
    var oneSpot = events.every(function (e) {
      return e.longitude === events[0].longitude && e.latitude === events[0].latitude;
    });
    g.addEventListener("click", function (ev) {
      ev.stopPropagation();
      // events at one spot never split by zooming: list them instead
      if (oneSpot && self.onSelectMany) self.onSelectMany(events);
      else self.zoomAt(x, y, 2.5);
    });
  };

  EventMap.prototype.zoomAt = function (x, y, factor) {
    var k = Math.max(1, Math.min(64, this.k * factor));
    var f = k / this.k;
    this.tx = x - (x - this.tx) * f;
    this.ty = y - (y - this.ty) * f;
    this.k = k;
    if (k === 1) { this.tx = 0; this.ty = 0; }
    this.render();
  };

  /* Zoom so that every drawn event is in view (the whole map when there are none). */
  EventMap.prototype.fitEvents = function () {
    if (!this.bbox || !this.events.length) { this.reset(); return; }
    var self = this;
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    this.events.forEach(function (e) {
      var p = self.project(e.longitude, e.latitude);
      b[0] = Math.min(b[0], p[0]); b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[0]); b[3] = Math.max(b[3], p[1]);
    });
    var pad = 40;
    var k = Math.min(
      (this.width - 2 * pad) / Math.max(b[2] - b[0], 1),
      (this.height - 2 * pad) / Math.max(b[3] - b[1], 1));
    this.k = Math.max(1, Math.min(16, k));
    this.tx = this.width / 2 - this.k * (b[0] + b[2]) / 2;
    this.ty = this.height / 2 - this.k * (b[1] + b[3]) / 2;
    this.render();
  };

  EventMap.prototype.reset = function () {
    this.k = 1; this.tx = 0; this.ty = 0;
    this.render();
  };

  EventMap.prototype._toSvg = function (clientX, clientY) {
    var pt = this.svg.createSVGPoint();
    pt.x = clientX; pt.y = clientY;
    var m = this.svg.getScreenCTM();
    if (!m) return [clientX, clientY];
    var p = pt.matrixTransform(m.inverse());
    return [p.x, p.y];
  };

  EventMap.prototype._bindPanZoom = function () {
    var self = this;
    var drag = null;
    this.svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var p = self._toSvg(ev.clientX, ev.clientY);
      self.zoomAt(p[0], p[1], Math.exp(-ev.deltaY * 0.002));
    }, { passive: false });
    this.svg.addEventListener("pointerdown", function (ev) {
      if (ev.target.closest && ev.target.closest(".marker")) return;
      var p = self._toSvg(ev.clientX, ev.clientY);
      drag = { x: p[0], y: p[1], tx: self.tx, ty: self.ty, moved: false };
      self.svg.setPointerCapture(ev.pointerId);
    });
    this.svg.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var p = self._toSvg(ev.clientX, ev.clientY);
      var dx = p[0] - drag.x, dy = p[1] - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      self.tx = drag.tx + dx; self.ty = drag.ty + dy;
      self.render();
    });
    function end(ev) {
      if (drag) { try { self.svg.releasePointerCapture(ev.pointerId); } catch (e) { /* gone */ } }
      drag = null;
    }
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    this.svg.addEventListener("dblclick", function (ev) {
      var p = self._toSvg(ev.clientX, ev.clientY);
      self.zoomAt(p[0], p[1], 2);
    });
  };

  window.WarwireMap = {
    EventMap: EventMap, colourOf: colourOf, TYPE_COLOURS: TYPE_COLOURS, svgEl: svgEl
  };
})();
