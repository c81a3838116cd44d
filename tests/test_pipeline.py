"""align_documents: groups, stitched links, fallback, warnings; an end-to-end run on corpus/."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import numpy as np
import pytest

import align
from align import pipeline
from align.alignment import Bead, Level
from align.config import AlignConfig
from align.document import Document, Lang
from align.encoder import Encoder
from align.paragraph_align import ParagraphAlignment
from align.pipeline import align_documents
from tests.test_paragraph_align import EN_PARAS, FakeEncoder, document, pair, zh_of


class Diagonal:
    """Stand-in sentence aligner: i ↔ i, leftovers unaligned; records what it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], list[str]]] = []

    def __call__(self, zh: Sequence[str], en: Sequence[str], encoder: Encoder, config: AlignConfig) -> list[Bead]:
        self.calls.append((list(zh), list(en)))
        encoder.encode(list(zh) + list(en))
        k = min(len(zh), len(en))
        beads = [Bead((i,), (i,), 0.95) for i in range(k)]
        beads += [Bead((i,), (), 0.0, ("unaligned",)) for i in range(k, len(zh))]
        return beads + [Bead((), (j,), 0.0, ("unaligned",)) for j in range(k, len(en))]


@pytest.fixture
def diagonal(monkeypatch: pytest.MonkeyPatch) -> Diagonal:
    stand_in = Diagonal()
    monkeypatch.setattr(pipeline, "_sentence_aligner", lambda: stand_in)
    return stand_in


def pairs(alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:  # noqa: ANN001
    return [(link.zh_ids, link.en_ids) for link in alignment.links]


def test_sentences_aligned_inside_paragraphs(diagonal: Diagonal) -> None:
    zh, en = pair(EN_PARAS[:3], EN_PARAS[:3])
    result = align_documents(zh, en, encoder=FakeEncoder())
    assert diagonal.calls == [([zh_of(s) for p in EN_PARAS[:3] for s in p], [s for p in EN_PARAS[:3] for s in p])]
    assert pairs(result) == [((k,), (k,)) for k in range(6)]
    link = result.links[3]
    assert (link.zh, link.en) == (zh_of("fire book car."), "fire book car.")
    assert (link.zh_paragraphs, link.en_paragraphs, link.score, link.flags) == ((1,), (1,), 0.95, ())
    assert result.warnings == [] and result.level is Level.SENTENCE


def test_stitched_texts_and_ids_of_a_merged_bead(monkeypatch: pytest.MonkeyPatch) -> None:
    def two_to_one(zh: Sequence[str], en: Sequence[str], encoder: Encoder, config: AlignConfig) -> list[Bead]:
        return [Bead((0,), (0, 1), 0.8)]

    monkeypatch.setattr(pipeline, "_sentence_aligner", lambda: two_to_one)
    zh, en = pair([EN_PARAS[0]], [["cat dog fish bird tree flower mountain."]])
    (link,) = align_documents(zh, en, encoder=FakeEncoder()).links
    assert (link.zh_ids, link.en_ids) == ((0,), (0, 1))
    assert link.en == "cat dog fish bird. tree flower mountain."  # English joined with a space
    assert link.flags == ("merged",)


def test_unaligned_paragraph_gives_unaligned_sentences(diagonal: Diagonal) -> None:
    zh, en = pair(EN_PARAS, EN_PARAS[:2] + EN_PARAS[3:])
    result = align_documents(zh, en, encoder=FakeEncoder())
    lost = [link for link in result.links if link.en_paragraphs == (2,)]
    assert [(l.zh_ids, l.en_ids) for l in lost] == [((), (4,)), ((), (5,))]
    assert all("unaligned" in l.flags and l.zh == "" and l.zh_paragraphs == () for l in lost)
    assert ((4,), (6,)) in pairs(result)  # global ids continue after the gap
    # the whole-document pass ran across the gap; the two groups it crossed were aligned again
    assert [len(zh_texts) for zh_texts, _ in diagonal.calls] == [8, 2, 2]
    assert pairs(result)[:4] == [((k,), (k,)) for k in range(4)]


def test_global_ids_with_chinese_text_joined_without_space(diagonal: Diagonal) -> None:
    zh, en = pair(EN_PARAS[:2], EN_PARAS[:2])
    zh = document(Lang.ZH, [(None, [zh_of(s) for s in EN_PARAS[0]]), (None, [zh_of(EN_PARAS[1][0])])])
    result = align_documents(zh, en, encoder=FakeEncoder())
    assert pairs(result) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,))]


def test_missing_structure_aligns_the_whole_document(diagonal: Diagonal) -> None:
    zh, en = pair(EN_PARAS, [[s for p in EN_PARAS for s in p]])
    result = align_documents(zh, en, encoder=FakeEncoder())
    assert len(diagonal.calls) == 1 and len(diagonal.calls[0][0]) == 10
    assert pairs(result) == [((k,), (k,)) for k in range(10)]
    assert [(l.zh_paragraphs, l.en_paragraphs) for l in result.links[2:4]] == [((0,), (1,)), ((0,), (1,))]
    assert result.warnings == []  # presplit / unparagraphed input is normal, not a problem


def test_disagreeing_structure_falls_back_with_a_warning(diagonal: Diagonal, monkeypatch: pytest.MonkeyPatch) -> None:
    unsure = ParagraphAlignment((), usable=False, reason="paragraph links are unsure (mean confidence 0.35)")
    monkeypatch.setattr(pipeline, "align_paragraphs", lambda *args: unsure)
    result = align_documents(*pair(EN_PARAS, EN_PARAS), encoder=FakeEncoder())
    assert len(diagonal.calls) == 1
    assert result.warnings == [
        "paragraph links are unsure (mean confidence 0.35); aligned sentences across the whole document instead"
    ]
    assert pairs(result) == [((k,), (k,)) for k in range(10)]


def test_paragraph_level_links(diagonal: Diagonal) -> None:
    zh_paras = [EN_PARAS[0], EN_PARAS[1] + EN_PARAS[2], EN_PARAS[3]]
    zh, en = pair(EN_PARAS[:4], zh_paras)
    result = align_documents(zh, en, encoder=FakeEncoder(), level=Level.PARAGRAPH)
    assert pairs(result) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    merged = result.links[1]
    assert merged.en == en.paragraphs[1].text + " " + en.paragraphs[2].text
    assert (merged.zh_paragraphs, merged.en_paragraphs, merged.flags) == ((1,), (1, 2), ("merged",))
    assert diagonal.calls == []


def test_signature(diagonal: Diagonal) -> None:
    config = replace(AlignConfig(), paragraph_skip=0.25)
    result = align_documents(*pair(EN_PARAS[:2], EN_PARAS[:2]), config=config, encoder=FakeEncoder())
    sig = result.signature
    assert (sig.tool, sig.version, sig.model) == ("paraterm", align.__version__, "fake-bow")
    assert ("paragraph_skip", "0.25") in sig.settings


def test_same_language_warning(diagonal: Diagonal) -> None:
    en = document(Lang.EN, [(None, p) for p in EN_PARAS[:2]])
    zh = replace(en, lang=Lang.ZH, path=Path("a.zh.txt"))
    result = align_documents(zh, replace(en, path=Path("b.en.txt")), encoder=FakeEncoder())
    assert result.warnings[0] == "a.zh.txt and b.en.txt both look English; give a Chinese document and its English original"


def test_empty_side_warns_and_leaves_everything_unaligned(diagonal: Diagonal) -> None:
    zh, en = pair(EN_PARAS[:2], [])
    zh = replace(zh, path=Path("empty.zh.txt"))
    result = align_documents(zh, en, encoder=FakeEncoder())
    assert result.warnings == [
        "empty.zh.txt: no text to align; all 4 sentences of <text> are left unaligned — check that you gave the right file"
    ]
    assert pairs(result) == [((), (k,)) for k in range(4)]
    assert all(link.flags == ("unaligned",) for link in result.links)
    assert diagonal.calls == []


def test_much_shorter_side_warns(diagonal: Diagonal) -> None:
    zh, en = pair(EN_PARAS, [EN_PARAS[0][:1]])
    result = align_documents(replace(zh, path=Path("part.zh.txt")), en, encoder=FakeEncoder())
    assert any(
        re.fullmatch(r"part\.zh\.txt is \d+\.\d× shorter than a translation of the other document would be "
                     r"\(3\.2 English characters per Chinese character expected, \d+\.\d\d found\): "
                     r"wrong file or partial translation\?", w)
        for w in result.warnings
    ), result.warnings
    assert not any("shorter" in w for w in align_documents(*pair(EN_PARAS, EN_PARAS), encoder=FakeEncoder()).warnings)


def test_odd_characters_and_no_punctuation(diagonal: Diagonal) -> None:
    odd = ["\ue000\x00 cat dog \u200b🙂 fish", "bird " * 600, ""]
    en = document(Lang.EN, [(None, odd), (None, ["tree flower"])])
    zh = document(Lang.ZH, [(None, ["猫狗鱼\ue000", "鸟" * 600, "\x00"]), (None, ["树花"])])
    result = align_documents(zh, en, encoder=FakeEncoder())
    assert sorted(i for link in result.links for i in link.zh_ids) == [0, 1, 2, 3]
    assert sorted(i for link in result.links for i in link.en_ids) == [0, 1, 2, 3]


def test_deterministic(diagonal: Diagonal) -> None:
    zh, en = pair(EN_PARAS, EN_PARAS[:1] + EN_PARAS[2:])
    assert align_documents(zh, en, encoder=FakeEncoder()).links == align_documents(zh, en, encoder=FakeEncoder()).links


def test_encoding_is_batched_across_groups(diagonal: Diagonal) -> None:
    encoder = FakeEncoder()
    align_documents(*pair(EN_PARAS, EN_PARAS), encoder=encoder)
    sentence_batches = [call for call in encoder.calls if EN_PARAS[0][0] in call]
    assert len(sentence_batches) == 1 and EN_PARAS[4][1] in sentence_batches[0]


def test_with_the_real_sentence_aligner() -> None:
    en_paras = [["cat dog fish bird.", "tree flower mountain."], ["river rain snow wind.", "fire book car boat."]]
    zh_paras = [["cat dog fish bird tree flower mountain."], ["river rain snow wind.", "fire book car boat."]]
    result = align_documents(*pair(en_paras, zh_paras), encoder=FakeEncoder())
    assert pairs(result) == [((0,), (0, 1)), ((1,), (2,)), ((2,), (3,))]
    assert result.links[0].flags == ("merged",)


def test_exported_from_the_package() -> None:
    assert align.align_documents is align_documents


# --- end to end with the real model -------------------------------------------------

CORPUS_PAIRS = ["negative-security-assurances", "follow-up-2013-high-level-meeting"]


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    from align.embed import load_encoder

    return load_encoder()


def _corpus_pair(stem: str, corpus_dir: Path) -> tuple[Document, Document]:
    from align.segment import read_document

    return (read_document(corpus_dir / "zh" / f"{stem}.zh.txt", Lang.ZH),
            read_document(corpus_dir / "en" / f"{stem}.en.txt", Lang.EN))


@pytest.mark.model
@pytest.mark.parametrize("stem", CORPUS_PAIRS)
def test_corpus_numbered_paragraphs_link_to_their_counterparts(stem: str, corpus_dir: Path, encoder: Encoder) -> None:
    zh, en = _corpus_pair(stem, corpus_dir)
    z_label = {p.id: p.label for p in zh.paragraphs}
    e_label = {p.id: p.label for p in en.paragraphs}
    numbered = [p.label for p in en.paragraphs if p.label and p.label.rstrip(".").isdigit()]
    assert len(numbered) >= 10
    paragraphs = align_documents(zh, en, encoder=encoder, level=Level.PARAGRAPH)
    linked = {e_label[l.en_ids[0]]: z_label[l.zh_ids[0]] for l in paragraphs.links if len(l.zh_ids) == len(l.en_ids) == 1}
    assert all(linked.get(label) == label for label in numbered), linked
    result = align_documents(zh, en, encoder=encoder)
    assert result.warnings == []
    assert len([l for l in result.links if len(l.zh_ids) == len(l.en_ids) == 1]) >= 0.7 * len(result.links)
    for link in result.links:  # sentences stay inside the numbered paragraphs they were linked through
        if link.zh_ids and link.en_ids and e_label[link.en_paragraphs[0]] in numbered:
            assert [z_label[k] for k in link.zh_paragraphs] == [e_label[k] for k in link.en_paragraphs]


@pytest.mark.model
@pytest.mark.parametrize("stem", CORPUS_PAIRS)
def test_corpus_sentence_links_are_confident(stem: str, corpus_dir: Path, encoder: Encoder) -> None:
    result = align_documents(*_corpus_pair(stem, corpus_dir), encoder=encoder)
    one_to_one = [l for l in result.links if len(l.zh_ids) == len(l.en_ids) == 1]
    assert sum(l.score >= 0.8 for l in one_to_one) >= 0.8 * len(one_to_one)


@pytest.mark.model
def test_corpus_closing_formula_is_linked_by_the_sentence_pass(corpus_dir: Path, encoder: Encoder) -> None:
    # 顺致最崇高的敬意 ↔ "The Permanent Mission avails itself…": a true pair the paragraph
    # pass leaves unaligned on both sides (8 vs 120 characters); the two unaligned paragraphs
    # form one group, and the sentence pass links them
    zh, en = _corpus_pair("negative-security-assurances", corpus_dir)
    paragraphs = align_documents(zh, en, encoder=encoder, level=Level.PARAGRAPH)
    closing = [l for l in paragraphs.links if l.zh.startswith("顺致") or l.en.startswith("The Permanent Mission avails")]
    assert [(bool(l.zh_ids), bool(l.en_ids)) for l in closing] == [(False, True), (True, False)]
    (link,) = [l for l in align_documents(zh, en, encoder=encoder).links if l.zh.startswith("顺致")]
    assert link.en.startswith("The Permanent Mission avails itself")


class _Recording:
    """An encoder that says which of its two entry points each text went through."""

    name, dim = "recording", 2

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(("encode", list(texts)))
        return np.ones((len(texts), 2), np.float32)

    def encode_plain(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(("plain", list(texts)))
        return np.ones((len(texts), 2), np.float32)


def test_prewarmed_encoder_keeps_word_pieces_for_sentences_only() -> None:
    inner = _Recording()
    warm = pipeline._Prewarmed(inner, ["s2", "s1"], clauses=["c1", "s1"])
    assert inner.calls == [("encode", ["s1", "s2"]), ("plain", ["c1"])]  # a clause that is a sentence: once
    warm.encode(["s1", "c1"])
    warm.encode_plain(["c1", "s2"])
    assert len(inner.calls) == 2  # all served from the table
    warm.encode_plain(["c2"])
    warm.encode(["s3"])
    assert inner.calls[2:] == [("plain", ["c2"]), ("encode", ["s3"])]
