"""Dictionary evidence: how many words of a bead the other side translates, beyond chance.

Embeddings judge a whole span at once and see poorly whether one more short sentence
belongs to it. A bilingual dictionary (CC-CEDICT, :mod:`align.cedict`) answers word by
word: a Chinese word is *explained* by an English sentence that contains a stem of one of
its glosses, and an English word by a Chinese sentence one of whose words has it among its
glosses.

Common words are explained by many sentences, so raw counts would reward merging any
neighbour. Each count is therefore taken *beyond chance*, the way a margin corrects a
cosine: a Chinese sentence's chance rate is its hits per English word over all English
sentences its DP rows can reach, and the other way round. A bead's gain is

    (explained words − chance rate × words on the other side) / mean words per sentence

on each side. Counts are kept per sentence pair, only for pairs inside the band
(:mod:`align.pair_counts`); a span's
count is the sum over its pairs, capped at the span's number of words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from align.anchors import reach_ranges
from align.cedict import english_stems, load
from align.pair_counts import PairCounts, mean_per_sentence, window_sums


@dataclass(frozen=True)
class TranslationIndex:
    """Words per sentence, per-pair counts of explained words, and chance rates."""

    zh_words: np.ndarray  # dictionary words per zh sentence
    en_words: np.ndarray  # content-word stems per en sentence
    zh_hits: PairCounts  # zh i, en j -> words of zh i that en j translates
    en_hits: PairCounts  # zh i, en j -> words of en j that zh i translates
    zh_rate: np.ndarray  # hits of zh i per en word, over the en sentences it can reach
    en_rate: np.ndarray  # hits of en j per zh word, over the zh sentences that reach it
    zh_unit: float  # mean dictionary words per zh sentence (at least 1): gains are per average sentence
    en_unit: float

    def gains(self, zs: int, ze: int, m: int, ja: int, jb: int) -> tuple[np.ndarray, np.ndarray]:
        """Gains of zh ``zs..ze-1`` with en ``j-m..j-1`` for ``j`` in ``ja..jb``: (zh side, en side)."""
        zh_words = float(self.zh_words[zs:ze].sum())
        en_words = window_sums(self.en_words[ja - m : jb], m)
        zh_hit = np.minimum(self.zh_hits.sums(zs, ze, m, ja, jb), zh_words)
        en_hit = np.minimum(self.en_hits.sums(zs, ze, m, ja, jb), en_words)
        zh_gain = (zh_hit - float(self.zh_rate[zs:ze].sum()) * en_words) / self.zh_unit
        en_gain = (en_hit - window_sums(self.en_rate[ja - m : jb], m) * zh_words) / self.en_unit
        return zh_gain, en_gain


def build_translation_index(
    zh: Sequence[str], en: Sequence[str], lo: np.ndarray, hi: np.ndarray, reach: int
) -> TranslationIndex:
    """Counts for each zh sentence against the en sentences its DP rows can reach.

    ``lo``/``hi`` are the DP band (first and last en position per zh row); ``reach`` is the
    largest bead size, so every pair a bead can contain is counted.
    """
    dictionary = load()
    zh_glosses = [[g for g in map(dictionary.glosses.get, dictionary.segment(text)) if g] for text in zh]
    en_stems = [set(english_stems(text)) for text in en]
    en_words = np.array([len(s) for s in en_stems], dtype=np.float64)
    en_cum = np.concatenate([[0.0], np.cumsum(en_words)])
    n_zh, n_en = len(zh), len(en)
    starts, ends = reach_ranges(lo, hi, reach, n_en)
    zh_hits, en_hits = PairCounts.zeros(starts, ends), PairCounts.zeros(starts, ends)
    zh_rate = np.zeros(n_zh)
    en_hit_sum, zh_word_sum = np.zeros(n_en), np.zeros(n_en)
    for r, glosses in enumerate(zh_glosses):
        a, b = int(starts[r]), int(ends[r])
        zh_word_sum[a:b] += len(glosses)
        if not glosses:
            continue
        union = frozenset().union(*glosses)
        zh_row, en_row = zh_hits.view(r), en_hits.view(r)
        for j in range(a, b):
            stems = en_stems[j]
            explained = sum(1 for g in glosses if not stems.isdisjoint(g)) if stems else 0
            if explained:
                zh_row[j - a] = explained
                en_row[j - a] = len(stems & union)
        en_hit_sum[a:b] += en_row
        zh_rate[r] = int(zh_row.sum()) / max(en_cum[b] - en_cum[a], 1.0)
    zh_words = np.array([len(g) for g in zh_glosses], dtype=np.float64)
    return TranslationIndex(
        zh_words=zh_words,
        en_words=en_words,
        zh_hits=zh_hits,
        en_hits=en_hits,
        zh_rate=zh_rate,
        en_rate=en_hit_sum / np.maximum(zh_word_sum, 1.0),
        zh_unit=mean_per_sentence(zh_words),
        en_unit=mean_per_sentence(en_words),
    )
