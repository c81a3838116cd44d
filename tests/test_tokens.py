"""Token evidence (align/tokens.py): covers computed by hand, and a merge it decides."""

from __future__ import annotations

import numpy as np
import pytest

from align.config import AlignConfig
from align.sentence_align import align_sentences
from align.tokens import PIECE_FLOOR as FLOOR
from align.tokens import build_token_index


def _pieces(*rows: list[float]) -> np.ndarray:
    out = np.array(rows, dtype=np.float32)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


E1, E2, E3 = [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]
FULL_BAND = (np.array([0, 0, 0]), np.array([2, 2, 2]))


def test_a_translation_covers_beyond_the_usual_level_and_a_neighbour_below_it() -> None:
    index = build_token_index([_pieces(E1), _pieces(E2)], [_pieces(E1), _pieces(E2)], *FULL_BAND, reach=2)
    # zh 0 against en 0 (j=1) and en 1 (j=2): best cosines 1 and 0, their mean 0.5 subtracted,
    # and the floor once for the one piece (one piece per sentence: the unit is 1)
    zh_side, en_side = index.gains(0, 1, 1, 1, 2)
    assert np.allclose(zh_side, [0.5 - FLOOR, -0.5 - FLOOR])
    assert np.allclose(en_side, [0.5 - FLOOR, -0.5 - FLOOR])
    zh_side, en_side = index.gains(1, 2, 1, 1, 2)
    assert np.allclose(zh_side, [-0.5 - FLOOR, 0.5 - FLOOR])
    assert np.allclose(en_side, [-0.5 - FLOOR, 0.5 - FLOOR])


def test_covers_sum_over_the_pieces_of_a_bead_per_average_sentence() -> None:
    # zh 0 says E1 and E2, zh 1 says E3; en the same: 1.5 pieces per sentence on each side
    index = build_token_index([_pieces(E1, E2), _pieces(E3)], [_pieces(E1, E2), _pieces(E3)], *FULL_BAND, reach=2)
    zh_side, en_side = index.gains(0, 1, 1, 1, 2)  # zh 0 with en 0, then with en 1
    # zh 0's two pieces sum to 2 against en 0 and 0 against en 1: 1 beyond their mean and -1
    assert np.allclose(zh_side, [(1 - 2 * FLOOR) / 1.5, (-1 - 2 * FLOOR) / 1.5])
    # en 0 sums 2 against zh 0 and 0 against zh 1 (1 beyond its mean); en 1 sums 0 and 1
    assert np.allclose(en_side, [(1 - 2 * FLOOR) / 1.5, (-0.5 - FLOOR) / 1.5])


def test_a_run_of_two_is_measured_against_the_usual_run_of_two() -> None:
    # zh 0 says E1 and E2; en 0 says E1, en 1 E2, en 2 E3: the 1-2 bead covers both pieces
    zh = [_pieces(E1, E2)]
    en = [_pieces(E1), _pieces(E2), _pieces(E3)]
    index = build_token_index(zh, en, np.array([0, 3]), np.array([3, 3]), reach=3)
    zh_side, en_side = index.gains(0, 1, 2, 2, 3)  # zh 0 with en 0-1, then with en 1-2
    # sums of best cosines over the two zh pieces: 2 and 1, minus their mean 1.5, per 2 pieces a sentence
    assert np.allclose(zh_side, [0.25 - FLOOR, -0.25 - FLOOR])
    # each en sentence against the one zh run: its mean over runs is itself, so 0 beyond it
    assert np.allclose(en_side, [-2 * FLOOR, -2 * FLOOR])
    single, _ = index.gains(0, 1, 1, 1, 3)  # one en sentence each: sums 1, 1, 0 minus 2/3
    assert np.allclose(single, [1 / 6 - FLOOR, 1 / 6 - FLOOR, -1 / 3 - FLOOR])


def test_sentences_without_pieces_count_as_usual() -> None:
    empty = np.zeros((0, 3), dtype=np.float32)
    index = build_token_index([empty, _pieces(E2)], [_pieces(E1), empty], *FULL_BAND, reach=2)
    zh_side, en_side = index.gains(0, 1, 1, 1, 2)
    assert zh_side.tolist() == [0.0, 0.0]
    # en 0's one piece matches neither zh sentence: its usual level, less the floor
    assert np.allclose(en_side, [-FLOOR, 0.0])


DIM = 16


class PieceEncoder:
    """Hand-set sentence vectors and word pieces."""

    name = "fake-pieces"
    dim = DIM

    def __init__(self, vectors: dict[str, np.ndarray], pieces: dict[str, np.ndarray] | None) -> None:
        self.vectors, self.pieces = vectors, pieces

    def encode(self, texts):
        return np.stack([self.vectors[t] for t in texts]).astype(np.float32)

    def tokens(self, texts):
        return None if self.pieces is None else [self.pieces[t] for t in texts]


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


@pytest.mark.parametrize(
    ("joins", "expected"),
    [
        (True, [((0,), (0, 1)), ((1,), (2,)), ((2,), (3,))]),  # its pieces finish zh 0's: joins the bead
        (False, [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,))]),  # pieces found nowhere
    ],
)
def test_word_pieces_decide_a_merge_the_sentence_vectors_leave_open(joins: bool, expected: list) -> None:
    # the second English sentence has the same in-between sentence vector in both cases, and
    # no dictionary words (made-up text): only its word pieces tell a 1-2 from a 1-1 + 0-1
    rng = np.random.default_rng(0)
    meaning = [_unit(rng.normal(size=DIM)) for _ in range(3)]
    noise = [_unit(rng.normal(size=DIM)) for _ in range(4)]
    zh = ["甲乙丙丁戊己庚辛壬癸。", "子丑寅卯辰巳午未。", "申酉戌亥天地玄黄。"]
    en = ["Zork blim quax.", "Frub dask.", "Plon vek tarsh mib.", "Gorp wix nal."]
    vectors = [*meaning, _unit(meaning[0] + 0.3 * noise[0]), _unit(0.32 * meaning[0] + 0.68 * noise[1]),
               _unit(meaning[1] + 0.3 * noise[2]), _unit(meaning[2] + 0.3 * noise[3])]
    piece = [_unit(rng.normal(size=DIM)) for _ in range(12)]
    pieces = {
        zh[0]: np.stack(piece[0:6]), zh[1]: np.stack(piece[6:8]), zh[2]: np.stack(piece[8:10]),
        en[0]: np.stack(piece[0:3]), en[1]: np.stack(piece[3:6] if joins else piece[10:12]),
        en[2]: np.stack(piece[6:8]), en[3]: np.stack(piece[8:10]),
    }
    beads = align_sentences(zh, en, PieceEncoder(dict(zip(zh + en, vectors)), pieces))
    assert [(b.zh, b.en) for b in beads] == expected
    # without word pieces the sentence vectors alone merge it either way
    blind = align_sentences(zh, en, PieceEncoder(dict(zip(zh + en, vectors)), None))
    assert [(b.zh, b.en) for b in blind][0] == ((0,), (0, 1))


def test_long_sides_go_without_word_pieces() -> None:
    rng = np.random.default_rng(1)
    zh, en = ["甲乙。", "丙丁。"], ["Zork.", "Blim."]
    vectors = {t: _unit(rng.normal(size=DIM)) for t in zh + en}

    class Counting(PieceEncoder):
        asked = 0

        def tokens(self, texts):
            Counting.asked += len(texts)
            return super().tokens(texts)

    pieces = {t: np.stack([_unit(rng.normal(size=DIM)) for _ in range(2)]) for t in zh + en}
    align_sentences(zh, en, Counting(vectors, pieces), AlignConfig(token_max_sentences=1))
    assert Counting.asked == 0
    align_sentences(zh, en, Counting(vectors, pieces), AlignConfig(token_max_sentences=2))
    assert Counting.asked == 4
