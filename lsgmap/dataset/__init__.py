"""A dataset folder: its schema (``datapackage.json``), its tables read and parsed, its checks.

:func:`~lsgmap.dataset.load.load` reads a folder into a :class:`~lsgmap.model.structure.Structure`
(finishing a save cut off by a crash first, :mod:`lsgmap.dataset.journal`);
:func:`~lsgmap.dataset.checks.check` lists what is wrong with it, FILE:LINE.
"""

from lsgmap.dataset.checks import check
from lsgmap.dataset.load import BUNDLED_DATA, default_data_path, load

__all__ = ["load", "check", "BUNDLED_DATA", "default_data_path"]
