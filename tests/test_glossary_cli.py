"""paraterm glossary build / export / import through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

import paraterm
from align.export import write_alignment
from glossary.io import read_glossary
from glossary.term import Status
from tests.glossary_samples import sample_alignment


@pytest.fixture
def aligned(tmp_path: Path) -> Path:
    path = tmp_path / "nsa.jsonl"
    write_alignment(sample_alignment(), path)
    return path


def _run(*args: str):
    return CliRunner().invoke(paraterm.app, list(args))


def test_build(tmp_path: Path, aligned: Path) -> None:
    out = tmp_path / "glossary.xlsx"
    result = _run("glossary", "build", str(aligned), "-o", str(out), "--no-embeddings")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert not result.stderr.startswith("paraterm:")  # a summary, not an error or warning
    assert "terms (" in result.stderr and "from 15 aligned pairs" in result.stderr and str(out) in result.stderr
    rows = {(t.zh, t.en) for t in read_glossary(out)}
    assert ("消极安全保证", "negative security assurances") in rows


def test_update_keeps_human_decisions(tmp_path: Path, aligned: Path) -> None:
    out = tmp_path / "glossary.xlsx"
    assert _run("glossary", "build", str(aligned), "-o", str(out), "--no-embeddings").exit_code == 0
    book = load_workbook(out)
    sheet = book["Glossary"]
    header = [c.value for c in sheet[1]]
    zh_col, en_col, status_col, note_col = (header.index(n) + 1 for n in ("Chinese term", "English term", "Status", "Note"))
    decided = {}
    for row in range(2, sheet.max_row + 1):
        zh = sheet.cell(row, zh_col).value
        if zh == "消极安全保证":
            sheet.cell(row, en_col).value = "negative security assurances (NSAs)"  # an edited term
            sheet.cell(row, status_col).value = "approved"
            sheet.cell(row, note_col).value = "as in UNTERM"
        elif zh == "安全保证":
            sheet.cell(row, status_col).value = "rejected"
        decided[zh] = sheet.cell(row, status_col).value
    sheet.append(["裁谈会", "Conference on Disarmament", None, None, None, None, None, None, "approved", "added by hand"])
    book.save(out)

    result = _run("glossary", "build", str(aligned), "-o", str(out), "--update", str(out), "--no-embeddings")
    assert result.exit_code == 0, result.stderr
    terms = read_glossary(out)
    by_zh = {t.zh: t for t in terms}
    nsa = by_zh["消极安全保证"]
    assert (nsa.en, nsa.status, nsa.note) == ("negative security assurances (NSAs)", Status.APPROVED, "as in UNTERM")
    assert by_zh["安全保证"].status is Status.REJECTED
    assert (by_zh["裁谈会"].status, by_zh["裁谈会"].note) == (Status.APPROVED, "added by hand")
    assert [t.zh for t in terms].count("安全保证") == 1
    assert {t.status for t in terms if t.zh not in ("消极安全保证", "安全保证", "裁谈会")} == {Status.CANDIDATE}
    assert "updated" in result.stderr


def test_update_with_a_foreign_workbook_fails_and_leaves_it_untouched(tmp_path: Path, aligned: Path) -> None:
    foreign = tmp_path / "budget.xlsx"
    book = Workbook()
    book.active.title = "Budget"
    book.save(foreign)
    before = foreign.read_bytes()
    result = _run("glossary", "build", str(aligned), "-o", str(foreign), "--update", str(foreign), "--no-embeddings")
    assert result.exit_code == 1
    assert result.stderr == f"paraterm: {foreign}: no 'Glossary' sheet (found: Budget); give a glossary written by paraterm glossary build\n"
    assert foreign.read_bytes() == before


def test_output_must_be_xlsx(tmp_path: Path, aligned: Path) -> None:
    result = _run("glossary", "build", str(aligned), "-o", str(tmp_path / "g.csv"), "--no-embeddings")
    assert result.exit_code == 2
    assert result.stderr == f"paraterm: {tmp_path / 'g.csv'}: the glossary is an Excel workbook; name the output *.xlsx\n"


@pytest.mark.parametrize("suffix", [".tbx", ".csv", ".tsv"])
def test_export_then_import(tmp_path: Path, aligned: Path, suffix: str) -> None:
    workbook = tmp_path / "glossary.xlsx"
    assert _run("glossary", "build", str(aligned), "-o", str(workbook), "--no-embeddings").exit_code == 0
    count = len(read_glossary(workbook))
    exported = tmp_path / f"terms{suffix}"
    result = _run("glossary", "export", str(workbook), "-o", str(exported))
    assert result.exit_code == 0 and result.stderr == f"{count} terms; wrote {exported}\n"
    back = tmp_path / "back.xlsx"
    result = _run("glossary", "import", str(exported), "-o", str(back))
    assert result.exit_code == 0 and result.stderr == f"{count} terms; wrote {back}\n"
    assert [(t.zh, t.en, t.en_variants) for t in read_glossary(back)] == [(t.zh, t.en, t.en_variants) for t in read_glossary(workbook)]


def test_import_error_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "terms.csv"
    bad.write_text("chinese,english\n", encoding="utf-8")
    result = _run("glossary", "import", str(bad), "-o", str(tmp_path / "g.xlsx"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"paraterm: {bad}: the CSV header lacks zh, en; the first line must be zh,en,zh_variants,en_variants,forbidden,status,note\n"
    )
