/* newsgraph: an actor's network of counterparts, drawn as SVG with a small force layout.
 *
 * Reads the JSON in #ng-graph-data (nodes, edges; the actor is the node with
 * center: true) and draws into svg#ng-graph; the view pans by dragging and zooms
 * (buttons, double click, ctrl/cmd + wheel). Every label is set with
 * textContent, never parsed as HTML. Deterministic: no randomness, so the
 * same data gives the same picture. Hand-written, no third-party code.
 */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var W = 900, H = 540, MARGIN = 40;
  var STATUSES = ["asserted", "planned", "possible", "requested", "negated", "hypothetical"];

  function make(name, attrs, parent) {
    var el = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(el); }
    return el;
  }

  function radius(node) {
    return node.center ? 18 : Math.min(22, 7 + 3 * Math.sqrt(node.count || 1));
  }

  function labelWidth(node) {
    return Math.min(30, node.label.length) * 7 + 10;
  }

  function layout(nodes) {
    // counterparts on one ellipse (or two alternating ones when many) around the actor, busiest first
    // (the server sends them in that order); then overlapping circles and labels are pushed apart
    var cx = W / 2, cy = H / 2, others = nodes.filter(function (n) { return !n.center; });
    var count = others.length, rings = count > 14 ? 2 : 1;
    var outer = count > 24 ? 1.25 : count > 8 ? 1.0 : 0.8;
    nodes.forEach(function (n) { if (n.center) { n.x = cx; n.y = cy; } });
    // busiest first get golden-angle turns, then even spacing in that angular order: heavy
    // counterparts spread all around; neighbours alternate between the two rings
    var golden = Math.PI * (3 - Math.sqrt(5));
    var order = others.map(function (n, i) { return { node: n, turn: (i * golden) % (2 * Math.PI) }; })
      .sort(function (p, q) { return p.turn - q.turn; });
    order.forEach(function (slot, k) {
      var n = slot.node, angle = (2 * Math.PI * k) / Math.max(1, count) - Math.PI / 2;
      var scale = rings === 2 && k % 2 === 0 ? 0.62 * outer : outer;
      n.rx = 330 * scale; n.ry = 190 * scale;
      n.x = cx + n.rx * Math.cos(angle);
      n.y = cy + n.ry * Math.sin(angle);
    });
    for (var step = 0; step < 160; step++) {
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = b.x - a.x, dy = b.y - a.y;
          var needX = (labelWidth(a) + labelWidth(b)) / 2 + 6, needY = Math.max(radius(a), radius(b)) * 2 + 18;
          var overX = needX - Math.abs(dx), overY = needY - Math.abs(dy);
          if (overX <= 0 || overY <= 0) { continue; }
          // push apart along the axis that needs less movement; the actor never moves
          var moveX = overX < overY * 1.5, share = a.center || b.center ? 1 : 0.5;
          var sign = moveX ? (dx >= 0 ? 1 : -1) : (dy >= 0 ? 1 : -1), amount = (moveX ? overX : overY) * share * 0.5;
          if (!a.center) { if (moveX) { a.x -= sign * amount; } else { a.y -= sign * amount; } }
          if (!b.center) { if (moveX) { b.x += sign * amount; } else { b.y += sign * amount; } }
        }
      }
      others.forEach(function (n) {  // drift back towards the home ellipse, keeping the angle
        var ex = (n.x - cx) / n.rx, ey = (n.y - cy) / n.ry, r = Math.sqrt(ex * ex + ey * ey) || 1;
        var pull = 0.08 * (1 - 1 / r);
        n.x -= (n.x - cx) * pull; n.y -= (n.y - cy) * pull;
      });
    }
  }

  function edgeTitle(edge, a, b) {
    var arrow = edge.direction === "out" ? " → " : edge.direction === "in" ? " ← " : " ↔ ";
    var parts = [a.name + arrow + b.name + ": " + edge.type + " ×" + edge.count];
    var st = STATUSES.filter(function (s) { return edge.statuses[s]; })
      .map(function (s) { return s + " " + edge.statuses[s]; });
    if (st.length) { parts.push(st.join(", ")); }
    var items = Object.keys(edge.items || {});
    if (items.length) { parts.push("items: " + items.map(function (k) { return k + " " + edge.items[k]; }).join(", ")); }
    return parts.join("\n");
  }

  function draw(svg, data) {
    var nodes = data.nodes.map(function (n) { return Object.assign({}, n); });
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var center = byId[data.center];
    var groups = {};
    data.edges.forEach(function (e) { (groups[e.target] = groups[e.target] || []).push(e); });
    if (data.edges.length > 16) { svg.classList.add("ng-many"); }  // edge labels only on hover
    layout(nodes);

    var defs = make("defs", {}, svg);
    STATUSES.forEach(function (s) {
      var marker = make("marker", {
        id: "ng-arrow-" + s, "class": "st-" + s, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 11, markerHeight: 11, orient: "auto", markerUnits: "userSpaceOnUse"
      }, defs);
      make("path", { d: "M0,0 L10,5 L0,10 z", "class": "ng-arrowhead" }, marker);
    });

    var edgeLayer = make("g", { "class": "ng-edges" }, svg);
    var labelLayer = make("g", { "class": "ng-edge-labels" }, svg);
    var nodeLayer = make("g", { "class": "ng-nodes" }, svg);

    Object.keys(groups).forEach(function (key) {
      var other = byId[key];
      if (!other || !center) { return; }
      var list = groups[key];
      list.forEach(function (edge, k) {
        // geometry in one orientation (actor → counterpart) so parallel edges fan out on both sides,
        // then the path runs from whoever acts: counterpart → actor for "in" edges
        var dx = other.x - center.x, dy = other.y - center.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        var offset = (k - (list.length - 1) / 2) * 34;
        var mx = (center.x + other.x) / 2 - (dy / d) * offset, my = (center.y + other.y) / 2 + (dx / d) * offset;
        var from = edge.direction === "in" ? other : center;
        var to = edge.direction === "in" ? center : other;
        // end points pulled back to the circles' rims, so arrowheads stay visible
        var sx = mx - from.x, sy = my - from.y, sl = Math.sqrt(sx * sx + sy * sy) || 1;
        var ex = mx - to.x, ey = my - to.y, el = Math.sqrt(ex * ex + ey * ey) || 1;
        var x1 = from.x + (sx / sl) * (radius(from) + 2), y1 = from.y + (sy / sl) * (radius(from) + 2);
        var x2 = to.x + (ex / el) * (radius(to) + 3), y2 = to.y + (ey / el) * (radius(to) + 3);
        var path = make("path", {
          d: "M" + x1.toFixed(1) + "," + y1.toFixed(1) + " Q" + mx.toFixed(1) + "," + my.toFixed(1) +
             " " + x2.toFixed(1) + "," + y2.toFixed(1),
          "class": "ng-edge st-" + edge.status + (edge.direction === "with" ? " ng-with" : ""),
          "stroke-width": (1.5 + Math.log(edge.count) / Math.LN2).toFixed(2),
          "data-type": edge.type, "data-direction": edge.direction, "data-counterpart": other.id
        }, edgeLayer);
        if (edge.direction !== "with") { path.setAttribute("marker-end", "url(#ng-arrow-" + edge.status + ")"); }
        make("title", {}, path).textContent = edgeTitle(edge, center, other);
        var lx = 0.25 * x1 + 0.5 * mx + 0.25 * x2, ly = 0.25 * y1 + 0.5 * my + 0.25 * y2;
        // parallel edges bulge to either side: each label sits on its edge's outer side, so labels of
        // two edges between the same actors do not overlap
        var nx = -(dy / d) * offset, ny = (dx / d) * offset;
        var anchor = "middle", shiftX = 0, shiftY = 3;
        if (Math.abs(nx) >= 4) { anchor = nx > 0 ? "start" : "end"; shiftX = nx > 0 ? 4 : -4; }
        else if (Math.abs(ny) >= 4) { shiftY = ny > 0 ? 13 : -5; }
        var label = make("text", {
          x: (lx + shiftX).toFixed(1), y: (ly + shiftY).toFixed(1), "text-anchor": anchor,
          "class": "ng-edge-label", "data-counterpart": other.id
        }, labelLayer);
        label.textContent = edge.type + (edge.count > 1 ? " ×" + edge.count : "");
      });
    });

    nodes.forEach(function (n) {
      var link = make("a", { href: n.url, "class": "ng-node" + (n.center ? " ng-center" : ""), "data-actor-id": n.id },
        nodeLayer);
      make("title", {}, link).textContent = n.name + " (" + n.kind + (n.country ? ", " + n.country : "") + ")";
      make("circle", { cx: n.x.toFixed(1), cy: n.y.toFixed(1), r: radius(n), "class": "ng-kind-" + n.kind }, link);
      // labels on the far side from the actor, so arrowheads arriving at a node stay visible
      var above = !n.center && n.y < H / 2 - 5;
      var text = make("text", {
        x: n.x.toFixed(1), y: (above ? n.y - radius(n) - 6 : n.y + radius(n) + 13).toFixed(1), "class": "ng-node-label"
      }, link);
      text.textContent = n.label.length > 30 ? n.label.slice(0, 29) + "…" : n.label;
      link.addEventListener("mouseenter", function () { highlight(svg, n.center ? null : n.id, true); });
      link.addEventListener("mouseleave", function () { highlight(svg, null, false); });
    });
    fit(svg, nodes);
  }

  function highlight(svg, id, on) {
    // hovering a counterpart shows only its edges, with their labels
    svg.classList.toggle("ng-focus", on && id !== null);
    Array.prototype.forEach.call(svg.querySelectorAll("[data-counterpart]"), function (el) {
      el.classList.toggle("ng-hl", on && String(el.getAttribute("data-counterpart")) === String(id));
    });
  }

  function fit(svg, nodes) {
    // the view fits the drawing (labels included), never zooming in beyond MIN_VIEW
    var MIN_VIEW = 700, x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n) {
      var half = Math.max(radius(n), labelWidth(n) / 2);
      x0 = Math.min(x0, n.x - half); x1 = Math.max(x1, n.x + half);
      y0 = Math.min(y0, n.y - radius(n) - 18); y1 = Math.max(y1, n.y + radius(n) + 18);
    });
    var w = Math.max(MIN_VIEW, x1 - x0 + 60), h = Math.max(MIN_VIEW * 0.45, y1 - y0 + 60);
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    svg.setAttribute("viewBox", [cx - w / 2, cy - h / 2, w, h].map(function (v) { return v.toFixed(0); }).join(" "));
    var scale = Math.min(1.3, (svg.clientWidth || W) / w);
    svg.style.height = Math.min(620, Math.round(h * scale)) + "px";
  }

  function view(svg) {
    return svg.getAttribute("viewBox").split(" ").map(Number);
  }

  function setView(svg, v) {
    svg.setAttribute("viewBox", v.map(function (n) { return n.toFixed(1); }).join(" "));
  }

  function zoom(svg, base, factor, fx, fy) {
    // scale the view by factor around the point (fx, fy) of the drawing, within 1/8 to 2 times the fitted view
    var v = view(svg), w = Math.min(base[2] * 2, Math.max(base[2] / 8, v[2] * factor));
    var k = w / v[2];
    setView(svg, [fx - (fx - v[0]) * k, fy - (fy - v[1]) * k, w, v[3] * k]);
  }

  function navigable(svg) {
    // pan by dragging the background, zoom with the buttons, a double click or ctrl/cmd + wheel
    var base = view(svg), drag = null;
    function perPixel() { return view(svg)[2] / (svg.clientWidth || W); }
    function centre() { var v = view(svg); return [v[0] + v[2] / 2, v[1] + v[3] / 2]; }
    function at(event) {
      var v = view(svg), box = svg.getBoundingClientRect();
      return [v[0] + (event.clientX - box.left) * v[2] / box.width, v[1] + (event.clientY - box.top) * v[3] / box.height];
    }
    svg.classList.add("ng-pannable");
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || (event.target.closest && event.target.closest("a"))) { return; }
      drag = { x: event.clientX, y: event.clientY, v: view(svg), k: perPixel() };
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("ng-dragging");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      setView(svg, [drag.v[0] - (event.clientX - drag.x) * drag.k, drag.v[1] - (event.clientY - drag.y) * drag.k,
                    drag.v[2], drag.v[3]]);
    });
    function stop() { drag = null; svg.classList.remove("ng-dragging"); }
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    svg.addEventListener("dblclick", function (event) {
      if (event.target.closest && event.target.closest("a")) { return; }
      var p = at(event); zoom(svg, base, 0.6, p[0], p[1]);
    });
    svg.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.metaKey) { return; }  // a plain wheel scrolls the page
      event.preventDefault();
      var p = at(event); zoom(svg, base, Math.exp(event.deltaY * 0.002), p[0], p[1]);
    }, { passive: false });
    var bar = document.createElement("div");
    bar.className = "ng-graph-tools";
    [["+", "Zoom in", function () { var c = centre(); zoom(svg, base, 0.7, c[0], c[1]); }],
     ["\u2212", "Zoom out", function () { var c = centre(); zoom(svg, base, 1 / 0.7, c[0], c[1]); }],
     ["Fit", "Show the whole network", function () { setView(svg, base); }]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.title = spec[1];
      button.setAttribute("aria-label", spec[1]);
      button.addEventListener("click", spec[2]);
      bar.appendChild(button);
    });
    svg.parentNode.insertBefore(bar, svg);
  }

  function start() {
    var svg = document.getElementById("ng-graph");
    var source = document.getElementById("ng-graph-data");
    if (!svg || !source) { return; }
    var data = JSON.parse(source.textContent || "{}");
    if (data && data.nodes && data.nodes.length) { draw(svg, data); navigable(svg); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
