// Streamlit's own screen-reader labels and placeholders in Swedish (lsgmap.app.swedish_labels): the app's own words are
// Swedish already; these are the ones Streamlit's browser side writes in English ("Help for Datum", "Remove Personer").
const EXACT = {
  "Clear all": "Rensa alla", "Collapse sidebar": "Fäll ihop menyn", "Expand sidebar": "Fäll ut menyn",
  "Copy Vega-Lite spec": "Kopiera diagrammets beskrivning", "Copy to clipboard": "Kopiera", "Download as CSV": "Ladda ner som CSV",
  "Download as PNG": "Ladda ner som PNG", "Download as SVG": "Ladda ner som SVG", "Fullscreen": "Helskärm",
  "Close fullscreen": "Lämna helskärm", "Exit fullscreen": "Lämna helskärm", "Open": "Öppna", "Close": "Stäng",
  "Search": "Sök", "Show data": "Visa data", "Show/hide columns": "Visa/dölj kolumner", "Link to heading": "Länk till rubriken",
  "Vega visualization": "Diagram", "Selected values": "Valda värden", "Choose an option": "Välj …", "Choose options": "Välj …",
  "Clear value": "Rensa", "Increment": "Öka", "Decrement": "Minska", "Open menu": "Öppna menyn", "Main menu": "Meny",
};
const PREFIX = [["Help for ", "Hjälp om "], ["Remove ", "Ta bort "]];
const ATTRIBUTES = ["aria-label", "placeholder", "title"];

function swedish(text) {
  if (text in EXACT) return EXACT[text];
  for (const [en, sv] of PREFIX) if (text.startsWith(en)) return sv + text.slice(en.length);
  return null;
}

function translate(root) {
  const els = root.querySelectorAll ? [root, ...root.querySelectorAll("[aria-label], [placeholder], [title]")] : [];
  for (const el of els) {
    if (!el.getAttribute) continue;
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      const sv = value && swedish(value);
      if (sv) el.setAttribute(name, sv);
    }
  }
}

export default function (component) {
  const lang = (component.data || {}).lang;
  if (window.__lsgmapSwedish) { window.__lsgmapSwedish.lang = lang; if (lang === "sv") translate(document.body); return; }
  const state = window.__lsgmapSwedish = {lang: lang};
  new MutationObserver((changes) => {
    if (state.lang !== "sv") return;
    for (const change of changes) {
      if (change.type === "attributes") translate(change.target);
      else for (const node of change.addedNodes) if (node.nodeType === 1) translate(node);
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ATTRIBUTES});
  if (lang === "sv") translate(document.body);
}
