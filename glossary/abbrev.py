"""Short forms defined in the text: ``long form (SHORT)`` in either language.

``nuclear-weapon-free zones (NWFZs)`` defines NWFZ; ``拉丁美洲和加勒比国家共同体(拉加共同体)``
defines 拉加共同体. A definition makes the short form a variant of the long form's row,
and every later occurrence of the short form counts as an occurrence of the concept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossary import en_terms, zh_terms


@dataclass(frozen=True)
class ShortForm:
    """``short`` abbreviates ``long`` (both as written in the text)."""

    short: str
    long: str


_EN_DEF = re.compile(r"\(([A-Z][A-Za-z0-9-]*[A-Z0-9](?:s)?)\)")
_ZH_DEF = re.compile(r"[(（]([\u3400-\u9fff]{2,10})[)）]")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_EN_LINK = frozenset({"of", "the", "and", "for", "on", "to", "in"})


def english(text: str) -> list[ShortForm]:
    """Acronyms defined in ``text``: the letters must match initials of the words before."""
    found = []
    for match in _EN_DEF.finditer(text):
        short = match.group(1)
        letters = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
        letters = "".join(c for c in letters if c.isalpha()).upper()
        if len(letters) < 2 or sum(c.isupper() for c in short) < 2:
            continue
        before = _EN_WORD.findall(text[max(0, match.start() - 200) : match.start()])
        long = _match_initials(before, letters) or _capitalised_run(before, letters[0])
        if long:
            found.append(ShortForm(short, long))
    return found


def _match_initials(words: list[str], letters: str) -> str | None:
    """The shortest tail of ``words`` whose word (and hyphen-part) initials spell ``letters``."""
    for start in range(len(words) - 1, max(-1, len(words) - 12), -1):
        tail = words[start:]
        if tail[0].lower() in _EN_LINK:
            continue
        initials = [part[0].upper() for w in tail for part in w.split("-") if part]
        if initials[0] != letters[0]:
            continue
        if _subsequence(letters, initials) and initials[-1] == letters[-1]:
            return " ".join(tail)
    return None


def _capitalised_run(words: list[str], first: str) -> str | None:
    """A capitalised name just before the brackets, starting with ``first`` (CELAC's case)."""
    start = len(words)
    while start > 0 and (words[start - 1][0].isupper() or words[start - 1] in _EN_LINK):
        start -= 1
    while start < len(words) and not (words[start][0].isupper() and words[start][0] == first):
        start += 1
    tail = words[start:]
    return " ".join(tail) if len(tail) >= 2 and tail[-1][0].isupper() else None


def _subsequence(letters: str, initials: list[str]) -> bool:
    position = 0
    for initial in initials:
        if position < len(letters) and initial == letters[position]:
            position += 1
    return position == len(letters)


def chinese(text: str) -> list[ShortForm]:
    """Short forms defined in Chinese ``text``: their characters appear in order in the long form."""
    text = zh_terms.normalise(text)
    found = []
    for match in _ZH_DEF.finditer(text):
        short = match.group(1)
        before = text[max(0, match.start() - 30) : match.start()]
        start = _chars_in_order(before, short)
        if start is None:
            continue
        long = before[start:]
        if len(long) > len(short) and re.fullmatch(r"[\u3400-\u9fff]+", long):
            found.append(ShortForm(short, long))
    return found


def _chars_in_order(before: str, short: str) -> int | None:
    """Where the shortest suffix of ``before`` holding ``short``'s characters in order begins."""
    position = len(before)
    for char in reversed(short):
        position = before.rfind(char, 0, position)
        if position < 0:
            return None
    # the long form must end where the brackets open: its last character is the short form's
    return position if before.endswith(short[-1]) else None


def english_key(form: ShortForm) -> tuple[str, str]:
    """The folded candidate keys of an English definition (short, long)."""
    return en_terms.fold((form.short,)), en_terms.fold(tuple(form.long.split()))
