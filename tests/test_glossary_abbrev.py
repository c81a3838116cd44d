"""Short forms defined in the text, in both languages."""

from __future__ import annotations

from glossary.abbrev import ShortForm, chinese, english


def test_english_acronym_with_plural() -> None:
    assert english("the establishment of nuclear-weapon-free zones (NWFZs), taking") == [
        ShortForm("NWFZs", "nuclear-weapon-free zones")
    ]


def test_english_acronym_from_another_language_takes_the_capitalised_name() -> None:
    found = english("at the Second Summit of the Community of Latin American and Caribbean States (CELAC), held")
    assert found == [ShortForm("CELAC", "Community of Latin American and Caribbean States")]


def test_years_and_numbers_in_brackets_are_not_acronyms() -> None:
    assert english("Security Council resolution 487 (1981) and the 1995 resolution (1995)") == []


def test_chinese_short_forms() -> None:
    text = "举行的拉丁美洲和加勒比国家共同体(拉加共同体)第二次首脑会议；拉丁美洲和加勒比禁止核武器组织（拉美禁核组织）大会"
    assert chinese(text) == [
        ShortForm("拉加共同体", "拉丁美洲和加勒比国家共同体"),
        ShortForm("拉美禁核组织", "拉丁美洲和加勒比禁止核武器组织"),
    ]


def test_chinese_brackets_that_do_not_abbreviate_are_ignored() -> None:
    assert chinese("联合国大会特别会议(第一届裁军特别联大)的规定") == []
