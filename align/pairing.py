"""Pair each Chinese document with its English original.

Evidence is tried from strongest to weakest: the document symbol printed in both
(``CD/2133``), then the file name with its language tag removed (``x.zh.txt`` ~
``x.en.docx``), then the documents' embeddings: mutual nearest neighbours under FAISS
inner-product search, scored by how well each sentence finds its translation in the other
document, and accepted only when the score beats every rival's by a margin and stands
clear of the document's whole field of candidates (a document whose counterpart is missing
still has a nearest document on its topic, but seldom one far above the rest). Two
near-identical documents in each language (a form letter with and without a closing
line) tie on that score; when the four tie with each other and with nothing else, the
block is decided jointly, on the sentences that tell the two documents apart, if one
pairing beats the swap by that same margin.
A document that matches several others, or nothing convincing, is reported with the
reason and left unpaired: a wrong pair would silently poison the corpus, a missing one is
easy to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import numpy as np

from align.corpus_config import DOCUMENT_SUFFIXES, LANG_TAGS, PairingConfig
from align.document import Lang
from align.pairing_scores import best_match, centred, lead, nearest_documents, ranking


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


def _candidates(zh: list[Candidate], en: list[Candidate], zc: list[np.ndarray], ec: list[np.ndarray],
                k: int) -> dict[tuple[int, int], float]:
    """FAISS nearest documents both ways (centred means), scored by sentence best match."""
    return {(z, e): best_match(zc[z], ec[e]) for z, e in nearest_documents(zc, ec, k) if not _conflict(zh[z], en[e])}


# Centred sentence vectors this close are the same sentence: the same text encodes to the
# same vector up to float noise, while "Thank you..." with "Have a great day" in front is
# at 0.92 (WMT22).
_SAME_SENTENCE = 0.999


def _blocks(live: dict[tuple[int, int], float], config: PairingConfig) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Closed 2 x 2 ties: two Chinese and two English documents whose two best candidates are
    each other, each document's two within ``min_gap`` of one another (it cannot choose alone)
    and at the similarity floor or above, every candidate outside the block ``min_gap``
    further away. A document whose counterpart is missing is seldom tied with a true pair's
    member: a joint decision would force it onto the one left over."""
    by_z, by_e = ranking(live)

    def top2(ranked: list[tuple[float, int]]) -> tuple[int, ...]:
        return tuple(sorted(i for _, i in ranked[:2]))

    def tied_and_closed(ranked: list[tuple[float, int]]) -> bool:
        return (ranked[0][0] - ranked[1][0] < config.min_gap and ranked[1][0] >= config.min_similarity
                and (len(ranked) < 3 or ranked[2][0] <= ranked[1][0] - config.min_gap))

    blocks = set()
    for z, ranked in by_z.items():
        es = top2(ranked)
        if len(es) < 2 or len(by_e[es[0]]) < 2 or top2(by_e[es[0]]) != top2(by_e[es[1]]):
            continue
        zs = top2(by_e[es[0]])
        if z in zs and top2(by_z[zs[0]]) == top2(by_z[zs[1]]) == es and all(
            tied_and_closed(r) for r in (by_z[zs[0]], by_z[zs[1]], by_e[es[0]], by_e[es[1]])
        ):
            blocks.add((zs, es))
    return sorted(blocks)


def _differing(vectors: np.ndarray, other: np.ndarray) -> np.ndarray:
    """The sentences of a document that its near twin lacks (all of them if it lacks none)."""
    own = (vectors @ other.T).max(axis=1) < _SAME_SENTENCE
    return vectors[own] if own.any() else vectors


def _joint_margin(zs: tuple[int, int], es: tuple[int, int], zc: list[np.ndarray], ec: list[np.ndarray]) -> float:
    """How much pairing ``zs[0]-es[0], zs[1]-es[1]`` beats the swap, scored on the sentences
    that differ within each language: shared sentences add the same to both pairings and
    only dilute the difference."""
    (z1, z2), (e1, e2) = zs, es
    a, b = _differing(zc[z1], zc[z2]), _differing(zc[z2], zc[z1])
    x, y = _differing(ec[e1], ec[e2]), _differing(ec[e2], ec[e1])
    return best_match(a, x) + best_match(b, y) - best_match(a, y) - best_match(b, x)


def _stand_out(score: float, field_z: list[tuple[float, int]], e: int, field_e: list[tuple[float, int]], z: int,
               config: PairingConfig) -> float | None:
    """The smaller of the two documents' leads over their next ``neighbours`` candidates (None: no field)."""
    leads = [x for x in (lead(score, field_z, e, config.neighbours), lead(score, field_e, z, config.neighbours))
             if x is not None]
    return min(leads) if leads else None


def _by_embedding(docs: list[Candidate], config: PairingConfig) -> tuple[list[Pairing], list[Unpaired]]:
    """Mutual best matches, in rounds: a document whose rival was paired confidently gets another chance."""
    zh = [d for d in docs if d.lang is Lang.ZH and d.sentences is not None and len(d.sentences)]
    en = [d for d in docs if d.lang is Lang.EN and d.sentences is not None and len(d.sentences)]
    if not zh or not en:
        return [], []
    # centre each language on its own mean: the two languages sit in different cones
    zc, ec = centred([d.sentences for d in zh]), centred([d.sentences for d in en])
    scores = _candidates(zh, en, zc, ec, config.neighbours)
    field_z, field_e = ranking(scores)  # every candidate, paired or not: the field a pair must stand out of
    alive_z, alive_e = set(range(len(zh))), set(range(len(en)))
    pairs: list[Pairing] = []
    notes: dict[int, Unpaired] = {}
    while True:
        live = {(z, e): s for (z, e), s in scores.items() if z in alive_z and e in alive_e}
        by_z, by_e = ranking(live)
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
            elif (stand := _stand_out(score, field_z[z], e, field_e[e], z, config)) is not None and stand < config.min_lead:
                reason = (f"no counterpart: {{}} is the nearest at similarity {score:.3f}, but only {stand:.3f} above "
                          f"the other candidates' mean (< {config.min_lead}); a translation stands clear of them")
                notes[zh[z].id] = Unpaired(zh[z].id, reason.format(en[e].name), False)
                notes[en[e].id] = Unpaired(en[e].id, reason.format(zh[z].name), False)
            else:
                evidence += f", lead {stand:.3f}" if stand is not None else ""
                found.append(Pairing(zh[z].id, en[e].id, PairMethod.EMBEDDING, evidence, score))
                alive_z.discard(z)
                alive_e.discard(e)
        if not found:
            # nothing left is a clear mutual best: try near-identical pairs of pairs jointly
            for z, e, pairing in _by_joint_assignment(live, zh, en, zc, ec, config, notes):
                found.append(pairing)
                alive_z.discard(z)
                alive_e.discard(e)
        if not found:
            break
        pairs += found
    paired = {p.zh for p in pairs} | {p.en for p in pairs}
    return pairs, [u for i, u in sorted(notes.items()) if i not in paired]


def _by_joint_assignment(
    live: dict[tuple[int, int], float], zh: list[Candidate], en: list[Candidate],
    zc: list[np.ndarray], ec: list[np.ndarray], config: PairingConfig, notes: dict[int, Unpaired],
) -> list[tuple[int, int, Pairing]]:
    """Decide each closed 2 x 2 block by its better pairing, if it beats the swap by ``min_gap``;
    note the documents of an undecided block as ambiguous. Returns (zh index, en index, pairing)."""
    found, min_gap = [], config.min_gap
    for zs, es in _blocks(live, config):
        margin = _joint_margin(zs, es, zc, ec)
        if abs(margin) < min_gap:
            names = f"{zh[zs[0]].name}, {zh[zs[1]].name} ~ {en[es[0]].name}, {en[es[1]].name}"
            reason = (f"ambiguous: {names} pair either way; the sentences that tell them apart favour "
                      f"neither pairing ({abs(margin):.3f} over the swap < {min_gap})")
            notes.update({d.id: Unpaired(d.id, reason, True) for d in (*(zh[z] for z in zs), *(en[e] for e in es))})
            continue
        chosen = [(zs[0], es[0]), (zs[1], es[1])] if margin > 0 else [(zs[0], es[1]), (zs[1], es[0])]
        for (z, e), (oz, oe) in zip(chosen, chosen[::-1]):
            rival = max(live[z, oe], live[oz, e])
            evidence = (f"similarity {live[z, e]:.3f}, next {rival:.3f}; decided jointly with "
                        f"{zh[oz].name} ~ {en[oe].name}: the sentences that differ favour this pairing "
                        f"by {abs(margin):.3f} over the swap")
            found.append((z, e, Pairing(zh[z].id, en[e].id, PairMethod.EMBEDDING, evidence, live[z, e])))
    return found


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
