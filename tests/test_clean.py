"""align.clean: headers/footers out (into metadata), page lines rejoined into whole paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.clean import clean
from align.document import DocumentMeta, Lang

NSA = "negative-security-assurances"
CD2133 = "follow-up-2013-high-level-meeting"


def _corpus(corpus_dir: Path, name: str, lang: Lang) -> str:
    return (corpus_dir / lang.value / f"{name}.{lang.value}.txt").read_text(encoding="utf-8")


# --- the corpus ----------------------------------------------------------------------

CORPUS_META = [
    (NSA, Lang.ZH, 21, DocumentMeta(None, None, "18-13663", None, "裁军谈判会议", ("*1813663*", "裁军谈判会议"))),
    (NSA, Lang.EN, 21, DocumentMeta(None, None, None, None, "Conference on Disarmament", ("Conference on Disarmament",))),
    (
        CD2133, Lang.ZH, 20,
        DocumentMeta(
            "CD/2133", "17 August 2018", "GE.18-13667", "English", "裁军谈判会议",
            ("CD/2133", "裁军谈判会议", "17 August 2018", "Chinese", "Original: English", "CD/2133", "2 GE.18-13667"),
        ),
    ),
    (
        CD2133, Lang.EN, 20,
        DocumentMeta(
            "CD/2133", "17 August 2018", "GE.18-13667", "English", "Conference on Disarmament",
            ("CD/2133", "Conference on Disarmament", "17 August 2018", "Original: English", "CD/2133", "2 GE.18-13667"),
        ),
    ),
]


@pytest.mark.parametrize(("name", "lang", "count", "meta"), CORPUS_META, ids=lambda v: getattr(v, "value", None))
def test_corpus_paragraph_count_and_metadata(corpus_dir: Path, name: str, lang: Lang, count: int, meta: DocumentMeta) -> None:
    cleaned = clean(_corpus(corpus_dir, name, lang), lang)
    assert len(cleaned.paragraphs) == count
    assert cleaned.meta == meta


@pytest.mark.parametrize(("name", "lang"), [(n, lang) for n, lang, _, _ in CORPUS_META])
def test_corpus_paragraphs_hold_no_noise(corpus_dir: Path, name: str, lang: Lang) -> None:
    for paragraph in clean(_corpus(corpus_dir, name, lang), lang).paragraphs:
        assert not any(0xE000 <= ord(c) <= 0xF8FF for c in paragraph), paragraph
        assert "\n" not in paragraph and paragraph == paragraph.strip()
        for noise in ("GE.18-13667", "Original: English", "Chinese", "CD/2133", "17 August 2018", "  "):
            assert noise not in paragraph, (noise, paragraph)
        if lang is Lang.ZH:
            # rejoined lines: no space between two Chinese characters
            assert not any("\u4e00" <= a <= "\u9fff" and b == " " and "\u4e00" <= c <= "\u9fff"
                           for a, b, c in zip(paragraph, paragraph[1:], paragraph[2:])), paragraph


def test_chinese_words_broken_across_lines_are_rejoined(corpus_dir: Path) -> None:
    paragraphs = clean(_corpus(corpus_dir, NSA, Lang.ZH), Lang.ZH).paragraphs
    assert paragraphs[0] == (
        "越南社会主义共和国常驻联合国日内瓦办事处、世界贸易组织和瑞士其他国际组织代表团 2018 年 8 月 3 日"
        "以 21 国集团协调员的身份致裁军谈判会议秘书处的普通照会"
    )
    # "…地位。21" + "国集团欢迎…": the document writes "21 国集团", so the join keeps its space
    assert "无核武器地位。21 国集团欢迎联合国大会第 69/66 号决议" in paragraphs[12]
    # "…因而根据该决议第 6" + "段，…"
    assert "因而根据该决议第 6 段，“呼吁" in paragraphs[16]


def test_a_page_break_inside_a_paragraph_does_not_split_it(corpus_dir: Path) -> None:
    # CD/2133 (zh): the page-1 footer and page-2 header sit between the note verbale and the title
    paragraphs = clean(_corpus(corpus_dir, CD2133, Lang.ZH), Lang.ZH).paragraphs
    assert paragraphs[3].endswith("借此机会向裁军谈判会议秘书处致以最崇高的敬意。")
    assert paragraphs[4] == "2013 年核裁军问题大会高级别会议的后续行动"


# --- hand-made layouts ---------------------------------------------------------------

WRAPPED_EN = """\
1. The Group reaffirms that the total elimination of nuclear
weapons is the only absolute guarantee against their use and
CD/2133

2 GE.18-13667
threat of use. The Group calls for a verifiable and a timely
disarma-
ment process under strict international control, for all the
non-nuclear-
weapon States and for every post-
conflict region.
2. The Group stresses that this process must be fully verifi-
able. It supports the efforts of States in every region now.
Short last line of the paragraph.
3. A third paragraph that is long enough to look like the others.
"""


def test_wrapped_english_lines_and_hyphens() -> None:
    cleaned = clean(WRAPPED_EN, Lang.EN)
    assert cleaned.paragraphs == (
        "1. The Group reaffirms that the total elimination of nuclear weapons is the only absolute guarantee "
        "against their use and threat of use. The Group calls for a verifiable and a timely disarmament process "
        "under strict international control, for all the non-nuclear-weapon States and for every "
        "post-conflict region.",
        "2. The Group stresses that this process must be fully verifiable. It supports the efforts of States "
        "in every region now. Short last line of the paragraph.",
        "3. A third paragraph that is long enough to look like the others.",
    )
    assert cleaned.meta.symbol == "CD/2133" and cleaned.meta.job_number == "GE.18-13667"


WRAPPED_ZH_TIGHT = """\
1. 本集团重申，彻底消除核武器是防止使用或威胁使用核武器的唯一绝对保证。本集团
仍然确信，只要存在核武器，这类武器的使用和扩散的风险就难以消除。因此，按照大会第
68/32号决议的规定，裁谈会应当开始就一项关于彻底消除核武器的分阶段方案进行谈判。
2. 在彻底消除核武器之前，本集团重申，如联大第72/25号决议所呼吁的那样，急需作为
一个高度优先事项，尽早就一项切实保证不对无核武器国家使用核武器的文书达成一致。
这样一项文书应当明确、可信。
3. 本集团重申，无核武器国家有权不受核武器国家的攻击，也有权不受核武器国家威胁。
"""


def test_wrapped_chinese_without_trailing_space_cues() -> None:
    paragraphs = clean(WRAPPED_ZH_TIGHT, Lang.ZH).paragraphs
    assert len(paragraphs) == 3
    assert "按照大会第68/32号决议" in paragraphs[0]  # the document writes digits tight: no space added
    assert paragraphs[1].endswith("达成一致。这样一项文书应当明确、可信。")


def test_blocks_are_kept_line_by_line() -> None:
    text = "Title\n\uf0b7 1. First.\nCD/2133\n\n2. Second."
    cleaned = clean(text, Lang.EN, blocks=True)
    assert cleaned.paragraphs == ("Title", "1. First.", "2. Second.")
    assert cleaned.meta.removed_lines == ("CD/2133",)


def test_one_paragraph_per_line_text() -> None:
    text = "A heading\n\nThe first paragraph.\nThe second paragraph.\n\n\n"
    assert clean(text, Lang.EN).paragraphs == ("A heading", "The first paragraph.", "The second paragraph.")


def test_short_title_repeated_at_page_tops_is_a_running_header() -> None:
    body = "\n".join(f"{i}. Paragraph number {i} of the running text." for i in range(1, 4))
    text = f"Working paper\n{body}\nWorking paper\n4. More.\nWorking paper\n5. End."
    cleaned = clean(text, Lang.EN)
    assert "Working paper" not in cleaned.paragraphs
    assert cleaned.meta.removed_lines == ("Working paper",) * 3
