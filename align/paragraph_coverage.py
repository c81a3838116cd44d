"""Sentence coverage of paragraph beads: does every paragraph of a bead have a translation in it?

On pooled paragraph vectors a dropped paragraph on the same topic as its neighbour hardly
moves the mean, so "one Chinese paragraph ↔ the English paragraph plus the next one,
which has no counterpart" scores almost like the true 1-1 link. Sentence by sentence the
difference is plain: the sentences of a true member find their translations in the other
side of the bead (cosines at the document's translation level), those of a dropped
paragraph find nothing better than unrelated text. The same holds for a 1-1 link between
two paragraphs that were each dropped from the other side.

Coverage of a member paragraph by a span on the other side is the mean, over the member's
sentences, of each sentence's best cosine among the span's sentences, rescaled so that the
document pair's mean cosine of all sentence pairs is 0 and its mean best match is 1.
Only windows of paragraphs the banded DP can reach are compared: memory and time stay
linear in document length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from align.pairing_scores import centred, mean_cosine


@dataclass(frozen=True)
class Coverage:
    """Best cosines between the sentences of each Chinese paragraph and a window of English ones."""

    z_first: np.ndarray  # (n + 1,) index of each Chinese paragraph's first sentence
    e_first: np.ndarray  # (m + 1,)
    z_best: tuple[tuple[int, np.ndarray], ...]  # per zh paragraph: (first en paragraph of its window,
    #   (its sentences, window paragraphs) best cosine of each sentence within each en paragraph)
    e_best: tuple[tuple[int, np.ndarray], ...]  # per zh paragraph: (first en sentence of its window,
    #   (window sentences,) best cosine of each en sentence among the zh paragraph's sentences)
    low: float  # mean cosine of all sentence pairs: "unrelated"
    scale: float  # mean best match minus ``low``: "translation"

    @classmethod
    def build(
        cls, zh: Sequence[np.ndarray], en: Sequence[np.ndarray], windows: Sequence[tuple[int, int]], min_contrast: float
    ) -> Coverage:
        """``zh``/``en``: unit sentence vectors per paragraph; ``windows``: en paragraph range per zh paragraph."""
        zh, en = _centred(zh), _centred(en)
        z_first = np.concatenate([[0], np.cumsum([len(v) for v in zh])]).astype(np.int64)
        e_first = np.concatenate([[0], np.cumsum([len(v) for v in en])]).astype(np.int64)
        e_all = np.concatenate(en).astype(np.float32)
        z_best, e_best = [], []
        z_top = np.full(int(z_first[-1]), -1.0)
        e_top = np.full(int(e_first[-1]), -1.0)
        for k, (w0, w1) in enumerate(windows):
            u0, u1 = int(e_first[w0]), int(e_first[w1])
            sims = zh[k].astype(np.float32) @ e_all[u0:u1].T
            z_best.append((w0, np.maximum.reduceat(sims, e_first[w0:w1] - u0, axis=1)))
            e_best.append((u0, sims.max(axis=0)))
            z_top[z_first[k] : z_first[k + 1]] = sims.max(axis=1)
            np.maximum(e_top[u0:u1], e_best[-1][1], out=e_top[u0:u1])
        low = mean_cosine(np.concatenate(zh), e_all)
        best = 0.5 * (z_top.mean() + e_top.mean())
        return cls(z_first, e_first, tuple(z_best), tuple(e_best), low, max(float(best) - low, min_contrast))

    def judge(self, a: int, b: int, i: int, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For beads joining zh paragraphs [i-a, i) to en paragraphs [s, s+b) for each s in
        ``starts``: the lowest rescaled coverage of any of their paragraphs by the other side
        (the weakest member), and the coverage of the whole bead both ways (the mean over all
        its sentences of each one's best match across the bead)."""
        covered = [self._zh_member(k, b, starts) for k in range(i - a, i)]
        covered += [self._en_member(starts + t, i - a, i) for t in range(b)]
        sizes = [np.full(len(starts), self.z_first[k + 1] - self.z_first[k]) for k in range(i - a, i)]
        sizes += [self.e_first[starts + t + 1] - self.e_first[starts + t] for t in range(b)]
        values, counts = np.stack(covered), np.stack(sizes)
        return values.min(axis=0), (values * counts).sum(axis=0) / counts.sum(axis=0)

    def weakest(self, a: int, b: int, i: int, starts: np.ndarray) -> np.ndarray:
        """The weakest member's coverage (see :meth:`judge`)."""
        return self.judge(a, b, i, starts)[0]

    def mutual(self, a: int, b: int, i: int, starts: np.ndarray) -> np.ndarray:
        """The whole bead's coverage both ways (see :meth:`judge`)."""
        return self.judge(a, b, i, starts)[1]

    def _zh_member(self, k: int, b: int, starts: np.ndarray) -> np.ndarray:
        """Coverage of zh paragraph ``k`` by en paragraphs [s, s+b); a paragraph outside the
        compared window counts as unrelated (the DP never reaches it)."""
        first, best = self.z_best[k]
        span = np.full((best.shape[0], len(starts)), -np.inf)
        for t in range(b):
            cols = starts + t - first
            inside = (cols >= 0) & (cols < best.shape[1])
            span[:, inside] = np.maximum(span[:, inside], best[:, cols[inside]])
        covered = np.where(np.isfinite(span[0]), span.mean(axis=0), self.low)
        return (covered - self.low) / self.scale

    def _en_member(self, paragraphs: np.ndarray, z0: int, z1: int) -> np.ndarray:
        """Coverage of each en paragraph in ``paragraphs`` by zh paragraphs [z0, z1)."""
        u0, u1 = int(self.e_first[paragraphs.min()]), int(self.e_first[paragraphs.max() + 1])
        best = np.full(u1 - u0, self.low)  # a sentence outside every window is as good as unrelated
        for k in range(z0, z1):
            first, values = self.e_best[k]
            a, b = max(u0, first), min(u1, first + len(values))
            if a < b:
                np.maximum(best[a - u0 : b - u0], values[a - first : b - first], out=best[a - u0 : b - u0])
        sums = np.concatenate([[0.0], np.cumsum(best)])
        begin, end = self.e_first[paragraphs] - u0, self.e_first[paragraphs + 1] - u0
        return ((sums[end] - sums[begin]) / np.maximum(end - begin, 1) - self.low) / self.scale


def _centred(paragraphs: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Sentence vectors centred per language, as for pairing documents; with fewer than two
    sentences there is nothing shared to remove."""
    return centred(list(paragraphs)) if sum(len(v) for v in paragraphs) >= 2 else list(paragraphs)


def windows(lo: np.ndarray, hi: np.ndarray, n: int, m: int, types: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each zh paragraph, the en paragraphs a bead containing it can reach in the DP band.

    ``lo``/``hi`` are the DP's column ranges per row (row i ends after zh paragraph i-1).
    """
    most_a = max(a for a, _ in types)
    most_b = max(b for _, b in types)
    out = []
    for k in range(n):
        first = max(int(lo[k + 1]) - most_b, 0)
        last = min(int(hi[min(k + most_a, n)]) - 1, m)
        out.append((first, max(last, first + 1) if m else first))
    return out
