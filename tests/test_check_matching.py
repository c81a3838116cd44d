"""Term matching: case only for proper-noun forms, plurals, hyphens, Chinese normalisation."""

from __future__ import annotations

import pytest

from align.document import Lang
from glossary.matching import FormIndex, en_pattern, head_word, is_proper, lang_of_form

EN_CASES = [
    # (form, text, matches?)
    ("Member States", "All Member States agree.", True),
    ("Member States", "All member States agree.", False),
    ("Member States", "Every Member State agrees.", True),
    ("nuclear weapon", "Nuclear weapons must go.", True),
    ("nuclear-weapon-free zone", "nuclear weapon free zones exist", True),
    ("nuclear weapon free zone", "the nuclear-weapon-free zone treaty", True),
    ("peacekeeping operation", "peace-keeping operations", False),
    ("peace-keeping operation", "peacekeeping operations", True),
    ("policy", "their policies differ", True),
    ("policy", "a policymaker", False),
    ("process", "these processes", True),
    ("NWFZ", "all NWFZs", True),
    ("NWFZ", "all nwfzs", False),
    ("disarmament", "Disarmament matters", True),
    ("arm", "an army", False),
]


@pytest.mark.parametrize(("form", "text", "hit"), EN_CASES)
def test_english_forms_match_as_a_terminologist_counts(form: str, text: str, hit: bool) -> None:
    assert bool(en_pattern(form).search(text)) is hit


def test_proper_noun_forms_and_languages_are_recognised() -> None:
    assert is_proper("Conference on Disarmament") and not is_proper("negative security assurances")
    assert lang_of_form("无核武器区") is Lang.ZH and lang_of_form("NWFZ") is Lang.EN


def test_chinese_matching_ignores_line_breaks_and_full_width_and_keeps_offsets() -> None:
    index = FormIndex([(0, "第68/32号决议"), (1, "会员国")], Lang.ZH)
    text = "大会第６８/３２号\n决议请各会员国"
    hits = index.find(text)
    assert [(h.key, text[h.start : h.end]) for h in hits] == [(0, "第６８/３２号\n决议"), (1, "会员国")]


def test_longest_form_wins_where_forms_overlap() -> None:
    index = FormIndex([(0, "核武器"), (1, "无核武器区")], Lang.ZH)
    assert [h.key for h in index.find("建立无核武器区，消除核武器")] == [1, 0]
    en = FormIndex([(0, "security assurances"), (1, "negative security assurances")], Lang.EN)
    assert [h.key for h in en.find("negative security assurances and other security assurances")] == [1, 0]


def test_forms_of_the_other_language_are_ignored() -> None:
    assert not FormIndex([(0, "核武器")], Lang.EN)
    assert FormIndex([(0, "CD")], Lang.ZH).find("CD/2133") == []


HEADS = [
    # (form, the word a repeat mention shortens it to)
    ("Conference on Disarmament", "Conference"),
    ("Security Council", "Council"),
    ("Economic and Social Council", "Council"),
    ("Treaty on the Non-Proliferation of Nuclear Weapons", "Treaty"),
    ("nuclear-weapon States", "States"),
    ("NPT", "NPT"),
    ("裁军谈判会议", ""),
]


@pytest.mark.parametrize(("form", "head"), HEADS)
def test_head_word_is_what_a_repeat_mention_keeps(form: str, head: str) -> None:
    assert head_word(form) == head
