"""Bilingual concordance over the stored corpus: exact matches, or nearest by embedding.

Plain search scans the stored links for the query in either language (Chinese exact,
English case-insensitive) and returns each match with its aligned counterpart and the
match span for highlighting. Semantic search encodes the query with the corpus's model
and asks the FAISS index for the nearest stored sentences, in either language.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path

from align.corpus_encoders import encode_query
from align.document import Lang
from align.encoder import Encoder
from align.errors import UsageError
from align.store import CorpusStore
from align.vectors import sync_index

DEFAULT_LIMIT = 20


class OutputFormat(str, Enum):
    TABLE = "table"
    JSONL = "jsonl"
    TSV = "tsv"


@dataclass(frozen=True)
class Hit:
    """One concordance line: the matching segment, its counterpart, and where they are."""

    lang: Lang  # the side that matched the query
    text: str  # the matching segment
    counterpart: str  # the aligned segment in the other language ("" if unaligned)
    span: tuple[int, int] | None  # where the query is in ``text`` (plain search only)
    score: float  # the link's confidence (plain) or the cosine to the query (semantic)
    document: str  # file name of the matching side
    counterpart_document: str
    paragraph: str  # the paragraph's printed label, else "¶N" (1-based)
    link_score: float | None  # the link's confidence, None if the segment is in no link


_LINK_QUERY = (
    "SELECT l.pair_id, l.seq, l.zh, l.en, l.score, l.zh_paragraphs, l.en_paragraphs,"
    " z.id, z.path, e.id, e.path FROM links l JOIN pairs p ON p.id = l.pair_id"
    " JOIN documents z ON z.id = p.zh_doc JOIN documents e ON e.id = p.en_doc"
)


def _paragraph(store: CorpusStore, doc_id: int, ids: str) -> str:
    if not ids:
        return ""
    first = int(ids.split(",")[0])
    row = store.connection.execute(
        "SELECT label FROM paragraphs WHERE doc_id = ? AND id = ?", (doc_id, first)
    ).fetchone()
    return row[0] if row and row[0] else f"¶{first + 1}"


def _hit(store: CorpusStore, row: tuple, lang: Lang, span: tuple[int, int] | None, score: float) -> Hit:
    _, _, zh, en, link_score, zh_par, en_par, zh_id, zh_path, en_id, en_path = row
    if lang is Lang.ZH:
        return Hit(lang, zh, en, span, score, Path(zh_path).name, Path(en_path).name,
                   _paragraph(store, zh_id, zh_par), link_score)
    return Hit(lang, en, zh, span, score, Path(en_path).name, Path(zh_path).name,
               _paragraph(store, en_id, en_par), link_score)


def plain_search(store: CorpusStore, query: str, limit: int = DEFAULT_LIMIT) -> list[Hit]:
    """Links whose Chinese contains ``query`` exactly or whose English contains it in any case."""
    needle = query.strip()
    if not needle:
        raise UsageError("empty search query; give a word or phrase, e.g. 'negative security assurances'")
    lowered = needle.lower()
    # SQLite's lower() folds ASCII only, like the English we compare; Chinese has no case.
    rows = store.connection.execute(
        f"{_LINK_QUERY} WHERE instr(l.zh, ?) > 0 OR instr(lower(l.en), ?) > 0"
        " ORDER BY z.path, e.path, l.seq LIMIT ?", (needle, lowered, limit),
    ).fetchall()
    hits = []
    for row in rows:
        zh, en = row[2], row[3]
        at = zh.find(needle)
        if at >= 0:
            hits.append(_hit(store, row, Lang.ZH, (at, at + len(needle)), row[4]))
        else:
            at = en.lower().find(lowered)
            hits.append(_hit(store, row, Lang.EN, (at, at + len(needle)), row[4]))
    return hits


def semantic_search(store: CorpusStore, query: str, encoder: Encoder, limit: int = DEFAULT_LIMIT) -> list[Hit]:
    """The stored sentences nearest to ``query`` by cosine, each with its aligned counterpart."""
    if not query.strip():
        raise UsageError("empty search query; give a word or phrase, e.g. 'negative security assurances'")
    index = sync_index(store)
    if index.stamp.model and index.stamp.model != encoder.name:
        raise UsageError(
            f"{store.path}: corpus embedded with {index.stamp.model}, query model is {encoder.name}; "
            f"pass --model {index.stamp.model}"
        )
    found = index.search(encode_query(encoder, query), limit * 3)  # extra: several sentences may share a link
    hits, seen = [], set()
    for near in found:
        unit = store.connection.execute(
            "SELECT pair_id, seq FROM link_units WHERE doc_id = ? AND unit = ?", (near.doc_id, near.sentence)
        ).fetchone()
        if unit is not None:
            if unit in seen:
                continue
            seen.add(unit)
            row = store.connection.execute(f"{_LINK_QUERY} WHERE l.pair_id = ? AND l.seq = ?", unit).fetchone()
            lang = Lang.ZH if row[7] == near.doc_id else Lang.EN
            hits.append(_hit(store, row, lang, None, near.score))
        else:  # a sentence of a document without a pair: still worth showing
            row = store.connection.execute(
                "SELECT s.text, s.paragraph, d.path, d.lang FROM sentences s JOIN documents d ON d.id = s.doc_id"
                " WHERE s.doc_id = ? AND s.id = ?", (near.doc_id, near.sentence),
            ).fetchone()
            if row is None:
                continue
            hits.append(Hit(Lang(row[3]), row[0], "", None, near.score, Path(row[2]).name, "",
                            _paragraph(store, near.doc_id, str(row[1])), None))
        if len(hits) == limit:
            break
    return hits


def hits_jsonl(hits: list[Hit]) -> str:
    """One JSON object per line; ``span`` as [start, end] or null."""
    return "".join(json.dumps({**asdict(h), "lang": h.lang.value}, ensure_ascii=False) + "\n" for h in hits)


def hits_tsv(hits: list[Hit]) -> str:
    """A header line, then one tab-separated line per hit (tabs/newlines in text become spaces)."""
    def clean(value: object) -> str:
        return " ".join(str("" if value is None else value).split())

    header = "lang\tscore\tdocument\tparagraph\ttext\tcounterpart\tcounterpart_document\tstart\tend\n"
    lines = [
        "\t".join(clean(v) for v in (h.lang.value, f"{h.score:.3f}", h.document, h.paragraph, h.text,
                                      h.counterpart, h.counterpart_document,
                                      h.span[0] if h.span else "", h.span[1] if h.span else ""))
        for h in hits
    ]
    return header + "".join(line + "\n" for line in lines)


def hits_table(hits: list[Hit], query: str):  # noqa: ANN201 - a rich Table, imported lazily
    """A terminal table with the match highlighted."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(hits)} hit(s) for {query!r}", show_lines=True)
    for name in ("score", "where", "match", "counterpart"):
        table.add_column(name, overflow="fold")
    for h in hits:
        text = Text(h.text)
        if h.span:
            text.stylize("bold reverse", *h.span)
        where = f"{h.document} {h.paragraph}".strip()
        table.add_row(f"{h.score:.2f}", where, text, h.counterpart or "—")
    return table
