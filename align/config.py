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

    def settings(self) -> tuple[tuple[str, str], ...]:
        """The knobs as (name, value) pairs, for the output signature."""
        return tuple((f.name, str(getattr(self, f.name))) for f in fields(self))
