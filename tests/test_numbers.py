"""align.numbers: the same tokens from a Chinese text and its English translation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from align.document import Lang
from align.numbers import chinese_numeral, extract_numbers

# (Chinese, English, tokens both must give) — order-insensitive across languages
PAIRS = [
    ("2017 年 7 月 7 日", "7 July 2017", ["2017-07-07"]),
    ("2017年7月7日", "July 7, 2017", ["2017-07-07"]),
    ("２０１７年７月７日", "7th July 2017", ["2017-07-07"]),
    ("2018 年 8 月", "August 2018", ["2018-08"]),
    ("9 月 26 日", "26 September", ["--09-26"]),
    ("2014 年 1 月 28 至 29 日", "28 and 29 January 2014", ["2014-01-28", "2014-01-29"]),
    ("2014 年 6 月 18 日至 20 日", "from 18 to 20 June 2014", ["2014-06-18", "2014-06-20"]),
    (
        "2017 年 3 月 27 日至 31 日和 6 月 15 日至 7 月 7 日",
        "from 27 to 31 March and from 15 June to 7 July 2017",
        ["2017-03-27", "2017-03-31", "2017-06-15", "2017-07-07"],
    ),
    ("2018 年的届会", "the 2018 session", ["2018"]),
    ("第 68/32 号决议", "resolution 68/32", ["68/32"]),
    ("共计 475 000 欧元", "a total of Euro475,000", ["475000"]),  # UNPC writes the currency against the number
    ("250 美元", "USD250", ["250"]),
    ("第 68/32 号、第 69/58 号和第 72/251 号决议", "resolutions 68/32, 69/58 and 72/251", ["68/32", "69/58", "72/251"]),
    ("CD/2119 和 CD/2126 号决定", "decisions CD/2119 and CD/2126", ["CD/2119", "CD/2126"]),
    ("第 487(1981)号决议", "resolution 487 (1981)", ["487(1981)"]),
    ("第 487（1981）号决议", "resolution 487 (1981)", ["487(1981)"]),
    ("S/RES/487 (1981) 号决议", "resolution S/RES/487 (1981)", ["S/RES/487(1981)"]),
    ("A/HRC/39/L.1 号文件", "document A/HRC/39/L.1.", ["A/HRC/39/L.1"]),
    ("第二次首脑会议", "the Second Summit", ["ord:2"]),
    ("第二十五届会议", "the twenty-fifth session", ["ord:25"]),
    ("第九次审议大会", "the 9th Review Conference", ["ord:9"]),
    ("50 周年", "the fiftieth anniversary", ["ord:50"]),
    ("首个无核武器区", "the first nuclear-weapon-free zone", ["ord:1"]),
    ("第六条", "article VI", ["6"]),
    ("第 14 段", "paragraph 14", ["14"]),
    ("1960 年代", "the 1960s", ["1960s"]),
    ("百分之十", "10 per cent", ["10%"]),
    ("10%", "10 percent", ["10%"]),
    ("2.5%", "2.5 %", ["2.5%"]),
    ("1,000 名代表", "1,000 delegates", ["1000"]),
    ("1000 名代表", "1,000 delegates", ["1000"]),
    ("3 万人", "30,000 people", ["30000"]),
    ("1.5 亿", "150 million", ["150000000"]),
    ("2.50 倍", "2.5 times", ["2.5"]),
    ("483 918 人", "483,918 people", ["483918"]),  # UN Chinese separates thousands with spaces
    ("2.639 亿美元", "$263.9 million", ["263900000"]),
    ("19.586 亿美元", "$1,958.6 million", ["1958600000"]),
    ("下午 12 时 40 分", "at 12.40 p.m.", ["12:40"]),
    ("上午10时", "at 10 a.m.", ["10:00"]),
    ("第一个议程草案", "the first draft agenda", ["ord:1"]),
    ("21 国集团", "the Group of 21", ["21"]),
    ("二十一国集团", "the Group of 21", ["21"]),
    ("33 个成员国", "the 33 member States", ["33"]),
    ("三个缔约国", "three States parties", []),  # cardinal words are left out on purpose
    ("一致", "consensus", []),
]


@pytest.mark.parametrize(("zh", "en", "tokens"), PAIRS)
def test_zh_and_en_give_the_same_tokens(zh: str, en: str, tokens: list[str]) -> None:
    assert Counter(extract_numbers(zh, Lang.ZH)) == Counter(tokens)
    assert Counter(extract_numbers(en, Lang.EN)) == Counter(tokens)


def test_tokens_come_in_text_order() -> None:
    text = "The Group recalls resolution 72/25 of 2017, adopted on 4 December 2017 by 150 votes."
    assert extract_numbers(text, Lang.EN) == ("72/25", "2017", "2017-12-04", "150")


@pytest.mark.parametrize("text", ["", "The Group reaffirms.", "本集团重申。"])
def test_no_numbers(text: str) -> None:
    assert extract_numbers(text, Lang.EN) == ()
    assert extract_numbers(text, Lang.ZH) == ()


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("二十五", 25), ("一百零一", 101), ("两千", 2000), ("年", None), ("", None)],
)
def test_chinese_numeral(numeral: str, value: int | None) -> None:
    assert chinese_numeral(numeral) == value


def test_corpus_paragraph_pairs_agree(corpus_dir: Path) -> None:
    """Each zh/en paragraph pair of CD/2133 gives the same tokens; the NSA paper differs in two known places."""
    from align.segment import read_document

    for name, expected_differences in [
        ("follow-up-2013-high-level-meeting", {}),
        # para. 8: 第一届裁军特别联大 is "SSOD-I" in English; para. 12: the English says "1995" once more
        ("negative-security-assurances", {12: ({"ord:1": 1}, {}), 16: ({}, {"1995": 1})}),
    ]:
        zh = read_document(corpus_dir / "zh" / f"{name}.zh.txt")
        en = read_document(corpus_dir / "en" / f"{name}.en.txt")
        differences = {}
        for pz, pe in zip(zh.paragraphs, en.paragraphs):
            a, b = Counter(extract_numbers(pz.text, Lang.ZH)), Counter(extract_numbers(pe.text, Lang.EN))
            if a != b:
                differences[pz.id] = (dict(a - b), dict(b - a))
        assert differences == expected_differences
