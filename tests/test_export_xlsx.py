"""The review workbook: reopened with openpyxl, cells and formatting checked; review round trip."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from align.errors import InputError
from align.export import read_alignment, write_alignment
from align.export import xlsx
from tests.export_samples import sample_alignment

HEADER = ["zh ids", "en ids", "Chinese", "English", "confidence", "flags", "reviewer note", "zh paragraphs", "en paragraphs"]


@pytest.fixture()
def workbook_path(tmp_path: Path) -> Path:
    path = tmp_path / "review.xlsx"
    xlsx.write(sample_alignment(), path, created=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc))
    return path


def test_one_row_per_link_with_ids_texts_confidence_flags(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["Alignment"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADER
    assert len(rows) == 7
    assert rows[1] == [0, 0, "裁军谈判会议", "Conference on Disarmament", 0.98, None, None, 0, 0]
    assert rows[2][:6] == [1, "1 2", "1. 第21国集团重申。", "1. The Group of 21 reaffirms. It recalls.", 0.91, "merged"]
    assert rows[3][:4] == [None, 3, None, "A sentence only in English."]  # unaligned rows are listed


def test_layout_frozen_header_autofilter_wrap_widths(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["Alignment"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I7"
    assert sheet["C2"].alignment.wrap_text and sheet["D2"].alignment.wrap_text
    assert sheet.column_dimensions["D"].width >= 60 and sheet.column_dimensions["A"].width < 15
    assert sheet["A1"].font.bold
    assert sheet["E2"].number_format == "0.00"


def test_colour_scale_on_confidence(workbook_path: Path) -> None:
    formatting = load_workbook(workbook_path)["Alignment"].conditional_formatting
    ranges = {str(entry.sqref): [rule.type for rule in entry.rules] for entry in formatting}
    assert ranges == {"E2:E7": ["colorScale"]}


def test_low_confidence_and_unaligned_rows_are_filled(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["Alignment"]
    filled = [row[0].row for row in sheet.iter_rows(min_row=2) if row[0].fill.fgColor.rgb == "00FCE4D6"]
    assert filled == [4, 5, 6]  # 0-1, 1-0, low-confidence


def test_formula_like_text_is_stored_as_text(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["Alignment"]
    for ref, start in (("C6", "=SUM(A1)"), ("D6", "-5 per cent"), ("C7", "+86"), ("D7", "@UN")):
        cell = sheet[ref]
        assert cell.data_type == "s" and str(cell.value).startswith(start), ref
        assert cell.quotePrefix, ref
    assert "\x07" not in sheet["C6"].value  # control characters removed: Excel would refuse the file


def test_about_sheet(workbook_path: Path) -> None:
    about = {row[0]: row[1] for row in load_workbook(workbook_path)["About"].iter_rows(values_only=True)}
    assert about["signature"] == "paraterm 0.1.0|model:multilingual-e5-small-q4|max_bead:5|low_confidence:0.5"
    assert (about["Chinese file"], about["English file"]) == ("corpus/zh/x.zh.txt", "corpus/en/x.en.txt")
    assert (about["links"], about["unaligned"], about["low-confidence"], about["merged"]) == (6, 2, 1, 2)
    assert about["warning"] == "the English side is 5× shorter than expected; wrong file?"
    assert about["written"] == "2026-01-02 03:04:05 UTC"
    assert about["level"] == "sentence"


def test_unedited_workbook_reads_back_as_written(workbook_path: Path) -> None:
    original = sample_alignment()
    expected = list(original.links)
    expected[4] = replace(expected[4], zh=expected[4].zh.replace("\x07", ""))
    back = read_alignment(workbook_path)
    assert back.links == expected
    assert (back.signature, back.warnings, back.zh_name, back.level) == (
        original.signature, original.warnings, original.zh_name, original.level
    )  # fmt: skip


def test_review_round_trip_edit_delete_merge_add_then_tmx(workbook_path: Path, tmp_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    sheet = workbook["Alignment"]
    sheet["D2"] = "Conference on Disarmament (reviewed)"  # edit a cell
    sheet["C7"] = "+86 电话。@联合国 补充"  # edit, then merge row 6 into row 7 and delete row 6
    sheet["A7"] = "3 4 5"
    sheet.delete_rows(6)
    sheet.delete_rows(3)  # delete the 1-2 link
    sheet.append(["", None, "新增的句子。", "An added sentence.", None, None, "added by reviewer"])
    workbook.save(workbook_path)

    back = read_alignment(workbook_path)
    assert [link.en for link in back.links] == [
        "Conference on Disarmament (reviewed)", "A sentence only in English.", "", "@UN phone +86.", "An added sentence.",
    ]  # fmt: skip
    assert back.links[3].zh_ids == (3, 4, 5)
    assert (back.links[4].zh_ids, back.links[4].en_ids, back.links[4].score) == ((), (), 1.0)

    tmx = tmp_path / "reviewed.tmx"
    write_alignment(back, tmx)
    segs = [[tuv.findtext("seg") for tuv in tu.findall("tuv")] for tu in ET.parse(tmx).getroot().findall("body/tu")]
    assert segs == [
        ["Conference on Disarmament (reviewed)", "裁军谈判会议"],
        ["@UN phone +86.", "+86 电话。@联合国 补充"],
        ["An added sentence.", "新增的句子。"],
    ]


def test_rows_emptied_by_the_reviewer_are_dropped(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    workbook["Alignment"]["C2"] = None
    workbook["Alignment"]["D2"] = None
    workbook.save(workbook_path)
    assert len(read_alignment(workbook_path).links) == 5


def test_a_workbook_that_is_not_a_review_workbook(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    workbook = Workbook()
    workbook.active.append(["term", "translation"])
    workbook.save(path)
    with pytest.raises(InputError) as caught:
        read_alignment(path)
    assert str(caught.value) == (
        f'{path}: not a paraterm review workbook (no sheet "Alignment" with columns Chinese, English); '
        "give a workbook written by paraterm align -o FILE.xlsx"
    )


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_alignment(path)
    assert str(caught.value).startswith(f"{path}: not an Excel workbook (")


def test_a_bad_confidence_cell_names_the_row(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    workbook["Alignment"]["E3"] = "high"
    workbook.save(workbook_path)
    with pytest.raises(InputError) as caught:
        read_alignment(workbook_path)
    assert str(caught.value) == (
        f"{workbook_path}: sheet Alignment, row 3: confidence 'high' is not a number; give a number from 0 to 1 or leave it blank"
    )


def test_openpyxl_is_imported_by_the_workbook_module_only() -> None:
    root = Path(xlsx.__file__).resolve().parents[1]
    imports = re.compile(r"^\s*(from|import) openpyxl", re.M)
    importers = sorted(str(p.relative_to(root)) for p in root.rglob("*.py") if imports.search(p.read_text(encoding="utf-8")))
    assert importers == ["export/xlsx.py"]
