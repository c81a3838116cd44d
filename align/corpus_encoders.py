"""Encoders for corpus work: the model chosen by name, a cache in front of it, a hashed test double.

``corpus add`` encodes every sentence once, in batches sorted by length (padding in a
batch costs as much as text), keeps the vectors in the database, and hands the aligner
a :class:`CachedEncoder` so the same sentences are not encoded again. Each process
(a local run or a Dask worker) loads its model once: :func:`corpus_encoder` keeps it in
a per-process cache.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from align.corpus_config import TEST_ENCODER
from align.encoder import Encoder

_LOADED: dict[tuple[str | None, str | None], Encoder] = {}


class HashedEncoder:
    """A deterministic stand-in for tests: a bag of hashed tokens (CJK characters, words, numbers).

    Shared numbers and Latin words make a translation slightly closer than a random text;
    nothing more. ``delay`` seconds per text slow it down so tests can kill a run mid-way.
    """

    def __init__(self, dim: int = 64, delay: float = 0.0) -> None:
        self.dim = dim
        self.delay = delay
        self.name = TEST_ENCODER

    def _token_vector(self, token: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
        return np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self.delay:
            time.sleep(self.delay * len(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            tokens = [t for t in _tokens(text)] or ["<empty>"]
            for token in tokens:
                out[row] += self._token_vector(token)
            out[row] /= np.linalg.norm(out[row]) or 1.0
        return out


def _tokens(text: str) -> list[str]:
    tokens, word = [], ""
    for char in text.lower():
        if char.isascii() and char.isalnum():
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        if not char.isascii() and char.isalnum():
            tokens.append(char)
    return tokens + ([word] if word else [])


def corpus_encoder(model: str | None = None, cache_dir: Path | None = None) -> Encoder:
    """The encoder named ``model`` (None = paraterm's default), loaded once per process.

    ``test:hashed`` (optionally ``test:hashed:DELAY``) selects :class:`HashedEncoder`.
    """
    key = (model, str(cache_dir) if cache_dir else None)
    if key not in _LOADED:
        if model and model.startswith(TEST_ENCODER):
            delay = model[len(TEST_ENCODER) + 1 :]
            _LOADED[key] = HashedEncoder(delay=float(delay) if delay else 0.0)
        else:
            from align.embed import load_encoder

            _LOADED[key] = load_encoder(model, cache_dir)
    return _LOADED[key]


def encode_distinct(encoder: Encoder, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Vectors of the distinct ``texts`` (the encoder batches them by length itself)."""
    distinct = list(dict.fromkeys(texts))
    return dict(zip(distinct, encoder.encode(distinct)))


class CachedEncoder:
    """Answers from known vectors first, encoding only the texts it has not seen."""

    def __init__(self, base: Encoder, known: dict[str, np.ndarray]) -> None:
        self.base = base
        self.known = dict(known)
        self.name = base.name
        self.dim = base.dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in texts if t not in self.known]
        if missing:
            self.known.update(encode_distinct(self.base, missing))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.known[t] for t in texts]).astype(np.float32)


def encode_query(encoder: Encoder, text: str) -> np.ndarray:
    """Encode one short text on one thread.

    A query is a few tokens: extra intra-op threads only add synchronisation, and on a busy
    machine their spin-waiting dominates (measured 0.5-3 s with 2 threads vs 35-200 ms with
    one, multilingual-e5-small, 2 shared cores). torch is only touched if already loaded.
    """
    import sys

    torch = sys.modules.get("torch")
    if torch is None:
        return encoder.encode([text])
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return encoder.encode([text])
    finally:
        torch.set_num_threads(threads)
