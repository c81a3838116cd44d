"""Sentence alignment: embeddings → spans → FAISS anchors → banded DP → calibrated beads.

The stages are separate functions over plain arrays, in the vecalign manner:

1. encode every sentence once; build span vectors for runs of up to ``max_bead - 1``
   sentences (pooled by default, see :mod:`align.spans`);
2. FAISS k-NN in both directions gives each sentence the mean cosine to its nearest
   neighbours (the margin denominator) and mutual best pairs (anchors);
3. a length model is fitted on the anchors of this very pair (:mod:`align.lengths`);
4. a banded DP around the anchor path picks the best sequence of beads, each scored by
   margin-adjusted cosine + length log-density + shared numbers/names − merge cost;
5. each bead's evidence is mapped to a calibrated probability (:mod:`align.confidence`)
   and flags are attached.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from align.alignment import Bead, Flag
from align.anchors import band, find_anchors, neighbours
from align.config import AlignConfig
from align.confidence import Evidence, confidence
from align.dp import Step, bead_types, best_path
from align.encoder import Encoder
from align.errors import UsageError
from align.lengths import LengthModel, fit_length_model
from align.lexical import LexicalIndex, build_index
from align.spans import Spans, build_spans, encode_unique

# a bead is flagged length-outlier beyond this many standard deviations of the pair's ratio
LENGTH_OUTLIER_Z = 3.0


@dataclass(frozen=True)
class _Side:
    spans: Spans
    knn_cum: np.ndarray  # cumulative sum of each sentence's mean k-NN cosine (span means)


@dataclass(frozen=True)
class BeadScorer:
    """Scores every candidate bead; shared by the DP (vectorised) and the final evidence."""

    zh: _Side
    en: _Side
    lengths: LengthModel
    lexical: LexicalIndex
    config: AlignConfig

    def _knn(self, side: _Side, start: np.ndarray | int, k: int) -> np.ndarray:
        return (side.knn_cum[np.asarray(start) + k] - side.knn_cum[start]) / k

    def parts(self, i: int, n: int, m: int, ja: int, jb: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(cosine, margin denominator, length z, shared tokens, missing tokens) for ends ja..jb."""
        zs = i - n
        starts = np.arange(ja - m, jb - m + 1)
        cos = self.en.spans.vecs[m][ja - m : jb - m + 1] @ self.zh.spans.vecs[n][zs]
        denom = 0.5 * (self._knn(self.zh, zs, n) + self._knn(self.en, starts, m))
        z = self.lengths.z(self.zh.spans.lens[n][zs], self.en.spans.lens[m][ja - m : jb - m + 1])
        shared = np.zeros(len(starts), dtype=np.float64)
        lex = self.lexical
        if lex.matches:
            for r in range(zs, i):
                if r in lex.matches:
                    row = lex.row(r, ja - m, jb)
                    cs = np.concatenate([[0.0], np.cumsum(row)])
                    shared += cs[m : m + len(starts)] - cs[: len(starts)]
        zc = float(lex.zh_count[zs:i].sum())
        ec_cum = np.concatenate([[0.0], np.cumsum(lex.en_count[ja - m : jb])])
        ec = ec_cum[m : m + len(starts)] - ec_cum[: len(starts)]
        missing = np.maximum(zc + ec - 2 * shared, 0.0)
        return cos, denom, z, shared, missing

    def __call__(self, i: int, n: int, m: int, ja: int, jb: int) -> np.ndarray:
        c = self.config
        cos, denom, z, shared, missing = self.parts(i, n, m, ja, jb)
        return (
            cos
            - c.margin_weight * denom
            - c.length_weight * 0.5 * z * z
            + c.lexical_weight * np.minimum(shared, 5)
            - c.lexical_miss * np.minimum(missing, 5)
            - c.merge_cost * (n + m - 2)
        )


def _side(spans: Spans, knn_mean: np.ndarray) -> _Side:
    return _Side(spans, np.concatenate([[0.0], np.cumsum(knn_mean, dtype=np.float64)]))


def _check(config: AlignConfig) -> None:
    if config.max_bead < 2:
        raise UsageError(f"max_bead={config.max_bead}: must be at least 2 (a 1-1 bead); use 5 or more")
    if config.span_mode not in ("pool", "encode"):
        raise UsageError(f"span_mode={config.span_mode!r}: unknown; use 'pool' or 'encode'")


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
    zh_vecs = encode_unique(encoder, zh)
    en_vecs = encode_unique(encoder, en)
    longest = config.max_bead - 1
    span_encoder = encoder if config.span_mode == "encode" else None
    zh_spans = build_spans(zh, zh_vecs, longest, zh=True, encoder=span_encoder)
    en_spans = build_spans(en, en_vecs, longest, zh=False, encoder=span_encoder)
    nb = neighbours(zh_vecs, en_vecs, config.neighbours)
    anchors = find_anchors(nb, config.anchor_margin)
    lengths = fit_length_model(list(zh_spans.lens[1]), list(en_spans.lens[1]), anchors)
    scorer = BeadScorer(_side(zh_spans, nb.zh_mean()), _side(en_spans, nb.en_mean()), lengths, build_index(zh, en), config)
    lo, hi = band(anchors, len(zh), len(en), config.band_width, config.band_drift)
    steps = best_path(len(zh), len(en), lo, hi, bead_types(config.max_bead), scorer, -config.skip_cost, -config.skip_cost)
    return [_bead(step, scorer) for step in steps]


def _bead(step: Step, scorer: BeadScorer) -> Bead:
    """Attach the calibrated confidence and the reviewer's flags to one DP step."""
    n, m = step.zh_end - step.zh_start, step.en_end - step.en_start
    zh_ids, en_ids = tuple(range(step.zh_start, step.zh_end)), tuple(range(step.en_start, step.en_end))
    if n == 0 or m == 0:
        return Bead(zh_ids, en_ids, 0.0, (Flag.UNALIGNED.value,))
    cos, denom, z, shared, missing = (float(x[0]) for x in scorer.parts(step.zh_end, n, m, step.en_end, step.en_end))
    ev = Evidence(cos=cos, margin=cos - denom, length_z=z, shared=shared, missing=missing, n=n, m=m)
    score = confidence(ev)
    flags = []
    if score < scorer.config.low_confidence:
        flags.append(Flag.LOW_CONFIDENCE.value)
    if missing > 0 and shared < missing:
        flags.append(Flag.NUMBER_MISMATCH.value)
    if abs(z) > LENGTH_OUTLIER_Z:
        flags.append(Flag.LENGTH_OUTLIER.value)
    if n > 1 or m > 1:
        flags.append(Flag.MERGED.value)
    return Bead(zh_ids, en_ids, score, tuple(flags))
