"""How well two documents match, from their sentence vectors (the evidence :mod:`align.pairing` weighs).

A candidate pair's *score* is how well each sentence finds its translation in the other
document. Its *lead* is how far that score stands above the document's other candidates:
a translation stands clear of the whole field, while a document whose counterpart is
missing only tops a crowd of documents on the same topic.
"""

from __future__ import annotations

import numpy as np

Ranked = list[tuple[float, int]]  # (score, the other document's index), best first


def centred(sentences: list[np.ndarray]) -> list[np.ndarray]:
    """Sentence vectors minus the language's mean sentence vector, renormalised.

    Multilingual encoders put every text of a language in a narrow cone: raw cosines
    between unrelated documents are high and close together. Removing the shared
    direction leaves what tells one document from another.
    """
    mean = np.concatenate(sentences).mean(axis=0)
    out = []
    for vectors in sentences:
        v = vectors - mean
        out.append((v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)).astype(np.float32))
    return out


def mean_cosine(zh: np.ndarray, en: np.ndarray) -> float:
    """Mean cosine over all pairs of (unit) rows, exactly and without the n×m matrix:
    the dot product of the two mean rows. What "unrelated" looks like in a document pair."""
    return float(zh.mean(axis=0) @ en.mean(axis=0))


def best_match(zh: np.ndarray, en: np.ndarray) -> float:
    """How well each sentence finds a translation on the other side, averaged both ways."""
    sim = zh @ en.T
    return float(0.5 * (sim.max(axis=1).mean() + sim.max(axis=0).mean()))


def _doc_means(vectors: list[np.ndarray]) -> np.ndarray:
    means = np.stack([v.mean(axis=0) for v in vectors])
    return (means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-9)).astype(np.float32)


def nearest_documents(zc: list[np.ndarray], ec: list[np.ndarray], k: int) -> list[tuple[int, int]]:
    """(zh, en) index pairs where either is among the other's ``k`` nearest (FAISS, centred means)."""
    import faiss

    zm, em = _doc_means(zc), _doc_means(ec)
    pairs: set[tuple[int, int]] = set()
    for queries, base, flip in ((zm, em, False), (em, zm, True)):
        index = faiss.IndexFlatIP(base.shape[1])
        index.add(base)
        _, ids = index.search(queries, min(k, len(base)))
        for q, row in enumerate(ids):
            pairs.update((int(i), q) if flip else (q, int(i)) for i in row if i >= 0)
    return sorted(pairs)


def ranking(scores: dict[tuple[int, int], float]) -> tuple[dict[int, Ranked], dict[int, Ranked]]:
    """Each document's candidates, best first (ties by index): by Chinese, by English index."""
    by_z: dict[int, Ranked] = {}
    by_e: dict[int, Ranked] = {}
    for (z, e), s in scores.items():
        by_z.setdefault(z, []).append((s, e))
        by_e.setdefault(e, []).append((s, z))
    for ranked in (*by_z.values(), *by_e.values()):
        ranked.sort(key=lambda t: (-t[0], t[1]))
    return by_z, by_e


def lead(score: float, ranked: Ranked, partner: int, field: int) -> float | None:
    """How far ``score`` stands above the mean of the document's next ``field`` candidates
    (``partner`` left out); ``None`` when it has no other candidate. The mean of several
    rivals, not the best one alone: an orphan may top its nearest rival by a clear gap by
    chance, seldom the whole field."""
    rest = [s for s, other in ranked if other != partner][:field]
    return score - sum(rest) / len(rest) if rest else None
