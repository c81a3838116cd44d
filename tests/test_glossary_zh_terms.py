"""Chinese candidates: jieba words joined into n-grams, trimmed at function words."""

from __future__ import annotations

import pytest

from glossary.zh_terms import candidates, normalise

WHOLE_TERMS = [
    ("本集团尤其强调，在一项具有法律约束力的文书之下提供的消极安全保证应当不附加任何条件。", "消极安全保证"),
    ("本集团重申，坚定支持早日建立中东无核武器区。", "无核武器区"),
    ("本集团请裁军谈判会议主席考虑这个问题。", "裁军谈判会议"),
    ("21 国集团重申，彻底消除核武器是唯一绝对保证。", "21国集团"),
    ("促进可持续发展目标。", "可持续发展"),
]


@pytest.mark.parametrize("text, term", WHOLE_TERMS)
def test_terms_come_out_whole(text: str, term: str) -> None:
    assert term in candidates(text)


def test_nested_terms_are_candidates_too() -> None:
    found = candidates("在一项具有法律约束力的文书之下提供的消极安全保证应当不附加任何条件。")
    assert {"消极安全保证", "安全保证"} <= found


@pytest.mark.parametrize("bad", ["本集团重申", "集团重申", "的消极安全保证", "消极安全保证应当", "重申"])
def test_boundary_words_are_trimmed(bad: str) -> None:
    found = candidates("本集团重申，在一项具有法律约束力的文书之下提供的消极安全保证应当不附加任何条件。")
    assert bad not in found


def test_numbers_start_a_candidate_only_before_guo() -> None:
    found = candidates("2018 年 8 月 3 日以 21 国集团协调员的身份")
    assert "21国集团" in found
    assert not any(c.startswith("2018") for c in found)


def test_pdf_spaces_between_digits_and_characters_are_closed() -> None:
    assert normalise("2018 年 8 月 21 国集团") == "2018年8月21国集团"
