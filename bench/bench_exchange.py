"""Benchmark: the exchange formats on the national dataset, each against the obvious way in the same run.

Run on purpose (not part of the test suite)::

    python bench/bench_exchange.py             # the national dataset, made once into bench/out/national
    python bench/bench_exchange.py --data DIR  # or an existing dataset folder

For each format, the median of ``--repeat`` exports of all dates
(``lsgmap.exchange.export_data``, the whole timeline) and of one baseline:

* gexf: ``networkx.write_gexf`` (GEXF 1.3) of a MultiDiGraph with the same attributes and spells;
* graphml: ``networkx.write_graphml`` of the same graph;
* jsonld: the same document written by the pure-Python JSON encoder (``indent=1``, what pretty-printing costs);
* xlsx: openpyxl's write-only workbook of the same tables (what :func:`lsgmap.exchange.spreadsheet.to_xlsx` does).

Prints wall and CPU seconds (other processes on the machine stretch the wall
time), the file size and the ratio. Each file is read back once (networkx,
rdflib, openpyxl) and compared by count. Exits 1 if an export takes more than
3 s of CPU time.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _kit import dataset  # noqa: E402
from synthetic import NATIONAL  # noqa: E402

from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.dates import day_to_iso  # noqa: E402
from lsgmap.exchange import export_data  # noqa: E402

TARGET_S = 3.0


def measure(fn, repeat: int) -> tuple[float, float, object]:
    """(median wall s, median CPU s, last result)."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), result


def networkx_graph(s):
    import networkx as nx

    g = nx.MultiDiGraph(mode="dynamic")
    for e in s.entities.values():
        g.add_node(e.id, label=e.name_sv, kind=e.kind, name_sv=e.name_sv, name_en=e.name_en, valid_from=e.valid_from, valid_to=e.valid_to,
                   sources=";".join(e.sources), spells=[(day_to_iso(e.start), day_to_iso(e.end))])
    for r in s.relations.values():
        g.add_edge(r.from_id, r.to_id, key=r.id, id=r.id, relation=r.relation, valid_from=r.valid_from, valid_to=r.valid_to,
                   derived_from=r.derived_from, sources=";".join(r.sources), spells=[(day_to_iso(r.start), day_to_iso(r.end))])
    return g


def baseline_gexf(s) -> bytes:
    import networkx as nx

    out = io.BytesIO()
    nx.write_gexf(networkx_graph(s), out, version="1.3")
    return out.getvalue()


def baseline_graphml(s) -> bytes:
    import networkx as nx

    g = networkx_graph(s)
    for _n, d in g.nodes(data=True):
        d.pop("spells")
    for *_e, d in g.edges(keys=True, data=True):
        d.pop("spells")
    out = io.BytesIO()
    nx.write_graphml(g, out)
    return out.getvalue()


def baseline_jsonld(s) -> bytes:
    from lsgmap.exchange.jsonld import jsonld_document

    return json.dumps(jsonld_document(s), ensure_ascii=False, indent=1).encode("utf-8")


def baseline_xlsx(s) -> bytes:
    from openpyxl import Workbook

    from lsgmap.dataset.tables import read_dataset

    raw = read_dataset(s.path)
    wb = Workbook(write_only=True)
    for resource in raw.schema.part():
        ws = wb.create_sheet(resource.name)
        table = raw.tables[resource.name]
        ws.append(resource.columns)
        columns = [table.column(c) for c in resource.columns]
        for n in range(len(table)):
            ws.append([c[n] or None for c in columns])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def read_back(fmt: str, data: bytes) -> int:
    """How many entities and relations the file holds, read by the tool a user would use."""
    if fmt == "gexf":
        import networkx as nx

        g = nx.read_gexf(io.BytesIO(data))
        return g.number_of_nodes() + g.number_of_edges()
    if fmt == "graphml":
        import networkx as nx

        g = nx.read_graphml(io.BytesIO(data))
        return g.number_of_nodes() + g.number_of_edges()
    if fmt == "jsonld":
        import rdflib

        g = rdflib.Graph().parse(data=data, format="json-ld")
        during = rdflib.URIRef("https://w3id.org/lsgmap/vocab#during")
        change = rdflib.URIRef("http://www.w3.org/ns/org#ChangeEvent")
        return sum(1 for node in g.subjects(during, None) if (node, rdflib.RDF.type, change) not in g)
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    return sum(1 for name in ("entities", "relations") for _ in wb[name].iter_rows(min_row=2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing dataset folder (default: bench/out/national)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-read-back", action="store_true", help="skip reading the files back (rdflib takes about a minute)")
    args = parser.parse_args(argv)
    s = load(args.data or dataset("national", NATIONAL))
    s.attestation("")  # the attested windows are built once per structure; the app has them already
    facts = len(s.entities) + len(s.relations)
    print(f"dataset: {len(s.entities)} entities, {len(s.relations)} relations, {len(s.sources)} sources")
    print(f"{'format':8} {'wall s':>7} {'cpu s':>6} {'MB':>6} {'baseline wall s':>16} {'ratio':>6}  baseline")
    baselines = {"gexf": baseline_gexf, "graphml": baseline_graphml, "jsonld": baseline_jsonld, "xlsx": baseline_xlsx}
    names = {
        "gexf": "networkx.write_gexf",
        "graphml": "networkx.write_graphml",
        "jsonld": "json.dumps(indent=1)",
        "xlsx": "openpyxl write-only",
    }
    ok = True
    for fmt, baseline in baselines.items():
        wall, cpu, data = measure(lambda fmt=fmt: export_data(s, fmt), args.repeat)
        base_wall, _base_cpu, _ = measure(lambda baseline=baseline: baseline(s), 1)
        print(f"{fmt:8} {wall:7.2f} {cpu:6.2f} {len(data) / 1e6:6.1f} {base_wall:16.2f} {base_wall / wall:5.1f}x  {names[fmt]}")
        ok &= cpu <= TARGET_S
        if not args.no_read_back:
            found = read_back(fmt, data)
            if found != facts:
                print(f"  read back {found} entities and relations, expected {facts}")
                ok = False
    print(f"target: each format <= {TARGET_S} s of CPU time: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
