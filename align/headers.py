"""Recognising the running headers and footers PDF extraction leaves in UN documents.

A line is a header/footer when, on its own, it is one of: the document symbol
(``CD/2133``), the job number (``GE.18-13667``, ``2 GE.18-13667``, ``GE.18-13667 (C)``),
a page number, the language line (``Chinese``) or ``Original: English``, the
distribution (``Distr.: General``), the date as printed in the masthead, the body name
(``Conference on Disarmament`` / ``裁军谈判会议``), ``Please recycle``, or a barcode (glyphs of a barcode font
in the private-use area, U+F000 + ASCII). :func:`classify_line` names what it is and
the value worth keeping as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

__all__ = ["BODIES", "HeaderLine", "Role", "classify_line", "decode_barcode", "strip_private_use"]


class Role(str, Enum):
    """What a removed header/footer line was."""

    SYMBOL = "symbol"
    JOB_NUMBER = "job_number"
    PAGE = "page"
    LANGUAGE = "language"
    ORIGINAL = "original_language"
    DISTRIBUTION = "distribution"
    DATE = "date"
    BODY = "body"
    BARCODE = "barcode"
    PRINTER = "printer"  # "Please recycle" and its symbol, on first pages
    REPEATED = "repeated"  # any short line repeated at page tops, found by count


@dataclass(frozen=True)
class HeaderLine:
    role: Role
    value: str  # what is worth keeping: "CD/2133", "GE.18-13667", "English", ...


# Bodies whose name is printed at the top of their documents' pages (en, zh).
BODIES = {
    "Conference on Disarmament": "Conference on Disarmament",
    "裁军谈判会议": "裁军谈判会议",
    "General Assembly": "General Assembly",
    "大会": "大会",
    "Security Council": "Security Council",
    "安全理事会": "安全理事会",
    "Economic and Social Council": "Economic and Social Council",
    "经济及社会理事会": "经济及社会理事会",
    "Human Rights Council": "Human Rights Council",
    "人权理事会": "人权理事会",
}

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_LANGUAGES = {
    "Chinese": "Chinese", "English": "English", "French": "French", "Spanish": "Spanish",
    "Russian": "Russian", "Arabic": "Arabic", "中文": "Chinese", "英文": "English",
    "法文": "French", "西班牙文": "Spanish", "俄文": "Russian", "阿拉伯文": "Arabic",
}

_SYMBOL = re.compile(r"^(?=[^ ]*\d)[A-Z]{1,10}(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?\*?$")
# job number, optionally with the page number before or after it and date stamps
_JOB = re.compile(
    r"^(?:\d{1,3}\s+)?(?P<job>(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?)(?:\s+\d{6}){0,2}(?:\s+\d{1,3})?$"
)
_BARCODE_TEXT = re.compile(r"^\*(\d{2})(\d{5})\*$")
_PAGE = re.compile(r"^(?:\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*/\s*\d{1,3}|第\s*\d{1,3}\s*页|Page \d{1,3}(?: of \d{1,3})?)$")
_ORIGINAL = re.compile(r"^(?:Original\s*:\s*(?P<en>[A-Z][a-z]+)|原\s*文\s*[:：]\s*(?P<zh>\S+))$")
_DISTRIBUTION = re.compile(r"^Distr\.?\s*:\s*[A-Z][a-z]+$")
_PRINTER = re.compile(r"^(?:Please recycle|请回收)\s*♲?$|^♲$")
_DATE = re.compile(
    rf"^(?:\d{{1,2}} (?:{_MONTHS}) \d{{4}}|(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)$"
)


def is_private_use(char: str) -> bool:
    return 0xE000 <= ord(char) <= 0xF8FF


def strip_private_use(line: str) -> str:
    """The line without private-use glyphs (barcode fonts, symbol fonts)."""
    return "".join(c for c in line if not is_private_use(c))


def decode_barcode(line: str) -> str | None:
    """The text a barcode-font line encodes (U+F0xx -> ASCII xx), or None if it is not one."""
    glyphs = [c for c in line if not c.isspace()]
    if not glyphs or not all(0xF020 <= ord(c) <= 0xF07E for c in glyphs):
        return None
    return "".join(chr(ord(c) - 0xF000) for c in glyphs)


def classify_line(line: str) -> HeaderLine | None:
    """What header/footer ``line`` is (after stripping), or None when it is text."""
    text = " ".join(line.split())
    if not text:
        return None
    barcode = decode_barcode(text)
    if barcode is not None:
        match = _BARCODE_TEXT.match(barcode)
        return HeaderLine(Role.BARCODE, f"{match.group(1)}-{match.group(2)}" if match else barcode)
    if any(is_private_use(c) for c in text):
        return None
    match = _BARCODE_TEXT.match(text)
    if match:  # the barcode's human-readable line: *1813667*
        return HeaderLine(Role.BARCODE, f"{match.group(1)}-{match.group(2)}")
    if _SYMBOL.match(text):
        return HeaderLine(Role.SYMBOL, text.rstrip("*"))
    match = _JOB.match(text)
    if match:
        return HeaderLine(Role.JOB_NUMBER, re.sub(r"\s+", "", match.group("job")))
    if _PAGE.match(text):
        return HeaderLine(Role.PAGE, text)
    if text in _LANGUAGES:
        return HeaderLine(Role.LANGUAGE, _LANGUAGES[text])
    match = _ORIGINAL.match(text)
    if match:
        value = match.group("en") or _LANGUAGES.get(match.group("zh"), match.group("zh"))
        return HeaderLine(Role.ORIGINAL, value)
    if _PRINTER.match(text):
        return HeaderLine(Role.PRINTER, text)
    if _DISTRIBUTION.match(text):
        return HeaderLine(Role.DISTRIBUTION, text)
    if _DATE.match(text):
        return HeaderLine(Role.DATE, text)
    if text in BODIES:
        return HeaderLine(Role.BODY, BODIES[text])
    return None
