"""Benchmark: load() and Structure.snapshot(on=...) at national scale, against a naive rebuild.

Run on purpose (not part of the test suite)::

    python bench/bench_snapshot.py            # generates the national dataset into a temp dir
    python bench/bench_snapshot.py --data DIR # or times an existing dataset folder

Prints the load time, the median time of ``snapshot(on=...)`` over random
dates (materialising the valid entity ids and relation keys), the median time
of a naive rebuild (filter the parsed records by date and build a fresh
``nx.MultiDiGraph``) and their ratio. Exits 1 if a target is missed:
snapshot median <= 1 ms and >= 100x faster than the naive rebuild.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from synthetic import NATIONAL, generate

from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.model.structure import Structure  # noqa: E402

TARGET_MS = 1.0
TARGET_RATIO = 100.0


def naive_snapshot(structure: Structure, day: int) -> nx.MultiDiGraph:
    """The baseline: filter every parsed record by date and build a fresh graph."""
    g = nx.MultiDiGraph()
    for e in structure.entities.values():
        if e.start <= day <= e.end:
            g.add_node(e.id, kind=e.kind, name_sv=e.name_sv, name_en=e.name_en, start=e.start, end=e.end)
    for r in structure.relations.values():
        if r.start <= day <= r.end and r.from_id in g and r.to_id in g:
            g.add_edge(r.from_id, r.to_id, key=r.id, relation=r.relation, start=r.start, end=r.end)
    return g


def timed(fn, *args) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t0, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing dataset folder (default: generate the national dataset)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dates", type=int, default=200, help="random dates for snapshot (default 200)")
    parser.add_argument("--naive-dates", type=int, default=20, help="random dates for the naive rebuild (default 20)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data
        if folder is None:
            seconds, folder = timed(lambda: generate(Path(tmp) / "national", seed=args.seed, **NATIONAL))
            print(f"generate      {seconds:8.2f} s   ({folder})")
        load_times, load_cpu = [], []
        for _ in range(3):
            cpu = time.process_time()
            seconds, structure = timed(load, folder)
            load_times.append(seconds)
            load_cpu.append(time.process_time() - cpu)
        print(f"load          {statistics.median(load_times):8.2f} s   median of 3, CPU {statistics.median(load_cpu):.2f} s "
              f"({len(structure.entities)} entities, {len(structure.relations)} relations, {len(structure.errors)} errors)")

    first, last = structure.span
    rng = random.Random(args.seed)
    days = [rng.randint(first.toordinal(), last.toordinal()) for _ in range(args.dates)]

    for day in days[:5]:  # warm up, and check that both give the same answer
        snap, graph = structure.snapshot(on=day), naive_snapshot(structure, day)
        if snap.node_set != set(graph.nodes) or snap.edge_set != {k for _, _, k in graph.edges(keys=True)}:
            print(f"MISMATCH on day {day}: snapshot and naive rebuild disagree", file=sys.stderr)
            return 1

    snapshot_times, sizes = [], []
    for day in days:
        seconds, snap = timed(lambda d: structure.snapshot(on=d), day)
        sizes.append((len(snap.node_ids), len(snap.edge_keys)))  # materialised tuples
        snapshot_times.append(seconds)
    naive_times = [timed(naive_snapshot, structure, day)[0] for day in days[: args.naive_dates]]

    snap_ms = statistics.median(snapshot_times) * 1000
    naive_ms = statistics.median(naive_times) * 1000
    ratio = naive_ms / snap_ms
    nodes = statistics.median(n for n, _ in sizes)
    edges = statistics.median(e for _, e in sizes)
    print(f"snapshot      {snap_ms:8.3f} ms  median of {len(days)} dates (median {nodes:.0f} nodes, {edges:.0f} edges valid)")
    print(f"naive rebuild {naive_ms:8.3f} ms  median of {len(naive_times)} dates")
    print(f"ratio         {ratio:8.0f} x")
    ok = snap_ms <= TARGET_MS and ratio >= TARGET_RATIO
    print(f"targets: snapshot <= {TARGET_MS} ms, ratio >= {TARGET_RATIO:.0f}x: {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
