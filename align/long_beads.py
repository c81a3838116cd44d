"""Beads beyond the DP's size limit: one sentence whose translation runs on for more
sentences than ``max_bead`` allows.

A Chinese sentence that lists problems (比如：……依然突出，……能力不强，……等等。) may be
rendered as a string of short English sentences: nine in one chapter of the non-literary
``pol`` set. The DP scores beads from span tables built up to ``max_bead - 1`` sentences,
so it cannot choose such a bead and hands the overflow to a neighbour: 1-4 + 1-6 where the
translation is 1-1 + 1-9.

After the DP (and the refinement), two neighbouring beads with a single sentence each on
the same side and more than ``limit + 1`` sentences together on the other have the boundary
between them placed again (1-3 + 1-5 may become 1-1 + 1-7); a bead with one sentence on one
side and the limit or more on the other may take an unaligned sentence of that other side
beside it (the DP's other way to shed the overflow). Aligned beads are scored with the
evidence that needs no per-length table (:meth:`align.features.BeadFeatures.any_length`)
under the DP's own weights, unaligned sentences as the DP scores them, and a change is made
only if the best option has a bead beyond the limit: arrangements within the limit were the
DP's to judge, with all of its evidence. Passes repeat until nothing changes (a bead grows
one unaligned sentence per pass).

On the cached e5 benchmarks this finds pol's 1-9 bead (0.9872 -> 0.9892) and a 1-7 in
MAC-Test (0.9256 -> 0.9260; another boundary moves there, a link lost and one won); aca and
mag are unchanged. Triggered only by a bead at the limit, it missed the 1-7 (the DP had put
1-3 + 1-5 there).
"""

from __future__ import annotations

from typing import Callable, Sequence

from align.dp import Change, Span, SpanScore, Step, apply_changes

# any_score(zh_start, zh_end, en_start, en_end): the score of that one aligned bead, of any length
AnyScore = Callable[[int, int, int, int], float]


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


def _beyond(span: Span, limit: int) -> bool:
    return max(span[1] - span[0], span[3] - span[2]) > limit


def _options(first: Step, second: Step, limit: int) -> list[tuple[Span, ...]]:
    """Arrangements of ``first`` and ``second`` to weigh, the current one first; none unless
    one of them could become longer than ``limit``: both have a single sentence on the same side
    and more than ``limit + 1`` together on the other, or one has ``limit`` or more and the other
    is an unaligned sentence of that side."""
    (n1, m1), (n2, m2) = first.sizes, second.sizes
    zs, ze, es, ee = first.zh_start, second.zh_end, first.en_start, second.en_end
    current = (first.span, second.span)
    if (n1, n2) == (1, 1) and min(m1, m2) >= 1 and m1 + m2 > limit + 1:  # re-place the en boundary
        return [current] + [((zs, first.zh_end, es, eb), (first.zh_end, ze, eb, ee))
                            for eb in range(es + 1, ee) if eb != first.en_end]
    if (m1, m2) == (1, 1) and min(n1, n2) >= 1 and n1 + n2 > limit + 1:  # the zh boundary
        return [current] + [((zs, zb, es, first.en_end), (zb, ze, first.en_end, ee))
                            for zb in range(zs + 1, ze) if zb != first.zh_end]
    for bead, other in ((first, second), (second, first)):  # a long bead beside an unaligned sentence of its long side
        n, m = bead.sizes
        if (n == 1 and m >= limit and other.sizes == (0, 1)) or (m == 1 and n >= limit and other.sizes == (1, 0)):
            return [current, ((zs, ze, es, ee),)]
    return []
