"""Reading the files translators have: .txt, .docx, .pdf (with a text layer), .html.

Each reader returns :class:`RawText`: the text, one line per line, and whether its
lines are already whole paragraphs (.docx, .html) or lines as laid out on a page that
cleaning must rejoin (.pdf, .txt). Every failure is an :class:`InputError` (or a
:class:`UsageError` for an extension we do not read) with a one-line message saying
what, which file, and what to do.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from align.docx_numbering import DocxNumbering
from align.errors import InputError, UsageError
from align.normalize import is_cjk

__all__ = ["SUPPORTED_SUFFIXES", "RawText", "decode_text", "read_raw"]

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


@dataclass(frozen=True)
class RawText:
    """What a reader found. ``blocks``: each line is already one whole paragraph."""

    text: str
    blocks: bool
    encoding: str | None = None  # for .txt: the encoding that decoded it


def require_file(path: Path) -> None:
    """Raise the one ``InputError`` every command gives for a missing input file."""
    if not path.exists():
        raise InputError(f"{path}: file not found; check the path")
    if not path.is_file():
        raise InputError(f"{path}: is a directory, not a file; give a file")


def read_raw(path: Path) -> RawText:
    """Read ``path`` by its extension; raise InputError/UsageError with a one-line message."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UsageError(
            f"{path}: unsupported file type {suffix or '(no extension)'!r}; "
            f"give one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    require_file(path)
    if suffix == ".txt":
        raw = _read_txt(path)
    elif suffix == ".docx":
        raw = RawText(_read_docx(path), blocks=True)
    elif suffix == ".pdf":
        raw = RawText(_read_pdf(path), blocks=False)
    else:
        raw = RawText(_read_html(path), blocks=True)
    if not raw.text.strip():
        raise InputError(f"{path}: the document is empty (no text found); give a file with text in it")
    return raw


# --- .txt ----------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _read_txt(path: Path) -> RawText:
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the document is empty (no text found); give a file with text in it")
    decoded = decode_text(data)
    if decoded is None:
        raise InputError(
            f"{path}: cannot decode the text (not UTF-8, UTF-16 or GB18030); re-save it as UTF-8"
        )
    text, encoding = decoded
    return RawText(text.replace("\r\n", "\n").replace("\r", "\n"), blocks=False, encoding=encoding)


def decode_text(data: bytes) -> tuple[str, str] | None:
    """Decode bytes as BOM-marked Unicode, UTF-8, BOM-less UTF-16 or GB18030; None if none fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    utf16 = _guess_bomless_utf16(data)  # before UTF-8: ASCII in UTF-16 is valid UTF-8 with NULs
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # GB18030 maps almost any byte string to *something*; believe it only when the result
    # reads as Chinese: Han characters present, no private-use or unassigned filler.
    if any(is_cjk(c) for c in text) and not any(_suspicious(c) for c in text):
        return text, "gb18030"
    return None


def _suspicious(char: str) -> bool:
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or (code < 32 and char not in "\t\n\r\f")


def _guess_bomless_utf16(data: bytes) -> tuple[str, str] | None:
    # ASCII-heavy UTF-16 has a NUL in every other byte; which half says the byte order.
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    encoding = "utf-16-le" if odd_nuls > 0.3 > even_nuls else "utf-16-be" if even_nuls > 0.3 > odd_nuls else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


# --- .docx ---------------------------------------------------------------------------

def _read_docx(path: Path) -> str:
    import docx  # python-docx, imported lazily: only .docx needs it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise InputError(f"{path}: not a readable .docx ({error}); re-save it from Word as .docx") from None
    numbering = DocxNumbering(document)
    lines = []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        label = numbering.label(paragraph)
        lines.append(f"{label} {text}" if label and not text.startswith(label) else text)
    return "\n".join(lines)


# --- .pdf ----------------------------------------------------------------------------


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF is password-protected; remove the password and try again")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise InputError(f"{path}: not a readable PDF ({error}); re-export it or give a .docx") from None
    if not any(page.strip() for page in pages):
        raise InputError(f"{path}: no text layer found (scanned PDF?); OCR it first or give a .docx")
    return "\n".join(pages)


# --- .html ---------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd td th caption blockquote pre div section article "
    "header footer aside main nav title tr table ul ol dl figure figcaption address".split()
)
_SKIP_TAGS = frozenset("script style noscript template head svg".split())


def _read_html(path: Path) -> str:
    from bs4 import BeautifulSoup, Comment, NavigableString

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            blocks.append(text)
        buffer.clear()

    def walk(node, ordinal: list[int] | None = None) -> None:  # noqa: ANN001 - a bs4 node
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                buffer.append(str(child))
                continue
            name = child.name
            if name in _SKIP_TAGS:
                continue
            if name == "br":
                buffer.append(" ")
            elif name == "ol":
                flush()
                walk(child, [int(child.get("start", 1)) - 1])
                flush()
            elif name == "ul":
                flush()
                walk(child, None)
                flush()
            elif name == "li":
                flush()
                if ordinal is not None:
                    ordinal[0] += 1
                    buffer.append(f"{ordinal[0]}. ")
                walk(child, None)
                flush()
            elif name in _BLOCK_TAGS:
                flush()
                walk(child, None)
                flush()
            else:
                walk(child, ordinal)

    body = soup.body or soup
    walk(body)
    flush()
    return "\n".join(blocks)
