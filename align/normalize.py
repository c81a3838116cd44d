"""Folding text for matching only: the displayed text is never changed.

``fold`` makes two renderings of the same content compare equal: full-width digits,
Latin letters and punctuation become half-width (NFKC, one character at a time),
whitespace runs become one space, and spaces between a Chinese character and a digit
or Latin letter are dropped, so ``2018 年 8 月`` and ``2018年8月`` fold alike.
``fold_with_offsets`` also says where each folded character came from, so a match
found in folded text can be highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Folded", "fold", "fold_with_offsets", "is_cjk"]


def is_cjk(char: str) -> bool:
    """True for Han ideographs (the characters that take no spaces between them)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= code <= 0x4DBF  # Extension A
        or 0xF900 <= code <= 0xFAFF  # Compatibility Ideographs
        or 0x20000 <= code <= 0x2FA1F  # Extensions B.. and supplement
        or 0x3007 == code  # 〇
    )


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class Folded:
    """Folded text plus, for each of its characters, the index in the original text."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original-text span ``[start, end)`` covered by folded ``[start, end)``."""
        if start >= end:
            origin = self.offsets[start] if start < len(self.offsets) else self._end()
            return origin, origin
        return self.offsets[start], self.offsets[end - 1] + 1

    def _end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0


def _fold_char(char: str) -> str:
    # Per-character NFKC keeps the offset map exact; the ideographic space and friends
    # become " " and are collapsed below like any other whitespace.
    folded = unicodedata.normalize("NFKC", char)
    return " " if folded.isspace() else folded


def fold_with_offsets(text: str, *, casefold: bool = False) -> Folded:
    """Fold ``text`` for matching and keep, per folded character, its original index."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        if casefold:
            piece = piece.casefold()
        for out in piece:
            if out == " " and (not chars or chars[-1] == " "):
                continue  # collapse runs, drop leading space
            chars.append(out)
            offsets.append(index)
    # second pass: drop the space between a Han character and a digit/Latin letter
    kept_chars: list[str] = []
    kept_offsets: list[int] = []
    for i, out in enumerate(chars):
        if out == " " and 0 < i < len(chars) - 1:
            left, right = chars[i - 1], chars[i + 1]
            if (is_cjk(left) and _is_ascii_alnum(right)) or (_is_ascii_alnum(left) and is_cjk(right)):
                continue
        kept_chars.append(out)
        kept_offsets.append(offsets[i])
    if kept_chars and kept_chars[-1] == " ":
        kept_chars.pop()
        kept_offsets.pop()
    return Folded("".join(kept_chars), tuple(kept_offsets))


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character (same rule as above)."""

    def __init__(self, casefold: bool) -> None:
        super().__init__()
        self._casefold = casefold

    def __missing__(self, code: int) -> str:
        piece = _fold_char(chr(code))
        self[code] = piece = piece.casefold() if self._casefold else piece
        return piece


_TABLES = {False: _FoldTable(False), True: _FoldTable(True)}
_SPACES = re.compile(" {2,}")
_CJK = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3007\U00020000-\U0002fa1f"
_CJK_ALNUM_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[{_CJK}])")


def fold(text: str, *, casefold: bool = False) -> str:
    """Text folded for matching: half-width, whitespace collapsed, no CJK-digit spaces.

    Same result as ``fold_with_offsets(text).text``, several times faster (it is
    called on every sentence by the number checks).

    >>> fold("２０１８ 年 8 月，第 68/32 号")
    '2018年8月,第68/32号'
    """
    folded = _SPACES.sub(" ", text.translate(_TABLES[casefold])).strip(" ")
    return _CJK_ALNUM_SPACE.sub("", folded)
