"""term-missing and term-forbidden on hand-made links, en->zh and zh->en."""

from __future__ import annotations

import pytest

from align.document import Lang
from glossary.checks import term_forbidden, term_missing
from glossary.checks.concepts import compound_heads, concepts
from glossary.finding import CheckId, Severity, Side, Span
from glossary.term import Status, Term
from tests.test_check_pair import context, pairs

NWFZ = Term("无核武器区", "nuclear-weapon-free zone", en_variants=("NWFZ",), forbidden=("无核区",), status=Status.APPROVED)
NSA = Term("消极安全保证", "negative security assurances", status=Status.APPROVED)
MS = Term("会员国", "Member States", status=Status.APPROVED)
CD = Term("裁军谈判会议", "Conference on Disarmament", zh_variants=("裁谈会",))


def test_missing_rendering_is_reported_en_to_zh() -> None:
    links = pairs([("Negative security assurances are vital.", "安全保证至关重要。")])
    found = term_missing.find(links, context([NSA]))
    assert len(found) == 1
    f = found[0]
    assert (f.check, f.severity, f.expected, f.found) == (CheckId.TERM_MISSING, Severity.ERROR, "消极安全保证", "")
    assert f.spans == (Span(Side.SOURCE, 0, 28),)
    assert f.note == "source has 'Negative security assurances' 1x, target has 消极安全保证 0x"


def test_missing_rendering_is_reported_zh_to_en() -> None:
    links = pairs([("The zones are important.", "无核武器区很重要。")], Lang.ZH)
    found = term_missing.find(links, context([NWFZ], Lang.ZH))
    assert [(f.expected, f.source_text) for f in found] == [("nuclear-weapon-free zone", "无核武器区很重要。")]


def test_variants_plurals_and_hyphens_satisfy_the_term() -> None:
    rows = [
        ("Nuclear-weapon-free zones matter.", "无核武器区很重要。"),
        ("The NWFZ in Africa.", "非洲无核武器区。"),
        ("The Conference on Disarmament met.", "裁谈会举行了会议。"),
    ]
    assert term_missing.find(pairs(rows), context([NWFZ, CD])) == []
    assert term_missing.find(pairs(rows, Lang.ZH), context([NWFZ, CD], Lang.ZH)) == []


def test_a_term_named_twice_needs_its_rendering_twice() -> None:
    rows = [("Member States and other Member States.", "会员国和其他国家。")]
    found = term_missing.find(pairs(rows), context([MS]))
    assert [f.note for f in found] == ["source has 'Member States' 2x, target has 会员国 1x"]
    assert found[0].found == "会员国"


def test_proper_noun_case_is_respected() -> None:
    rows = [("All member States.", "所有国家。")]
    assert term_missing.find(pairs(rows), context([MS])) == []


def test_rendering_one_link_over_is_not_reported() -> None:
    rows = [("Negative security assurances matter.", "这很重要。"), ("They do.", "消极安全保证确实重要。")]
    assert term_missing.find(pairs(rows), context([NSA])) == []


def test_rejected_terms_are_not_checked() -> None:
    rejected = Term("消极安全保证", "negative security assurances", status=Status.REJECTED)
    rows = [("Negative security assurances.", "保证。")]
    assert term_missing.find(pairs(rows), context([rejected])) == []


def test_forbidden_form_is_reported_wherever_it_appears() -> None:
    rows = [("A zone.", "一个无核区。"), ("A nuclear-weapon-free zone.", "一个无核武器区。")]
    found = term_forbidden.find(pairs(rows), context([NWFZ]))
    assert len(found) == 1
    f = found[0]
    assert (f.check, f.expected, f.found, f.target_text) == (CheckId.TERM_FORBIDDEN, "无核武器区", "无核区", "一个无核区。")
    assert f.spans == (Span(Side.TARGET, 2, 5),)
    assert f.note == "'无核区' is forbidden; use '无核武器区'"


def test_forbidden_status_row_forbids_its_target_form_zh_to_en() -> None:
    bad = Term("核大国", "nuclear powers", status=Status.FORBIDDEN)
    rows = [("The nuclear powers.", "核大国。")]
    found = term_forbidden.find(pairs(rows, Lang.ZH), context([bad], Lang.ZH))
    assert [(f.found, f.expected, f.note) for f in found] == [("nuclear powers", "", "'nuclear powers' is forbidden")]
    # and a forbidden row is never "missing"
    assert term_missing.find(pairs(rows, Lang.ZH), context([bad], Lang.ZH)) == []


def test_forbidden_form_inside_an_allowed_form_is_not_reported() -> None:
    term = Term("核武器国家", "nuclear-weapon States", forbidden=("核武器",))
    rows = [("Nuclear-weapon States.", "核武器国家。")]
    assert term_forbidden.find(pairs(rows), context([term])) == []


def test_fewer_renderings_are_accepted_where_the_translation_always_condenses_the_term() -> None:
    rows = [
        ("Member States and other Member States.", "会员国和其他国家。"),
        ("Member States and all Member States.", "会员国和所有国家。"),
    ]
    assert term_missing.find(pairs(rows), context([MS])) == []
    # but a rendering missing altogether is still reported
    rows.append(("Member States agree.", "各国同意。"))
    assert [f.target_text for f in term_missing.find(pairs(rows), context([MS]))] == ["各国同意。"]


def test_an_acronym_defined_in_brackets_is_one_mention() -> None:
    rows = [("Nuclear-weapon-free zones (NWFZs) matter.", "无核武器区很重要。")]
    assert term_missing.find(pairs(rows), context([NWFZ])) == []


def test_a_longer_target_term_the_source_does_not_use_does_not_hide_a_shorter_one() -> None:
    weapons = Term("核武器", "nuclear weapons")
    elimination = Term("彻底消除核武器", "total elimination of nuclear weapons")
    rows = [("The complete elimination of nuclear weapons.", "彻底消除核武器。")]
    assert term_missing.find(pairs(rows), context([weapons, elimination])) == []
    rows = [("The total elimination of nuclear weapons.", "消除核武器。")]
    found = term_missing.find(pairs(rows), context([weapons, elimination]))
    assert [f.expected for f in found] == ["彻底消除核武器"]


def test_a_term_named_only_in_the_next_link_hides_nothing_here() -> None:
    threat = Term("威胁", "threat")
    use = Term("使用或威胁使用核武器", "use or threat of use of nuclear weapons")
    rows = [
        ("There is a threat of use.", "存在使用或威胁使用核武器的可能。"),
        ("The use or threat of use of nuclear weapons.", "使用或威胁使用核武器。"),
    ]
    assert term_missing.find(pairs(rows), context([threat, use])) == []


def test_a_term_nested_only_in_the_target_language_still_counts() -> None:
    # In Chinese the longer row's term contains 世界贸易组织; in English the two do not
    # nest, so the long match must not hide the WTO from the count.
    glossary = [
        Term(zh="世界贸易组织", en="World Trade Organization"),
        Term(zh="世界贸易组织和日内瓦其他国际组织", en="international organizations in Geneva"),
    ]
    source = "the World Trade Organization and other international organizations in Geneva"
    target = "世界贸易组织和日内瓦其他国际组织"
    assert term_missing.find(pairs([(source, target)]), context(glossary)) == []
    # and where the target really lacks the WTO, it is still reported
    found = term_missing.find(pairs([(source, "世界贸易组织以外的日内瓦其他国际组织")]), context(glossary))
    assert [f.expected for f in found] == ["世界贸易组织和日内瓦其他国际组织"]
    found = term_missing.find(pairs([(source, "日内瓦其他国际组织")]), context(glossary))
    assert [f.expected for f in found] == ["世界贸易组织", "世界贸易组织和日内瓦其他国际组织"]


def test_nesting_mirrored_in_the_source_still_hides_the_short_term() -> None:
    nw = Term("核武器", "nuclear weapons", status=Status.APPROVED)
    links = pairs([("A nuclear-weapon-free zone and nuclear weapons.", "无核武器区。")])
    assert [f.expected for f in term_missing.find(links, context([NWFZ, nw]))] == ["核武器"]


WEAPONS = Term("核武器", "nuclear weapons", status=Status.APPROVED)
GA = Term("大会", "General Assembly", zh_variants=("联大",), status=Status.APPROVED)
REVCON = Term("审议大会", "Review Conference", status=Status.APPROVED)

# (en, zh, source language, reported?): a repeat rendered by a short form or pronoun passes
# only when one mention is rendered in full
REPEATS = [
    # zh->en: "the Conference" (the head of "Conference on Disarmament"), "their"
    ("The President of the Conference on Disarmament asked the Conference to act.", "裁谈会主席请裁谈会采取行动。", Lang.ZH, False),
    ("The President of the Conference on Disarmament asked the members to act.", "裁谈会主席请裁谈会采取行动。", Lang.ZH, True),
    ("The President asked the Conference to act.", "裁谈会主席请裁谈会采取行动。", Lang.ZH, True),
    ("Nuclear weapons must go and their use be banned.", "必须消除核武器，禁止使用核武器。", Lang.ZH, False),
    ("Nuclear weapons must go and any use be banned.", "必须消除核武器，禁止使用核武器。", Lang.ZH, True),
    # en->zh: 该会议 (a demonstrative with a tail of 裁军谈判会议), 其 (not 其他)
    ("The Conference on Disarmament met; the Conference on Disarmament agreed.", "裁军谈判会议举行会议；该会议同意。", Lang.EN, False),
    ("The Conference on Disarmament met; the Conference on Disarmament agreed.", "裁军谈判会议举行会议；各方同意。", Lang.EN, True),
    ("The Conference on Disarmament met; the Conference on Disarmament agreed.", "该会议举行会议并同意。", Lang.EN, True),
    ("Nuclear weapons must go and the use of nuclear weapons be banned.", "必须消除核武器并禁止其使用。", Lang.EN, False),
    ("Nuclear weapons must go and the use of nuclear weapons be banned.", "必须消除核武器并禁止其他使用。", Lang.EN, True),
    # a pronoun or short form before the first full rendering does not stand for a repeat
    ("Given their limits, nuclear weapons must go and use be banned.", "必须消除核武器，禁止使用核武器。", Lang.ZH, True),
    ("Nuclear weapons must go and the use of nuclear weapons be banned.", "鉴于其局限，必须消除核武器并禁止使用。", Lang.EN, True),
]


@pytest.mark.parametrize(("en", "zh", "source", "reported"), REPEATS)
def test_a_repeat_may_be_a_short_form_or_pronoun_once_the_term_is_rendered(en: str, zh: str, source: Lang, reported: bool) -> None:
    found = term_missing.find(pairs([(en, zh)], source), context([CD, WEAPONS], source))
    assert len(found) == reported


def test_the_note_still_counts_full_renderings_only() -> None:
    rows = [("The President of the Conference on Disarmament asked the members to act.", "裁谈会主席请裁谈会采取行动。")]
    found = term_missing.find(pairs(rows, Lang.ZH), context([CD], Lang.ZH))
    assert [f.note for f in found] == ["source has '裁谈会' 2x, target has Conference on Disarmament 1x"]


# (en, zh, glossary, reported?) zh->en: 大会 also heads names the glossary does not list
# (缔约方大会 "Conference of the Parties"), as its row 审议大会 "Review Conference" shows
COMPOUNDS = [
    ("The Conference of the Parties adopted it.", "缔约方大会通过了该决定。", (GA, REVCON), False),
    ("The Parties adopted it.", "缔约方大会通过了该决定。", (GA, REVCON), True),
    # without a row showing 大会 heading a compound, 大会 means the General Assembly
    ("The Conference of the Parties adopted it.", "缔约方大会通过了该决定。", (GA,), True),
    # "Conference" inside a glossary term found in the target renders that term, not 大会
    ("The Review Conference adopted it.", "审议大会通过了大会的决定。", (GA, REVCON), True),
    ("The Review Conference adopted the decision of the General Assembly.", "审议大会通过了大会的决定。", (GA, REVCON), False),
]


@pytest.mark.parametrize(("en", "zh", "glossary", "reported"), COMPOUNDS)
def test_a_chinese_term_heading_an_unlisted_name_is_not_required(en: str, zh: str, glossary: tuple[Term, ...], reported: bool) -> None:
    found = term_missing.find(pairs([(en, zh)], Lang.ZH), context(list(glossary), Lang.ZH))
    assert [f.expected for f in found] == (["General Assembly"] if reported else [])


@pytest.mark.parametrize(("source", "heads"), [(Lang.ZH, [("Conference",), ()]), (Lang.EN, [(), ()])])
def test_only_chinese_source_forms_have_compound_heads(source: Lang, heads: list[tuple[str, ...]]) -> None:
    assert compound_heads(concepts(context([GA, REVCON], source)), source) == heads
    # a nesting the rendering mirrors (消极安全保证 "negative security assurances") is no compound head
    sa = Term("安全保证", "security assurances", status=Status.APPROVED)
    assert compound_heads(concepts(context([sa, NSA], source)), source) == [(), ()]
