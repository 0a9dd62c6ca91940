"""What the renovation (issue 22) promised that no other test shows: the libraries do the writing, and the entry points work."""

from __future__ import annotations

import io
import subprocess
import sys

import networkx as nx

from lsgmap.dataset.load import load
from lsgmap.draw import html
from lsgmap.draw.elements import elements
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import View
from lsgmap.exchange import export_data


def test_python_minus_m_lsgmap_lists_the_commands():
    out = subprocess.run([sys.executable, "-m", "lsgmap", "--help"], capture_output=True, text=True, check=True).stdout
    assert all(command in out for command in ("check", "snapshot", "ask", "diff", "timeline", "report", "export"))


def test_gexf_and_graphml_are_written_by_networkx(monkeypatch):
    s = load()
    calls = []
    for name in ("write_gexf", "write_graphml"):
        real = getattr(nx, name)
        monkeypatch.setattr(nx, name, lambda *a, _real=real, _name=name, **k: (calls.append(_name), _real(*a, **k))[1])
    assert b"<creator>NetworkX " in export_data(s, "gexf")
    assert nx.read_graphml(io.BytesIO(export_data(s, "graphml"))).number_of_nodes() == len(s.entities)
    assert calls == ["write_gexf", "write_graphml"]


def test_the_html_export_is_written_by_pyvis_network(monkeypatch):
    from pyvis.network import Network

    s = load()
    made = []
    real = Network.generate_html
    monkeypatch.setattr(Network, "generate_html", lambda self, *a, **k: (made.append(self), real(self, *a, **k))[1])
    page = html.to_html(elements(s, View(on="2016-11-15"), layered_positions(s)), standalone=True)
    assert len(made) == 1 and {n["id"] for n in made[0].nodes} == {i for i in s.snapshot(on="2016-11-15").node_ids}
    assert html.vis_network_js() in page and "<script src" not in page  # vis-network in line, no outside script


def test_month_names_need_no_dateparser():
    code = ("import sys; sys.modules['dateparser'] = None; from lsgmap.ask.dates import find_date; "
            "d = find_date('Vem styrde TUNA den 1 mars 2017?'); print(d.first.isoformat(), find_date('i december 2016').last.isoformat())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2017-03-01", "2016-12-31"]
