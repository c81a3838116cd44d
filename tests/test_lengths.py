"""The length model fitted on the document pair."""

from __future__ import annotations

import math

import pytest

from align.lengths import DEFAULT_SIGMA, MIN_SIGMA, SMOOTHING, fit_length_model, text_length


def test_text_length_ignores_spaces():
    assert text_length("a b\tc\n") == 3
    assert text_length("我 是") == 2


def test_mean_is_the_ratio_of_total_lengths_without_anchors():
    model = fit_length_model([10, 20], [30, 60])
    assert model.mean == pytest.approx(math.log(3.0))
    assert model.sigma == DEFAULT_SIGMA


def test_typical_ratio_scores_zero_and_outliers_score_lower():
    model = fit_length_model([10, 20], [30, 60])
    assert model.log_density(10, 30) == pytest.approx(-0.5 * ((math.log(34 / 14) - math.log(3)) / DEFAULT_SIGMA) ** 2)
    assert model.log_density(10, 31) > model.log_density(10, 90)
    assert model.log_density(10, 31) > model.log_density(10, 5)


def test_anchors_set_the_spread():
    zh = [10 + i for i in range(40)]
    en = [3 * (z + SMOOTHING) - SMOOTHING for z in zh]  # every anchor exactly at ratio 3
    model = fit_length_model(zh, en, [(i, i) for i in range(40)])
    assert model.sigma == MIN_SIGMA  # zero spread is floored
    noisy = [e * (1.5 if i % 2 else 1.0) for i, e in enumerate(en)]
    assert fit_length_model(zh, noisy, [(i, i) for i in range(40)]).sigma > MIN_SIGMA


def test_empty_side_falls_back_to_defaults():
    model = fit_length_model([], [5])
    assert model.sigma == DEFAULT_SIGMA
