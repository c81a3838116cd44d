"""term-missing: a glossary term in the source whose rendering the aligned target lacks.

Counts matter: a source segment naming a term twice needs its rendering twice, unless
the target renders at least one mention and may make the others another way — by a
pronoun or a short form ("the Conference", 该条约, 其) — or the translation as a whole
renders that term less often than the source names it (Chinese repeats 核武器 where English
says "them"; "Security Council resolutions 487 and 687" becomes 安全理事会第 487 号和第 687 号
决议): then only a rendering missing altogether is reported. A Chinese term that may head a
longer name the glossary does not list (大会 in 缔约方大会, see
:func:`glossary.checks.concepts.compound_heads`) is not required where the English has that
name's head ("Conference") unaccounted for. Before reporting, the neighbouring links are
counted too (``CheckConfig.window``), because the aligner may have put the rendering one
sentence over.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from align.document import Lang
from glossary.checks.concepts import Concept, match_concepts
from glossary.checks.pair import Context, Pair, finding
from glossary.finding import CheckId, Finding, Side, Span
from glossary.matching import Occurrence, en_pattern, head_word, normalise

_PRONOUN = {
    Lang.EN: re.compile(r"\b(?:it|its|itself|they|them|their|themselves)\b", re.IGNORECASE),
    # 其 as "its/their", not inside 其他, 其中, 尤其...
    Lang.ZH: re.compile(r"它们?|(?<![尤极与])其(?![他它中余实次间])"),
}
_DEMONSTRATIVE = {Lang.EN: r"\b(?i:the|such|these|those|this)\s+", Lang.ZH: r"(?:该|本|此|上述|这一?|这些)"}


def _free(matches: list[re.Match[str]], taken: Sequence[Occurrence]) -> int:
    """Matches overlapping no glossary form already found in the text."""
    return sum(1 for m in matches if not any(m.start() < o.end and o.start < m.end() for o in taken))


def _short_forms(concept: Concept, text: str, after: int, taken: Sequence[Occurrence], lang: Lang) -> int:
    """Mentions of ``concept`` that ``text`` may make after offset ``after`` (its first full
    rendering: anaphora follows its antecedent) other than by a glossary form: pronouns,
    and a demonstrative with the rendering's head ("the Conference", "such weapons", 该理事会)."""
    if lang is Lang.EN:
        heads = sorted({h for h in map(head_word, concept.target) if h})
        names = [en_pattern(h).pattern for h in heads]
    else:
        text, after = normalise(text[after:], Lang.ZH)[0], 0  # offsets then differ from ``taken``
        taken = ()  # a demonstrative plus a proper suffix never overlaps the full form
        forms = {"".join(f.split()) for f in concept.target}
        names = sorted({re.escape(f[cut:]) for f in forms for cut in range(1, len(f) - 1)}, key=len, reverse=True)
    found = sum(1 for _ in _PRONOUN[lang].finditer(text, after))
    if names:
        short = re.compile(_DEMONSTRATIVE[lang] + f"(?:{'|'.join(names)})")
        found += _free(list(short.finditer(text, after)), taken)
    return found


def _heads(words: Sequence[str], text: str, taken: Sequence[Occurrence]) -> int:
    """Occurrences of compound heads in ``text`` outside the glossary forms found there."""
    return sum(_free(list(en_pattern(w).finditer(text)), taken) for w in words)


def find(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    """Findings for source terms whose target rendering is missing or too rare."""
    matches = match_concepts(pairs, context)
    src_counts = [matches.source_count(i) for i in range(len(pairs))]
    tgt_counts = [matches.target_count(i) for i in range(len(pairs))]
    total_src = sum(src_counts, Counter())
    total_tgt = sum(tgt_counts, Counter())
    out: list[Finding] = []
    for i, pair in enumerate(pairs):
        if not pair.source.strip() or not pair.target.strip():
            continue  # a segment with no counterpart is the omission check's business
        for key, need in sorted(src_counts[i].items()):
            have = tgt_counts[i][key]
            if have >= need:
                continue
            # elsewhere in the document, is every mention of this term rendered?
            elsewhere_short = total_tgt[key] - have < total_src[key] - need
            if have > 0 and elsewhere_short:
                continue
            concept = matches.concepts[key]
            otherwise = _heads(matches.heads[key] if matches.heads else (), pair.target, matches.target[i])
            if have > 0:
                first = min(o.end for o in matches.target[i] if o.key == key)
                otherwise += _short_forms(concept, pair.target, first, matches.target[i], context.target_lang)
            if have + otherwise >= need:
                continue
            near = range(max(0, i - context.config.window), min(len(pairs), i + context.config.window + 1))
            if sum(src_counts[j][key] for j in near) <= sum(tgt_counts[j][key] for j in near):
                continue
            source_hits = [o for o in matches.source[i] if o.key == key]
            target_hits = [o for o in matches.target[i] if o.key == key]
            allowed = " / ".join(concept.target)
            out.append(
                finding(
                    CheckId.TERM_MISSING,
                    pair,
                    context,
                    expected=concept.target[0],
                    found=", ".join(o.form for o in target_hits),
                    note=f"source has '{pair.source[source_hits[0].start : source_hits[0].end]}' {need}x, target has {allowed} {have}x",
                    spans=[Span(Side.SOURCE, o.start, o.end) for o in source_hits]
                    + [Span(Side.TARGET, o.start, o.end) for o in target_hits],
                )
            )
    return out
