"""inconsistency: one source sentence or one glossary term rendered in several ways."""

from __future__ import annotations

from align.document import Lang
from glossary.checks import inconsistency
from glossary.finding import CheckId, Side, Span
from glossary.term import Term
from glossary.check_config import CheckConfig
from tests.test_check_pair import context, pairs

ON = CheckConfig(term_consistency=True)

REPEATED = "The Group reaffirms its principled position."


def test_same_source_sentence_rendered_differently() -> None:
    rows = [(REPEATED, "本集团重申其原则立场。"), ("Other text here.", "其他。"), (REPEATED, "本集团重申其原则立场。"), (REPEATED, "该集团重申其立场。")]
    found = inconsistency.find(pairs(rows), context())
    assert len(found) == 1
    assert (found[0].check, found[0].expected, found[0].found) == (CheckId.INCONSISTENCY, "本集团重申其原则立场。", "该集团重申其立场。")
    assert found[0].note == "same source sentence rendered differently at ¶1 s0"


def test_short_repeated_sentences_are_left_alone_zh_to_en() -> None:
    rows = [("Yes.", "是。"), ("Right.", "是。")]
    assert inconsistency.find(pairs(rows, Lang.ZH), context(source=Lang.ZH)) == []


def test_term_rendered_by_different_allowed_forms() -> None:
    sa = Term("安全保证", "security assurances", zh_variants=("安全保障",))
    rows = [
        ("Security assurances were given.", "提供了安全保证。"),
        ("Security assurances are vital.", "安全保证至关重要。"),
        ("Security assurances remain.", "安全保障依然存在。"),
    ]
    found = inconsistency.find(pairs(rows), context([sa], config=ON))
    assert inconsistency.find(pairs(rows), context([sa])) == []  # off by default
    assert [(f.found, f.expected, f.target_text) for f in found] == [("安全保障", "安全保证", "安全保障依然存在。")]
    assert found[0].spans == (Span(Side.TARGET, 0, 4),)
    # zh -> en: the English side has a single form, nothing to be inconsistent about
    assert inconsistency.find(pairs(rows, Lang.ZH), context([sa], Lang.ZH, ON)) == []


def test_short_form_after_the_full_one_is_house_style() -> None:
    cd = Term("裁军谈判会议", "Conference on Disarmament", zh_variants=("裁谈会",))
    rows = [
        ("The Conference on Disarmament met.", "裁军谈判会议举行会议。"),
        ("The Conference on Disarmament ended.", "裁谈会结束。"),
    ]
    assert inconsistency.find(pairs(rows), context([cd], config=ON)) == []
