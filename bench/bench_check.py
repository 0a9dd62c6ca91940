"""Benchmark: ``lsgmap.dataset.checks.check`` at national scale, against a naive all-pairs check.

Run on purpose (not part of the test suite)::

    python bench/bench_check.py            # generates the national dataset into a temp dir
    python bench/bench_check.py --data DIR # or checks an existing dataset folder

Times :func:`lsgmap.dataset.checks.check` (the cross-fact rules: a sweep over owns
relations sorted by start, indexed lookups in the graph for derived facts)
and a naive baseline that compares every pair of owns relations of a project
and scans every relation for each derived fact. Both must find the same
problems. Prints medians and their ratio; exits 1 if check() takes more than
2 s on the national dataset (~50 000 relations) or is not faster than the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from synthetic import generate

from lsgmap.dataset.checks import check
from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.model.structure import Structure  # noqa: E402

TARGET_SECONDS = 2.0


def naive_rule_problems(s: Structure) -> set[tuple[str, int]]:
    """The two-owner and derived-fact rules, written the obvious quadratic way."""
    found: set[tuple[str, int]] = set()
    owns = defaultdict(list)
    for r in s.relations.values():
        if r.relation == "owns" and r.start <= r.end:
            owns[r.to_id].append(r)
    for rels in owns.values():
        for i, a in enumerate(rels):
            for b in rels[i + 1 :]:
                if a.start <= b.end and b.start <= a.end:
                    found.add(("owners", min(a.line, b.line)))
    every = list(s.relations.values())
    for r in every:
        ev = s.events.get(r.derived_from) if r.derived_from else None
        if ev is None or not ev.originals:
            continue
        day = ev.day - 1
        held = any(
            o.relation == r.relation and o.valid_on(day)
            and ((o.from_id in ev.originals and o.to_id == r.to_id) or (o.to_id in ev.originals and o.from_id == r.from_id))
            for o in every
        )
        if not held:
            found.add(("derived", r.line))
    return found


def fast_rule_problems(s: Structure) -> set[tuple[str, int]]:
    out = set()
    for p in check(s):
        if p.code.startswith("check.two_owners"):
            out.add(("owners", p.line))
        elif p.code == "check.derived_unsupported":
            out.add(("derived", p.line))
    return out


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="dataset folder (default: generate the national synthetic dataset)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data or generate(tmp, seed=1)
        s = load(folder)
        print(f"dataset: {len(s.entities)} entities, {len(s.relations)} relations, {len(s.events)} events")
        fast, naive = fast_rule_problems(s), naive_rule_problems(s)
        # the sweep reports a group of overlapping owners once, at its first line
        assert {x for x in fast if x[0] == "derived"} == {x for x in naive if x[0] == "derived"}
        assert {x for x in fast if x[0] == "owners"} <= {x for x in naive if x[0] == "owners"}
        fast_t = median_seconds(lambda: check(s), args.repeat)
        naive_t = median_seconds(lambda: naive_rule_problems(s), max(1, args.repeat // 2))
    print(f"check() median:            {fast_t * 1000:9.1f} ms  (all rules)")
    print(f"naive owners+derived only: {naive_t * 1000:9.1f} ms")
    print(f"ratio naive/check:         {naive_t / fast_t:9.1f}x")
    ok = fast_t <= TARGET_SECONDS and fast_t < naive_t
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
