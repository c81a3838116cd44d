"""omission and addition: unaligned sentences and links much shorter/longer than predicted."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from align.alignment import Alignment, Level, Link
from align.document import Lang
from glossary.check_config import CheckConfig
from glossary.checks import omission
from glossary.checks.pair import Pair, pairs_of
from glossary.finding import CheckId, Severity, Side, Span
from tests.test_check_pair import SIGNATURE, context, pairs

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


class ConceptEncoder:
    """Fake encoder: one dimension per concept word, in either language; texts are bags of them."""

    name = "fake"
    dim = 3
    WORDS = {"apple": 0, "苹果": 0, "river": 1, "河": 1, "bridge": 2, "桥": 2}

    def encode(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word, d in self.WORDS.items():
                out[i, d] += text.lower().count(word)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def merged(source: list[str], target: list[str], lang: Lang = Lang.EN) -> list[Pair]:
    en, zh = (source, target) if lang is Lang.EN else (target, source)
    link = Link(tuple(range(len(zh))), tuple(range(len(en))), "".join(zh), " ".join(en), 0.8)
    return pairs_of(Alignment(None, None, Level.SENTENCE, [link], SIGNATURE), lang)


def test_sentence_left_out_of_a_merged_link_is_an_omission_en_to_zh() -> None:
    links = [replace(p, source_sentences=("Apples grow here.", "Rivers flow there."), target_sentences=("这里长苹果。",))
             for p in merged(["Apples grow here.", "Rivers flow there."], ["这里长苹果。"])]  # fmt: skip
    found = omission.find(links, replace(context(), encoder=ConceptEncoder()))
    assert [(f.check, f.source_text[f.spans[0].start : f.spans[0].end]) for f in found] == [(CheckId.OMISSION, "Rivers flow there.")]
    assert found[0].note.startswith("the target does not render this source sentence (merged link: cosine +0.293")


def test_sentence_added_inside_a_merged_link_zh_to_en_and_a_true_merge_passes() -> None:
    links = [replace(p, source_sentences=("这里长苹果。",), target_sentences=("Apples grow here.", "A bridge stands."))
             for p in merged(["这里长苹果。"], ["Apples grow here.", "A bridge stands."], Lang.ZH)]  # fmt: skip
    found = omission.find(links, replace(context(source=Lang.ZH), encoder=ConceptEncoder()))
    assert [(f.check, f.target_text[f.spans[0].start : f.spans[0].end]) for f in found] == [(CheckId.ADDITION, "A bridge stands.")]
    whole = [replace(p, source_sentences=("这里长苹果，那里有河。",), target_sentences=("Apples grow here.", "Rivers flow there."))
             for p in merged(["这里长苹果，那里有河。"], ["Apples grow here.", "Rivers flow there."], Lang.ZH)]  # fmt: skip
    assert omission.find(whole, replace(context(source=Lang.ZH), encoder=ConceptEncoder())) == []
    # without an encoder, merged links are judged by length only
    assert omission.find(links, context(source=Lang.ZH)) == []
