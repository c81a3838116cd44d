"""Word-piece helpers (align/pieces.py): the memory's budget, word-like pieces, the layer."""

from __future__ import annotations

import numpy as np

from align.pieces import PieceMemory, layer_module, unit_rows, wordlike_ids


def _rows(n: int) -> np.ndarray:
    return np.ones((n, 4), dtype=np.float16)  # 8 bytes per row


def test_memory_hands_pieces_out_once_and_drops_the_oldest_beyond_its_budget() -> None:
    memory = PieceMemory(budget=64)
    memory.put("a", _rows(4))
    memory.put("b", _rows(4))
    memory.put("c", _rows(2))  # 80 bytes: "a" goes
    assert memory.used == 48
    assert memory.take("a") is None
    assert memory.take("b").shape == (4, 4)
    assert memory.take("b") is None and memory.used == 16
    memory.put("huge", _rows(9))  # larger than the whole budget: not kept
    assert memory.take("huge") is None and memory.used == 16


class _Tokenizer:
    pieces = ["<s>", "▁", "▁milk", ",", "牛奶", "_", "70"]

    def __len__(self) -> int:
        return len(self.pieces)

    def convert_ids_to_tokens(self, ids):
        return [self.pieces[i] for i in ids]


def test_wordlike_pieces_hold_a_letter_digit_or_chinese_character() -> None:
    assert wordlike_ids(_Tokenizer()).tolist() == [True, False, True, False, True, False, True]


def test_unit_rows_are_float16_of_length_one() -> None:
    rows = unit_rows(np.array([[3.0, 4.0], [0.0, 2.0]], dtype=np.float32))
    assert rows.dtype == np.float16 and np.allclose(rows.astype(np.float32), [[0.6, 0.8], [0.0, 1.0]], atol=1e-3)


def test_models_without_a_layer_stack_have_no_pieces() -> None:
    assert layer_module(object()) is None and layer_module(None) is None
