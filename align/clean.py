"""Cleaning PDF-extraction noise and rebuilding whole paragraphs from page lines.

What is removed (private-use glyphs, running headers and footers, blank-line noise) is
kept in :class:`~align.document.DocumentMeta`; the text itself is otherwise untouched,
except that lines broken by the page layout are rejoined: Chinese without a space
(or with one between a Han character and a digit/Latin letter when the document writes
``2018 年`` that way), English with a space, and an English end-of-line hyphen is
undone only when the joined word occurs elsewhere in the document or in a small list.

Where a paragraph ends is read from the layout cues PDF extraction keeps:
1. a line with trailing spaces, when the document marks paragraph ends that way
   (UN Chinese PDFs do: mid-paragraph lines end flush, last lines end with a space);
2. the next line indented, when the document indents first lines;
3. the next line opening with a paragraph label (``1.``, ``(a)``) after a line that
   ends a sentence or is short;
4. a line ending a sentence that is clearly shorter than the text width, or any line
   much shorter than it (a title), unless it ends with a comma or hyphen;
5. a blank line, unless blank lines separate every line (double-spaced extraction).
Text whose lines are not wrapped to a width (one paragraph per line) is taken line by line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from align.document import DocumentMeta, Lang
from align.headers import HeaderLine, Role, classify_line, decode_barcode, is_private_use, strip_private_use
from align.normalize import is_cjk

__all__ = ["CleanText", "clean", "LABEL"]

# A paragraph label at the start of a line: "1.", "12.", "(a)", "(iv)", "（一）", "一、", "A.", "b.", "IV."
LABEL = re.compile(
    r"^(?:\d{1,3}[.．](?!\d)|[(（](?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,3})[)）]"
    r"|[一二三四五六七八九十]{1,3}、|[A-Za-z][.．](?=\s)|[IVXL]{1,6}[.．](?=\s))\s*"
)
_TERMINAL = tuple("。！？!?.:：;；")
_CLOSERS = "”’」』）)》\"'"

# Words often hyphenated across lines in UN texts; the document's own words count too.
_COMMON_WORDS = frozenset(
    """assurances commitment commitments conference consideration convention cooperation
    declaration development disarmament elimination establishment implementation
    international negotiations nuclear organization organizations participation permanent
    programme proliferation recommendations resolution resolutions secretariat security
    government governments community communities information assembly important
    consultations particular comprehensive representative responsibility""".split()
)


@dataclass(frozen=True)
class CleanText:
    """Whole paragraphs (label still in front) plus what cleaning removed."""

    paragraphs: tuple[str, ...]
    meta: DocumentMeta


@dataclass(frozen=True)
class _Line:
    text: str  # stripped
    lead: bool  # had leading whitespace
    trail: bool  # had trailing whitespace
    blank_before: bool  # a blank line came before it


def clean(text: str, lang: Lang, *, blocks: bool = False) -> CleanText:
    """Remove noise from ``text`` and return its paragraphs and metadata.

    ``blocks``: every line is already one paragraph (text read from .docx or .html);
    only private-use glyphs, header lines and blank lines are removed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    kept, headers = _drop_headers(text.split("\n"))
    meta = _meta(headers)
    if blocks or not _is_wrapped(kept):
        paragraphs = [line.text for line in kept]
    else:
        paragraphs = _rejoin(kept, lang)
    return CleanText(tuple(p for p in paragraphs if p), meta)


# --- headers and footers -------------------------------------------------------------


def _drop_headers(raw_lines: list[str]) -> tuple[list[_Line], list[tuple[str, HeaderLine]]]:
    candidates: list[tuple[str, str]] = []  # (original line, line without PUA glyphs)
    for raw in raw_lines:
        candidates.append((raw, strip_private_use(raw) if any(is_private_use(c) for c in raw) else raw))
    repeated = _repeated_lines(stripped.strip() for _, stripped in candidates)
    kept: list[_Line] = []
    headers: list[tuple[str, HeaderLine]] = []
    blank = in_header_block = False
    for raw, stripped in candidates:
        header = classify_line(raw)
        if header is None and stripped.strip() in repeated:
            header = HeaderLine(Role.REPEATED, stripped.strip())
        if header is not None:
            # a barcode is kept as the text it encodes ("*1813663*"), not as blank glyphs
            headers.append((decode_barcode(raw) or raw.strip(), header))
            # blank lines around a page's header/footer block belong to the page break,
            # which often falls inside a paragraph: they separate nothing
            blank, in_header_block = False, True
            continue
        if not stripped.strip():
            blank = blank or not in_header_block
            continue
        kept.append(_Line(stripped.strip(), stripped[:1].isspace(), stripped[-1:].isspace(), blank))
        blank = in_header_block = False
    return kept, headers


def _repeated_lines(lines) -> set[str]:  # noqa: ANN001 - an iterable of str
    # A short line repeated three times or more is a running header (the body name or a
    # short title at every page top); paragraph labels and sentences are not.
    counts = Counter(line for line in lines if line and len(line) <= 60)
    return {
        line for line, count in counts.items()
        if count >= 3 and not line.endswith(_TERMINAL) and not LABEL.match(line)
    }


def _meta(headers: list[tuple[str, HeaderLine]]) -> DocumentMeta:
    first: dict[Role, str] = {}
    barcode_job = None
    for _, header in headers:
        first.setdefault(header.role, header.value)
        if header.role is Role.BARCODE and re.fullmatch(r"\d{2}-\d{5}", header.value):
            barcode_job = barcode_job or header.value
    return DocumentMeta(
        symbol=first.get(Role.SYMBOL),
        date=first.get(Role.DATE),
        # the barcode encodes the job number without the duty-station prefix ("18-13663")
        job_number=first.get(Role.JOB_NUMBER) or barcode_job,
        original_language=first.get(Role.ORIGINAL),
        body=first.get(Role.BODY),
        removed_lines=tuple(raw for raw, _ in headers),
    )


# --- layout --------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _full_width(lines: list[_Line]) -> int:
    widths = sorted(_width(line.text) for line in lines)
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0


def _is_wrapped(lines: list[_Line]) -> bool:
    """True when most lines stop near one text width, as page lines do."""
    if len(lines) < 6:
        return False
    full = _full_width(lines)
    if not 40 <= full <= 200:  # no page is that wide, or that narrow: these are whole paragraphs
        return False
    near_full = sum(1 for line in lines if _width(line.text) >= 0.8 * full)
    return near_full >= 0.4 * len(lines)


def _uses(flags: list[bool]) -> bool:
    """A layout cue is meaningful when some lines have it and most do not."""
    share = sum(flags) / len(flags) if flags else 0.0
    return 0.02 <= share <= 0.6


def _rejoin(lines: list[_Line], lang: Lang) -> list[str]:
    full = _full_width(lines)
    trailing = _uses([line.trail for line in lines])
    indents = _uses([line.lead for line in lines])
    double_spaced = sum(line.blank_before for line in lines[1:]) >= 0.8 * max(len(lines) - 1, 1)
    spaced_digits = _spaces_around_digits(lines)
    vocabulary = _vocabulary(lines) if lang is Lang.EN else frozenset()
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if current and _breaks(lines[i - 1], line, full, trailing, indents, double_spaced):
            paragraphs.append(current)
            current = ""
        current = _join(current, line.text, lang, spaced_digits, vocabulary) if current else line.text
    if current:
        paragraphs.append(current)
    return paragraphs


def _breaks(prev: _Line, line: _Line, full: int, trailing: bool, indents: bool, double_spaced: bool) -> bool:
    if line.blank_before and not double_spaced:
        return True
    ends_sentence = prev.text.rstrip(_CLOSERS).endswith(_TERMINAL)
    short = _width(prev.text) < 0.8 * full
    labelled = bool(LABEL.match(line.text)) and (ends_sentence or short)
    if trailing:
        # the document marks paragraph ends itself; trust it (plus indents and labels)
        return prev.trail or (indents and line.lead) or labelled
    if (indents and line.lead) or labelled:
        return True
    if _width(prev.text) < 0.6 * full and not prev.text.endswith((",", "，", "、", "-")):
        return True  # a title or heading line, much shorter than the text
    return ends_sentence and short


def _spaces_around_digits(lines: list[_Line]) -> bool:
    """Does the document write ``2018 年`` (True) or ``2018年`` (False)?"""
    text = "\n".join(line.text for line in lines)
    spaced = len(re.findall(r"[0-9A-Za-z] [\u4e00-\u9fff]|[\u4e00-\u9fff] [0-9A-Za-z]", text))
    tight = len(re.findall(r"[0-9A-Za-z][\u4e00-\u9fff]|[\u4e00-\u9fff][0-9A-Za-z]", text))
    return spaced > tight


def _vocabulary(lines: list[_Line]) -> frozenset[str]:
    words = re.findall(r"[A-Za-z]+", " ".join(line.text for line in lines))
    return frozenset(w.lower() for w in words) | _COMMON_WORDS


def _join(left: str, right: str, lang: Lang, spaced_digits: bool, vocabulary: frozenset[str]) -> str:
    a, b = left[-1], right[0]
    if a == "-" and len(left) > 1 and left[-2].isalpha() and b.islower():
        head = re.search(r"([A-Za-z]+)-$", left)
        tail = re.match(r"[a-z]+", right)
        if head and tail and (head.group(1) + tail.group(0)).lower() in vocabulary:
            return left[:-1] + right  # "disarma-" + "ment" -> "disarmament"
        return left + right  # a real hyphen: "non-nuclear-" + "weapon"
    if lang is Lang.ZH and (is_cjk(a) or is_cjk(b) or _is_cjk_punct(a) or _is_cjk_punct(b)):
        if spaced_digits and ((is_cjk(a) and _alnum(b)) or (_alnum(a) and is_cjk(b))):
            return f"{left} {right}"
        return left + right
    return f"{left} {right}"


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _is_cjk_punct(char: str) -> bool:
    code = ord(char)
    return 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or char in "“”‘’…—"
