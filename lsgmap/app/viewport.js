// The height from this element to the bottom of the window (lsgmap.app.viewport), sent to Python as the state value `below`.
export default function (component) {
  const { setStateValue, parentElement } = component;
  const host = parentElement.host || parentElement;
  let last = null;
  const scroller = document.querySelector('[data-testid="stMain"]');
  const report = () => {  // measured from the page's top, so a page scrolled meanwhile does not make the map taller
    const top = (host.getBoundingClientRect ? host.getBoundingClientRect().top : 0) + (scroller ? scroller.scrollTop : window.scrollY);
    const below = Math.round(window.innerHeight - Math.max(0, top));
    if (last === null || Math.abs(below - last) > 3) {
      last = below;
      setStateValue("below", below);
    }
  };
  let timer = null;
  const onResize = () => { clearTimeout(timer); timer = setTimeout(report, 250); };
  // the first time at once; after a rerun once the page has settled (its elements still arriving would measure short)
  if (host.__lsgmapMeasured) onResize(); else { host.__lsgmapMeasured = true; requestAnimationFrame(report); }
  setTimeout(report, 800);  // again once the charts above have their height
  setTimeout(report, 2500);
  window.addEventListener("resize", onResize);
  // again whenever the page's content changes height (a widget above drawn once its script has loaded, the controls
  // written after the map): the map below keeps filling the window
  const content = document.querySelector('[data-testid="stMainBlockContainer"]');
  const watcher = content && typeof ResizeObserver !== "undefined" ? new ResizeObserver(onResize) : null;
  if (watcher) watcher.observe(content);
  return () => { window.removeEventListener("resize", onResize); if (watcher) watcher.disconnect(); };
}
