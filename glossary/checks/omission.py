"""omission and addition: text on one side with no counterpart on the other.

Three signals. A link with an empty side is a sentence the aligner found no counterpart
for. Inside a merged link (2:1, 1:2, 2:2...), a sentence is left out in turn: if the
rest of its side matches the other side *better* without it (cosine of the embeddings
rises by more than ``CheckConfig.coverage_gain``), the other side does not render it —
the aligner merges a dropped or added sentence into its neighbour rather than leave it
alone. And a link whose target is much shorter (omission) or longer (addition) than the
document's own length ratio predicts (median of log target/source length, fitted on the
pair itself) hides a dropped or added clause.
"""

from __future__ import annotations

import math
import re

import numpy as np
from statistics import median
from typing import Sequence

from align.document import Lang
from glossary.checks.pair import Context, Pair, finding
from glossary.checks.untranslated import in_source_language
from glossary.finding import CheckId, Finding, Side, Span

_CONTENT = re.compile(r"[A-Za-z\u3400-\u9fff]")
_SPACE = re.compile(r"\s+")
# when fewer links than this can be used for the fit, assume a typical ratio instead
_MIN_FIT = 8
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PRIOR = 0.0  # lengths are in English-character units, so about 1:1 either way


def _length(text: str) -> int:
    """Length in English-character units: a Han character counts 3 (it carries about as
    much as three English letters), digits, symbols and Latin words count as written, so
    a list of resolution numbers weighs the same in both languages."""
    text = _SPACE.sub(" ", text).strip()
    return len(text) + 2 * len(_HAN.findall(text))


def _has_content(text: str) -> bool:
    """A page number or symbol line alone is noise, not an omitted sentence."""
    return len(_CONTENT.findall(text)) >= 2


def expected_log_ratio(pairs: Sequence[Pair], context: Context) -> float:
    """Median log(target length / source length) over links with text on both sides."""
    ratios = [
        math.log(_length(p.target) / _length(p.source))
        for p in pairs
        if _has_content(p.source) and _has_content(p.target) and _length(p.source) >= 30
    ]
    if len(ratios) < _MIN_FIT:
        return _PRIOR
    return median(ratios)


def _join(sentences: Sequence[str], lang: Lang) -> str:
    return ("" if lang is Lang.ZH else " ").join(s.strip() for s in sentences)


def _coverage(pairs: Sequence[Pair], context: Context, expected: float) -> dict[int, list[Finding]]:
    """Sentences of merged links that the other side of the link does not render.

    A sentence is reported when leaving it out makes its side match the other side
    better (embedding cosine), and either that gain is large or the link is also too
    long on that side for the document's length ratio and is set right without it.
    """
    if context.encoder is None:
        return {}
    config = context.config
    src_lang, tgt_lang = context.source_lang, context.target_lang
    # (pair, side, sentence index, text of its side without it)
    trials: list[tuple[Pair, Side, int, str]] = []
    for pair in pairs:
        ss, ts = pair.source_sentences, pair.target_sentences
        if not ss or not ts or len(ss) + len(ts) < 3:
            continue
        for side, sents, lang in ((Side.SOURCE, ss, src_lang), (Side.TARGET, ts, tgt_lang)):
            if len(sents) < 2:
                continue
            for k, sent in enumerate(sents):
                if _has_content(sent):
                    trials.append((pair, side, k, _join([x for j, x in enumerate(sents) if j != k], lang)))
    if not trials:
        return {}
    wholes = {id(p): (_join(p.source_sentences, src_lang), _join(p.target_sentences, tgt_lang)) for p, _, _, _ in trials}
    texts = sorted({t for w in wholes.values() for t in w} | {t for _, _, _, t in trials})
    vectors = context.encoder.encode(texts)
    vec = {t: np.asarray(vectors[i], dtype=np.float32) for i, t in enumerate(texts)}
    out: dict[int, list[Finding]] = {}
    for pair, side, k, rest in trials:
        src, tgt = wholes[id(pair)]
        other = tgt if side is Side.SOURCE else src
        gain = float(vec[rest] @ vec[other]) - float(vec[src] @ vec[tgt])
        if gain <= config.coverage_gain / 4:  # no better without it: the sentence belongs
            continue
        # deviation of log(target/source length) from the document's ratio, with and without
        ls, lt = _length(src), _length(tgt)
        full = math.log(lt / ls) - expected
        if side is Side.SOURCE:
            without = math.log(lt / max(1, _length(rest))) - expected
            too_long = full < math.log(config.merged_ratio)  # target short for this source
        else:
            without = math.log(max(1, _length(rest)) / ls) - expected
            too_long = full > -math.log(config.merged_ratio)
        if gain <= config.coverage_gain and not (too_long and abs(without) < abs(full)):
            continue
        sents = pair.source_sentences if side is Side.SOURCE else pair.target_sentences
        text = pair.source if side is Side.SOURCE else pair.target
        start = max(0, text.find(sents[k].strip()))
        check = CheckId.OMISSION if side is Side.SOURCE else CheckId.ADDITION
        what = "the target does not render this source sentence" if side is Side.SOURCE else "the source has nothing for this target sentence"
        out.setdefault(pair.index, []).append(
            finding(
                check,
                pair,
                context,
                note=f"{what} (merged link: cosine {gain:+.3f} without it, length {math.exp(full):.0%} of predicted)",
                spans=[Span(side, start, start + len(sents[k].strip()))],
            )
        )
    return out


def find(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    """Omission and addition findings, in link order."""
    config = context.config
    expected = expected_log_ratio(pairs, context)
    inside = _coverage(pairs, context, expected)
    out: list[Finding] = []
    for pair in pairs:
        if pair.index in inside:
            out.extend(inside[pair.index])
            continue
        src, tgt = pair.source.strip(), pair.target.strip()
        if src and not tgt:
            if _has_content(src):
                out.append(
                    finding(
                        CheckId.OMISSION,
                        pair,
                        context,
                        note="source text has no counterpart in the target",
                        spans=[Span(Side.SOURCE, 0, len(pair.source))],
                    )
                )
            continue
        if tgt and not src:
            if _has_content(tgt):
                out.append(
                    finding(
                        CheckId.ADDITION,
                        pair,
                        context,
                        note="target text has no counterpart in the source",
                        spans=[Span(Side.TARGET, 0, len(pair.target))],
                    )
                )
            continue
        if not src or not tgt:
            continue
        if in_source_language(tgt, context.source_lang, config.untranslated_min_words):
            continue  # a copied source has the wrong length for the ratio; untranslated reports it
        ls, lt = _length(src), _length(tgt)
        predicted = ls * math.exp(expected)
        ratio = lt / predicted
        if ratio < config.short_ratio and ls >= config.length_min_chars:
            out.append(
                finding(
                    CheckId.OMISSION,
                    pair,
                    context,
                    note=f"target is {ratio:.0%} of the length the source predicts ({lt} vs ~{predicted:.0f} chars)",
                )
            )
        elif ratio > config.long_ratio and lt >= config.length_min_chars:
            out.append(
                finding(
                    CheckId.ADDITION,
                    pair,
                    context,
                    note=f"target is {ratio:.0%} of the length the source predicts ({lt} vs ~{predicted:.0f} chars)",
                )
            )
    return out
