"""Proposals beside the data, never in it: a scenario applied, its consequences, compared and adopted.

- :mod:`.store` keeps ``scenarios/<id>/`` (create, list, add an operation, delete);
- :mod:`.apply` gives the real structure plus the proposal (:func:`apply`);
- :mod:`.consequences` says what it does to responsibilities on its date;
- :mod:`.compare` is the real-vs-proposal diff and the two map views;
- :mod:`.adopt` turns a decided proposal into a real, logged, sourced change.

>>> from lsgmap.dataset.load import load
>>> real = load()
>>> list_scenarios(real.path)
[]
"""

from lsgmap.dataset.scenarios import Operation, Scenario
from lsgmap.scenario.apply import apply, proposal_note, scenario_change
from lsgmap.scenario.consequences import Consequence, consequences
from lsgmap.scenario.store import ScenarioError, add_operation, delete_scenario, get_scenario, list_scenarios, new_scenario

__all__ = ["Scenario", "Operation", "apply", "proposal_note", "scenario_change", "Consequence", "consequences", "ScenarioError", "add_operation",
           "delete_scenario", "get_scenario", "list_scenarios", "new_scenario"]
