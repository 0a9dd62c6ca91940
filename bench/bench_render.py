"""Benchmark: elements + to_html (plain values) vs pyvis Network.from_nx, and the app's rerun after a slider move.

Run on purpose (not part of the tests)::

    python bench/bench_render.py            # synthetic small and national scale, AppTest reruns
    python bench/bench_render.py --quick    # skip the national from_nx baseline (about 20 s a run)

Synthetic datasets are written once to bench/out/ by bench/synthetic.py.
Prints medians in milliseconds and the ratio baseline / fast path of the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _kit import dataset, timed  # noqa: E402
from synthetic import NATIONAL, SMALL  # noqa: E402

from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.draw.layout.positions import layered_positions  # noqa: E402
from lsgmap.draw.render import elements, to_html, vis_edge, vis_node  # noqa: E402
from lsgmap.draw.view import View  # noqa: E402
from lsgmap.model.scope import associations  # noqa: E402


def baseline_from_nx(nodes, edges) -> str:
    """What the issue replaces: a networkx graph with the same attributes, through Network.from_nx."""
    import networkx as nx
    from pyvis.network import Network

    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
    for e in edges:
        g.add_edge(e["from"], e["to"], key=e["id"], **{k: v for k, v in e.items() if k not in ("from", "to", "id")})
    net = Network(height="640px", width="100%", directed=True, cdn_resources="in_line")
    net.from_nx(g)
    net.toggle_physics(False)
    return net.generate_html()


def busiest_day(structure) -> int:
    """The change day with the most entities valid (the largest single picture)."""
    return max(structure.change_days, key=lambda d: len(structure.snapshot(on=d).node_ids))


def render_case(label: str, folder: Path, *, fast_repeat: int, base_repeat: int, busiest: bool, guard_ms: float | None = None) -> None:
    s = load(folder)
    ms, pos = timed(lambda: layered_positions(s), 1)
    view = View(on=busiest_day(s) if busiest else s.change_days[-1])
    el_ms, els = timed(lambda: elements(s, view, pos), fast_repeat)
    nodes, edges = [vis_node(n) for n in els.nodes], [vis_edge(e) for e in els.edges]
    to_html(els)  # warm up the template
    fast_ms, html = timed(lambda: to_html(els), fast_repeat)
    print(f"\n== {label}: {len(s.entities)} entities / {len(s.relations)} relations in the dataset; drawn {len(nodes)} nodes, {len(edges)} edges")
    print(f"layered_positions (once per dataset version): {ms:9.1f} ms")
    print(f"elements                                   : {el_ms:9.1f} ms (median of {fast_repeat})")
    print(f"to_html (fast path)                        : {fast_ms:9.1f} ms (median of {fast_repeat}), {len(html) // 1024} KiB")
    if guard_ms is not None:
        print(f"guard to_html ≤ {guard_ms:.0f} ms                     : {'met' if fast_ms <= guard_ms else 'MISSED'}")
    if base_repeat:
        base_ms, _ = timed(lambda: baseline_from_nx(nodes, edges), base_repeat)
        print(f"Network.from_nx + generate_html (baseline) : {base_ms:9.1f} ms (median of {base_repeat})")
        print(f"ratio baseline / fast                      : {base_ms / fast_ms:9.1f}x")


def rerun_case(label: str, folder: Path | None, repeat: int, assoc: str | None = None) -> None:
    """Median time of a script rerun after a move of the date slider, through AppTest (``assoc``: the association to show)."""
    from streamlit.testing.v1 import AppTest

    if folder is None:
        os.environ.pop("LSGMAP_DATA", None)
    else:
        os.environ["LSGMAP_DATA"] = str(folder)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    if assoc:
        at.query_params["assoc"] = assoc
    started = time.perf_counter()
    at.run()
    first = (time.perf_counter() - started) * 1000
    assert not at.exception, [e.value for e in at.exception]
    stops = [date.fromisoformat(option) for option in at.select_slider[0].options]
    picks = [stops[int(i * (len(stops) - 1) / max(1, repeat - 1))] for i in range(repeat)]
    times = []
    for day in picks:
        at.select_slider[0].set_value(day)
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
        assert not at.exception, [e.value for e in at.exception]
    print(f"\n== rerun after a slider move ({label}): first run {first:.0f} ms (load + layout), "
          f"rerun median {statistics.median(times):.0f} ms, max {max(times):.0f} ms over {repeat} dates")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the national from_nx baseline")
    args = parser.parse_args()
    small = dataset("small", SMALL)
    national = dataset("national", NATIONAL)
    render_case("synthetic --small, busiest date", small, fast_repeat=9, base_repeat=3, busiest=True, guard_ms=1000.0)
    render_case("national (synthetic, busiest date)", national, fast_repeat=5, base_repeat=0 if args.quick else 1, busiest=True)
    render_case("national (synthetic, last change date)", national, fast_repeat=5, base_repeat=0 if args.quick else 1, busiest=False)
    rerun_case("bundled Sörmland data", None, 9)
    rerun_case("national data via LSGMAP_DATA, one association", national, 7, assoc=associations(load(national))[0])


if __name__ == "__main__":
    main()
