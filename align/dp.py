"""Banded dynamic programming over bead types, and its traceback.

The DP maximises the total bead score. Row ``i`` (Chinese sentences consumed) only keeps
English positions ``lo[i]..hi[i]``, so time and memory are linear in document length for
a fixed band. Bead types are data: every (n, m) with n, m ≥ 1 and n + m ≤ ``max_bead``,
plus the unaligned (1, 0) and (0, 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

# score_fn(i, n, m, j_lo, j_hi) -> scores of the beads ending at (i, j) for j in j_lo..j_hi,
# joining Chinese sentences i-n..i-1 with English sentences j-m..j-1.
ScoreFn = Callable[[int, int, int, int, int], np.ndarray]

NEG = -1e18


@dataclass(frozen=True)
class Step:
    """One bead of the best path: sentences ``zh_start..zh_end-1`` with ``en_start..en_end-1``."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    score: float

    @property
    def span(self) -> Span:
        return self.zh_start, self.zh_end, self.en_start, self.en_end

    @property
    def sizes(self) -> tuple[int, int]:
        """Chinese and English sentences in the bead."""
        return self.zh_end - self.zh_start, self.en_end - self.en_start


Span = tuple[int, int, int, int]  # zh_start, zh_end, en_start, en_end of one bead
# span_score(zh_start, zh_end, en_start, en_end): the DP score of that one bead, None if the
# DP could not have chosen it (too large for max_bead, or an empty side)
SpanScore = Callable[[int, int, int, int], "float | None"]


@dataclass(frozen=True)
class Change:
    """An edit of a path after the DP: replace ``steps[first..last]`` by ``new``, gaining ``gain``."""

    first: int
    last: int
    new: tuple[Step, ...]
    gain: float


def apply_changes(steps: Sequence[Step], changes: Sequence[Change]) -> list[Step]:
    """``steps`` with ``changes`` made, the larger gain first where they overlap."""
    taken = [False] * len(steps)
    chosen: dict[int, Change] = {}
    for change in sorted(changes, key=lambda c: (-c.gain, c.first)):
        if not any(taken[change.first : change.last + 1]):
            taken[change.first : change.last + 1] = [True] * (change.last - change.first + 1)
            chosen[change.first] = change
    out: list[Step] = []
    k = 0
    while k < len(steps):
        if k in chosen:
            out.extend(chosen[k].new)
            k = chosen[k].last + 1
        else:
            out.append(steps[k])
            k += 1
    return out


def bead_types(max_bead: int) -> list[tuple[int, int]]:
    """All (n, m), n, m ≥ 1, n + m ≤ max_bead, cheapest first, then the (1, 0) deletion."""
    types = [(n, s - n) for s in range(2, max_bead + 1) for n in range(1, s)]
    return types + [(1, 0)]


def bead_ends(lo: np.ndarray, hi: np.ndarray, i: int, n: int, m: int) -> tuple[int, int] | None:
    """English end positions ``ja..jb`` of (n, m) beads ending in row ``i`` that start and
    end inside the band (end ``j`` in row ``i``, start ``j - m`` in row ``i - n``); None if none."""
    ja, jb = max(int(lo[i]), int(lo[i - n]) + m), min(int(hi[i]), int(hi[i - n]) + m)
    return (ja, jb) if ja <= jb else None


def best_path(
    n_zh: int,
    n_en: int,
    lo: np.ndarray,
    hi: np.ndarray,
    types: list[tuple[int, int]],
    score_fn: ScoreFn,
    skip_zh: float,
    skip_en: float,
) -> list[Step]:
    """Highest-scoring monotone path from (0, 0) to (n_zh, n_en) inside the band.

    ``types`` must not contain (0, 1): English-only beads are handled by a max-plus scan
    within each row (``skip_en`` per sentence), which keeps them O(width) per row.
    Ties go to the earlier type in ``types`` so the result is deterministic.
    """
    width = [int(hi[i] - lo[i] + 1) for i in range(n_zh + 1)]
    rows: list[np.ndarray] = []
    backs: list[np.ndarray] = []
    gain: list[np.ndarray] = []  # score of the bead chosen at each cell (for reporting)
    ins = len(types)  # back-pointer code for an English-only (0, 1) bead
    for i in range(n_zh + 1):
        a = int(lo[i])
        row = np.full(width[i], NEG)
        back = np.full(width[i], -1, dtype=np.int16)
        got = np.zeros(width[i])
        if i == 0:
            row[0 - a] = 0.0 if a == 0 else NEG
        for t, (n, m) in enumerate(types):
            if i - n < 0:
                continue
            reach = bead_ends(lo, hi, i, n, m)
            if reach is None:
                continue
            ja, jb = reach
            pa = int(lo[i - n])
            prev = rows[i - n][ja - m - pa : jb - m - pa + 1]
            if m == 0:
                s = np.full(jb - ja + 1, skip_zh)
            else:
                s = score_fn(i, n, m, ja, jb)
            cand = prev + s
            seg = slice(ja - a, jb - a + 1)
            better = cand > row[seg]
            row[seg] = np.where(better, cand, row[seg])
            back[seg] = np.where(better, t, back[seg])
            got[seg] = np.where(better, s, got[seg])
        # English-only beads: row[j] = max(row[j], row[j-1] + skip_en), as a prefix max
        offs = np.arange(width[i]) * skip_en
        scanned = np.maximum.accumulate(row - offs) + offs
        moved = scanned > row + 1e-9
        back[moved] = ins
        got[moved] = skip_en
        row = np.where(moved, scanned, row)
        rows.append(row)
        backs.append(back)
        gain.append(got)
    return _trace(n_zh, n_en, lo, types, backs, gain)


def _trace(n_zh: int, n_en: int, lo: np.ndarray, types: list[tuple[int, int]], backs: list[np.ndarray], gain: list[np.ndarray]) -> list[Step]:
    steps: list[Step] = []
    i, j = n_zh, n_en
    while i > 0 or j > 0:
        k = j - int(lo[i])
        code = int(backs[i][k])
        if code < 0:
            raise RuntimeError(f"DP traceback left the band at ({i}, {j})")  # a bug, not user error
        n, m = (0, 1) if code == len(types) else types[code]
        steps.append(Step(i - n, i, j - m, j, float(gain[i][k])))
        i, j = i - n, j - m
    return steps[::-1]
