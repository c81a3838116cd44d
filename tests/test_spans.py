"""Span vectors: pooled from sentence vectors, or encoded from the joined text."""

from __future__ import annotations

import numpy as np
import pytest

from align.spans import build_spans, encode_unique, join


class CountingEncoder:
    """Maps each text to a fixed unit vector and records what it was asked to encode."""

    name = "counting"
    dim = 2

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        return np.array([[1.0, 0.0] if len(t) % 2 else [0.0, 1.0] for t in texts], dtype=np.float32)


def test_join_uses_no_space_for_chinese_and_one_for_english():
    assert join(["我来了。", " 他走了。"], zh=True) == "我来了。他走了。"
    assert join(["I came.", "He left. "], zh=False) == "I came. He left."


def test_encode_unique_encodes_each_distinct_text_once_in_sorted_order():
    enc = CountingEncoder()
    vecs = encode_unique(enc, ["bb", "a", "bb"])
    assert enc.calls == [["a", "bb"]]
    assert vecs.tolist() == [[0.0, 1.0], [1.0, 0.0], [0.0, 1.0]]


def test_pooled_span_is_the_length_weighted_mean_renormalised():
    vecs = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32)
    spans = build_spans(["aaa", "b", "b"], vecs, max_len=3, zh=False)
    # "aaa" weighs 3, "b" weighs 1: (3, 1) / |(3, 1)|
    assert spans.vecs[2][0] == pytest.approx(np.array([3.0, 1.0]) / np.sqrt(10.0))
    assert spans.vecs[3][0] == pytest.approx(np.array([3.0, 2.0]) / np.sqrt(13.0))
    assert spans.lens[2].tolist() == [4, 2]
    assert spans.vecs[3].shape == (1, 2)


def test_encoded_spans_embed_the_joined_text():
    enc = CountingEncoder()
    vecs = np.eye(2, dtype=np.float32)
    build_spans(["ab", "c"], vecs, max_len=2, zh=False, encoder=enc)
    assert enc.calls == [["ab c"]]


def test_spans_longer_than_the_side_are_empty():
    spans = build_spans(["x"], np.array([[1.0, 0.0]], dtype=np.float32), max_len=3, zh=True)
    assert spans.vecs[2].shape == (0, 2) and spans.vecs[3].shape == (0, 2)
    assert spans.size == 1


def test_a_span_longer_than_the_tables_is_pooled_like_the_tables_pool():
    rng = np.random.default_rng(2)
    sentences = ["a" * (k + 1) for k in range(9)]  # lengths 1..9 weigh the pool
    vecs = rng.normal(size=(9, 4)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    short, wide = build_spans(sentences, vecs, 3, zh=False), build_spans(sentences, vecs, 8, zh=False)
    assert short.longest == 3
    np.testing.assert_allclose(short.vector(1, 8), wide.vecs[8][1], atol=1e-6)
    np.testing.assert_array_equal(short.vector(2, 3), short.vecs[3][2])  # within the tables: theirs
    assert short.length(1, 8) == sum(range(2, 10))
