"""Names romanised in pinyin: an English capitalised word that spells the readings of
consecutive Chinese characters (王琦瑶 ↔ Wang Qiyao, 毛泽东 ↔ Mao Zedong).

Translations from Chinese keep the characters' names in pinyin, and a sentence vector barely
tells one name from another. On MAC-Test 22.6 % of the gold 1-1 pairs share such a name, the
Chinese sentence with the next English sentence 6.4 %. A word counts as a name only if it is
capitalised, not a function word and never written in lower case in the English document (so a
sentence-initial "Men" or "Long" does not match 们 or 龙), and only if both sides of the
document pair have it.
"""

from __future__ import annotations

import re
from typing import Sequence

from align.cedict import Dictionary
from align.english import STOP

_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_LOWER = re.compile(r"\b[a-z]+\b")
# A name word spells at most this many characters (Qiyao, Zedong: 2; Ouyang: 2).
LONGEST = 3


def english_names(text: str) -> set[str]:
    """Capitalised words of ``text`` that may be pinyin names, lower-cased."""
    words = {w.lower() for w in _CAPITALISED.findall(text)}
    return {w for w in words if len(w) >= 2 and w not in STOP}


def chinese_names(text: str, wanted: set[str], dictionary: Dictionary, prefixes: set[str] | None = None) -> set[str]:
    """Those of ``wanted`` that the readings of 1 to ``LONGEST`` consecutive characters of
    ``text`` spell (``prefixes``: every prefix of a wanted name, if already made)."""
    if prefixes is None:
        prefixes = _prefixes(wanted)
    found: set[str] = set()
    for start in range(len(text)):
        spelled = {""}
        for char in text[start : start + LONGEST]:
            spelled = {s + r for s in spelled for r in dictionary.readings.get(char, ()) if s + r in prefixes}
            if not spelled:
                break
            found |= spelled & wanted
    return found


def name_tokens(zh: Sequence[str], en: Sequence[str], dictionary: Dictionary) -> tuple[list[set[str]], list[set[str]]]:
    """Each sentence's pinyin names, kept only when both sides of the pair have them."""
    lower = {w for t in en for w in _LOWER.findall(t)}
    en_names = [english_names(t) - lower for t in en]
    wanted = set().union(*en_names)
    prefixes = _prefixes(wanted)
    zh_names = [chinese_names(t, wanted, dictionary, prefixes) for t in zh]
    found = set().union(*zh_names)
    return zh_names, [names & found for names in en_names]


def _prefixes(names: set[str]) -> set[str]:
    return {name[:k] for name in names for k in range(1, len(name) + 1)}
