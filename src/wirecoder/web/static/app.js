"use strict";
/* The pages' charts, drawn with the packaged Plotly; every text from the corpus goes in as text, never markup. */
(function () {
  const CONFIG = {displaylogo: false, responsive: true};

  function get(url) {
    return fetch(url, {headers: {Accept: "application/json"}}).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  function plain(s) {  /* Plotly reads a few tags in labels: hand it entities instead */
    return String(s == null ? "" : s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function el(tag, text, href) {
    const node = document.createElement(tag);
    if (text != null) { node.textContent = text; }
    if (href) { node.setAttribute("href", href); }
    return node;
  }

  function stacked(box, days, series) {
    const traces = series.map(function (s) {
      return {type: "bar", name: plain(s.type), x: days, y: s.counts};
    });
    return Plotly.newPlot(box, traces, {barmode: "stack", margin: {t: 10, r: 10, b: 40, l: 40},
      xaxis: {type: "category"}, legend: {orientation: "h"}}, CONFIG);
  }

  function showDay(list, day) {
    return get(list.dataset.src.replace("DAY", encodeURIComponent(day))).then(function (rows) {
      list.replaceChildren(el("h2", "Clusters on " + day));
      const ul = el("ul");
      rows.forEach(function (c) {
        const li = el("li");
        const what = c.type + (c.actor ? " by " + c.actor : "") + (c.target ? " against " + c.target : "") +
          (c.location ? " at " + c.location : "") + " (" + c.articles + " articles)";
        li.appendChild(el("a", what, "/clusters/" + encodeURIComponent(c.cluster_id)));
        const srcs = el("ul");
        c.sources.forEach(function (s) {
          const item = el("li");
          item.appendChild(el("a", (s.outlet || s.article_id) + ": " + (s.title || s.article_id),
            "/articles/" + encodeURIComponent(s.article_id)));
          srcs.appendChild(item);
        });
        li.appendChild(srcs);
        ul.appendChild(li);
      });
      list.appendChild(ul);
      list.dataset.day = day;
    });
  }

  function timeline() {
    const box = document.getElementById("chart");
    if (!box) { return; }
    get(box.dataset.src).then(function (d) {
      stacked(box, d.days, d.series).then(function () {
        box.dataset.ready = "1";
        const list = document.getElementById("day-clusters");
        if (list) { box.on("plotly_click", function (ev) { showDay(list, ev.points[0].x); }); }
      });
    });
  }

  function outlines(world) {
    const xs = [], ys = [];
    world.features.forEach(function (f) {
      f.geometry.coordinates.forEach(function (poly) {
        poly[0].forEach(function (p) { xs.push(p[0]); ys.push(p[1]); });
        xs.push(null); ys.push(null);
      });
    });
    return {type: "scatter", mode: "lines", x: xs, y: ys, fill: "toself", fillcolor: "#eeeeee",
      line: {color: "#999", width: 0.5}, hoverinfo: "skip", showlegend: false};
  }

  function map() {
    const box = document.getElementById("map");
    Promise.all([get("/vendor/world.geojson"), get(box.dataset.src)]).then(function (res) {
      const byType = {};
      res[1].forEach(function (c) { (byType[c.type] = byType[c.type] || []).push(c); });
      const traces = [outlines(res[0])].concat(Object.keys(byType).sort().map(function (t) {
        const cs = byType[t];
        return {type: "scatter", mode: "markers", name: plain(t), x: cs.map(function (c) { return c.lon; }),
          y: cs.map(function (c) { return c.lat; }), customdata: cs.map(function (c) { return c.cluster_id; }),
          text: cs.map(function (c) { return plain((c.date || "") + " " + (c.location || "") + " · " + c.reports + " reports"); }),
          hoverinfo: "text", marker: {size: cs.map(function (c) { return 8 + 4 * Math.min(c.reports, 10); }), opacity: 0.8}};
      }));
      Plotly.newPlot(box, traces, {margin: {t: 10, r: 10, b: 10, l: 10}, hovermode: "closest",
        xaxis: {range: [-180, 180], visible: false}, yaxis: {range: [-60, 85], visible: false, scaleanchor: "x"},
        legend: {orientation: "h"}}, CONFIG).then(function () {
        box.dataset.ready = "1";
        box.dataset.points = String(res[1].length);
        box.on("plotly_click", function (ev) {
          const id = ev.points[0].customdata;
          if (id) { window.location.href = "/clusters/" + encodeURIComponent(id); }
        });
      });
    });
  }

  function network() {
    const box = document.getElementById("network");
    get(box.dataset.src).then(function (d) {
      const pos = {}, ex = [], ey = [];
      d.network.nodes.forEach(function (n) { pos[n.name] = n; });
      d.network.edges.forEach(function (e) {
        ex.push(pos[e.source].x, pos[e.target].x, null); ey.push(pos[e.source].y, pos[e.target].y, null);
      });
      const nodes = d.network.nodes;
      Plotly.newPlot(box, [
        {type: "scatter", mode: "lines", x: ex, y: ey, line: {color: "#bbb", width: 1}, hoverinfo: "skip", showlegend: false},
        {type: "scatter", mode: "markers+text", x: nodes.map(function (n) { return n.x; }), y: nodes.map(function (n) { return n.y; }),
          text: nodes.map(function (n) { return plain(n.name); }), customdata: nodes.map(function (n) { return n.name; }),
          textposition: "top center", marker: {size: nodes.map(function (n) { return 6 + 2 * Math.min(n.degree, 12); })},
          hoverinfo: "text", showlegend: false}],
        {margin: {t: 10, r: 10, b: 10, l: 10}, xaxis: {visible: false}, yaxis: {visible: false, scaleanchor: "x"}},
        CONFIG).then(function () {
        box.dataset.ready = "1";
        box.on("plotly_click", function (ev) {
          const name = ev.points[0].customdata;
          if (name) { window.location.href = "/actors/" + encodeURIComponent(name); }
        });
      });
    });
  }

  function actorTimeline() {
    const box = document.getElementById("chart");
    const rows = JSON.parse(box.dataset.series || "[]");
    stacked(box, rows.map(function (r) { return r[0]; }), [{type: "events", counts: rows.map(function (r) { return r[1]; })}])
      .then(function () { box.dataset.ready = "1"; });
  }

  const page = document.body.dataset.page;
  if (page === "timeline" || page === "overview") { timeline(); }
  if (page === "map") { map(); }
  if (page === "actors") { network(); }
  if (page === "actor") { actorTimeline(); }
})();
