"""Paragraph alignment: the structure-first pass that the sentence aligner works inside.

Stages, each a function: spans (paragraph runs) → their embeddings and lexical keys →
a gain for every candidate bead → a banded dynamic programme → traceback → confidences
→ a verdict on whether the paragraph structure can be trusted.

A bead's score adds, in units where a typical correct 1-1 pair scores about 1 and an
unrelated pair about 0:

- cosine similarity of the two spans' embeddings, rescaled by the document pair's own
  "unrelated" (mean over all pairs) and "best match" (mean top-1) levels, minus a margin
  term for paragraphs that resemble everything (the mean of their k nearest neighbours);
  with fewer than ``paragraph_min_centred`` paragraphs on a side (centred paragraph
  vectors are then degenerate) the bead's sentence coverage instead
  (:mod:`align.paragraph_coverage`);
- matching paragraph labels ("1." ↔ "1.", "(a)" ↔ "（a）"): numbered UN paragraphs are the
  strongest anchors there are; different labels on both sides count against the bead;
- shared numbers, dates and document symbols (68/32, CD/2133);
- a log-normal length model whose ratio (English characters per Chinese character) is
  fitted on the pair itself;
- a penalty per extra paragraph in a merged bead, and a cost when one of the bead's
  paragraphs has sentences that find no translation across the bead (a dropped paragraph
  swallowed by a merge, or two dropped paragraphs linked to each other).

Unaligned paragraphs (1-0, 0-1) score 0; a pair is linked only when its score beats
``paragraph_skip``. Memory is linear: the DP keeps one band of cells per row.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from align.alignment import Bead, Flag
from align.config import AlignConfig
from align.document import Document, Lang, Paragraph
from align.encoder import Encoder
from align.errors import UsageError
from align.lengths import text_length
from align.numbers import extract_numbers
from align.pairing_scores import mean_cosine
from align.paragraph_coverage import Coverage, windows

__all__ = ["ParagraphAlignment", "align_paragraphs", "bead_types", "structure_problem"]

_NEG = -1e18
_BLOCK = 1024  # rows per block when scoring nearest neighbours: bounds memory, not results


@dataclass(frozen=True)
class ParagraphAlignment:
    """Beads over paragraph ids and whether sentence alignment may trust them.

    ``usable`` is False when the structure is missing (one giant paragraph, one sentence
    per paragraph) or disagrees (low mean confidence, much left unaligned); ``reason``
    then says why in one line, and the pipeline aligns sentences over whole documents.
    """

    beads: tuple[Bead, ...]
    usable: bool
    reason: str = ""


def bead_types(spec: str) -> tuple[tuple[int, int], ...]:
    """Parse ``"1-1 1-0 0-1 1-2 2-1"``; 1-1, 1-0 and 0-1 are required so every input aligns."""
    types: list[tuple[int, int]] = []
    for item in spec.replace(",", " ").split():
        match = re.fullmatch(r"(\d+)-(\d+)", item)
        if match is None:
            raise UsageError(f"paragraph bead type {item!r} is not N-M; write e.g. '1-1 1-0 0-1 1-2 2-1'")
        a, b = int(match.group(1)), int(match.group(2))
        if (a, b) == (0, 0) or (a == 0 and b > 1) or (b == 0 and a > 1):
            raise UsageError(f"paragraph bead type {item!r} is not allowed; deletions are 1-0 and 0-1 only")
        if (a, b) not in types:
            types.append((a, b))
    missing = [f"{a}-{b}" for a, b in ((1, 1), (1, 0), (0, 1)) if (a, b) not in types]
    if missing:
        raise UsageError(f"paragraph bead types {spec!r} lack {', '.join(missing)}; every alignment needs them")
    return tuple(sorted(types))


# --- structure checks -------------------------------------------------------


def structure_problem(zh: Document, en: Document) -> str | None:
    """Why the paragraph structure cannot guide sentence alignment, or None when it can.

    Checked before any embedding: one side a single paragraph while the other has several;
    one paragraph holding most of a long side; one sentence per paragraph (presplit input).
    """
    sides = ((zh, "Chinese"), (en, "English"))
    counts = [len(doc.paragraphs) for doc, _ in sides]
    if 0 in counts:
        return None  # an empty side: nothing to decide, everything is unaligned
    for (doc, name), other in zip(sides, reversed(counts)):
        if len(doc.paragraphs) == 1 and other > 1:
            return f"the {name} document is one paragraph"
    for doc, name in sides:
        sizes = [len(p.sentences) for p in doc.paragraphs]
        total = sum(sizes)
        if total >= 20 and max(sizes) > total / 2:
            return f"one {name} paragraph holds {max(sizes)} of {total} sentences"
        if len(sizes) >= 10 and total <= 1.05 * len(sizes):
            return f"the {name} document has one sentence per paragraph (presplit?)"
    return None


# --- lexical keys -----------------------------------------------------------


def _label_key(label: str | None) -> str | None:
    """"1." / "１．" / "(a)" / "（a）" → "1" / "1" / "a" / "a"; None when unlabeled."""
    if not label:
        return None
    core = re.sub(r"[\s.()\[\]、:：)]", "", unicodedata.normalize("NFKC", label)).lower()
    return core or None


def _number_keys(text: str, lang: Lang) -> frozenset[str]:
    """Numbers, dates and symbols a translation keeps (``align.numbers``)."""
    return frozenset(extract_numbers(text, lang))


# --- spans and features -----------------------------------------------------


@dataclass(frozen=True)
class _Side:
    """One document's paragraphs seen as units, with every span the bead types need."""

    lengths: np.ndarray  # (n,) characters per paragraph, spaces excluded
    labels: np.ndarray  # (n,) label codes, -1 = none
    numbered: np.ndarray  # (n,) bool: label is a number ("4."), so the paragraph starts one
    numbers: tuple[frozenset[str], ...]
    spans: dict[int, np.ndarray]  # size -> (n - size + 1, dim) embeddings of joined runs
    sentences: tuple[np.ndarray, ...]  # per paragraph, its sentences' unit vectors (the paragraph if none)


def _sides(
    zh: Sequence[Paragraph], en: Sequence[Paragraph], encoder: Encoder, types: Sequence[tuple[int, int]], pool: bool
) -> tuple[_Side, _Side]:
    codes: dict[str, int] = {}
    built = []
    for paras, lang in ((zh, Lang.ZH), (en, Lang.EN)):
        keys = [_label_key(p.label) for p in paras]
        built.append(
            (
                np.array([text_length(p.text) for p in paras], dtype=np.float64),
                np.array([codes.setdefault(k, len(codes)) if k else -1 for k in keys], dtype=np.int64),
                np.array([bool(k and k.isdigit()) for k in keys], dtype=bool),
                tuple(_number_keys(p.text, lang) for p in paras),
            )
        )
    sizes = [sorted({t[side] for t in types if t[side] > 0}) for side in (0, 1)]
    units = _units((zh, en), encoder)
    spans = _pooled((zh, en), units, sizes, encoder.dim) if pool else _encoded((zh, en), sizes, encoder)
    return _Side(*built[0], spans=spans[0], sentences=units[0]), _Side(*built[1], spans=spans[1], sentences=units[1])


def _units(
    sides: tuple[Sequence[Paragraph], Sequence[Paragraph]], encoder: Encoder
) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    """Each paragraph's sentence vectors (unit rows); a paragraph without sentences is one unit.

    The sentence pass needs these vectors anyway, so paragraphs cost no extra encoding.
    """
    units = [_unit_texts(p) for paras in sides for p in paras]
    texts = [t for unit in units for t in unit]
    vectors = np.asarray(encoder.encode(texts), dtype=np.float32) if texts else np.zeros((0, encoder.dim), np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    split = np.split(vectors, np.cumsum([len(u) for u in units])[:-1]) if units else []
    return tuple(split[: len(sides[0])]), tuple(split[len(sides[0]) :])


def _encoded(
    sides: tuple[Sequence[Paragraph], Sequence[Paragraph]], sizes: list[list[int]], encoder: Encoder
) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Embed every run of paragraphs as one text (the encoder windows long ones)."""
    texts: list[str] = []
    plan: list[tuple[int, int, int, int]] = []  # side, size, first text, count
    for side, (paras, sep) in enumerate(zip(sides, ("", " "))):
        for size in sizes[side]:
            runs = [sep.join(p.text for p in paras[k : k + size]) for k in range(len(paras) - size + 1)]
            plan.append((side, size, len(texts), len(runs)))
            texts.extend(runs)
    vectors = np.asarray(encoder.encode(texts), dtype=np.float32) if texts else np.zeros((0, encoder.dim), np.float32)
    spans: tuple[dict[int, np.ndarray], dict[int, np.ndarray]] = ({}, {})
    for side, size, first, count in plan:
        spans[side][size] = vectors[first : first + count]
    return spans


def _unit_texts(paragraph: Paragraph) -> list[str]:
    return [s.text for s in paragraph.sentences] or [paragraph.text]


def _pooled(
    sides: tuple[Sequence[Paragraph], Sequence[Paragraph]], units: tuple[tuple[np.ndarray, ...], ...], sizes: list[list[int]], dim: int
) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Runs of paragraphs as the length-weighted mean of their sentence vectors."""
    spans: tuple[dict[int, np.ndarray], dict[int, np.ndarray]] = ({}, {})
    for side, (paras, vectors) in enumerate(zip(sides, units)):
        sums = np.zeros((len(paras), dim))
        for k, (para, v) in enumerate(zip(paras, vectors)):
            weights = np.array([max(text_length(t), 1) for t in _unit_texts(para)], dtype=np.float64)
            sums[k] = weights @ v.astype(np.float64)
        cum = np.concatenate([np.zeros((1, dim)), np.cumsum(sums, axis=0)])
        for size in sizes[side]:
            run = cum[size:] - cum[:-size]
            norms = np.maximum(np.linalg.norm(run, axis=1, keepdims=True), 1e-12)
            spans[side][size] = (run / norms).astype(np.float32)
    return spans


def _centred(side: _Side) -> _Side:
    """Spans minus the side's mean paragraph vector, renormalised.

    Compact encoders (e5) put every text of one language and topic in a narrow cone:
    cosines of 0.85 for unrelated paragraphs, 0.93 for translations. Removing what all
    paragraphs of a side share leaves what tells them apart.
    """
    if len(side.spans[1]) < 2:
        return side  # one paragraph: nothing shared to remove, only the paragraph itself
    mean = side.spans[1].mean(axis=0)
    spans = {}
    for size, vecs in side.spans.items():
        moved = vecs - mean
        spans[size] = (moved / np.maximum(np.linalg.norm(moved, axis=1, keepdims=True), 1e-6)).astype(np.float32)
    return replace(side, spans=spans)


def _nearest(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Index of each row's nearest row of ``b``, in blocks."""
    return np.concatenate([np.argmax(a[k : k + _BLOCK] @ b.T, axis=1) for k in range(0, len(a), _BLOCK)])


def _length_ratio(zh: _Side, en: _Side, config: AlignConfig) -> float:
    """English characters per Chinese character, fitted on the pair.

    The median over mutual nearest neighbours resists what the totals do not: a dropped
    or added paragraph. With fewer than ``paragraph_min_centred`` paragraphs on a side the
    centred vectors cannot pick neighbours and one dropped paragraph skews the totals
    (ratios of 10–20 on two-paragraph WMT22 documents), so the prior
    ``expected_length_ratio`` is used; too few mutual pairs: the totals.
    """
    z1, e1 = zh.spans[1], en.spans[1]
    if min(len(z1), len(e1)) < config.paragraph_min_centred:
        return config.expected_length_ratio
    to_e, to_z = _nearest(z1, e1), _nearest(e1, z1)
    pairs = [(k, j) for k, j in enumerate(to_e) if to_z[j] == k and zh.lengths[k] > 0 and en.lengths[j] > 0]
    if len(pairs) >= 2:
        return float(np.median([en.lengths[j] / zh.lengths[k] for k, j in pairs]))
    total_z, total_e = zh.lengths.sum(), en.lengths.sum()
    return float(total_e / total_z) if total_z > 0 and total_e > 0 else config.expected_length_ratio


def _knn_means(a: np.ndarray, b: np.ndarray, k: int) -> np.ndarray:
    """Mean cosine of each row of ``a`` to its ``k`` nearest rows of ``b``, in blocks."""
    k = max(1, min(k, len(b)))
    out = np.empty(len(a), dtype=np.float64)
    for start in range(0, len(a), _BLOCK):
        sims = a[start : start + _BLOCK] @ b.T
        top = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:]
        out[start : start + _BLOCK] = top.mean(axis=1)
    return out


@dataclass(frozen=True)
class _Scorer:
    """Scores candidate beads; everything here is fitted on the document pair."""

    zh: _Side
    en: _Side
    config: AlignConfig
    ratio: float  # English characters per Chinese character, fitted on the pair
    sigma: float  # spread of the log length ratio of linked pairs
    low: float  # mean cosine of all pairs: what "unrelated" looks like here
    scale: float  # mean best cosine minus ``low``: what "translation" looks like
    hub_z: dict[int, np.ndarray]  # span size -> normalised k-NN mean of each span (margin term)
    hub_e: dict[int, np.ndarray]
    hub_mean: float
    len_z: np.ndarray  # prefix sums of lengths
    len_e: np.ndarray
    coverage: Coverage | None = None  # sentence coverage of each bead's paragraphs (set once the band is known)
    by_coverage: bool = False  # bead similarity from sentence coverage instead of paragraph cosines

    @classmethod
    def fit(cls, zh: _Side, en: _Side, config: AlignConfig) -> _Scorer:
        z1, e1 = zh.spans[1], en.spans[1]
        low = mean_cosine(z1, e1)
        best = 0.5 * (_knn_means(z1, e1, 1).mean() + _knn_means(e1, z1, 1).mean())
        # a floor on the contrast keeps unrelated documents (whose best match is barely
        # better than average) from being rescaled into looking like translations
        scale = max(float(best) - low, config.paragraph_min_contrast)
        # a merged span gets its own neighbours: averaging its members' would reward
        # swallowing a dropped paragraph that happens to resemble little
        k = config.paragraph_neighbours
        hub_z = {size: (_knn_means(v, e1, k) - low) / scale for size, v in zh.spans.items()}
        hub_e = {size: (_knn_means(v, z1, k) - low) / scale for size, v in en.spans.items()}
        ratio = _length_ratio(zh, en, config)
        return cls(
            zh, en, config, ratio, config.paragraph_length_sigma, low, scale, hub_z, hub_e,
            float(np.concatenate([hub_z[1], hub_e[1]]).mean()),
            np.concatenate([[0.0], np.cumsum(zh.lengths)]), np.concatenate([[0.0], np.cumsum(en.lengths)]),
        )  # fmt: skip

    def score(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        """Scores of beads joining zh paragraphs [i-a, i) to en paragraphs [j-b, j) for each j."""
        cfg, starts = self.config, js - b
        hub = 0.5 * (self.hub_z[a][i - a] + self.hub_e[b][starts])
        weakest, mutual = self.coverage.judge(a, b, i, starts) if self.coverage is not None else (None, None)
        if self.by_coverage and mutual is not None:
            similarity = mutual
        else:
            similarity = (self.en.spans[b][starts] @ self.zh.spans[a][i - a] - self.low) / self.scale
        score = similarity - cfg.paragraph_margin * (hub - self.hub_mean)
        score += cfg.paragraph_label_weight * self._labels(a, b, i, starts)
        score += cfg.paragraph_number_weight * self._numbers(a, b, i, starts)
        len_z = self.len_z[i] - self.len_z[i - a]
        len_e = self.len_e[js] - self.len_e[starts]
        smooth = cfg.paragraph_length_smoothing
        dev = np.log((len_e + smooth) / (self.ratio * len_z + smooth)) / self.sigma
        score -= cfg.paragraph_length_weight * np.minimum(dev * dev, 25.0) / 2
        score -= cfg.paragraph_merge_penalty * (a + b - 2)
        if weakest is not None:
            score -= cfg.paragraph_member_weight * np.maximum(cfg.paragraph_member_floor - weakest, 0.0)
        return score

    def _labels(self, a: int, b: int, i: int, starts: np.ndarray) -> np.ndarray:
        zl, el = self.zh.labels[i - a], self.en.labels[starts]
        agree = np.where((zl >= 0) & (el >= 0), np.where(el == zl, 1.0, -1.0), 0.0)
        # a numbered paragraph inside a merge means two numbered paragraphs were joined
        inner_z = self.zh.numbered[i - a + 1 : i].any() if a > 1 else False
        inner_e = np.zeros(len(starts), dtype=bool)
        for k in range(1, b):
            inner_e |= self.en.numbered[starts + k]
        return agree - (inner_e | inner_z)

    def _numbers(self, a: int, b: int, i: int, starts: np.ndarray) -> np.ndarray:
        z = frozenset().union(*self.zh.numbers[i - a : i])
        out = np.zeros(len(starts))
        if not z:
            return out
        for n, start in enumerate(starts):
            e = frozenset().union(*self.en.numbers[start : start + b])
            if e:
                out[n] = 2.0 * len(z & e) / len(z | e) - 1.0
        return out


# --- dynamic programme ------------------------------------------------------


def _band(scorer: _Scorer, n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Per DP row i, the half-open column range [lo, hi) searched, around the length diagonal."""
    if n * m <= width * width:
        return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64)
    share_z = scorer.len_z / max(scorer.len_z[-1], 1.0)
    share_e = scorer.len_e / max(scorer.len_e[-1], 1.0)
    centre = np.searchsorted(share_e, share_z)
    lo = np.clip(centre - width, 0, m)
    hi = np.clip(centre + width + 1, 1, m + 1)
    lo, hi = np.minimum.accumulate(lo[::-1])[::-1], np.maximum.accumulate(hi)
    lo[1:] = np.minimum(lo[1:], hi[:-1] - 1)  # rows overlap, so every cell stays reachable
    lo[0], hi[-1] = 0, m + 1
    return lo, hi


def _dp(
    scorer: _Scorer, n: int, m: int, types: Sequence[tuple[int, int]], skip: float, width: int
) -> list[tuple[int, int, int, int]]:
    """Best path as (i, j, a, b) steps: the bead ends at (i, j) and spans a zh and b en units."""
    lo, hi = _band(scorer, n, m, width)
    best: list[np.ndarray] = []
    back: list[np.ndarray] = []
    gap = types.index((0, 1))
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i])
        cand = np.full(len(js), _NEG)
        ptr = np.full(len(js), -1, dtype=np.int8)
        if i == 0 and lo[0] == 0:
            cand[0] = 0.0
        for t, (a, b) in enumerate(types):
            if a == 0 or a > i:
                continue
            src = js - b
            ok = (src >= lo[i - a]) & (src < hi[i - a]) & (src >= 0)
            if not ok.any():
                continue
            val = best[i - a][src[ok] - lo[i - a]]
            if b > 0:
                val = val + scorer.score(a, b, i, js[ok]) - skip
            sel = np.flatnonzero(ok)
            better = val > cand[sel]
            cand[sel[better]] = val[better]
            ptr[sel[better]] = t
        # 0-1 steps chain inside the row: best[j] = max(cand[j], best[j-1]) with gain 0
        run = np.maximum.accumulate(cand)
        ptr[run > cand] = gap
        best.append(run)
        back.append(ptr)
    steps = []
    i, j = n, m
    while i > 0 or j > 0:
        t = int(back[i][j - lo[i]])
        a, b = types[t]
        steps.append((i, j, a, b))
        i, j = i - a, j - b
    return steps[::-1]


# --- entry point ------------------------------------------------------------


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


def align_paragraphs(zh: Document, en: Document, encoder: Encoder, config: AlignConfig) -> ParagraphAlignment:
    """Align the paragraphs of ``zh`` with those of ``en``; bead ids are ``Paragraph.id``.

    Every paragraph appears in exactly one bead, in document order. Confidence of a linked
    bead is a logistic of its score; of an unaligned paragraph, one minus that of its best
    1-1 candidate.
    """
    types = bead_types(config.paragraph_beads)
    zp, ep = zh.paragraphs, en.paragraphs
    n, m = len(zp), len(ep)
    zid, eid = [p.id for p in zp], [p.id for p in ep]
    if n == 0 or m == 0:
        beads = [Bead((k,), (), 1.0, (Flag.UNALIGNED.value,)) for k in zid]
        beads += [Bead((), (k,), 1.0, (Flag.UNALIGNED.value,)) for k in eid]
        return ParagraphAlignment(tuple(beads), usable=True)
    if n == 1 and m == 1:
        # one pair has no "unrelated" level to judge against; sentences decide what is missing
        return ParagraphAlignment((Bead((zid[0],), (eid[0],), 1.0),), usable=True)
    if config.paragraph_vectors not in ("pool", "encode"):
        raise UsageError(f"paragraph_vectors={config.paragraph_vectors!r}: unknown; use 'pool' or 'encode'")
    z_side, e_side = _sides(zp, ep, encoder, types, pool=config.paragraph_vectors == "pool")
    if config.paragraph_centre:
        z_side, e_side = _centred(z_side), _centred(e_side)
    scorer = _Scorer.fit(z_side, e_side, config)
    few = min(n, m) < config.paragraph_min_centred
    if few or config.paragraph_member_weight:
        lo, hi = _band(scorer, n, m, config.paragraph_band)
        coverage = Coverage.build(
            z_side.sentences, e_side.sentences, windows(lo, hi, n, m, types), config.paragraph_min_contrast
        )
        scorer = replace(scorer, coverage=coverage, by_coverage=few)
    steps = _dp(scorer, n, m, types, config.paragraph_skip, config.paragraph_band)
    if config.paragraph_refit:
        scorer = _refit(scorer, steps, config)
        steps = _dp(scorer, n, m, types, config.paragraph_skip, config.paragraph_band)

    def confident(score: float) -> float:
        return _sigmoid(config.paragraph_steepness * (score - config.paragraph_midpoint))

    beads: list[Bead] = []
    for i, j, a, b in steps:
        zs, es = tuple(zid[i - a : i]), tuple(eid[j - b : j])
        if a and b:
            conf = confident(float(scorer.score(a, b, i, np.array([j]))[0]))
            flags = (Flag.MERGED.value,) if a > 1 or b > 1 else ()
            if frozenset().union(*z_side.numbers[i - a : i]) != frozenset().union(*e_side.numbers[j - b : j]):
                flags = (Flag.NUMBER_MISMATCH.value, *flags)
        else:
            best = _best_single(scorer, i - 1 if a else None, j - 1 if b else None, n, m, config.paragraph_band)
            conf = 1.0 - confident(best)
            flags = (Flag.UNALIGNED.value,)
        if conf < config.low_confidence:
            flags = (Flag.LOW_CONFIDENCE.value, *flags)
        beads.append(Bead(zs, es, round(conf, 4), flags))
    problem = structure_problem(zh, en) or _disagreement(beads, zh, en, config)
    return ParagraphAlignment(tuple(beads), usable=problem is None, reason=problem or "")


def _refit(scorer: _Scorer, steps: Sequence[tuple[int, int, int, int]], config: AlignConfig) -> _Scorer:
    """Length ratio and spread re-estimated on the first pass's 1-1 links (robust: median, MAD)."""
    devs = []
    for i, j, a, b in steps:
        len_z, len_e = scorer.zh.lengths[i - 1], scorer.en.lengths[j - 1]
        if a == b == 1 and len_z > 0 and len_e > 0:
            devs.append(math.log(len_e / len_z))
    if len(devs) < 5:
        return scorer
    centre = float(np.median(devs))
    spread = 1.4826 * float(np.median(np.abs(np.array(devs) - centre)))
    sigma = min(max(spread, 0.5 * config.paragraph_length_sigma), config.paragraph_length_sigma)
    return replace(scorer, ratio=math.exp(centre), sigma=sigma)


def _best_single(scorer: _Scorer, zi: int | None, ej: int | None, n: int, m: int, band: int) -> float:
    """Best 1-1 score an unaligned paragraph had against the other side (within ``band``)."""
    if zi is not None:
        centre = round((zi + 1) * m / n)  # the diagonal, scaled to the other side's count
        cols = np.arange(max(1, centre - band), min(m, centre + band) + 1)
        return float(scorer.score(1, 1, zi + 1, cols).max())
    assert ej is not None
    centre = round((ej + 1) * n / m)
    rows = range(max(1, centre - band), min(n, centre + band) + 1)
    return max(float(scorer.score(1, 1, i, np.array([ej + 1]))[0]) for i in rows)


def _disagreement(beads: Sequence[Bead], zh: Document, en: Document, config: AlignConfig) -> str | None:
    """A reason to distrust the paragraph links, or None: low mean confidence, much unaligned."""
    linked = [b.score for b in beads if b.zh and b.en]
    z_size = {p.id: len(p.sentences) for p in zh.paragraphs}
    e_size = {p.id: len(p.sentences) for p in en.paragraphs}
    lost = sum(z_size[k] for b in beads if not b.en for k in b.zh)
    lost += sum(e_size[k] for b in beads if not b.zh for k in b.en)
    total = max(sum(z_size.values()) + sum(e_size.values()), 1)
    mean = sum(linked) / len(linked) if linked else 0.0
    if mean < config.paragraph_min_confidence:
        return f"paragraph links are unsure (mean confidence {mean:.2f})"
    if lost / total > config.paragraph_max_unaligned:
        return f"{lost / total:.0%} of the sentences sit in paragraphs with no counterpart"
    return None
