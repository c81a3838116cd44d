"""Sentence alignment: embeddings → spans → FAISS anchors → banded DP → calibrated beads.

The stages are separate functions over plain arrays, in the vecalign manner:

1. encode every sentence once; build span vectors for runs of up to ``max_bead - 1``
   sentences (pooled by default, see :mod:`align.spans`);
2. FAISS k-NN in both directions gives each sentence the mean cosine to its nearest
   neighbours (the hubness margin) and mutual best pairs (anchors);
3. a length model is fitted on the anchors of this very pair (:mod:`align.lengths`);
4. a banded DP around the anchor path picks the sequence of beads with the highest total
   score, a bead's score being its evidence (:mod:`align.features`) times learned weights;
5. each bead's evidence is mapped to a calibrated probability (:mod:`align.confidence`)
   and flags are attached.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from align.alignment import Bead, Flag
from align.anchors import Neighbours, band, find_anchors, neighbours
from align.confidence import RIVAL_CAP, Evidence, confidence
from align.clauses import build_clause_index
from align.config import AlignConfig
from align.dp import Step, bead_types, best_path
from align.encoder import Encoder, word_pieces
from align.errors import UsageError
from align.features import NAMES, SKIP_EN, SKIP_ZH, WEIGHTS, BeadFeatures, Side, make_side, type_column
from align.lengths import fit_length_model
from align.lexical import build_index
from align.long_beads import place_long_beads
from align.pairing_scores import mean_cosine
from align.refine import refine
from align.spans import build_spans, encode_unique
from align.tokens import build_token_index
from align.translation import build_translation_index

# a bead is flagged length-outlier beyond this many standard deviations of the pair's ratio
LENGTH_OUTLIER_Z = 3.0
_COL = {name: k for k, name in enumerate(NAMES)}


@dataclass(frozen=True)
class Prepared:
    """Everything the DP needs for one document pair (reused when training weights)."""

    n_zh: int
    n_en: int
    features: BeadFeatures
    lo: np.ndarray
    hi: np.ndarray
    pieces: tuple[list[np.ndarray], list[np.ndarray]] | None = None  # word pieces of both sides, for the refinement (align/refine.py)


def _check(config: AlignConfig) -> None:
    if config.max_bead < 2:
        raise UsageError(f"max_bead={config.max_bead}: must be at least 2 (a 1-1 bead); use 5 or more")
    if config.span_mode not in ("pool", "encode"):
        raise UsageError(f"span_mode={config.span_mode!r}: unknown; use 'pool' or 'encode'")


@dataclass(frozen=True)
class Embedded:
    """One encoder's view of a document pair: span vectors with k-NN means, the neighbours,
    and the mean cosine of unrelated sentences."""

    zh: Side
    en: Side
    neighbours: Neighbours
    unrelated: float


def embed_pair(zh: Sequence[str], en: Sequence[str], encoder: Encoder, config: AlignConfig) -> Embedded:
    """Encode each distinct sentence once, build the span vectors, find the k nearest neighbours."""
    zh_vecs = encode_unique(encoder, zh)
    en_vecs = encode_unique(encoder, en)
    longest = config.max_bead - 1
    span_encoder = encoder if config.span_mode == "encode" else None
    zh_spans = build_spans(zh, zh_vecs, longest, zh=True, encoder=span_encoder)
    en_spans = build_spans(en, en_vecs, longest, zh=False, encoder=span_encoder)
    nb = neighbours(zh_vecs, en_vecs, config.neighbours)
    return Embedded(make_side(zh_spans, nb.zh_mean()), make_side(en_spans, nb.en_mean()), nb, mean_cosine(zh_vecs, en_vecs))


def prepare(zh: Sequence[str], en: Sequence[str], encoder: Encoder, config: AlignConfig) -> Prepared:
    """Encode, build spans, find anchors, fit the length model, lay out the band."""
    emb = embed_pair(zh, en, encoder, config)
    anchors = find_anchors(emb.neighbours, config.anchor_margin)
    lengths = fit_length_model(list(emb.zh.spans.lens[1]), list(emb.en.spans.lens[1]), anchors)
    lo, hi = band(anchors, len(zh), len(en), config.band_width, config.band_drift, config.band_max)
    translation = build_translation_index(zh, en, lo, hi, config.max_bead)
    tokens = pieces = None
    if max(len(zh), len(en)) <= config.token_max_sentences:
        zh_pieces, en_pieces = word_pieces(encoder, zh), word_pieces(encoder, en)
        if zh_pieces is not None and en_pieces is not None:
            tokens = build_token_index(zh_pieces, en_pieces, lo, hi, config.max_bead)
            pieces = (zh_pieces, en_pieces)
    feats = BeadFeatures(
        emb.zh, emb.en, lengths, build_index(zh, en, lo, hi, config.max_bead), translation,
        unrelated=emb.unrelated,
        tokens=tokens,
        clauses=build_clause_index(zh, en, emb.zh.spans.vecs[1], emb.en.spans.vecs[1], encoder, lo, hi) if config.clause_crossing else None,
    )
    return Prepared(len(zh), len(en), feats, lo, hi, pieces)


def weights_for(config: AlignConfig, base: np.ndarray = WEIGHTS) -> np.ndarray:
    """The learned weights with the user's biases applied."""
    w = np.array(base, dtype=np.float64)
    w[SKIP_ZH] -= config.skip_cost
    w[SKIP_EN] -= config.skip_cost
    for col in range(len(NAMES)):
        if NAMES[col].startswith("type ") and col not in (SKIP_ZH, SKIP_EN, type_column(1, 1)):
            w[col] -= config.merge_cost
    return w


def decode(prep: Prepared, weights: np.ndarray, config: AlignConfig) -> list[Step]:
    """The best path under ``weights``."""

    def score(i: int, n: int, m: int, ja: int, jb: int) -> np.ndarray:
        return prep.features.matrix(i, n, m, ja, jb) @ weights

    types = bead_types(config.max_bead)
    return best_path(prep.n_zh, prep.n_en, prep.lo, prep.hi, types, score, float(weights[SKIP_ZH]), float(weights[SKIP_EN]))


def best_steps(prep: Prepared, weights: np.ndarray, config: AlignConfig) -> list[Step]:
    """The DP's best path, its merges and cuts then re-decided by word pieces (align/refine.py),
    its one-to-many beads then allowed beyond the size limit (align/long_beads.py)."""
    steps = decode(prep, weights, config)

    def span_score(zs: int, ze: int, es: int, ee: int) -> float | None:
        return _span_score(prep.features, weights, config.max_bead, zs, ze, es, ee)

    def any_score(zs: int, ze: int, es: int, ee: int) -> float:
        return float(prep.features.any_length(zs, ze, es, ee) @ weights)

    if prep.pieces is not None and config.refine_weight:
        steps = refine(steps, span_score, *prep.pieces, config.refine_weight, config.refine_offset)
    if config.long_beads:
        steps = place_long_beads(steps, any_score, span_score, config.max_bead - 1)
    return steps


def path_features(prep: Prepared, beads: Sequence[tuple[Sequence[int], Sequence[int]]]) -> np.ndarray:
    """Sum of the feature vectors of a path given as (zh ids, en ids) beads."""
    total = np.zeros(len(NAMES))
    for zh_ids, en_ids in beads:
        if not zh_ids:
            total[SKIP_EN] += len(en_ids)
        elif not en_ids:
            total[SKIP_ZH] += len(zh_ids)
        elif max(len(zh_ids), len(en_ids)) <= prep.features.zh.spans.longest:
            # gold beads longer than the longest span cannot be scored; they are rare (~1 %)
            i, j = max(zh_ids) + 1, max(en_ids) + 1
            total += prep.features.matrix(i, len(zh_ids), len(en_ids), j, j)[0]
    return total


def align_sentences(
    zh: Sequence[str],
    en: Sequence[str],
    encoder: Encoder,
    config: AlignConfig = AlignConfig(),
) -> list[Bead]:
    """Align Chinese sentences ``zh`` with English sentences ``en``.

    Returns beads in document order covering every index of both sides exactly once;
    unaligned sentences get a 1-0 or 0-1 bead flagged ``unaligned``. Deterministic.
    """
    _check(config)
    zh, en = list(zh), list(en)
    if not zh or not en:
        return [Bead((i,), (), 0.0, (Flag.UNALIGNED.value,)) for i in range(len(zh))] + [
            Bead((), (j,), 0.0, (Flag.UNALIGNED.value,)) for j in range(len(en))
        ]
    prep = prepare(zh, en, encoder, config)
    weights = weights_for(config)
    steps = best_steps(prep, weights, config)
    return [_bead(step, ev, config) for step, ev in zip(steps, evidence(steps, prep.features, weights, config.max_bead))]


def _own_evidence(step: Step, feats: BeadFeatures) -> Evidence | None:
    n, m = step.sizes
    if n == 0 or m == 0:
        return None
    if max(n, m) <= feats.zh.spans.longest:
        f = feats.matrix(step.zh_end, n, m, step.en_end, step.en_end)[0]
    else:  # a bead beyond the size limit (align/long_beads.py)
        f = feats.any_length(step.zh_start, step.zh_end, step.en_start, step.en_end)
    cos = float(f[:4].sum())
    return Evidence(
        cos=cos,
        margin=cos - 0.5 * float(f[_COL["en adjacent"]] + f[_COL["zh adjacent"]]),
        length_z=float(f[_COL["length |z|"]]),
        shared=float(f[_COL["shared tokens"]]),
        missing=float(f[_COL["missing tokens"]]),
        n=n,
        m=m,
        score=step.score,
        reshape=_reshape_gain(step, feats, cos),
    )


def _reshape_gain(step: Step, feats: BeadFeatures, cos: float) -> float:
    """Best cosine gain from growing or shrinking the bead by one sentence at one end."""
    longest = feats.zh.spans.longest
    best = -1.0
    for side, other, start, end in (
        (feats.en.spans, feats.zh.spans.vector(step.zh_start, step.zh_end - step.zh_start), step.en_start, step.en_end),
        (feats.zh.spans, feats.en.spans.vector(step.en_start, step.en_end - step.en_start), step.zh_start, step.zh_end),
    ):
        for a, b in ((start - 1, end), (start, end + 1), (start + 1, end), (start, end - 1)):
            if 1 <= b - a <= longest and a >= 0 and b <= side.size:
                best = max(best, float(side.vecs[b - a][a] @ other) - cos)
    return best


def _span_score(feats: BeadFeatures, weights: np.ndarray, max_bead: int, zs: int, ze: int, es: int, ee: int) -> float | None:
    """DP score of zh ``zs..ze-1`` with en ``es..ee-1`` as one bead (skips if a side is empty)."""
    n, m = ze - zs, ee - es
    if min(n, m, zs, es) < 0:
        return None
    if n == 0 or m == 0:
        return n * float(weights[SKIP_ZH]) + m * float(weights[SKIP_EN])
    longest = feats.zh.spans.longest
    if n + m > max_bead or max(n, m) > longest or ze > feats.zh.spans.size or ee > feats.en.spans.size:
        return None
    return float(feats.matrix(ze, n, m, ee, ee)[0] @ weights)


def _pair_lead(first: Step, second: Step, feats: BeadFeatures, weights: np.ndarray, max_bead: int) -> float:
    """How much two adjacent beads beat their best local rearrangement.

    Rivals: the two beads merged into one, or their shared boundary moved by one sentence
    on either or both sides.
    """
    rivals = [_span_score(feats, weights, max_bead, first.zh_start, second.zh_end, first.en_start, second.en_end)]
    for dz in (-1, 0, 1):
        for de in (-1, 0, 1):
            if dz or de:
                zb, eb = first.zh_end + dz, first.en_end + de
                one = _span_score(feats, weights, max_bead, first.zh_start, zb, first.en_start, eb)
                two = _span_score(feats, weights, max_bead, zb, second.zh_end, eb, second.en_end)
                rivals.append(None if one is None or two is None else one + two)
    scores = [r for r in rivals if r is not None]
    return first.score + second.score - max(scores) if scores else RIVAL_CAP


def evidence(steps: Sequence[Step], feats: BeadFeatures, weights: np.ndarray, max_bead: int) -> list[Evidence | None]:
    """Each aligned bead's evidence, including how sure its neighbours are (None for skips).

    A bead between two confident beads has both of its edges confirmed, so the weaker
    neighbour margin (0 for a missing or unaligned neighbour) is part of its evidence, and
    so is its lead over the best local rearrangement with a neighbour (``weights`` and
    ``max_bead`` are the DP's). Reporting only: nothing here changes the path.
    """
    own = [_own_evidence(step, feats) for step in steps]
    margins = [ev.margin if ev else 0.0 for ev in own]
    # lead[k]: beads k and k+1 against their best rearrangement, computed once per pair
    lead = [
        _pair_lead(steps[k], steps[k + 1], feats, weights, max_bead) if own[k] or own[k + 1] else RIVAL_CAP
        for k in range(len(steps) - 1)
    ]
    out: list[Evidence | None] = []
    for k, ev in enumerate(own):
        if ev is None:
            out.append(None)
            continue
        left = margins[k - 1] if k > 0 else 0.0
        right = margins[k + 1] if k + 1 < len(own) else 0.0
        rival = min([RIVAL_CAP] + lead[max(k - 1, 0) : k + 1])
        out.append(replace(ev, context=min(left, right), rival=rival))
    return out


def _bead(step: Step, ev: Evidence | None, config: AlignConfig) -> Bead:
    """Attach the calibrated confidence and the reviewer's flags to one DP step."""
    zh_ids, en_ids = tuple(range(step.zh_start, step.zh_end)), tuple(range(step.en_start, step.en_end))
    if ev is None:
        return Bead(zh_ids, en_ids, 0.0, (Flag.UNALIGNED.value,))
    score = confidence(ev)
    flags = []
    if score < config.low_confidence:
        flags.append(Flag.LOW_CONFIDENCE.value)
    if ev.missing > 0 and ev.shared < ev.missing:
        flags.append(Flag.NUMBER_MISMATCH.value)
    if ev.length_z > LENGTH_OUTLIER_Z:
        flags.append(Flag.LENGTH_OUTLIER.value)
    if ev.n > 1 or ev.m > 1:
        flags.append(Flag.MERGED.value)
    return Bead(zh_ids, en_ids, score, tuple(flags))
