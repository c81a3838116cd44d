"""Every glossary-building knob, defined once; the CLI and the About sheet read them here."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class GlossaryConfig:
    """Settings of term extraction and pairing, each with the trade-off it controls."""

    max_terms: int = 500  # rows proposed; more = better recall, more rows to review
    min_count: int = 0  # occurrences a candidate needs; 0 = automatic (1 below 2,000 pairs, else 2)
    max_zh_words: int = 6  # longest Chinese candidate in jieba words; longer = catches long titles, slower
    max_zh_chars: int = 20  # longest Chinese candidate in characters
    max_en_words: int = 9  # longest English candidate in words (treaty titles need ~8)
    partners: int = 8  # English candidates scored per Chinese one; more = slower, rarely better
    min_score: float = 0.35  # pairs scoring below this are not proposed
    variant_score: float = 0.5  # a second Chinese term for an English one becomes a variant above this
    embed_max_phrases: int = 160  # phrases embedded at most; more = better on small inputs, slower
    embed_below_pairs: int = 5000  # embeddings help small inputs; above this, statistics suffice
    max_contexts: int = 30  # concordance lines kept per term in the Contexts sheet

    def count_needed(self, pairs: int) -> int:
        """The occurrences a candidate needs in an input of ``pairs`` aligned pairs."""
        if self.min_count > 0:
            return self.min_count
        return 1 if pairs < 2000 else 2

    def settings(self) -> tuple[tuple[str, str], ...]:
        """The knobs as (name, value) pairs, for the About sheet and signatures."""
        return tuple((f.name, str(getattr(self, f.name))) for f in fields(self))
