"""How well a Chinese term and an English term translate each other, by CC-CEDICT
(:mod:`align.cedict`), for the glossary's pairing."""

from __future__ import annotations

import re

from align.cedict import NUMBER, Dictionary, english_stems, stem

ZH_LIGHT = ("的", "之", "具有", "关于")
_NAME = re.compile(r"\b[A-Z][a-z]+\b")
# characters Chinese uses to spell foreign names by sound
TRANSLITERATION = frozenset(
    "阿埃艾爱安奥巴拔班邦贝本比波伯布查达戴丹德迪蒂丁杜多厄恩法菲芬弗福盖冈戈格瓜圭哈海汉豪赫亨胡霍基吉"
    "贾杰喀卡凯坎科克肯库奎拉莱兰朗劳勒雷里利林隆卢鲁伦罗洛马迈麦曼梅门蒙米莫姆穆纳奈南尼涅纽努诺帕潘佩彭"
    "皮普奇恰乔切琼丘萨塞桑瑟森沙什斯苏索塔泰坦汤特提图托瓦万威维沃乌西希锡夏谢辛休雅亚扬耶伊尤约扎泽詹兹"
)


def score(dictionary: Dictionary, zh: str, en: str) -> float:
    """How much of each side the other explains, in [0, 1].

    The smaller of the two shares weighs most: a pair where one side explains only part
    of the other (公约 / comprehensive convention on nuclear weapons) is a partial match.
    Numbers written on both sides (21国集团 / Group of 21) explain each other.
    """
    targets = english_stems(en)
    if not targets or not zh:
        return 0.0
    wanted = set(targets)
    numbers = set(NUMBER.findall(en))
    explained: set[str] = set()
    covered = 0
    for piece in dictionary.segment(zh):
        if piece.isdigit():
            covered += len(piece) if piece in numbers else 0
            continue
        hit = wanted.intersection(dictionary.glosses.get(piece, ()))
        if len(piece) > 1:
            # a headword may match better through its parts (和平区 is also a district's name)
            part_hits = [(part, wanted.intersection(dictionary.glosses.get(part, ()))) for part in dictionary.parts(piece)]
            if len(set().union(*(h for _, h in part_hits))) > len(hit):
                covered += sum(len(part) for part, h in part_hits if h)
                explained |= set().union(*(h for _, h in part_hits))
                continue
        covered += len(piece) if hit else 0
        explained |= hit
    names = [w for w in _NAME.findall(en) if stem(w) not in explained and stem(w) not in dictionary.vocabulary]
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
