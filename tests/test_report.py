"""The status-report section for a period, checked against the seed status report (13 Oct – 31 Dec 2016)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from lsgmap.cli import main
from lsgmap.errors import InputError
from lsgmap.model import BUNDLED_DATA, load
from lsgmap.report import period_report


def section(text: str, heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    body = text.split(heading + "\n", 1)[1]
    stops = [i for i in (body.find("\n" + "#" * n + " ") for n in range(1, len(level) + 1)) if i >= 0]
    return body[: min(stops)] if stops else body


@pytest.fixture(scope="module")
def autumn_2016(sormland):
    return period_report(sormland, start="2016-10-13", end="2016-12-31")


def test_projects_are_listed_under_their_lsgs_as_in_the_status_report(autumn_2016):
    # "Aktuella insatser/projekt": TUNA (LSG Nyköping-Oxelösund), IBIS (LSG Oxelösund),
    # Innovation 100 dagar (LSG Nyköping-Oxelösund), IPS (LSG Nyköping); the application adds TRIS.
    projects = section(autumn_2016, "## Aktuella insatser/projekt per LSG under perioden")
    nyox = section(projects, "### LSG Nyköping-Oxelösund")
    assert "- TUNA – styrs av" in nyox and "- Innovation 100 dagar – styrs av LSG Nyköping-Oxelösund [ls_projekt_innovation]" in nyox
    assert "- IBIS – styrs av" in section(projects, "### LSG Oxelösund")
    nyk = section(projects, "### LSG Nyköping")
    assert "- IPS – styrs av LSG Nyköping; ägs av LSG Nyköping" in nyk and "- TRIS – styrs av" in nyk
    assert "- TRIS – styrs av" in section(projects, "### LSG Trosa") and "- TRIS – styrs av" in section(projects, "### LSG Gnesta")
    # who owns and funds: IBIS is formally owned by RAR and funded by ESF
    assert "ägs av LSG Nyköping, LSG Oxelösund, RAR; finansieras av ESF" in section(projects, "### LSG Oxelösund")
    # the merged LSG does not exist yet in this period
    assert "LSG Trosa-Gnesta" not in projects


def test_principals_and_assignments_with_who_gave_them(autumn_2016):
    principals = section(autumn_2016, "## Uppdragsgivare under perioden")
    assert principals.strip().splitlines()[0] == ("- Processledare LSG södra Sörmland: LSG Gnesta, LSG Nyköping, LSG Nyköping-Oxelösund, "
                                                  "LSG Oxelösund, LSG Trosa [ls_uppdragsgivare, an_uppdragsgivare]")
    lines = section(autumn_2016, "## Uppdrag från LSG under perioden").strip().splitlines()
    assert lines == [
        "- Påbörja en ansökan om insats till ungdomar i behov av stöd (LSG Gnesta) [ls_uppdrag_ungdomar]",
        "- Påbörja en ansökan om ett Ungdomens hus (LSG Nyköping-Oxelösund) [ls_uppdrag_ungdomens_hus]",
        "- Presentation om viljeinriktningen om nollplacerade (LSG Nyköping) [ls_uppdrag_nollplacerade]",
        "- Presentation om LSG:s roll och syfte i förhållande till övriga samverkansstrukturer i Sörmland (LSG Nyköping, LSG Trosa) [ls_uppdrag_lsg_roll]",
        "- Förslag på administrativa strukturer för LSG och utkast till inriktningsplan 2017 (samtliga LSG) [ls_uppdrag_admin]",
    ]


def test_the_merger_decided_in_the_period_is_reported_with_its_consequences(autumn_2016):
    later = section(autumn_2016, "## Beslut under perioden som gäller senare")
    assert later.strip().startswith(
        "- LSG Trosa och LSG Gnesta slås samman: beslutat 2016-10-13/2016-12-31, gäller från 2017-01-01 [ls_sammanslagning]"
    )
    assert "  - TRIS – Tidig Rehabilitering I Samverkan styrs av LSG Trosa-Gnesta i stället för LSG Trosa och LSG Gnesta" in later
    # after the merger took effect it is a change, not a decision for later
    spring = period_report(load(BUNDLED_DATA), start="2017-01-01", end="2017-06-30")
    assert "Beslut under perioden som gäller senare" not in spring
    assert "- LSG Trosa och LSG Gnesta slogs samman till LSG Trosa-Gnesta (2017-01-01) [ls_sammanslagning]" in spring


def test_funding_lists_the_budget_of_the_years_in_the_period(autumn_2016):
    funding = section(autumn_2016, "## Finansiering under perioden")
    assert "- RAR finansierar Processledare LSG södra Sörmland (2016-07-01 – 2018-06-30)" in funding
    assert "  - 2016: Lön 401, Lokal, 15 kvm 9, Resor 8, Telefon 5, Dator 8; summa 431 tkr" in funding
    assert "2017:" not in funding
    assert "- ESF finansierar IBIS (2016-03-01 – 2018-12-31), andel 67 %" in funding
    whole_2017 = period_report(load(BUNDLED_DATA), start="2017-01-01", end="2017-12-31")
    assert "summa 859 tkr" in whole_2017


def test_sources_name_the_documents(autumn_2016):
    sources = section(autumn_2016, "## Källor")
    assert "Lägesrapport avseende Processledare LSG södra Sörmland" in sources and "ls_sammanslagning" in sources


def test_english_report(sormland):
    text = period_report(sormland, start="2016-10-13", end="2016-12-31", lang="en")
    assert text.startswith("# Status report: material for the period 2016-10-13 – 2016-12-31\n")
    assert "(all LSGs) [ls_uppdrag_admin]" in text
    assert "- LSG Trosa and LSG Gnesta merge: decided 2016-10-13/2016-12-31, takes effect 2017-01-01" in text
    assert "- Innovation 100 days – steered by" in text


def test_html_escapes_data_text_and_has_no_scripts(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, folder)
    with open(folder / "relations.csv", "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(["r_evil", "lsg_nykoping", "steers", "evil", "2016-10-13", "2016-12-31", "", "", "ls_period", ""])
    with open(folder / "entities.csv", "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(["evil", "project", "<script>alert(1)</script> & co", "", "", "", "", "", "", "", "ls_period", ""])
    s = load(folder)
    assert not s.errors
    html_text = period_report(s, start="2016-10-13", end="2016-12-31", fmt="html")
    assert "<script" not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html_text
    assert html_text.startswith('<section class="lsgmap-report">\n<h1>Lägesrapport')


def test_bad_format_and_reversed_period(sormland):
    with pytest.raises(InputError, match="md or html"):
        period_report(sormland, start="2016-10-13", end="2016-12-31", fmt="pdf")
    with pytest.raises(InputError):
        period_report(sormland, start="2017-01-01", end="2016-12-31")


def test_cli_report_to_stdout_and_file(capsys, tmp_path: Path):
    assert main(["report", "--from", "2016-10-13", "--to", "2016-12-31", "--data", str(BUNDLED_DATA)]) == 0
    out = capsys.readouterr().out
    assert out == period_report(load(BUNDLED_DATA), start="2016-10-13", end="2016-12-31")
    target = tmp_path / "rapport.html"
    assert main(["report", "--from", "2016-10-13", "--to", "2016-12-31", "--format", "html", "--lang", "en",
                 "--out", str(target), "--data", str(BUNDLED_DATA)]) == 0
    assert target.read_text(encoding="utf-8").startswith('<section class="lsgmap-report">\n<h1>Status report')


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["report", "--from", "2016-10-13", "--to", "2016-12-32"], "--to: Ogiltigt datum '2016-12-32'"),
        (["report", "--from", "2017-01-01", "--to", "2016-12-31"], "ligger efter slutdatumet"),
        (["report", "--from", "2016-10-13", "--to", "2016-12-31", "--out", "/no/such/dir/r.md"], "mappen /no/such/dir finns inte"),
    ],
)
def test_cli_report_bad_input(capsys, argv, expected):
    assert main(argv + ["--data", str(BUNDLED_DATA)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
