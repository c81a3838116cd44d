"""untranslated: target segments left in the source language, both directions."""

from __future__ import annotations

import pytest

from align.document import Lang
from glossary.checks import untranslated
from glossary.finding import CheckId
from tests.test_check_pair import context, pairs

CASES = [
    # (source language, target text, untranslated?)
    (Lang.EN, "The Group reaffirms its position on this matter.", True),
    (Lang.EN, "本集团重申其立场。", False),
    (Lang.EN, "Original: English", False),  # too short to judge
    (Lang.EN, "大会第 68/32 号决议（CD/2133，A/RES/68/32）", False),
    (Lang.EN, "本集团欢迎 Treaty on the Prohibition of Nuclear Weapons 生效。", False),
    (Lang.ZH, "本集团重申其立场。", True),
    (Lang.ZH, "The Group reaffirms its position.", False),
    (Lang.ZH, "The Group welcomes 《不扩散核武器条约》.", False),
]


@pytest.mark.parametrize(("source", "target", "expected"), CASES)
def test_target_in_source_language(source: Lang, target: str, expected: bool) -> None:
    assert untranslated.in_source_language(target, source, 4) is expected


def test_copied_source_is_named_as_such() -> None:
    text = "The Group reaffirms its position on this matter."
    found = untranslated.find(pairs([(text, text)]), context())
    assert [(f.check, f.note) for f in found] == [(CheckId.UNTRANSLATED, "target is the source text copied")]
    zh = "本集团重申其立场以及其他立场。"
    found = untranslated.find(pairs([(zh, "本集团重申其立场以及其他立场和观点。")], Lang.ZH), context(source=Lang.ZH))
    assert [f.note for f in found] == ["target is in zh, not en"]
