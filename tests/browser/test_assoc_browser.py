"""A national dataset in a real browser at 1366×768: the association chosen stays chosen when the menu changes page."""

from __future__ import annotations

import sys

import pytest

from .browser_kit import ROOT, map_frame, screenshot, settled_on


@pytest.fixture(scope="module")
def small_national(tmp_path_factory):
    """A small synthetic dataset of several associations (bench/synthetic.py --small)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import SMALL, generate

    return generate(tmp_path_factory.mktemp("small-national") / "data", seed=0, **SMALL)


def test_the_chosen_association_survives_a_move_through_the_menu(browser, start_app, small_national):
    from lsgmap.dataset.load import load
    from lsgmap.model.scope import associations

    chosen = associations(load(small_national))[1]
    url = start_app(small_national).url
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    page = context.new_page()
    page.goto(url + f"/karta?assoc={chosen}", wait_until="domcontentloaded")
    map_frame(page)
    settled_on(page, "karta", f"assoc={chosen}")
    for name, path in (("Jämför", "jamfor"), ("Fråga", "fraga"), ("Karta", "karta")):
        page.get_by_role("link", name=name, exact=True).first.click()
        settled_on(page, path, f"assoc={chosen}")
        page.wait_for_timeout(1000)
        assert page.locator(".st-key-scope_table").count() == 0  # not the overview to choose an association from
        if path == "jamfor":
            map_frame(page)  # the chosen association's maps, not the overview to choose from
            screenshot(page, "jamfor-after-menu-national-1366x768")
    context.close()
