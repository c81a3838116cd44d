"""CC-CEDICT as the aligner and the glossary read it: glosses, segmentation, stems."""

from __future__ import annotations

import pytest

from align.cedict import english_stems, load, stem


def test_stems_split_hyphens_and_drop_function_words() -> None:
    assert english_stems("the nuclear-weapon-free zones") == ["nucle", "weapo", "free", "zone"]


def test_segment_takes_the_longest_headword_and_keeps_digits_whole() -> None:
    assert load().segment("建立无核武器区2017年") == ["建立", "无核", "武器", "区", "2017", "年"]


def test_glosses_are_stems_with_the_un_additions() -> None:
    glosses = load().glosses
    assert "zone" in glosses["区"] and "assur" in glosses["保证"]
    assert "peace" in glosses["和平"] and "the" not in glosses["和平"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("walk walked walking walks", "walk"),
        ("go went gone", "go"),
        ("stop stopped stopping", "stop"),
        ("assurance assurances assure", "assur"),
        ("child children", "child"),
    ],
)
def test_inflected_and_irregular_forms_share_a_stem(words: str, expected: str) -> None:
    assert {stem(w) for w in words.split()} == {expected}


def test_parts_split_a_headword_into_shorter_ones_and_leave_a_single_character_whole() -> None:
    assert load().parts("和平区") == ["和平", "区"]
    assert load().parts("区") == ["区"]  # the old loop never advanced on one character
