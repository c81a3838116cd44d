"""Calibrated confidence: a bead's raw evidence mapped to P(the bead is exactly right).

A logistic model over a few features of the chosen bead. The coefficients below are
constants fitted by ``benchmarks/calibration.py`` (Newton's method on the log-loss) on
beads the aligner produced for MAC-Test documents 001-012; the calibration table of
the README is measured on the other documents. The mapping is bounded in (0, 1) and
increasing in the margin (the fitted margin coefficient is positive; a test checks it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """What the aligner knows about one bead when it reports it."""

    cos: float  # cosine of the two spans' vectors
    margin: float  # cosine minus the mean cosine with the sentences just outside the bead
    length_z: float  # |deviation| of the length ratio, in the pair's standard deviations
    shared: float  # numbers/names found on both sides
    missing: float  # numbers/names found on one side only
    n: int  # Chinese sentences in the bead
    m: int  # English sentences in the bead
    score: float = 0.0  # the bead's DP score (learned weights · features)
    context: float = 0.0  # the weaker margin of the two neighbouring beads (0 if unaligned/none)


FEATURES = ("intercept", "margin", "|length z|", "shared", "missing", "extra sentences", "dp score", "neighbour margin")
# Fitted coefficients, in the order of FEATURES (see the module docstring).
COEF = (0.3117, 39.0840, -0.6602, 0.3842, -0.0881, -0.9636, -1.4448, 29.1211)


def features(ev: Evidence) -> tuple[float, ...]:
    """The model's inputs, in the order of FEATURES."""
    return (1.0, ev.margin, abs(ev.length_z), min(ev.shared, 5.0), min(ev.missing, 5.0), float(ev.n + ev.m - 2), ev.score, ev.context)


def confidence(ev: Evidence, coef: tuple[float, ...] = COEF) -> float:
    """P(correct) in [0, 1], rounded to 4 decimals so outputs diff cleanly."""
    t = sum(c * x for c, x in zip(coef, features(ev)))
    t = max(-30.0, min(30.0, t))
    return round(1.0 / (1.0 + math.exp(-t)), 4)
