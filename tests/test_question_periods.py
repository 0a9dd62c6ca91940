"""Periods as people say them in a question: seasons, half years, quarters, the start/middle/end of a year."""

from __future__ import annotations

import pytest

from lsgmap.ask.answer import ask
from lsgmap.ask.dates import find_date

PERIODS = [
    ("Vem styrde TUNA hösten 2016?", "2016-09-01", "2016-11-30", "hösten 2016"),
    ("vem styrde tuna hosten 2016", "2016-09-01", "2016-11-30", "hosten 2016"),
    ("Vem styr TRIS våren 2017?", "2017-03-01", "2017-05-31", "våren 2017"),
    ("Vem styr TRIS under sommaren 2016?", "2016-06-01", "2016-08-31", "under sommaren 2016"),
    ("Vem styr TRIS vintern 2016?", "2016-12-01", "2017-02-28", "vintern 2016"),
    ("Who steers TRIS in autumn 2016?", "2016-09-01", "2016-11-30", "in autumn 2016"),
    ("Who steers TRIS in the fall of 2016?", "2016-09-01", "2016-11-30", "in the fall of 2016"),
    ("Vad styrde LSG Nyköping första halvåret 2016?", "2016-01-01", "2016-06-30", "första halvåret 2016"),
    ("Vad styrde LSG Nyköping under andra halvåret 2017?", "2017-07-01", "2017-12-31", "under andra halvåret 2017"),
    ("What did LSG Nyköping steer in the second half of 2016?", "2016-07-01", "2016-12-31", "in the second half of 2016"),
    ("Vem styrde IBIS tredje kvartalet 2016?", "2016-07-01", "2016-09-30", "tredje kvartalet 2016"),
    ("Who steered IBIS in Q4 2016?", "2016-10-01", "2016-12-31", "in Q4 2016"),
    ("Who steered IBIS in the first quarter of 2017?", "2017-01-01", "2017-03-31", "in the first quarter of 2017"),
    ("Vem styr TRIS i början av 2017?", "2017-01-01", "2017-04-30", "i början av 2017"),
    ("Vem styr TRIS i mitten av 2017?", "2017-05-01", "2017-08-31", "i mitten av 2017"),
    ("Vem styrde TRIS i slutet av 2016?", "2016-09-01", "2016-12-31", "i slutet av 2016"),
    ("Who steered TRIS in late 2016?", "2016-09-01", "2016-12-31", "in late 2016"),
]


@pytest.mark.parametrize(("question", "first", "last", "phrase"), PERIODS)
def test_a_period_in_a_question_is_its_whole_span(question, first, last, phrase):
    found = find_date(question)
    assert (found.first.isoformat(), found.last.isoformat(), found.text) == (first, last, phrase)


@pytest.mark.parametrize("question", ["Vem styr TRIS i december 2016?", "Vem styr TRIS 2017?", "Vem styr TRIS den 1 mars 2017?"])
def test_months_years_and_days_are_read_as_before(question):
    assert find_date(question).precision in {"month", "year", "day"}


def test_the_interpretation_states_the_span_and_the_answer_follows_it(sormland):
    autumn = ask(sormland, "Vem styrde IBIS hösten 2016?")
    assert "2016-09-01 – 2016-11-30" in autumn.interpretation.text()
    assert 'datum ur frågan: "hösten 2016"' in autumn.interpretation.text()
    # the status report speaks for 13 October – 31 December 2016: inside the autumn, so LSG Oxelösund is attested
    attested = {a.id for a in autumn.answers if a.attested}
    assert "lsg_oxelosund" in attested
    spring = ask(sormland, "Vem styrde IBIS våren 2017?")
    assert not [a.id for a in spring.answers if a.attested and a.id.startswith("lsg_")]
