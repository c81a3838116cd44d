"""The interface every sentence encoder offers to the aligner.

Alignment code depends on this protocol only, so tests can pass a fake encoder
with hand-set vectors and the DP results are exact.
"""

from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors of one dimension."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape ``(len(texts), dim)``, rows of unit length."""
        ...


def word_pieces(encoder: Encoder, texts: Sequence[str]) -> list[np.ndarray] | None:
    """Unit word-piece vectors (pieces × dim) of each text, if ``encoder`` offers them.

    An encoder may have a ``tokens(texts)`` method returning them (or None); the sentence
    aligner then adds token evidence (:mod:`align.tokens`), and does without otherwise.
    """
    tokens = getattr(encoder, "tokens", None)
    return tokens(list(texts)) if callable(tokens) else None


def encode_plain(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    """Vectors only. An encoder that keeps each text's word pieces for a later ``tokens`` call
    (align.embed) may offer ``encode_plain(texts)`` that keeps none; others just encode."""
    plain = getattr(encoder, "encode_plain", None)
    return np.asarray((plain if callable(plain) else encoder.encode)(list(texts)), dtype=np.float32)
