"""An index of inclusive day intervals that answers "which ids hold on this day" fast.

The ids are sorted by first day. Those with an open end hold on every day from
their first day on, so on a given day they are a prefix of that order: a tuple
slice. The others are a prefix too, filtered by their last day with one numpy
comparison.

Examples
--------
>>> index = IntervalIndex(["a", "b", "c"], starts=[1, 5, 3], ends=[10, OPEN_END, 4])
>>> index.valid_on(4)
('a', 'c')
>>> index.valid_on(6), index.valid_on(0)
(('b', 'a'), ())
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lsgmap.dates import OPEN_END

__all__ = ["IntervalIndex", "WindowMask"]


class IntervalIndex:
    """Ids with inclusive ``[start, end]`` day intervals; :meth:`valid_on` gives a tuple of ids."""

    def __init__(self, ids: Sequence[str], *, starts: Sequence[int], ends: Sequence[int]):
        start = np.asarray(starts, dtype=np.int64)
        end = np.asarray(ends, dtype=np.int64)
        ident = np.array(list(ids), dtype=object)
        order = np.argsort(start, kind="stable")
        start, end, ident = start[order], end[order], ident[order]
        open_end = end >= OPEN_END
        self._open_start = start[open_end]
        self._open_ids: tuple[str, ...] = tuple(ident[open_end].tolist())
        self._closed_start = start[~open_end]
        self._closed_end = end[~open_end]
        self._closed_ids = ident[~open_end]

    def __len__(self) -> int:
        return len(self._open_ids) + len(self._closed_ids)

    def count_on(self, day: int) -> int:
        """How many ids hold on ``day`` (``len(valid_on(day))`` without making the tuple).

        >>> IntervalIndex(["a", "b", "c"], starts=[1, 5, 3], ends=[10, OPEN_END, 4]).count_on(4)
        2
        """
        n_open = int(self._open_start.searchsorted(day, side="right"))
        n_closed = int(self._closed_start.searchsorted(day, side="right"))
        return n_open + int(np.count_nonzero(self._closed_end[:n_closed] >= day))

    def valid_on(self, day: int) -> tuple[str, ...]:
        """The ids whose interval holds ``day``: open-ended ones first, each part by first day."""
        n_open = int(self._open_start.searchsorted(day, side="right"))
        n_closed = int(self._closed_start.searchsorted(day, side="right"))
        still = self._closed_end[:n_closed] >= day
        return self._open_ids[:n_open] + tuple(self._closed_ids[:n_closed][still].tolist())


class WindowMask:
    """Day windows of facts numbered ``0 … size-1`` (a fact may have several, disjoint); :meth:`on` marks who holds a day.

    The answer is a boolean array parallel to the facts, so that sets of facts combine with ``&`` and ``~``
    (what :func:`lsgmap.time.diff.diff` does with the days a source speaks for).

    >>> w = WindowMask(3, positions=[0, 2, 2], starts=[1, 1, 8], ends=[5, 2, 9])
    >>> w.on(8).tolist(), w.on(2).tolist(), w.count_on(2)
    ([False, False, True], [True, False, True], 2)
    """

    def __init__(self, size: int, *, positions: Sequence[int], starts: Sequence[int], ends: Sequence[int]):
        self._size = size
        start = np.asarray(starts, dtype=np.int64)
        order = np.argsort(start, kind="stable")  # by first day: the windows begun by a day are a prefix
        self._starts = start[order]
        self._ends = np.asarray(ends, dtype=np.int64)[order]
        self._positions = np.asarray(positions, dtype=np.int64)[order]

    def _holding(self, day: int) -> np.ndarray:
        begun = int(self._starts.searchsorted(day, side="right"))
        return self._positions[:begun][self._ends[:begun] >= day]

    def positions_on(self, day: int) -> np.ndarray:
        """The numbers of the facts with a window holding ``day``, as an integer array (in no set order).

        >>> sorted(WindowMask(3, positions=[0, 2, 2], starts=[1, 1, 8], ends=[5, 2, 9]).positions_on(2).tolist())
        [0, 2]
        """
        return self._holding(day)

    def on(self, day: int) -> np.ndarray:
        """A boolean array of ``size``: True for the facts with a window holding ``day``."""
        mask = np.zeros(self._size, dtype=bool)
        mask[self._holding(day)] = True
        return mask

    def count_on(self, day: int) -> int:
        """How many facts hold ``day`` (their windows are disjoint: one window each at most)."""
        return len(self._holding(day))
