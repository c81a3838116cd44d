"""Per sentence-pair counts kept only where the DP can look: inside the band.

Lexical and dictionary evidence count, for a Chinese sentence ``r`` and an English
sentence ``j``, how many tokens or words they share. The DP only ever asks about pairs a
bead through its band can contain (:func:`align.anchors.reach_ranges`), so each row keeps
a dense run of counts over those English sentences and nothing else: memory linear in
document length, and a bead's sum is a slice instead of a dictionary walk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PairCounts:
    """Counts of zh sentence ``r`` with the en sentences of ``span(r)``.

    The count of ``(r, j)`` is ``values[offsets[r] + j - starts[r]]``; pairs outside a
    row's range count 0.
    """

    starts: np.ndarray
    offsets: np.ndarray  # len(starts) + 1; row r holds offsets[r + 1] - offsets[r] counts
    values: np.ndarray

    @classmethod
    def zeros(cls, starts: np.ndarray, ends: np.ndarray, dtype: type = np.int32) -> PairCounts:
        """All-zero counts over the given ranges, to be filled through :meth:`view` (``dtype``
        must hold the largest count)."""
        starts = np.asarray(starts, dtype=np.int64)
        ends = np.maximum(np.asarray(ends, dtype=np.int64), starts)
        offsets = np.concatenate([[0], np.cumsum(ends - starts)]).astype(np.int64)
        return cls(starts, offsets, np.zeros(int(offsets[-1]), dtype=dtype))

    def span(self, r: int) -> tuple[int, int]:
        """The en sentences ``start .. end - 1`` zh row ``r`` has counts for."""
        start = int(self.starts[r])
        return start, start + int(self.offsets[r + 1] - self.offsets[r])

    def view(self, r: int) -> np.ndarray:
        """Row ``r``'s counts over the en sentences of ``span(r)``, writable (to fill the table)."""
        return self.values[self.offsets[r] : self.offsets[r + 1]]

    def row(self, r: int, lo: int, hi: int) -> np.ndarray:
        """Counts of zh sentence ``r`` with en sentences ``lo..hi-1`` (floats, 0 outside the range)."""
        out = np.zeros(max(hi - lo, 0))
        if r < 0 or r >= len(self.starts):
            return out
        start, end = self.span(r)
        a, b = max(lo, start), min(hi, end)
        if a < b:
            base = int(self.offsets[r]) - start
            out[a - lo : b - lo] = self.values[base + a : base + b]
        return out

    def sums(self, zs: int, ze: int, m: int, ja: int, jb: int) -> np.ndarray:
        """Counts summed over zh ``zs..ze-1`` and en ``j-m..j-1``, for each ``j`` in ``ja..jb``
        (the beads the DP scores in one call)."""
        return window_sums(self._rows(zs, ze, ja - m, jb).sum(axis=0), m)

    def best_sums(self, zs: int, ze: int, m: int, ja: int, jb: int) -> np.ndarray:
        """For each ``j`` in ``ja..jb``: over en ``j-m..j-1``, each en sentence's largest count
        with one zh sentence of ``zs..ze-1``, summed. A count repeated on several zh sentences
        (a name the Chinese repeats where the English says "he") then weighs the same whether
        the bead holds one of them or all."""
        return window_sums(self._rows(zs, ze, ja - m, jb).max(axis=0, initial=0.0), m)

    def _rows(self, zs: int, ze: int, lo: int, hi: int) -> np.ndarray:
        """Rows ``zs..ze-1`` over en ``lo..hi-1``, one under the other."""
        return np.array([self.row(r, lo, hi) for r in range(zs, ze)]).reshape(ze - zs, max(hi - lo, 0))

    def nonzero(self) -> dict[int, dict[int, int]]:
        """The non-zero counts as ``{r: {j: count}}`` (for reading and tests; not for the DP)."""
        out: dict[int, dict[int, int]] = {}
        for r in range(len(self.starts)):
            row = self.values[self.offsets[r] : self.offsets[r + 1]]
            for k in np.flatnonzero(row):
                out.setdefault(r, {})[int(self.starts[r]) + int(k)] = int(row[k])
        return out


def mean_per_sentence(counts: np.ndarray) -> float:
    """Mean count per sentence, at least 1: the unit in which a bead's evidence is measured."""
    return max(float(counts.mean()), 1.0) if len(counts) else 1.0


def window_sums(values: np.ndarray, m: int) -> np.ndarray:
    """Sums of every ``m`` consecutive values."""
    cum = np.concatenate([[0.0], np.cumsum(values)])
    return cum[m:] - cum[:-m]
