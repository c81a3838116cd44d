"""inconsistency: one source sentence or one glossary term rendered in several ways."""

from __future__ import annotations

from dataclasses import replace

from align.document import Lang
from glossary.checks import inconsistency
from glossary.finding import CheckId, Side, Span
from glossary.term import Term
from glossary.check_config import CheckConfig
from glossary.checks.pair import pairs_of
from tests.test_check_pair import context, make_alignment, pairs

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


def _context_with(stored: list[tuple[str, str]], source: Lang = Lang.EN, config: CheckConfig = CheckConfig(), terms=()):
    """A context whose stored translations (``check --db``) are ``stored`` rows of one document."""
    ref = make_alignment(stored, zh_name="old.zh.txt", en_name="old.en.txt")
    return replace(context(terms, source, config), references=(tuple(pairs_of(ref, source)),))


def test_a_rendering_other_than_the_stored_one_is_reported() -> None:
    stored = [("Other text here.", "其他。"), (REPEATED, "本集团重申其原则立场。")]
    found = inconsistency.find(pairs([(REPEATED, "该集团重申其立场。")]), _context_with(stored))
    assert [(f.expected, f.found, f.target.document) for f in found] == [("本集团重申其原则立场。", "该集团重申其立场。", "zh.txt")]
    assert found[0].note == "same source sentence rendered differently in the corpus at old.zh.txt ¶2 s1"
    # the stored rendering itself is fine, and nothing is reported on the stored documents
    assert inconsistency.find(pairs([(REPEATED, "本集团重申其原则立场。")]), _context_with(stored)) == []
    assert inconsistency.find(pairs([("Unrelated sentence of some length.", "无关。")]), _context_with(stored)) == []


def test_stored_usage_counts_zh_to_en() -> None:
    zh = "本集团重申其关于消极安全保证的原则立场。"
    stored = [("The Group reaffirms its principled position on negative security assurances.", zh)]
    checked = [("The Group restates its position on negative security assurances.", zh)]
    found = inconsistency.find(pairs(checked, Lang.ZH), _context_with(stored, Lang.ZH))
    assert [(f.expected, f.found) for f in found] == [(stored[0][0], checked[0][0])]


def test_the_most_frequent_rendering_wins_over_a_single_stored_one() -> None:
    stored = [(REPEATED, "该集团重申其立场。")]
    checked = [(REPEATED, "本集团重申其原则立场。"), (REPEATED, "本集团重申其原则立场。")]
    assert inconsistency.find(pairs(checked), _context_with(stored)) == []


def test_stored_links_of_low_confidence_are_not_usage() -> None:
    ref = make_alignment([(REPEATED, "该集团重申其立场。")])
    weak = tuple(replace(p, score=0.3) for p in pairs_of(ref, Lang.EN))
    ctx = replace(context(), references=(weak,))
    assert inconsistency.find(pairs([(REPEATED, "本集团重申其原则立场。")]), ctx) == []


def test_term_forms_count_stored_usage_when_switched_on() -> None:
    sa = Term("安全保证", "security assurances", zh_variants=("安全保障",))
    stored = [("Security assurances were given.", "提供了安全保障。"), ("Security assurances matter.", "安全保障很重要。")]
    checked = [("Security assurances are vital.", "安全保证至关重要。")]
    found = inconsistency.find(pairs(checked), _context_with(stored, config=ON, terms=[sa]))
    assert [(f.found, f.expected, f.note) for f in found] == [
        ("安全保证", "安全保障", "'安全保障' is used 2x elsewhere (preferred: '安全保证')")
    ]
