"""Clause crossing: evidence that a bead boundary cuts through a translated clause.

A translator often moves a clause across a sentence boundary: 我有好多奢望 ends one Chinese
sentence, "I had so many desires" starts the next English one. Both sentence pairs then
still look like fair 1-1 links, and only their merge (a 2-2 bead) is right. The cut shows
at clause level: the last clause before the boundary is closer to the other side's
sentence *after* the boundary than to the one before it, or the first clause after the
boundary is closer to the one before. A boundary's crossing sums these preferences over its
four edge clauses (the last clause before and the first clause after it, on each side), each
counted only when it prefers the other side: a moved clause usually shows from both sides at
once (我有好多奢望 drawn to the English sentence after, "I had so many desires" to the
Chinese one before), and two clauses agreeing are surer than one (MAC-Test exact F1 with the
largest preference instead of the sum: 0.9120; sum: 0.9142, the other weights unchanged). A
sentence of one clause has no edge clauses, and an edge clause longer than half of its
sentence is left out: it says much of what the sentence says, and encoding it would cost
nearly as much.

Clauses are encoded on their own: taken from the sentence's own forward pass (the mean
of their last-layer states) they carry the whole sentence's meaning, and the evidence is
lost (MAC-Test exact F1 0.899, as without it, against 0.913 encoded alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from align.encoder import Encoder, encode_plain

# a clause ends after a comma, semicolon or colon (either width) or an English dash
_ZH_BREAK = re.compile(r"(?<=[，；：,;:])")
_EN_BREAK = re.compile(r"(?<=[,;:—])\s*")
# Edge clauses longer than this share of their sentence (in characters) are left out. MAC-Test
# exact F1 with 1.0 / 0.5 / 0.4 / 0.35 / 0.25: 0.9130 / 0.9131 / 0.9127 / 0.9107 / 0.9046,
# encoding 0.55 / 0.33 / 0.22 / 0.17 / 0.09 times the sentences' characters again (short
# texts cost more per character: at 0.5 the clauses of four documents took about half the
# sentences' CPU time); 0.4 was shipped first, for speed. With the refinement and the long
# beads, 0.4 / 0.5 give MAC-Test 0.9260 / 0.9261 (001-012 / 013-024 0.9227 / 0.9302 and 0.9213 /
# 0.9320) and pol 0.9892 / 0.9907: a two-clause sentence whose second half moved
# (人民是历史的创造者，群众是真正的英雄。, the last clause 42 %) is seen at 0.5; MAC-Test end
# to end 268.9 s / 261.6 s on a shared machine.
MAX_SHARE = 0.5


def edge_clauses(text: str, zh: bool) -> tuple[str | None, str | None]:
    """The first and the last clause of a sentence; None for one that is the whole sentence
    or longer than ``MAX_SHARE`` of it (it then says what the sentence says)."""
    parts = [p for p in (_ZH_BREAK if zh else _EN_BREAK).split(text) if p.strip()]
    if len(parts) < 2:
        return None, None
    limit = MAX_SHARE * len(text)
    return (parts[0] if len(parts[0]) <= limit else None), (parts[-1] if len(parts[-1]) <= limit else None)


def clause_texts(sentences: Iterable[str], zh: bool) -> list[str]:
    """Every edge clause of these sentences (what :func:`build_clause_index` encodes)."""
    return [c for t in sentences for c in edge_clauses(t, zh) if c is not None]


@dataclass(frozen=True)
class Edges:
    """One side's edge clauses: each distinct clause's vector once, and per sentence the row
    of its first and its last clause. Row -1, the last, is zero: a sentence without that
    edge clause then prefers neither side, which is what the crossing's floor of 0 says."""

    vecs: np.ndarray  # (distinct clauses + 1, dim)
    first: np.ndarray  # row per sentence
    last: np.ndarray


def edge_vectors(sentences: Sequence[str], zh: bool, encoder: Encoder) -> Edges:
    """Encode each distinct edge clause of a side once."""
    edges = [edge_clauses(t, zh) for t in sentences]
    unique = sorted({c for e in edges for c in e if c is not None})
    found = encode_plain(encoder, unique) if unique else np.zeros((0, encoder.dim), np.float32)
    row = {t: k for k, t in enumerate(unique)}
    first, last = (np.array([row.get(e[which], -1) for e in edges], dtype=np.int64) for which in (0, 1))
    return Edges(np.vstack([found, np.zeros((1, encoder.dim), np.float32)]), first, last)


@dataclass(frozen=True)
class ClauseIndex:
    """Sentence vectors and edge-clause vectors of both sides, and the DP's band: the
    crossings of a row are computed once, when the DP first asks for them (it asks for
    every bead type ending there, row after row)."""

    zh_sent: np.ndarray
    en_sent: np.ndarray
    zh: Edges
    en: Edges
    lo: np.ndarray  # the band: en boundaries lo[i]..hi[i] before zh sentence i
    hi: np.ndarray
    _row: dict[int, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def crossing(self, i: int, ja: int, jb: int) -> np.ndarray:
        """Crossing of the boundary before zh ``i`` and en ``j``, for ``j`` in ``ja..jb``;
        0 at a document's start or end."""
        a, b = int(self.lo[i]), int(self.hi[i])
        if not a <= ja <= jb <= b:
            return self.between(i, ja, jb)
        if i not in self._row:
            self._row.clear()  # one row at a time: memory stays at one band width
            self._row[i] = self.between(i, a, b)
        return self._row[i][ja - a : jb - a + 1]

    def between(self, i: int, ja: int, jb: int) -> np.ndarray:
        """:meth:`crossing`, computed."""
        count = jb - ja + 1
        out = np.zeros(count)
        j = np.arange(ja, jb + 1)
        inside = (j >= 1) & (j < len(self.en_sent))
        if not 1 <= i < len(self.zh_sent) or not inside.any():
            return out
        j = j[inside]
        en_gain = self.en_sent[j] - self.en_sent[j - 1]  # after minus before the boundary
        zh_gain = self.zh_sent[i] - self.zh_sent[i - 1]
        zh, en = self.zh, self.en
        preferences = np.array([
            en_gain @ zh.vecs[zh.last[i - 1]],  # the last zh clause before, drawn to the en after
            -(en_gain @ zh.vecs[zh.first[i]]),  # the first zh clause after, drawn to the en before
            en.vecs[en.last[j - 1]] @ zh_gain,
            -(en.vecs[en.first[j]] @ zh_gain),
        ])
        out[inside] = np.maximum(preferences, 0.0).sum(axis=0)
        return out


def build_clause_index(
    zh: Sequence[str], en: Sequence[str], zh_sent: np.ndarray, en_sent: np.ndarray, encoder: Encoder,
    lo: np.ndarray, hi: np.ndarray,
) -> ClauseIndex:
    """Edge clauses of both sides, encoded, beside the (unit) sentence vectors."""
    return ClauseIndex(zh_sent, en_sent, edge_vectors(zh, True, encoder), edge_vectors(en, False, encoder), lo, hi)
