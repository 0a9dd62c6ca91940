"""Benchmark: the national dataset one association at a time (issue 13, point 9), against drawing it all.

Run on purpose (not part of the test suite)::

    python bench/bench_national.py [--runs N]

1. In a fresh process per run (Streamlit's AppTest, ``LSGMAP_DATA`` = the national synthetic
   dataset): the first map of one association (``/karta?assoc=…``, loading included), then in
   the same session Jämför of that association across its merger, then the Data page's
   timeline of it. Targets: first map ≤ 3 s, Jämför ≤ 2 s, timeline ≤ 3 s.
2. In this process, what Jämför draws: both maps and the change list for one association
   against the same for the whole national dataset (what the app drew before), with the ratio.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from datetime import date, timedelta

from _kit import ROOT, dataset, timed
from synthetic import NATIONAL

TARGETS = {"karta": 3.0, "jamfor": 2.0, "timeline": 3.0}

_PROBE = """
import json, os, sys, time
from streamlit.testing.v1 import AppTest
os.environ["LSGMAP_DATA"] = sys.argv[2]
out = {}
def run(name, **params):
    at = AppTest.from_file(sys.argv[1], default_timeout=600)
    for k, v in params.items():
        at.query_params[k] = v
    started = time.perf_counter()
    at.run()
    out[name] = time.perf_counter() - started
    assert not at.exception, [e.value for e in at.exception]
    return at
run("karta", page="karta", assoc=sys.argv[3])
run("jamfor", page="jamfor", assoc=sys.argv[3])
run("timeline", page="data", tab="timeline", assoc=sys.argv[3])
print(json.dumps(out))
"""


def _association_with_a_merger(structure) -> tuple[str, str]:
    from lsgmap.model.scope import associations, scope_of

    for a in associations(structure):
        part = scope_of(structure, a)
        for e in structure.events_in_order:
            if e.kind == "merger" and set(e.originals) & part:
                return a, e.id
    raise SystemExit("no association with a merger in the national dataset")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = dataset("national", NATIONAL)

    from lsgmap.dataset.load import load
    from lsgmap.draw.elements import elements
    from lsgmap.draw.html import to_html
    from lsgmap.draw.layout.positions import layered_positions
    from lsgmap.draw.view import compare_views
    from lsgmap.model.scope import scope_of
    from lsgmap.time.diff import diff
    from lsgmap.time.diff_text import change_lines

    s = load(folder)
    association, merger = _association_with_a_merger(s)
    print(f"national dataset: {len(s.entities)} entities; association {association}, merger {merger}")

    runs = []
    for _ in range(args.runs):
        probe = subprocess.run([sys.executable, "-c", _PROBE, str(ROOT / "app.py"), str(folder), association],
                               capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(probe.stdout.strip().splitlines()[-1]))
    medians = {k: statistics.median(r[k] for r in runs) for k in TARGETS}
    for k, target in TARGETS.items():
        print(f"{k:9s} {medians[k]:6.2f} s (target ≤ {target:.0f} s, {args.runs} fresh processes)")

    end = date.fromordinal(s.events[merger].day)
    start = end - timedelta(days=1)
    everything = layered_positions(s)
    part = scope_of(s, association)
    own = layered_positions(s, only=part)

    def draw(ids, positions) -> int:
        from dataclasses import replace

        d = diff(s, start=start, end=end)
        views = [replace(v, nodes=ids) if ids is not None else v for v in compare_views(s, start=start, end=end)]
        html = [to_html(elements(s, v, positions), height=520) for v in views]
        return len(html[0]) + len(change_lines(s, d, "sv", within=ids))

    scoped, _ = timed(lambda: draw(part, own), 3)
    whole, _ = timed(lambda: draw(None, everything), 3)
    print(f"Jämför's drawing: one association {scoped:.0f} ms, the whole dataset {whole:.0f} ms, {whole / scoped:.1f}× faster")
    missed = [k for k, target in TARGETS.items() if medians[k] > target]
    if missed:
        print("missed:", ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
