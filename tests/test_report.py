"""The status-report section for a period, on the tiny merger structure of conftest.py.

``merger_autumn`` is the merger structure whose one document speaks for the
autumn of 2016 (so every fact citing it is attested then); ``reported`` (from
tests/attested_kit.py) cites a status report and an application with periods
of their own, for what the report lists and what it sets apart. The report on
the bundled data, checked against the seed status report, is in
tests/test_sormland.py.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from attested_kit import reported_tables

from conftest import DEFAULT_DOCUMENT, MERGER, make_dataset
from lsgmap.cli import main
from lsgmap.errors import InputError
from lsgmap.time.report import period_report, report_data

AUTUMN = "2016-10-13/2016-12-31"


def section(text: str, heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    body = text.split(heading + "\n", 1)[1]
    stops = [i for i in (body.find("\n" + "#" * n + " ") for n in range(1, len(level) + 1)) if i >= 0]
    return body[: min(stops)] if stops else body


@pytest.fixture(scope="module")
def merger_autumn(tmp_path_factory):
    tables = copy.deepcopy(MERGER)
    tables["documents"] = [{**DEFAULT_DOCUMENT, "period": AUTUMN}]
    return make_dataset(tmp_path_factory.mktemp("autumn"), **tables)


@pytest.fixture(scope="module")
def autumn(merger_autumn):
    return period_report(merger_autumn, start="2016-10-13", end="2016-12-31")


@pytest.fixture
def reported(tiny, merger_tables):
    tables = reported_tables(merger_tables)
    for line in tables["budget"]:
        line["basis"] = "applied"
    return tiny(**tables)


def test_projects_are_listed_under_their_lsgs(autumn):
    projects = section(autumn, "## Aktuella insatser/projekt per LSG under perioden")
    gamma = section(projects, "### LSG Gamma")
    # short names for projects, associations and funders; a period-bound project is listed
    assert "- Kort – styrs av LSG Gamma [s_lsg_gamma.steers.kort]" in gamma
    assert "- Q – styrs av LSG Gamma; ägs av SF; finansieras av ESF [s_lsg_gamma.steers.q, s_sf.owns.q, s_esf.funds.q]" in gamma
    assert "- P – styrs av LSG Alfa, LSG Beta, LSG Gamma; ägs av LSG Gamma; finansieras av SF" in section(projects, "### LSG Alfa")
    assert "- P – styrs av" in section(projects, "### LSG Beta")
    # the merged LSG does not exist yet in this period
    assert "LSG Alfa-Beta" not in projects


def test_principals_and_assignments_with_who_gave_them(autumn):
    principals = section(autumn, "## Uppdragsgivare under perioden")
    assert principals.strip().splitlines() == [
        "- Processledare Test: LSG Alfa, LSG Beta, LSG Gamma "
        "[s_lsg_alfa.commissions.ledare, s_lsg_beta.commissions.ledare, s_lsg_gamma.commissions.ledare]"
    ]
    lines = section(autumn, "## Uppdrag från LSG under perioden").strip().splitlines()
    assert lines == [
        "- Utred ungdomars behov (LSG Alfa) [s_uppdrag_alfa, s_lsg_alfa.assigns.uppdrag_alfa]",
        # given by every principal of the one it is assigned to
        "- Förslag på struktur (samtliga LSG) [s_uppdrag_alla, s_lsg_alfa.assigns.uppdrag_alla, s_lsg_beta.assigns.uppdrag_alla, "
        "s_lsg_gamma.assigns.uppdrag_alla]",
    ]


def test_changes_in_the_period_leave_out_the_assignments(autumn):
    changes = section(autumn, "## Förändringar i strukturen under perioden")
    assert changes.strip().splitlines() == ["- Ny relation: LSG Gamma styr Kort insats (från 2016-10-13) [s_lsg_gamma.steers.kort]"]


def test_the_merger_decided_in_the_period_is_reported_with_its_consequences(merger_autumn, autumn):
    merger = merger_autumn
    later = section(autumn, "## Beslut under perioden som gäller senare")
    assert later.strip().startswith(
        "- LSG Alfa och LSG Beta slås samman: beslutat 2016-10-13 – 2016-12-31, gäller från 2017-01-01 [s_ev_merge]"
    )
    assert "  - Projekt P – Pröva styrs av LSG Alfa-Beta i stället för LSG Alfa och LSG Beta (från 2017-01-01)" in later
    assert "  - Alfa kommun omfattas av LSG Alfa-Beta i stället för LSG Alfa" in later
    # after the merger took effect it is a change, not a decision for later
    spring = period_report(merger, start="2017-01-01", end="2017-06-30")
    assert "Beslut under perioden som gäller senare" not in spring
    assert "- LSG Alfa och LSG Beta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Alfa-Beta [s_ev_merge]" in spring
    assert "### LSG Alfa\n" not in spring
    # LSG Alfa-Beta steering P is derived from the merger: no source speaks for it, so not under an LSG
    assert "### LSG Alfa-Beta" not in spring
    unattested = section(spring, "## Uppgifter utan källa för perioden")
    assert "- LSG Alfa-Beta styr Projekt P – Pröva (härledd ur en händelse, inte belagd i någon källa) – Testdokument " \
        "(2016-10-13 – 2016-12-31) [s_ev_merge, s_lsg_alfa.steers.p]" in unattested
    # before the decision was taken there is nothing to report
    summer = period_report(merger, start="2016-06-01", end="2016-08-31")
    assert "Beslut under perioden som gäller senare" not in summer


def test_funding_lists_the_budget_of_the_years_in_the_period(merger_autumn, autumn):
    merger = merger_autumn
    funding = section(autumn, "## Finansiering under perioden")
    assert "- SF finansierar Processledare Test (2016-07-01 – 2018-06-30) [s_sf.funds.ledare]" in funding
    assert "  - 2016: Lön 401, Resor 30; summa 431 tkr [s_b1, s_b2]" in funding
    assert "2017:" not in funding
    assert "- ESF finansierar Q (… –), andel 67 % [s_esf.funds.q]" in funding  # no dates of its own: none borrowed from Q
    # no source speaks for 2017 here (the one document speaks for the autumn of 2016): no budget is reported as fact then
    assert "summa 859 tkr" not in section(period_report(merger, start="2017-01-01", end="2017-12-31"), "## Finansiering under perioden")


def test_a_planned_budget_is_reported_for_the_years_of_the_period_as_planned(reported):
    whole_2017 = section(period_report(reported, start="2017-01-01", end="2017-12-31"), "## Finansiering under perioden")
    assert "(planerat, inte belagt)" in whole_2017
    assert "summa 859 tkr" in whole_2017 and "summa 431 tkr" not in whole_2017
    two_years = period_report(reported, start="2016-12-01", end="2017-01-31")
    assert "summa 431 tkr" in two_years and "summa 859 tkr" in two_years


def test_empty_sections_say_so(tiny):
    s = tiny(entities=[{"id": "a", "kind": "association"}])
    text = period_report(s, start="2016-01-01", end="2016-12-31")
    for line in ("Inga projekt med en LSG som styrgrupp eller ägare under perioden.", "Inga nya uppdrag under perioden.",
                 "Inga förändringar i strukturen under perioden.", "Ingen finansiering registrerad för perioden."):
        assert line in text
    assert "Uppdragsgivare under perioden" not in text


def test_sources_name_the_documents(autumn):
    sources = section(autumn, "## Källor")
    assert sources.strip().startswith("- Testdokument: ") and "s_ev_merge" in sources


def test_english_report(merger_autumn):
    text = period_report(merger_autumn, start="2016-10-13", end="2016-12-31", lang="en")
    assert text.startswith("# Status report: material for the period 2016-10-13 – 2016-12-31\n")
    assert "- Proposal for a structure (all LSGs) [s_uppdrag_alla," in text
    assert "- LSG Alfa and LSG Beta merge: decided 2016-10-13 – 2016-12-31, takes effect 2017-01-01 [s_ev_merge]" in text
    assert "- Kort – steered by LSG Gamma" in text
    assert "2016: Salary 401, Travel 30; total 431 kSEK" in text


def test_html_escapes_data_text_and_has_no_scripts(tiny):
    s = tiny(
        entities=[{"id": "lsg", "kind": "lsg", "name_sv": "LSG Ett"},
                  {"id": "evil", "kind": "project", "name_sv": "<script>alert(1)</script> & co"}],
        relations=[{"from_id": "lsg", "relation": "steers", "to_id": "evil", "valid_from": "2016-10-13", "valid_to": "2016-12-31"}],
    )
    html_text = period_report(s, start="2016-10-13", end="2016-12-31", fmt="html")
    assert "<script" not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html_text
    assert html_text.startswith('<section class="lsgmap-report">\n<h1>Lägesrapport')


def test_bad_format_and_reversed_period(merger):
    with pytest.raises(InputError, match="md, html or json"):
        period_report(merger, start="2016-10-13", end="2016-12-31", fmt="pdf")
    with pytest.raises(InputError):
        period_report(merger, start="2017-01-01", end="2016-12-31")


def test_cli_report_to_stdout_and_file(capsys, tmp_path: Path, merger_dir, merger):
    assert main(["report", "--from", "2016-10-13", "--to", "2016-12-31", "--data", str(merger_dir)]) == 0
    out = capsys.readouterr().out
    assert out == period_report(merger, start="2016-10-13", end="2016-12-31")
    target = tmp_path / "rapport.html"
    assert main(["report", "--from", "2016-10-13", "--to", "2016-12-31", "--format", "html", "--lang", "en",
                 "--out", str(target), "--data", str(merger_dir)]) == 0
    assert target.read_text(encoding="utf-8").startswith('<section class="lsgmap-report">\n<h1>Status report')


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["report", "--from", "2016-10-13", "--to", "2016-12-32"], "--to: Ogiltigt datum '2016-12-32'"),
        (["report", "--from", "2017-01-01", "--to", "2016-12-31"], "ligger efter slutdatumet"),
        (["report", "--from", "2016-10-13", "--to", "2016-12-31", "--out", "/no/such/dir/r.md"], "mappen /no/such/dir finns inte"),
    ],
)
def test_cli_report_bad_input(capsys, merger_dir, argv, expected):
    assert main(argv + ["--data", str(merger_dir)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


# -- the report follows its period's sources ---------------------------------------------------
def test_only_what_a_source_says_for_the_period_is_under_the_lsgs(reported):
    text = period_report(reported, start="2016-10-13", end="2016-12-31")
    projects = section(text, "## Aktuella insatser/projekt per LSG under perioden")
    # the report names Q (LSG Gamma) and P (LSG Alfa); the application's "LSG Beta steers P" speaks for the spring
    # Kort's own stated dates attest nothing: only the report's Q stands under LSG Gamma
    assert section(projects, "### LSG Gamma").strip().splitlines() == ["- Q – styrs av LSG Gamma [s_rapport]"]
    assert section(projects, "### LSG Alfa").strip() == "- P – styrs av LSG Alfa [s_rapport]"  # only the sources that speak for the period
    assert "### LSG Beta" not in projects
    unattested = section(text, "## Uppgifter utan källa för perioden")
    assert "- LSG Beta styr Projekt P – Pröva (senast belagd 2016-06-30) – Ansökan 2016 (2016 – 2016-06-30) [s_ansokan]" in unattested
    assert "- LSG Gamma styr Projekt P – Pröva (ingen källa talar för något datum) – Testdokument (ingen period angiven)" in unattested
    # in the spring the application speaks: LSG Beta is listed, the report's lines are not
    spring = section(period_report(reported, start="2016-03-01", end="2016-06-30"), "## Aktuella insatser/projekt per LSG under perioden")
    assert "### LSG Beta" in spring and "### LSG Gamma" not in spring


def test_funding_says_what_the_amounts_are(reported):
    text = period_report(reported, start="2016-07-01", end="2016-12-31")
    assert "- SF finansierar Processledare Test (2016-07-01 – 2018-06-30) (planerat, inte belagt) [s_budget]" in text
    assert "  - 2016: Lön 401, Resor 30; summa 431 tkr (enligt ansökan) [s_b1, s_b2]" in text
    english = period_report(reported, start="2016-07-01", end="2016-12-31", lang="en")
    assert "  - 2016: Salary 401, Travel 30; total 431 kSEK (as applied for) [s_b1, s_b2]" in english


def test_mixed_bases_are_said_per_line(tiny, merger_tables):
    tables = reported_tables(merger_tables)
    tables["budget"][0]["basis"], tables["budget"][1]["basis"] = "applied", "outcome"
    text = period_report(tiny(**tables), start="2016-07-01", end="2016-12-31")
    assert "  - 2016: Lön 401 (enligt ansökan), Resor 30 (utfall); summa 431 tkr [s_b1, s_b2]" in text


def test_report_json_has_the_same_content_as_data(reported):
    data = report_data(reported, start="2016-10-13", end="2016-12-31", lang="sv")
    assert list(data) == ["from", "to", "lsgs", "principals", "assignments", "events", "funding", "public", "unattested"]
    assert (data["from"], data["to"]) == ("2016-10-13", "2016-12-31")
    lsgs = {lsg["id"]: lsg for lsg in data["lsgs"]}
    assert sorted(lsgs) == ["lsg_alfa", "lsg_gamma"]
    q = next(p for p in lsgs["lsg_gamma"]["projects"] if p["id"] == "q")
    assert (q["name"], q["relation"], q["attested"], q["sources"]) == ("Projekt Q", "steers", True, ["s_rapport"])
    assert (q["attested_from"], q["attested_to"]) == ("2016-10-13", "2016-12-31")
    assert all(p["attested"] for lsg in data["lsgs"] for p in lsg["projects"])
    beta = next(u for u in data["unattested"] if u["id"] == "lsg_beta.steers.p")
    assert beta["documents"] == [{"id": "ansokan", "title": "Ansökan 2016", "period": "2016/2016-06-30", "period_text": "2016 – 2016-06-30"}]
    assert (beta["note"], beta["attested_to"]) == ("senast belagd 2016-06-30", "2016-06-30")
    listed = {p["relation_id"] for lsg in data["lsgs"] for p in lsg["projects"]}
    assert not listed & {u["id"] for u in data["unattested"]}
    [decision] = [e for e in data["events"] if e["kind"] == "decision"]
    assert decision["id"] == "ev_merge" and decision["consequences"]
    funding = report_data(reported, start="2016-07-01", end="2016-12-31", lang="en")["funding"]
    leader = next(f for f in funding if f["id"] == "sf.funds.ledare")
    [year] = leader["budget"]
    assert (year["year"], year["total_tkr"], year["basis"], year["basis_text"]) == (2016, 431, "applied", "as applied for")
    assert leader["validity"] == "2016-07-01 – 2018-06-30"


def test_cli_report_json(capsys, reported):
    assert main(["report", "--from", "2016-10-13", "--to", "2016-12-31", "--format", "json", "--data", str(reported.path)]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(report_data(reported, start="2016-10-13", end="2016-12-31")))
