"""Every alignment knob, defined once; the CLI and the signature read them from here."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class AlignConfig:
    """Settings of the aligner. Each default is documented where it is defined.

    Fields are added by the modules that use them, always with a default and a
    comment stating the trade-off in the user's terms.
    """

    max_bead: int = 5  # largest n+m of an n:m bead; larger = handles bigger merges, slower
    low_confidence: float = 0.5  # links scoring below this are flagged low-confidence

    # --- sentences (align/sentence_align.py and its helpers) ---
    span_mode: str = "pool"  # "pool" = span vectors from sentence vectors (free); "encode" = embed joined spans (slower, L(L+1)/2x encoding)
    neighbours: int = 4  # k of the FAISS k-NN margin; larger = smoother hub correction, slower search
    margin_weight: float = 1.0  # weight of the neighbours' mean cosine subtracted from a bead's cosine; 0 = plain cosine
    anchor_margin: float = 1.05  # ratio margin a mutual nearest pair needs to be an anchor; higher = fewer, surer anchors
    band_width: int = 12  # DP half-width (sentences) around the anchor path; wider = survives bigger omissions, slower
    band_drift: float = 0.5  # extra half-width per sentence of distance from the nearest anchor
    skip_cost: float = 0.05  # score of leaving one sentence unaligned (negated); higher = fewer 1-0/0-1 beads
    length_weight: float = 0.02  # weight of the length-ratio log-density; higher = trusts lengths over meaning
    lexical_weight: float = 0.02  # bonus per number/name shared by a bead; higher = trusts digits and names more
    lexical_miss: float = 0.01  # malus per number/name found on one side of a bead only
    merge_cost: float = 0.0  # malus per extra sentence in an n:m bead; higher = fewer merges

    def settings(self) -> tuple[tuple[str, str], ...]:
        """The knobs as (name, value) pairs, for the output signature."""
        return tuple((f.name, str(getattr(self, f.name))) for f in fields(self))
