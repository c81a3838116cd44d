"""omission and addition: text on one side with no counterpart on the other.

Two signals. A link with an empty side is a sentence the aligner found no counterpart
for. A link whose target is much shorter (omission) or longer (addition) than the
document's own length ratio predicts hides a dropped or added clause inside a merged link.
The ratio is fitted on the document pair itself (median of log target/source length),
since Chinese/English character ratios vary with the text.
"""

from __future__ import annotations

import math
import re
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
_PRIOR = {Lang.EN: math.log(0.33), Lang.ZH: math.log(3.0)}  # target/source chars, by source


def _length(text: str) -> int:
    return len(_SPACE.sub(" ", text).strip())


def _has_content(text: str) -> bool:
    """A page number or symbol line alone is noise, not an omitted sentence."""
    return len(_CONTENT.findall(text)) >= 2


def expected_log_ratio(pairs: Sequence[Pair], context: Context) -> float:
    """Median log(target length / source length) over links with text on both sides."""
    ratios = [
        math.log(_length(p.target) / _length(p.source))
        for p in pairs
        if _has_content(p.source) and _has_content(p.target) and _length(p.source) >= 10
    ]
    if len(ratios) < _MIN_FIT:
        return _PRIOR[context.source_lang]
    return median(ratios)


def _min_chars(context: Context, lang: Lang) -> float:
    # length_min_chars is in English characters; a Chinese character carries about three
    return context.config.length_min_chars / (3 if lang is Lang.ZH else 1)


def find(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    """Omission and addition findings, in link order."""
    config = context.config
    expected = expected_log_ratio(pairs, context)
    out: list[Finding] = []
    for pair in pairs:
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
        if ratio < config.short_ratio and ls >= _min_chars(context, context.source_lang):
            out.append(
                finding(
                    CheckId.OMISSION,
                    pair,
                    context,
                    note=f"target is {ratio:.0%} of the length the source predicts ({lt} vs ~{predicted:.0f} chars)",
                )
            )
        elif ratio > config.long_ratio and lt >= _min_chars(context, context.target_lang):
            out.append(
                finding(
                    CheckId.ADDITION,
                    pair,
                    context,
                    note=f"target is {ratio:.0%} of the length the source predicts ({lt} vs ~{predicted:.0f} chars)",
                )
            )
    return out
