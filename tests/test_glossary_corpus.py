"""End to end on corpus/: the design examples come out, at the right pairing, near the top."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import paraterm
from glossary.build import build_glossary
from glossary.io import read_glossary
from glossary.workbook import read_xlsx, write_xlsx
from tests.glossary_samples import corpus_by_paragraph_number

DESIGN = [
    ("消极安全保证", "negative security assurances"),
    ("无核武器区", "nuclear-weapon-free zones"),
    ("裁军谈判会议", "Conference on Disarmament"),
    ("安全保证", "security assurances"),
    ("国际法院", "International Court of Justice"),
    ("不扩散核武器条约", "Treaty on the Non-Proliferation of Nuclear Weapons"),
    ("核武器国家", "nuclear-weapon States"),
    ("无核武器国家", "non-nuclear-weapon States"),
    ("21国集团", "Group of 21"),
]


@pytest.fixture(scope="module")
def glossary(corpus_dir: Path):
    return build_glossary(corpus_by_paragraph_number(corpus_dir))


@pytest.mark.parametrize("zh, en", DESIGN)
def test_design_examples_in_the_top_50(glossary, zh: str, en: str) -> None:
    top = {(t.zh, t.en): rank for rank, t in enumerate(glossary.terms[:50], start=1)}
    assert (zh, en) in top


def test_short_forms_defined_in_the_corpus(glossary) -> None:
    by_zh = {t.zh: t for t in glossary.terms}
    assert "NWFZ" in by_zh["无核武器区"].en_variants
    assert by_zh["拉丁美洲和加勒比国家共同体"].zh_variants == ("拉加共同体",)
    assert by_zh["拉丁美洲和加勒比国家共同体"].en_variants == ("CELAC",)


def test_general_words_stay_out_of_the_top(glossary) -> None:
    top = glossary.terms[:50]
    assert not any(t.zh in ("本集团", "重申", "强调") or t.en.lower() in ("the group", "in this regard") for t in top)


def test_workbook_of_the_corpus_reads_back(glossary, tmp_path: Path) -> None:
    path = write_xlsx(glossary, tmp_path / "corpus.xlsx")
    assert [(t.zh, t.en) for t in read_xlsx(path).terms] == [(t.zh, t.en) for t in glossary.terms]


@pytest.mark.model
def test_cli_builds_the_corpus_glossary_with_the_real_model(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "glossary.xlsx"
    result = CliRunner().invoke(paraterm.app, ["glossary", "build", str(corpus_dir), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = {(t.zh, t.en) for t in read_glossary(out)[:60]}
    found = [pair for pair in DESIGN if pair in rows]
    assert len(found) >= 7, f"design pairs found: {found}"
