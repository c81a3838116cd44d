"""Glossary rows merged into concepts: rows sharing a source form are one concept.

Two rows ``security assurances -> 安全保证`` and ``security assurances -> 安全保障`` mean the
source form may be rendered either way, so they are checked together.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from align.document import Lang
from glossary.checks.pair import Context, Pair
from glossary.matching import FormIndex, Occurrence, head_word, is_proper, lang_of_form
from glossary.term import Status


@dataclass(frozen=True)
class Concept:
    """Source forms and acceptable target forms; ``target[0]`` is the preferred rendering."""

    source: tuple[str, ...]
    target: tuple[str, ...]


def _key(form: str) -> str:
    """Forms equal for matching purposes share one key (case only for proper-noun forms)."""
    form = " ".join(form.split())
    return form if is_proper(form) or lang_of_form(form).value == "zh" else form.lower()


def concepts(context: Context) -> list[Concept]:
    """Approved, candidate and new rows grouped by shared source forms (union-find)."""
    rows = []
    for term in context.terms:
        if term.status is Status.FORBIDDEN:
            continue
        src, tgt = context.form_lists(term)
        src = tuple(f for f in src if f.strip())
        tgt = tuple(f for f in tgt if f.strip())
        if src and tgt:
            rows.append((src, tgt))
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, (src, _) in enumerate(rows):
        for form in src:
            j = owner.setdefault(_key(form), i)
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        src = tuple(dict.fromkeys(f for i in members for f in rows[i][0]))
        tgt = tuple(dict.fromkeys(f for i in members for f in rows[i][1]))
        out.append(Concept(src, tgt))
    return out


@dataclass
class ConceptMatches:
    """Per pair: occurrences of each concept's source forms and target forms."""

    concepts: list[Concept]
    source: list[list[Occurrence]]  # key = concept index
    target: list[list[Occurrence]]  # key = concept index (all target forms of the concept)
    # key = concept index: target words of longer glossary terms the concept's source
    # form ends (see :func:`compound_heads`)
    heads: list[tuple[str, ...]] = field(default_factory=list)

    def source_count(self, i: int) -> Counter[int]:
        return Counter(o.key for o in self.source[i])

    def target_count(self, i: int) -> Counter[int]:
        return Counter(o.key for o in self.target[i])


def match_concepts(pairs: Sequence[Pair], context: Context) -> ConceptMatches:
    """Find every concept in the source of every pair, and in its target those the
    source names in the pair or its neighbours (``CheckConfig.window``).

    A target form shared by two concepts is counted for both: it satisfies either.
    """
    found = concepts(context)
    src_index = FormIndex([(k, f) for k, c in enumerate(found) for f in c.source], context.source_lang)
    # target forms indexed once each; a form maps back to every concept that allows it
    forms: dict[str, int] = {}
    owners: dict[int, list[int]] = {}
    for k, c in enumerate(found):
        for f in c.target:
            fid = forms.setdefault(_key(f), len(forms))
            owners.setdefault(fid, []).append(k)
    tgt_index = FormIndex([(fid, f) for f, fid in ((f, forms[_key(f)]) for c in found for f in c.target)], context.target_lang)
    source = [_drop_glosses(p.source, src_index.find(p.source)) if p.source else [] for p in pairs]
    target = []
    w = context.config.window
    for i, pair in enumerate(pairs):
        # Only concepts the source names are looked for in the target: a longer term the
        # source does not use (彻底消除核武器) must not hide one it does (核武器). Concepts
        # named in neighbouring links only (the aligner may cut elsewhere) are looked for
        # in a second pass that hides nothing from the first.
        own = {o.key for o in source[i]}
        near = {o.key for j in range(max(0, i - w), min(len(pairs), i + w + 1)) for o in source[j]} - own
        occ: list[Occurrence] = []
        for wanted in (own, near):
            fids = {fid for fid, keys in owners.items() if wanted.intersection(keys)}
            if pair.target and fids:
                occ.extend(Occurrence(k, o.form, o.start, o.end) for o in tgt_index.find(pair.target, fids) for k in sorted(set(owners[o.key])) if k in wanted)
        occ += _unmirrored_nested(pair.target, occ, own, found, owners, tgt_index)
        target.append(_drop_glosses(pair.target, sorted(occ, key=lambda o: (o.start, o.key))))
    return ConceptMatches(found, source, target, compound_heads(found, context.source_lang))


def compound_heads(found: Sequence[Concept], source_lang: Lang) -> list[tuple[str, ...]]:
    """Per concept, the English head words of longer Chinese terms its source form ends.

    Chinese writes compounds without spaces, so a short term can close a longer name the
    glossary does not list. The glossary shows where this happens: 大会 ends 审议大会, whose
    rendering "Review Conference" does not contain "General Assembly", so 大会 may also head
    审议和延期大会 or 缔约方大会, rendered "... Conference". Only Chinese sources have these.
    """
    heads: list[list[str]] = [[] for _ in found]
    if source_lang is not Lang.ZH:
        return [()] * len(found)
    longer: dict[str, list[int]] = {}  # proper suffix of a source form -> concepts it ends
    for k, c in enumerate(found):
        for form in c.source:
            form = "".join(form.split())
            for cut in range(1, len(form) - 1):
                longer.setdefault(form[cut:], []).append(k)
    for k, c in enumerate(found):
        outer = {j for form in c.source for j in longer.get("".join(form.split()), ()) if j != k}
        for j in sorted(outer):
            if _contains(found[j].target, c.target):
                continue  # the nesting is mirrored: 无核武器区 holds 核武器 as the English does
            heads[k].extend(h for h in map(head_word, found[j].target) if h and h not in heads[k])
    return [tuple(h) for h in heads]


def _unmirrored_nested(
    text: str,
    found_here: list[Occurrence],
    own: set[int],
    found: list[Concept],
    owners: dict[int, list[int]],
    index: FormIndex,
) -> list[Occurrence]:
    """Occurrences of a source-named concept inside a longer target match that hid them.

    Longest-match is right when the nesting mirrors the source (无核武器区 holds 核武器 as
    "nuclear-weapon-free zone" holds "nuclear-weapon"), wrong when it is the target
    language's alone: 世界贸易组织 inside 世界贸易组织和日内瓦其他国际组织 still renders
    "World Trade Organization", which "international organizations in Geneva" does not contain.
    """
    extra: list[Occurrence] = []
    for outer in found_here:
        inner_keys = {k for k in own if k != outer.key and not _nests(found[outer.key], found[k])}
        fids = {fid for fid, keys in owners.items() if inner_keys.intersection(keys)}
        if not fids:
            continue
        span = text[outer.start : outer.end]
        for o in index.find(span, fids):
            extra += [Occurrence(k, o.form, outer.start + o.start, outer.start + o.end) for k in sorted(set(owners[o.key])) if k in inner_keys]
    return extra


def _nests(outer: Concept, inner: Concept) -> bool:
    """Does a source form of ``outer`` contain a source form of ``inner``?"""
    return _contains(outer.source, inner.source)


def _contains(outer: Sequence[str], inner: Sequence[str]) -> bool:
    """Does one of the ``outer`` forms contain one of the ``inner`` forms (as the matcher sees
    forms: plural and hyphen variants alike)?"""
    return any(FormIndex([(0, i)], lang_of_form(i)).find(o) for o in outer for i in inner)


def _drop_glosses(text: str, found: list[Occurrence]) -> list[Occurrence]:
    """An acronym defined in brackets right after its full form is one mention, not two:
    ``nuclear-weapon-free zones (NWFZs)`` is rendered ``无核武器区`` once."""
    out: list[Occurrence] = []
    for occ in found:
        prev = next((o for o in reversed(out) if o.key == occ.key), None)
        if prev is not None and text[prev.end : occ.start].strip() in ("(", "（"):
            continue
        out.append(occ)
    return out
