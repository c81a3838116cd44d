"""Concordance search over a hand-made stored corpus: plain matches and nearest by embedding."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from align.alignment import Alignment, Level, Link, Signature
from align.corpus_encoders import HashedEncoder
from align.document import Document, Lang, Paragraph, ParagraphKind, Sentence
from align.errors import UsageError
from align.search import hits_jsonl, hits_tsv, plain_search, semantic_search
from align.store import CorpusStore, DocVectors

ENCODER = HashedEncoder(dim=32)
SIGNATURE = Signature("paraterm", "0.1.0", "test:hashed", ())


def make_document(name: str, lang: Lang, paragraphs: list[list[str]]) -> Document:
    """Paragraph 0 is an unlabelled title, the others are numbered "1.", "2." ..."""
    built, sid = [], 0
    for pid, texts in enumerate(paragraphs):
        sentences = tuple(Sentence(sid + i, pid, t) for i, t in enumerate(texts))
        sid += len(texts)
        kind = ParagraphKind.NUMBERED if pid else ParagraphKind.TITLE
        built.append(Paragraph(pid, " ".join(texts), kind, f"{pid}." if pid else None, sentences))
    return Document(Path(name), lang, tuple(built))


ZH = make_document("x.zh.txt", Lang.ZH, [["消极安全保证"], ["本集团强调。", "无条件。"]])
EN = make_document("x.en.txt", Lang.EN, [["Negative security assurances"], ["The Group stresses it.", "Without conditions."]])
LINKS = [
    Link((0,), (0,), "消极安全保证", "Negative security assurances", 0.9, (), (0,), (0,)),
    Link((1, 2), (1, 2), "本集团强调。无条件。", "The Group stresses it. Without conditions.", 0.4, (), (1,), (1,)),
]


def hashed_vectors(doc: Document) -> DocVectors:
    rows = ENCODER.encode([s.text for s in doc.sentences])
    mean = rows.mean(axis=0)
    return DocVectors(ENCODER.name, mean / np.linalg.norm(mean), rows)


@pytest.fixture
def store(tmp_path: Path) -> CorpusStore:
    store = CorpusStore(tmp_path / "c.sqlite")
    zh = store.add_document("/docs/x.zh.txt", "sha-zh", ZH, hashed_vectors(ZH), None)
    en = store.add_document("/docs/x.en.txt", "sha-en", EN, hashed_vectors(EN), None)
    [pair] = store.add_pairs([(zh, en, "symbol", "symbol CD/2133", 1.0)], None)
    store.store_alignment(pair, Alignment(ZH, EN, Level.SENTENCE, LINKS, SIGNATURE))
    alone = make_document("alone.en.txt", Lang.EN, [["An unpaired sentence about fisheries."]])
    store.add_document("/docs/alone.en.txt", "sha-alone", alone, hashed_vectors(alone), None)
    return store


def test_plain_chinese_match_with_counterpart_and_span(store: CorpusStore) -> None:
    [hit] = plain_search(store, "无条件")
    assert hit.lang is Lang.ZH
    assert hit.text == "本集团强调。无条件。"
    assert hit.text[hit.span[0] : hit.span[1]] == "无条件"
    assert hit.counterpart == "The Group stresses it. Without conditions."
    assert (hit.document, hit.counterpart_document, hit.paragraph) == ("x.zh.txt", "x.en.txt", "1.")
    assert hit.score == hit.link_score == 0.4


def test_plain_english_match_ignores_case(store: CorpusStore) -> None:
    [hit] = plain_search(store, "NEGATIVE security")
    assert hit.lang is Lang.EN
    assert hit.text[hit.span[0] : hit.span[1]] == "Negative security"
    assert hit.counterpart == "消极安全保证"
    assert hit.paragraph == "¶1"  # the title has no printed label


def test_plain_search_respects_limit_and_misses(store: CorpusStore) -> None:
    assert len(plain_search(store, "s")) == 2
    assert len(plain_search(store, "s", limit=1)) == 1
    assert plain_search(store, "fisheries") == []  # the unpaired document has no links


def test_empty_query_is_a_usage_error(store: CorpusStore) -> None:
    with pytest.raises(UsageError, match="^empty search query; give a word or phrase, e.g. 'negative security assurances'$"):
        plain_search(store, "  ")


def test_semantic_search_finds_the_sentence_and_its_link(store: CorpusStore) -> None:
    hits = semantic_search(store, "Without conditions.", ENCODER, limit=3)
    assert hits[0].lang is Lang.EN
    assert hits[0].text == "The Group stresses it. Without conditions."
    assert hits[0].counterpart == "本集团强调。无条件。"
    assert hits[0].score == pytest.approx(1.0, abs=1e-5)
    assert hits[0].span is None
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    # sentences 1 and 2 of the English share one link: it is shown once
    assert len({(h.document, h.text) for h in hits}) == len(hits)


def test_semantic_search_shows_unpaired_sentences(store: CorpusStore) -> None:
    hit = semantic_search(store, "An unpaired sentence about fisheries.", ENCODER, limit=1)[0]
    assert (hit.document, hit.counterpart, hit.link_score) == ("alone.en.txt", "", None)


def test_semantic_search_refuses_another_model(store: CorpusStore) -> None:
    other = HashedEncoder(dim=32)
    other.name = "other-model"
    with pytest.raises(UsageError, match="corpus embedded with test:hashed, query model is other-model; pass --model test:hashed"):
        semantic_search(store, "x", other)


def test_jsonl_and_tsv_outputs(store: CorpusStore) -> None:
    hits = plain_search(store, "无条件")
    record = json.loads(hits_jsonl(hits))
    assert record["lang"] == "zh" and record["span"] == [6, 9] and record["counterpart_document"] == "x.en.txt"
    lines = hits_tsv(hits).splitlines()
    assert lines[0].split("\t")[:5] == ["lang", "score", "document", "paragraph", "text"]
    assert lines[1].split("\t") == ["zh", "0.400", "x.zh.txt", "1.", "本集团强调。无条件。",
                                    "The Group stresses it. Without conditions.", "x.en.txt", "6", "9"]
