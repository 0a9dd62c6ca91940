// Closes Streamlit's English "Page not found" dialog as it opens (lsgmap.app.page_not_found).
export default function () {
  if (window.__lsgmapNotFound) return;
  // Streamlit's own words for a missing page (its dialog's body), not a title a dataset could also give a dialog
  const streamlits = /does not seem to exist|but no corresponding file was found/;
  let watcher = null;
  const stop = () => { if (watcher) watcher.disconnect(); window.__lsgmapNotFound = null; };
  const close = () => {
    for (const dialog of document.querySelectorAll('[data-testid="stDialog"]')) {
      if (!streamlits.test(dialog.textContent)) continue;
      const button = dialog.querySelector('button[aria-label="Close"], button[aria-label="Stäng"]');
      if (button) { button.click(); document.documentElement.dataset.lsgmapClosedNotFound = "1"; stop(); }
    }
  };
  watcher = new MutationObserver(close);
  watcher.observe(document.body, {childList: true, subtree: true});
  window.__lsgmapNotFound = watcher;
  setTimeout(stop, 10000);  // the dialog comes with the page that opened instead, or not at all
  close();
}
