"""align.docx_numbering: Word's list labels, rebuilt from the numbering definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.docx_numbering import DocxNumbering, _format_number
from align.readers import read_raw


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (2, "upperLetter", "B"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (7, "somethingElse", "7"),
    ],
)
def test_format_number(value: int, fmt: str, expected: str) -> None:
    assert _format_number(value, fmt) == expected


def test_nested_list_levels_restart_under_a_new_parent(tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    num_id = document.styles["List Number"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    for text, level in [("First.", 0), ("Sub one.", 1), ("Sub two.", 1), ("Second.", 0), ("Sub again.", 1)]:
        paragraph = document.add_paragraph(text, style="List Number")
        if level:  # the style says level 0; a paragraph's own numPr puts it one level down
            num_pr, ilvl, num = OxmlElement("w:numPr"), OxmlElement("w:ilvl"), OxmlElement("w:numId")
            ilvl.set(qn("w:val"), str(level))
            num.set(qn("w:val"), num_id)
            num_pr.extend([ilvl, num])
            paragraph._p.get_or_add_pPr().append(num_pr)
    document.add_paragraph("A bullet.", style="List Bullet")
    document.add_paragraph("Another list.", style="List Number 2")
    path = tmp_path / "lists.docx"
    document.save(str(path))
    assert read_raw(path).text.split("\n") == [
        "1. First.", "1. Sub one.", "2. Sub two.", "2. Second.", "1. Sub again.",
        "A bullet.",  # bullets give no label
        "1. Another list.",  # another list counts on its own
    ]


def test_a_document_without_numbering_part(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Plain.")
    assert DocxNumbering(document).label(document.paragraphs[0]) is None
