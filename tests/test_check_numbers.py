"""number-mismatch on hand-made links, en->zh and zh->en."""

from __future__ import annotations

import pytest

from align.document import Lang
from glossary.checks import numbers
from glossary.finding import CheckId, Severity, Side, Span
from tests.test_check_pair import context, pairs

CLEAN = [
    ("The Assembly adopted resolution 68/32 on 7 July 2017.", "大会于 2017 年 7 月 7 日通过了第 68/32 号决议。"),
    ("See document CD/2133 and resolution 487 (1981).", "见 CD/2133 号文件和第 487（1981）号决议。"),
    ("It rose by 10 per cent at the second session.", "在第二届会议上增长了 10%。"),
]


@pytest.mark.parametrize("source", [Lang.EN, Lang.ZH])
def test_faithful_numbers_dates_and_symbols_pass(source: Lang) -> None:
    assert numbers.find(pairs(CLEAN, source), context(source=source)) == []


def test_changed_symbol_is_reported_with_both_values() -> None:
    rows = [CLEAN[0], ("See document CD/2133 today.", "见今天的 CD/2134 号文件。")]
    found = numbers.find(pairs(rows), context())
    assert len(found) == 1
    f = found[0]
    assert (f.check, f.severity, f.expected, f.found) == (CheckId.NUMBER_MISMATCH, Severity.ERROR, "CD/2133", "CD/2134")
    assert f.note == "missing CD/2133; extra CD/2134"
    assert f.spans == (Span(Side.SOURCE, 13, 20), Span(Side.TARGET, 5, 12))


def test_changed_date_is_reported_zh_to_en() -> None:
    rows = [("The meeting was held on 8 July 2017.", "会议于 2017 年 7 月 7 日举行。")]
    found = numbers.find(pairs(rows, Lang.ZH), context(source=Lang.ZH))
    assert [(f.expected, f.found) for f in found] == [("2017-07-07", "2017-07-08")]


def test_dropped_percentage_and_ordinal() -> None:
    rows = [("It rose by 10 per cent at the second session.", "在会议上增长了。")]
    found = numbers.find(pairs(rows), context())
    assert [(f.expected, f.found) for f in found] == [("10%, ord:2", "")]


def test_number_one_link_over_is_not_reported() -> None:
    rows = [("Resolution 68/32 was adopted.", "决议获得通过。"), ("It was welcomed.", "第 68/32 号决议受到欢迎。")]
    assert numbers.find(pairs(rows), context()) == []


def test_paragraph_numbers_opening_a_segment_are_structure_not_content() -> None:
    rows = [("The Director General assumes it.", "7. 总干事假定如此。"), ("18A.128 It rose by 5 per cent.", "18A.128 增长了 5%。")]
    assert numbers.find(pairs(rows), context()) == []
    assert numbers.find(pairs(rows, Lang.ZH), context(source=Lang.ZH)) == []


def test_small_cardinals_written_as_words_match_digits() -> None:
    rows = [("One incident remains to be verified, and two others.", "有1起事件和另外2起仍待核查。")]
    assert numbers.find(pairs(rows), context()) == []
    rows = [("One incident remains to be verified.", "有3起事件仍待核查。")]
    assert [(f.expected, f.found) for f in numbers.find(pairs(rows), context())] == [("", "3")]


def test_a_number_opening_a_sentence_is_content() -> None:
    rows = [("19 people were injured.", "20人受伤。")]
    assert [(f.expected, f.found) for f in numbers.find(pairs(rows), context())] == [("19", "20")]


def test_a_bracketed_gloss_repeating_a_value_names_it_once() -> None:
    rows = [(
        "The first special session of the General Assembly devoted to disarmament (SSOD-I) met.",
        "第一届专门讨论裁军问题的大会特别会议(第一届裁军特别联大)举行。",
    )]  # fmt: skip
    assert numbers.find(pairs(rows), context()) == []
    assert numbers.find(pairs(rows, Lang.ZH), context(source=Lang.ZH)) == []
    # a symbol with its year in brackets is one value, kept
    rows = [("Resolution 487 (1981) was adopted.", "第 487（1982）号决议获得通过。")]
    assert [(f.expected, f.found) for f in numbers.find(pairs(rows), context())] == [("487(1981)", "487(1982)")]


def test_different_paragraph_numbers_on_both_sides_are_reported() -> None:
    rows = [("6. Consideration of the submission.", "8. 审议提交的划界案。")]
    assert [(f.expected, f.found) for f in numbers.find(pairs(rows), context())] == [("6", "8")]


# (en, zh): the English names 1995 twice, the Chinese folds both into one phrase
FOLDED = (
    "The sponsors of the 1995 resolution of the 1995 Review Conference met.",
    "1995 年审议大会决议的提案国举行了会议。",
)


def test_a_repeat_the_target_names_once_is_not_a_missing_number_en_to_zh() -> None:
    assert numbers.find(pairs([FOLDED]), context()) == []


def test_a_repeat_the_source_names_once_is_not_an_extra_number_zh_to_en() -> None:
    assert numbers.find(pairs([FOLDED], Lang.ZH), context(source=Lang.ZH)) == []


@pytest.mark.parametrize("source", [Lang.EN, Lang.ZH])
def test_a_folded_repeat_with_a_changed_value_is_still_reported(source: Lang) -> None:
    en, zh = FOLDED
    if source is Lang.EN:
        found = numbers.find(pairs([(en, zh.replace("1995", "1996"))]), context())
        assert [(f.expected, f.found) for f in found] == [("1995, 1995", "1996")]
    else:
        found = numbers.find(pairs([(en.replace("1995 R", "1996 R"), zh)], Lang.ZH), context(source=Lang.ZH))
        assert [(f.expected, f.found) for f in found] == [("", "1996")]


def test_a_repeat_missing_altogether_is_still_reported() -> None:
    rows = [("The 1995 resolution of the 1995 Review Conference.", "审议大会的决议。")]
    assert [(f.expected, f.found) for f in numbers.find(pairs(rows), context())] == [("1995, 1995", "")]
    assert [(f.expected, f.found) for f in numbers.find(pairs(rows, Lang.ZH), context(source=Lang.ZH))] == [("", "1995, 1995")]


ZH_NUMERALS = [(11, "十一"), (23, "二十三"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一"), (1995, "一千九百九十五")]


@pytest.mark.parametrize(("n", "written"), ZH_NUMERALS)
def test_chinese_numerals_are_written_as_in_running_text(n: int, written: str) -> None:
    assert numbers._zh_numeral(n) == written


# (en, zh): article numbers in coordination are written in Chinese numerals
ARTICLES = ("Money-laundering, concealment (arts. 23 and 24)", "洗钱、窝赃（第二十三和二十四条）")


@pytest.mark.parametrize("source", [Lang.EN, Lang.ZH])
def test_numbers_written_in_chinese_numerals_match_digits(source: Lang) -> None:
    assert numbers.find(pairs([ARTICLES], source), context(source=source)) == []


def test_a_chinese_numeral_inside_a_larger_one_is_not_a_match() -> None:
    en, zh = ARTICLES
    found = numbers.find(pairs([(en, zh.replace("二十三", "二百二十三"))]), context())
    assert [(f.expected, f.found) for f in found] == [("23", "")]
    found = numbers.find(pairs([(en, zh.replace("二十四", "二十五"))], Lang.ZH), context(source=Lang.ZH))
    assert [(f.expected, f.found) for f in found] == [("", "24")]
