"""Two questions in one (blind sets 19–20: "who pays … and who gives her assignments", "hur ofta …, och till vem?"):
each part answered, each part's answer in a line first."""

from __future__ import annotations

import ask_kit

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_who_pays_and_who_assigns_answers_both(s):
    answer = ask(s, "who pays for the proccess leader and who gives her assignments?")
    head = answer.text().splitlines()[:3]
    assert head[0] == "The question has 2 parts:"
    assert "RAR" in head[1] and head[1].startswith("  1. who pays for the proccess leader: ")
    assert head[2].startswith("  2. who gives proccess leader assignments?: ") and "LSG Nyköping-Oxelösund" in head[2]
    data = answer.to_json()
    assert [a["question"] for a in data["also"]] == ["who gives proccess leader assignments?"]
    assert {"rar", "lsg_gnesta"} <= answer.highlight()[0]


def test_a_short_second_part_borrows_the_rest_of_the_first(s):
    lines = ask(s, "Hur ofta skrivs lägesrapporterna, och till vem?").text().splitlines()
    assert "halvårsvis" in lines[1]
    assert lines[2].startswith("  2. till vem skrivs lägesrapporterna?: ") and "rapporterar till" in lines[2]


def test_a_pronoun_in_the_second_part_is_the_first_parts_name(s):
    lines = ask(s, "Vad går Innovation 100 dagar ut på, och vem finansierar det?").text().splitlines()
    assert lines[2].startswith("  2. vem finansierar innovation 100 dagar?: Ingen som finansierar Innovation 100 dagar finns i källorna.")


def test_two_names_joined_by_and_are_one_question(s):
    assert not ask(s, "Vem styr TRIS och TUNA?").also
    assert not ask(s, "Vem tar fram aktivitetsplanerna och hur ofta?").also  # one passage answers both: asked once
