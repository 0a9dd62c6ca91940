"""The model: a dataset's facts in memory, what holds on a day, and whether a source speaks for it.

:class:`~lsgmap.model.structure.Structure` owns every index (intervals, adjacency by relation,
names, events in order, attestation windows); ``snapshot(on=…)`` is what holds on a day.
Nothing here reads files (:mod:`lsgmap.dataset` does) or draws (:mod:`lsgmap.draw`).
"""

from lsgmap.model.structure import Snapshot, Structure

__all__ = ["Structure", "Snapshot"]
