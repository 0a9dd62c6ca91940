"""lsgmap: who steers, owns, funds and commissions what in a collaboration structure, over time.

The floors, each importing only from those below it:

- ``errors``, ``i18n``, ``vocab``, ``dates``, ``text``: the ground floor;
- :mod:`lsgmap.model`: the facts in memory, what holds on a day, attestation;
- :mod:`lsgmap.dataset`: a folder read, parsed and checked into a model;
- :mod:`lsgmap.time`: diff, timeline, report; :mod:`lsgmap.ask`: questions;
- :mod:`lsgmap.draw`: views, elements, layout, HTML, images, slides;
- :mod:`lsgmap.exchange`, :mod:`lsgmap.edit`, :mod:`lsgmap.cli`, :mod:`lsgmap.app`: the wings.

>>> import lsgmap
>>> s = lsgmap.load()
>>> "lsg_trosa_gnesta" in s.snapshot(on="2017-03-01").node_ids
True
>>> [line for line in lsgmap.change_lines(s, lsgmap.diff(s, start="2016-12-31", end="2017-01-01"), "en")][0][:40]
'■ LSG Trosa and LSG Gnesta decided (2016'
>>> lsgmap.check(s) == [p for p in lsgmap.check(s) if p.severity != "error"]
True
"""

from lsgmap.dataset import BUNDLED_DATA, check, default_data_path, load
from lsgmap.errors import InputError, LsgmapError, Problem
from lsgmap.model import Snapshot, Structure
from lsgmap.time import change_lines, diff

__all__ = [
    "load", "check", "Structure", "Snapshot", "diff", "change_lines", "BUNDLED_DATA", "default_data_path",
    "LsgmapError", "InputError", "Problem",
]
__version__ = "0.1.0"
