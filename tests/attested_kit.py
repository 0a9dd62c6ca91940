"""A tiny dataset where a status report speaks for one period (attested vs valid), for the output tests.

:func:`reported_tables` takes the rows of conftest's MERGER and adds a
document "rapport" speaking for 2016-10-13 – 2016-12-31 and an application
"ansokan" speaking for the first half of 2016:

* "LSG Gamma steers Q" cites only the report: valid 2016-03-01 – 2018-12-31
  (Q's life), attested only in the report's period;
* "LSG Alfa steers P" cites the report and ends with LSG Alfa (the merger);
* "LSG Beta steers P" cites only the application: valid until the merger,
  never attested in the autumn of 2016;
* "SF funds the process leader" (with its budget lines) cites the application's
  budget, a plan: planned from 2016-07-01, never attested.
"""

from __future__ import annotations

from typing import Any

REPORT = {"id": "rapport", "title": "Lägesrapport hösten 2016", "kind": "seed", "period": "2016-10-13/2016-12-31"}
APPLICATION = {"id": "ansokan", "title": "Ansökan 2016", "kind": "seed", "period": "2016/2016-06-30"}

CITED = {
    "lsg_gamma steers q": ["s_rapport"],
    "lsg_alfa steers p": ["s_lsg_alfa.steers.p", "s_rapport"],
    "lsg_beta steers p": ["s_ansokan"],
}


def reported_tables(tables: dict[str, Any]) -> dict[str, Any]:
    """``tables`` (a copy of MERGER's rows) with the report and the application cited as in the module docstring."""
    tables["documents"] = [REPORT, APPLICATION]
    tables["sources"] = [
        {"id": "s_rapport", "document": "rapport", "quote": "P (LSG Alfa), Q (LSG Gamma)"},
        {"id": "s_ansokan", "document": "ansokan", "quote": "P: styrgrupp LSG Beta"},
        {"id": "s_lsg_alfa.steers.p", "document": "doc", "quote": "P styrs av LSG Alfa"},
        {"id": "s_budget", "document": "ansokan", "quote": "Budget 2016-07-01 – 2018-06-30", "kind": "plan"},
    ]
    tables["relations"] = [
        {**dict(zip(("from_id", "relation", "to_id"), r.split(), strict=True)), "sources": CITED[r]}
        if isinstance(r, str) and r in CITED else {**r, "sources": ["s_budget"]} if isinstance(r, dict) and r.get("id") == "sf.funds.ledare" else r
        for r in tables["relations"]
    ]
    return tables
