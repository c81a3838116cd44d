"""Lexical evidence: numbers, numerals, symbols and Latin names shared by both sides."""

from __future__ import annotations

import numpy as np
import pytest

from align.lexical import MARKS, build_index, marks, tokens, zh_numeral_value

NUMERALS = [("二十一", 21), ("三千零五", 3005), ("十四", 14), ("十", 10), ("一万二千", 12000), ("两", 2)]


@pytest.mark.parametrize(("text", "value"), NUMERALS)
def test_zh_numeral_value(text, value):
    assert zh_numeral_value(text) == value


def test_zh_tokens_cover_digits_numerals_symbols_and_latin_words():
    got = tokens("他在１９９８年去了UN总部，见到Smith，A/RES/70/1号决议，二十一岁。", zh=True)
    assert got == {"#1998", "un", "smith", "A/RES/70/1", "#21"}


def test_en_tokens_keep_capitalised_words_and_number_words_only():
    got = tokens("In 1,000 cases the UN met Smith at twenty-one, a one-off.", zh=False)
    assert got == {"in", "#1000", "un", "smith", "#21"}


def test_small_word_numbers_are_not_evidence():
    # 一 / "one" are mostly articles; they would match everywhere
    assert tokens("一个人", zh=True) == set()
    assert tokens("one man", zh=False) == set()


def _index(zh: list[str], en: list[str], lo: list[int] | None = None, hi: list[int] | None = None, reach: int = 2):
    """The index over a band that is the whole matrix unless ``lo``/``hi`` are given."""
    lo_a = np.array(lo if lo is not None else [0] * (len(zh) + 1))
    hi_a = np.array(hi if hi is not None else [len(en)] * (len(zh) + 1))
    return build_index(zh, en, lo_a, hi_a, reach)


def test_index_keeps_only_tokens_seen_on_both_sides():
    index = _index(["他在1998年去了UN总部。", "你好。"], ["Hello there, Paris.", "In 1998 he went to the UN."])
    assert index.matches.nonzero() == {0: {1: 2}}
    assert list(index.zh_count) == [2, 0]
    assert list(index.en_count) == [0, 2]  # "In", "Hello", "Paris" have no Chinese counterpart


def test_row_returns_dense_counts_inside_the_window():
    index = _index(["1998年和2001年"], ["In 1998.", "Nothing.", "By 2001."])
    assert list(index.matches.row(0, 0, 3)) == [1, 0, 1]
    assert list(index.matches.row(0, 1, 3)) == [0, 1]


def test_matches_are_kept_only_where_a_bead_can_reach():
    # a diagonal band of half-width 0 with beads of 1 + 1 sentences: zh r reaches en r-1 .. r+1
    zh = [f"{y}年" for y in range(2000, 2006)]
    en = [f"In {y}." for y in (2005, 2001, 2002, 2003, 2004, 2000)]  # 2000 and 2005 swapped
    index = _index(zh, en, lo=list(range(7)), hi=list(range(7)), reach=1)
    assert index.matches.nonzero() == {1: {1: 1}, 2: {2: 1}, 3: {3: 1}, 4: {4: 1}}


def test_marks_count_question_and_exclamation_marks_of_either_width():
    assert MARKS == ("?", "!")
    assert marks("你去吗？去！真的！") == [1, 2]
    assert marks("Really?! Yes.") == [1, 1]
    assert marks("没有。") == [0, 0]


def test_mark_mismatch_counts_marks_one_side_of_a_bead_lacks():
    index = _index(["你去吗？", "好！", "嗯。"], ["Are you going?", "Good!", "Fine?"], reach=3)
    # zh 0..1 (one ?, one !) against en runs of two ending at 2 and 3: en 0..1 match, en 1..2 has ! and ?
    assert index.mark_mismatch(0, 2, 2, 2, 3).tolist() == [0, 0]
    # zh 1 (one !) against single en sentences 0, 1, 2
    assert index.mark_mismatch(1, 2, 1, 1, 3).tolist() == [2, 0, 2]
    # zh 0..2 against all three en sentences: one ? too many on the en side
    assert index.mark_mismatch(0, 3, 3, 3, 3).tolist() == [1]
