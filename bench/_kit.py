"""What the benchmarks share: the synthetic datasets (made once into bench/out/) and a median timer."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def dataset(name: str, sizes: dict) -> Path:
    """``bench/out/NAME``: a synthetic dataset of ``sizes`` (generated on first use, seed 0)."""
    folder = OUT / name
    if not (folder / "entities.csv").exists():
        generate(folder, seed=0, **sizes)
    return folder


def timed(fn, repeat: int) -> tuple[float, object]:
    """(median milliseconds of ``repeat`` calls of ``fn``, the last result)."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


#: the commit whose lsgmap/layout.py is the layout before label boxes (fixed spacing, nearest-layer sweeps)
LAYOUT_BEFORE = "34a5bbf"


def layout_before():
    """``layered_positions`` of lsgmap/layout.py as it was at :data:`LAYOUT_BEFORE`, read from git (None without the history).

    The baseline bench_layout.py compares with, loaded rather than kept as a copy.
    """
    import importlib.util
    import subprocess

    try:
        source = subprocess.run(["git", "show", f"{LAYOUT_BEFORE}:lsgmap/layout.py"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    spec = importlib.util.spec_from_loader("lsgmap._layout_before", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "lsgmap"  # its "from .vocab import …" reads today's vocabulary
    exec(compile(source, f"{LAYOUT_BEFORE}:lsgmap/layout.py", "exec"), module.__dict__)
    return module.layered_positions
