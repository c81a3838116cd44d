"""align.lang: zh/en by the share of Han characters, and the forced-language warning."""

from __future__ import annotations

import pytest

from align.document import Lang
from align.lang import cjk_share, detect_lang, lang_warning

DETECT_CASES = [
    ("本集团注意到 CD/1978 号文件所载 2014 年届会活动时间表。", Lang.ZH),
    ("The Group takes note of document CD/1978.", Lang.EN),
    ("GE.18-13667 CD/2133 裁军谈判会议", Lang.ZH),  # a header block is still Chinese
    ("The term 裁军 means disarmament in this glossary entry.", Lang.EN),
    ("2018 12 31", Lang.EN),  # no letters at all: English by default
]


@pytest.mark.parametrize(("text", "expected"), DETECT_CASES)
def test_detect_lang(text: str, expected: Lang) -> None:
    assert detect_lang(text) is expected


def test_cjk_share() -> None:
    assert cjk_share("中文ab") == 0.5
    assert cjk_share("123 ...") == 0.0


def test_warning_when_chinese_is_forced_to_english() -> None:
    assert lang_warning("本集团重申，彻底消除核武器。", Lang.EN, "zh.txt") == (
        "zh.txt: read as English (--lang en) but 100% of its letters are Chinese; check the file or drop --lang"
    )


def test_warning_when_english_is_forced_to_chinese() -> None:
    assert lang_warning("The Group reaffirms.", Lang.ZH, "en.txt") == (
        "en.txt: read as Chinese (--lang zh) but it has almost no Chinese characters; check the file or drop --lang"
    )


@pytest.mark.parametrize(("text", "lang"), [("本集团重申。", Lang.ZH), ("The Group.", Lang.EN)])
def test_no_warning_when_the_forced_language_fits(text: str, lang: Lang) -> None:
    assert lang_warning(text, lang, "x.txt") is None
