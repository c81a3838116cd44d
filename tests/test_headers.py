"""align.headers: which lines are running headers/footers, and what each keeps as metadata."""

from __future__ import annotations

import pytest

from align.headers import HeaderLine, Role, classify_line, decode_barcode, strip_private_use

BARCODE = "\uf02a\uf031\uf038\uf031\uf033\uf036\uf036\uf033\uf02a"  # *1813663* in a barcode font

HEADER_CASES = [
    ("CD/2133 ", HeaderLine(Role.SYMBOL, "CD/2133")),
    ("A/HRC/39/L.1", HeaderLine(Role.SYMBOL, "A/HRC/39/L.1")),
    ("S/RES/487 (1981)", HeaderLine(Role.SYMBOL, "S/RES/487 (1981)")),
    ("GE.18-13667", HeaderLine(Role.JOB_NUMBER, "GE.18-13667")),
    ("2 GE.18-13667", HeaderLine(Role.JOB_NUMBER, "GE.18-13667")),
    ("GE.18-13667 (C)  230818  240818", HeaderLine(Role.JOB_NUMBER, "GE.18-13667(C)")),
    ("18-12345 (C)", HeaderLine(Role.JOB_NUMBER, "18-12345(C)")),
    ("3", HeaderLine(Role.PAGE, "3")),
    ("- 12 -", HeaderLine(Role.PAGE, "- 12 -")),
    ("2/15", HeaderLine(Role.PAGE, "2/15")),
    ("第 3 页", HeaderLine(Role.PAGE, "第 3 页")),
    ("Chinese  ", HeaderLine(Role.LANGUAGE, "Chinese")),
    ("中文", HeaderLine(Role.LANGUAGE, "Chinese")),
    ("Original: English ", HeaderLine(Role.ORIGINAL, "English")),
    ("原文：英文", HeaderLine(Role.ORIGINAL, "English")),
    ("Distr.: General", HeaderLine(Role.DISTRIBUTION, "Distr.: General")),
    ("Please recycle ♲", HeaderLine(Role.PRINTER, "Please recycle ♲")),
    ("17 August 2018 ", HeaderLine(Role.DATE, "17 August 2018")),
    ("2018 年 8 月 17 日", HeaderLine(Role.DATE, "2018 年 8 月 17 日")),
    (" 裁军谈判会议  ", HeaderLine(Role.BODY, "裁军谈判会议")),
    ("Conference on Disarmament", HeaderLine(Role.BODY, "Conference on Disarmament")),
    (f" {BARCODE}  ", HeaderLine(Role.BARCODE, "18-13663")),
    ("*1813663*", HeaderLine(Role.BARCODE, "18-13663")),
]

TEXT_CASES = [
    "1. 21 国集团重申，彻底消除核武器是防止使用或威胁使用核武器的唯一绝对",
    "68/32 号、第 69/58 号、第 70/34 号、第 71/71 号和第 72/251 号决议以跟进这次",
    "消极安全保证",
    "Negative security assurances",
    "顺致最崇高的敬意",
    "2013 年核裁军问题大会高级别会议的后续行动",
    "The Group of 21",
    "General",  # a heading, unless written "Distr.: General"
    "",
    "   ",
]


@pytest.mark.parametrize(("line", "expected"), HEADER_CASES)
def test_header_lines(line: str, expected: HeaderLine) -> None:
    assert classify_line(line) == expected


@pytest.mark.parametrize("line", TEXT_CASES)
def test_text_lines_are_not_headers(line: str) -> None:
    assert classify_line(line) is None


def test_decode_barcode() -> None:
    assert decode_barcode(BARCODE) == "*1813663*"
    assert decode_barcode("CD/2133") is None
    assert decode_barcode("") is None


def test_strip_private_use_keeps_the_text() -> None:
    assert strip_private_use("\uf0b7 The Group\uf020") == " The Group"
