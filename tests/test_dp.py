"""The banded DP on hand-set scores and hand-made embeddings with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from align.dp import bead_types, best_path

FULL = 10**6  # band wider than any test document


def _band(n_zh: int, n_en: int) -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(n_zh + 1, dtype=np.int64), np.full(n_zh + 1, n_en, dtype=np.int64)


def _path(truth: list[tuple[tuple[int, ...], tuple[int, ...]]], max_bead: int = 5, skip: float = -0.3):
    """Run the DP with a score of 1 for every true bead and -1 for anything else."""
    n_zh = max(max(z) for z, _ in truth if z) + 1
    n_en = max(max(e) for _, e in truth if e) + 1
    good = {(z[0], z[-1] + 1, e[0], e[-1] + 1) for z, e in truth if z and e}

    def score(i, n, m, ja, jb):
        return np.array([1.0 if (i - n, i, j - m, j) in good else -1.0 for j in range(ja, jb + 1)])

    lo, hi = _band(n_zh, n_en)
    steps = best_path(n_zh, n_en, lo, hi, bead_types(max_bead), score, skip, skip)
    return [(tuple(range(s.zh_start, s.zh_end)), tuple(range(s.en_start, s.en_end))) for s in steps]


CASES = {
    "1-1": [((0,), (0,)), ((1,), (1,)), ((2,), (2,))],
    "1-2": [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))],
    "2-1": [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))],
    "0-1": [((0,), (0,)), ((), (1,)), ((1,), (2,))],
    "1-0": [((0,), (0,)), ((1,), ()), ((2,), (1,))],
    "2-3": [((0, 1), (0, 1, 2)), ((2,), (3,))],
    "leading and trailing skips": [((), (0,)), ((0,), (1,)), ((1,), ())],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dp_recovers_the_true_beads(name):
    assert _path(CASES[name]) == CASES[name]


def test_bead_types_are_all_n_m_up_to_max_plus_deletion():
    assert bead_types(3) == [(1, 1), (1, 2), (2, 1), (1, 0)]
    assert len(bead_types(5)) == 1 + 2 + 3 + 4 + 1


def test_bead_larger_than_max_bead_is_not_produced():
    truth = [((0,), (0, 1, 2))]
    # with max_bead 3 a 1-3 bead is impossible: the DP must use what it has
    got = _path(truth, max_bead=3)
    assert ((0,), (0, 1, 2)) not in got
    assert sorted(e for _, en in got for e in en) == [0, 1, 2]


def test_band_restricts_the_search_but_path_still_covers_everything():
    n = 30
    truth = [((i,), (i,)) for i in range(n)]
    good = {(i, i + 1, i, i + 1) for i in range(n)}

    def score(i, n_, m, ja, jb):
        return np.array([1.0 if (i - n_, i, j - m, j) in good else -1.0 for j in range(ja, jb + 1)])

    lo = np.clip(np.arange(n + 1) - 2, 0, n)
    hi = np.clip(np.arange(n + 1) + 2, 0, n)
    steps = best_path(n, n, lo, hi, bead_types(4), score, -0.3, -0.3)
    assert [((s.zh_start,), (s.en_start,)) for s in steps] == truth


def test_ties_are_broken_deterministically():
    def flat(i, n, m, ja, jb):
        return np.zeros(jb - ja + 1)

    lo, hi = _band(3, 3)
    first = best_path(3, 3, lo, hi, bead_types(5), flat, -1.0, -1.0)
    second = best_path(3, 3, lo, hi, bead_types(5), flat, -1.0, -1.0)
    assert first == second
    # with equal bead scores the cheapest types come first: three 1-1 beads beat one 3-3
    assert [(s.zh_end - s.zh_start, s.en_end - s.en_start) for s in first] == [(1, 1)] * 3
