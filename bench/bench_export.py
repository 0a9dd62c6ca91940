"""Time the exports and a story step against baselines, in one run; print medians and ratios.

Run on purpose (not part of the tests):  python bench/bench_export.py [--repeat N]

* image: ``export_image`` on the cached stable positions (the app's fast path)
  vs. the naive way, ``nx.spring_layout`` + ``nx.draw`` of the same snapshot
  (which also gives a different picture every time).
* html: ``export_html`` (plain dicts filled into pyvis) vs. ``pyvis.Network.from_nx``.
* story step: ``Step.view`` (interval arrays) vs. filtering a materialised snapshot graph.
"""

from __future__ import annotations

import argparse
import statistics
import time


def median_ms(fn, repeat: int) -> float:
    fn()  # warm up
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    import io

    import networkx as nx
    from matplotlib.figure import Figure

    from lsgmap.dataset.load import BUNDLED_DATA, load
    from lsgmap.dataset.stories import load_stories
    from lsgmap.draw.html import export_html
    from lsgmap.draw.images import export_image
    from lsgmap.draw.layout.positions import layered_positions
    from lsgmap.draw.view import View

    s = load(BUNDLED_DATA)
    on = "2017-03-01"
    positions = layered_positions(s)
    snap = s.snapshot(on=on)
    print(f"dataset: {len(s.entities)} entities, {len(s.relations)} relations; {len(snap.node_ids)} nodes on {on}")

    def naive_image():
        g = nx.DiGraph(snap.graph())
        pos = nx.spring_layout(g, seed=None)
        fig = Figure(figsize=(16, 10), dpi=100)
        ax = fig.add_subplot()
        nx.draw(g, pos, ax=ax, labels={n: s.name(n) for n in g}, node_size=300, font_size=7)
        fig.savefig(io.BytesIO(), format="png")

    def naive_html():
        from pyvis.network import Network

        net = Network(directed=True, cdn_resources="in_line")
        g = nx.MultiDiGraph()
        for n in snap.node_ids:
            g.add_node(n, label=s.name(n))
        for r in snap.relations():
            g.add_edge(r.from_id, r.to_id, title=r.relation)
        net.from_nx(g)
        net.generate_html()

    story = load_stories(s)[0][0]
    step = story.steps[-1]

    def naive_step():
        g = s.snapshot(on=step.day).graph()
        keep = [n for n, d in g.nodes(data=True) if d["kind"] in {"association", "lsg", "municipality", "project", "role"}]
        sub = g.subgraph(keep)
        return [k for _, _, k, d in sub.edges(keys=True, data=True) if d["relation"] in {"covers", "steers", "commissions"}]

    rows = [
        ("image png (export_image, stable positions)", lambda: export_image(s, View(on=on), positions=positions),
         "baseline: spring_layout + nx.draw", naive_image),
        ("html (export_html)", lambda: export_html(s, View(on=on), positions=positions),
         "baseline: pyvis Network.from_nx", naive_html),
        ("story step view (Step.view)", lambda: step.view(s),
         "baseline: snapshot graph + subgraph filter", naive_step),
    ]
    print(f"{'measure':48} {'fast ms':>9} {'baseline ms':>12} {'ratio':>7}")
    for name, fast, base_name, base in rows:
        a = median_ms(fast, args.repeat)
        b = median_ms(base, args.repeat)
        print(f"{name:48} {a:9.1f} {b:12.1f} {b / a:6.1f}x   ({base_name})")


if __name__ == "__main__":
    main()
