"""Pair Chinese and English candidates: several kinds of evidence folded into one score.

* co-occurrence in aligned pairs (Dice), trusted more the more often the pair is seen;
* dictionary coverage from CC-CEDICT and, when an encoder is given, the embedding
  similarity of the two phrases: these carry the decision when counts are small;
* defined short forms, which join a variant to its long form;
* term-hood: general words (问题, 国家) and single lowercase English words rank lower.

Selection is competitive linking: best pairs first, each candidate used once; a second
Chinese (or English) candidate that pairs well with an already chosen partner becomes
a variant of that row (大会/联大 ↔ General Assembly), which is the consistency evidence.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import numpy as np

from glossary import en_terms
from glossary.candidates import Inventory
from glossary.config import GlossaryConfig
from glossary.dictionary import ZH_LIGHT, Dictionary
from glossary.dictionary import score as dictionary_score

GENERAL_ZH = 15000  # jieba corpus frequency above which a one-word Chinese term is a general word
GENERAL_HEAD = 5000  # ... and above which the head noun after 的 makes a description (的要求, 的反应)
# Evaluative modifiers make collocations (重要步骤 / important step), not terms.
GENERAL_MODIFIERS_ZH = tuple(
    "重要 重大 共同 严重 积极 明确 充分 具体 早日 紧急 深切 有关 相关 必要 主要 各种 进一步 大力 切实 有效 强烈 "
    "一致 实质性 不可接受 不合理 庄严 核心 重要的".split()
)
GENERAL_MODIFIERS_EN = frozenset(
    """important significant common grave positive strong clear full concrete early urgent deep new
    further various relevant necessary major key great serious effective firm unanimous substantive
    unacceptable unjustifiable adequate appropriate practical specific particular own current solemn core""".split()
)
EMBED_FLOOR, EMBED_SPAN = 0.78, 0.14  # e5 cosine of unrelated / translated short phrases


@dataclass(frozen=True)
class Evidence:
    """What speaks for one pair."""

    count: int  # aligned pairs holding both
    dice: float
    dictionary: float
    embedding: float | None  # scaled to [0, 1]; None without an encoder

    @property
    def lexical(self) -> float:
        if self.embedding is None:
            return self.dictionary
        # e5-small separates phrase translations from fragments less sharply than CC-CEDICT
        return 0.65 * self.dictionary + 0.35 * self.embedding

    def describe(self) -> str:
        text = f"together in {self.count} pairs, Dice {self.dice:.2f}, dictionary {self.dictionary:.2f}"
        return text + (f", embedding {self.embedding:.2f}" if self.embedding is not None else "")


@dataclass
class Row:
    """A chosen pair (indices into the inventory) and the variants joined to it."""

    zh: int
    en: int
    score: float
    evidence: Evidence
    zh_variants: list[int] = field(default_factory=list)
    en_variants: list[int] = field(default_factory=list)


@lru_cache(maxsize=1)
def _jieba_freq() -> dict[str, int]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ


def termhood(zh: str, en: str) -> float:
    """Down-weight general words and pairs whose lengths do not fit each other.

    A one-word everyday Chinese word (问题) or a lone lowercase English word (substantive)
    is most likely a general word. A Chinese term runs about two characters per English
    content word (核武器 / nuclear weapons); far from that, one side is a fragment.
    """
    weight = 1.0
    if zh.startswith(GENERAL_MODIFIERS_ZH) or en.split()[0] in GENERAL_MODIFIERS_EN:
        weight *= 0.5  # "important step", "common goal": collocations, not terms
    if " and " in en and not en_terms.named(en.split()):
        weight *= 0.6  # "security policies and military strategies": two things, not one term
    if "的" in zh:
        # 安全保证的要求 / demand for security assurances: a description, rarely a term,
        # least of all with an everyday head noun
        weight *= 0.6 if _jieba_freq().get(zh.rsplit("的", 1)[1], 0) >= GENERAL_HEAD else 0.8
    if _jieba_freq().get(zh, 0) >= GENERAL_ZH:
        weight *= 0.5
    if " " not in en and "-" not in en and not en.isupper():
        weight *= 0.6 if en[0].isupper() else 0.45
    han = sum(1 for c in zh if not c.isdigit()) - sum(len(w) for w in ZH_LIGHT if w in zh) or 1
    per_word = han / english_length(en)
    # 大会 / General Assembly (1 per word) to 安全理事会 / Security Council (2.5) are normal
    misfit = per_word if per_word < 1.0 else (2.5 / per_word if per_word > 2.5 else 1.0)
    return weight * max(0.5, misfit) ** 0.5


def english_length(en: str) -> float:
    """Content words of an English term; a hyphenated compound counts half a word per extra part."""
    size = 0.0
    for word in en.split():
        if word.lower() in en_terms.CONNECTORS:
            continue
        size += 1.0 + 0.5 * word.count("-")
    return size or 1.0


# below this many co-occurring pairs every one is scored; above, only each term's best by Dice
SCORE_ALL = 200_000


def shortlist(inventory: Inventory, partners: int) -> list[tuple[int, int, int, float]]:
    """(zh, en, count, dice) for each Chinese candidate's English partners worth scoring.

    In a small input many partners tie on Dice (each seen once, together): all are scored,
    so the dictionary can pick the right one. In a large input the best by Dice suffice.
    """
    together = (inventory.zh_matrix.T @ inventory.en_matrix).tocsr()
    if together.nnz <= SCORE_ALL:
        partners = together.shape[1]
    zh_freq, en_freq = inventory.zh_freq, inventory.en_freq
    out = []
    for i in range(together.shape[0]):
        start, end = together.indptr[i], together.indptr[i + 1]
        if start == end:
            continue
        cols = together.indices[start:end]
        counts = together.data[start:end]
        dice = 2 * counts / (zh_freq[i] + en_freq[cols])
        order = np.lexsort((-counts, -dice))[:partners]
        out.extend((i, int(cols[k]), int(counts[k]), float(dice[k])) for k in order)
    return out


def score(
    inventory: Inventory,
    dictionary: Dictionary,
    config: GlossaryConfig,
    encoder=None,
) -> list[tuple[float, int, int, Evidence]]:
    """Every shortlisted pair with its score and evidence, best first."""
    short = shortlist(inventory, config.partners)
    zh_keys = inventory.zh_keys
    en_text = [inventory.en_surface(j) for j in range(len(inventory.en_keys))]
    lexical = [dictionary_score(dictionary, zh_keys[i], en_text[j]) for i, j, _, _ in short]
    similarity = _similarities(short, lexical, zh_keys, en_text, encoder, config.embed_max_phrases)
    scored = []
    for (i, j, count, dice), dict_score, sim in zip(short, lexical, similarity):
        evidence = Evidence(count, dice, dict_score, sim)
        scored.append((_combine(evidence) * termhood(zh_keys[i], en_text[j]), i, j, evidence))
    scored.sort(key=lambda s: (-s[0], zh_keys[s[1]], en_text[s[2]]))
    return scored


def _combine(evidence: Evidence) -> float:
    """Dice, trusted by how often it was seen; lexical evidence fills in for small counts."""
    trust = 1.0 - math.exp(-evidence.count / 3.0)
    lexical = evidence.lexical
    seen = min(1.0, 0.7 + 0.1 * math.log2(evidence.count))
    return evidence.dice * (trust + (1.0 - trust) * lexical) * (0.25 + 0.75 * lexical) * seen


def _similarities(short, lexical, zh_keys, en_text, encoder, budget: int) -> list[float | None]:
    """Scaled phrase-embedding similarity for the most promising pairs (within ``budget`` phrases)."""
    if encoder is None:
        return [None] * len(short)
    order = sorted(range(len(short)), key=lambda k: -short[k][3] * (0.5 + lexical[k]))
    zh_wanted: dict[int, int] = {}
    en_wanted: dict[int, int] = {}
    chosen = []
    for k in order:
        i, j = short[k][0], short[k][1]
        if len(zh_wanted) + len(en_wanted) + (i not in zh_wanted) + (j not in en_wanted) > budget:
            break
        zh_wanted.setdefault(i, len(zh_wanted))
        en_wanted.setdefault(j, len(en_wanted))
        chosen.append(k)
    if not chosen:
        return [None] * len(short)
    zh_vectors = encoder.encode([zh_keys[i] for i in zh_wanted])
    en_vectors = encoder.encode([en_text[j] for j in en_wanted])
    out: list[float | None] = [None] * len(short)
    for k in chosen:
        i, j = short[k][0], short[k][1]
        cosine = float(np.dot(zh_vectors[zh_wanted[i]], en_vectors[en_wanted[j]]))
        out[k] = min(1.0, max(0.0, (cosine - EMBED_FLOOR) / EMBED_SPAN))
    return out


def select(
    scored: Sequence[tuple[float, int, int, Evidence]], inventory: Inventory, config: GlossaryConfig
) -> list[Row]:
    """Competitive linking with variants; rows in score order."""
    rows: list[Row] = []
    zh_row: dict[int, Row] = {}
    en_row: dict[int, Row] = {}
    for value, i, j, evidence in scored:
        if value < config.min_score:
            break
        if i in zh_row and j in en_row:
            continue
        if i not in zh_row and j not in en_row:
            row = Row(i, j, value, evidence)
            rows.append(row)
            zh_row[i], en_row[j] = row, row
            continue
        # one side is taken: the other becomes a variant if the evidence is strong on its own
        if value < config.variant_score or evidence.lexical < 0.7 or evidence.count < 2:
            continue
        if i not in zh_row:
            row = en_row[j]
            if not _nested(inventory.zh_keys[i], inventory.zh_keys[row.zh]):
                row.zh_variants.append(i)
                zh_row[i] = row
        else:
            row = zh_row[i]
            if not _nested(inventory.en_keys[j], inventory.en_keys[row.en]):
                row.en_variants.append(j)
                en_row[j] = row
    _chinese_short_forms(scored, inventory, zh_row, en_row)
    return rows[: config.max_terms]


def _chinese_short_forms(scored, inventory: Inventory, zh_row: dict[int, Row], en_row: dict[int, Row]) -> None:
    """Undefined Chinese short forms seen with a row's English become its variants.

    裁谈会 is never defined in brackets, and no dictionary has it, but it renders
    Conference on Disarmament again and again and its characters spell 裁军谈判会议 in order.
    """
    for _, i, j, evidence in scored:
        if i in zh_row or j not in en_row or evidence.count < 2 or evidence.dice < 0.3:
            continue
        row = en_row[j]
        if abbreviates(inventory.zh_keys[i], inventory.zh_keys[row.zh]):
            row.zh_variants.append(i)
            zh_row[i] = row


def abbreviates(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` abbreviated: shorter, same first character, characters in order."""
    if not 2 <= len(short) < len(long) or short[0] != long[0] or short in long:
        return False
    position = 0
    for char in short:
        position = long.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def _nested(a: str, b: str) -> bool:
    """A fragment or an extension of the row's term is not a variant of it."""
    return a in b or b in a
