"""Benchmark: each exchange export on the national dataset, against the writers it replaced, in the same run.

Run on purpose (not part of the test suite)::

    python bench/bench_exchange.py             # the national dataset, made once into bench/out/national
    python bench/bench_exchange.py --data DIR  # or an existing dataset folder

For each format, ``export_data(structure, FORMAT)`` of all dates (the whole
timeline, the largest file) is timed in a fresh process, the median of
``--repeat`` runs, by today's package and by the package of commit
:data:`BEFORE` (taken from git with ``git archive``), one format after the
other so that both meet the same load on the machine. Before, GEXF, GraphML
and the workbook were written by hand (XML strings, zip + OOXML); now networkx
writes GEXF and GraphML, openpyxl the workbook, and JSON-LD lost its caches.

Prints wall and CPU seconds (other processes on the machine stretch the wall
time; the CPU time is what the export costs), the file size, and the ratio
now / before. Each new file is read back once (networkx, openpyxl, JSON; rdflib
reads one association's JSON-LD, as a whole country's graph would take about 2 GB)
and compared by count. Exits 1 if an export takes more than :data:`TARGET_S`
seconds of CPU time. Without the git history the old writers are skipped.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _kit import ROOT, dataset  # noqa: E402
from synthetic import NATIONAL  # noqa: E402

#: the commit whose lsgmap/exchange wrote GEXF, GraphML and XLSX by hand
BEFORE = "8620fa8"
TARGET_S = 5.0
FORMATS = ("gexf", "graphml", "jsonld", "xlsx")

_TIMER = """
import json, statistics, sys, time
from lsgmap.dataset.load import load
from lsgmap.exchange import export_data
folder, fmt, repeat, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
s = load(folder)
s.attestation("")  # the attested windows are built once per structure; the app has them already
walls, cpus = [], []
for _ in range(repeat):
    w, c = time.perf_counter(), time.process_time()
    data = export_data(s, fmt)
    walls.append(time.perf_counter() - w)
    cpus.append(time.process_time() - c)
if out:
    open(out, "wb").write(data)
print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus), "bytes": len(data)}))
"""


def timed(package_root: Path, folder: Path, fmt: str, repeat: int, out: Path | None = None) -> dict[str, float]:
    """Median wall and CPU seconds of ``export_data`` of ``fmt`` by the package under ``package_root``, in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(package_root))
    args = [sys.executable, "-c", _TIMER, str(folder), fmt, str(repeat), str(out or "")]
    proc = subprocess.run(args, env=env, cwd=package_root, check=True, capture_output=True, text=True)
    return json.loads(proc.stdout)


def package_before(target: Path) -> Path | None:
    """The lsgmap package of commit :data:`BEFORE`, unpacked under ``target`` (None without the git history)."""
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE, "lsgmap"], check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def read_back(fmt: str, data: bytes, *, linked_data: bool = True) -> int:
    """How many entities and relations the file holds, read by the tool a user would use.

    JSON-LD is read by rdflib when ``linked_data`` (a graph in memory: about 2 GB for the national file, so
    :func:`main` reads one association's file that way and the national one as plain JSON, node by node).
    """
    if fmt in ("gexf", "graphml"):
        import networkx as nx

        g = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(io.BytesIO(data))
        return g.number_of_nodes() + g.number_of_edges()
    if fmt == "jsonld" and not linked_data:
        import json

        nodes = json.loads(data)["@graph"]
        return sum(1 for node in nodes if "during" in node and "org:ChangeEvent" not in node.get("type", []))
    if fmt == "jsonld":
        import rdflib

        g = rdflib.Graph().parse(data=data, format="json-ld")
        during = rdflib.URIRef("https://w3id.org/lsgmap/vocab#during")
        change = rdflib.URIRef("http://www.w3.org/ns/org#ChangeEvent")
        return sum(1 for node in g.subjects(during, None) if (node, rdflib.RDF.type, change) not in g)
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    return sum(1 for name in ("entities", "relations") for _ in wb[name].iter_rows(min_row=2))


def _peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing dataset folder (default: bench/out/national)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-read-back", action="store_true", help="skip reading the files back")
    args = parser.parse_args(argv)
    folder = (args.data or dataset("national", NATIONAL)).resolve()
    from lsgmap.dataset.load import load

    s = load(folder)
    facts = len(s.entities) + len(s.relations)
    print(f"dataset: {len(s.entities)} entities, {len(s.relations)} relations, {len(s.sources)} sources; median of {args.repeat}")
    print(f"{'format':8} {'wall s':>7} {'cpu s':>6} {'MB':>6}   {'before: wall s':>14} {'cpu s':>6} {'MB':>6}   {'cpu now/before':>14}")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        before = package_before(Path(tmp))
        for fmt in FORMATS:
            out = Path(tmp) / f"now.{fmt}"
            now = timed(ROOT, folder, fmt, args.repeat, out)
            line = f"{fmt:8} {now['wall']:7.2f} {now['cpu']:6.2f} {now['bytes'] / 1e6:6.1f}"
            if before is not None:
                old = timed(before, folder, fmt, args.repeat)
                line += f"   {old['wall']:14.2f} {old['cpu']:6.2f} {old['bytes'] / 1e6:6.1f}   {now['cpu'] / old['cpu']:13.1f}x"
            else:
                line += f"   (no git history with {BEFORE})"
            print(line, flush=True)
            ok &= now["cpu"] <= TARGET_S
            if not args.no_read_back:
                found = read_back(fmt, out.read_bytes(), linked_data=False)
                if found != facts:
                    print(f"  read back {found} entities and relations, expected {facts}")
                    ok = False
                if fmt == "jsonld":  # rdflib reads one association's file (the national graph would take about 2 GB)
                    from lsgmap.exchange import export_data
                    from lsgmap.model.scope import associations, part_of

                    part = part_of(s, associations(s)[0]) if len(associations(s)) > 1 else s
                    found = read_back(fmt, export_data(part, fmt))
                    expected = len(part.entities) + len(part.relations)
                    print(f"  rdflib read one association's JSON-LD back: {found} of {expected} entities and relations"
                          f" (peak memory of this process {_peak_mb():.0f} MB)")
                    ok &= found == expected
    print(f"target: each export <= {TARGET_S} s of CPU time: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
