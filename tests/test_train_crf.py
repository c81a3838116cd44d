"""The CRF weight trainer's forward-backward against brute-force enumeration of every path."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from train_crf import build_lattice, forward_backward, make_doc, objective  # noqa: E402

from align.dp import bead_types  # noqa: E402
from align.features import NAMES, SKIP_EN, SKIP_ZH  # noqa: E402

N_ZH, N_EN, MAX_BEAD = 3, 4, 4
GOLD = [((0,), (0, 1)), ((1,), ()), ((2,), (2, 3))]


class RandomFeatures:
    """Fixed pseudo-random features per candidate bead, the same on every call."""

    def matrix(self, i: int, n: int, m: int, ja: int, jb: int) -> np.ndarray:
        rows = []
        for j in range(ja, jb + 1):
            rng = np.random.default_rng(1000 * i + 100 * n + 10 * m + j)
            rows.append(rng.normal(size=len(NAMES)) * 0.5)
        return np.array(rows)


def _paths(i: int, j: int):
    """Every monotone path from (i, j) to the end, as lists of (i_end, n, m, j_end)."""
    if (i, j) == (N_ZH, N_EN):
        yield []
        return
    for n, m in [*bead_types(MAX_BEAD), (0, 1)]:
        if i + n <= N_ZH and j + m <= N_EN:
            for rest in _paths(i + n, j + m):
                yield [(i + n, n, m, j + m), *rest]


def _bead_features(feats: RandomFeatures, i: int, n: int, m: int, j: int) -> np.ndarray:
    if n == 0 or m == 0:
        f = np.zeros(len(NAMES))
        f[SKIP_EN if n == 0 else SKIP_ZH] = 1.0
        return f
    return feats.matrix(i, n, m, j, j)[0]


def _brute_force(w: np.ndarray, alpha: float, gold) -> tuple[float, np.ndarray]:
    feats = RandomFeatures()
    gold_beads = {(max(z) + 1, len(z), len(e), max(e) + 1) for z, e in gold if z and e}
    gold_zh_skips = {z[0] for z, e in gold if not e}
    gold_en_skips = {e[0] for z, e in gold if not z}
    scores, sums = [], []
    for path in _paths(0, 0):
        total, fsum = 0.0, np.zeros(len(NAMES))
        for i, n, m, j in path:
            f = _bead_features(feats, i, n, m, j)
            right = (i, n, m, j) in gold_beads or (m == 0 and i - 1 in gold_zh_skips) or (n == 0 and j - 1 in gold_en_skips)
            total += f @ w + (0.0 if right else alpha)
            fsum += f
        scores.append(total)
        sums.append(fsum)
    scores = np.array(scores)
    log_z = float(np.logaddexp.reduce(scores))
    probs = np.exp(scores - log_z)
    return log_z, probs @ np.array(sums)


@pytest.mark.parametrize("alpha", [0.0, 1.5])
def test_forward_backward_matches_every_path_summed(alpha: float) -> None:
    w = np.random.default_rng(7).normal(size=len(NAMES))
    prep = SimpleNamespace(features=RandomFeatures(), n_en=N_EN)
    lo, hi = np.zeros(N_ZH + 1, dtype=int), np.full(N_ZH + 1, N_EN)
    lattice = build_lattice(prep, lo, hi, 0, N_ZH, 0, N_EN, bead_types(MAX_BEAD), GOLD)
    log_z, expected = forward_backward(lattice, w, alpha)
    want_z, want_expected = _brute_force(w, alpha, GOLD)
    assert log_z == pytest.approx(want_z, rel=1e-6)
    np.testing.assert_allclose(expected, want_expected, rtol=1e-5, atol=1e-7)


def test_a_sub_lattice_sums_only_the_paths_inside_its_box() -> None:
    w = np.random.default_rng(3).normal(size=len(NAMES))
    prep = SimpleNamespace(features=RandomFeatures(), n_en=N_EN)
    lo, hi = np.zeros(N_ZH + 1, dtype=int), np.full(N_ZH + 1, N_EN)
    lo[1:], hi[:2] = 1, 3  # rows 1..3 from en 1, rows 0..1 up to en 3
    box = build_lattice(prep, lo, hi, 1, 3, 1, 4, bead_types(MAX_BEAD), [])
    log_z, _ = forward_backward(box, w, 0.0)
    feats = RandomFeatures()
    scores = []
    for path in _paths(1, 1):
        points = [(1, 1)] + [(i, j) for i, _, _, j in path]
        if all(lo[i] <= j <= hi[i] for i, j in points):
            scores.append(sum(_bead_features(feats, i, n, m, j) @ w for i, n, m, j in path))
    assert log_z == pytest.approx(float(np.logaddexp.reduce(scores)), rel=1e-6)


def test_the_objective_gradient_matches_finite_differences() -> None:
    # max_bead 3: the gold 1-2 beads fit, and a 3-2 bead at the end does not (left latent)
    n_zh, n_en = 6, 7
    gold = [((0,), (0, 1)), ((1,), ()), ((2,), (2, 3)), ((3, 4, 5), (4, 5, 6))]
    prep = SimpleNamespace(features=RandomFeatures(), n_zh=n_zh, n_en=n_en,
                           lo=np.zeros(n_zh + 1, dtype=int), hi=np.full(n_zh + 1, n_en))
    doc = make_doc(SimpleNamespace(name="toy", gold=gold), prep, SimpleNamespace(max_bead=3))
    assert doc is not None and len(doc.latent) == 1
    w0 = np.random.default_rng(5).normal(size=len(NAMES)) * 0.3
    mask = np.ones(len(NAMES), dtype=bool)
    mask[3] = False  # a fixed weight gets no gradient
    x = np.append(w0 + 0.1, np.log(2.0))
    loss, grad = objective(x, [doc], 1.0, 0.5, w0, mask)
    assert loss > 0 and grad[3] == 0.0
    for k in (0, 5, SKIP_ZH, SKIP_EN, len(x) - 1):
        step = np.zeros(len(x))
        step[k] = 1e-5
        numeric = (objective(x + step, [doc], 1.0, 0.5, w0, mask)[0] - objective(x - step, [doc], 1.0, 0.5, w0, mask)[0]) / 2e-5
        assert grad[k] == pytest.approx(numeric, rel=1e-4, abs=1e-6)
