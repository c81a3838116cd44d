"""End to end with the real model: corpus/en checked against corpus/zh, clean and with planted errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.check import check_files
from glossary.finding import CheckId

GLOSSARY = """zh,en,zh_variants,en_variants,forbidden,status,note
核裁军,nuclear disarmament,,,核子裁军,approved,
裁军谈判会议,Conference on Disarmament,裁谈会;本会议,,,approved,
高级别会议,high-level meeting,,,高层会议,approved,
"""
NAME = "follow-up-2013-high-level-meeting"


@pytest.mark.model
def test_planted_number_and_forbidden_term_are_found_where_the_clean_text_has_neither(corpus_dir: Path, tmp_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    en = corpus_dir / "en" / f"{NAME}.en.txt"
    zh_text = (corpus_dir / "zh" / f"{NAME}.zh.txt").read_text(encoding="utf-8")
    # paragraph 2 of CD/2133: resolution 68/32 becomes 68/33; paragraph 13: 核裁军 becomes 核子裁军
    assert zh_text.count("第 68/32 号、第 69/58 号") == 2
    planted = zh_text.replace("第 68/32 号、第 69/58 号", "第 68/33 号、第 69/58 号", 1)
    planted = planted.replace("紧急开始谈判核裁军", "紧急开始谈判核子裁军", 1)
    assert planted.count("核子裁军") == 1
    zh = tmp_path / f"{NAME}.zh.txt"
    zh.write_text(planted, encoding="utf-8")

    clean = check_files(en, corpus_dir / "zh" / f"{NAME}.zh.txt", [glossary])
    found = check_files(en, zh, [glossary])

    assert clean.links == found.links > 20 and clean.source_name == f"{NAME}.en.txt"
    assert not any(f.check is CheckId.TERM_FORBIDDEN for f in clean.findings)
    assert not any("68/32" in f.expected for f in clean.findings)
    numbers = [f for f in found.findings if f.check is CheckId.NUMBER_MISMATCH and f.expected == "68/32"]
    assert [(f.found, f.source.labels) for f in numbers] == [("68/33", ("2.",))]
    forbidden = [f for f in found.findings if f.check is CheckId.TERM_FORBIDDEN]
    assert [(f.found, f.expected, f.target.labels) for f in forbidden] == [("核子裁军", "核裁军", ("13.",))]
    # the target: at most one false finding per 15 paragraphs on a clean translation
    assert len(clean.findings) <= -(-clean.source_paragraphs // 15)


@pytest.mark.model
def test_db_reports_a_revised_sentence_against_the_stored_translation(corpus_dir: Path, tmp_path: Path) -> None:
    from align.corpus import add_to_corpus

    en, zh = corpus_dir / "en" / f"{NAME}.en.txt", corpus_dir / "zh" / f"{NAME}.zh.txt"
    db = tmp_path / "corpus.sqlite"
    assert add_to_corpus([en, zh], db).failed == []
    stored = "本集团坚信，已经到了把言语转化为行动的时候。"
    revised = tmp_path / f"{NAME}.zh.txt"
    revised.write_text(zh.read_text(encoding="utf-8").replace(stored, "本集团深信，现在是把言语变为行动的时候了。"), encoding="utf-8")

    result = check_files(en, revised, db=db)
    found = [(f.expected, f.found, f.source.labels) for f in result.findings if f.check is CheckId.INCONSISTENCY]
    assert found == [(stored, "本集团深信，现在是把言语变为行动的时候了。", ("13.",))]
    # the stored translation checked again is its own usage: nothing to report
    assert not any(f.check is CheckId.INCONSISTENCY for f in check_files(en, zh, db=db).findings)
