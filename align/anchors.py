"""FAISS nearest neighbours: margin denominators, confident 1-1 anchors, and the DP band.

Memory stays linear: FAISS returns only the k best neighbours per sentence, never the full
similarity matrix; the band is two integer arrays (first and last English position allowed
for every Chinese position).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Neighbours:
    """The k nearest sentences on the other side, for every sentence on each side."""

    zh_ids: np.ndarray  # (n_zh, k) en indices, best first
    zh_sims: np.ndarray  # (n_zh, k) cosines
    en_ids: np.ndarray  # (n_en, k)
    en_sims: np.ndarray  # (n_en, k)

    def zh_mean(self) -> np.ndarray:
        """Mean cosine of each zh sentence to its k nearest en sentences (margin denominator)."""
        return self.zh_sims.mean(axis=1) if self.zh_sims.size else np.zeros(len(self.zh_sims))

    def en_mean(self) -> np.ndarray:
        return self.en_sims.mean(axis=1) if self.en_sims.size else np.zeros(len(self.en_sims))


def _search(queries: np.ndarray, base: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    import faiss  # heavy import kept local: `import align` stays cheap

    k = min(k, len(base))
    if k == 0 or len(queries) == 0:
        return np.zeros((len(queries), 0), dtype=np.int64), np.zeros((len(queries), 0), dtype=np.float32)
    index = faiss.IndexFlatIP(base.shape[1])
    index.add(np.ascontiguousarray(base, dtype=np.float32))
    sims, ids = index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
    return ids, sims


def neighbours(zh: np.ndarray, en: np.ndarray, k: int) -> Neighbours:
    """Top-k neighbours in both directions (inner product = cosine on unit vectors)."""
    zh_ids, zh_sims = _search(zh, en, k)
    en_ids, en_sims = _search(en, zh, k)
    return Neighbours(zh_ids, zh_sims, en_ids, en_sims)


def find_anchors(nb: Neighbours, min_margin: float) -> list[tuple[int, int]]:
    """Mutual best neighbours whose ratio margin exceeds ``min_margin``, in one monotone chain.

    The chain is the heaviest increasing subsequence (weight = margin), so an anchor that
    would force a crossing is dropped rather than trusted.
    """
    if nb.zh_ids.shape[1] == 0:
        return []
    zh_mean, en_mean = nb.zh_mean(), nb.en_mean()
    cands: list[tuple[int, int, float]] = []
    for i in range(len(nb.zh_ids)):
        j = int(nb.zh_ids[i, 0])
        if int(nb.en_ids[j, 0]) != i:
            continue
        margin = float(nb.zh_sims[i, 0]) / max(1e-6, 0.5 * (zh_mean[i] + en_mean[j]))
        if margin >= min_margin:
            cands.append((i, j, margin))
    return _heaviest_chain(cands)


def _heaviest_chain(cands: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Heaviest subsequence strictly increasing in both coordinates (cands sorted by i)."""
    if not cands:
        return []
    # Each candidate looks back at most 200 candidates for its predecessor: O(c) overall, and
    # a chain cannot usefully jump further (the band follows the chain between anchors).
    best: list[float] = []
    prev: list[int] = []
    for a, (_, j, w) in enumerate(cands):
        top, arg = 0.0, -1
        for b in range(a - 1, max(-1, a - 200), -1):
            if cands[b][1] < j and cands[b][0] < cands[a][0] and best[b] > top:
                top, arg = best[b], b
        best.append(top + w)
        prev.append(arg)
    a = int(np.argmax(best))
    chain = []
    while a >= 0:
        chain.append((cands[a][0], cands[a][1]))
        a = prev[a]
    return chain[::-1]


def band(
    anchors: list[tuple[int, int]], n_zh: int, n_en: int, width: int, drift: float, cap: int = 10**9
) -> tuple[np.ndarray, np.ndarray]:
    """First and last allowed en position for every DP row ``0..n_zh``.

    The centre line runs through (0, 0), every anchor's corner, and (n_zh, n_en). The
    half-width is ``width`` at anchors and grows by ``drift`` per row of distance from the
    nearest anchor, so long stretches without anchors can absorb omissions, up to ``cap``
    (which bounds memory and time when a long document has no anchors at all).
    """
    points = [(0.0, 0.0)] + [(i + 0.5, j + 0.5) for i, j in anchors] + [(float(n_zh), float(n_en))]
    xs = [p[0] for p in points]
    rows = np.arange(n_zh + 1, dtype=np.float64)
    centre = np.interp(rows, xs, [p[1] for p in points])
    anchor_rows = np.array([p[0] for p in points])
    pos = np.searchsorted(anchor_rows, rows)
    left = anchor_rows[np.clip(pos - 1, 0, len(anchor_rows) - 1)]
    right = anchor_rows[np.clip(pos, 0, len(anchor_rows) - 1)]
    dist = np.minimum(np.abs(rows - left), np.abs(right - rows))
    half = np.minimum(width + drift * dist, max(cap, width))
    lo = np.clip(np.floor(centre - half), 0, n_en).astype(np.int64)
    hi = np.clip(np.ceil(centre + half), 0, n_en).astype(np.int64)
    lo = np.minimum.accumulate(lo[::-1])[::-1]  # non-decreasing, and never above a later row
    hi = np.maximum.accumulate(hi)
    lo[0], hi[-1] = 0, n_en
    # consecutive rows must overlap so that a path always exists
    for i in range(1, n_zh + 1):
        if lo[i] > hi[i - 1]:
            lo[i] = hi[i - 1]
    return lo, hi


def reach_ranges(lo: np.ndarray, hi: np.ndarray, reach: int, n_en: int) -> tuple[np.ndarray, np.ndarray]:
    """For each zh sentence, the en sentences ``a..b-1`` that a bead through its DP rows can
    contain (``lo``/``hi``: the band; ``reach``: the largest bead). Both are non-decreasing."""
    n_zh = len(lo) - 1
    rows = np.arange(n_zh)
    a = np.maximum(lo[np.maximum(rows - reach, 0)] - reach, 0)
    b = np.minimum(hi[np.minimum(rows + reach + 1, n_zh)] + reach, n_en)
    return a.astype(np.int64), np.maximum(b, a).astype(np.int64)
