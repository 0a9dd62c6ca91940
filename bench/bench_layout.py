"""Benchmark: layered_positions (once per dataset version) against networkx layouts of the same graph.

Run on purpose (not part of the tests)::

    python bench/bench_layout.py            # 1,000 nodes and national scale
    python bench/bench_layout.py --quick    # 1,000 nodes only

Synthetic datasets are written once to bench/out/ by lsgmap.synthetic.
Prints medians in milliseconds, the baseline of the same run (networkx's
``spring_layout`` at 1,000 nodes: what a map without a stable layout would
run) and the ratio baseline / fast path, and networkx's ``multipartite_layout``
on the same layers as a lower bound (layers only, no ordering, no merger
places). Exits 1 when a target is missed: at 1,000 nodes
≤ 2 s (the guard the unit tests used to hold), at national scale ≤ 20 s.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _kit import dataset, timed  # noqa: E402

from lsgmap.layout import layer_of, layered_positions  # noqa: E402
from lsgmap.model import Structure, load  # noqa: E402
from lsgmap.synthetic import NATIONAL, SMALL  # noqa: E402

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
    ok = fast_ms <= TARGET_MS[name]
    print(f"target ≤ {TARGET_MS[name]:.0f} ms                          : {'met' if ok else 'MISSED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 nodes only")
    args = parser.parse_args(argv)
    ok = case("1,000 nodes (synthetic --small)", "small", dataset("small", SMALL), repeat=9, spring=True)
    if not args.quick:
        ok &= case("national (synthetic)", "national", dataset("national", NATIONAL), repeat=3, spring=False)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
