"""inconsistency: one source rendered in different ways across the document set.

Two kinds. The same source sentence (after folding case-insensitive whitespace and
width) translated by different target sentences; and a glossary concept rendered by
different allowed forms (preferred form here, a full-length variant there; short forms
and acronyms after the full form are normal style) — only with
``CheckConfig.term_consistency``, since allowed variants are usually mixed on purpose.
Each place that departs
from the most frequent rendering is reported, pointing at that rendering. With
translations stored in a corpus (``Context.references``, from ``check --db``) their
renderings count too, first, so a document that departs from established usage is
reported; nothing is reported on the stored translations themselves.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from glossary.checks.concepts import concepts, match_concepts
from glossary.checks.pair import Context, Pair, finding
from glossary.finding import CheckId, Finding, Side, Span
from glossary.matching import fold_char

# sentences shorter than this (folded characters) repeat legitimately with different
# renderings in context ("Yes.", "Item 5"); Chinese counted x3
_MIN_SENTENCE = 25
# stored links (``check --db``) below this confidence may be misaligned: not taken as usage
_MIN_STORED_SCORE = 0.5


def _fold(text: str) -> str:
    return " ".join("".join(map(fold_char, text)).split())


def _stored(context: Context) -> list[Pair]:
    """Stored links trusted enough to stand for an established rendering."""
    return [p for ref in context.references for p in ref if p.score >= _MIN_STORED_SCORE]


def _where(model: Pair, stored: bool) -> str:
    """Where the usual rendering is: this document, or a stored one (named)."""
    if stored:
        return f"in the corpus at {model.target_loc.document} {model.target_loc}"
    return f"at {model.target_loc}"


def _sentences(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    # stored translations first: among equally frequent renderings the earlier one wins
    places = [(p, True) for p in _stored(context)] + [(p, False) for p in pairs]
    weight = 3 if context.source_lang.value == "zh" else 1
    groups: dict[str, list[tuple[Pair, bool]]] = {}
    for pair, stored in places:
        # only 1:1 links: a merged link's target also renders its neighbour
        if len(pair.source_loc.sentences) != 1 or len(pair.target_loc.sentences) != 1:
            continue
        key = _fold(pair.source)
        if len(key) * weight >= _MIN_SENTENCE and pair.target.strip():
            groups.setdefault(key, []).append((pair, stored))
    out: list[Finding] = []
    for members in groups.values():
        renderings = Counter(_fold(p.target) for p, _ in members)
        if len(renderings) < 2 or all(stored for _, stored in members):
            continue
        # most frequent rendering wins; ties go to the first place it was used
        first = {r: i for i, r in reversed(list(enumerate(_fold(p.target) for p, _ in members)))}
        usual = max(renderings, key=lambda r: (renderings[r], -first[r]))
        model, model_stored = next((p, s) for p, s in members if _fold(p.target) == usual)
        for pair, stored in members:
            if not stored and _fold(pair.target) != usual:
                out.append(
                    finding(
                        CheckId.INCONSISTENCY,
                        pair,
                        context,
                        expected=model.target,
                        found=pair.target,
                        note=f"same source sentence rendered differently {_where(model, model_stored)}",
                        spans=[Span(Side.TARGET, 0, len(pair.target))],
                    )
                )
    return out


def _forms_used(pairs: Sequence[Pair], context: Context, stored: bool) -> dict[int, list[tuple[Pair, str, int, int, bool]]]:
    """Per concept with several allowed target forms: which form each pair used."""
    matches = match_concepts(pairs, context)
    used: dict[int, list[tuple[Pair, str, int, int, bool]]] = {}
    for i, pair in enumerate(pairs):
        keys = {o.key for o in matches.source[i]}
        for occ in matches.target[i]:
            if occ.key in keys and len(matches.concepts[occ.key].target) > 1:
                used.setdefault(occ.key, []).append((pair, occ.form, occ.start, occ.end, stored))
    return used


def _terms(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    used: dict[int, list[tuple[Pair, str, int, int, bool]]] = {}
    for ref in context.references:
        for key, places in _forms_used(ref, context, True).items():
            used.setdefault(key, []).extend(places)
    for key, places in _forms_used(pairs, context, False).items():
        used.setdefault(key, []).extend(places)
    targets = [c.target for c in concepts(context)]
    out: list[Finding] = []
    for key, places in sorted(used.items()):
        preferred = targets[key][0]
        # a short form (裁谈会, NWFZ) after the full one is house style, not inconsistency
        places = [p for p in places if len(p[1]) >= len(preferred)]
        forms = Counter(p[1] for p in places)
        if len(forms) < 2:
            continue
        order = {f: i for i, f in enumerate(targets[key])}
        usual = max(forms, key=lambda f: (forms[f], -order.get(f, 99)))
        for pair, form, start, end, stored in places:
            if form != usual and not stored:
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
