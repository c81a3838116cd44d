"""align.readers: .txt encodings, .docx with list numbering, .pdf text layer, .html blocks, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import InputError, UsageError
from align.readers import decode_text, read_raw

ZH = "本集团重申，彻底消除核武器是唯一绝对保证。\n第 68/32 号决议"


# --- .txt ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ZH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ZH.encode("utf-8"), "utf-8-sig"),
        (ZH.encode("utf-16"), "utf-16"),  # with BOM
        (b"\xfe\xff" + ZH.encode("utf-16-be"), "utf-16"),
        (ZH.encode("gb18030"), "gb18030"),
        ("The Group of 21 reaffirms.".encode("utf-16-le"), "utf-16-le"),  # no BOM: NUL pattern
    ],
)
def test_txt_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    raw = read_raw(path)
    assert raw.encoding == encoding
    assert raw.text in (ZH, "The Group of 21 reaffirms.")
    assert raw.blocks is False


def test_crlf_becomes_lf(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"line one\r\nline two\r\n")
    assert read_raw(path).text == "line one\nline two\n"


def test_latin1_bytes_are_not_taken_for_gb18030() -> None:
    assert decode_text("café résumé".encode("latin-1")) is None


def test_undecodable_txt(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("café".encode("latin-1") + b"\xff\xfe\x00")
    with pytest.raises(InputError) as error:
        read_raw(path)
    assert str(error.value) == f"{path}: cannot decode the text (not UTF-8, UTF-16 or GB18030); re-save it as UTF-8"


@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"])
def test_empty_txt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_raw(path)
    assert str(error.value) == f"{path}: the document is empty (no text found); give a file with text in it"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError) as error:
        read_raw(path)
    assert str(error.value) == f"{path}: file not found; check the path"


def test_directory(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    with pytest.raises(InputError) as error:
        read_raw(path)
    assert str(error.value) == f"{path}: is a directory, not a file; give a file"


@pytest.mark.parametrize("name", ["doc.rtf", "doc", "doc.doc"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("text", encoding="utf-8")
    with pytest.raises(UsageError) as error:
        read_raw(path)
    suffix = path.suffix or "(no extension)"
    assert str(error.value) == (
        f"{path}: unsupported file type '{suffix}'; give one of .txt, .docx, .pdf, .html, .htm"
    )


# --- .docx ---------------------------------------------------------------------------


def test_docx_paragraphs_and_list_numbering(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Negative security assurances")
    document.add_paragraph("")
    document.add_paragraph("The Group reaffirms its position.", style="List Number")
    document.add_paragraph("The Group  recalls\tresolution 68/32.", style="List Number")
    document.add_paragraph("A closing paragraph.")
    path = tmp_path / "paper.docx"
    document.save(str(path))
    raw = read_raw(path)
    assert raw.blocks is True
    assert raw.text.split("\n") == [
        "Negative security assurances",
        "1. The Group reaffirms its position.",
        "2. The Group recalls resolution 68/32.",
        "A closing paragraph.",
    ]


def test_docx_keeps_a_typed_label(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("1. Typed by hand.", style="List Number")
    path = tmp_path / "typed.docx"
    document.save(str(path))
    assert read_raw(path).text == "1. Typed by hand."


def test_docx_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"not a zip file at all")
    with pytest.raises(InputError) as error:
        read_raw(path)
    assert str(error.value).startswith(f"{path}: not a readable .docx (")
    assert str(error.value).endswith("); re-save it from Word as .docx")


def test_empty_docx(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(InputError) as error:
        read_raw(path)
    assert str(error.value) == f"{path}: the document is empty (no text found); give a file with text in it"


# --- .pdf ----------------------------------------------------------------------------


def _pdf(path: Path, lines: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    if not lines:
        pdf.rect(20, 20, 100, 60, style="F")  # a "scan": marks on the page, no text
    pdf.output(str(path))
    return path


def test_pdf_with_text_layer(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "paper.pdf", ["CD/2133", "1. The Group reaffirms", "resolution 68/32."])
    raw = read_raw(path)
    assert raw.blocks is False
    assert [line.strip() for line in raw.text.split("\n") if line.strip()] == [
        "CD/2133", "1. The Group reaffirms", "resolution 68/32.",
    ]


def test_scanned_pdf(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", [])
    with pytest.raises(InputError) as error:
        read_raw(path)
    assert str(error.value) == f"{path}: no text layer found (scanned PDF?); OCR it first or give a .docx"


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(InputError) as error:
        read_raw(path)
    message = str(error.value)
    assert message.startswith(f"{path}: ") and message.endswith("give a .docx")


# --- .html ---------------------------------------------------------------------------


def test_html_blocks_become_lines(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        """<html><head><title>ignored</title><style>p {color: red}</style></head><body>
        <h1>Negative   security assurances</h1>
        <div><p>The Group <b>reaffirms</b><br>its position.</p>
        <ol><li>First item.</li><li>Second <i>item</i>.</li></ol>
        <ul><li>A bullet.</li></ul></div>
        <script>var x = 1;</script><!-- a comment -->
        <table><tr><td>cell one</td><td>cell two</td></tr></table>
        Loose text.
        </body></html>""",
        encoding="utf-8",
    )
    raw = read_raw(path)
    assert raw.blocks is True
    assert raw.text.split("\n") == [
        "Negative security assurances",
        "The Group reaffirms its position.",
        "1. First item.",
        "2. Second item.",
        "A bullet.",
        "cell one",
        "cell two",
        "Loose text.",
    ]


def test_html_in_gb18030_with_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes('<html><head><meta charset="gb18030"></head><body><p>裁军谈判会议</p></body></html>'.encode("gb18030"))
    assert read_raw(path).text == "裁军谈判会议"


def test_empty_html(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_raw(path)
    assert str(error.value) == f"{path}: the document is empty (no text found); give a file with text in it"
