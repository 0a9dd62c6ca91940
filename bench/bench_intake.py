"""Benchmark: how well ``lsgmap intake`` reads a status report into relations (recall, precision, misses).

Run on purpose, from the repository root::

    python bench/bench_intake.py

1. The seed status report (``data/sormland/documents/000_…``) against the bundled data
   without it (its document, its passages and what rests only on them removed:
   :func:`lsgmap.intake.fixture.without_document`). Key: the removed relations.
2. The second status report (``tests/data/intake/lagesrapport_2017_h1.txt``, written
   before the reader) against the bundled data. Key: its hand-written answer key.
3. For comparison, with no target: the seed application (``001_…``) as in 1. The reader is
   made for status reports; an application states most of its facts in ways it does not read
   (a sentence without a subject, "LSG" meaning all four, a header listing the municipalities).

Prints recall, precision, the misses and the wrong proposals, the quotes not found word
for word, and precision per confidence band (why the app ticks proposals at
``DEFAULT_CONFIDENCE`` and above). Exits 1 below 80 % recall or 70 % precision, or on a
quote that is not verbatim.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsgmap.dataset.load import BUNDLED_DATA  # noqa: E402
from lsgmap.intake import DEFAULT_CONFIDENCE  # noqa: E402
from lsgmap.intake.measure import Score, against_dataset, against_key  # noqa: E402

RECALL, PRECISION = 0.80, 0.70
SECOND = ROOT / "tests" / "data" / "intake" / "lagesrapport_2017_h1.txt"


def show(title: str, score: Score, seconds: float) -> bool:
    print(f"== {title}")
    print(f"   relations expected {len(score.expected)}, proposed {len(score.proposed)}, found {len(score.hits)}")
    print(f"   recall {score.recall:.0%}   precision {score.precision:.0%}   ({seconds * 1000:.0f} ms)")
    for t in score.misses:
        print(f"   miss:  {' '.join(t)}")
    for t in score.wrong:
        print(f"   wrong: {' '.join(t)}")
    for q in score.bad_quotes:
        print(f"   NOT VERBATIM: {q}")
    print(f"   quotes verbatim: {'all' if not score.bad_quotes else 'NO'} ({len(score.result.proposals)} proposals)")
    bands: dict[str, list[bool]] = {}
    for p in score.result.proposals:
        if p.id in score.by_proposal:
            band = f"≥ {DEFAULT_CONFIDENCE:.2f}" if p.confidence >= DEFAULT_CONFIDENCE else f"< {DEFAULT_CONFIDENCE:.2f}"
            bands.setdefault(band, []).append(score.right(p.id))
    for band, oks in sorted(bands.items()):
        print(f"   confidence {band}: {sum(oks)}/{len(oks)} right")
    return score.recall >= RECALL and score.precision >= PRECISION and not score.bad_quotes


def main() -> int:
    started = time.perf_counter()
    seed = against_dataset(BUNDLED_DATA, "lagesrapport_2016")
    ok = show("seed status report 2016-10-13 – 2016-12-31, against the bundled data without it", seed, time.perf_counter() - started)
    started = time.perf_counter()
    second = against_key(BUNDLED_DATA, SECOND, SECOND.with_suffix(".key.csv"))
    ok = show("second status report 2017-01-01 – 2017-06-30, against its hand-written key", second, time.perf_counter() - started) and ok
    started = time.perf_counter()
    application = against_dataset(BUNDLED_DATA, "ansokan_gnot")
    show("for comparison, no target: the application (not a status report) against the bundled data without it", application,
         time.perf_counter() - started)
    print("targets (the two status reports): recall ≥ 80 %, precision ≥ 70 %, every quote verbatim:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
