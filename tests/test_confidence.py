"""The calibrated confidence: bounded, monotone in the evidence, deterministic."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from align.confidence import PROMISE, PROMISE_AT, RIVAL_CAP, Evidence, confidence, logistic, rescale
from align.dp import Step
from align.features import NAMES, SKIP_EN, SKIP_ZH
from align.sentence_align import _pair_lead

BASE = Evidence(cos=0.85, margin=0.05, length_z=0.5, shared=0.0, missing=0.0, n=1, m=1, context=0.05, rival=0.05, reshape=-0.05)


@pytest.mark.parametrize("rival", [-1.0, -0.1, 0.0, 0.05, 0.2, 1.0])
def test_confidence_is_a_probability(rival):
    p = confidence(replace(BASE, rival=rival))
    assert 0.0 <= p <= 1.0


@pytest.mark.parametrize(
    "field, values",
    [
        ("rival", [-0.1, 0.0, 0.02, 0.05, 0.1, 0.2]),
        ("context", [-0.1, 0.0, 0.02, 0.05, 0.1, 0.2]),
        ("cos", [0.5, 0.6, 0.7, 0.8, 0.9]),
    ],
)
def test_confidence_grows_with_the_margins_and_the_cosine(field, values):
    ps = [confidence(replace(BASE, **{field: x})) for x in values]
    assert ps == sorted(ps) and ps[0] < ps[-1]


def test_a_better_fitting_reshape_lowers_confidence():
    ps = [confidence(replace(BASE, reshape=x)) for x in (-0.2, -0.1, 0.0, 0.05)]
    assert ps == sorted(ps, reverse=True) and ps[0] > ps[-1]


def test_rival_margin_beyond_the_cap_adds_nothing():
    assert confidence(replace(BASE, rival=RIVAL_CAP)) == confidence(replace(BASE, rival=5.0))


def test_length_outliers_missing_numbers_and_merges_lower_confidence():
    assert confidence(replace(BASE, length_z=4.0)) < confidence(BASE)
    assert confidence(replace(BASE, missing=2.0)) < confidence(BASE)
    assert confidence(replace(BASE, n=1, m=3)) < confidence(BASE)


def test_extreme_evidence_does_not_overflow():
    assert confidence(replace(BASE, context=1e9)) == 1.0
    assert confidence(replace(BASE, context=-1e9)) == 0.0


def test_rescale_is_monotone_and_keeps_the_low_confidence_threshold():
    ps = np.linspace(0.0, 1.0, 201)
    out = [rescale(float(p)) for p in ps]
    assert out == sorted(out) and out[0] == 0.0 and out[-1] == pytest.approx(1.0)
    assert rescale(0.5) == 0.5 and rescale(0.3) == 0.3
    assert rescale(PROMISE_AT) == pytest.approx(PROMISE)


def test_a_score_of_0_9_promises_more_than_the_raw_model():
    # evidence the logistic model puts between 0.9 and the knot stays below the promise
    evs = [replace(BASE, context=float(c)) for c in np.linspace(-0.3, 0.3, 601)]
    between = [ev for ev in evs if PROMISE <= logistic(ev) < PROMISE_AT]
    assert between and all(confidence(ev) < PROMISE for ev in between)
    assert all(confidence(ev) >= PROMISE for ev in evs if logistic(ev) >= PROMISE_AT)


class _Fake:
    """Stand-in for BeadFeatures: a bead's only feature is a hand-set score (-1 if unlisted)."""

    def __init__(self, table: dict[tuple[int, int, int, int], float], n_zh: int, n_en: int) -> None:
        def side(count: int) -> SimpleNamespace:
            vecs = [np.zeros((0, 1))] + [np.zeros((max(count - k + 1, 0), 1)) for k in range(1, 5)]
            return SimpleNamespace(spans=SimpleNamespace(vecs=vecs, size=count, longest=len(vecs) - 1))

        self.table, self.zh, self.en = table, side(n_zh), side(n_en)

    def matrix(self, i: int, n: int, m: int, ja: int, jb: int) -> np.ndarray:
        row = np.zeros((1, len(NAMES)))
        row[0, 0] = self.table.get((i - n, i, ja - m, ja), -1.0)
        return row


def test_rival_margin_is_the_lead_over_the_best_rearrangement():
    # two 1-1 beads scoring 1.0 each; their 2-2 merge scores `merged`; skips cost 0.1
    steps = [Step(0, 1, 0, 1, 1.0), Step(1, 2, 1, 2, 1.0)]
    weights = np.zeros(len(NAMES))
    weights[0], weights[SKIP_ZH], weights[SKIP_EN] = 1.0, -0.1, -0.1

    def lead(merged: float) -> float:
        feats = _Fake({(0, 1, 0, 1): 1.0, (1, 2, 1, 2): 1.0, (0, 2, 0, 2): merged}, 2, 2)
        return min(RIVAL_CAP, _pair_lead(steps[0], steps[1], feats, weights, max_bead=5))

    assert lead(1.9) == pytest.approx(0.1)
    assert lead(1.8) == pytest.approx(0.2)
    assert lead(2.5) == pytest.approx(-0.5)  # the DP would not have chosen this path: a real rival wins
    assert lead(0.5) == RIVAL_CAP
