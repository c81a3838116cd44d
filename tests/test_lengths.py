"""The length model fitted on the document pair."""

from __future__ import annotations

import math

import pytest

from align.lengths import DEFAULT_SIGMA, MIN_SIGMA, SMOOTHING, fit_length_model, spread, text_length


def test_text_length_ignores_spaces():
    assert text_length("a b\tc\n") == 3
    assert text_length("我 是") == 2


def test_mean_is_the_ratio_of_total_lengths_without_anchors():
    model = fit_length_model([10, 20], [30, 60])
    assert model.mean == pytest.approx(math.log(3.0))
    assert model.sigma == DEFAULT_SIGMA


def test_typical_ratio_scores_zero_at_every_length_and_outliers_score_lower():
    model = fit_length_model([10, 20], [30, 60])
    for zh in (1, 5, 30, 200):
        assert model.log_density(zh, 3 * zh) == pytest.approx(0.0)
    assert model.log_density(10, 31) > model.log_density(10, 90)
    assert model.log_density(10, 31) > model.log_density(10, 5)
    d = math.log(60 + SMOOTHING) - math.log(3 * 10 + SMOOTHING)
    assert model.z(10, 60) == pytest.approx(d / (DEFAULT_SIGMA * spread(10, 60, 3.0)))


def test_short_beads_are_judged_more_leniently_than_long_ones():
    model = fit_length_model([10, 20], [30, 60])
    assert spread(30, 90, 3.0) == pytest.approx(1.0)
    assert spread(5, 15, 3.0) > 1.3 > 1.0 > spread(120, 360, 3.0)
    # the same relative excess (English 1.5 × the expected length) weighs more on a long bead
    assert abs(model.z(5, 22.5)) < abs(model.z(30, 135)) < abs(model.z(120, 540))


def test_anchors_set_the_spread():
    zh = [10 + i for i in range(40)]
    en = [3 * z for z in zh]  # every anchor exactly at ratio 3
    model = fit_length_model(zh, en, [(i, i) for i in range(40)])
    assert model.sigma == MIN_SIGMA  # zero spread is floored
    noisy = [e * (1.5 if i % 2 else 1.0) for i, e in enumerate(en)]
    assert fit_length_model(zh, noisy, [(i, i) for i in range(40)]).sigma > MIN_SIGMA


def test_empty_side_falls_back_to_defaults():
    model = fit_length_model([], [5])
    assert model.sigma == DEFAULT_SIGMA
