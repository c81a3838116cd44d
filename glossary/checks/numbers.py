"""number-mismatch: numbers, dates, percentages and symbols that differ across a link.

Values come from :func:`align.numbers.extract_numbers`, which normalises both languages to
one form (``2017 年 7 月 7 日`` and ``7 July 2017`` give the same value; ``68/32``,
``CD/2133`` and ``487 (1981)`` are kept whole; 第二次 and second both give ``ord:2``).
As for terms, neighbouring links are counted before a value is reported missing. A value
one side repeats and the other names once is a repeat folded into one phrase (the 1995
resolution of the 1995 Conference -> 1995 年...大会...决议), not a wrong number: a changed
value still shows as missing on one side and extra on the other.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from align.document import Lang
from align.numbers import extract_numbers
from glossary.checks.pair import Context, Pair, finding
from glossary.finding import CheckId, Finding, Side, Span

_DIGITS = re.compile(r"\d+")
# a paragraph number opening a segment ("9. ", "18A.128 ", "1．") on one side only is
# structure, not content: sentence splitters keep it on one side only
_LABEL = re.compile(r"^\s*(?:\d+[A-Z]\.\d+|\d+(?:\.\d+)*[.．]|\(\d+\)|（\d+）)(?!\d)")
# small cardinals are often words on one side (one, 1个 / 一个, two, 两): a value up to ten
# counts as present where its word is
_WORDS = {
    Lang.EN: {n: w for n, w in enumerate("zero one two three four five six seven eight nine ten".split())},
    Lang.ZH: {n: w for n, w in enumerate("零一二三四五六七八九十")} | {2: "二两"},
}


_GLOSS = re.compile(r"[(（]([^()（）]{1,20})[)）]")


def _label(text: str) -> str | None:
    match = _LABEL.match(text)
    return match.group().strip().rstrip(".．") if match else None


def _values(text: str, lang: Lang, other: str) -> Counter[str]:
    """Values of a segment; a short bracketed gloss repeating a value said just before it
    (第一届特别会议(第一届裁军特别联大)) names it once, as the other language does. An
    opening paragraph number counts only when the other side has one too."""
    if not text.strip():
        return Counter()
    if _label(other) is None:
        text = _LABEL.sub("", text, count=1)
    values = Counter(extract_numbers(text, lang))
    for match in _GLOSS.finditer(text):
        inside = Counter(extract_numbers(match.group(1), lang))
        before = Counter(extract_numbers(text[: match.start()], lang))
        values -= Counter({v: min(n, before[v]) for v, n in inside.items() if before[v]})
    return values


_ZH_DIGITS = "零一二三四五六七八九"
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万]+")


def _zh_numeral(n: int) -> str:
    """``n`` (11-9999) in Chinese numerals as written in running text: 二十三, 一百零五."""
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit:
            out += ("零" if zero and out else "") + ("" if unit == 10 and not out and digit == 1 else _ZH_DIGITS[digit]) + name
            zero = False
        else:
            zero = True
    return out


def _spelled(value: str, text: str, lang: Lang) -> bool:
    """Whether a cardinal ``value`` is written in words in ``text``: up to ten in either
    language, and any up to 9999 in Chinese numerals (第二十三和二十四条 = arts. 23 and 24)."""
    if not value.isdigit() or int(value) >= 10000:
        return False
    if int(value) > 10:
        return lang is Lang.ZH and _zh_numeral(int(value)) in _ZH_NUMERAL.findall(text)
    word = _WORDS[lang][int(value)]
    if lang is Lang.EN:
        return re.search(rf"\b{word}\b", text, re.IGNORECASE) is not None
    return any(ch in text for ch in word)


def _highlight(text: str, values: Sequence[str], side: Side) -> list[Span]:
    """Best effort: a value where it occurs as written (CD/2133), else its digit runs."""
    out: list[Span] = []
    digits: set[int] = set()
    for value in values:
        at = text.find(value)
        if at >= 0:
            out.append(Span(side, at, at + len(value)))
        else:
            digits.update(int(d) for d in _DIGITS.findall(value))  # "2017-07-07" has 07, the text 7
    out.extend(Span(side, m.start(), m.end()) for m in _DIGITS.finditer(text) if int(m.group()) in digits)
    return sorted(out, key=lambda s: s.start)


def _unbalanced(
    diff: Counter[str], here: Counter[str], around: Counter[str], around_other: Counter[str], other_text: str, other_lang: Lang
) -> Counter[str]:
    """The values of ``diff`` (found here, not on the other side) that count: not balanced out
    by the neighbourhood, not a repeat the other side names once nearby, not spelled out there."""
    return Counter(
        {
            v: n
            for v, n in diff.items()
            if around[v] > around_other[v] and not (here[v] > 1 and around_other[v]) and not _spelled(v, other_text, other_lang)
        }
    )


def find(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    """One finding per link whose values differ, naming what is missing and what is extra."""
    src = [_values(p.source, context.source_lang, p.target) for p in pairs]
    tgt = [_values(p.target, context.target_lang, p.source) for p in pairs]
    out: list[Finding] = []
    w = context.config.window
    for i, pair in enumerate(pairs):
        if not pair.source.strip() or not pair.target.strip():
            continue
        missing = src[i] - tgt[i]
        extra = tgt[i] - src[i]
        if not missing and not extra:
            continue
        near = range(max(0, i - w), min(len(pairs), i + w + 1))
        around_src = sum((src[j] for j in near), Counter())
        around_tgt = sum((tgt[j] for j in near), Counter())
        missing = _unbalanced(missing, src[i], around_src, around_tgt, pair.target, context.target_lang)
        extra = _unbalanced(extra, tgt[i], around_tgt, around_src, pair.source, context.source_lang)
        if not missing and not extra:
            continue
        gone, added = sorted(missing.elements()), sorted(extra.elements())
        parts = ([f"missing {', '.join(gone)}"] if gone else []) + ([f"extra {', '.join(added)}"] if added else [])
        out.append(
            finding(
                CheckId.NUMBER_MISMATCH,
                pair,
                context,
                expected=", ".join(gone),
                found=", ".join(added),
                note="; ".join(parts),
                spans=_highlight(pair.source, gone, Side.SOURCE) + _highlight(pair.target, added, Side.TARGET),
            )
        )
    return out
