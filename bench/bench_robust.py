"""Benchmark: the work that once grew without bound (issue 25), at three sizes each, with the growth printed.

Run on purpose (not part of the test suite)::

    python bench/bench_robust.py            # the sizes of the issue
    python bench/bench_robust.py --quick    # a quarter of each, for a look

Three cases, each at a quarter, half and the full size:

- ``lsgmap check`` on ``entities.csv`` with N rows of the same id (N = 100 000): once
  quadratic in the number of problems;
- ``lsgmap ask "vem styr e0?"`` on a clique of N entities that all steer each other
  (N = 18): once an enumeration of every chain;
- ``lsgmap export --format png`` of a chain of N projects, each steering the next
  (N = 3 000).

Each command runs in process; the figures are wall seconds and, for each step, how
much the time grew against the size (1.0 = linear). Exits 1 when the full size of
any case takes 10 s or more.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsgmap.cli import main  # noqa: E402
from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH  # noqa: E402

TARGET_SECONDS = 10.0
ENTITY_HEADER = "id,kind,name_sv,name_en,short_name,aliases,identifiers,valid_from,valid_to,attributes,sources,note\n"
RELATION_HEADER = "id,from_id,relation,to_id,valid_from,valid_to,attributes,derived_from,sources,note\n"
VALID = ROOT / "tests" / "data" / "valid"


def _base(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("documents.csv", "sources.csv", "events.csv", "budget.csv"):
        (folder / name).write_text((VALID / name).read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
    (folder / "documents.csv").write_text("id,title,kind,reference,date,period,note\ndoc,Test,seed,,2016,2000/2030,\n", encoding="utf-8")
    (folder / "sources.csv").write_text("id,document,quote,locator,note\ns1,doc,Ett citat.,,\n", encoding="utf-8")
    (folder / "datapackage.json").write_bytes(DEFAULT_SCHEMA_PATH.read_bytes())
    return folder


def duplicate_ids(folder: Path, n: int) -> Path:
    """``entities.csv`` with ``n`` rows of the id ``dup`` (n - 1 duplicate-id errors)."""
    _base(folder)
    rows = "".join(f"dup,lsg,LSG {i},LSG {i},,,,,,,s1,\n" for i in range(n))
    (folder / "entities.csv").write_text(ENTITY_HEADER + rows, encoding="utf-8")
    (folder / "relations.csv").write_text(RELATION_HEADER, encoding="utf-8")
    return folder


def clique(folder: Path, n: int) -> Path:
    """``n`` LSGs, each steering every other one."""
    _base(folder)
    (folder / "entities.csv").write_text(ENTITY_HEADER + "".join(f"e{i},lsg,E{i},E{i},,,,,,,s1,\n" for i in range(n)), encoding="utf-8")
    rels = [f"r{i}_{j},e{i},steers,e{j},,,,,s1,\n" for i in range(n) for j in range(n) if i != j]
    (folder / "relations.csv").write_text(RELATION_HEADER + "".join(rels), encoding="utf-8")
    return folder


def chain(folder: Path, n: int) -> Path:
    """``n`` projects in a row, each steering the next."""
    _base(folder)
    (folder / "entities.csv").write_text(ENTITY_HEADER + "".join(f"p{i},project,P{i},P{i},,,,2016,,,s1,\n" for i in range(n)), encoding="utf-8")
    rels = [f"r{i},p{i},steers,p{i + 1},2016,,,,s1,\n" for i in range(n - 1)]
    (folder / "relations.csv").write_text(RELATION_HEADER + "".join(rels), encoding="utf-8")
    return folder


def run(argv: list[str]) -> tuple[float, int]:
    """(wall seconds, exit code) of ``lsgmap ARGV`` in process, its output swallowed."""
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return time.perf_counter() - started, code


CASES = {
    "check, N duplicate ids": (duplicate_ids, 100_000, lambda d, tmp: ["check", "--data", str(d)]),
    "ask, clique of N": (clique, 18, lambda d, tmp: ["ask", "--data", str(d), "vem styr e0?"]),
    "export png, chain of N": (chain, 3_000, lambda d, tmp: ["export", "--data", str(d), "--on", "2017-01-01", "--format", "png", "--out", str(tmp / "chain.png")]),
}


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a quarter of each size")
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, (make, full, command) in CASES.items():
            full = max(full // 4, 4) if args.quick else full
            previous = None
            run(command(make(Path(tmp) / f"{make.__name__}-warm", 3), Path(tmp)))  # imports and caches, not timed
            for n in (max(full // 4, 3), max(full // 2, 3), full):
                folder = make(Path(tmp) / f"{make.__name__}-{n}", n)
                seconds, code = run(command(folder, Path(tmp)))
                growth = ""
                if previous:
                    (pn, ps) = previous
                    growth = f"  time ×{seconds / max(ps, 1e-9):.2f} for size ×{n / pn:.2f}"
                print(f"{name:<26} N={n:>7}: {seconds:7.2f} s (exit {code}){growth}")
                previous = (n, seconds)
            if seconds >= TARGET_SECONDS:
                print(f"  over the target of {TARGET_SECONDS:.0f} s")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main_())
