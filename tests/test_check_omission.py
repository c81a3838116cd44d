"""omission and addition: unaligned sentences and links much shorter/longer than predicted."""

from __future__ import annotations

from align.document import Lang
from glossary.check_config import CheckConfig
from glossary.checks import omission
from glossary.finding import CheckId, Severity, Side, Span
from tests.test_check_pair import context, pairs

# ten ordinary links with an en:zh length ratio of about 3:1
BASE = [(f"This is ordinary sentence number {i} of the text.", f"这是文本的第{i}个普通句子。") for i in range(10)]


def test_unaligned_source_sentence_is_an_omission_and_target_an_addition() -> None:
    rows = [*BASE[:3], ("The Group calls for negotiations.", ""), *BASE[3:], ("", "本集团还表示感谢。")]
    found = omission.find(pairs(rows), context())
    assert [(f.check, f.severity) for f in found] == [(CheckId.OMISSION, Severity.ERROR), (CheckId.ADDITION, Severity.WARNING)]
    assert found[0].spans == (Span(Side.SOURCE, 0, 33),)
    assert found[0].note == "source text has no counterpart in the target"
    assert found[1].target_text == "本集团还表示感谢。"


def test_same_in_the_zh_to_en_direction() -> None:
    rows = [*BASE, ("", ""), ("Added sentence here.", "")]
    found = omission.find(pairs(rows, Lang.ZH), context(source=Lang.ZH))
    assert [f.check for f in found] == [CheckId.ADDITION]


def test_symbol_lines_without_counterpart_are_noise_not_omissions() -> None:
    assert omission.find(pairs([*BASE, ("2", ""), ("", "-3-")]), context()) == []


def test_much_shorter_target_is_an_omission_by_the_length_model() -> None:
    long_en = (
        "The Group reaffirms that the total elimination of nuclear weapons is the only absolute guarantee "
        "against their use, and calls for negotiations on a legally binding instrument without delay."
    )
    rows = [*BASE, (long_en, "本集团重申彻底消除核武器。")]
    found = omission.find(pairs(rows), context())
    assert [f.check for f in found] == [CheckId.OMISSION]
    assert found[0].note.startswith("target is ")


def test_much_longer_target_is_an_addition_and_short_links_are_not_judged() -> None:
    rows = [*BASE, ("It agreed.", "它同意了，并且还补充说明了许多与本议题毫不相关的额外内容和评论以及更多的意见。"), ("Yes.", "是的，我们完全同意。")]
    found = omission.find(pairs(rows), context())
    assert [(f.check, f.source_text) for f in found] == [(CheckId.ADDITION, "It agreed.")]
    assert omission.find(pairs(rows), context(config=CheckConfig(long_ratio=20))) == []
