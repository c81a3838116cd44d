"""align.sentences: Chinese and English sentence rules, case by case."""

from __future__ import annotations

import pytest

from align.document import Lang
from align.sentences import split_sentences

EN_CASES = [
    # abbreviations that never end a sentence
    ("See para. 5 of the report. It was adopted.", ["See para. 5 of the report.", "It was adopted."]),
    ("See paras. 3-5 of document CD/2133. The Group agreed.", ["See paras. 3-5 of document CD/2133.", "The Group agreed."]),
    ("Resolutions Nos. 1 and 2 were adopted. Then it ended.", ["Resolutions Nos. 1 and 2 were adopted.", "Then it ended."]),
    ("Under No. 5 of the list. Next.", ["Under No. 5 of the list.", "Next."]),
    ("Under art. 6 of the Treaty and arts. 7-9. Next.", ["Under art. 6 of the Treaty and arts. 7-9.", "Next."]),
    ("Vol. II was published. Next.", ["Vol. II was published.", "Next."]),
    ("See A/73/123/Add. 1 and Rev. 2 and Corr. 1 there. Next.", ["See A/73/123/Add. 1 and Rev. 2 and Corr. 1 there.", "Next."]),
    ("Mr. Smith and Dr. Jones met. They agreed.", ["Mr. Smith and Dr. Jones met.", "They agreed."]),
    ("Some States, e.g. Mexico, agreed. Others did not.", ["Some States, e.g. Mexico, agreed.", "Others did not."]),
    ("Some States, i.e. Mexico and Cuba, agreed. Others did not.", ["Some States, i.e. Mexico and Cuba, agreed.", "Others did not."]),
    ("The U.N. General Assembly met. It adopted 68/32.", ["The U.N. General Assembly met.", "It adopted 68/32."]),
    ("As J. Smith said. Next.", ["As J. Smith said.", "Next."]),
    # the same words ending a sentence
    ("The answer was no. The Group moved on.", ["The answer was no.", "The Group moved on."]),
    ("It is the state of the art. The Group agreed.", ["It is the state of the art.", "The Group agreed."]),
    ("Fruit, vegetables, etc. The list ends.", ["Fruit, vegetables, etc.", "The list ends."]),
    ("Fruit, vegetables, etc. are listed. Next.", ["Fruit, vegetables, etc. are listed.", "Next."]),
    # numbers, symbols and decimals
    ("As stated in S/RES/487 (1981). The Council met.", ["As stated in S/RES/487 (1981).", "The Council met."]),
    ("The rate was 2.5 per cent. It rose.", ["The rate was 2.5 per cent.", "It rose."]),
    ("Documents A/HRC/39/L.1 and Add.1 were issued. Next.", ["Documents A/HRC/39/L.1 and Add.1 were issued.", "Next."]),
    ("It was adopted in 2018. 33 States voted.", ["It was adopted in 2018.", "33 States voted."]),
    ("It is administered by the officer (s. 255, POCA). Next.", ["It is administered by the officer (s. 255, POCA).", "Next."]),
    # ellipses, questions, quotes
    ('"Members agree to carry out the [...] Charter". Next.', ['"Members agree to carry out the [...] Charter".', "Next."]),
    ("He waited... Then he left.", ["He waited...", "Then he left."]),
    ("He waited... and then left.", ["He waited... and then left."]),
    ("It is the core. Why? Because it works!", ["It is the core.", "Why?", "Because it works!"]),
    ('It reads "calls upon all States." The Group agrees.', ['It reads "calls upon all States."', "The Group agrees."]),
    ("(See annex.) The Group agrees.", ["(See annex.)", "The Group agrees."]),
    ("No capital follows. the text goes on.", ["No capital follows. the text goes on."]),
    # semicolons stay inside a sentence by default
    ("The Group notes A; it also notes B.", ["The Group notes A; it also notes B."]),
    ("  ", []),
]

ZH_CASES = [
    ("本集团重申。本集团强调！是吗？", ["本集团重申。", "本集团强调！", "是吗？"]),
    ("题为“促进多边主义。”的决议获得通过。下一句。", ["题为“促进多边主义。”的决议获得通过。", "下一句。"]),
    ("他说：“核裁军是优先事项。”本集团同意。", ["他说：“核裁军是优先事项。”", "本集团同意。"]),
    # a quotation of several sentences splits, as in English; brackets and 《》 hold together
    ("根据“呼吁各方。随后执行”的决定。第二句。", ["根据“呼吁各方。", "随后执行”的决定。", "第二句。"]),
    ("（见附件。另见下文。）本集团同意。", ["（见附件。另见下文。）", "本集团同意。"]),
    ("《公约。草案》已印发。下一句。", ["《公约。草案》已印发。", "下一句。"]),
    ("他说：“请李大哥过去……”几个人商量了几句。", ["他说：“请李大哥过去……”", "几个人商量了几句。"]),
    ("他犹豫了……然后走了。", ["他犹豫了……然后走了。"]),
    ("（见附件。）本集团同意。", ["（见附件。）", "本集团同意。"]),
    ("真的吗？！是的。", ["真的吗？！", "是的。"]),
    ("第一项；第二项。", ["第一项；第二项。"]),
    ("没有句号的标题", ["没有句号的标题"]),
    # an unbalanced quote must not glue the rest of the paragraph together
    ("他说：“第一句。第二句。第三句。", ["他说：“第一句。", "第二句。", "第三句。"]),
    ("21 国集团重申 CD/2133 号文件。2.5 倍。", ["21 国集团重申 CD/2133 号文件。", "2.5 倍。"]),
]


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english(text: str, expected: list[str]) -> None:
    assert split_sentences(text, Lang.EN) == expected


@pytest.mark.parametrize(("text", "expected"), ZH_CASES)
def test_chinese(text: str, expected: list[str]) -> None:
    assert split_sentences(text, Lang.ZH) == expected


def test_semicolons_split_when_asked() -> None:
    assert split_sentences("第一项；第二项。", Lang.ZH, semicolons=True) == ["第一项；", "第二项。"]
    assert split_sentences("The Group notes A; it also notes B.", Lang.EN, semicolons=True) == [
        "The Group notes A;", "it also notes B.",
    ]
