"""Benchmark: layered_positions (once per dataset version) against networkx layouts of the same graph.

Run on purpose (not part of the tests)::

    python bench/bench_layout.py            # 1,000 nodes and national scale
    python bench/bench_layout.py --quick    # 1,000 nodes only

Synthetic datasets are written once to bench/out/ by bench/synthetic.py.
Prints medians in milliseconds, the baseline of the same run (networkx's
``spring_layout`` at 1,000 nodes: what a map without a stable layout would
run) and the ratio baseline / fast path, and networkx's ``multipartite_layout``
on the same layers as a lower bound (layers only, no ordering, no merger
places), and the layout before label boxes (lsgmap/layout.py at 34a5bbf, read from git) as
the baseline of the label-box layout. On the bundled data it prints, per
change date, the crossings of the drawn lines with the layout before and
now (and the ratio), the overlapping drawings, and how large the labels come
out when the map fills 1300 × 520 and 1850 × 830 px. Exits 1 when a target
is missed: at 1,000 nodes ≤ 2 s (the guard the unit tests used to hold), at
national scale ≤ 20 s; on the bundled data labels ≥ 14 px at 1300 × 520, no
overlaps, and no more crossings than before.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _kit import LAYOUT_BEFORE, dataset, layout_before, timed  # noqa: E402
from synthetic import NATIONAL, SMALL  # noqa: E402

from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.draw.elements import elements  # noqa: E402
from lsgmap.draw.layout.label_boxes import boxes_of, label_px, overlaps  # noqa: E402
from lsgmap.draw.layout.positions import crossings, layer_of, layered_positions, layout_bounds  # noqa: E402
from lsgmap.draw.view import View  # noqa: E402
from lsgmap.model.structure import Structure  # noqa: E402

TARGET_MS = {"small": 2_000.0, "national": 20_000.0}




def layered_graph(structure: Structure):
    import networkx as nx

    g = nx.Graph()
    for e in structure.entities.values():
        g.add_node(e.id, layer=layer_of(e.kind))
    g.add_edges_from((r.from_id, r.to_id) for r in structure.relations.values())
    return g


def case(label: str, name: str, folder: Path, *, repeat: int, spring: bool) -> bool:
    import networkx as nx

    s = load(folder)
    fast_ms, pos = timed(lambda: layered_positions(s), repeat)
    g = layered_graph(s)
    base_ms, _ = timed(lambda: nx.multipartite_layout(g, subset_key="layer", align="horizontal"), repeat)
    print(f"\n== {label}: {len(s.entities)} entities / {len(s.relations)} relations")
    print(f"layered_positions (fast path)             : {fast_ms:9.1f} ms (median of {repeat}), {len(pos)} positions")
    if spring:
        spring_ms, _ = timed(lambda: nx.spring_layout(g, seed=0), max(1, repeat // 3))
        print(f"nx.spring_layout (baseline)               : {spring_ms:9.1f} ms (median of {max(1, repeat // 3)})")
        print(f"ratio baseline / fast                     : {spring_ms / fast_ms:9.1f}x")
    print(f"nx.multipartite_layout (lower bound)      : {base_ms:9.1f} ms (median of {repeat}; layers only, no ordering)")
    positions_before = layout_before()
    if positions_before is None:
        print(f"layout before label boxes (baseline)      : skipped (no git history with {LAYOUT_BEFORE})")
    else:
        before_ms, _ = timed(lambda: positions_before(s), repeat)
        print(f"layout before label boxes (baseline)      : {before_ms:9.1f} ms (median of {repeat}); ratio now / before {fast_ms / before_ms:5.2f}")
    ok = fast_ms <= TARGET_MS[name]
    print(f"target ≤ {TARGET_MS[name]:.0f} ms                          : {'met' if ok else 'MISSED'}")
    return ok


def readability() -> bool:
    """Crossings per change date (before / now), overlaps, label size in the two frames: on the bundled data."""
    s = load()
    positions_before = layout_before() or (lambda structure: layered_positions(structure, sweeps=0))  # without git: no ordering
    now, before = layered_positions(s), positions_before(s)
    print(f"\n== bundled data: {len(s.entities)} entities, {len(s.change_days)} change dates")
    print("date        crossings before   now  ratio  overlaps (sv, en, persons hidden sv, en)")
    total_before = total_now = total_overlaps = 0
    for day in s.change_days:
        old, new = crossings(s, before, day), crossings(s, now, day)
        views = [View(on=day, lang=lang, hide_persons=hide) for hide in (False, True) for lang in ("sv", "en")]
        counts = [len(overlaps(boxes_of(elements(s, v, now)))) for v in views]
        total_before, total_now, total_overlaps = total_before + old, total_now + new, total_overlaps + sum(counts)
        print(f"{views[0].on}  {old:16d} {new:5d} {new / max(old, 1):6.2f}  {counts}")
    print(f"total       {total_before:16d} {total_now:5d} {total_now / max(total_before, 1):6.2f}  {total_overlaps}")
    b = layout_bounds(s, now)
    px = {frame: label_px(b, *frame, 18) for frame in ((1300, 520), (1850, 830))}
    fitted = label_px(b, 1300, 520, 18, padding=1.1)
    print(f"bounds {b.width:.0f} × {b.height:.0f} units; 18-unit labels: {px[(1300, 520)]} px at 1300 × 520 "
          f"({fitted} px with vis-network fit()'s 10 % padding), {px[(1850, 830)]} px at 1850 × 830")
    return px[(1300, 520)] >= 14 and total_overlaps == 0 and total_now <= total_before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 nodes only")
    args = parser.parse_args(argv)
    ok = readability()
    ok &= case("1,000 nodes (synthetic --small)", "small", dataset("small", SMALL), repeat=9, spring=True)
    if not args.quick:
        ok &= case("national (synthetic)", "national", dataset("national", NATIONAL), repeat=3, spring=False)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
