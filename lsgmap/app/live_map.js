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

// -- the date moved in the browser: drawn from the maps of the days around (lsgmap.app.live_map.frames_json) ----------

function keepFrames(live, data) {
  // the maps the server sent, kept across reruns until the view (its filters) changes
  if (!data.frames || data.frames === live.framesText) return;
  live.framesText = data.frames;
  const parsed = JSON.parse(data.frames);
  if (!live.frames || live.frames.key !== parsed.key) live.frames = {key: parsed.key, at: {}, on: {}, bounds: {}};
  for (const [name, idx] of Object.entries(parsed.at)) live.frames.at[name] = idx.map((i) => parsed.items[i]);
  Object.assign(live.frames.on, parsed.on || {});
  Object.assign(live.frames.bounds, parsed.bounds || {});
}

function drawFrame(live, name) {
  // the map of frame ``name`` (a day; Presentera: a step) at once, if the browser holds it; the server's answer for it
  // then redraws nothing
  const items = live.frames && live.frames.at[name];
  if (!items || name === live.root.dataset.frame) return false;
  const nodes = [], edges = [];
  for (const item of items) (item.from !== undefined ? edges : nodes).push(Object.assign({}, item));
  live.local = {frame: name, key: live.frames.key};
  const bounds = name in live.frames.bounds ? live.frames.bounds[name] : live.data.bounds;
  const refit = JSON.stringify(bounds) !== JSON.stringify(live.data.bounds);
  update(live, Object.assign({}, live.data, {nodes: nodes, edges: edges, on: live.frames.on[name] || name, frame: name, bounds: bounds}));
  live.root.dataset.frame = name;
  if (refit) fitBounds(live, (live.data.animation_ms || 0) > 0);
  live.root.dataset.local = String((Number(live.root.dataset.local) || 0) + 1);  // how many were drawn here first
  return true;
}

function stepTarget(controls, day, direction) {
  // the day "Nästa ändring" / "Föregående ändring" goes to: as karta.date_control's step() on the server
  const changes = controls.changes;
  if (direction > 0) {
    const next = changes.find((d) => d > day);
    return next || controls.last;
  }
  const before = changes.filter((d) => d < day);
  return before.length ? before[before.length - 1] : controls.first;
}

function followControls(root) {
  // the page's date controls (Streamlit's own widgets) move the map here before their rerun reaches the server
  if (window.__lsgmapFollowing) return;
  window.__lsgmapFollowing = true;
  const css = (key) => ".st-key-" + key.trim().replace(/[^a-zA-Z0-9_-]/g, "-");
  const current = () => {
    for (const live of Object.values(window.lsgmapLive || {})) if (live.data.controls && live.root.isConnected) return live;
    return null;
  };
  document.addEventListener("click", (event) => {
    const live = current();
    if (!live) return;
    const c = live.data.controls;
    const next = event.target.closest(css(c.next)), prev = event.target.closest(css(c.prev));
    if (c.steps && (next || prev)) drawFrame(live, String(Number(live.root.dataset.frame) + (next ? 1 : -1)));
    else if (next || prev) drawFrame(live, stepTarget(c, live.root.dataset.day, next ? 1 : -1));
  }, true);
  document.addEventListener("keydown", (event) => {
    const live = current();
    if (!live) return;
    const c = live.data.controls, tag = event.target && event.target.tagName ? event.target.tagName : "";
    if (c.keys && !event.altKey && !event.ctrlKey && !event.metaKey && !["INPUT", "TEXTAREA", "SELECT"].includes(tag)) {
      const now = Number(live.root.dataset.frame), move = c.keys[event.key];
      const target = move === "first" ? 1 : move === "last" ? c.steps : now + (Number(move) || 0);
      if (move !== undefined && target >= 1 && target <= c.steps) drawFrame(live, String(target));  // the clicker's keys
      return;
    }
    if (event.key !== "Enter" || !c.box) return;
    const box = event.target.closest && event.target.closest(css(live.data.controls.box));
    const typed = box && String(event.target.value || "").trim();
    if (typed && /^\d{4}-\d{2}-\d{2}$/.test(typed)) drawFrame(live, typed);
  }, true);
  new MutationObserver((changes) => {  // the slider's thumb says its day (aria-valuetext) as soon as it is moved
    const live = current();
    if (!live) return;
    for (const change of changes) {
      const el = change.target;
      if (live.data.controls.slider && el.getAttribute && el.getAttribute("role") === "slider" && el.closest(css(live.data.controls.slider))) {
        const day = el.getAttribute("aria-valuetext");
        if (day) drawFrame(live, day);
      }
    }
  }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["aria-valuetext"]});
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
    keepFrames(live, data);
  } else {
    live.setStateValue = setStateValue;
    const refit = heightChanged || JSON.stringify(live.data.bounds) !== JSON.stringify(data.bounds);
    keepFrames(live, data);
    const local = live.local;
    live.local = null;
    if (local && data.frames && local.frame === data.frame && local.frame === root.dataset.frame && live.frames.key === local.key) {
      live.data = Object.assign({}, data, {nodes: live.data.nodes, edges: live.data.edges});  // already drawn here: not again
    } else {
      update(live, data);
    }
    if (refit) fitBounds(live, !heightChanged && (data.animation_ms || 0) > 0);
  }
  if (data.controls) {
    (window.lsgmapLive = window.lsgmapLive || {})[data.key || ""] = live;
    followControls(root);
    if (!data.frames && !live.askedFrames) {  // the first map is drawn: now the maps of the days around it
      live.askedFrames = true;
      setStateValue("frames", true);
    }
  }
  root.dataset.frame = data.frame || data.on || "";
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
    if (window.lsgmapLive && window.lsgmapLive[root.dataset.key] === live) delete window.lsgmapLive[root.dataset.key];
    if (window.lsgmapNetworks && window.lsgmapNetworks[root.dataset.key] === live.net) delete window.lsgmapNetworks[root.dataset.key];
  };
}
