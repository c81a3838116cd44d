"""Check findings as an Excel workbook: one row per finding, problems highlighted in the text.

Sheet ``Findings``: frozen header, autofilter, wrapped text, the offending spans of the
source and target texts in bold red (rich text). Sheet ``Summary``: counts by check and
severity, the inputs and the settings of the run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from align import __version__
from align.export.atomic import atomic_write
from glossary.finding import CheckResult, Finding, Side, pieces, tally

COLUMNS = (
    ("id", 8),
    ("check", 16),
    ("severity", 10),
    ("source location", 16),
    ("target location", 16),
    ("source text", 60),
    ("target text", 60),
    ("expected term", 22),
    ("found form", 22),
    ("note", 40),
)
_MARK = InlineFont(b=True, color="FFC00000")
_HEAD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="FFDDDDDD")
_SEVERITY_FILL = {"error": PatternFill("solid", fgColor="FFFFE0E0"), "warning": PatternFill("solid", fgColor="FFFFF3D6")}


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _set(cell: Any, value: object) -> None:
    """Write text as text: a leading '=' must not become a formula."""
    cell.value = _clean(value) if isinstance(value, str) else value
    if isinstance(value, str):
        cell.data_type = "s"


def _rich(text: str, finding: Finding, side: Side) -> CellRichText | str:
    parts = pieces(_clean(text), finding.spans, side)
    if not any(mark for _, mark in parts):
        return _clean(text)
    return CellRichText([TextBlock(_MARK, chunk) if mark else chunk for chunk, mark in parts])


def _findings_sheet(sheet: Any, result: CheckResult) -> None:
    for col, (name, width) in enumerate(COLUMNS, 1):
        cell = sheet.cell(1, col, name)
        cell.font, cell.fill = _HEAD, _HEAD_FILL
        sheet.column_dimensions[cell.column_letter].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, f in enumerate(result.findings, 2):
        values = (f.id, f.check.value, f.severity.value, str(f.source), str(f.target))
        for col, value in enumerate(values, 1):
            _set(sheet.cell(row, col), value)
        sheet.cell(row, 6).value = _rich(f.source_text, f, Side.SOURCE)
        sheet.cell(row, 7).value = _rich(f.target_text, f, Side.TARGET)
        for col, value in enumerate((f.expected, f.found, f.note), 8):
            _set(sheet.cell(row, col), value)
        for col in range(1, len(COLUMNS) + 1):
            sheet.cell(row, col).alignment = wrap
        fill = _SEVERITY_FILL.get(f.severity.value)
        if fill:
            sheet.cell(row, 3).fill = fill
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}{max(1, len(result.findings) + 1)}"


def _summary_sheet(sheet: Any, result: CheckResult) -> None:
    sheet.append(["check", "severity", "findings"])
    for cell in sheet[1]:
        cell.font, cell.fill = _HEAD, _HEAD_FILL
    for check, severity, count in tally(result.findings):
        sheet.append([check.value, severity.value, count])
    sheet.append(["total", "", len(result.findings)])
    sheet.append([])
    about = [
        ("tool", f"paraterm {__version__} check"),
        ("source", f"{result.source_name} ({result.source_lang.value})"),
        ("target", f"{result.target_name} ({result.target_lang.value})"),
        ("aligned links", result.links),
        ("source paragraphs", result.source_paragraphs),
        ("model", result.model or "-"),
        ("verdict", "failed" if result.failed() else "passed"),
        *result.config.settings(),
    ]
    for name, value in about:
        sheet.append([name])
        _set(sheet.cell(sheet.max_row, 2), value)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 40
    sheet.freeze_panes = "A2"


def write(result: CheckResult, path: Path) -> None:
    """Write the workbook atomically."""
    book = Workbook()
    findings = book.active
    findings.title = "Findings"
    _findings_sheet(findings, result)
    _summary_sheet(book.create_sheet("Summary"), result)
    atomic_write(path, lambda tmp: book.save(tmp))
