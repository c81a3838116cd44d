"""Links seen from the source side, with paragraph labels; helpers other check tests share."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from align.alignment import Alignment, Level, Link, Signature
from align.document import Document, Lang, Paragraph, ParagraphKind, Sentence
from glossary.check_config import CheckConfig
from glossary.checks.pair import Context, Pair, pairs_of, usable_terms
from glossary.finding import Location
from glossary.term import Status, Term

SIGNATURE = Signature("paraterm", "test", "fake", ())


def make_alignment(rows: Sequence[tuple[str, str]], *, zh_name: str = "zh.txt", en_name: str = "en.txt") -> Alignment:
    """One link per ``(en, zh)`` row, one sentence per paragraph; ``""`` = unaligned side."""
    links, zi, ei = [], 0, 0
    for en, zh in rows:
        zh_ids = (zi,) if zh else ()
        en_ids = (ei,) if en else ()
        zi += bool(zh)
        ei += bool(en)
        links.append(Link(zh_ids, en_ids, zh, en, 0.9, (), zh_ids, en_ids))
    return Alignment(None, None, Level.SENTENCE, links, SIGNATURE, zh_name=zh_name, en_name=en_name)


def pairs(rows: Sequence[tuple[str, str]], source: Lang = Lang.EN) -> list[Pair]:
    return pairs_of(make_alignment(rows), source)


def context(terms: Sequence[Term] = (), source: Lang = Lang.EN, config: CheckConfig = CheckConfig()) -> Context:
    return Context(source, Lang.ZH if source is Lang.EN else Lang.EN, usable_terms([terms]), config)


def _document(lang: Lang, texts: Sequence[tuple[str | None, str]]) -> Document:
    paragraphs = tuple(
        Paragraph(i, text, ParagraphKind.NUMBERED if label else ParagraphKind.BODY, label, (Sentence(i, i, text),))
        for i, (label, text) in enumerate(texts)
    )
    return Document(Path(f"doc.{lang.value}.txt"), lang, paragraphs)


def test_pairs_take_the_source_side_first_in_either_direction() -> None:
    rows = [("One.", "一。"), ("Two.", "")]
    en_first = pairs(rows, Lang.EN)
    zh_first = pairs(rows, Lang.ZH)
    assert [(p.source, p.target) for p in en_first] == [("One.", "一。"), ("Two.", "")]
    assert [(p.source, p.target) for p in zh_first] == [("一。", "One."), ("", "Two.")]
    assert en_first[1].source_loc == Location("en.txt", (1,), (), (1,))
    assert zh_first[1].source_loc == Location("zh.txt", (), (), ())


def test_paragraph_labels_come_from_the_documents() -> None:
    en = _document(Lang.EN, [(None, "Title"), ("1.", "Body.")])
    zh = _document(Lang.ZH, [(None, "标题"), ("1.", "正文。")])
    links = [Link((0,), (0,), "标题", "Title", 1.0), Link((1,), (1,), "正文。", "Body.", 1.0)]
    alignment = Alignment(zh, en, Level.SENTENCE, links, SIGNATURE)
    got = pairs_of(alignment, Lang.EN)
    assert got[1].source_loc == Location("doc.en.txt", (1,), ("1.",), (1,))
    assert str(got[1].target_loc) == "¶2[1.] s1"


def test_rejected_rows_are_ignored_and_duplicates_kept_once() -> None:
    keep = Term("核武器", "nuclear weapon", status=Status.APPROVED)
    gone = Term("核武", "nuclear weapon", status=Status.REJECTED)
    assert usable_terms([[keep, gone], [keep]]) == (keep,)
