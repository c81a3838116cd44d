"""What every check works on: aligned source/target segments with their locations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from align.alignment import Alignment
from align.document import Document, Lang
from glossary.check_config import CheckConfig
from glossary.finding import CheckId, Finding, Location, Side, Span
from glossary.term import Status, Term


@dataclass(frozen=True)
class Pair:
    """One aligned link seen from the source language: either side may be empty."""

    index: int  # position in the alignment (document order)
    source: str
    target: str
    source_loc: Location
    target_loc: Location
    score: float


@dataclass(frozen=True)
class Context:
    """What checks share: languages, the usable glossary rows and the settings."""

    source_lang: Lang
    target_lang: Lang
    terms: tuple[Term, ...]
    config: CheckConfig

    def form_lists(self, term: Term) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``(source forms, target forms)`` of a term: preferred form first, then variants."""
        zh = (term.zh, *term.zh_variants)
        en = (term.en, *term.en_variants)
        return (en, zh) if self.source_lang is Lang.EN else (zh, en)


def usable_terms(glossaries: Sequence[Sequence[Term]]) -> tuple[Term, ...]:
    """All rows of all glossaries except rejected ones, first occurrence of a pair kept."""
    seen: set[tuple[str, str]] = set()
    out: list[Term] = []
    for glossary in glossaries:
        for term in glossary:
            if term.status is Status.REJECTED or (term.zh, term.en) in seen:
                continue
            seen.add((term.zh, term.en))
            out.append(term)
    return tuple(out)


def _location(doc: Document | None, name: str, sentence_ids: tuple[int, ...], paragraphs: tuple[int, ...]) -> Location:
    """Paragraph labels come from the document when the alignment carries it."""
    labels: tuple[str, ...] = ()
    if doc is not None:
        by_id = {p.id: p for p in doc.paragraphs}
        if not paragraphs:
            para_of = {s.id: s.paragraph for s in doc.sentences}
            paragraphs = tuple(sorted({para_of[i] for i in sentence_ids if i in para_of}))
        labels = tuple((by_id[p].label or "") if p in by_id else "" for p in paragraphs)
        name = name or doc.name
    return Location(document=name, paragraphs=paragraphs, labels=labels, sentences=sentence_ids)


def pairs_of(alignment: Alignment, source_lang: Lang) -> list[Pair]:
    """The alignment's links as source/target pairs, in document order."""
    zh_name = alignment.zh_name or (alignment.zh.name if alignment.zh else "")
    en_name = alignment.en_name or (alignment.en.name if alignment.en else "")
    pairs = []
    for i, link in enumerate(alignment.links):
        zh = _location(alignment.zh, zh_name, link.zh_ids, link.zh_paragraphs)
        en = _location(alignment.en, en_name, link.en_ids, link.en_paragraphs)
        if source_lang is Lang.EN:
            pairs.append(Pair(i, link.en, link.zh, en, zh, link.score))
        else:
            pairs.append(Pair(i, link.zh, link.en, zh, en, link.score))
    return pairs


def finding(
    check: CheckId,
    pair: Pair,
    context: Context,
    *,
    expected: str = "",
    found: str = "",
    note: str = "",
    spans: Sequence[Span] = (),
) -> Finding:
    """A finding on one pair, its severity from the settings (id assigned later)."""
    return Finding(
        id="",
        check=check,
        severity=context.config.severity(check),
        source=pair.source_loc,
        target=pair.target_loc,
        source_text=pair.source,
        target_text=pair.target,
        expected=expected,
        found=found,
        note=note,
        spans=tuple(spans),
    )


def window(pairs: Sequence[Pair], i: int, size: int) -> Sequence[Pair]:
    """Pair ``i`` with ``size`` neighbours on each side (the aligner may cut elsewhere)."""
    return pairs[max(0, i - size) : i + size + 1]


def spans(side: Side, ranges: Sequence[tuple[int, int]]) -> list[Span]:
    return [Span(side, start, end) for start, end in ranges]

