"""Splitting a paragraph into sentences, Chinese and English, by explicit rules.

Chinese: a sentence ends at 。！？ (and ?!), together with any closing quotes and
brackets that follow (“……。” ends with the quote, unless the sentence goes on:
“……。”的决议), and at an ellipsis that closes a quotation (……”). A terminal mark inside
brackets or 《》 does not end the sentence; one inside quotation marks does, as in English.
；does not split by default: UN English keeps the matching clauses in one sentence joined
by ";", so splitting only the Chinese would turn 1:1 pairs into 2:1; ``semicolons=True``
splits on ；/; in both languages.

English: a sentence ends at . ! ? or an ellipsis followed by space and a capital, a digit
or an opening quote, except after an abbreviation (para., No. 5, e.g., U.N., Mr., ...),
an initial ("J. Smith") or inside a number ("2.5", "A/HRC/39/L.1"). Rules rather than
pysbd (0.3.4): it splits "See para. | 5 of ...", "paras. | 3-5" and "Vol. | II"; these
rules are small enough to test case by case (tests/test_sentences.py).
"""

from __future__ import annotations

import re

from align.document import Lang

__all__ = ["ABBREVIATIONS", "NUMBERING_ABBREVIATIONS", "split_sentences"]

# Never end a sentence (lower-cased, without the final period).
ABBREVIATIONS = frozenset(
    "e.g i.e u.n u.s u.k mr mrs ms dr prof st cf vs viz approx jr sr inc ltd co gen amb "
    "rep dept govt corp est op cit ibid al fig figs ch chap sect sects nn v".split()
)
# End a sentence unless a number follows ("No. 5", "paras. 3-5", "Vol. II", "art. 6"):
# on their own they are ordinary words ("the answer is no.", "state of the art.").
NUMBERING_ABBREVIATIONS = frozenset("no nos para paras art arts vol vols add rev corr p pp s ss sec secs".split())

_ZH_TERMINAL = "。！？!?"
# Brackets and title marks hold their sentence together; quotation marks do not (a quoted
# passage of several sentences splits, as the English splitter splits it too).
_OPENERS = "《（(【[〔"
_CLOSERS = "》）)】]〕"
_PAIRS = dict(zip(_CLOSERS, _OPENERS))
_QUOTE_CLOSERS = "”’」』\"'"
_TRAILERS = _CLOSERS + _QUOTE_CLOSERS
# After a quotation closing on 。, these carry the same sentence on.
_CONTINUES = frozenset("的之等与和及或中里，、；：,;:")

_EN_CANDIDATE = re.compile(r"(\.\.\.|…|[.!?])([”’\"')\]]*)(\s+)(?=\S)")
_ROMAN_OR_NUMBER = re.compile(r"^[(\[]?(?:\d|[IVXLC]+\b)")


def split_sentences(text: str, lang: Lang, *, semicolons: bool = False) -> list[str]:
    """The sentences of one paragraph, stripped, in order; never empty for non-blank text."""
    text = text.strip()
    if not text:
        return []
    if lang is Lang.ZH:
        sentences = _split_zh(text, semicolons, respect_brackets=True)
    else:
        sentences = _split_en(text, semicolons)
    return [s for s in (part.strip() for part in sentences) if s]


# --- Chinese -------------------------------------------------------------------------


def _split_zh(text: str, semicolons: bool, respect_brackets: bool) -> list[str]:
    terminals = _ZH_TERMINAL + ("；;" if semicolons else "")
    stack: list[str] = []
    pieces: list[str] = []
    start = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char in _OPENERS:
            stack.append(char)
            i += 1
            continue
        if char in _CLOSERS:
            if stack and stack[-1] == _PAIRS[char]:
                stack.pop()
            i += 1
            continue
        end = i + 1
        if char == "…":
            while end < len(text) and text[end] == "…":
                end += 1
            if end >= len(text) or text[end] not in _QUOTE_CLOSERS:
                i = end
                continue  # an ellipsis ends a sentence only where it ends a quotation: ……”
        elif char not in terminals:
            i += 1
            continue
        while end < len(text) and text[end] in terminals:
            end += 1  # "？！" and "。。" stay together
        while end < len(text) and text[end] in _TRAILERS:
            closer = text[end]
            if stack and closer in _PAIRS and stack[-1] == _PAIRS[closer]:
                stack.pop()
            end += 1
        closed_quote = text[end - 1] in _TRAILERS
        if closed_quote and end < len(text) and text[end] in _CONTINUES:
            pass  # “……。”的决议: the quotation ended, the sentence goes on
        elif not stack or not respect_brackets:
            pieces.append(text[start:end])
            start = end
        i = end
    if stack and respect_brackets:
        # an unbalanced bracket (a typo, or a cut in the extraction) would glue everything
        # after it into one sentence: split as if there were no brackets
        return _split_zh(text, semicolons, respect_brackets=False)
    pieces.append(text[start:])
    return pieces


# --- English -------------------------------------------------------------------------


def _split_en(text: str, semicolons: bool) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _EN_CANDIDATE.finditer(text):
        if _ends_sentence(text, match):
            pieces.append(text[start : match.end(2)])
            start = match.end()
    pieces.append(text[start:])
    if not semicolons:
        return pieces
    return [part for piece in pieces for part in re.split(r"(?<=;)\s+", piece)]


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() :]
    first = following[0]
    if first.islower():
        return False
    if not (first.isupper() or first.isdigit() or first in "“‘\"'([" or ord(first) > 0x2E80):
        return False
    mark = match.group(1)
    if mark in ("...", "…") and text[match.start(1) - 1 : match.start(1)] in ("[", "("):
        return False  # "[...]" marks an omission inside a quotation
    if mark != ".":
        return True  # ! ? and ellipses before a capital end the sentence
    token = text[: match.start(1)].rsplit(None, 1)[-1] if text[: match.start(1)].strip() else ""
    token = token.lstrip("“‘\"'([").rsplit("/", 1)[-1]  # "A/73/123/Add." -> "Add"
    lowered = token.lower()
    if lowered in ABBREVIATIONS:
        return False
    if lowered in NUMBERING_ABBREVIATIONS:
        return not _ROMAN_OR_NUMBER.match(following)
    if lowered == "etc":
        return True  # "etc." before a capital ends the sentence; mid-sentence no capital follows
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. Smith"
    if "." in token and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token.rsplit("-", 1)[-1]):
        return False  # U.N., U.S.A., e.g. written with capitals
    return True
