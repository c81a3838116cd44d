"""Finding glossary forms in text, the way a terminologist would count them.

English: a form with a capital letter is a proper-noun form and matches case-exactly
(``Member States`` does not match ``member States``); a lower-case form matches any case.
Words may be joined by spaces or hyphens (``nuclear-weapon-free zone`` = ``nuclear weapon free
zone``), and the last word matches singular or plural. Chinese: substring-exact after
folding full-width characters and dropping whitespace (PDF line breaks, ``2018 年``).
Overlapping matches are resolved longest first, so ``无核武器区`` is not also a ``核武器``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Collection, Sequence

from align.document import Lang

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SEP = r"[\s\-\u2010\u2011\u2013]*"  # between words: spaces, hyphens or nothing (peace-keeping)


@dataclass(frozen=True)
class Occurrence:
    """Form number ``key`` of the caller's list found at ``text[start:end]``."""

    key: int
    form: str
    start: int
    end: int


def lang_of_form(form: str) -> Lang:
    """The language a glossary form is written in (any Han character = Chinese)."""
    return Lang.ZH if _CJK.search(form) else Lang.EN


def is_proper(form: str) -> bool:
    """Whether an English form keeps its case when matched (any capital letter)."""
    return any(ch.isupper() for ch in form)


def fold_char(ch: str) -> str:
    """Full-width to half-width for one character, keeping text length unchanged."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def normalise(text: str, lang: Lang) -> tuple[str, list[int]]:
    """Text folded for matching and, per character kept, its offset in ``text``.

    Chinese drops whitespace (a PDF line break may fall inside a term); English keeps it.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if lang is Lang.ZH and ch.isspace():
            continue
        chars.append(fold_char(ch))
        offsets.append(i)
    return "".join(chars), offsets


def _last_word(word: str) -> str:
    """Regex for the last word of an English form: singular or plural."""
    low = word.lower()
    if word.isupper() and len(word) > 1:  # acronym: NWFZ, NWFZs
        return re.escape(word) + "s?"
    if low.endswith("ies") and len(word) > 4:
        return re.escape(word[:-3]) + "(?:y|ies)"
    if re.search(r"(?:s|x|z|ch|sh)es$", low):
        return re.escape(word[:-2]) + "(?:es)?"
    if low.endswith("s") and not low.endswith("ss") and len(word) > 3:
        return re.escape(word[:-1]) + "s?"
    if re.search(r"[^aeiou]y$", low):
        return re.escape(word[:-1]) + "(?:y|ies)"
    if re.search(r"(?:s|x|z|ch|sh)$", low):
        return re.escape(word) + "(?:es)?"
    return re.escape(word) + "s?"


def en_pattern(form: str) -> re.Pattern[str]:
    """Compile an English glossary form (see the module docstring for what it matches)."""
    words = [w for w in re.split(r"[\s\-\u2010\u2011\u2013]+", "".join(map(fold_char, form.strip()))) if w]
    if not words:
        return re.compile(r"(?!x)x")  # matches nothing
    body = _SEP.join([re.escape(w) for w in words[:-1]] + [_last_word(words[-1])])
    flags = 0 if is_proper(form) else re.IGNORECASE
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", flags)


# words after which an English name's modifiers start: "Conference on Disarmament"
_POSTMODIFIER = frozenset({"of", "on", "for", "to", "in", "against", "at", "with"})


def head_word(form: str) -> str:
    """The word an English form is shortened to on a repeat mention: ``Conference on
    Disarmament`` -> ``Conference``, ``Security Council`` -> ``Council``; "" for Chinese."""
    if lang_of_form(form) is Lang.ZH:
        return ""
    words = [w for w in re.split(r"[\s\-\u2010\u2011\u2013]+", form.strip()) if w]
    for i, word in enumerate(words[1:], 1):
        if word.lower() in _POSTMODIFIER:
            return words[i - 1]
    return words[-1] if words else ""


class FormIndex:
    """Forms of one language, compiled once, searched in many segments.

    ``forms`` are ``(key, form)`` pairs; several forms may share a key (a term and its
    variants). Forms in the other language are ignored.
    """

    def __init__(self, forms: Sequence[tuple[int, str]], lang: Lang) -> None:
        self.lang = lang
        self._zh: list[tuple[int, str, str]] = []
        self._en: list[tuple[int, str, re.Pattern[str], str]] = []
        for key, form in forms:
            form = form.strip()
            if not form or lang_of_form(form) is not lang:
                continue
            if lang is Lang.ZH:
                self._zh.append((key, form, normalise(form, Lang.ZH)[0]))
            else:
                # cheap prefilter: the first three letters of the first word, lower-cased
                probe = re.split(r"[\s\-]+", form)[0][:3].lower()
                self._en.append((key, form, en_pattern(form), probe))

    def __bool__(self) -> bool:
        return bool(self._zh or self._en)

    def find(self, text: str, keys: Collection[int] | None = None) -> list[Occurrence]:
        """Non-overlapping occurrences in ``text``, longest first, returned in text order.

        ``keys`` limits the search to those forms (a longer form left out then no longer
        hides the shorter ones inside it).
        """
        norm, offsets = normalise(text, self.lang)
        raw: list[tuple[int, int, int, str]] = []  # (start, end) in norm, key, form
        if self.lang is Lang.ZH:
            for key, form, needle in self._zh:
                if keys is not None and key not in keys:
                    continue
                start = norm.find(needle)
                while start >= 0:
                    raw.append((start, start + len(needle), key, form))
                    start = norm.find(needle, start + len(needle))
        else:
            lower = norm.lower()
            for key, form, pattern, probe in self._en:
                if probe not in lower or (keys is not None and key not in keys):
                    continue
                raw.extend((m.start(), m.end(), key, form) for m in pattern.finditer(norm))
        raw.sort(key=lambda r: (-(r[1] - r[0]), r[0], r[2]))
        taken: list[tuple[int, int]] = []
        chosen: list[Occurrence] = []
        for start, end, key, form in raw:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.append(Occurrence(key, form, offsets[start], offsets[end - 1] + 1))
        return sorted(chosen, key=lambda o: (o.start, o.key))
