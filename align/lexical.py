"""Lexical evidence that embeddings see poorly: numbers, symbols, Latin-script names, marks.

A token is *evidence* only if it occurs on both sides of the document pair — numbers
(``2018``, ``1,000``, ``３``, ``二十一``, ``twenty-one``), document symbols
(``A/RES/70/1``), Latin-script words in the Chinese text (``UN``, ``COVID``, ``Smith``).
Match counts are kept per sentence pair inside the DP band; span counts are sums of them.

Question and exclamation marks are counted per sentence on both sides: a translation keeps
them far more often than the sentence next to it has the same ones (MAC-Test gold 1-1 pairs:
same number of ``?`` 97 %, against 88 % for the Chinese sentence with the next English one).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from align.anchors import reach_ranges
from align.cedict import load as load_dictionary
from align.names import name_tokens
from align.pair_counts import PairCounts

# document symbols like A/RES/70/1, S/2018/123, CD/2133 stay one token
_SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.]+)+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z\-']*[A-Za-z]|[A-Z]")
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万]+")

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_EN_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_EN_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(_EN_TENS) + r")(?:-(" + "|".join(list(_EN_SMALL)[1:10]) + r"))?|("
    + "|".join(list(_EN_SMALL)[3:]) + r"))\b",
    re.IGNORECASE,
)
# Word and Chinese-character numerals below this are mostly articles ("a", 一个) not numbers.
MIN_WORD_NUMBER = 3


def zh_numeral_value(text: str) -> int | None:
    """Value of a Chinese numeral below 100,000 (``二十一`` -> 21, ``三千零五`` -> 3005)."""
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (1 if digit is None else digit) * _ZH_UNITS[ch]
            digit = None
        elif ch == "万":
            total = (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            return None
    value = total + section + (digit or 0)
    return value


def tokens(text: str, zh: bool) -> set[str]:
    """Candidate evidence tokens of one sentence (before the both-sides filter)."""
    text = unicodedata.normalize("NFKC", text)
    found: set[str] = set()
    for m in _SYMBOL.finditer(text):
        found.add(m.group().upper())
    rest = _SYMBOL.sub(" ", text)
    for m in _NUMBER.finditer(rest):
        found.add("#" + m.group().replace(",", ""))
    if zh:
        for m in _ZH_NUMERAL.finditer(rest):
            value = zh_numeral_value(m.group())
            if value is not None and value >= MIN_WORD_NUMBER:
                found.add(f"#{value}")
        for m in _LATIN.finditer(rest):
            found.add(m.group().lower())
    else:
        for m in _EN_WORD_NUMBER.finditer(rest):
            tens, unit, small = m.groups()
            value = _EN_TENS[tens.lower()] + (_EN_SMALL[unit.lower()] if unit else 0) if tens else _EN_SMALL[small.lower()]
            if value >= MIN_WORD_NUMBER:
                found.add(f"#{value}")
        for m in _LATIN.finditer(rest):
            word = m.group()
            # common English words are never evidence; names and acronyms are capitalised
            if word[0].isupper():
                found.add(word.lower())
    return found


@dataclass(frozen=True)
class LexicalIndex:
    """Per-sentence evidence counts, the sentence-pair match counts inside the band, and each
    side's question and exclamation marks (cumulative, so a run's count is one subtraction)."""

    zh_count: np.ndarray  # evidence tokens per zh sentence
    en_count: np.ndarray  # evidence tokens per en sentence
    matches: PairCounts  # shared tokens of zh i and en j
    names: PairCounts  # pinyin names zh i and en j share (align/names.py)
    zh_marks: np.ndarray  # (sentences + 1, len(MARKS)): each mark's count in zh sentences 0..r-1 (cumulative)
    en_marks: np.ndarray

    def mark_mismatch(self, zs: int, ze: int, m: int, ja: int, jb: int) -> np.ndarray:
        """Marks one side has and the other lacks, summed over the marks, for the beads of zh
        ``zs..ze-1`` with en ``j-m..j-1``, ``j`` in ``ja..jb``."""
        zh = self.zh_marks[ze] - self.zh_marks[zs]
        en = self.en_marks[ja : jb + 1] - self.en_marks[ja - m : jb - m + 1]
        return np.abs(en - zh).sum(axis=1)


# Marks a translation keeps (full-width ones become these under NFKC).
MARKS = ("?", "!")


def marks(text: str) -> list[int]:
    """How often each of ``MARKS`` occurs in a sentence (either language)."""
    text = unicodedata.normalize("NFKC", text)
    return [text.count(mark) for mark in MARKS]


def build_index(zh: Sequence[str], en: Sequence[str], lo: np.ndarray, hi: np.ndarray, reach: int) -> LexicalIndex:
    """Tokens kept only when they occur on both sides of the pair.

    Matches are counted only for the pairs a bead can contain: ``lo``/``hi`` are the DP
    band, ``reach`` the largest bead size (as in :func:`align.translation.build_translation_index`).
    """
    zh_tok = [tokens(t, zh=True) for t in zh]
    en_tok = [tokens(t, zh=False) for t in en]
    common = set().union(*zh_tok) & set().union(*en_tok) if zh_tok and en_tok else set()
    zh_tok = [t & common for t in zh_tok]
    en_tok = [t & common for t in en_tok]
    zh_names, en_names = name_tokens(zh, en, load_dictionary())
    return LexicalIndex(
        zh_count=np.array([len(t) for t in zh_tok], dtype=np.float32),
        en_count=np.array([len(t) for t in en_tok], dtype=np.float32),
        matches=_pair_counts(zh_tok, en_tok, lo, hi, reach, len(en)),
        names=_pair_counts(zh_names, en_names, lo, hi, reach, len(en), np.int8),  # a few names per sentence: a byte each (20k-sentence sides: 12 MB, not 49)
        zh_marks=_cumulative([marks(t) for t in zh]),
        en_marks=_cumulative([marks(t) for t in en]),
    )


def _cumulative(counts: list[list[int]]) -> np.ndarray:
    """Row ``r``: the column sums of ``counts[:r]``."""
    table = np.zeros((len(counts) + 1, len(MARKS)))
    if counts:
        table[1:] = np.cumsum(np.array(counts, dtype=np.float64), axis=0)
    return table


def _pair_counts(
    zh_tok: list[set[str]], en_tok: list[set[str]], lo: np.ndarray, hi: np.ndarray, reach: int, n_en: int, dtype: type = np.int32
) -> PairCounts:
    """How many tokens zh sentence ``r`` and en sentence ``j`` share, for the pairs a bead can contain."""
    where: dict[str, list[int]] = {}
    for j, toks in enumerate(en_tok):
        for t in toks:
            where.setdefault(t, []).append(j)
    counts = PairCounts.zeros(*reach_ranges(lo, hi, reach, n_en), dtype)
    for r, toks in enumerate(zh_tok):
        a, b = counts.span(r)
        row = counts.view(r)
        for t in toks:
            js = where[t]  # every token kept on one side occurs on the other
            for j in js[bisect_left(js, a) : bisect_left(js, b)]:
                row[j - a] += 1
    return counts
