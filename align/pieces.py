"""Word-piece vectors from a middle layer of the sentence model, for :mod:`align.tokens`.

The encoder reads them off the same forward pass that makes the sentence vectors (a hook
on one transformer layer), keeps only pieces that hold a letter, digit or Chinese
character, and remembers them per text within a byte budget.
"""

from __future__ import annotations

import re
from collections import OrderedDict

import numpy as np

# which layer: two thirds of the way up (layer 8 of 12 for multilingual-e5-small). On MAC-Test
# 001-003, 1-1 gold pairs against their shifted neighbours, the mean best piece cosine
# separates with AUC 0.977 at layer 8 (layers 6 / 10 / 12: 0.978 / 0.974 / 0.971; the
# sentence cosine: 0.962); in the aligner, layers 6 / 8 / 10 gave MAC 001-012 0.874 / 0.875 / 0.870
LAYER_FRACTION = 2 / 3
# word pieces kept between a text's encoding and the tokens() call that takes them, float16
# (~15 KB per sentence: about 2,200 sentences, a long UN document pair; beyond this budget the
# oldest are dropped, and tokens() runs them through the model again). Texts nobody asks
# pieces for (glossary terms, check segments) cost at most this much.
DEFAULT_PIECE_MEMORY_BYTES = 32 * 2**20
_WORDLIKE = re.compile(r"[^\W_]")  # a letter, digit or CJK character


def layer_module(backbone):  # noqa: ANN001, ANN201 - torch modules or None
    """The transformer layer whose output holds the word-piece vectors, or None when the
    backbone is not a BERT-like encoder stack (then no token evidence is used)."""
    try:
        layers = backbone.encoder.layer
    except (AttributeError, IndexError, KeyError, TypeError):
        return None
    if not len(layers):
        return None
    return layers[max(round(len(layers) * LAYER_FRACTION), 1) - 1]


def wordlike_ids(tokenizer) -> np.ndarray:  # noqa: ANN001
    """Boolean per vocabulary id: does the piece hold a letter, digit or CJK character?"""
    size = len(tokenizer)
    out = np.zeros(size, dtype=bool)
    for start in range(0, size, 10_000):  # in chunks: 250,000 piece strings at once cost ~30 MB
        pieces = tokenizer.convert_ids_to_tokens(list(range(start, min(start + 10_000, size))))
        out[start : start + len(pieces)] = [bool(p and _WORDLIKE.search(p)) for p in pieces]
    return out


def unit_rows(states: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, as float16."""
    norms = np.maximum(np.linalg.norm(states, axis=1, keepdims=True), 1e-12)
    return (states / norms).astype(np.float16)


class PieceMemory:
    """Word-piece vectors per text until taken, the oldest dropped beyond ``budget`` bytes."""

    def __init__(self, budget: int = DEFAULT_PIECE_MEMORY_BYTES) -> None:
        self.budget = budget
        self.used = 0
        self._table: OrderedDict[str, np.ndarray] = OrderedDict()

    def take(self, text: str) -> np.ndarray | None:
        """The text's pieces, removed from memory (None if not there)."""
        pieces = self._table.pop(text, None)
        if pieces is not None:
            self.used -= pieces.nbytes
        return pieces

    def put(self, text: str, pieces: np.ndarray) -> None:
        if pieces.nbytes > self.budget:
            return
        old = self._table.pop(text, None)
        self.used += pieces.nbytes - (old.nbytes if old is not None else 0)
        self._table[text] = pieces
        while self.used > self.budget:
            _, dropped = self._table.popitem(last=False)
            self.used -= dropped.nbytes
