"""Recorded attributes, owner-or-steering questions and listed activities, as a reader of the seed documents asks them.

Each expectation comes from the seed documents: the application calls the post "en heltidstjänst" and asks it to
report "halvårsvis" to RAR; RAR's page gives ESF's share of IBIS; the application calls LSG Nyköping and LSG
Oxelösund "projektägare/styrgrupp"; the status report lists what the process leader attended.
"""

from __future__ import annotations

from lsgmap.ask.answer import ask


def _lines(answer, lang=None) -> list[str]:
    return answer.text(lang).splitlines()


def test_a_yes_no_question_about_a_recorded_attribute_says_yes_or_no_first(sormland):
    assert _lines(ask(sormland, "Är processledartjänsten en heltidstjänst?"))[1] == "Ja."
    assert _lines(ask(sormland, "är tjänsten en deltidstjänst?"))[1] == "Nej."  # the opposite of what is recorded
    english = ask(sormland, "Is the process leader post part-time?")
    assert english.lang == "en" and _lines(english)[1] == "No."
    assert "full-time post: yes" in english.text()


def test_how_often_is_the_attribute_of_the_relation_between_the_names(sormland):
    a = ask(sormland, "Hur ofta ska processledaren rapportera till RAR?")
    assert a.interpretation.intent == "attribute"
    assert "rapporterar till RAR: hur ofta: halvårsvis" in _lines(a)[1]
    assert "every half year" in ask(sormland, "How often does the process leader report to RAR?").text()
    assert "67 %" in _lines(ask(sormland, "Hur stor andel av IBIS finansieras av ESF?"))[1]


def test_a_question_without_an_attribute_word_is_not_an_attribute_question(sormland):
    assert ask(sormland, "Rapporterar processledaren till RAR?").interpretation.intent != "attribute"
    assert ask(sormland, "Vem finansierar IBIS?").interpretation.intent != "attribute"


def test_owner_or_steering_group_asked_together_lists_both(sormland):
    for question in ("Vilka projekt är LSG Oxelösund projektägare eller styrgrupp för?", "Which projects does LSG Oxelösund own or steer?",
                     "which projects is LSG Oxelösund owner or steering group for according to the application?"):
        a = ask(sormland, question)
        assert {"tris", "tuna_nykoping_oxelosund", "ibis"} <= {x.id for x in a.answers}, question
        assert "ips_slussen" not in {x.id for x in a.answers}, question  # IPS-Slussen is Nyköping's alone
        assert "given by it alone" not in a.text("en")  # "own" is a verb here, not "its own"


def test_the_answer_comes_in_one_line_before_the_open_points(sormland):
    lines = _lines(ask(sormland, "Vilka projekt är LSG Nyköping projektägare eller styrgrupp för?"))
    summary = next(i for i, line in enumerate(lines) if line.startswith("Svar ("))
    assert summary < next(i for i, line in enumerate(lines) if line.startswith("Källorna säger olika"))
    assert "IPS-Slussen" in lines[summary] and "TRIS" in lines[summary]


def test_a_yes_no_question_about_a_listed_activity_says_yes_with_the_item(sormland):
    a = ask(sormland, "deltog processledaren i ett utlysningsmöte för ESF?")
    assert _lines(a)[1] == "Ja, enligt Lägesrapport avseende Processledare LSG södra Sörmland: «Utlysningssmöte för ESF»"
    english = ask(sormland, "did the process leader go to a workshop on Hälsoskolan?")
    assert _lines(english)[1].startswith("Yes, according to") and "Workshop avseende Hälsoskolan" in _lines(english)[1]
    unlisted = ask(sormland, "deltog processledaren i en workshop om TUNA?")
    assert not _lines(unlisted)[1].startswith("Ja")  # one shared word is not the item


def test_a_common_word_in_a_long_name_does_not_name_it(sormland):
    a = ask(sormland, "Which trainings and meetings did the process leader attend during the report period?")
    assert "tuna" not in a.interpretation.entities and a.lang == "en"
    assert any("Grundutbildning i TRIS" in p.text for p in a.passages)
