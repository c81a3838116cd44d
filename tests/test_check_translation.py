"""check_translation: all checks together, ordering, ids, switches, severities, directions."""

from __future__ import annotations

import pytest

from align.document import Lang
from align.errors import UsageError
from glossary.check import check_translation, run_check
from glossary.check_config import CheckConfig, FailOn
from glossary.finding import CheckId, Severity
from glossary.term import Status, Term
from tests.test_check_pair import make_alignment

TERMS = [
    Term("无核武器区", "nuclear-weapon-free zone", forbidden=("无核区",), status=Status.APPROVED),
    Term("消极安全保证", "negative security assurances", status=Status.APPROVED),
]
ROWS = [
    ("The Group supports nuclear-weapon-free zones.", "本集团支持无核区。"),  # forbidden + missing
    ("Negative security assurances were discussed in 2018.", "2019 年讨论了消极安全保证。"),  # number
    ("The Group thanks the secretariat for its work.", ""),  # omission
    ("This sentence stays in English in the target.", "This sentence stays in English in the target."),
]


def test_all_checks_report_in_document_order_with_ids() -> None:
    found = check_translation(make_alignment(ROWS), None, [TERMS])
    got = [(f.id, f.check, f.source.sentences) for f in found]
    assert got == [
        ("F0001", CheckId.TERM_MISSING, (0,)),
        ("F0002", CheckId.TERM_FORBIDDEN, (0,)),
        ("F0003", CheckId.NUMBER_MISMATCH, (1,)),
        ("F0004", CheckId.OMISSION, (2,)),
        ("F0005", CheckId.UNTRANSLATED, (3,)),
    ]


def test_a_flat_term_list_is_one_glossary_and_checks_can_be_switched_off() -> None:
    config = CheckConfig(disabled=frozenset({CheckId.TERM_MISSING, CheckId.OMISSION, CheckId.UNTRANSLATED}))
    found = check_translation(make_alignment(ROWS), None, TERMS, config)
    assert [f.check for f in found] == [CheckId.TERM_FORBIDDEN, CheckId.NUMBER_MISMATCH]


def test_severity_and_fail_on_are_settings() -> None:
    config = CheckConfig(severities=((CheckId.NUMBER_MISMATCH, Severity.INFO),), fail_on=FailOn.WARNING)
    result = run_check(make_alignment(ROWS[1:2]), None, [TERMS], config)
    assert [f.severity for f in result.findings] == [Severity.INFO]
    assert not result.failed()
    assert run_check(make_alignment(ROWS[1:2]), None, [TERMS]).failed()
    assert not run_check(make_alignment(ROWS[1:2]), None, [TERMS], CheckConfig(fail_on=FailOn.NEVER)).failed()


def test_zh_source_alignment_is_read_the_other_way() -> None:
    rows = [("Nuclear-weapon-free zones are supported.", "本集团支持无核武器区。")]
    result = run_check(make_alignment(rows), None, [TERMS], CheckConfig(source_lang=Lang.ZH))
    assert (result.source_lang, result.target_lang, result.source_name) == (Lang.ZH, Lang.EN, "zh.txt")
    assert result.findings == ()


def test_clean_translation_has_no_findings() -> None:
    rows = [
        ("The Group supports nuclear-weapon-free zones.", "本集团支持无核武器区。"),
        ("Negative security assurances were discussed in 2018.", "2018 年讨论了消极安全保证。"),
    ]
    assert check_translation(make_alignment(rows), None, [TERMS]) == []


def test_an_alignment_takes_no_target() -> None:
    alignment = make_alignment(ROWS)
    with pytest.raises(UsageError, match="^an alignment is checked alone; give no target document with it$"):
        check_translation(alignment, alignment.zh or object(), [TERMS])  # type: ignore[arg-type]


def test_stored_translations_count_except_the_checked_one_itself() -> None:
    sentence = "The Group reaffirms its principled position on disarmament."
    checked = make_alignment([(sentence, "本集团重申其裁军原则立场。")])
    older = make_alignment([(sentence, "该集团重申其关于裁军的立场。")], zh_name="old.zh.txt")
    # the checked translation itself, already stored: left out (counted, it would outvote the older one)
    same = make_alignment([(sentence, "本集团重申其裁军原则立场。")], zh_name="stored.zh.txt")
    found = check_translation(checked, None, [], references=[older, same])
    assert [(f.check, f.expected) for f in found] == [(CheckId.INCONSISTENCY, "该集团重申其关于裁军的立场。")]
    assert check_translation(checked, None, [], references=[older, older]) != []
    assert check_translation(checked, None, [], references=[same]) == []
