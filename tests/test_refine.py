"""Merges re-decided after the DP (align/refine.py): crossings by hand, and the choices they make."""

from __future__ import annotations

import numpy as np

from align.config import AlignConfig
from align.dp import Step
from align.refine import Cuts, refine
from align.sentence_align import align_sentences
from tests.test_tokens import DIM, PieceEncoder


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def _pieces(*rows: list[float]) -> np.ndarray:
    out = np.array(rows, dtype=np.float32)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


E1, E2, E3, E4 = [1.0, 0, 0, 0], [0, 1.0, 0, 0], [0, 0, 1.0, 0], [0, 0, 0, 1.0]


def _ends(steps: list[Step]) -> list[tuple[int, int, int, int]]:
    return [(s.zh_start, s.zh_end, s.en_start, s.en_end) for s in steps]


def test_a_clause_moved_across_the_cut_is_a_run_of_pieces_preferring_the_other_bead() -> None:
    # zh 0 says E1 then E3; zh 1 says E2. The English put E3 into its second sentence: zh 0's
    # last piece prefers en 1 (cosine 1 against 0), and en 1's first piece prefers zh 0
    cuts = Cuts([_pieces(E1, E3), _pieces(E2)], [_pieces(E1), _pieces(E3, E2)])
    assert cuts.crossing(1, 1) == 2.0
    # the same words, each in its own sentence on both sides: nothing crosses
    cuts = Cuts([_pieces(E1, E3), _pieces(E2)], [_pieces(E1, E3), _pieces(E2)])
    assert cuts.crossing(1, 1) == 0.0


def test_only_a_run_at_the_edge_counts_not_a_piece_inside_the_sentence() -> None:
    # zh 0's *first* piece (E3) prefers en 1, but its last (E1) does not: no run at the edge
    cuts = Cuts([_pieces(E3, E1), _pieces(E2)], [_pieces(E1), _pieces(E2, E3)])
    # en 1's pieces: E2 prefers zh 1 (its own bead), so its leading run is empty too
    assert cuts.crossing(1, 1) == 0.0


def test_partial_preference_sums_along_the_run() -> None:
    # zh 0's last piece lies between en 0 (E1) and en 1 (E2): cosines 0.6 and 0.8 -> +0.2;
    # en 1's first piece (E4) is zh 1's, so its run is empty, and its E2 (0.8 in zh 0) is not at the edge
    cuts = Cuts([_pieces(E1, [0.6, 0.8, 0, 0]), _pieces(E4)], [_pieces(E1), _pieces(E4, E2)])
    assert np.isclose(cuts.crossing(1, 1), 0.2)
    # with E2 first, en 1's run adds its 0.8
    cuts = Cuts([_pieces(E1, [0.6, 0.8, 0, 0]), _pieces(E4)], [_pieces(E1), _pieces(E2, E4)])
    assert np.isclose(cuts.crossing(1, 1), 1.0)



def test_a_sentence_without_word_pieces_crosses_nothing() -> None:
    # punctuation only: the encoder keeps no piece of it; its run is empty, the others still count
    empty = np.zeros((0, 4), np.float32)
    cuts = Cuts([_pieces(E1, E3), empty], [_pieces(E1), _pieces(E3, E2)])
    assert cuts.crossing(1, 1) == 2.0
    assert Cuts([empty, empty], [empty, empty]).crossing(1, 1) == 0.0

# two 1-1 beads over zh 0..1 and en 0..1, and the 2-2 bead over both
TWO = [Step(0, 1, 0, 1, 1.0), Step(1, 2, 1, 2, 1.0)]
MOVED = ([_pieces(E1, E3), _pieces(E2)], [_pieces(E1), _pieces(E3, E2)])  # crossing 2 at the cut
APART = ([_pieces(E1, E3), _pieces(E2)], [_pieces(E1, E3), _pieces(E2)])  # crossing 0


def _scores(merged: float):
    table = {(0, 2, 0, 2): merged, (0, 1, 0, 1): 1.0, (1, 2, 1, 2): 1.0}
    return lambda zs, ze, es, ee: table.get((zs, ze, es, ee))


def test_a_close_call_is_merged_when_a_clause_crosses_the_cut() -> None:
    # the DP preferred the cut by 0.05; a crossing of 2 beyond offset 1 costs it 0.1
    got = refine(TWO, _scores(1.95), *MOVED, weight=0.1, offset=1.0)
    assert _ends(got) == [(0, 2, 0, 2)]
    assert got[0].score == 1.95  # the DP's own score of the new bead


def test_the_cut_stays_when_nothing_crosses_or_the_dp_is_clearly_for_it() -> None:
    assert refine(TWO, _scores(1.95), *APART, weight=0.1, offset=1.0) == TWO
    assert refine(TWO, _scores(1.5), *MOVED, weight=0.1, offset=1.0) == TWO


def test_a_merge_is_cut_when_nothing_crosses() -> None:
    # the DP chose the 2-2 bead by 0.05; a cut with crossing 0 earns weight * offset = 0.1
    merged = [Step(0, 2, 0, 2, 2.05)]
    assert _ends(refine(merged, _scores(2.05), *APART, weight=0.1, offset=1.0)) == [(0, 1, 0, 1), (1, 2, 1, 2)]
    assert refine(merged, _scores(2.05), *MOVED, weight=0.1, offset=1.0) == merged
    assert refine(merged, _scores(2.05), *APART, weight=0.0, offset=1.0) == merged


def test_overlapping_regions_take_the_larger_gain_and_skips_are_left_alone() -> None:
    # zh 0..2 with en 0..2 as three 1-1 beads, then an unaligned zh 3. Merging beads 0+1
    # gains 0.05 + 0.1 = 0.15, merging 1+2 gains 0.02 + 0.1: only the first is taken
    steps = [Step(0, 1, 0, 1, 1.0), Step(1, 2, 1, 2, 1.0), Step(2, 3, 2, 3, 1.0), Step(3, 4, 3, 3, -0.1)]
    table = {(0, 1, 0, 1): 1.0, (1, 2, 1, 2): 1.0, (2, 3, 2, 3): 1.0, (0, 2, 0, 2): 2.05, (1, 3, 1, 3): 2.02}
    zh = [_pieces(E1, E3), _pieces(E2, E4), _pieces(E3), _pieces(E1)]
    en = [_pieces(E1), _pieces(E3, E2), _pieces(E4, E3)]  # both cuts crossed: 2 each
    got = refine(steps, lambda *k: table.get(k), zh, en, weight=0.1, offset=1.0)
    assert _ends(got) == [(0, 2, 0, 2), (2, 3, 2, 3), (3, 4, 3, 3)]



def test_the_aligner_refines_its_path_when_the_encoder_has_word_pieces() -> None:
    # sentence vectors make two clean 1-1 links; the word pieces say the last two words of
    # zh 0 were translated at the start of en 1 (a moved clause)
    rng = np.random.default_rng(3)
    meaning = [_unit(rng.normal(size=DIM)) for _ in range(2)]
    p = [_unit(rng.normal(size=DIM)) for _ in range(4)]
    zh, en = ["甲乙丙丁。", "戊己庚。"], ["Zork blim.", "Quax frub dask."]
    vectors = dict(zip(zh + en, [meaning[0], meaning[1], meaning[0], meaning[1]]))
    pieces = {zh[0]: np.stack(p[0:3]), zh[1]: np.stack(p[3:4]), en[0]: np.stack(p[0:1]), en[1]: np.stack(p[1:4])}
    encoder = PieceEncoder(vectors, pieces)

    def links(config: AlignConfig) -> list:
        return [(b.zh, b.en) for b in align_sentences(zh, en, encoder, config)]

    assert links(AlignConfig(refine_weight=0.0)) == [((0,), (0,)), ((1,), (1,))]
    assert links(AlignConfig(refine_weight=1.0)) == [((0, 1), (0, 1))]
    assert links(AlignConfig()) == [((0,), (0,)), ((1,), (1,))]  # at the default weight the DP's lead stands
