"""Report writers: JSONL read back, XLSX reopened (rich text, filter, frozen header, Summary),
HTML self-contained, terminal output; and the format chosen by extension."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from rich.console import Console

from align.document import Lang
from align.errors import UsageError
from glossary import report_html, report_jsonl, report_terminal
from glossary.check import write_report
from glossary.check_config import CheckConfig
from glossary.finding import CheckId, CheckResult, Finding, Location, Severity, Side, Span

FORBIDDEN = Finding(
    id="F0001",
    check=CheckId.TERM_FORBIDDEN,
    severity=Severity.ERROR,
    source=Location("en.txt", (3,), ("2.",), (7,)),
    target=Location("zh.txt", (3,), ("2.",), (6,)),
    source_text="Zones <b>free</b> of nuclear weapons.",
    target_text="=无核区 & 其他",
    expected="无核武器区",
    found="无核区",
    note="'无核区' is forbidden; use '无核武器区'",
    spans=(Span(Side.TARGET, 1, 4),),
)
OMISSION = Finding(
    id="F0002",
    check=CheckId.OMISSION,
    severity=Severity.WARNING,
    source=Location("en.txt", (4,), ("",), (8, 9)),
    target=Location("zh.txt", (), (), ()),
    source_text="The Group thanks the secretariat.",
    target_text="",
    note="source text has no counterpart in the target",
    spans=(Span(Side.SOURCE, 0, 33),),
)


def result(findings: tuple[Finding, ...] = (FORBIDDEN, OMISSION)) -> CheckResult:
    return CheckResult(findings, "en.txt", "zh.txt", Lang.EN, Lang.ZH, 12, 5, CheckConfig(), "fake-model")


def test_jsonl_has_a_header_then_one_object_per_finding(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    write_report(result(), path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["type"] == "header" and lines[0]["links"] == 12 and lines[0]["settings"]["fail_on"] == "error"
    assert lines[0]["summary"] == [
        {"check": "term-forbidden", "severity": "error", "count": 1},
        {"check": "omission", "severity": "warning", "count": 1},
    ]
    assert lines[1]["id"] == "F0001" and lines[1]["found"] == "无核区"
    assert lines[1]["source"] == {"document": "en.txt", "paragraphs": [3], "labels": ["2."], "sentences": [7]}
    assert lines[1]["spans"] == [{"side": "target", "start": 1, "end": 4}]
    assert lines[2]["check"] == "omission" and len(lines) == 3


def test_xlsx_row_per_finding_with_highlight_filter_frozen_header_and_summary(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_report(result(), path)
    book = load_workbook(path, rich_text=True)
    assert book.sheetnames == ["Findings", "Summary"]
    sheet = book["Findings"]
    header = [c.value for c in sheet[1]]
    assert header == ["id", "check", "severity", "source location", "target location", "source text", "target text", "expected term", "found form", "note"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "J3".join(["A1:", ""])
    assert [c.value for c in sheet[2]][:5] == ["F0001", "term-forbidden", "error", "¶4[2.] s7", "¶4[2.] s6"]
    target = sheet["G2"].value
    assert isinstance(target, CellRichText)
    marked = [block.text for block in target if isinstance(block, TextBlock) and block.font.b]
    assert marked == ["无核区"] and str(target) == "=无核区 & 其他"  # text, not a formula
    assert sheet["F3"].value == CellRichText([TextBlock(sheet["F3"].value[0].font, "The Group thanks the secretariat.")])
    summary = [[c.value for c in row] for row in book["Summary"].iter_rows(max_row=4)]
    assert summary == [["check", "severity", "findings"], ["term-forbidden", "error", 1], ["omission", "warning", 1], ["total", None, 2]]
    about = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=6) if row[0].value}
    assert about["source"] == "en.txt (en)" and about["verdict"] == "failed" and about["fail_on"] == "error"


def test_html_is_self_contained_and_escaped() -> None:
    page = report_html.dumps(result())
    assert "<mark>无核区</mark>" in page
    assert "Zones &lt;b&gt;free&lt;/b&gt;" in page
    assert "http" not in page and "<script" not in page and "<link" not in page
    assert '<p id="verdict">2 findings; check failed (fail on error)</p>' in page


def test_terminal_shows_summary_then_findings_with_locations() -> None:
    console = Console(record=True, width=200, color_system=None)
    report_terminal.render(result(), console)
    text = console.export_text()
    assert "paraterm check: en.txt (en) -> zh.txt (zh)" in text
    assert "│ term-forbidden │ error    │        1 │" in text
    assert "F0001 error term-forbidden  '无核区' is forbidden; use '无核武器区'" in text
    assert "  source ¶4[2.] s7: Zones <b>free</b> of nuclear weapons." in text
    assert "  target -: " in text  # the omission has no target location
    assert text.index("total") < text.index("F0001")


def test_clean_result_still_writes_every_format(tmp_path: Path) -> None:
    for suffix in (".xlsx", ".html", ".jsonl"):
        write_report(result(()), tmp_path / f"clean{suffix}")
    assert len((tmp_path / "clean.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    assert report_jsonl.header(result(()))["summary"] == []


def test_unknown_report_format_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"r\.pdf: unknown report format '\.pdf'; use \.xlsx, \.html or \.jsonl$"):
        write_report(result(), tmp_path / "r.pdf")
