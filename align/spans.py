"""Embeddings of runs of consecutive sentences (spans), the inputs of n:m beads.

Two ways to get a span's vector:

* ``encode``: embed the joined text, as vecalign and Bertalign do. Most faithful, but a
  side of N sentences costs about L(L+1)/2 times the sentence encoding for spans up to L.
* ``pool``: the length-weighted mean of the sentence vectors, renormalised. The model
  mean-pools token states, so a span's vector is close to the token-weighted mean of its
  sentences' vectors; this costs nothing beyond the sentence encoding.

Each distinct text is encoded once (the encoder may cache too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from align.encoder import Encoder
from align.lengths import text_length


@dataclass(frozen=True)
class Spans:
    """Vectors and lengths of every span of 1..``max_len`` sentences on one side.

    ``vecs[k][s]`` is the unit vector of sentences ``s .. s+k-1`` (``vecs[0]`` is unused);
    ``lens[k][s]`` its length in non-space characters.
    """

    vecs: tuple[np.ndarray, ...]
    lens: tuple[np.ndarray, ...]

    @property
    def size(self) -> int:
        return len(self.lens[1]) if len(self.lens) > 1 else 0

    @property
    def longest(self) -> int:
        """The longest span the tables hold."""
        return len(self.vecs) - 1

    def vector(self, start: int, count: int) -> np.ndarray:
        """The unit vector of sentences ``start .. start+count-1``: from the tables, or, for a
        run longer than they hold, pooled from the sentence vectors as ``pool`` mode does."""
        if count <= self.longest:
            return self.vecs[count][start]
        weights = np.maximum(self.lens[1][start : start + count], 1.0)[:, None]
        return _normalise((self.vecs[1][start : start + count] * weights).sum(axis=0))

    def length(self, start: int, count: int) -> float:
        """Non-space characters of sentences ``start .. start+count-1``."""
        return float(self.lens[1][start : start + count].sum())


def join(texts: Sequence[str], zh: bool) -> str:
    """Chinese runs join without a space, English with one."""
    return ("" if zh else " ").join(t.strip() for t in texts)


def _normalise(v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(v, axis=-1, keepdims=True)
    return (v / np.maximum(norms, 1e-12)).astype(np.float32)


def encode_unique(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    """Encode each distinct text once, longest first batches being the encoder's business."""
    order = sorted(set(texts))
    if not order:
        return np.zeros((len(texts), encoder.dim), dtype=np.float32)
    vecs = np.asarray(encoder.encode(order), dtype=np.float32)
    where = {t: k for k, t in enumerate(order)}
    return vecs[[where[t] for t in texts]]


def build_spans(
    sentences: Sequence[str],
    sentence_vecs: np.ndarray,
    max_len: int,
    zh: bool,
    encoder: Encoder | None = None,
) -> Spans:
    """Span vectors up to ``max_len`` sentences: encoded if ``encoder`` is given, else pooled."""
    n = len(sentences)
    dim = sentence_vecs.shape[1] if sentence_vecs.ndim == 2 else 0
    base_lens = np.array([text_length(t) for t in sentences], dtype=np.float64)
    vecs: list[np.ndarray] = [np.zeros((0, dim), dtype=np.float32), sentence_vecs.astype(np.float32)]
    lens: list[np.ndarray] = [np.zeros(0), base_lens]
    weights = np.maximum(base_lens, 1.0)[:, None]
    weighted = sentence_vecs * weights
    for k in range(2, max_len + 1):
        count = max(n - k + 1, 0)
        span_lens = np.array([base_lens[s : s + k].sum() for s in range(count)], dtype=np.float64)
        if encoder is not None and count:
            vk = encode_unique(encoder, [join(sentences[s : s + k], zh) for s in range(count)])
        else:
            vk = np.zeros((count, dim), dtype=np.float32)
            for off in range(k):
                vk += weighted[off : off + count]
        vecs.append(_normalise(vk) if count else np.zeros((0, dim), dtype=np.float32))
        lens.append(span_lens)
    return Spans(vecs=tuple(vecs), lens=tuple(lens))
