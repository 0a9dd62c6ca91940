"""Benchmark: which facts a source speaks for on a day, at national scale, against a per-fact check.

Run on purpose (not part of the test suite)::

    python bench/bench_attested.py            # generates the national dataset into a temp dir
    python bench/bench_attested.py --data DIR # or times an existing dataset folder

Prints the one-off cost of building every fact's attested windows and their
interval indexes, the median time of ``Structure.attested_on(day)`` over
random dates, the median of the baseline (for each fact valid that day, ask
its :class:`~lsgmap.model.attestation.Attestation` whether it covers the day) and
their ratio, and the median of a snapshot with its attested sets (``snapshot(on=…)``,
``attested_nodes``, ``attested_edges``). Exits 1 if a target is missed: ``attested_on`` median <= 2 ms and
at least 5x faster than the baseline; the build <= 1.5 s; a snapshot with attestation <= 0.5 ms (issue 26).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from synthetic import NATIONAL, generate

from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.model.structure import Structure  # noqa: E402

TARGET_MS = 2.0
TARGET_RATIO = 5.0
TARGET_BUILD_S = 1.5
TARGET_SNAPSHOT_MS = 0.5


def snapshot_attested(structure: Structure, day: int) -> None:
    """A snapshot and the facts a source speaks for on its day (what a map with attestation asks)."""
    snap = structure.snapshot(on=day)
    snap.attested_nodes, snap.attested_edges  # noqa: B018 - made when first asked


def per_fact(structure: Structure, day: int) -> tuple[frozenset[str], frozenset[str]]:
    """The baseline: the snapshot's facts, each asked on its own."""
    snap = structure.snapshot(on=day)
    nodes = frozenset(i for i in snap.node_ids if structure.attestation(i).on(day))
    edges = frozenset(k for k in snap.edge_keys if structure.attestation(k).on(day))
    return nodes, edges


def median_ms(fn, days: list[int]) -> float:
    times = []
    for day in days:
        t0 = time.perf_counter()
        fn(day)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing dataset folder (default: generate the national dataset)")
    parser.add_argument("--dates", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data or generate(Path(tmp) / "national", **NATIONAL)
        s = load(folder)
        t0 = time.perf_counter()
        s.attested_on(s.default.day)
        build = time.perf_counter() - t0
        first, last = s.span
        rng = random.Random(0)
        days = [rng.randint(first.toordinal(), last.toordinal()) for _ in range(args.dates)]
        for day in days[:5]:
            assert s.attested_on(day) == per_fact(s, day), day
        fast = median_ms(s.attested_on, days)
        slow = median_ms(lambda d: per_fact(s, d), days[:20])
        snapshots = median_ms(lambda d: snapshot_attested(s, d), days)
    facts = len(s.entities) + len(s.relations)
    ratio = slow / fast if fast else float("inf")
    print(f"facts: {facts}; build of attested windows and indexes: {build:.2f} s (target <= {TARGET_BUILD_S} s)")
    print(f"attested_on median: {fast:.3f} ms (target <= {TARGET_MS} ms); per-fact baseline: {slow:.2f} ms; ratio {ratio:.0f}x (target >= {TARGET_RATIO}x)")
    print(f"snapshot with attestation median: {snapshots:.3f} ms (target <= {TARGET_SNAPSHOT_MS} ms)")
    ok = fast <= TARGET_MS and ratio >= TARGET_RATIO and build <= TARGET_BUILD_S and snapshots <= TARGET_SNAPSHOT_MS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
