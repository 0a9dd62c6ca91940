"""Benchmark: diff of two dates on the synthetic national dataset vs diffing two rebuilt snapshot graphs.

Run on purpose (not part of the tests)::

    python bench/bench_diff.py [--repeat 30] [--small]

Prints the median time of :func:`lsgmap.time.diff.diff` (the fast path: two masks
over the interval arrays), the median of the naive baseline (build the
MultiDiGraph of both days, then set differences of nodes and edge keys) in the
same run, their ratio, and whether both give the same ids. Targets: fast path
<= 2 ms median (issue 26) and >= 50x faster than the baseline.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from synthetic import generate

from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.time.diff import diff

#: issue 26: a diff of two dates on the national data within 2 ms
TARGET_MS = 2.0


def naive_diff(structure, a: int, b: int):
    """Materialise both snapshot graphs, then compare node and edge-key sets."""
    ga = structure.snapshot(on=a).graph()
    gb = structure.snapshot(on=b).graph()
    na, nb = set(ga.nodes), set(gb.nodes)
    ea = {k for _, _, k in ga.edges(keys=True)}
    eb = {k for _, _, k in gb.edges(keys=True)}
    return nb - na, na - nb, eb - ea, ea - eb


def median_ms(fn, pairs, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        for a, b in pairs:
            t0 = time.perf_counter()
            fn(a, b)
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--small", action="store_true", help="a small dataset (quick check)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {"associations": 8, "municipalities": 30, "years": 10} if args.small else {}
        t0 = time.perf_counter()
        structure = load(generate(Path(tmp), seed=0, **sizes))
        print(f"dataset: {len(structure.entities)} entities, {len(structure.relations)} relations, "
              f"{len(structure.events)} events (generated and loaded in {time.perf_counter() - t0:.1f} s)")
    days = structure.change_days
    rng = random.Random(1)
    pairs = [tuple(sorted(rng.sample(days, 2))) for _ in range(args.pairs)]
    for a, b in pairs:  # both ways give the same ids
        d = diff(structure, start=a, end=b)
        added, removed, e_added, e_removed = naive_diff(structure, a, b)
        assert (set(d.nodes_added), set(d.nodes_removed), set(d.edges_added), set(d.edges_removed)) == (added, removed, e_added, e_removed)
    diff(structure, start=pairs[0][0], end=pairs[0][1])  # warm the event index
    fast = median_ms(lambda a, b: diff(structure, start=a, end=b), pairs, args.repeat * 5)
    naive = median_ms(lambda a, b: naive_diff(structure, a, b), pairs, args.repeat)
    ratio = naive / fast
    print(f"diff (interval masks)      median {fast:8.3f} ms")
    print(f"naive (two snapshot graphs) median {naive:8.3f} ms")
    print(f"ratio {ratio:.0f}x   targets: <= {TARGET_MS} ms {'OK' if fast <= TARGET_MS else 'MISSED'}, >= 50x {'OK' if ratio >= 50 else 'MISSED'}")
    return 0 if fast <= TARGET_MS and ratio >= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
