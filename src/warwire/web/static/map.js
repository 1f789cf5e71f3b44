/* warwire map: a hand-written SVG map of events over the bundled administrative boundaries.
 *
 * Points are coloured by event type and sized by fatalities; when zoomed out, points that
 * fall in the same screen cell are drawn as one numbered circle. Events placed only by their
 * province are drawn apart, as a dashed ring with a count behind the town markers. Around the
 * boundaries: neighbouring countries, main rivers and highways, and town names that appear as
 * the zoom grows, the biggest towns first (/api/basemap). Pan by dragging or the arrow keys,
 * zoom with the wheel, the + and - keys or the buttons. Every text reaches the page through
 * textContent, never HTML.
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
    this.gWorld = svgEl("g", { "class": "world" }, svg);       // countries around
    this.gBase = svgEl("g", { "class": "basemap" }, svg);
    this.gLines = svgEl("g", { "class": "lines" }, svg);       // rivers and highways
    this.gTowns = svgEl("g", { "class": "towns" }, svg);       // labels, in screen units
    this.gProvince = svgEl("g", { "class": "province-events" }, svg);
    this.gPoints = svgEl("g", { "class": "points" }, svg);
    this.world = null;
    this.towns = [];
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
    this._drawWorld();
    this.render();
  };

  /* Countries, rivers, highways and towns (/api/basemap); drawn once the projection is known. */
  EventMap.prototype.setBasemap = function (geojson) {
    this.world = (geojson && geojson.features) || [];
    this.towns = this.world.filter(function (f) {
      return f.properties && f.properties.kind === "town" && f.geometry;
    }).sort(function (a, b) { return b.properties.population - a.properties.population; });
    if (this.bbox) { this._drawWorld(); this.render(); }
  };

  EventMap.prototype._path = function (geometry) {
    var self = this, d = [];
    eachRing(geometry, function (ring) {
      ring.forEach(function (p, i) {
        var xy = self.project(p[0], p[1]);
        d.push((i ? "L" : "M") + xy[0].toFixed(1) + "," + xy[1].toFixed(1));
      });
      if (geometry.type.indexOf("Polygon") >= 0) d.push("Z");
    });
    return d.join("");
  };

  EventMap.prototype._drawWorld = function () {
    if (!this.world || !this.bbox) return;
    var self = this;
    [this.gWorld, this.gLines].forEach(function (g) { while (g.firstChild) g.removeChild(g.firstChild); });
    this.world.forEach(function (f) {
      var kind = f.properties && f.properties.kind;
      if (kind === "country") {
        var path = svgEl("path", { d: self._path(f.geometry), "class": "country",
          "vector-effect": "non-scaling-stroke" }, self.gWorld);
        var t = svgEl("title", null, path);
        t.textContent = f.properties.name;
        var at = f.properties.label;
        if (at && f.properties.name !== "Syria") {
          var xy = self.project(at[0], at[1]);
          var label = svgEl("text", { x: xy[0].toFixed(1), y: xy[1].toFixed(1),
            "class": "country-label" }, self.gWorld);
          label.textContent = f.properties.name;
        }
      } else if (kind === "river" || kind === "highway") {
        var line = svgEl("path", { d: self._path(f.geometry), "class": kind,
          "vector-effect": "non-scaling-stroke" }, self.gLines);
        var title = svgEl("title", null, line);
        title.textContent = f.properties.name + (kind === "river" ? " (river)" : " (highway, schematic)");
      }
    });
  };

  /* Smallest population labelled at zoom K: the big cities at first, every town close in. */
  function labelPopulation(k) {
    return 150000 / (k * k);
  }

  EventMap.prototype._drawTowns = function () {
    var g = this.gTowns;
    while (g.firstChild) g.removeChild(g.firstChild);
    if (!this.towns.length || !this.bbox) return;
    var self = this, min = labelPopulation(this.k), taken = [];
    this.towns.forEach(function (f) {
      if (f.properties.population < min) return;
      var c = f.geometry.coordinates;
      var p = self.screen(c[0], c[1]);
      if (p[0] < 0 || p[1] < 0 || p[0] > self.width || p[1] > self.height) return;
      var w = 6 * f.properties.name.length + 8, box = [p[0] - w / 2, p[1] - 16, p[0] + w / 2, p[1] + 2];
      var clash = taken.some(function (b) {
        return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3];
      });
      if (clash) return;   // a bigger town already holds this spot
      taken.push(box);
      svgEl("circle", { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 1.8, "class": "town-dot" }, g);
      var label = svgEl("text", { x: p[0].toFixed(1), y: (p[1] - 4).toFixed(1),
        "class": "town-label", "data-population": f.properties.population }, g);
      label.textContent = f.properties.name;
    });
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
    var transform = "translate(" + this.tx + "," + this.ty + ") scale(" + this.k + ")";
    this.gBase.setAttribute("transform", transform);
    this.gWorld.setAttribute("transform", transform);
    this.gWorld.setAttribute("class", "world" + (this.k >= 2.5 ? " zoomed" : ""));
    this.gLines.setAttribute("transform", transform);
    this.gBase.setAttribute("class", "basemap" + (this.k >= 2.5 ? " zoomed" : ""));
    while (this.gPoints.firstChild) this.gPoints.removeChild(this.gPoints.firstChild);
    while (this.gProvince.firstChild) this.gProvince.removeChild(this.gProvince.firstChild);
    if (!this.bbox) return;
    var self = this;
    this._drawTowns();
    this._drawProvinces();
    this.layers.forEach(function (layer) {
      while (layer.g.firstChild) layer.g.removeChild(layer.g.firstChild);
      layer.draw(layer.g, self);
    });
    var clustered = this.k < this.clusterBelow;
    var cells = {};
    var order = [];
    this.events.forEach(function (e) {
      if (e.geo_precision === 3) return;   // placed by province only: drawn apart
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

  /* Events placed only by their province: one dashed ring per province with their count,
   * behind the town markers, so they never hide the towns inside the province. */
  EventMap.prototype._drawProvinces = function () {
    var self = this, groups = {}, order = [];
    this.events.forEach(function (e) {
      if (e.geo_precision !== 3) return;
      var key = e.admin1 || e.location || "";
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(e);
    });
    order.forEach(function (key) {
      var evs = groups[key], e0 = evs[0];
      var p = self.screen(e0.longitude, e0.latitude);
      var g = svgEl("g", { "class": "marker province-marker", "data-count": evs.length,
        "data-admin1": key, transform: "translate(" + p[0].toFixed(1) + "," + p[1].toFixed(1) + ")",
        tabindex: 0 }, self.gProvince);
      svgEl("circle", { r: 30, "class": "province-ring" }, g);
      var label = svgEl("text", { "text-anchor": "middle", y: 44, "class": "province-count" }, g);
      label.textContent = key + " province: " + evs.length;
      var title = svgEl("title", null, g);
      title.textContent = evs.length + " event(s) placed only by province (" + key + ")";
      g.addEventListener("click", function (ev) {
        ev.stopPropagation();
        if (self.onSelectMany && evs.length > 1) self.onSelectMany(evs); else self.onSelect(e0);
      });
    });
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
      "data-ids": events.map(function (e) { return e.id; }).join(" "),
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

  EventMap.prototype.panBy = function (dx, dy) {
    this.tx += dx; this.ty += dy;
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
    // smooth wheel zoom: the wheel's travel (lines and pages turned into pixels) sets the
    // zoom continuously, a notch being about 1.2x; redraws are batched to one per frame
    var wheel = null;
    this.svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var px = ev.deltaY * (ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1);
      var p = self._toSvg(ev.clientX, ev.clientY);
      if (!wheel) {
        wheel = { x: p[0], y: p[1], px: 0 };
        window.requestAnimationFrame(function () {
          var w = wheel; wheel = null;
          self.zoomAt(w.x, w.y, Math.exp(-Math.max(-300, Math.min(300, w.px)) * 0.0018));
        });
      }
      wheel.px += px; wheel.x = p[0]; wheel.y = p[1];
    }, { passive: false });
    // keyboard: + and - zoom, the arrows pan, 0 shows the whole map
    if (!this.svg.hasAttribute("tabindex")) this.svg.setAttribute("tabindex", "0");
    this.svg.addEventListener("keydown", function (ev) {
      var step = 60, cx = self.width / 2, cy = self.height / 2;
      var keys = {
        "+": function () { self.zoomAt(cx, cy, 1.5); },
        "=": function () { self.zoomAt(cx, cy, 1.5); },
        "-": function () { self.zoomAt(cx, cy, 1 / 1.5); },
        "_": function () { self.zoomAt(cx, cy, 1 / 1.5); },
        "0": function () { self.reset(); },
        ArrowLeft: function () { self.panBy(step, 0); },
        ArrowRight: function () { self.panBy(-step, 0); },
        ArrowUp: function () { self.panBy(0, step); },
        ArrowDown: function () { self.panBy(0, -step); }
      };
      if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
    });
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
