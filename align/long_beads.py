"""Beads beyond the DP's size limit: one sentence whose translation runs on for more
sentences than ``max_bead`` allows.

A Chinese sentence that lists problems (比如：……依然突出，……能力不强，……等等。) may be
rendered as a string of short English sentences: nine in one chapter of the non-literary
``pol`` set. The DP scores beads from span tables built up to ``max_bead - 1`` sentences,
so it cannot choose such a bead and hands the overflow to a neighbour: 1-4 + 1-6 where the
translation is 1-1 + 1-9.

After the DP (and the refinement), a bead with one sentence on one side and the limit or
more on the other is re-examined with its neighbours: where the neighbour also has a single
sentence on that side, the boundary between them on the other side is placed again; where
the neighbour is an unaligned sentence of the other side (the DP's other way to shed the
overflow), the bead may take it. Aligned beads are scored with the evidence that needs no
per-length table (:meth:`align.features.BeadFeatures.any_length`) under the DP's own
weights, unaligned sentences as the DP scores them, and a change is made only if the best
option has a bead beyond the limit: arrangements within the limit were the DP's to judge,
with all of its evidence. Passes repeat until nothing changes (a bead grows one unaligned
sentence per pass). On the cached e5 benchmarks this moves pol from 0.9872 to 0.9892 (its
1-9 bead) and leaves MAC-Test, aca and mag unchanged (one MAC-Test boundary moves, a link
lost and one won).
"""

from __future__ import annotations

from typing import Callable, Sequence

from align.dp import Change, Step, apply_changes
from align.refine import SpanScore

# any_score(zh_start, zh_end, en_start, en_end): the score of that one aligned bead, of any length
AnyScore = Callable[[int, int, int, int], float]
Span = tuple[int, int, int, int]  # zh_start, zh_end, en_start, en_end of one bead


def place_long_beads(steps: Sequence[Step], any_score: AnyScore, dp_score: SpanScore, limit: int) -> list[Step]:
    """``steps`` with one-to-many beads allowed beyond ``limit`` sentences on one side where
    that fits better (module docstring). ``dp_score`` scores unaligned sentences, and a new
    bead keeps its DP score where the DP could have scored it (else its ``any_score``)."""

    def score(span: Span) -> float:
        own = dp_score(*span)
        return any_score(*span) if own is None else own

    def judge(span: Span) -> float:  # options are weighed by any_score, unaligned sentences as the DP weighs them
        zs, ze, es, ee = span
        return score(span) if ze == zs or ee == es else any_score(*span)

    out = list(steps)
    for _ in range(len(out)):
        changes = []
        for k in range(len(out) - 1):
            options = _options(out[k], out[k + 1], limit)
            if not options:
                continue
            totals = [sum(judge(span) for span in option) for option in options]
            best = max(range(len(options)), key=totals.__getitem__)
            gain = totals[best] - totals[0]
            if gain > 1e-9 and any(_beyond(span, limit) for span in options[best]):
                changes.append(Change(k, k + 1, tuple(Step(*span, score(span)) for span in options[best]), gain))
        if not changes:
            break
        out = apply_changes(out, changes)
    return out


def _sizes(step: Step) -> tuple[int, int]:
    return step.zh_end - step.zh_start, step.en_end - step.en_start


def _beyond(span: Span, limit: int) -> bool:
    return max(span[1] - span[0], span[3] - span[2]) > limit


def _options(first: Step, second: Step, limit: int) -> list[tuple[Span, ...]]:
    """Arrangements of ``first`` and ``second`` to weigh, the current one first; none unless one
    of them has a single sentence on one side and ``limit`` or more on the other."""
    (n1, m1), (n2, m2) = _sizes(first), _sizes(second)
    zs, ze, es, ee = first.zh_start, second.zh_end, first.en_start, second.en_end
    current = ((zs, first.zh_end, es, first.en_end), (second.zh_start, ze, second.en_start, ee))
    if (n1, n2) == (1, 1) and min(m1, m2) >= 1 and max(m1, m2) >= limit:  # re-place the en boundary
        return [current] + [((zs, first.zh_end, es, eb), (first.zh_end, ze, eb, ee))
                            for eb in range(es + 1, ee) if eb != first.en_end]
    if (m1, m2) == (1, 1) and min(n1, n2) >= 1 and max(n1, n2) >= limit:  # the zh boundary
        return [current] + [((zs, zb, es, first.en_end), (zb, ze, first.en_end, ee))
                            for zb in range(zs + 1, ze) if zb != first.zh_end]
    for bead, other in ((first, second), (second, first)):  # a long bead beside an unaligned sentence of its long side
        n, m = _sizes(bead)
        if (n == 1 and m >= limit and _sizes(other) == (0, 1)) or (m == 1 and n >= limit and _sizes(other) == (1, 0)):
            return [current, ((zs, ze, es, ee),)]
    return []
