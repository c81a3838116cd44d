"""Paragraph alignment on hand-made documents with a fake encoder (exact, no model)."""

from __future__ import annotations

import re
import zlib
from dataclasses import replace
from typing import Sequence

import numpy as np
import pytest

from align.alignment import Bead
from align.config import AlignConfig
from align.document import Document, Lang, Paragraph, ParagraphKind, Sentence
from align.errors import UsageError
from align.paragraph_align import _disagreement, _label_key, align_paragraphs, bead_types, structure_problem

# Each Chinese character stands for one English word, so a "translation" is exact.
ZH_WORDS = dict(
    zip(
        "猫狗鱼鸟树花山河雨雪风火书车船门窗桌茶米盐糖钱药星月云海岛桥",
        "cat dog fish bird tree flower mountain river rain snow wind fire book car boat door "
        "window table tea rice salt sugar money medicine star moon cloud sea island bridge".split(),
    )
)
EN_WORDS = {en: zh for zh, en in ZH_WORDS.items()}


class FakeEncoder:
    """Bag of words with a fixed random vector per English word; Chinese maps through ZH_WORDS."""

    name = "fake-bow"
    dim = 64

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    @staticmethod
    def _word(word: str) -> np.ndarray:
        return np.random.default_rng(zlib.crc32(word.encode())).standard_normal(FakeEncoder.dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            vec = np.zeros(self.dim)
            for token in re.findall(r"[a-z]+|[\u4e00-\u9fff]", text.lower()):
                vec += self._word(ZH_WORDS.get(token, token))
            norm = np.linalg.norm(vec)
            out[row] = vec / norm if norm else np.eye(self.dim)[0]
        return out


def zh_of(english: str) -> str:
    """The fake Chinese translation of a sentence made of vocabulary words."""
    return "".join(EN_WORDS[w] for w in english.rstrip(".").split()) + "。"


def document(lang: Lang, paragraphs: Sequence[tuple[str | None, Sequence[str]]]) -> Document:
    """Paragraphs given as (label, sentences); ids count from 0 over the document."""
    paras, sid = [], 0
    for pid, (label, sents) in enumerate(paragraphs):
        sentences = tuple(Sentence(sid + k, pid, s) for k, s in enumerate(sents))
        sid += len(sents)
        body = ("" if lang is Lang.ZH else " ").join(sents)
        text = f"{label} {body}" if label else body
        kind = ParagraphKind.NUMBERED if label else ParagraphKind.BODY
        paras.append(Paragraph(pid, text, kind, label, sentences))
    return Document(None, lang, tuple(paras))


EN_PARAS = [
    ["cat dog fish bird.", "tree flower mountain."],
    ["river rain snow wind.", "fire book car."],
    ["boat door window table.", "tea rice salt."],
    ["sugar money medicine star.", "moon cloud sea."],
    ["island bridge cat tree.", "fish rain boat."],
]


def pair(
    en_paras: Sequence[Sequence[str]], zh_paras: Sequence[Sequence[str]], labels: bool = False
) -> tuple[Document, Document]:
    """English paragraphs as given; Chinese paragraphs given in English words, translated."""
    en = document(Lang.EN, [(f"{k + 1}." if labels else None, p) for k, p in enumerate(en_paras)])
    zh = document(Lang.ZH, [(None, [zh_of(s) for s in p]) for p in zh_paras])
    return zh, en


def links(result) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:  # noqa: ANN001
    return [(b.zh, b.en) for b in result.beads]


def test_translated_paragraphs_link_one_to_one() -> None:
    zh, en = pair(EN_PARAS, EN_PARAS)
    result = align_paragraphs(zh, en, FakeEncoder(), AlignConfig())
    assert links(result) == [((k,), (k,)) for k in range(5)]
    assert result.usable and result.reason == ""
    assert all(b.score >= 0.9 and b.flags == () for b in result.beads)


def test_dropped_paragraph_is_unaligned() -> None:
    zh, en = pair(EN_PARAS, EN_PARAS[:2] + EN_PARAS[3:])
    result = align_paragraphs(zh, en, FakeEncoder(), AlignConfig())
    assert links(result) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,))]
    assert "unaligned" in result.beads[2].flags


def test_two_english_paragraphs_merged_in_chinese() -> None:
    zh_paras = [EN_PARAS[0], EN_PARAS[1] + EN_PARAS[2], EN_PARAS[3], EN_PARAS[4]]
    result = align_paragraphs(*pair(EN_PARAS, zh_paras), FakeEncoder(), AlignConfig())
    assert links(result) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]
    assert result.beads[1].flags == ("merged",)


def test_numbered_labels_anchor_paragraphs() -> None:
    # English 2. and 3. say nearly the same; the Chinese "3." (2. is missing) is closer in
    # words to English 2., so only the labels can put it right.
    en_paras = [EN_PARAS[0], ["river rain snow wind fire."], ["river rain snow wind."], EN_PARAS[3]]
    zh_paras = [EN_PARAS[0], ["river rain snow wind fire."], EN_PARAS[3]]
    zh, en = pair(en_paras, zh_paras, labels=True)
    zh = document(Lang.ZH, [(label, [zh_of(s) for s in p]) for label, p in zip(("1.", "3.", "4."), zh_paras)])
    blind = replace(AlignConfig(), paragraph_label_weight=0.0, paragraph_number_weight=0.0)
    assert links(align_paragraphs(zh, en, FakeEncoder(), blind))[1] == ((1,), (1,))  # the closer words win
    expected = [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,))]
    assert links(align_paragraphs(zh, en, FakeEncoder(), AlignConfig())) == expected
    labels_only = replace(AlignConfig(), paragraph_number_weight=0.0)
    assert links(align_paragraphs(zh, en, FakeEncoder(), labels_only)) == expected


@pytest.mark.parametrize(
    ("label", "key"),
    [("1.", "1"), ("１．", "1"), ("12.", "12"), ("(a)", "a"), ("（a）", "a"), ("(iv)", "iv"), (None, None), ("", None)],
)
def test_label_keys(label: str | None, key: str | None) -> None:
    assert _label_key(label) == key


def test_different_numbers_are_flagged() -> None:
    zh = document(Lang.ZH, [(None, [zh_of(s) for s in p]) for p in EN_PARAS[:3]])
    en = document(Lang.EN, [(None, p) for p in EN_PARAS[:3]])
    zh = replace(zh, paragraphs=(replace(zh.paragraphs[0], text="第 68/32 号" + zh.paragraphs[0].text), *zh.paragraphs[1:]))
    en = replace(en, paragraphs=(replace(en.paragraphs[0], text="resolution 68/33 " + en.paragraphs[0].text), *en.paragraphs[1:]))
    en = replace(en, paragraphs=(*en.paragraphs[:2], replace(en.paragraphs[2], text="2018 " + en.paragraphs[2].text)))
    result = align_paragraphs(zh, en, FakeEncoder(), AlignConfig())
    assert links(result) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert [b.flags for b in result.beads] == [("number-mismatch",), (), ("number-mismatch",)]


@pytest.mark.parametrize(
    ("scores", "reason"),
    [
        ([0.9, 0.8, 0.95], None),
        ([0.3, 0.4, 0.35], "paragraph links are unsure (mean confidence 0.35)"),
        ([0.9, None, 0.9], "33% of the sentences sit in paragraphs with no counterpart"),
    ],
)
def test_disagreement(scores: list[float | None], reason: str | None) -> None:
    zh, en = pair(EN_PARAS[:3], EN_PARAS[:3])
    beads = []
    for k, score in enumerate(scores):
        if score is None:  # paragraph k unaligned on both sides
            beads += [Bead((k,), (), 0.9, ("unaligned",)), Bead((), (k,), 0.9, ("unaligned",))]
        else:
            beads.append(Bead((k,), (k,), score))
    assert _disagreement(beads, zh, en, AlignConfig()) == reason


def test_empty_side_leaves_every_paragraph_unaligned() -> None:
    zh, en = pair(EN_PARAS[:2], [])
    result = align_paragraphs(zh, en, FakeEncoder(), AlignConfig())
    assert links(result) == [((), (0,)), ((), (1,))]
    assert all(b.flags == ("unaligned",) for b in result.beads)


def test_single_paragraphs_link_without_embedding() -> None:
    encoder = FakeEncoder()
    result = align_paragraphs(*pair(EN_PARAS[:1], EN_PARAS[1:2]), encoder, AlignConfig())
    assert links(result) == [((0,), (0,))]
    assert encoder.calls == []


def test_paragraph_ids_come_from_the_document() -> None:
    zh, en = pair(EN_PARAS[:3], EN_PARAS[:3])
    en = replace(en, paragraphs=tuple(replace(p, id=p.id + 10) for p in en.paragraphs))
    result = align_paragraphs(zh, en, FakeEncoder(), AlignConfig())
    assert links(result) == [((0,), (10,)), ((1,), (11,)), ((2,), (12,))]


def test_banded_dp_matches_full_dp() -> None:
    en_paras = [EN_PARAS[k % 5] for k in range(12)]
    zh_paras = en_paras[:4] + en_paras[5:]
    zh, en = pair(en_paras, zh_paras)
    full = align_paragraphs(zh, en, FakeEncoder(), AlignConfig())
    banded = align_paragraphs(zh, en, FakeEncoder(), replace(AlignConfig(), paragraph_band=2))
    assert links(banded) == links(full)
    assert ((), (4,)) in links(full)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("1-1 1-0", "paragraph bead types '1-1 1-0' lack 0-1; every alignment needs them"),
        ("1-1 1-0 0-1 x", "paragraph bead type 'x' is not N-M; write e.g. '1-1 1-0 0-1 1-2 2-1'"),
        ("1-1 1-0 0-1 2-0", "paragraph bead type '2-0' is not allowed; deletions are 1-0 and 0-1 only"),
    ],
)
def test_bad_bead_types(spec: str, message: str) -> None:
    with pytest.raises(UsageError) as error:
        bead_types(spec)
    assert str(error.value) == message


def test_bead_types_parse() -> None:
    assert bead_types("2-1, 1-1 1-0 0-1 1-1") == ((0, 1), (1, 0), (1, 1), (2, 1))


def test_structure_problems() -> None:
    many = [[f"{w}."] for w in "cat dog fish bird tree flower mountain river rain snow wind fire".split()]
    zh_one, en_many = pair(many, [[s for p in many for s in p]])
    assert structure_problem(zh_one, en_many) == "the Chinese document is one paragraph"
    assert structure_problem(*pair(many, many)) == "the Chinese document has one sentence per paragraph (presplit?)"
    giant = [[s for p in many for s in p] * 2, ["cat."], ["dog."]]
    assert structure_problem(*pair(EN_PARAS, giant)) == "one Chinese paragraph holds 24 of 26 sentences"
    assert structure_problem(*pair(EN_PARAS, EN_PARAS)) is None
    assert structure_problem(*pair(EN_PARAS, [])) is None


@pytest.mark.parametrize(
    ("en_paras", "zh_paras", "expected"),
    [
        (EN_PARAS[:1], EN_PARAS[:1] + [["moon sea star."]], [((0,), (0,)), ((1,), ())]),
        (EN_PARAS[:1] + [["moon sea star."]], EN_PARAS[:1], [((0,), (0,)), ((), (1,))]),
    ],
)
def test_few_paragraphs_keep_an_untranslated_one_apart(en_paras, zh_paras, expected) -> None:  # noqa: ANN001
    # One paragraph against two: centred paragraph vectors say nothing, sentence coverage does.
    result = align_paragraphs(*pair(en_paras, zh_paras), FakeEncoder(), AlignConfig())
    assert links(result) == expected
    assert "unaligned" in result.beads[1].flags


def test_few_paragraphs_judge_lengths_by_the_prior_ratio() -> None:
    # One Chinese paragraph against its translation and a long untranslated English one:
    # fitted on two paragraphs, the length ratio came out ~4x too high (the extra paragraph
    # counted as translation) and every link lost; the prior ratio keeps the true link.
    en_paras = [["cat dog fish bird.", "tree flower."],
                ["moon sea star island bridge.", "tea rice salt sugar money.", "boat door window table cloud."]]
    result = align_paragraphs(*pair(en_paras, en_paras[:1]), FakeEncoder(), AlignConfig())
    assert links(result) == [((0,), (0,)), ((), (1,))]
