"""Sentence coverage of paragraph beads, on hand-made unit vectors."""

from __future__ import annotations

import numpy as np
import pytest

from align.paragraph_coverage import Coverage, windows


def unit(*rows: list[float]) -> np.ndarray:
    v = np.array(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


# Six directions; en paragraph k translates zh paragraph k sentence by sentence, except
# en paragraph 2, which has no counterpart (its sentence points elsewhere).
E = np.eye(6, dtype=np.float32)
ZH = [unit(E[0], E[1]), unit(E[2]), unit(E[3])]
EN = [unit(E[0] + 0.1 * E[5], E[1]), unit(E[2]), unit(E[4]), unit(E[3])]


def build(zh: list[np.ndarray] = ZH, en: list[np.ndarray] = EN) -> Coverage:
    return Coverage.build(zh, en, [(0, len(en))] * len(zh), min_contrast=0.25)


def test_translated_member_is_covered_and_a_dropped_one_is_not() -> None:
    cov = build()
    # zh paragraph 1 with en paragraphs [1, 3) = its translation plus the dropped one
    translation, dropped = cov._en_member(np.array([1, 2]), 1, 2)
    assert translation > 0.8 and dropped < 0.2
    assert cov.weakest(1, 2, 2, np.array([1]))[0] == pytest.approx(dropped)


def test_a_true_merge_has_every_member_covered() -> None:
    zh = [unit(E[0], E[1]), unit(E[2], E[4]), unit(E[3])]  # zh paragraph 1 = en 1 + en 2
    cov = build(zh=zh)
    assert cov.weakest(1, 2, 2, np.array([1]))[0] > 0.8
    assert cov.weakest(1, 2, 1, np.array([0]))[0] < 0.2  # zh 0 with en 0 + en 1: en 1 is not in zh 0


def test_chinese_members_are_measured_too() -> None:
    en = [unit(E[0], E[1]), unit(E[2], E[3])]  # en 1 = zh 1 + zh 2
    cov = build(en=en)
    assert cov.weakest(2, 1, 3, np.array([1]))[0] > 0.8
    assert cov.weakest(2, 1, 2, np.array([0]))[0] < 0.2  # zh 0 + zh 1 with en 0


def test_one_to_one_beads_weigh_both_paragraphs() -> None:
    cov = build()
    right, wrong = cov.weakest(1, 1, 2, np.array([1, 2]))  # zh 1 with en 1 (translation) / en 2 (dropped)
    assert right > 0.8 and wrong < 0.2


def test_mutual_coverage_ranks_the_translation_first() -> None:
    cov = build()
    right, wrong = cov.mutual(1, 1, 2, np.array([1, 3]))
    assert right > 0.8 > 0.2 > wrong


def test_paragraphs_outside_the_window_count_as_unrelated() -> None:
    cov = Coverage.build(ZH, EN, [(0, 2), (1, 3), (2, 4)], min_contrast=0.25)
    inside, outside = cov._zh_member(0, 1, np.array([0, 3]))
    assert inside > 0.8 and outside == pytest.approx(0.0, abs=1e-6)


def test_windows_reach_every_paragraph_a_bead_can_touch() -> None:
    # rows 0..3 of a DP over 3 zh and 5 en paragraphs, band [lo, hi) of end positions
    lo, hi = np.array([0, 0, 1, 2]), np.array([2, 3, 5, 6])
    assert windows(lo, hi, 3, 5, ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))) == [(0, 4), (0, 5), (0, 5)]
