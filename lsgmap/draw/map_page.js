// The map page's own script (lsgmap.draw.html.to_html), after pyvis' drawGraph() has made the global `network`.
// The mouse wheel scrolls the page over a map; it zooms the map only once the map is clicked, until the pointer leaves it.
(function () {
  var box = document.getElementById("mynetwork");
  if (typeof network === "undefined" || !box) return;
  var zoom = function (on) { network.setOptions({interaction: {zoomView: on}}); document.body.dataset.zoom = on ? "on" : "off"; };
  network.on("click", function () { zoom(true); });
  box.addEventListener("mouseleave", function () { zoom(false); });
  zoom(false);
})();
