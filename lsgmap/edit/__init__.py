"""Changing a dataset with sources, validated, atomically, logged, and with nothing lost.

The app's Redigera page and the ``lsgmap import`` command both use this:

- :class:`Dataset` opens a folder; :meth:`Dataset.save` writes a :class:`Change`;
- :mod:`.operations` builds changes (add, change, end rows; documents and quotes);
- :mod:`.events` records mergers, splits, renames, foundings and dissolutions;
- :mod:`.importing` reads a workbook or CSV back as a change;
- :mod:`.journal` replaces several files together, under a lock.
"""

from lsgmap.edit.change import Change, EditRefused, RowChange, RowConflict, StaleEdit
from lsgmap.edit.dataset import LOG_TABLE, Dataset, Saved

__all__ = ["Change", "Dataset", "EditRefused", "LOG_TABLE", "RowChange", "RowConflict", "Saved", "StaleEdit"]
