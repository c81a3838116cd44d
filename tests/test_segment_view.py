"""``paraterm segment`` and align.segment_view: what the translator sees, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from align.alignment import Level
from align.document import Lang
from align.segment import document_from_text
from align.segment_view import SegmentFormat, render_document
from paraterm import app

CD2133_ZH = "zh/follow-up-2013-high-level-meeting.zh.txt"
TEXT = "A title\n\n1. The Group reaffirms. It recalls para. 5.\n\n2. The Group agrees.\n"


def test_render_paragraphs_as_text() -> None:
    shown = render_document(document_from_text(TEXT, Lang.EN), SegmentFormat.TEXT, Level.PARAGRAPH)
    assert shown.split("\n")[-3:] == [
        "p0\ttitle\t-\ts0\tA title",
        "p1\tnumbered\t1.\ts1-s2\tThe Group reaffirms. It recalls para. 5.",
        "p2\tnumbered\t2.\ts3\tThe Group agrees.",
    ]


def test_render_sentences_as_jsonl() -> None:
    shown = render_document(document_from_text(TEXT, Lang.EN), SegmentFormat.JSONL, Level.SENTENCE)
    rows = [json.loads(line) for line in shown.split("\n")]
    assert rows[0]["type"] == "meta" and rows[0]["sentences"] == 4 and rows[0]["file"] == "<text>"
    assert rows[1:] == [
        {"type": "sentence", "id": 0, "paragraph": 0, "text": "A title"},
        {"type": "sentence", "id": 1, "paragraph": 1, "text": "The Group reaffirms."},
        {"type": "sentence", "id": 2, "paragraph": 1, "text": "It recalls para. 5."},
        {"type": "sentence", "id": 3, "paragraph": 2, "text": "The Group agrees."},
    ]


def test_cli_shows_metadata_and_paragraphs(corpus_dir: Path) -> None:
    result = CliRunner().invoke(app, ["segment", str(corpus_dir / CD2133_ZH)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:10] == [
        f"# file: {corpus_dir / CD2133_ZH}",
        "# lang: zh",
        "# symbol: CD/2133",
        "# date: 17 August 2018",
        "# job_number: GE.18-13667",
        "# original_language: English",
        "# body: 裁军谈判会议",
        "# paragraphs: 20",
        "# sentences: 32",
        "# removed_lines: 7",
    ]
    body = [line for line in lines if not line.startswith("#")]
    assert len(body) == 20
    assert body[5].startswith("p5\tnumbered\t1.\ts5-s6\t2013 年 9 月 26 日举行的")


def test_cli_jsonl_sentences(corpus_dir: Path) -> None:
    result = CliRunner().invoke(app, ["segment", str(corpus_dir / CD2133_ZH), "--format", "jsonl", "--level", "sentence"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["symbol"] == "CD/2133" and len(rows) == 1 + 32
    assert [row["id"] for row in rows[1:]] == list(range(32))


def test_cli_warns_when_chinese_is_read_as_english(corpus_dir: Path) -> None:
    path = corpus_dir / CD2133_ZH
    result = CliRunner().invoke(app, ["segment", str(path), "--lang", "en"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"paraterm: warning: {path}: read as English (--lang en) but ")
    assert result.stderr.endswith("of its letters are Chinese; check the file or drop --lang\n")
    assert "# lang: en" in result.stdout


def test_cli_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    result = CliRunner().invoke(app, ["segment", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"paraterm: {path}: file not found; check the path\n"


def test_cli_unsupported_extension_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "paper.rtf"
    path.write_text("{\\rtf1}", encoding="utf-8")
    result = CliRunner().invoke(app, ["segment", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"paraterm: {path}: unsupported file type '.rtf'; give one of .txt, .docx, .pdf, .html, .htm\n"
    )


def test_cli_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("café".encode("latin-1") + b"\xff\xfe\x00")
    result = CliRunner().invoke(app, ["segment", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"paraterm: {path}: cannot decode the text (not UTF-8, UTF-16 or GB18030); re-save it as UTF-8\n"
    )


def test_cli_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n \n", encoding="utf-8")
    result = CliRunner().invoke(app, ["segment", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"paraterm: {path}: the document is empty (no text found); give a file with text in it\n"


def test_cli_scanned_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    result = CliRunner().invoke(app, ["segment", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"paraterm: {path}: no text layer found (scanned PDF?); OCR it first or give a .docx\n"
