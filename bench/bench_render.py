"""Benchmark: the HTML export (elements + to_html through pyvis' Network) against the page as it was, and the app's rerun.

Run on purpose (not part of the tests)::

    python bench/bench_render.py            # synthetic small and national scale, the CLI export, AppTest reruns
    python bench/bench_render.py --quick    # skip the national from_nx baseline (about 20 s a run) and the CLI export

Synthetic datasets are written once to bench/out/ by bench/synthetic.py. Prints medians in milliseconds for:

* ``to_html`` now: a ``pyvis.network.Network`` filled with the elements' plain values, ``generate_html``, the
  outside tags and the popup taken out (:mod:`lsgmap.draw.html`);
* ``to_html`` before (commit :data:`BEFORE`, read from git): pyvis' template file rendered by jinja2 once per
  height, without importing pyvis, and the nodes and edges spliced in as JSON;
* ``Network.from_nx`` + ``generate_html``: what neither does (a networkx graph with the same attributes);
* the export of a file as the app's download button makes it: elements + ``to_html``, positions cached;
* ``lsgmap export --format html`` in a fresh process (loading and layout included), now and at :data:`BEFORE`.

Targets: ``to_html`` ≤ 1 s at 1,000 nodes; a file export ≤ 5 s at national scale (issue 22). Exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _kit import dataset, timed  # noqa: E402
from synthetic import NATIONAL, SMALL  # noqa: E402

from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.dates import day_to_iso  # noqa: E402
from lsgmap.draw.elements import elements, vis_edge, vis_node  # noqa: E402
from lsgmap.draw.html import to_html  # noqa: E402
from lsgmap.draw.layout.positions import layered_positions  # noqa: E402
from lsgmap.draw.view import View  # noqa: E402

#: the last commit whose HTML export rendered pyvis' template with jinja2 (lsgmap/draw/render.py)
BEFORE = "8620fa8"
TARGET_SMALL_MS = 1_000.0
TARGET_EXPORT_MS = 5_000.0


def to_html_before():
    """``to_html`` of lsgmap/draw/render.py at :data:`BEFORE`, read from git (None without the history).

    Its one import of a name renamed since (``labels._short``, now ``short_label``) is pointed at the new name.
    """
    import types

    try:
        source = subprocess.run(["git", "show", f"{BEFORE}:lsgmap/draw/render.py"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    source = source.replace("from lsgmap.draw.labels import _short, map_label, safe_text", "from lsgmap.draw.labels import map_label, safe_text, short_label as _short")
    module = types.ModuleType("lsgmap._render_before")
    sys.modules[module.__name__] = module  # its dataclasses look their module up
    exec(compile(source, f"{BEFORE}:lsgmap/draw/render.py", "exec"), module.__dict__)
    return module.to_html


def baseline_from_nx(nodes, edges) -> str:
    """What neither export does: a networkx graph with the same attributes, through Network.from_nx."""
    import networkx as nx
    from pyvis.network import Network

    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
    for e in edges:
        g.add_edge(e["from"], e["to"], key=e["id"], **{k: v for k, v in e.items() if k not in ("from", "to", "id")})
    net = Network(height="640px", width="100%", directed=True, cdn_resources="in_line")
    net.from_nx(g)
    net.toggle_physics(False)
    return net.generate_html()


def busiest_day(structure) -> int:
    """The change day with the most entities valid (the largest single picture)."""
    return max(structure.change_days, key=lambda d: len(structure.snapshot(on=d).node_ids))


def render_case(label: str, folder: Path, *, repeat: int, base_repeat: int, busiest: bool, target_ms: float | None = None,
                export_target_ms: float | None = None) -> bool:
    s = load(folder)
    ms, pos = timed(lambda: layered_positions(s), 1)
    view = View(on=busiest_day(s) if busiest else s.change_days[-1])
    el_ms, els = timed(lambda: elements(s, view, pos), repeat)
    nodes, edges = [vis_node(n) for n in els.nodes], [vis_edge(e) for e in els.edges]
    started = time.perf_counter()
    to_html(els)  # the first page imports pyvis (and with it IPython)
    first_ms = (time.perf_counter() - started) * 1000
    now_ms, html = timed(lambda: to_html(els), repeat)
    file_ms, _ = timed(lambda: to_html(elements(s, view, pos), height=820, standalone=True), repeat)
    print(f"\n== {label}: {len(s.entities)} entities / {len(s.relations)} relations in the dataset; drawn {len(nodes)} nodes, {len(edges)} edges")
    print(f"layered_positions (once per dataset version): {ms:9.1f} ms")
    print(f"elements                                   : {el_ms:9.1f} ms (median of {repeat})")
    print(f"to_html now (pyvis Network, generate_html) : {now_ms:9.1f} ms (median of {repeat}), {len(html) // 1024} KiB; "
          f"the first call {first_ms:.0f} ms (imports pyvis)")
    before = to_html_before()
    if before is None:
        print(f"to_html before ({BEFORE})                  : skipped (no git history)")
    else:
        before(els)  # renders and caches its template shell
        before_ms, _ = timed(lambda: before(els), repeat)
        print(f"to_html before ({BEFORE}, jinja2 shell)     : {before_ms:9.1f} ms (median of {repeat}); now / before {now_ms / before_ms:5.2f}")
    print(f"file export (elements + standalone to_html): {file_ms:9.1f} ms (median of {repeat})")
    ok = True
    if target_ms is not None:
        ok &= now_ms <= target_ms
        print(f"target to_html ≤ {target_ms:.0f} ms                  : {'met' if now_ms <= target_ms else 'MISSED'}")
    if export_target_ms is not None:
        ok &= file_ms <= export_target_ms
        print(f"target file export ≤ {export_target_ms:.0f} ms             : {'met' if file_ms <= export_target_ms else 'MISSED'}")
    if base_repeat:
        base_ms, _ = timed(lambda: baseline_from_nx(nodes, edges), base_repeat)
        print(f"Network.from_nx + generate_html (baseline) : {base_ms:9.1f} ms (median of {base_repeat}); ratio baseline / now {base_ms / now_ms:.1f}x")
    return ok


def cli_case(folder: Path, runs: int) -> None:
    """``python -m lsgmap export --format html`` on the busiest day, fresh processes: this tree and :data:`BEFORE` (git archive)."""
    on = day_to_iso(busiest_day(load(folder)))

    def run(code: Path, out: Path) -> float:
        env = {**os.environ, "PYTHONPATH": str(code)}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lsgmap", "export", "--format", "html", "--data", str(folder), "--on", on, "--out", str(out)],
                       cwd=code, env=env, capture_output=True, check=True)
        return time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "before"
        old.mkdir()
        try:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE, "lsgmap"], capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        except (OSError, subprocess.CalledProcessError):
            old = None
        now = [run(ROOT, Path(tmp) / "now.html") for _ in range(runs)]
        print(f"\n== lsgmap export --format html --on {on}, national data, fresh process (load + layout + page + write)")
        print(f"now                                        : {statistics.median(now):6.2f} s (median of {runs})")
        if old is not None:
            then = [run(old, Path(tmp) / "before.html") for _ in range(runs)]
            print(f"before ({BEFORE})                           : {statistics.median(then):6.2f} s (median of {runs})")


def rerun_case(label: str, folder: Path | None, repeat: int) -> None:
    """Median time of a script rerun after a date slider move on Karta, through AppTest (the national data: one association's map)."""
    from streamlit.testing.v1 import AppTest

    from lsgmap.model.scope import associations

    if folder is None:
        os.environ.pop("LSGMAP_DATA", None)
    else:
        os.environ["LSGMAP_DATA"] = str(folder)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    if folder is not None:
        at.query_params["assoc"] = associations(load(folder))[0]
    started = time.perf_counter()
    at.run()
    first = (time.perf_counter() - started) * 1000
    assert not at.exception, [e.value for e in at.exception]
    stops = [date.fromisoformat(o) for o in at.select_slider[0].options]
    picks = [stops[int(i * (len(stops) - 1) / max(1, repeat - 1))] for i in range(repeat)]
    times = []
    for day in picks:
        at.select_slider[0].set_value(day)
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
        assert not at.exception, [e.value for e in at.exception]
    print(f"\n== rerun after a slider move ({label}): first run {first:.0f} ms (load + layout), "
          f"rerun median {statistics.median(times):.0f} ms, max {max(times):.0f} ms over {repeat} dates")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the national from_nx baseline and the CLI export")
    args = parser.parse_args()
    small = dataset("small", SMALL)
    national = dataset("national", NATIONAL)
    ok = render_case("synthetic --small, busiest date", small, repeat=9, base_repeat=3, busiest=True, target_ms=TARGET_SMALL_MS)
    ok &= render_case("national (synthetic, busiest date)", national, repeat=5, base_repeat=0 if args.quick else 1, busiest=True,
                      export_target_ms=TARGET_EXPORT_MS)
    ok &= render_case("national (synthetic, last change date)", national, repeat=5, base_repeat=0, busiest=False,
                      export_target_ms=TARGET_EXPORT_MS)
    if not args.quick:
        cli_case(national, 3)
    rerun_case("bundled Sörmland data", None, 9)
    rerun_case("national data via LSGMAP_DATA, one association", national, 7)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
