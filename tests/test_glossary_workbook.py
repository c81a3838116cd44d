"""The review workbook: layout, rich text, safety, and reading it back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText

from glossary.entries import About, Context, Glossary
from glossary.errors import GlossaryInputError
from glossary.term import Status, Term
from glossary.workbook import COLUMNS, read_xlsx, write_xlsx

TERMS = [
    Term("消极安全保证", "negative security assurances", ("消极保证",), ("NSAs",), ("否定安全保证",), Status.APPROVED,
         "UNTERM", 0.9, 5, 5, "提供消极安全保证的文书。", "an instrument on negative security assurances.",
         ("nsa.zh.txt",), "together in 5 pairs"),
    Term("=公式", "+formula", note="@mention", en_variants=("-minus",), score=0.5, status=Status.NEW),
]
GLOSSARY = Glossary(
    TERMS,
    [Context("消极安全保证", "negative security assurances", "nsa.zh.txt", "[1]:[1]", "提供消极安全保证的文书。", "an instrument on negative security assurances.")],
    About(inputs=("corpus",), model="fake", settings=(("max_terms", "500"),), date="2026-01-01 00:00 UTC", version="0.1.0", pairs=15),
)


@pytest.fixture
def written(tmp_path: Path) -> Path:
    return write_xlsx(GLOSSARY, tmp_path / "glossary.xlsx")


def test_sheets_header_and_layout(written: Path) -> None:
    book = load_workbook(written)
    assert book.sheetnames == ["Glossary", "Contexts", "About"]
    sheet = book["Glossary"]
    assert [c.value for c in sheet[1]] == [name for name, _, _ in COLUMNS]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:N3"
    assert sheet.column_dimensions["B"].width == 34
    assert sheet["A2"].alignment.wrap_text
    [validation] = sheet.data_validations.dataValidation
    assert validation.formula1 == '"new,candidate,approved,rejected,forbidden"'
    assert "I2:I1000" in str(validation.sqref)
    assert sheet["I2"].value == "approved" and sheet["C2"].value == "消极保证" and sheet["F2"].value == 5


def test_formula_like_text_is_text(written: Path) -> None:
    sheet = load_workbook(written)["Glossary"]
    for ref, value in (("A3", "=公式"), ("B3", "+formula"), ("D3", "-minus"), ("J3", "@mention")):
        assert sheet[ref].value == value and sheet[ref].data_type == "s"


def test_example_highlights_the_term(written: Path) -> None:
    sheet = load_workbook(written, rich_text=True)["Glossary"]
    rich = sheet["K2"].value
    assert isinstance(rich, CellRichText)
    bold = [block.text for block in rich if hasattr(block, "font") and block.font.b]
    assert bold == ["消极安全保证"]
    english = [block.text for block in sheet["L2"].value if hasattr(block, "font") and block.font.b]
    assert english == ["negative security assurances"]


def test_contexts_and_about(written: Path) -> None:
    book = load_workbook(written)
    assert [c.value for c in book["Contexts"][2]][:4] == ["消极安全保证", "negative security assurances", "nsa.zh.txt", "[1]:[1]"]
    about = {row[0]: row[1] for row in book["About"].iter_rows(min_row=2, values_only=True)}
    assert about["Model"] == "fake" and about["Input"] == "corpus" and about["Setting: max_terms"] == "500"


def test_round_trip(written: Path) -> None:
    back = read_xlsx(written)
    assert [(t.zh, t.en, t.zh_variants, t.en_variants, t.forbidden, t.status, t.note) for t in back.terms] == [
        (t.zh, t.en, t.zh_variants, t.en_variants, t.forbidden, t.status, t.note) for t in TERMS
    ]
    assert back.terms[0].sources == ("nsa.zh.txt",) and back.terms[0].zh_freq == 5
    assert back.about.model == "fake" and back.about.inputs == ("corpus",)


def test_reviewer_added_row_without_status_is_a_candidate(written: Path) -> None:
    book = load_workbook(written)
    book["Glossary"].append(["裁谈会", "Conference on Disarmament"])
    book.save(written)
    assert read_xlsx(written).terms[-1].status is Status.CANDIDATE


def test_bad_status_names_the_row(written: Path) -> None:
    book = load_workbook(written)
    book["Glossary"]["I3"] = "maybe"
    book.save(written)
    with pytest.raises(GlossaryInputError, match=r"glossary.xlsx: row 3 has status 'maybe'; use one of new, candidate, approved, rejected, forbidden$"):
        read_xlsx(written)


def test_foreign_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    book = Workbook()
    book.active.title = "Budget"
    book.save(path)
    with pytest.raises(GlossaryInputError, match=r"budget.xlsx: no 'Glossary' sheet \(found: Budget\); give a glossary written by paraterm glossary build$"):
        read_xlsx(path)


def test_glossary_sheet_without_the_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    book = Workbook()
    book.active.title = "Glossary"
    book.active.append(["term", "translation"])
    book.save(path)
    with pytest.raises(GlossaryInputError, match="lacks the column\\(s\\) Chinese term, English term, Status; give a glossary"):
        read_xlsx(path)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(GlossaryInputError, match="broken.xlsx: not a readable .xlsx workbook \\(BadZipFile\\); give a glossary written by paraterm"):
        read_xlsx(path)


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, written: Path, monkeypatch) -> None:
    before = written.read_bytes()

    def fail(self, filename):
        Path(filename).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", fail)
    with pytest.raises(OSError):
        write_xlsx(GLOSSARY, written)
    assert written.read_bytes() == before
    assert os.listdir(tmp_path) == ["glossary.xlsx"]
