"""Adopting a decided proposal: its operations as a real change that names its sources (the decision), saved like any edit.

The change is made by the same functions as the applied proposal
(:func:`lsgmap.scenario.apply.scenario_change`), on the real dataset and
with the sources given: no ``proposal`` attribute, no proposal document.
Saving it (:meth:`lsgmap.edit.Dataset.save`) checks it, writes it atomically
and logs it; without a source it is refused.

>>> from lsgmap.dataset.load import BUNDLED_DATA
>>> from lsgmap.dataset.scenarios import Operation, Scenario
>>> from lsgmap.edit import Dataset
>>> one = Scenario("ett", "Ett LSG", "2019-01-01", operations=(Operation(1, "end", ("lsg_nykoping_oxelosund",)),))
>>> adoption(Dataset(BUNDLED_DATA), one, sources=[])
Traceback (most recent call last):
...
lsgmap.edit.change.EditRefused: events.csv: the change to "ett" names no source — choose at least one source (a quote from a document), or first add the document and the quote
>>> [rc.after["valid_to"] for rc in adoption(Dataset(BUNDLED_DATA), one, sources=["ls_uppdragsgivare"]).rows]
['2018-12-31']
"""

from __future__ import annotations

from lsgmap.dataset.scenarios import Scenario
from lsgmap.edit.change import Change
from lsgmap.edit.dataset import Dataset
from lsgmap.edit.operations import need_sources
from lsgmap.scenario.apply import scenario_change

__all__ = ["adoption"]


def adoption(ds: Dataset, scenario: Scenario, *, sources: list[str]) -> Change:
    """The real change that adopting ``scenario`` would save on ``ds``; :class:`EditRefused` without a source or when an operation cannot be made."""
    sources = need_sources("events", scenario.id, sources)
    return scenario_change(ds, scenario, sources=sources)
