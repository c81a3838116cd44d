"""The glossary's dictionary score of a term pair (CC-CEDICT, see align.cedict)."""

from __future__ import annotations

import pytest

from align.cedict import load
from glossary.dictionary import score


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
    assert score(load(), zh, en) >= 0.7


@pytest.mark.parametrize(
    "zh, en",
    [("消极安全保证", "nuclear weapons"), ("公约", "comprehensive convention on nuclear weapons"), ("代表团", "Viet Nam")],
)
def test_unrelated_or_partial_pairs_score_low(zh: str, en: str) -> None:
    assert score(load(), zh, en) < 0.5
