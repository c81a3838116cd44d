"""Every alignment knob, defined once; the CLI and the signature read them from here."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class AlignConfig:
    """Settings of the aligner. Each default is documented where it is defined.

    Fields are added by the modules that use them, always with a default and a
    comment stating the trade-off in the user's terms.
    """

    max_bead: int = 7  # largest n+m of an n:m bead; larger = bigger merges, slower (MAC-Test cached exact F1 5: 0.867, 6: 0.877, 7: 0.879, aligner 35 -> 54 s)
    low_confidence: float = 0.5  # links scoring below this are flagged low-confidence

    # --- sentences (align/sentence_align.py and its helpers) ---
    span_mode: str = "pool"  # "pool" = span vectors from sentence vectors (free); "encode" = embed joined spans (slower, L(L+1)/2x encoding)
    neighbours: int = 4  # k of the FAISS k-NN margin; larger = smoother hub correction, slower search
    anchor_margin: float = 1.1  # ratio margin a mutual nearest pair needs to be an anchor; higher = fewer, surer anchors (1.05: MAC exact F1 -0.013)
    band_width: int = 12  # DP half-width (sentences) around the anchor path; wider = survives bigger omissions, slower
    band_drift: float = 0.5  # extra half-width per sentence of distance from the nearest anchor
    band_max: int = 200  # cap on the DP half-width; larger = survives bigger omissions far from anchors, more memory/time
    skip_cost: float = 0.0  # added cost of leaving a sentence unaligned, on top of the learned one; higher = fewer 1-0/0-1 beads
    token_max_sentences: int = 4000  # word-piece evidence (align/tokens.py) for sides up to this long; 4,000 a side with 20 pieces a sentence: 123 MB of pieces + 76-167 MB building the index (max_bead 7); 0 = off
    clause_crossing: bool = True  # clause evidence (align/clauses.py): also encodes each sentence's edge clauses up to half its length, 0.33x its characters again (MAC-Test end to end ~211 -> 222-292 s, exact F1 0.900 -> 0.918, measured with clauses up to 40 %); False = faster
    refine_weight: float = 0.05  # after the DP, a cut between two beads pays this per unit of word-piece crossing beyond refine_offset (align/refine.py; MAC-Test exact F1 0.918 -> 0.926 for ~10 CPU-s); higher = the crossing overrules the DP on more close calls, both ways; 0 = off
    refine_offset: float = 1.5  # the crossing at which a cut and a merge are even
    long_beads: bool = True  # after the DP, one sentence may take more than max_bead - 1 of the other side: neighbouring one-to-many beads re-divided, unaligned sentences taken (align/long_beads.py; pol 0.9872 -> 0.9892, MAC-Test 0.9256 -> 0.9260, 0.13 CPU-s); False = no bead beyond max_bead
    merge_cost: float = 0.0  # added cost of an n:m bead other than 1-1, on top of the learned one; higher = fewer merges

    # --- paragraphs (align/paragraph_align.py, align/pipeline.py) ---
    # Bead scores are in units where a typical 1-1 translation scores ~1, unrelated text ~0.
    paragraph_beads: str = "1-1 1-0 0-1 1-2 2-1"  # n-m paragraph merges tried; more = handles re-paragraphing, slower
    paragraph_skip: float = 0.3  # a pair scoring below this is left unaligned; higher = fewer but surer links
    paragraph_band: int = 100  # DP search width in paragraphs off the length diagonal; wider = survives bigger omissions, slower
    paragraph_vectors: str = "pool"  # "pool": length-weighted mean of sentence vectors (no extra encoding); "encode": embed whole paragraphs (2x encoding)
    paragraph_centre: bool = True  # subtract each side's mean paragraph vector before cosines; sharper on compact encoders (e5)
    paragraph_min_contrast: float = 0.25  # floor of (mean best − mean cosine) after centring; WMT22: translations ~0.5, unrelated docs ≤0.2 (needs centring)
    paragraph_refit: bool = False  # second DP pass, length model refitted on 1-1 links; WMT22 e5: dev +0.002, test -0.010
    paragraph_neighbours: int = 3  # k of the k-NN margin; larger = smoother hub correction
    paragraph_margin: float = 0.5  # weight of the margin (hubness) correction; 0 = plain cosine
    paragraph_label_weight: float = 1.0  # bonus for equal labels ("4." ↔ "4."), malus for different; higher = trust numbering more
    paragraph_number_weight: float = 0.3  # weight of shared numbers/dates/symbols; higher = trust digits more
    paragraph_length_weight: float = 0.5  # weight of the length model; higher = fewer merges/skips against length evidence
    paragraph_length_sigma: float = 0.5  # spread of log(length ratio) of true pairs; smaller = stricter about lengths
    paragraph_length_smoothing: float = 20.0  # characters added to both lengths, so short headings are not over-judged
    paragraph_member_weight: float = 2.0  # cost per unit a linked paragraph's sentence coverage falls short of the floor; 0 = off
    paragraph_member_floor: float = 0.6  # coverage (0 = unrelated, 1 = translation) each paragraph of a link must reach
    paragraph_min_centred: int = 3  # a side with fewer paragraphs scores beads by sentence coverage (two centred vectors are opposite)
    paragraph_merge_penalty: float = 0.0  # score cost per extra paragraph in a merge; higher = fewer merges
    paragraph_steepness: float = 6.0  # confidence = logistic(steepness * (score - midpoint)); calibrated on WMT22
    paragraph_midpoint: float = 0.4
    paragraph_min_confidence: float = 0.5  # below this mean link confidence, align sentences over the whole document
    paragraph_max_unaligned: float = 0.3  # above this share of sentences in unaligned paragraphs, same fallback
    expected_length_ratio: float = 3.2  # English chars per Chinese char (no spaces) in UNPC; for the wrong-file warning and paragraph lengths of tiny documents
    length_warning_factor: float = 5.0  # warn when a side is this many times shorter than the ratio above predicts
    sentence_scope: str = "document"  # "document": one sentence pass over everything, re-done per paragraph group
    # only where it crosses a paragraph link (scores fitted on the whole document); "paragraph": each group alone

    def settings(self) -> tuple[tuple[str, str], ...]:
        """The knobs as (name, value) pairs, for the output signature."""
        return tuple((f.name, str(getattr(self, f.name))) for f in fields(self))
