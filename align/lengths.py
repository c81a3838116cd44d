"""A length model fitted on the document pair itself.

Chinese and English lengths (in non-space characters) are roughly proportional, but the
ratio depends on the text (≈ 3 for UN prose, other values for fiction or tables), so it is
measured on the pair: the ratio of total lengths, and the spread of per-bead log-ratios
measured on confident anchors. A bead's length evidence is the Gaussian log-density of
its log-ratio, in units of that spread — a Gale-Church-style test, in log space so long
and short beads are judged alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

# Added to both lengths so that very short sentences ("Yes." / "是。") do not produce
# extreme ratios; about one short word.
SMOOTHING = 4.0
# Spread used when too few anchors are available to measure one (typical of zh-en).
DEFAULT_SIGMA = 0.35
MIN_SIGMA = 0.15


def text_length(text: str) -> int:
    """Non-space characters: spacing differs between the scripts and carries no content."""
    return sum(1 for ch in text if not ch.isspace())


@dataclass(frozen=True)
class LengthModel:
    """``log(en + s) - log(zh + s)`` is modelled as Normal(``mean``, ``sigma``)."""

    mean: float
    sigma: float

    def z(self, zh_len: np.ndarray | float, en_len: np.ndarray | float) -> np.ndarray:
        """Standardised deviation of the length ratio from the pair's typical ratio."""
        d = np.log(np.asarray(en_len, dtype=np.float64) + SMOOTHING) - np.log(np.asarray(zh_len, dtype=np.float64) + SMOOTHING)
        return (d - self.mean) / self.sigma

    def log_density(self, zh_len: np.ndarray | float, en_len: np.ndarray | float) -> np.ndarray:
        """Log-density (up to a constant) of the ratio: 0 at the typical ratio, negative away."""
        z = self.z(zh_len, en_len)
        return -0.5 * z * z


def fit_length_model(
    zh_lens: Sequence[int],
    en_lens: Sequence[int],
    pairs: Sequence[tuple[int, int]] = (),
) -> LengthModel:
    """Fit on a document pair: mean from total lengths, spread from anchor pairs.

    ``pairs`` are (zh index, en index) anchors believed to be 1-1 translations; the
    spread is a robust estimate (1.4826 × median absolute deviation) of their log-ratios.
    """
    zh_total, en_total = float(sum(zh_lens)), float(sum(en_lens))
    if zh_total <= 0 or en_total <= 0:
        return LengthModel(mean=math.log(3.0), sigma=DEFAULT_SIGMA)
    mean = math.log(en_total / zh_total)
    sigma = DEFAULT_SIGMA
    if len(pairs) >= 20:
        d = np.array([math.log(en_lens[j] + SMOOTHING) - math.log(zh_lens[i] + SMOOTHING) for i, j in pairs])
        center = float(np.median(d))
        # anchors mostly agree with the total ratio; use their centre when it is close
        mean = 0.5 * (mean + center)
        sigma = max(MIN_SIGMA, 1.4826 * float(np.median(np.abs(d - center))))
    return LengthModel(mean=mean, sigma=sigma)
