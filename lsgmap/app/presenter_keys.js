// The clicker's keys (lsgmap.app.presenter_keys): one action per key press, sent to Python as a trigger value.
export default function (component) {
  const { setTriggerValue, data } = component;
  const actions = data.actions;
  const doc = document;
  if (window.__lsgmapKeys) doc.removeEventListener("keydown", window.__lsgmapKeys, true);
  const handler = (event) => {
    const target = event.target;
    const tag = target && target.tagName ? target.tagName : "";
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target && (target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT")) return;
    if (event.key === "f" && doc.documentElement.requestFullscreen) {
      doc.documentElement.requestFullscreen().catch(() => {});
      return;
    }
    const toggle = (data.toggles || {})[event.key];
    if (toggle) {  // open or close the expander whose label says so (its summary is the button)
      for (const summary of doc.querySelectorAll('[data-testid="stExpander"] summary')) {
        if (summary.textContent.includes(toggle)) {
          event.preventDefault();
          summary.click();
          return;
        }
      }
      return;
    }
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    setTriggerValue("action", action);
  };
  window.__lsgmapKeys = handler;
  doc.addEventListener("keydown", handler, true);
  return () => { doc.removeEventListener("keydown", handler, true); if (window.__lsgmapKeys === handler) window.__lsgmapKeys = null; };
}
