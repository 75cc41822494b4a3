// thucydides' own chart renderer: draws the figures of thucydides/web/charts.py as SVG.
// Three kinds: "bars" (stacked or grouped, vertical or horizontal, with error bars and an
// optional line on a right-hand axis), "network" (circles with labels, lines between them)
// and "map" (country shapes filled by a chosen measure, places as circles, zoom).
// Every string from a figure enters the page through textContent or a <title>, never as markup;
// links are followed only to paths of this site ("/actor?..."). Exposed as window.ThucydidesCharts.
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var FONT = 12;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function html(name, className, parent, content) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (content !== undefined) { node.textContent = content; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function label(parent, x, y, content, attrs) {
    var node = el("text", Object.assign({ x: x, y: y, "font-size": FONT }, attrs || {}), parent);
    node.textContent = content;
    return node;
  }

  function localPath(value) {
    return typeof value === "string" && value.charAt(0) === "/" && value.charAt(1) !== "/" && value.charAt(1) !== "\\";
  }

  // A shape that says what it is when hovered (its <title>, and the chart's detail line) and may link.
  function item(parent, hover, href) {
    var holder = localPath(href) ? el("a", { href: href, class: "link" }, parent) : el("g", {}, parent);
    if (hover) {
      var title = el("title", {}, holder);
      title.textContent = hover;
      holder.setAttribute("data-hover", "");
    }
    return holder;
  }

  function showDetails(svg, tip) {
    function update(event) {
      var found = event.target.closest ? event.target.closest("[data-hover]") : null;
      if (found && svg.contains(found)) {
        tip.textContent = found.querySelector("title").textContent;
      }
    }
    svg.addEventListener("pointerover", update);
    svg.addEventListener("focusin", update);
  }

  function niceStep(span, count) {
    var raw = span / Math.max(1, count);
    var power = Math.pow(10, Math.floor(Math.log10(raw || 1)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (raw <= steps[i] * power) { return steps[i] * power; }
    }
    return 10 * power;
  }

  function ticksUpTo(top, count) {
    var step = niceStep(top, count);
    var ticks = [];
    for (var v = 0; v <= top + step * 1e-9; v += step) { ticks.push(Math.round(v * 1000) / 1000); }
    if (ticks[ticks.length - 1] < top) { ticks.push(Math.round((ticks[ticks.length - 1] + step) * 1000) / 1000); }
    return ticks;
  }

  function number(value) {
    return Math.abs(value) >= 1000 ? value.toLocaleString("en") : String(value);
  }

  function valueTop(figure) {
    var top = 0;
    figure.categories.forEach(function (_, i) {
      if (figure.stacked) {
        var sum = 0;
        figure.series.forEach(function (s) { sum += s.values[i] || 0; });
        top = Math.max(top, sum);
      } else {
        figure.series.forEach(function (s) {
          top = Math.max(top, (s.values[i] || 0) + (s.errors ? s.errors[i] || 0 : 0));
        });
      }
    });
    return top || 1;
  }

  function frame(element, width, height, className) {
    return el("svg", {
      viewBox: "0 0 " + width + " " + height, width: "100%", class: "chart-svg " + className,
      role: "img", "aria-label": element.getAttribute("aria-label") || "chart",
      preserveAspectRatio: "xMidYMid meet"
    }, null);
  }

  // Vertical bars: one band per category, bars stacked (or side by side), a line on the right axis.
  function verticalBars(element, figure, width) {
    var narrow = width < 560;
    var height = narrow ? 300 : 400;
    var line = figure.line;
    var m = { l: narrow ? 44 : 60, r: line ? (narrow ? 46 : 60) : 14, t: 12, b: 46 };
    var w = width - m.l - m.r, h = height - m.t - m.b;
    var svg = frame(element, width, height, "bars");
    var ticks = ticksUpTo(valueTop(figure), narrow ? 4 : 6);
    var top = ticks[ticks.length - 1];
    var y = function (v) { return m.t + h - (v / top) * h; };
    var grid = el("g", { class: "axis y" }, svg);
    ticks.forEach(function (t) {
      el("line", { x1: m.l, x2: m.l + w, y1: y(t), y2: y(t), stroke: t === 0 ? "#888" : "#eee" }, grid);
      label(grid, m.l - 6, y(t) + 4, number(t), { "text-anchor": "end", fill: "#555" });
    });
    label(svg, 12, m.t + h / 2, figure.value_title, {
      transform: "rotate(-90 12 " + (m.t + h / 2) + ")", "text-anchor": "middle", class: "axis-title"
    });
    var n = figure.categories.length;
    var band = w / Math.max(1, n);
    var groups = figure.stacked ? 1 : figure.series.length;
    var barWidth = Math.max(1, band * 0.8 / groups);
    var bars = el("g", { class: "series" }, svg);
    figure.categories.forEach(function (category, i) {
      var base = 0;
      figure.series.forEach(function (s, k) {
        var v = s.values[i] || 0;
        var x = m.l + band * i + band * 0.1 + (figure.stacked ? 0 : k * barWidth);
        var from = figure.stacked ? base : 0;
        if (v > 0) {
          el("rect", {
            x: x, y: y(from + v), width: barWidth, height: Math.max(0.5, y(from) - y(from + v)),
            fill: s.colours ? s.colours[i] : s.colour, class: "bar"
          }, item(bars, s.hover && s.hover[i]));
        }
        base += figure.stacked ? v : 0;
      });
    });
    var longest = figure.categories.reduce(function (a, c) { return Math.max(a, String(c).length); }, 1);
    var every = Math.max(1, Math.ceil((longest * FONT * 0.6 + 10) / band));
    var xaxis = el("g", { class: "axis x" }, svg);
    figure.categories.forEach(function (category, i) {
      if (i % every === 0) {
        label(xaxis, m.l + band * (i + 0.5), m.t + h + 16, category, { "text-anchor": "middle", fill: "#555" });
      }
    });
    if (figure.category_title) {
      label(svg, m.l + w / 2, height - 6, figure.category_title, { "text-anchor": "middle", class: "axis-title" });
    }
    if (line) { rightLine(svg, figure, line, m, w, h, band, narrow); }
    return svg;
  }

  function rightLine(svg, figure, line, m, w, h, band, narrow) {
    var low = line.range[0], high = line.range[1];
    var y = function (v) { return m.t + h - ((v - low) / (high - low)) * h; };
    var x = function (i) { return m.l + band * (i + 0.5); };
    var axis = el("g", { class: "axis y2" }, svg);
    line.ticks.forEach(function (t) {
      label(axis, m.l + w + 6, y(t) + 4, (t > 0 ? "+" : "") + t, { fill: "#555" });
    });
    el("line", { x1: m.l, x2: m.l + w, y1: y(0), y2: y(0), stroke: "#bbb", "stroke-dasharray": "4 3" }, axis);
    var cx = m.l + w + (narrow ? 31 : 44);
    label(svg, cx, m.t + h / 2, line.title, {
      transform: "rotate(90 " + cx + " " + (m.t + h / 2) + ")", "text-anchor": "middle", class: "axis-title"
    });
    var path = "", pen = false;
    line.values.forEach(function (v, i) {
      if (v === null || v === undefined) { pen = false; return; }
      path += (pen ? "L" : "M") + x(i).toFixed(1) + "," + y(v).toFixed(1);
      pen = true;
    });
    var group = el("g", { class: "line" }, svg);
    el("path", { d: path, fill: "none", stroke: line.colour, "stroke-width": 2 }, group);
    line.values.forEach(function (v, i) {
      if (v !== null && v !== undefined) {
        el("circle", { cx: x(i), cy: y(v), r: 3.5, fill: line.colour, class: "marker" }, item(group, line.hover[i]));
      }
    });
  }

  // Horizontal bars: one row per category, its label above its bar(s), values along the bottom axis.
  function horizontalBars(element, figure, width) {
    var groups = figure.stacked ? 1 : figure.series.length;
    var bar = 14, labelHeight = 16, gap = 10;
    var row = labelHeight + groups * bar + gap;
    var m = { l: 8, r: 44, t: 8, b: 40 };
    var w = width - m.l - m.r;
    var height = m.t + row * figure.categories.length + m.b;
    var svg = frame(element, width, height, "bars horizontal");
    var ticks = ticksUpTo(valueTop(figure), width < 560 ? 4 : 8);
    var top = ticks[ticks.length - 1];
    var x = function (v) { return m.l + (v / top) * w; };
    var bottom = m.t + row * figure.categories.length;
    var grid = el("g", { class: "axis x" }, svg);
    ticks.forEach(function (t) {
      el("line", { x1: x(t), x2: x(t), y1: m.t, y2: bottom, stroke: t === 0 ? "#888" : "#eee" }, grid);
      label(grid, x(t), bottom + 15, number(t), { "text-anchor": "middle", fill: "#555" });
    });
    label(svg, m.l + w / 2, height - 6, figure.value_title, { "text-anchor": "middle", class: "axis-title" });
    var rows = el("g", { class: "series" }, svg);
    figure.categories.forEach(function (category, i) {
      var y0 = m.t + row * i;
      label(rows, m.l, y0 + 12, category, { class: "category" });
      var base = 0;
      figure.series.forEach(function (s, k) {
        var v = s.values[i] || 0;
        var y = y0 + labelHeight + (figure.stacked ? 0 : k * bar);
        var from = figure.stacked ? base : 0;
        var shape = item(rows, s.hover && s.hover[i]);
        el("rect", {
          x: x(from), y: y, width: Math.max(0.5, x(from + v) - x(from)), height: bar - 2,
          fill: s.colours ? s.colours[i] : s.colour, class: "bar"
        }, shape);
        if (s.errors && s.errors[i]) {
          var mid = y + (bar - 2) / 2, lo = x(Math.max(0, v - s.errors[i])), hi = x(v + s.errors[i]);
          el("path", {
            d: "M" + lo + "," + mid + "H" + hi + "M" + lo + "," + (mid - 4) + "V" + (mid + 4) +
              "M" + hi + "," + (mid - 4) + "V" + (mid + 4),
            stroke: "#636363", "stroke-width": 1.5, class: "error-bar"
          }, shape);
        }
        if (!figure.stacked) {
          label(rows, x(v + (s.errors ? s.errors[i] || 0 : 0)) + 4, y + bar - 4, number(v), { fill: "#555", "font-size": 11 });
        }
        base += figure.stacked ? v : 0;
      });
    });
    return svg;
  }

  // Zoom by changing the viewBox: buttons, the mouse wheel, and dragging with a mouse.
  function zoomable(svg, box, controls, changed) {
    var view = { x: box[0], y: box[1], w: box[2], h: box[3] };
    function apply() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(3); }).join(" "));
      if (changed) { changed(view); }
    }
    function zoom(factor, cx, cy) {
      var w = Math.min(box[2], Math.max(box[2] / 40, view.w / factor));
      var f = view.w / w;
      var px = cx === undefined ? view.x + view.w / 2 : cx, py = cy === undefined ? view.y + view.h / 2 : cy;
      view = { x: px - (px - view.x) / f, y: py - (py - view.y) / f, w: w, h: view.h / f };
      keepInside();
      apply();
    }
    function keepInside() {
      view.x = Math.min(Math.max(view.x, box[0]), box[0] + box[2] - view.w);
      view.y = Math.min(Math.max(view.y, box[1]), box[1] + box[3] - view.h);
    }
    function point(event) {
      var rect = svg.getBoundingClientRect();
      var scale = Math.max(view.w / rect.width, view.h / rect.height);
      var x = view.x + view.w / 2 + (event.clientX - rect.left - rect.width / 2) * scale;
      var y = view.y + view.h / 2 + (event.clientY - rect.top - rect.height / 2) * scale;
      return { x: x, y: y, scale: scale };
    }
    [["+", "zoom in", 2], ["−", "zoom out", 0.5], ["⟲", "whole view", 0]].forEach(function (spec) {
      var button = html("button", "zoom", controls, spec[0]);
      button.type = "button";
      button.setAttribute("aria-label", spec[1]);
      button.title = spec[1];
      button.addEventListener("click", function () {
        if (spec[2]) { zoom(spec[2]); } else { view = { x: box[0], y: box[1], w: box[2], h: box[3] }; apply(); }
      });
    });
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = point(event);
      zoom(event.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "mouse" && event.button === 0 && !event.target.closest("a")) {
        drag = { x: event.clientX, y: event.clientY, view: Object.assign({}, view), scale: point(event).scale };
      }
    });
    window.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      view.x = drag.view.x - (event.clientX - drag.x) * drag.scale;
      view.y = drag.view.y - (event.clientY - drag.y) * drag.scale;
      keepInside();
      apply();
    });
    window.addEventListener("pointerup", function () { drag = null; });
    apply();
    return view;
  }

  function network(element, figure, width, controls) {
    var height = Math.round(Math.min(680, Math.max(380, width * 0.7)));
    var svg = frame(element, width, height, "network");
    var pad = width < 560 ? 26 : 50;
    var xs = figure.nodes.map(function (n) { return n.x; }), ys = figure.nodes.map(function (n) { return n.y; });
    var x0 = Math.min.apply(null, xs.concat([0])), x1 = Math.max.apply(null, xs.concat([0]));
    var y0 = Math.min.apply(null, ys.concat([0])), y1 = Math.max.apply(null, ys.concat([0]));
    var sx = function (v) { return pad + (x1 > x0 ? (v - x0) / (x1 - x0) : 0.5) * (width - 2 * pad); };
    var sy = function (v) { return height - pad - (y1 > y0 ? (v - y0) / (y1 - y0) : 0.5) * (height - 2 * pad); };
    var shrink = width < 560 ? 0.6 : 1;
    var links = el("g", { class: "links" }, svg);
    figure.links.forEach(function (link) {
      var holder = item(links, link.hover, link.href);
      var ends = { x1: sx(link.x0), y1: sy(link.y0), x2: sx(link.x1), y2: sy(link.y1) };
      el("line", Object.assign({ stroke: link.colour, "stroke-width": link.width, "stroke-opacity": 0.65, class: "link-line" }, ends), holder);
      el("line", Object.assign({ stroke: "transparent", "stroke-width": 12 }, ends), holder);
    });
    var nodes = el("g", { class: "nodes" }, svg);
    figure.nodes.forEach(function (node) {
      var holder = item(nodes, node.hover, node.href);
      var r = node.size * shrink / 2;
      el("circle", { cx: sx(node.x), cy: sy(node.y), r: r, fill: node.colour, stroke: "#333", "stroke-width": 1, class: "node" }, holder);
      label(holder, sx(node.x), sy(node.y) - r - 3, node.label, { "text-anchor": "middle", class: "node-label" });
    });
    zoomable(svg, [0, 0, width, height], controls, null);
    return svg;
  }

  var WORLD = [-180, -85, 360, 145];  // longitude −180 … 180, latitude 85 … −60

  function map(element, figure, outline, controls, legend) {
    var svg = frame(element, 360, 145, "map");
    el("rect", { x: -540, y: -270, width: 1080, height: 540, fill: "#eaf2f8" }, svg);
    var counts = {};
    figure.countries.forEach(function (c) { counts[c.iso3] = c; });
    var shapes = el("g", { class: "countries" }, svg);
    var paths = [];
    (outline.countries || []).forEach(function (country) {
      var found = counts[country.iso3];
      var holder = item(shapes, country.name + ": " + (found ? found.hover : "no events"));
      var path = el("path", { d: country.path, class: "country", "data-iso3": country.iso3, "fill-rule": "evenodd" }, holder);
      paths.push({ node: path, found: found });
    });
    var places = el("g", { class: "places" }, svg);
    var circles = figure.points.map(function (p) {
      var circle = el("circle", { cx: p.lon, cy: -p.lat, fill: p.colour, class: "place" }, item(places, p.hover));
      return { node: circle, size: p.size };
    });
    function resize(view) {
      var scale = view.w / Math.max(1, svg.getBoundingClientRect().width || element.clientWidth || 360);
      circles.forEach(function (c) { c.node.setAttribute("r", (c.size / 2 * scale).toFixed(4)); });
    }
    var switcher = html("span", "views", null);
    html("span", "views-label", switcher, "Colour countries by:");
    var buttons = {};
    function show(name) {
      paths.forEach(function (p) { p.node.setAttribute("fill", p.found ? p.found.fill[name] : "#f7f5f0"); });
      Object.keys(buttons).forEach(function (key) { buttons[key].setAttribute("aria-pressed", String(key === name)); });
      legend.replaceChildren();
      html("span", "legend-title", legend, figure.views[name].label + ":");
      keys(legend, figure.views[name].legend);
      keys(legend, figure.legend);
      element.dataset.view = name;
    }
    Object.keys(figure.views).forEach(function (name) {
      var button = html("button", "view", switcher, figure.views[name].label.split(" (")[0]);
      button.type = "button";
      button.dataset.view = name;
      button.addEventListener("click", function () { show(name); });
      buttons[name] = button;
    });
    controls.appendChild(switcher);
    show(Object.keys(figure.views)[0]);
    var view = zoomable(svg, WORLD, controls, function (current) { view = current; resize(current); });
    element.mapResize = function () { resize(view); };
    return svg;
  }

  function keys(parent, entries) {
    (entries || []).forEach(function (entry) {
      var key = html("span", "key", parent);
      var swatch = html("span", "swatch " + (entry.shape || "box"), key);
      swatch.style.setProperty(entry.shape === "line" ? "border-top-color" : "background-color", entry.colour);
      html("span", "", key, entry.label);
    });
  }

  function draw(element, figure, outline) {
    element.replaceChildren();
    html("div", "chart-title", element, figure.title || "");
    var controls = html("div", "chart-controls", element);
    var style = window.getComputedStyle(element);
    var inside = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    var width = Math.max(260, Math.round(inside || 600));
    var legend = html("div", "legend", null);
    var svg;
    if (figure.kind === "map") {
      svg = map(element, figure, outline || { countries: [] }, controls, legend);
    } else if (figure.kind === "network") {
      svg = network(element, figure, width, controls);
      keys(legend, figure.legend);
    } else if (figure.orientation === "horizontal") {
      svg = horizontalBars(element, figure, width);
      keys(legend, figure.legend);
    } else {
      svg = verticalBars(element, figure, width);
      keys(legend, figure.legend);
    }
    if (!controls.childNodes.length) { element.removeChild(controls); }
    element.appendChild(svg);
    element.appendChild(legend);
    var tip = html("p", "chart-tip", element, "Point at a shape to read its figures.");
    tip.setAttribute("aria-live", "polite");
    showDetails(svg, tip);
    if (element.mapResize) { element.mapResize(); }
    element.dataset.drawn = "true";
  }

  window.ThucydidesCharts = { draw: draw };
})();
