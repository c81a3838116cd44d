"""build_glossary on hand-paired sentences: the expected pairs, variants, ranking, evidence."""

from __future__ import annotations

import pytest

from glossary.build import build_glossary, text_pairs
from glossary.config import GlossaryConfig
from glossary.errors import GlossaryInputError
from glossary.term import Status
from tests.glossary_samples import PAIRS, FakeEncoder, sample_alignment


@pytest.fixture(scope="module")
def glossary():
    return build_glossary([sample_alignment()])


def _row(glossary, zh: str):
    return next(t for t in glossary.terms if t.zh == zh)


@pytest.mark.parametrize(
    "zh, en",
    [
        ("消极安全保证", "negative security assurances"),
        ("安全保证", "security assurances"),  # nested, and a term in its own right
        ("无核武器区", "nuclear-weapon-free zones"),
        ("核武器国家", "nuclear-weapon States"),
        ("无核武器国家", "non-nuclear-weapon States"),
        ("裁军谈判会议", "Conference on Disarmament"),
        ("国际法院", "International Court of Justice"),
    ],
)
def test_expected_pairs(glossary, zh: str, en: str) -> None:
    assert _row(glossary, zh).en == en


def test_defined_short_forms_are_variants(glossary) -> None:
    assert "NWFZ" in _row(glossary, "无核武器区").en_variants
    celac = _row(glossary, "拉丁美洲和加勒比国家共同体")
    assert celac.zh_variants == ("拉加共同体",) and celac.en_variants == ("CELAC",)
    # the short form counts for its concept: 拉加共同体 alone in the second sentence
    assert celac.zh_freq == 2 and celac.en_freq == 2
    assert not any(t.zh == "拉加共同体" for t in glossary.terms)


def test_general_words_are_not_proposed_with_a_partner(glossary) -> None:
    assert not any(t.zh in ("本集团", "重申", "集团") for t in glossary.terms)
    assert not any(t.en.lower() in ("the group", "group", "reaffirms") for t in glossary.terms)


def test_rows_are_sorted_by_score_and_new(glossary) -> None:
    scores = [t.score for t in glossary.terms]
    assert scores == sorted(scores, reverse=True)
    assert {t.status for t in glossary.terms} == {Status.NEW}


def test_example_sources_and_contexts(glossary) -> None:
    row = _row(glossary, "国际法院")
    assert (row.example_zh, row.example_en) == PAIRS[3]
    assert row.sources == ("nsa.zh.txt",)
    lines = [c for c in glossary.contexts if c.zh_term == "消极安全保证"]
    assert [c.link for c in lines] == ["[1]:[1]", "[11]:[11]", "[12]:[12]"]
    assert "together in 3 pairs" in _row(glossary, "消极安全保证").evidence


def test_about_signature(glossary) -> None:
    about = glossary.about
    assert about.inputs == ("nsa.zh.txt",) and about.pairs == len(PAIRS)
    assert ("max_terms", "500") in about.settings and about.version


def test_encoder_adds_embedding_evidence_and_is_called_once_per_language() -> None:
    encoder = FakeEncoder(same={"国际法院": "International Court of Justice"})
    glossary = build_glossary([sample_alignment()], encoder=encoder)
    assert len(encoder.calls) == 2
    assert "embedding 1.00" in _row(glossary, "国际法院").evidence


def test_max_terms_caps_the_rows() -> None:
    assert len(build_glossary([sample_alignment()], GlossaryConfig(max_terms=3)).terms) == 3


def test_deterministic() -> None:
    first = build_glossary([sample_alignment()]).terms
    second = build_glossary([sample_alignment()]).terms
    assert [(t.zh, t.en, t.score) for t in first] == [(t.zh, t.en, t.score) for t in second]


def test_unaligned_links_are_skipped_and_nothing_left_is_an_error() -> None:
    empty = sample_alignment([("只有中文。", ""), ("", "English only.")])
    assert text_pairs([empty]) == []
    with pytest.raises(GlossaryInputError, match="^no aligned sentence pairs in the input; give aligned files or ZH EN document pairs$"):
        build_glossary([empty])


@pytest.mark.parametrize(
    "short, long, expected",
    [("裁谈会", "裁军谈判会议", True), ("拉加共同体", "拉丁美洲和加勒比国家共同体", True), ("谈判会议", "裁军谈判会议", False),
     ("会议裁军", "裁军谈判会议", False), ("裁军谈判会议", "裁军谈判会议", False)],
)
def test_abbreviates(short: str, long: str, expected: bool) -> None:
    from glossary.pairing import abbreviates

    assert abbreviates(short, long) is expected


def test_undefined_chinese_short_form_joins_its_row() -> None:
    pairs = PAIRS + [
        ("裁谈会应当开始谈判。", "The Conference on Disarmament should start negotiations."),
        ("本集团呼吁裁谈会开始工作。", "The Group calls upon the Conference on Disarmament to begin its work."),
    ]
    glossary = build_glossary([sample_alignment(pairs)])
    assert _row(glossary, "裁军谈判会议").zh_variants == ("裁谈会",)
    assert _row(glossary, "裁军谈判会议").zh_freq == 4
