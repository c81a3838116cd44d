"""The interface every sentence encoder offers to the aligner.

Alignment code depends on this protocol only, so tests can pass a fake encoder
with hand-set vectors and the DP results are exact.
"""

from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors of one dimension."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape ``(len(texts), dim)``, rows of unit length."""
        ...
