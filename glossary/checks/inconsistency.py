"""inconsistency: one source rendered in different ways across the document set.

Two kinds. The same source sentence (after folding case-insensitive whitespace and
width) translated by different target sentences; and a glossary concept rendered by
different allowed forms (preferred form here, a full-length variant there; short forms
and acronyms after the full form are normal style) — only with
``CheckConfig.term_consistency``, since allowed variants are usually mixed on purpose.
Each place that departs
from the most frequent rendering is reported, pointing at that rendering.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from glossary.checks.concepts import match_concepts
from glossary.checks.pair import Context, Pair, finding
from glossary.finding import CheckId, Finding, Side, Span
from glossary.matching import fold_char

# sentences shorter than this (folded characters) repeat legitimately with different
# renderings in context ("Yes.", "Item 5"); Chinese counted x3
_MIN_SENTENCE = 25


def _fold(text: str) -> str:
    return " ".join("".join(map(fold_char, text)).split())


def _sentences(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    groups: dict[str, list[Pair]] = {}
    for pair in pairs:
        # only 1:1 links: a merged link's target also renders its neighbour
        if len(pair.source_loc.sentences) != 1 or len(pair.target_loc.sentences) != 1:
            continue
        key = _fold(pair.source)
        weight = 3 if context.source_lang.value == "zh" else 1
        if len(key) * weight >= _MIN_SENTENCE and pair.target.strip():
            groups.setdefault(key, []).append(pair)
    out: list[Finding] = []
    for members in groups.values():
        renderings = Counter(_fold(p.target) for p in members)
        if len(renderings) < 2:
            continue
        # most frequent rendering wins; ties go to the first place it was used
        first = {r: i for i, r in reversed(list(enumerate(_fold(p.target) for p in members)))}
        usual = max(renderings, key=lambda r: (renderings[r], -first[r]))
        model = next(p for p in members if _fold(p.target) == usual)
        for pair in members:
            if _fold(pair.target) != usual:
                out.append(
                    finding(
                        CheckId.INCONSISTENCY,
                        pair,
                        context,
                        expected=model.target,
                        found=pair.target,
                        note=f"same source sentence rendered differently at {model.target_loc}",
                        spans=[Span(Side.TARGET, 0, len(pair.target))],
                    )
                )
    return out


def _terms(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    matches = match_concepts(pairs, context)
    # per concept: which allowed target form each pair used
    used: dict[int, list[tuple[Pair, str, int, int]]] = {}
    for i, pair in enumerate(pairs):
        keys = {o.key for o in matches.source[i]}
        for occ in matches.target[i]:
            if occ.key in keys and len(matches.concepts[occ.key].target) > 1:
                used.setdefault(occ.key, []).append((pair, occ.form, occ.start, occ.end))
    out: list[Finding] = []
    for key, places in sorted(used.items()):
        preferred = matches.concepts[key].target[0]
        # a short form (裁谈会, NWFZ) after the full one is house style, not inconsistency
        places = [p for p in places if len(p[1]) >= len(preferred)]
        forms = Counter(form for _, form, _, _ in places)
        if len(forms) < 2:
            continue
        order = {f: i for i, f in enumerate(matches.concepts[key].target)}
        usual = max(forms, key=lambda f: (forms[f], -order.get(f, 99)))
        for pair, form, start, end in places:
            if form != usual:
                out.append(
                    finding(
                        CheckId.INCONSISTENCY,
                        pair,
                        context,
                        expected=usual,
                        found=form,
                        note=f"'{usual}' is used {forms[usual]}x elsewhere (preferred: '{preferred}')",
                        spans=[Span(Side.TARGET, start, end)],
                    )
                )
    return out


def find(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    """Sentence-level inconsistencies, then term-level ones if switched on."""
    terms = _terms(pairs, context) if context.config.term_consistency else []
    return _sentences(pairs, context) + terms
