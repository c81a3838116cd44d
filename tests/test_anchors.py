"""FAISS neighbours, the monotone anchor chain and the DP band."""

from __future__ import annotations

import numpy as np

from align.anchors import band, find_anchors, neighbours


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_mutual_best_pairs_become_anchors_in_order():
    rng = np.random.default_rng(0)
    base = _unit(rng.normal(size=(8, 32)))
    nb = neighbours(base, base[::-1].copy(), k=3)  # en is zh reversed: crossing pairs
    chain = find_anchors(nb, min_margin=1.0)
    # only one increasing chain survives out of the 8 crossing pairs
    assert len(chain) == 1
    nb = neighbours(base, base, k=3)
    assert find_anchors(nb, min_margin=1.0) == [(i, i) for i in range(8)]


def test_neighbour_means_are_the_mean_of_the_top_k_cosines():
    zh = _unit(np.array([[1.0, 0.0], [0.0, 1.0]]))
    en = _unit(np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]))
    nb = neighbours(zh, en, k=2)
    assert np.allclose(nb.zh_mean(), [(1 + 2**-0.5) / 2] * 2)


def test_band_follows_the_anchor_path_and_always_connects():
    lo, hi = band([(10, 20)], n_zh=20, n_en=40, width=2, drift=0.0)
    assert lo[0] == 0 and hi[-1] == 40
    assert lo[11] <= 21 <= hi[11]  # the anchor's corner (11, 21) is inside
    assert all(lo[i] <= hi[i - 1] for i in range(1, 21))  # consecutive rows overlap
    assert list(lo) == sorted(lo) and list(hi) == sorted(hi)


def test_band_width_grows_away_from_anchors_up_to_the_cap():
    lo, hi = band([], n_zh=1000, n_en=1000, width=5, drift=0.5, cap=50)
    assert hi[500] - lo[500] == 100  # capped: 2 x 50, not 2 x (5 + 250)
    lo2, hi2 = band([], n_zh=1000, n_en=1000, width=5, drift=0.5)
    assert hi2[500] - lo2[500] > 400
