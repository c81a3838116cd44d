"""What every check works on: aligned source/target segments with their locations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from align.alignment import Alignment
from align.document import Document, Lang
from align.encoder import Encoder
from glossary.check_config import CheckConfig
from glossary.finding import CheckId, Finding, Location, Span
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
    # the link's sentences one by one (the link text itself when the documents are unknown)
    source_sentences: tuple[str, ...] = ()
    target_sentences: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """What checks share: languages, the usable glossary rows and the settings."""

    source_lang: Lang
    target_lang: Lang
    terms: tuple[Term, ...]
    config: CheckConfig
    encoder: Encoder | None = None  # for checks inside merged links; None = skip them
    # translations stored in a corpus (``check --db``), one tuple of pairs per stored
    # document pair, seen from the same source language; only the inconsistency check
    # reads them, and nothing is reported on them
    references: tuple[tuple[Pair, ...], ...] = ()

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


class _DocIndex:
    """Sentence texts, sentence -> paragraph and paragraph labels of one document, built once."""

    def __init__(self, doc: Document | None, name: str) -> None:
        self.doc = doc
        self.name = name or (doc.name if doc is not None else "")
        sentences = doc.sentences if doc is not None else ()
        self.text = {s.id: s.text for s in sentences}
        self.paragraph = {s.id: s.paragraph for s in sentences}
        self.label = {p.id: p.label or "" for p in doc.paragraphs} if doc is not None else {}

    def location(self, ids: tuple[int, ...], paragraphs: tuple[int, ...]) -> Location:
        """Paragraph labels come from the document when the alignment carries it."""
        if self.doc is None:
            return Location(self.name, paragraphs, (), ids)
        if not paragraphs:
            paragraphs = tuple(sorted({self.paragraph[i] for i in ids if i in self.paragraph}))
        return Location(self.name, paragraphs, tuple(self.label.get(p, "") for p in paragraphs), ids)

    def sentences(self, ids: tuple[int, ...], text: str) -> tuple[str, ...]:
        if not text.strip():
            return ()
        if ids and all(i in self.text for i in ids):
            return tuple(self.text[i] for i in ids)
        return (text,)


def pairs_of(alignment: Alignment, source_lang: Lang) -> list[Pair]:
    """The alignment's links as source/target pairs, in document order."""
    zh = _DocIndex(alignment.zh, alignment.zh_name)
    en = _DocIndex(alignment.en, alignment.en_name)
    pairs = []
    for i, link in enumerate(alignment.links):
        zl, el = zh.location(link.zh_ids, link.zh_paragraphs), en.location(link.en_ids, link.en_paragraphs)
        zs, es = zh.sentences(link.zh_ids, link.zh), en.sentences(link.en_ids, link.en)
        if source_lang is Lang.EN:
            pairs.append(Pair(i, link.en, link.zh, el, zl, link.score, es, zs))
        else:
            pairs.append(Pair(i, link.zh, link.en, zl, el, link.score, zs, es))
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
