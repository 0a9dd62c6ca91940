"""Benchmark: the app's first run on the national dataset, against lsgmap 0.1 in the same run.

Run on purpose (not part of the test suite)::

    python bench/bench_app.py [--data DIR] [--runs N] [--baseline REV]

Each run is a fresh Python process that starts the app through Streamlit's
AppTest with ``LSGMAP_DATA`` set to the national synthetic dataset and times
its first script run (loading, checking, laying out and drawing the first
map). The baseline is the same measurement on the code of ``--baseline``
(default: the 0.1 release, d931229), taken from git into a temporary folder.
Prints both medians and their ratio; exits 1 when the median is over 3 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 3.0

_PROBE = """
import sys, time
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=600)
t0 = time.perf_counter()
at.run()
elapsed = time.perf_counter() - t0
assert not at.exception, [e.value for e in at.exception]
print(elapsed)
"""


def first_run(code: Path, data: Path) -> float:
    """Seconds of the first script run of ``code/app.py`` on ``data``, in a fresh process."""
    env = {"PYTHONPATH": str(code), "LSGMAP_DATA": str(data), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", _PROBE, str(code / "app.py")], cwd=code, env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def checkout(rev: str, into: Path) -> Path:
    """The files of ``rev`` (package, app, data) unpacked into ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="national dataset folder (default: generated)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", default="d931229")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if data is None:
            from synthetic import NATIONAL, generate

            data = Path(tmp) / "national"
            generate(data, **NATIONAL)
        old = checkout(args.baseline, Path(tmp) / "old")
        new_times = [first_run(ROOT, data) for _ in range(args.runs)]
        old_times = [first_run(old, data) for _ in range(args.runs)]
    new, base = statistics.median(new_times), statistics.median(old_times)
    print(f"app first run, national data: {new:.2f} s median (runs {', '.join(f'{x:.2f}' for x in new_times)})")
    print(f"baseline {args.baseline}: {base:.2f} s median; ratio {base / new:.1f}x faster (target <= {TARGET_S:.0f} s)")
    return 0 if new <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
