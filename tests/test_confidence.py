"""The calibrated confidence: bounded, monotone in the evidence, deterministic."""

from __future__ import annotations

from dataclasses import replace

import pytest

from align.confidence import Evidence, confidence

BASE = Evidence(cos=0.85, margin=0.05, length_z=0.5, shared=0.0, missing=0.0, n=1, m=1)


@pytest.mark.parametrize("margin", [-1.0, -0.1, 0.0, 0.05, 0.2, 1.0])
def test_confidence_is_a_probability(margin):
    p = confidence(replace(BASE, margin=margin))
    assert 0.0 <= p <= 1.0


def test_confidence_grows_with_the_margin():
    margins = [-0.1, 0.0, 0.02, 0.05, 0.1, 0.2]
    ps = [confidence(replace(BASE, margin=x)) for x in margins]
    assert ps == sorted(ps) and ps[0] < ps[-1]


def test_length_outliers_and_missing_numbers_lower_confidence():
    assert confidence(replace(BASE, length_z=4.0)) < confidence(BASE)
    assert confidence(replace(BASE, missing=2.0)) < confidence(BASE)
    assert confidence(replace(BASE, shared=2.0)) > confidence(BASE)


def test_extreme_evidence_does_not_overflow():
    assert confidence(replace(BASE, margin=1e9)) == 1.0
    assert confidence(replace(BASE, margin=-1e9)) == 0.0
