"""lsgmap: who steers, owns, funds and commissions what in a collaboration structure, over time.

>>> import lsgmap
>>> s = lsgmap.load()
>>> "lsg_trosa_gnesta" in s.snapshot(on="2017-03-01").node_ids
True
"""

from .errors import InputError, LsgmapError, Problem
from .model import BUNDLED_DATA, Snapshot, Structure, default_data_path, load

__all__ = ["load", "Structure", "Snapshot", "BUNDLED_DATA", "default_data_path", "LsgmapError", "InputError", "Problem"]
__version__ = "0.1.0"
