"""Pair each Chinese document with its English original.

Evidence is tried from strongest to weakest: the document symbol printed in both
(``CD/2133``), then the file name with its language tag removed (``x.zh.txt`` ~
``x.en.docx``), then the documents' embeddings: mutual nearest neighbours under FAISS
inner-product search whose cosine beats every competitor's by a margin ratio. A document
that matches several others, or nothing convincing, is reported with the reason and left
unpaired: a wrong pair would silently poison the corpus, a missing one is easy to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import numpy as np

from align.corpus_config import DOCUMENT_SUFFIXES, LANG_TAGS, PairingConfig
from align.document import Lang


class PairMethod(str, Enum):
    """Which evidence paired two documents."""

    SYMBOL = "symbol"
    FILE_NAME = "file-name"
    EMBEDDING = "embedding"


@dataclass(frozen=True)
class Candidate:
    """A document waiting for a counterpart."""

    id: int
    name: str
    lang: Lang
    symbol: str | None = None
    vector: np.ndarray | None = None  # unit mean of its sentence vectors

    @property
    def stem(self) -> str:
        return name_stem(self.name)


@dataclass(frozen=True)
class Pairing:
    """Two documents judged to be a translation and its original, and why."""

    zh: int
    en: int
    method: PairMethod
    evidence: str
    score: float  # 1.0 for symbol/file name; the cosine for embeddings


@dataclass(frozen=True)
class Unpaired:
    """A document left alone, with the reason shown to the user."""

    id: int
    reason: str
    ambiguous: bool


@dataclass(frozen=True)
class PairingResult:
    pairs: list[Pairing]
    unpaired: list[Unpaired]


_TAG = re.compile(r"(?:^|[._\-\s])(" + "|".join(sorted(map(re.escape, LANG_TAGS), key=len, reverse=True)) + r")$")


def name_stem(name: str) -> str:
    """The file name without extension and language tag, lower-cased: ``X_ZH.pdf`` -> ``x``."""
    stem = name
    while Path(stem).suffix.lower() in DOCUMENT_SUFFIXES and Path(stem).suffix:
        stem = stem[: -len(Path(stem).suffix)]
    stem = stem.lower()
    found = _TAG.search(stem)
    if found and found.start(1) > 0:
        stem = stem[: found.start()]
    return stem


def normalise_symbol(symbol: str | None) -> str | None:
    """``cd / 2133`` -> ``CD/2133``; ``None`` stays ``None``."""
    return re.sub(r"\s+", "", symbol).upper() if symbol else None


def _by_key(
    docs: list[Candidate], key, method: PairMethod, what: str  # noqa: ANN001 - a small lambda
) -> tuple[list[Pairing], list[Unpaired], set[int]]:
    """Pair documents sharing a key one-to-one; a key shared by more is ambiguous."""
    groups: dict[str, list[Candidate]] = {}
    for doc in docs:
        value = key(doc)
        if value:
            groups.setdefault(value, []).append(doc)
    pairs, ambiguous, used = [], [], set()
    for value, group in sorted(groups.items()):
        zh = [d for d in group if d.lang is Lang.ZH]
        en = [d for d in group if d.lang is Lang.EN]
        if not zh or not en:
            continue
        if len(zh) == 1 and len(en) == 1:
            pairs.append(Pairing(zh[0].id, en[0].id, method, f"{what} {value}", 1.0))
        else:
            names = ", ".join(sorted(d.name for d in group))
            reason = f"ambiguous: {what} {value} is shared by {names}"
            ambiguous += [Unpaired(d.id, reason, True) for d in group]
        used.update(d.id for d in group)
    return pairs, ambiguous, used


def _conflict(a: Candidate, b: Candidate) -> bool:
    """Two different printed symbols mean two different documents, whatever the embeddings say."""
    sa, sb = normalise_symbol(a.symbol), normalise_symbol(b.symbol)
    return bool(sa and sb and sa != sb)


def _neighbours(queries: list[Candidate], base: list[Candidate], k: int) -> list[list[tuple[int, float]]]:
    """For each query, the nearest base documents (index into ``base``, cosine), conflicts removed."""
    import faiss

    index = faiss.IndexFlatIP(base[0].vector.shape[0])
    index.add(np.stack([b.vector for b in base]).astype(np.float32))
    scores, ids = index.search(np.stack([q.vector for q in queries]).astype(np.float32), min(k, len(base)))
    return [
        [(int(i), float(s)) for s, i in zip(row_s, row_i) if i >= 0 and not _conflict(q, base[i])]
        for q, row_s, row_i in zip(queries, scores, ids)
    ]


def _by_embedding(docs: list[Candidate], config: PairingConfig) -> tuple[list[Pairing], list[Unpaired]]:
    zh = [d for d in docs if d.lang is Lang.ZH and d.vector is not None]
    en = [d for d in docs if d.lang is Lang.EN and d.vector is not None]
    if not zh or not en:
        return [], []
    zh_nn = _neighbours(zh, en, config.neighbours)
    en_nn = _neighbours(en, zh, config.neighbours)
    pairs, unpaired = [], []
    for zi, near in enumerate(zh_nn):
        if not near:
            continue
        ei, cosine = near[0]
        back = en_nn[ei]
        if not back or back[0][0] != zi:
            rival = zh[back[0][0]].name if back else "none"
            unpaired.append(Unpaired(zh[zi].id, f"nearest {en[ei].name} prefers {rival}", False))
            continue
        competitor = max([s for _, s in near[1:2]] + [s for _, s in back[1:2]], default=0.0)
        margin = cosine / competitor if competitor > 0 else float("inf")
        evidence = f"cosine {cosine:.3f}, next {competitor:.3f}, margin {margin:.3f}"
        if margin >= config.min_margin and cosine >= config.min_similarity:
            pairs.append(Pairing(zh[zi].id, en[ei].id, PairMethod.EMBEDDING, evidence, cosine))
        else:
            reason = f"ambiguous: {en[ei].name} at {evidence}" if margin < config.min_margin else (
                f"too far: {en[ei].name} at cosine {cosine:.3f} < {config.min_similarity}"
            )
            unpaired += [Unpaired(zh[zi].id, reason, margin < config.min_margin),
                         Unpaired(en[ei].id, reason.replace(en[ei].name, zh[zi].name), margin < config.min_margin)]
    return pairs, unpaired


def pair_documents(docs: list[Candidate], config: PairingConfig = PairingConfig()) -> PairingResult:
    """Pair Chinese with English documents: symbol, then file name, then embeddings."""
    docs = sorted(docs, key=lambda d: (d.name, d.id))
    pairs: list[Pairing] = []
    unpaired: list[Unpaired] = []
    remaining = docs
    steps = (
        (lambda d: normalise_symbol(d.symbol), PairMethod.SYMBOL, "symbol"),
        (lambda d: d.stem, PairMethod.FILE_NAME, "file name"),
    )
    for key, method, what in steps:
        found, ambiguous, used = _by_key(remaining, key, method, what)
        pairs += found
        unpaired += ambiguous
        remaining = [d for d in remaining if d.id not in used]
    found, left = _by_embedding(remaining, config)
    pairs += found
    unpaired += left
    seen = {p.zh for p in pairs} | {p.en for p in pairs} | {u.id for u in unpaired}
    other = {Lang.ZH: "English", Lang.EN: "Chinese"}
    unpaired += [
        Unpaired(d.id, f"no {other[d.lang]} counterpart found (symbol, file name or embedding)", False)
        for d in remaining if d.id not in seen
    ]
    return PairingResult(
        sorted(pairs, key=lambda p: (p.zh, p.en)), sorted({u.id: u for u in unpaired}.values(), key=lambda u: u.id)
    )
