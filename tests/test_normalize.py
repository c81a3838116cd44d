"""align.normalize: folding for matching, and the offset map back to the original."""

from __future__ import annotations

import pytest

from align.normalize import fold, fold_with_offsets, is_cjk

FOLD_CASES = [
    # (original, folded)
    ("２０１８ 年 8 月", "2018年8月"),
    ("2018年8月", "2018年8月"),
    ("第 68/32 号决议", "第68/32号决议"),
    ("第６８／３２号", "第68/32号"),
    ("487（1981）", "487(1981)"),
    ("ＣＤ／２１３３", "CD/2133"),
    ("本集团，重申：", "本集团,重申:"),  # full-width comma and colon fold; 。、 stay
    ("核武器。", "核武器。"),
    ("  a \t b\n\nc  ", "a b c"),
    ("21 国集团", "21国集团"),
    ("the Group of 21 reaffirms", "the Group of 21 reaffirms"),  # Latin-digit spaces stay
    ("中文\u3000全角空格", "中文 全角空格"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_CASES)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(("text", "_"), FOLD_CASES)
def test_fold_is_idempotent(text: str, _: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_spaced_and_tight_chinese_dates_fold_alike() -> None:
    assert fold("2018 年 8 月 17 日") == fold("2018年8月17日") == fold("２０１８年８月１７日")


def test_casefold_is_optional() -> None:
    assert fold("CD/2133 Group") == "CD/2133 Group"
    assert fold("CD/2133 Group", casefold=True) == "cd/2133 group"


def test_offsets_point_back_into_the_original() -> None:
    original = "于 ２０１８ 年 8 月"
    folded = fold_with_offsets(original)
    assert folded.text == "于2018年8月"
    assert len(folded.offsets) == len(folded.text)
    for char, index in zip(folded.text, folded.offsets):
        assert fold(original[index]) == char
    start = folded.text.index("2018")
    assert original[slice(*folded.span(start, start + 4))] == "２０１８"


def test_offsets_of_an_expanding_character() -> None:
    folded = fold_with_offsets("面积 5㎡")  # ㎡ folds to two characters
    assert folded.text == "面积5m2"
    assert folded.offsets[-2:] == (4, 4)


@pytest.mark.parametrize(("char", "expected"), [("中", True), ("〇", True), ("a", False), ("。", False), ("１", False)])
def test_is_cjk(char: str, expected: bool) -> None:
    assert is_cjk(char) is expected
