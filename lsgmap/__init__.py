"""lsgmap: who steers, owns, funds and commissions what in a collaboration structure, over time.

>>> import lsgmap
>>> s = lsgmap.load()
>>> "lsg_trosa_gnesta" in s.snapshot(on="2017-03-01").node_ids
True
"""

from lsgmap.dataset.load import BUNDLED_DATA, default_data_path, load
from lsgmap.errors import InputError, LsgmapError, Problem
from lsgmap.model.structure import Snapshot, Structure

__all__ = ["load", "Structure", "Snapshot", "BUNDLED_DATA", "default_data_path", "LsgmapError", "InputError", "Problem"]
__version__ = "0.1.0"
