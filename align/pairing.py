"""Pair each Chinese document with its English original.

Evidence is tried from strongest to weakest: the document symbol printed in both
(``CD/2133``), then the file name with its language tag removed (``x.zh.txt`` ~
``x.en.docx``), then the documents' embeddings: mutual nearest neighbours under FAISS
inner-product search, scored by how well each sentence finds its translation in the other
document, and accepted only when the score beats every rival's by a margin. A document
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
    sentences: np.ndarray | None = None  # its sentence vectors, one unit row per sentence

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
    score: float  # 1.0 for symbol/file name; the sentence best-match similarity for embeddings


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


def _centred(docs: list[Candidate]) -> list[np.ndarray]:
    """Sentence vectors minus the language's mean sentence vector, renormalised.

    Multilingual encoders put every text of a language in a narrow cone: raw cosines
    between unrelated documents are high and close together. Removing the shared
    direction leaves what tells one document from another.
    """
    mean = np.concatenate([d.sentences for d in docs]).mean(axis=0)
    out = []
    for d in docs:
        v = d.sentences - mean
        out.append((v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)).astype(np.float32))
    return out


def _doc_means(vectors: list[np.ndarray]) -> np.ndarray:
    means = np.stack([v.mean(axis=0) for v in vectors])
    return (means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-9)).astype(np.float32)


def _best_match(zh: np.ndarray, en: np.ndarray) -> float:
    """How well each sentence finds a translation on the other side, averaged both ways."""
    sim = zh @ en.T
    return float(0.5 * (sim.max(axis=1).mean() + sim.max(axis=0).mean()))


def _candidates(zh: list[Candidate], en: list[Candidate], zc: list[np.ndarray], ec: list[np.ndarray],
                k: int) -> dict[tuple[int, int], float]:
    """FAISS nearest documents both ways (centred means), scored by sentence best match."""
    import faiss

    zm, em = _doc_means(zc), _doc_means(ec)
    pairs: set[tuple[int, int]] = set()
    for queries, base, flip in ((zm, em, False), (em, zm, True)):
        index = faiss.IndexFlatIP(base.shape[1])
        index.add(base)
        _, ids = index.search(queries, min(k, len(base)))
        for q, row in enumerate(ids):
            pairs.update((int(i), q) if flip else (q, int(i)) for i in row if i >= 0)
    return {(z, e): _best_match(zc[z], ec[e]) for z, e in sorted(pairs) if not _conflict(zh[z], en[e])}


def _by_embedding(docs: list[Candidate], config: PairingConfig) -> tuple[list[Pairing], list[Unpaired]]:
    """Mutual best matches, in rounds: a document whose rival was paired confidently gets another chance."""
    zh = [d for d in docs if d.lang is Lang.ZH and d.sentences is not None and len(d.sentences)]
    en = [d for d in docs if d.lang is Lang.EN and d.sentences is not None and len(d.sentences)]
    if not zh or not en:
        return [], []
    # centre each language on its own mean: the two languages sit in different cones
    zc, ec = _centred(zh), _centred(en)
    scores = _candidates(zh, en, zc, ec, config.neighbours)
    alive_z, alive_e = set(range(len(zh))), set(range(len(en)))
    pairs: list[Pairing] = []
    notes: dict[int, Unpaired] = {}
    while True:
        live = {(z, e): s for (z, e), s in scores.items() if z in alive_z and e in alive_e}
        by_z: dict[int, list[tuple[float, int]]] = {}
        by_e: dict[int, list[tuple[float, int]]] = {}
        for (z, e), s in live.items():
            by_z.setdefault(z, []).append((s, e))
            by_e.setdefault(e, []).append((s, z))
        for ranked in (*by_z.values(), *by_e.values()):
            ranked.sort(key=lambda t: (-t[0], t[1]))
        found = []
        for z, ranked in sorted(by_z.items()):
            score, e = ranked[0]
            back = by_e[e]
            if back[0][1] != z:
                notes[zh[z].id] = Unpaired(zh[z].id, f"nearest {en[e].name} prefers {zh[back[0][1]].name}", False)
                continue
            rival = max([r[0] for r in ranked[1:2]] + [r[0] for r in back[1:2]], default=None)
            gap = score - rival if rival is not None else float("inf")
            evidence = f"similarity {score:.3f}" + (f", next {rival:.3f}" if rival is not None else ", no rival")
            # the floor decides alone only without a rival; with one, the gap is the evidence
            if rival is None and score < config.min_similarity:
                reason = f"too far: {{}} at similarity {score:.3f} < {config.min_similarity}"
                notes[zh[z].id] = Unpaired(zh[z].id, reason.format(en[e].name), False)
                notes[en[e].id] = Unpaired(en[e].id, reason.format(zh[z].name), False)
            elif gap < config.min_gap:
                notes[zh[z].id] = Unpaired(zh[z].id, f"ambiguous: {en[e].name} at {evidence}", True)
                notes[en[e].id] = Unpaired(en[e].id, f"ambiguous: {zh[z].name} at {evidence}", True)
            else:
                found.append(Pairing(zh[z].id, en[e].id, PairMethod.EMBEDDING, evidence, score))
                alive_z.discard(z)
                alive_e.discard(e)
        if not found:
            break
        pairs += found
    paired = {p.zh for p in pairs} | {p.en for p in pairs}
    return pairs, [u for i, u in sorted(notes.items()) if i not in paired]


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
