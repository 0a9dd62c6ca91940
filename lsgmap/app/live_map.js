// The live map (lsgmap.app.live_map): one vis-network per map, kept across reruns and updated in place.
// The page's script is vis-network's (lsgmap.draw.html.vis_network_js) followed by this module.

function fitBounds(live, glide) {
  const ms = live.data.animation_ms || 0;
  // the canvas takes the frame's size now (vis-network would otherwise rescale the view when it notices later)
  live.net.setSize("100%", "100%");
  const b = live.data.bounds, width = live.root.clientWidth, height = live.root.clientHeight;  // inside the frame's border
  const animation = glide ? {duration: ms, easingFunction: "easeInOutQuad"} : false;
  if (!b || !width || !height) { live.net.fit({animation: animation}); return; }
  const pad = 3;  // half a highlight's 6-unit border, which the layout's boxes leave to its margins
  const w = Math.max(1, b[2] - b[0] + 2 * pad), h = Math.max(1, b[3] - b[1] + 2 * pad);
  const scale = Math.min(width / w, height / h);
  live.net.moveTo({position: {x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2}, scale: scale, animation: animation});
  live.root.dataset.scale = String(scale);
}

function faded(item, opacity) {
  const out = Object.assign({}, item);
  if (item.from !== undefined) {  // an edge
    const c = typeof item.color === "string" ? {color: item.color} : Object.assign({}, item.color || {});
    c.opacity = (c.opacity === undefined ? 1 : c.opacity) * opacity;
    out.color = c;
  } else {  // a node's opacity does not reach its label in vis-network: the label's colour fades with it
    out.opacity = (item.opacity === undefined ? 1 : item.opacity) * opacity;
    out.font = Object.assign({}, item.font || {}, {color: withAlpha((item.font || {}).color || "#343434", opacity)});
  }
  return out;
}

function withAlpha(colour, alpha) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) return colour;
  return "rgba(" + parseInt(m[1], 16) + "," + parseInt(m[2], 16) + "," + parseInt(m[3], 16) + "," + alpha.toFixed(3) + ")";
}

function mean(points) {
  if (!points.length) return null;
  let x = 0, y = 0;
  for (const p of points) { x += p.x; y += p.y; }
  return {x: x / points.length, y: y / points.length};
}

function update(live, data) {
  const ms = data.animation_ms || 0;  // how long a merger takes to play
  const old = live.data, nodes = live.nodes, edges = live.edges;
  const newNodes = new Map(data.nodes.map((n) => [n.id, n]));
  const newEdges = new Map(data.edges.map((e) => [e.id, e]));
  const goneNodes = nodes.getIds().filter((id) => !newNodes.has(id));
  const goneEdges = edges.getIds().filter((id) => !newEdges.has(id));
  const cameNodes = data.nodes.filter((n) => !nodes.get(n.id)).map((n) => n.id);
  const cameEdges = data.edges.filter((e) => !edges.get(e.id)).map((e) => e.id);
  const place = (id) => (newNodes.get(id) || nodes.get(id));
  // where each node starts and ends: an event between the dates moves its nodes towards each other
  const from = {}, to = {};
  for (const ev of data.transitions || []) {
    const gone = ev.gone.filter((id) => goneNodes.includes(id)), came = ev.came.filter((id) => cameNodes.includes(id));
    const cameAt = mean(came.map(place)), goneAt = mean(gone.map(place));
    if (cameAt) for (const id of gone) to[id] = cameAt;
    if (goneAt) for (const id of came) from[id] = goneAt;
  }
  if (live.timer) { cancelAnimationFrame(live.timer); live.timer = null; }
  // kept nodes that stand elsewhere now (a story step laid out alone) glide there
  const moved = {};
  for (const n of data.nodes) {
    const was = nodes.get(n.id);
    if (was && (Math.abs(was.x - n.x) > 0.5 || Math.abs(was.y - n.y) > 0.5)) moved[n.id] = {x: was.x, y: was.y};
  }
  const movedIds = Object.keys(moved);
  nodes.update(data.nodes.filter((n) => !cameNodes.includes(n.id)).map((n) => moved[n.id] ? Object.assign({}, n, moved[n.id]) : n));
  edges.update(data.edges.filter((e) => !cameEdges.includes(e.id)));
  const animate = ms > 0 && (goneNodes.length + cameNodes.length + goneEdges.length + cameEdges.length + movedIds.length) > 0
    && (goneNodes.length + cameNodes.length + movedIds.length) <= 300 && !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  live.data = data;
  live.root.dataset.day = data.on || "";
  if (!animate) {
    nodes.update(movedIds.map((id) => newNodes.get(id)));
    nodes.remove(goneNodes); edges.remove(goneEdges);
    nodes.add(cameNodes.map((id) => newNodes.get(id))); edges.add(cameEdges.map((id) => newEdges.get(id)));
    live.root.dataset.state = "still";
    return;
  }
  const start = (id) => { const n = newNodes.get(id), p = from[id] || n; return Object.assign(faded(n, 0), {x: p.x, y: p.y}); };
  nodes.add(cameNodes.map(start));
  edges.add(cameEdges.map((id) => faded(newEdges.get(id), 0)));
  const goneFrom = {};
  for (const id of goneNodes) { const n = nodes.get(id); goneFrom[id] = {x: n.x, y: n.y, item: n}; }
  const goneEdgeItems = goneEdges.map((id) => edges.get(id));
  live.root.dataset.state = "moving";
  const began = performance.now();
  const step = (now) => {
    const t = Math.min(1, (now - began) / ms), ease = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
    nodes.update(cameNodes.map((id) => {
      const n = newNodes.get(id), p = from[id] || n;
      return Object.assign(faded(n, ease), {x: p.x + (n.x - p.x) * ease, y: p.y + (n.y - p.y) * ease});
    }));
    nodes.update(goneNodes.map((id) => {
      const g = goneFrom[id], q = to[id] || g;
      return Object.assign(faded(g.item, 1 - ease), {x: g.x + (q.x - g.x) * ease, y: g.y + (q.y - g.y) * ease});
    }));
    nodes.update(movedIds.map((id) => {
      const n = newNodes.get(id), p = moved[id];
      return Object.assign({}, n, {x: p.x + (n.x - p.x) * ease, y: p.y + (n.y - p.y) * ease});
    }));
    edges.update(cameEdges.map((id) => faded(newEdges.get(id), ease)));
    edges.update(goneEdgeItems.map((e) => faded(e, 1 - ease)));
    if (t < 1) { live.timer = requestAnimationFrame(step); return; }
    live.timer = null;
    nodes.remove(goneNodes); edges.remove(goneEdges);
    nodes.update(cameNodes.concat(movedIds).map((id) => newNodes.get(id))); edges.update(cameEdges.map((id) => newEdges.get(id)));
    live.root.dataset.state = "still";
    live.root.dataset.played = String((Number(live.root.dataset.played) || 0) + 1);
  };
  live.timer = requestAnimationFrame(step);
}

function create(root, data, setStateValue) {
  const nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  const net = new vis.Network(root, {nodes: nodes, edges: edges}, data.options);
  const live = {root: root, net: net, nodes: nodes, edges: edges, data: data, clicks: 0, timer: null};
  const zoom = (on) => { net.setOptions({interaction: {zoomView: on}}); root.dataset.zoom = on ? "on" : "off"; };
  net.on("click", (params) => {
    zoom(true);
    if (params.nodes && params.nodes.length && live.data.selectable) {
      live.clicks += 1;
      root.dataset.selected = String(params.nodes[0]);
      // a value of its own for every click (the same node twice, or after the map was made anew, is still a change)
      live.setStateValue("selected", {id: String(params.nodes[0]), n: Date.now() + live.clicks / 1000});
    }
  });
  root.addEventListener("mouseleave", () => zoom(false));
  zoom(false);
  live.setStateValue = setStateValue;
  root.dataset.day = data.on || "";
  root.dataset.state = "still";
  let lastWidth = 0;
  live.resize = new ResizeObserver(() => {
    const w = root.clientWidth;
    if (Math.abs(w - lastWidth) > 2) { lastWidth = w; fitBounds(live); }
  });
  live.resize.observe(root);
  fitBounds(live);
  return live;
}

function showLegend(box, legend) {
  // the legend's markup is made by lsgmap.draw.html.legend_html from the kinds' own labels (escaped), never from the data
  if (!box) return;
  box.hidden = !legend;
  if (!legend) return;
  box.querySelector("summary").textContent = legend.title;
  if (box.dataset.html !== legend.html) { box.querySelector(".lsgmap-legend-body").innerHTML = legend.html; box.dataset.html = legend.html; }
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".lsgmap-live");
  if (!root || typeof vis === "undefined") return;
  const heightChanged = root.style.height !== data.height + "px";
  root.style.height = data.height + "px";
  let live = root.__lsgmap;
  if (!live) {
    live = root.__lsgmap = create(root, data, setStateValue);
  } else {
    live.setStateValue = setStateValue;
    const refit = heightChanged || JSON.stringify(live.data.bounds) !== JSON.stringify(data.bounds);
    update(live, data);
    if (refit) fitBounds(live, !heightChanged && (data.animation_ms || 0) > 0);
  }
  showLegend(parentElement.querySelector(".lsgmap-legend"), data.legend);
  root.dataset.key = data.key || "";
  window.network = live.net;  // the page's map, as the standalone HTML names it (the browser tests read it)
  (window.lsgmapNetworks = window.lsgmapNetworks || {})[root.dataset.key] = live.net;  // each map by its key
  return () => {  // the map leaves the page (another page, or the element is gone): let the network go
    if (root.isConnected) return;  // only a newer call of this same map: it lives on
    if (live.timer) cancelAnimationFrame(live.timer);
    if (live.resize) live.resize.disconnect();
    live.net.destroy();
    delete root.__lsgmap;
    if (window.network === live.net) window.network = undefined;
    if (window.lsgmapNetworks && window.lsgmapNetworks[root.dataset.key] === live.net) delete window.lsgmapNetworks[root.dataset.key];
  };
}
