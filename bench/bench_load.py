"""Benchmark: ``load()`` at national scale, against the loader before the one schema (commit d931229).

Run on purpose (not part of the test suite)::

    python bench/bench_load.py            # generates the national dataset into a temp dir
    python bench/bench_load.py --data DIR # or loads an existing dataset folder

The old loader is taken from git (``git archive d931229 lsgmap``) into a
temporary folder. Both loaders run in fresh processes with the same timing
code (run from the package's folder, so that each imports its own lsgmap):
one warm-up load, then the median of ``--repeat`` loads. Also prints
where the new ``load()`` spends its time (reading, validating and parsing,
hashing the version, building the Structure), the new ``load()`` with the
garbage collector switched off around it (as ``load()`` did until 1fc6a0f),
and the time of ``check()`` and of ``lsgmap check``. Exits 1 if the new
median is over 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD_COMMIT = "d931229"
TARGET_SECONDS = 0.3

#: Run in a fresh process with PYTHONPATH set to the lsgmap to time; prints JSON.
_TIMER = """
import gc, json, statistics, sys, time
from pathlib import Path
try:
    from lsgmap.dataset.load import dataset_version, load
    from lsgmap.dataset.parse import parse_dataset
    from lsgmap.dataset.tables import read_dataset
    from lsgmap.model.structure import Structure
except ImportError:  # the flat package of the old commit
    from lsgmap.model import Structure, dataset_version, load
    from lsgmap.parse import parse_dataset
    from lsgmap.tables import read_dataset
folder, repeat = Path(sys.argv[1]), int(sys.argv[2])

def median(fn, collect=True):
    fn()  # warm up: imports, the date caches
    times = []
    for _ in range(repeat):
        if not collect:
            gc.disable()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        gc.enable()
        del result  # freeing the last result is not part of the next load
    return statistics.median(times)

def parts():
    t0 = time.perf_counter(); raw = read_dataset(folder)
    t1 = time.perf_counter(); parsed = parse_dataset(raw)
    t2 = time.perf_counter(); version = dataset_version(folder)
    t3 = time.perf_counter(); Structure(folder, parsed, version)
    t4 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2, t4 - t3

out = {"load": median(lambda: load(folder)), "load_gc_off": median(lambda: load(folder), collect=False)}
split = [parts() for _ in range(repeat)]
for i, name in enumerate(["read", "parse", "version", "structure"]):
    out[name] = statistics.median(s[i] for s in split)
print(json.dumps(out))
"""


def old_lsgmap(target: Path) -> Path:
    """The lsgmap package of commit ``OLD_COMMIT``, unpacked under ``target``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", OLD_COMMIT, "lsgmap"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def timed(package_root: Path, folder: Path, repeat: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(package_root))
    proc = subprocess.run([sys.executable, "-c", _TIMER, str(folder), str(repeat)], env=env, cwd=package_root, check=True, capture_output=True, text=True)
    return json.loads(proc.stdout)


def check_seconds(folder: Path, repeat: int) -> tuple[float, float]:
    """Median of ``check(load(folder))`` in this process and the wall time of one ``lsgmap check``."""
    from lsgmap.dataset.checks import check
    from lsgmap.dataset.load import load

    structure = load(folder)
    times = []
    for _ in range(max(1, repeat // 2)):
        start = time.perf_counter()
        check(structure)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lsgmap.cli", "check", "--data", str(folder)], capture_output=True, cwd=ROOT,
                   env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return statistics.median(times), time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="dataset folder (default: generate the national synthetic dataset)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from synthetic import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data or generate(Path(tmp) / "national", seed=1)
        old_root = old_lsgmap(Path(tmp))
        old = timed(old_root, folder, args.repeat)
        new = timed(ROOT, folder, args.repeat)
        check_t, cli_t = check_seconds(folder, args.repeat)
    print(f"{'median ms':<12}{'load':>8}{'read':>8}{'parse':>8}{'version':>9}{'structure':>11}")
    for label, r in (("old " + OLD_COMMIT, old), ("new", new)):
        print(f"{label:<12}{r['load'] * 1e3:8.1f}{r['read'] * 1e3:8.1f}{r['parse'] * 1e3:8.1f}{r['version'] * 1e3:9.1f}{r['structure'] * 1e3:11.1f}")
    print(f"ratio old/new load():      {old['load'] / new['load']:6.2f}x")
    print(f"ratio old/new read+parse:  {(old['read'] + old['parse']) / (new['read'] + new['parse']):6.2f}x")
    print(f"new load(), collector off: {new['load_gc_off'] * 1e3:8.1f} ms (load() switched it off until 1fc6a0f; {new['load'] / new['load_gc_off']:.2f}x)")
    print(f"check() median:            {check_t * 1e3:8.1f} ms")
    print(f"lsgmap check (process):    {cli_t * 1e3:8.1f} ms")
    ok = new["load"] <= TARGET_SECONDS
    print("OK" if ok else f"TARGET MISSED (load() ≤ {TARGET_SECONDS * 1e3:.0f} ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
