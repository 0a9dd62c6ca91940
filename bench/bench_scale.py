"""Benchmark: does one association's page cost follow the association, or the country around it?

Run on purpose (not part of the test suite)::

    python bench/bench_scale.py [--sizes 20,80,160] [--runs N] [--changes N]

For each size a synthetic dataset of that many associations (``bench/synthetic.py
--associations N``, municipalities in proportion; written once to ``bench/out/scaleN``) is
opened through Streamlit's AppTest in a fresh process per run:

- **cold**: the first map of one association (``/karta?assoc=…``) in a fresh process, the
  dataset's loading and checking included (a server's first visitor);
- **first map**: the first map of that association in a new session of a server that has
  already loaded the dataset for another association (every later visitor);
- **date change**: the rerun after a move of the date slider in that session (median over
  ``--changes`` dates).

The association is the one whose part is of median size, so that the sizes compare like with
like (its entity count is printed). The baseline is the smallest size of the same run: the
ratios are what counts on a shared machine. Goal (issue 26): first map and date change at
160 associations at most 1.5× their time at 20. Exits 1 when the goal is missed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

from _kit import ROOT, dataset
from synthetic import scaled

GOAL = 1.5

_PROBE = """
import json, os, sys, time
from datetime import date
from streamlit.testing.v1 import AppTest
os.environ["LSGMAP_DATA"] = sys.argv[2]
app, chosen, other, changes = sys.argv[1], sys.argv[3], sys.argv[4], int(sys.argv[5])
def first(assoc):
    at = AppTest.from_file(app, default_timeout=600)
    at.query_params["page"] = "karta"
    at.query_params["assoc"] = assoc
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    assert not at.exception, [e.value for e in at.exception]
    return at, elapsed
out = {}
_, out["cold"] = first(other)             # the server's first visitor: load and check included
at, out["first"] = first(chosen)          # a later visitor, another association
stops = [date.fromisoformat(o) for o in at.select_slider[0].options]
times = []
for i in range(changes):
    at.select_slider[0].set_value(stops[(i * 7 + 3) % len(stops)])
    t0 = time.perf_counter()
    at.run()
    times.append(time.perf_counter() - t0)
    assert not at.exception, [e.value for e in at.exception]
out["change"] = sorted(times)[len(times) // 2]
print(json.dumps(out))
"""


def median_association(folder) -> tuple[str, str, int]:
    """(the association whose part is of median size, another one, its part's entity count)."""
    from lsgmap.dataset.load import load
    from lsgmap.model.scope import associations, scope_of

    s = load(folder)
    sized = sorted((len(scope_of(s, a)), a) for a in associations(s))
    size, chosen = sized[len(sized) // 2]
    other = sized[len(sized) // 2 - 1][1] if len(sized) > 1 else chosen
    return chosen, other, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,80,160", help="numbers of associations, smallest first (the baseline)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--changes", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        folder = dataset(f"scale{n}", scaled(n))
        chosen, other, part = median_association(folder)
        runs = []
        for _ in range(args.runs):
            probe = subprocess.run([sys.executable, "-c", _PROBE, str(ROOT / "app.py"), str(folder), chosen, other, str(args.changes)],
                                   capture_output=True, text=True, check=True, cwd=ROOT)
            runs.append(json.loads(probe.stdout.strip().splitlines()[-1]))
        results[n] = {k: statistics.median(r[k] for r in runs) for k in ("cold", "first", "change")}
        spread = {k: (min(r[k] for r in runs), max(r[k] for r in runs)) for k in ("first", "change")}
        print(f"{n:4d} associations ({chosen}, {part} entities in its part): cold {results[n]['cold']:.2f} s, "
              f"first map {results[n]['first']:.2f} s ({spread['first'][0]:.2f}–{spread['first'][1]:.2f}), "
              f"date change {results[n]['change'] * 1000:.0f} ms ({spread['change'][0] * 1000:.0f}–{spread['change'][1] * 1000:.0f}); "
              f"median of {args.runs} fresh processes", flush=True)
    base = results[sizes[0]]
    missed = []
    for n in sizes[1:]:
        ratios = {k: results[n][k] / base[k] for k in ("cold", "first", "change")}
        print(f"{n:4d} / {sizes[0]}: cold {ratios['cold']:.2f}×, first map {ratios['first']:.2f}×, date change {ratios['change']:.2f}× "
              f"(goal ≤ {GOAL}× for the first map and the date change)")
        missed += [f"{k} at {n}" for k in ("first", "change") if ratios[k] > GOAL]
    if missed:
        print("missed:", ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
