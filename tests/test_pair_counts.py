"""Sentence-pair counts stored inside the band only."""

from __future__ import annotations

import numpy as np

from align.pair_counts import PairCounts, window_sums


def _counts() -> PairCounts:
    # zh 0 sees en 0..2, zh 1 sees en 1..3, zh 2 sees nothing
    counts = PairCounts.zeros(np.array([0, 1, 2]), np.array([3, 4, 2]))
    counts.view(0)[:] = [1, 0, 2]
    counts.view(1)[:] = [0, 3, 4]
    return counts


def test_rows_are_dense_inside_the_range_and_zero_outside() -> None:
    counts = _counts()
    assert list(counts.row(0, 0, 5)) == [1, 0, 2, 0, 0]
    assert list(counts.row(1, 2, 4)) == [3, 4]
    assert list(counts.row(2, 0, 4)) == [0, 0, 0, 0]
    assert list(counts.row(3, 0, 2)) == [0, 0]  # past the last zh sentence


def test_sums_add_rows_and_windows_of_m_en_sentences() -> None:
    counts = _counts()
    # zh 0..1 with en j-2..j-1 for j = 2, 3, 4: en 0-1, 1-2, 2-3
    assert list(counts.sums(0, 2, 2, 2, 4)) == [1 + 0 + 0, 0 + 2 + 3, 2 + 3 + 4]


def test_best_sums_take_each_en_sentences_best_zh_sentence() -> None:
    counts = _counts()
    # best over zh 0..1 per en sentence: en 0 max(1, 0), en 1 max(0, 0), en 2 max(2, 3), en 3 max(0, 4)
    assert list(counts.best_sums(0, 2, 2, 2, 4)) == [1 + 0, 0 + 3, 3 + 4]
    assert list(counts.best_sums(0, 1, 1, 1, 3)) == [1, 0, 2]  # one zh sentence: its own row


def test_nonzero_lists_what_was_stored() -> None:
    assert _counts().nonzero() == {0: {0: 1, 2: 2}, 1: {2: 3, 3: 4}}


def test_an_empty_range_is_allowed() -> None:
    counts = PairCounts.zeros(np.array([4]), np.array([2]))
    assert len(counts.view(0)) == 0 and counts.nonzero() == {}


def test_window_sums() -> None:
    assert list(window_sums(np.array([1.0, 2.0, 3.0, 4.0]), 2)) == [3.0, 5.0, 7.0]
