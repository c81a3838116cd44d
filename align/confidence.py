"""Calibrated confidence: a bead's raw evidence mapped to P(the bead is exactly right).

A logistic model over a few features of the chosen bead. The coefficients below are
constants fitted offline by ``benchmarks/calibration.py`` (see its docstring for the data
split); the mapping is monotone in the margin-adjusted cosine and bounded in (0, 1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """What the aligner knows about one bead when it reports it."""

    cos: float  # cosine of the two spans' vectors
    margin: float  # cosine minus the mean cosine to the k nearest neighbours
    length_z: float  # deviation of the length ratio, in the pair's standard deviations
    shared: float  # numbers/names found on both sides
    missing: float  # numbers/names found on one side only
    n: int  # Chinese sentences in the bead
    m: int  # English sentences in the bead


# Fitted coefficients (see module docstring). Placeholder values until fitted.
INTERCEPT = -2.0
W_MARGIN = 40.0
W_LENGTH = -0.3  # per |z|
W_SHARED = 0.5
W_MISSING = -0.5
W_MERGE = -0.2  # per extra sentence beyond 1-1


def features(ev: Evidence) -> tuple[float, ...]:
    """The model's inputs, in the order of the coefficients."""
    return (ev.margin, abs(ev.length_z), min(ev.shared, 5.0), min(ev.missing, 5.0), float(ev.n + ev.m - 2))


def confidence(ev: Evidence) -> float:
    """P(correct) in (0, 1), rounded to 4 decimals so outputs diff cleanly."""
    x = features(ev)
    t = INTERCEPT + W_MARGIN * x[0] + W_LENGTH * x[1] + W_SHARED * x[2] + W_MISSING * x[3] + W_MERGE * x[4]
    t = max(-30.0, min(30.0, t))
    return round(1.0 / (1.0 + math.exp(-t)), 4)
