"""List labels for .docx paragraphs: Word computes "1.", "(a)", "iv." at display time.

python-docx shows a numbered paragraph's text without its number. The number comes from
the paragraph's (or its style's) ``w:numPr`` (list id, level) and the numbering part's
level definitions (format, pattern such as ``%1.`` or ``(%2)``, start value), counted in
document order. Bullets give no label.
"""

from __future__ import annotations

import re

__all__ = ["DocxNumbering"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxNumbering:
    """Synthesises list labels ("1.", "(a)") that Word computes but python-docx does not show."""

    def __init__(self, document) -> None:  # noqa: ANN001 - a python-docx Document
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for node in root.iter(f"{_W}abstractNum"):
            abstract[node.get(f"{_W}abstractNumId")] = node
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is None:
                continue
            for level in definition.iter(f"{_W}lvl"):
                fmt = level.find(f"{_W}numFmt")
                text = level.find(f"{_W}lvlText")
                start = level.find(f"{_W}start")
                self._levels[(num.get(f"{_W}numId"), int(level.get(f"{_W}ilvl", "0")))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "%1.",
                    int(start.get(f"{_W}val")) if start is not None else 1,
                )

    def label(self, paragraph) -> str | None:  # noqa: ANN001 - a python-docx Paragraph
        num_pr = self._num_pr(paragraph)
        if num_pr is None:
            return None
        num_id, ilvl = num_pr
        fmt, pattern, start = self._levels.get((num_id, ilvl), ("decimal", f"%{ilvl + 1}.", 1))
        if fmt in ("bullet", "none"):
            return None
        counters = self._counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            counters.append(0)
        del counters[ilvl + 1 :]  # a deeper list restarts under a new parent item
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start

        def render(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            value = counters[level] if level < len(counters) and counters[level] else 1
            level_fmt = self._levels.get((num_id, level), (fmt,))[0]
            return _format_number(value, level_fmt)

        return re.sub(r"%(\d)", render, pattern) or None

    @staticmethod
    def _num_pr(paragraph) -> tuple[str, int] | None:  # noqa: ANN001
        sources = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:  # numbering may come from the paragraph style chain
            sources.append(style.element.pPr)
            style = style.base_style
        for ppr in sources:
            if ppr is None:
                continue
            num_pr = ppr.find(f"{_W}numPr")
            if num_pr is None:
                continue
            num_id = num_pr.find(f"{_W}numId")
            ilvl = num_pr.find(f"{_W}ilvl")
            if num_id is None or num_id.get(f"{_W}val") == "0":
                return None
            return num_id.get(f"{_W}val"), int(ilvl.get(f"{_W}val")) if ilvl is not None else 0
        return None


def _format_number(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperRoman":
        return _roman(value)
    return str(value)


def _letters(value: int) -> str:
    # Word repeats the letter past z: 27 -> "aa"
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for number, numeral in numerals:
        count, value = divmod(value, number)
        out.append(numeral * count)
    return "".join(out)
