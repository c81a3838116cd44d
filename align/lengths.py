"""A length model fitted on the document pair itself.

Chinese and English lengths (in non-space characters) are roughly proportional, but the
ratio depends on the text (≈ 3 for UN prose, other values for fiction or tables), so it is
measured on the pair: the ratio of total lengths, and the spread of per-bead log-ratios
measured on confident anchors when there are 20 or more (with the default model there
rarely are: the README's *How many anchors there are*). A bead's length evidence is the Gaussian log-density of its
log-ratio in units of that spread — Gale and Church's test, in log space: the English length
is compared with what the Chinese length predicts (smoothed alike, so a short bead is not
pushed off the mean by the smoothing), and the spread widens for short beads, whose
character counts are noisier.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

# Added to both lengths so that very short sentences ("Yes." / "是。") do not produce
# extreme ratios; about one short word.
SMOOTHING = 4.0
# Spread (of a REFERENCE_LENGTH bead) used when too few anchors are available to measure one.
DEFAULT_SIGMA = 0.35
MIN_SIGMA = 0.15
# Variance of the log-ratio ~ FLOOR_VARIANCE + 1/length (Gale and Church: the variance of a
# count grows with the count, so that of a ratio shrinks as 1/length). On MAC-Test's gold
# beads the spread is 0.36 at 5 Chinese characters, 0.27 at 15, 0.23 at 30, 0.18 at 60 and
# 0.14 at 120. The floor is tuned: MAC-Test exact F1 (length weight -0.02) 0.8978 / 0.8990 /
# 0.8996 / 0.8992 with 0.01 / 0.03 / 0.06 / 0.12, 0.8945 with the spread constant.
FLOOR_VARIANCE = 0.06
REFERENCE_LENGTH = 30.0  # Chinese characters; ``LengthModel.sigma`` is the spread of a bead this long
_REFERENCE_VARIANCE = FLOOR_VARIANCE + 1.0 / (REFERENCE_LENGTH + SMOOTHING)


def residual(zh: np.ndarray | float, en: np.ndarray | float, ratio: float) -> np.ndarray:
    """Log of the English length over the length ``ratio`` × Chinese predicts, smoothed alike."""
    return np.log(en + SMOOTHING) - np.log(ratio * zh + SMOOTHING)


def spread(zh: np.ndarray | float, en: np.ndarray | float, ratio: float) -> np.ndarray:
    """Relative spread of a bead's log length ratio: 1 at ``REFERENCE_LENGTH``, wider below."""
    size = 0.5 * (zh + en / ratio) + SMOOTHING
    return np.sqrt((FLOOR_VARIANCE + 1.0 / size) / _REFERENCE_VARIANCE)


def text_length(text: str) -> int:
    """Non-space characters: spacing differs between the scripts and carries no content."""
    return sum(1 for ch in text if not ch.isspace())


@dataclass(frozen=True)
class LengthModel:
    """``residual`` ~ Normal(0, ``sigma`` × ``spread``), with ratio exp(``mean``): ``mean`` is
    the log of English characters per Chinese character."""

    mean: float
    sigma: float

    @property
    def ratio(self) -> float:
        """English characters per Chinese character."""
        return math.exp(self.mean)

    def z(self, zh_len: np.ndarray | float, en_len: np.ndarray | float) -> np.ndarray:
        """Standardised deviation of the length ratio from the pair's typical ratio.

        The English length is compared with what the Chinese length predicts (``exp(mean)`` ×
        zh, both smoothed alike, so short beads are not pushed below the mean), and the
        spread widens for short beads as counts get noisy (``sigma`` is that of a
        ``REFERENCE_LENGTH``-character bead)."""
        zh = np.asarray(zh_len, dtype=np.float64)
        en = np.asarray(en_len, dtype=np.float64)
        return residual(zh, en, self.ratio) / (self.sigma * spread(zh, en, self.ratio))

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
        ratio = math.exp(mean)
        zh = np.array([zh_lens[i] for i, _ in pairs], dtype=np.float64)
        en = np.array([en_lens[j] for _, j in pairs], dtype=np.float64)
        d = residual(zh, en, ratio)
        center = float(np.median(d))
        # anchors mostly agree with the total ratio; use their centre when it is close
        mean += 0.5 * center
        scaled = (d - center) / spread(zh, en, ratio)
        sigma = max(MIN_SIGMA, 1.4826 * float(np.median(np.abs(scaled))))
    return LengthModel(mean=mean, sigma=sigma)
