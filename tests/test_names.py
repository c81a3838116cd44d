"""Pinyin names: English capitalised words spelled by the readings of Chinese characters."""

from __future__ import annotations

import pytest

from align.cedict import load
from align.names import chinese_names, english_names, name_tokens


@pytest.fixture(scope="module")
def dictionary():
    return load()


def test_readings_are_toneless_pinyin_per_character(dictionary):
    assert dictionary.readings["王"] == ("wang",)
    assert dictionary.readings["女"] == ("nu", "ru")  # nü written without the umlaut, and a second reading


def test_english_names_are_capitalised_words_that_are_not_function_words():
    assert english_names("He said Wang Qiyao and The Mao family met in Shanghai.") == {"wang", "qiyao", "mao", "shanghai"}


def test_chinese_names_are_spelled_by_one_to_three_characters(dictionary):
    wanted = {"wang", "qiyao", "zedong", "ouyangxiu", "wangqiyaoma"}
    assert chinese_names("王琦瑶见到了毛泽东和欧阳修。", wanted, dictionary) == {"wang", "qiyao", "zedong", "ouyangxiu"}
    assert chinese_names("王琦瑶妈", {"wangqiyaoma"}, dictionary) == set()  # four characters: longer than LONGEST


def test_names_count_only_when_both_sides_have_them_and_never_in_lower_case(dictionary):
    zh = ["王琦瑶和人相熟起来。", "毛泽东同志说。", "我们去了很远的地方。"]
    en = ["Wang Qiyao got to know people.", "Li Bai wrote poems.", "Long ago we went a long way."]
    zh_names, en_names = name_tokens(zh, en, dictionary)
    # Li Bai has no Chinese counterpart, Mao Zedong no English one, and "Long" is an English word here
    assert zh_names == [{"wang", "qiyao"}, set(), set()]
    assert en_names == [{"wang", "qiyao"}, set(), set()]
