"""What the benchmarks share: the synthetic datasets (made once into bench/out/) and a median timer."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from lsgmap.synthetic import generate

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
