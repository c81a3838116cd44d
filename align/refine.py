"""Re-deciding merges after the DP: does a clause cross the boundary between two beads?

Where the DP chose two neighbouring beads, a single bead over both is their rival, and where
it chose a merge (two or more sentences on each side), the ways to cut it in two are. The
word pieces (:mod:`align.tokens`) tell these apart where sentence vectors hardly can: at the
boundary of a cut, a clause the translator moved into the other sentence shows as a *run* of
pieces at a sentence's edge that all match the other bead better than their own. The
*crossing* of a cut is the largest sum of such gains over the last pieces of the first
bead's last sentence on each side, plus the same over the first pieces of the second bead's
first sentences (0 where no piece prefers the other bead); scattered pieces that happen to
match across (a shared function word) add up to little.

Inside the DP this evidence competes with every path through a boundary, and there it did
not help (MAC-Test exact F1 0.918 -> 0.9013-0.9185 in every form tried). After it, each
decision is re-taken between the chosen path and its local rivals only: a cut pays
``weight * (crossing - offset)`` on top of its two beads' DP scores, and the best option of
each region wins; where regions overlap, the larger gain goes first. Weight 0.05 and offset
1.5 were the best on MAC-Test 001-012 of an offline grid (``AlignConfig.refine_weight``,
``refine_offset``); run for real they move MAC-Test 001-012 / 013-024 from 0.9151 / 0.9223 to
0.9227 / 0.9292 (all 24: 0.9183 -> 0.9256), aca / pol / mag from 0.9934 / 0.9872 / 0.9916 to
0.9948 / 0.9872 / 0.9926 (cached e5 vectors).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from align.dp import Change, Span, SpanScore, Step, apply_changes
from align.tokens import segment_max


def refine(
    steps: Sequence[Step],
    span_score: SpanScore,
    zh_pieces: Sequence[np.ndarray],
    en_pieces: Sequence[np.ndarray],
    weight: float,
    offset: float,
) -> list[Step]:
    """``steps`` with merges and cuts re-decided by their crossing (module docstring)."""
    span_score = _remembered(span_score, steps)
    changes = []
    for k, step in enumerate(steps):
        n, m = step.sizes
        if min(n, m) >= 2:
            changes.append(_best_change(steps, k, k, span_score, zh_pieces, en_pieces, weight, offset))
        if k + 1 < len(steps) and min(n, m, *steps[k + 1].sizes) >= 1:
            changes.append(_best_change(steps, k, k + 1, span_score, zh_pieces, en_pieces, weight, offset))
    return apply_changes(steps, [c for c in changes if c is not None])


def _remembered(span_score: SpanScore, steps: Sequence[Step]) -> SpanScore:
    """``span_score`` computing each bead once, the path's own beads not at all (the DP scored them)."""
    known: dict[Span, float | None] = {s.span: s.score for s in steps}

    def score(zs: int, ze: int, es: int, ee: int) -> float | None:
        key = (zs, ze, es, ee)
        if key not in known:
            known[key] = span_score(zs, ze, es, ee)
        return known[key]

    return score


def _best_change(
    steps: Sequence[Step],
    first: int,
    last: int,
    span_score: SpanScore,
    zh_pieces: Sequence[np.ndarray],
    en_pieces: Sequence[np.ndarray],
    weight: float,
    offset: float,
) -> Change | None:
    """The best option for the region of ``steps[first..last]``, if it beats the current one.

    Options are the region as one bead and every cut into two; the current one is among them
    (its beads are the path's, which the DP could score).
    """
    head, tail = steps[first], steps[last]
    zs, ze, es, ee = head.zh_start, tail.zh_end, head.en_start, tail.en_end
    cuts = Cuts(zh_pieces[zs:ze], en_pieces[es:ee])
    options: dict[tuple[Span, ...], float] = {}
    merged = span_score(zs, ze, es, ee)
    if merged is not None:
        options[((zs, ze, es, ee),)] = merged
    for zb in range(zs + 1, ze):
        for eb in range(es + 1, ee):
            one, two = span_score(zs, zb, es, eb), span_score(zb, ze, eb, ee)
            if one is not None and two is not None:
                penalty = weight * (cuts.crossing(zb - zs, eb - es) - offset)
                options[((zs, zb, es, eb), (zb, ze, eb, ee))] = one + two - penalty
    current = options[tuple(s.span for s in steps[first : last + 1])]
    best = max(options, key=options.__getitem__)
    if options[best] <= current + 1e-9:
        return None
    new = tuple(Step(*span, span_score(*span)) for span in best)
    return Change(first, last, new, options[best] - current)


class Cuts:
    """Crossings of every cut of one region: zh sentences ``zh`` and en sentences ``en``
    (their word pieces, unit vectors), cut after zh sentence ``zb - 1`` and en ``eb - 1``."""

    def __init__(self, zh: Sequence[np.ndarray], en: Sequence[np.ndarray]) -> None:
        self.zh_counts = np.array([len(p) for p in zh], dtype=np.int64)
        self.en_counts = np.array([len(p) for p in en], dtype=np.int64)
        dim = next((p.shape[1] for p in list(zh) + list(en) if len(p)), 1)
        z = np.concatenate([np.asarray(p, np.float32).reshape(-1, dim) for p in zh])
        e = np.concatenate([np.asarray(p, np.float32).reshape(-1, dim) for p in en])
        sims = z @ e.T
        self.zh_best = segment_max(sims, self.en_counts)  # zh pieces × en sentences
        self.en_best = segment_max(sims.T, self.zh_counts)  # en pieces × zh sentences
        self.zh_starts = np.concatenate([[0], np.cumsum(self.zh_counts)])
        self.en_starts = np.concatenate([[0], np.cumsum(self.en_counts)])

    def crossing(self, zb: int, eb: int) -> float:
        """The crossing of the cut before local zh sentence ``zb`` and en sentence ``eb``."""
        zh_last = self.zh_best[self.zh_starts[zb - 1] : self.zh_starts[zb]]
        zh_first = self.zh_best[self.zh_starts[zb] : self.zh_starts[zb + 1]]
        en_last = self.en_best[self.en_starts[eb - 1] : self.en_starts[eb]]
        en_first = self.en_best[self.en_starts[eb] : self.en_starts[eb + 1]]
        return (
            _leading_run(_prefer(zh_last, eb, across_after=True)[::-1])
            + _leading_run(_prefer(zh_first, eb, across_after=False))
            + _leading_run(_prefer(en_last, zb, across_after=True)[::-1])
            + _leading_run(_prefer(en_first, zb, across_after=False))
        )


def _prefer(best: np.ndarray, cut: int, across_after: bool) -> np.ndarray:
    """Each piece's best cosine in the bead across the cut minus its best in its own bead."""
    before, after = best[:, :cut].max(axis=1), best[:, cut:].max(axis=1)
    return after - before if across_after else before - after


def _leading_run(gains: np.ndarray) -> float:
    """The largest sum of a leading run of ``gains`` (0 for the empty run)."""
    return max(0.0, float(np.cumsum(gains).max())) if len(gains) else 0.0
