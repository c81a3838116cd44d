"""The review workbook: one row per link for a reviewer in Excel, readable back.

Sheet "Alignment" has one row per link (ids, Chinese, English, confidence,
flags, an empty reviewer note, paragraph ids), a frozen header, an autofilter,
a red-yellow-green colour scale on confidence, and a pale orange fill on
low-confidence and unaligned rows. Sheet "About" has the signature, the input
files, the counts and the warnings.

The reviewer may edit the Chinese and English cells, delete rows, merge two
rows (join the texts into one row, delete the other) and add rows (ids may be
blank). :func:`read` takes the rows back as they are, finding columns by their
header, so a reviewed alignment becomes a TMX without re-aligning.

This is the only module of ``align`` that imports openpyxl.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment as CellAlignment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from align.alignment import Alignment, Flag, Level, Link, Signature
from align.errors import InputError
from align.export.atomic import atomic_write
from align.export.summary import Counts, file_names, parse_signature
from align.export.text import format_flags, parse_flags, parse_ids, remove_control_chars

SHEET = "Alignment"
ABOUT = "About"
# (header, width in characters); the reader finds columns by these headers
COLUMNS = (
    ("zh ids", 9),
    ("en ids", 9),
    ("Chinese", 60),
    ("English", 70),
    ("confidence", 11),
    ("flags", 18),
    ("reviewer note", 24),
    ("zh paragraphs", 11),
    ("en paragraphs", 11),
)
REQUIRED = ("Chinese", "English")
REVIEW_FLAGS = (Flag.LOW_CONFIDENCE.value, Flag.UNALIGNED.value)  # rows filled for attention
_REVIEW_FILL = PatternFill("solid", start_color="FCE4D6")
_HEADER_FILL = PatternFill("solid", start_color="D9E1F2")
# spreadsheet programs take text starting with these as a formula when the cell is edited
_FORMULA_START = ("=", "+", "-", "@")


def write(alignment: Alignment, path: Path, created: dt.datetime | None = None) -> None:
    """Write the review workbook to ``path`` atomically; ``created`` defaults to now (UTC)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    _fill_links(sheet, alignment)
    _fill_about(workbook.create_sheet(ABOUT), alignment, created or dt.datetime.now(dt.timezone.utc))
    atomic_write(path, lambda tmp: workbook.save(tmp))


def read(path: Path) -> Alignment:
    """Read the rows of a review workbook (possibly edited) back into an Alignment."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise InputError(f"{path}: not an Excel workbook ({error}); give an .xlsx written by paraterm align") from None
    try:
        links = _read_links(workbook, path)
        about = _read_about(workbook) if ABOUT in workbook.sheetnames else {}
    finally:
        workbook.close()
    level = about.get("level", [Level.SENTENCE.value])[0]
    signature = about.get("signature")
    return Alignment(
        zh=None,
        en=None,
        level=Level.PARAGRAPH if level == Level.PARAGRAPH.value else Level.SENTENCE,
        links=links,
        signature=parse_signature(signature[0]) if signature else Signature("paraterm", "", "", ()),
        warnings=about.get("warning", []),
        zh_name=about.get("Chinese file", [""])[0],
        en_name=about.get("English file", [""])[0],
    )


def _read_links(workbook: Any, path: Path) -> list[Link]:
    """The rows of sheet "Alignment" that still have text, columns found by their header."""
    not_review = InputError(
        f'{path}: not a paraterm review workbook (no sheet "{SHEET}" with columns {", ".join(REQUIRED)}); '
        "give a workbook written by paraterm align -o FILE.xlsx"
    )
    if SHEET not in workbook.sheetnames:
        raise not_review
    rows = workbook[SHEET].iter_rows(values_only=True)
    header = [str(v).strip().lower() if v is not None else "" for v in next(rows, ())]
    if any(name.lower() not in header for name in REQUIRED):
        raise not_review
    column = {name: header.index(name.lower()) for name, _ in COLUMNS if name.lower() in header}
    links = []
    for number, values in enumerate(rows, start=2):
        row = {name: values[i] if i < len(values) else None for name, i in column.items()}
        if _text(row.get("Chinese")).strip() or _text(row.get("English")).strip():
            links.append(_link(row, f"{path}: sheet {SHEET}, row {number}"))
    return links


def _fill_links(sheet: Any, alignment: Alignment) -> None:
    sheet.append([name for name, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    wrap = CellAlignment(wrap_text=True, vertical="top")
    top = CellAlignment(vertical="top")
    for number, link in enumerate(alignment.links, start=2):
        values = (
            _ids(link.zh_ids),
            _ids(link.en_ids),
            link.zh,
            link.en,
            link.score,
            format_flags(link.flags),
            None,
            _ids(link.zh_paragraphs),
            _ids(link.en_paragraphs),
        )
        flagged = any(flag in link.flags for flag in REVIEW_FLAGS)
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=number, column=index)
            _set(cell, value)
            cell.alignment = wrap if index in (3, 4, 7) else top
            if flagged:
                cell.fill = _REVIEW_FILL
        sheet.cell(row=number, column=5).number_format = "0.00"
    last = len(alignment.links) + 1
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    if alignment.links:
        sheet.conditional_formatting.add(
            f"E2:E{last}",
            ColorScaleRule(
                start_type="num", start_value=0, start_color="F8696B",
                mid_type="num", mid_value=0.5, mid_color="FFEB84",
                end_type="num", end_value=1, end_color="63BE7B",
            ),
        )  # fmt: skip


def _fill_about(sheet: Any, alignment: Alignment, created: dt.datetime) -> None:
    zh_file, en_file = file_names(alignment)
    counts = Counts.of(alignment)
    signature = alignment.signature
    rows: list[tuple[str, object]] = [
        ("paraterm alignment review workbook", ""),
        ("signature", str(signature)),
        ("tool", f"{signature.tool} {signature.version}"),
        ("model", signature.model),
        ("level", alignment.level.value),
        ("Chinese file", zh_file),
        ("English file", en_file),
        ("links", counts.links),
        ("unaligned", counts.unaligned),
        ("low-confidence", counts.low_confidence),
        ("merged", counts.merged),
        ("written", created.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")),
        (
            "how to review",
            f'Correct the Chinese and English cells of sheet "{SHEET}"; delete a row to drop a link; '
            "to merge two rows, join their texts in one row and delete the other. Then: "
            "paraterm align --from-review THIS.xlsx -o reviewed.tmx",
        ),
    ]
    rows += [(f"setting {name}", value) for name, value in signature.settings]
    rows += [("warning", warning) for warning in alignment.warnings]
    for label, value in rows:
        sheet.append([label, None])
        _set(sheet.cell(row=sheet.max_row, column=2), value)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 100
    for row in sheet.iter_rows(min_row=2):
        row[0].font = Font(bold=True)
        row[1].alignment = CellAlignment(wrap_text=True, vertical="top")


def _read_about(workbook: Any) -> dict[str, list[str]]:
    about: dict[str, list[str]] = {}
    for values in workbook[ABOUT].iter_rows(values_only=True):
        if len(values) >= 2 and values[0] is not None:
            about.setdefault(str(values[0]), []).append(_text(values[1]))
    return about


def _set(cell: Cell, value: object) -> None:
    """Put ``value`` in ``cell``; text that looks like a formula stays text."""
    if isinstance(value, str):
        value = remove_control_chars(value)
        cell.value = value
        if value.startswith(_FORMULA_START):
            cell.data_type = "s"  # openpyxl would store "=..." as a formula
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    else:
        cell.value = value


def _ids(ids: tuple[int, ...]) -> int | str | None:
    # one id as a number (sorts and filters numerically), several as "3 4"
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else " ".join(str(i) for i in ids)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _link(row: dict[str, object], where: str) -> Link:
    try:
        score_cell = row.get("confidence")
        score = 1.0 if score_cell in (None, "") else float(score_cell)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{where}: confidence {row.get('confidence')!r} is not a number; give a number from 0 to 1 or leave it blank") from None
    try:
        return Link(
            zh_ids=parse_ids(row.get("zh ids"), where),
            en_ids=parse_ids(row.get("en ids"), where),
            zh=_text(row.get("Chinese")),
            en=_text(row.get("English")),
            score=score,
            flags=parse_flags(row.get("flags")),
            zh_paragraphs=parse_ids(row.get("zh paragraphs"), where),
            en_paragraphs=parse_ids(row.get("en paragraphs"), where),
        )
    except ValueError as error:
        raise InputError(str(error)) from None
