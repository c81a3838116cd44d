"""Numbers, dates and symbols as comparable tokens, so zh and en can be checked against each other.

``extract_numbers(text, lang)`` returns, in text order, tokens that come out the same
for a Chinese sentence and its English translation:

==============================  ==================================  ====================
Chinese                         English                             token
==============================  ==================================  ====================
2017 年 7 月 7 日               7 July 2017                         ``2017-07-07``
2014 年 1 月 28 至 29 日        28 and 29 January 2014              ``2014-01-28``, ``2014-01-29``
2018 年 8 月                    August 2018                         ``2018-08``
9 月 26 日                      26 September                        ``--09-26``
第 68/32 号决议                 resolution 68/32                    ``68/32``
CD/2133 号文件                  document CD/2133                    ``CD/2133``
第 487（1981）号决议            resolution 487 (1981)               ``487(1981)``
第二次 / 第二届                 Second / 2nd                        ``ord:2``
50 周年                         fiftieth anniversary                ``ord:50``
第六条                          article VI / article 6              ``6``
1960 年代                       1960s                               ``1960s``
百分之十 / 10%                  10 per cent / 10%                   ``10%``
1,000 / 1000                    1,000                               ``1000``
3 万                            30,000 / 30 thousand                ``30000``
二十一国集团 / 21 国集团        Group of 21                         ``21``
==============================  ==================================  ====================

Cardinal number *words* (three, 三个) are left out on purpose: Chinese numerals sit
inside ordinary words (一致, 统一, 三大支柱) and would flood the comparison with noise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from align.document import Lang
from align.normalize import fold

__all__ = ["extract_numbers", "chinese_numeral"]

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS)

_ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_TENS_ORDINAL = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_NUM = "[零〇一二两三四五六七八九十百千]+"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_Token = tuple[int, str]  # (position in the folded text, token)


def extract_numbers(text: str, lang: Lang) -> tuple[str, ...]:
    """Comparable tokens for the numbers, dates and symbols in ``text``, in text order."""
    folded = fold(text)
    found: list[_Token] = []
    stages = _ZH_STAGES if lang is Lang.ZH else _EN_STAGES
    masked = folded
    for stage in stages:
        masked = stage(masked, found)
    return tuple(token for _, token in sorted(found, key=lambda item: item[0]))


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _regex_stage(pattern: re.Pattern[str], make: Callable[[re.Match[str]], str | None]) -> Callable:
    def stage(text: str, found: list[_Token]) -> str:
        for match in list(pattern.finditer(text)):
            token = make(match)
            if token is not None:
                found.append((match.start(), token))
                text = _mask(text, match.start(), match.end())
        return text

    return stage


def _number(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _plain(raw: str) -> str:
    return _number(float(raw.replace(",", "").replace(" ", "")))


# --- shared stages -------------------------------------------------------------------

_SYMBOL = re.compile(
    r"(?<![\w/])(?:[A-Z]{1,10}(?:/[A-Za-z0-9.\-]+)*/\d[\w.\-]*(?:/[A-Za-z0-9.\-]+)*(?:\s?\(\d{4}\))?"
    r"|\d{1,4}\s?\((?:19|20)\d{2}\)"
    r"|\d{1,3}/\d{1,4}(?![/\d]))",
    re.ASCII,
)
_symbols = _regex_stage(_SYMBOL, lambda m: re.sub(r"\s+", "", m.group(0)).rstrip(".-"))

_PERCENT_EN = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)")
_PERCENT_ZH = re.compile(rf"(\d+(?:,\d{{3}})*(?:\.\d+)?)\s?%|百分之(\d+(?:\.\d+)?|{_ZH_NUM})")


def _percent_zh(match: re.Match[str]) -> str | None:
    raw = match.group(1) or match.group(2)
    value = chinese_numeral(raw) if raw and not raw[0].isdigit() else float(raw.replace(",", ""))
    return None if value is None else f"{_number(value)}%"


_MULTIPLIER_EN = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s(thousand|million|billion)\b")
_MULTIPLIER_ZH = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(千万|百万|万|亿)")
_FACTORS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8}


def _multiplied(match: re.Match[str]) -> str:
    # round away float noise: 2.639 * 1e8 is 263899999.99999997
    return _number(round(float(match.group(1).replace(",", "")) * _FACTORS[match.group(2)], 6))


_multipliers_en = _regex_stage(_MULTIPLIER_EN, _multiplied)
_multipliers_zh = _regex_stage(_MULTIPLIER_ZH, _multiplied)

# clock times, 24-hour: "12.40 p.m." / "下午12时40分" -> "12:40"; "10 a.m." / "上午10时" -> "10:00"
_TIME_EN = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s?([ap])\.m\.", re.ASCII)
_TIME_ZH = re.compile(r"(上午|下午|晚上|中午|凌晨)?(\d{1,2})时(?:(\d{1,2})分)?")


def _clock(hour: int, minute: int, afternoon: bool) -> str | None:
    if afternoon and hour < 12:
        hour += 12
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


_times_en = _regex_stage(_TIME_EN, lambda m: _clock(int(m.group(1)), int(m.group(2) or 0), m.group(3) == "p"))
_times_zh = _regex_stage(
    _TIME_ZH, lambda m: _clock(int(m.group(2)), int(m.group(3) or 0), m.group(1) in ("下午", "晚上"))
)

# thousands separated by commas, or by spaces as UN Chinese writes them ("483 918"); a
# number starts after a non-word character or a currency code written against it (UN
# English "Euro475,000", "US$"), never inside a word ("G21") or a digit group
_START = r"(?:(?<![\w.])|(?<=Euro)|(?<=EUR)|(?<=USD)|(?<=CHF)|(?<=SwF)|(?<=GBP))"
_PLAIN = re.compile(rf"{_START}\d{{1,3}}(?:(?:,\d{{3}})+|(?: \d{{3}})+)(?:\.\d+)?(?![\d])|{_START}\d+(?:\.\d+)?(?![\d])", re.ASCII)
_plain_numbers = _regex_stage(_PLAIN, lambda m: _plain(m.group(0)))


def _first_group_any(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g is not None)


# --- English -------------------------------------------------------------------------

_DECADE_EN = re.compile(r"\b(1[5-9]\d0|20\d0)'?s\b", re.ASCII)
_ORDINAL_EN = re.compile(
    r"\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?"
    r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|"
    r"fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)\b|\b(\d+)(?:st|nd|rd|th)\b",
    re.IGNORECASE | re.ASCII,
)
_ROMAN_REF = re.compile(r"\b(?:[Aa]rticle|[Cc]hapter|[Ss]ection|[Pp]art|[Aa]nnex|[Pp]illar)\s+([IVXLC]+)\b")


def _ordinal_en(match: re.Match[str]) -> str:
    if match.group(3):
        return f"ord:{int(match.group(3))}"
    word = match.group(2).lower()
    value = _ORDINAL_WORDS.get(word) or _TENS_ORDINAL[word]
    if match.group(1):
        value += _TENS[match.group(1).lower()]
    return f"ord:{value}"


def _roman(numeral: str) -> int:
    total = 0
    for char, after in zip(numeral, numeral[1:] + " "):
        value = _ROMAN[char]
        total += -value if after in _ROMAN and _ROMAN[after] > value else value
    return total


_DATE_ITEM_EN = re.compile(rf"\b({_MONTH_RE})\b|(?<![\w.,/])(\d{{1,4}})(?:st|nd|rd|th)?\b(?![.,]\d|/)", re.ASCII)
_CONNECTOR_EN = re.compile(r"^(?:\s|,|and|to|from|until|till|through|between|-|–|—)*$")


def _dates_en(text: str, found: list[_Token]) -> str:
    items = [(m.start(), m.end(), m.group(1), m.group(2)) for m in _DATE_ITEM_EN.finditer(text)]
    runs: list[list[tuple[int, int, str | None, str | None]]] = []
    for item in items:
        if runs and _CONNECTOR_EN.match(text[runs[-1][-1][1] : item[0]]):
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        if any(month for _, _, month, _ in run):
            text = _resolve_en_run(text, run, found)
    return text


def _resolve_en_run(text: str, run: list, found: list[_Token]) -> str:
    entries: list[list] = []  # [position, year, month, day]
    pending: list[tuple[int, int, int]] = []  # days waiting for their month: (start, end, day)
    used: list[tuple[int, int]] = []
    previous_month_end = None
    for start, end, month, number in run:
        if month:
            index = _MONTHS.index(month.lower()) + 1
            if pending:
                entries.extend([p[0], None, index, p[2]] for p in pending)
                used.extend((p[0], p[1]) for p in pending)
                pending = []
            else:
                entries.append([start, None, index, None])
            used.append((start, end))
            previous_month_end = end
            continue
        value = int(number)
        just_after_month = previous_month_end is not None and not text[previous_month_end:start].strip(" ,")
        if len(number) == 4 and 1000 <= value <= 2999 and just_after_month:
            for entry in entries:
                if entry[1] is None:
                    entry[1] = value
            used.append((start, end))
        elif just_after_month and value <= 31 and entries and entries[-1][3] is None:
            entries[-1][3] = value  # "March 27" (month first)
            used.append((start, end))
            previous_month_end = end  # so that "March 27, 2017" takes its year
            continue
        elif value <= 31 and len(number) <= 2:
            pending.append((start, end, value))
        previous_month_end = None
    for position, year, month, day in entries:
        token = _date_token(year, month, day)
        if token:
            found.append((position, token))
    for start, end in used:
        text = _mask(text, start, end)
    return text


def _date_token(year: int | None, month: int, day: int | None) -> str | None:
    if day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if year else None


_EN_STAGES = (
    _symbols,
    _times_en,
    _regex_stage(_PERCENT_EN, lambda m: f"{_plain(m.group(1))}%"),
    _regex_stage(_DECADE_EN, lambda m: f"{m.group(1)}s"),
    _dates_en,
    _regex_stage(_ROMAN_REF, lambda m: str(_roman(m.group(1)))),
    _regex_stage(_ORDINAL_EN, _ordinal_en),
    _multipliers_en,
    _plain_numbers,
)


# --- Chinese -------------------------------------------------------------------------


def chinese_numeral(text: str) -> int | None:
    """二十五 -> 25, 一百零一 -> 101, 十 -> 10; None if ``text`` is not a Chinese numeral."""
    if not text or any(c not in _ZH_DIGITS and c not in _ZH_UNITS for c in text):
        return None
    total = 0
    digit = None
    for char in text:
        if char in _ZH_DIGITS:
            digit = _ZH_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _ZH_UNITS[char]
            digit = None
    return total + (digit or 0)


def _zh_value(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else chinese_numeral(raw)


_DECADE_ZH = re.compile(r"(\d{4})年代")
# 第X + a counter is an ordinal ("第二次" second, "第一个" first); 第X条/段 is a number (below)
_ORDINAL_ZH = re.compile(rf"第(\d+|{_ZH_NUM})(?:次|届|个|项|种|轮|阶段|期|批|天|位)|(\d+|{_ZH_NUM})周年|首(?:次|届|个)")
_ARTICLE_ZH = re.compile(rf"第({_ZH_NUM})(?=条|款|段|章|节|部分|项|支柱)")
_GROUP_ZH = re.compile(rf"({_ZH_NUM})(?=国集团)")
_DATE_ITEM_ZH = re.compile(r"(\d{4})年(?!代)|(\d{1,2})月|(\d{1,2})日|(\d{1,2})(?=(?:至|到|-|–|—|和|、|及)\d{1,2}日)")
_CONNECTOR_ZH = re.compile(r"^(?:\s|至|到|-|–|—|和|、|及|以及|或)*$")


def _ordinal_zh(match: re.Match[str]) -> str | None:
    if match.group(0).startswith("首"):
        return "ord:1"
    value = _zh_value(match.group(1) or match.group(2))
    return None if value is None else f"ord:{value}"


def _dates_zh(text: str, found: list[_Token]) -> str:
    year = month = None
    year_pos = month_pos = None
    year_open = month_open = False  # seen but not yet used by a fuller date
    last_end = None
    spans: list[tuple[int, int]] = []

    def close() -> None:
        nonlocal year_open, month_open
        if month_open and year is not None:
            found.append((month_pos, f"{year:04d}-{month:02d}"))
        elif year_open and not month_open:
            found.append((year_pos, str(year)))
        year_open = month_open = False

    for match in _DATE_ITEM_ZH.finditer(text):
        if last_end is not None and not _CONNECTOR_ZH.match(text[last_end : match.start()]):
            close()
            year = month = None
        if match.group(1):
            close()
            year, month, year_pos, year_open = int(match.group(1)), None, match.start(), True
        elif match.group(2):
            if month_open and year is not None:
                found.append((month_pos, f"{year:04d}-{month:02d}"))
            month, month_pos, month_open = int(match.group(2)), match.start(), True
        else:
            day = int(match.group(3) or match.group(4))
            if month is None:
                last_end = None
                continue  # "3 日" alone: a plain number, left for later
            found.append((match.start(), _date_token(year, month, day)))
            year_open = month_open = False
        spans.append((match.start(), match.end()))
        last_end = match.end()
    close()
    for start, end in spans:
        text = _mask(text, start, end)
    return text


_ZH_STAGES = (
    _symbols,
    _times_zh,
    _regex_stage(_PERCENT_ZH, _percent_zh),
    _regex_stage(_DECADE_ZH, lambda m: f"{m.group(1)}s"),
    _dates_zh,
    _regex_stage(_ORDINAL_ZH, _ordinal_zh),
    _regex_stage(_ARTICLE_ZH, lambda m: str(chinese_numeral(m.group(1)))),
    _regex_stage(_GROUP_ZH, lambda m: str(chinese_numeral(m.group(1)))),
    _multipliers_zh,
    _plain_numbers,
)
