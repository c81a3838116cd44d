"""Beads beyond the DP's size limit (align/long_beads.py): the options weighed, the choices
made, the features of a long bead, and the aligner producing one."""

from __future__ import annotations

import numpy as np

from align.config import AlignConfig
from align.dp import Step
from align.features import NAMES, type_column
from align.long_beads import place_long_beads
from align.sentence_align import align_sentences, prepare
from tests.test_sentence_align import DIM, FakeEncoder

LIMIT = 6
SKIP = -0.1


def _ends(steps: list[Step]) -> list[tuple[int, int, int, int]]:
    return [(s.zh_start, s.zh_end, s.en_start, s.en_end) for s in steps]


def _scorers(good: set[tuple[int, int, int, int]]):
    """any_score: 1 for the beads in ``good``, else 0; dp_score: 5 for a bead within the
    limit (so a test can tell which scorer gave a Step its score), skips as the DP scores them."""

    def any_score(*span: int) -> float:
        return 1.0 if span in good else 0.0

    def dp_score(zs: int, ze: int, es: int, ee: int) -> float | None:
        n, m = ze - zs, ee - es
        if n == 0 or m == 0:
            return SKIP * (n + m)
        return None if max(n, m) > LIMIT else 5.0

    return any_score, dp_score


def test_two_one_to_many_beads_at_the_limit_give_way_to_a_longer_one() -> None:
    # zh 1 is a list the English renders as nine sentences; the DP, held to 1-6, gave three of
    # them to zh 0
    steps = [Step(0, 1, 0, 4, 0.3), Step(1, 2, 4, 10, 0.2)]
    got = place_long_beads(steps, *_scorers({(0, 1, 0, 1), (1, 2, 1, 10)}), LIMIT)
    assert _ends(got) == [(0, 1, 0, 1), (1, 2, 1, 10)]
    assert [s.score for s in got] == [5.0, 1.0]  # the DP's score where it has one


def test_the_same_on_the_chinese_side() -> None:
    steps = [Step(0, 4, 0, 1, 0.3), Step(4, 10, 1, 2, 0.2)]
    got = place_long_beads(steps, *_scorers({(0, 1, 0, 1), (1, 10, 1, 2)}), LIMIT)
    assert _ends(got) == [(0, 1, 0, 1), (1, 10, 1, 2)]


def test_a_better_boundary_within_the_limit_is_left_to_the_dp() -> None:
    # 1-5 + 1-5 fits better by the table-free evidence, but the DP, with all of its evidence,
    # could have chosen it and did not
    steps = [Step(0, 1, 0, 4, 0.3), Step(1, 2, 4, 10, 0.2)]
    got = place_long_beads(steps, *_scorers({(0, 1, 0, 5), (1, 2, 5, 10)}), LIMIT)
    assert got == steps


def test_two_beads_below_the_limit_can_make_one_beyond_it() -> None:
    steps = [Step(0, 1, 0, 3, 0.3), Step(1, 2, 3, 8, 0.2)]  # 1-3 + 1-5: eight sentences, room for a 1-7
    got = place_long_beads(steps, *_scorers({(0, 1, 0, 1), (1, 2, 1, 8)}), LIMIT)
    assert _ends(got) == [(0, 1, 0, 1), (1, 2, 1, 8)]


def test_nothing_moves_where_no_bead_could_pass_the_limit() -> None:
    steps = [Step(0, 1, 0, 3, 0.3), Step(1, 2, 3, 7, 0.2)]  # 1-3 + 1-4: at most 1-1 + 1-6
    assert place_long_beads(steps, *_scorers({(0, 1, 0, 1), (1, 2, 1, 7)}), LIMIT) == steps
    # a bead at the limit, but the unaligned sentence beside it is on its single side
    steps = [Step(0, 1, 0, 6, 0.3), Step(1, 2, 6, 6, SKIP)]
    assert place_long_beads(steps, *_scorers({(0, 2, 0, 6)}), LIMIT) == steps


def test_nothing_moves_between_beads_of_different_shapes() -> None:
    # 1-6 next to 2-1: the single sentences are on different sides, no boundary to re-place
    steps = [Step(0, 1, 0, 6, 0.3), Step(1, 3, 6, 7, 0.2)]
    assert place_long_beads(steps, *_scorers({(0, 1, 0, 7)}), LIMIT) == steps


def test_a_bead_at_the_limit_takes_the_unaligned_sentences_beside_it() -> None:
    # the DP's other way to shed the overflow: leave it unaligned (one sentence per pass)
    steps = [Step(0, 1, 0, 6, 0.3), Step(1, 1, 6, 7, SKIP), Step(1, 1, 7, 8, SKIP), Step(1, 2, 8, 9, 0.9)]
    got = place_long_beads(steps, *_scorers({(0, 1, 0, 7), (0, 1, 0, 8)}), LIMIT)
    assert _ends(got) == [(0, 1, 0, 8), (1, 2, 8, 9)]
    # unless the bead fits better without them than they cost unaligned
    assert place_long_beads(steps, *_scorers({(0, 1, 0, 6)}), LIMIT) == steps


def _long_pair(seed: int) -> tuple[list[str], list[str], FakeEncoder]:
    """zh 1 means what en 1..9 say together; zh 0 / en 0 and zh 2 / en 10 are plain 1-1 links."""
    rng = np.random.default_rng(seed)

    def unit() -> np.ndarray:
        v = rng.normal(size=DIM)
        return v / np.linalg.norm(v)

    items = [unit() for _ in range(9)]
    listed = sum(items) / np.linalg.norm(sum(items))
    zh = ["甲乙丙。", "丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月。", "盈昃辰宿。"]
    en = ["Alpha beta gamma."] + [f"Item {w} is a problem here." for w in "bcdefghij"] + ["Omega psi chi."]
    first, last = unit(), unit()
    table = {zh[0]: first, zh[1]: listed, zh[2]: last, en[0]: first, en[10]: last}
    table.update(zip(en[1:10], items))
    return zh, en, FakeEncoder(table)


def test_the_aligner_links_one_sentence_to_more_than_the_dp_allows() -> None:
    zh, en, encoder = _long_pair(seed=4)
    got = align_sentences(zh, en, encoder)
    assert [(b.zh, b.en) for b in got] == [((0,), (0,)), ((1,), tuple(range(1, 10))), ((2,), (10,))]
    assert "merged" in got[1].flags and 0.0 <= got[1].score <= 1.0
    held = align_sentences(zh, en, encoder, AlignConfig(long_beads=False))
    assert max(len(b.en) for b in held) == AlignConfig().max_bead - 1
    assert sum(1 for b in held if b.zh == ()) == 3  # the overflow left unaligned


def test_table_free_features_equal_the_tables_for_a_bead_within_them() -> None:
    zh, en, encoder = _long_pair(seed=5)
    feats = prepare(zh, en, encoder, AlignConfig()).features
    filled = [NAMES.index(name) for name in NAMES[:13]]
    for zs, ze, es, ee in ((1, 2, 1, 4), (0, 2, 0, 3), (1, 2, 4, 10), (2, 3, 10, 11)):
        table = feats.matrix(ze, ze - zs, ee - es, ee, ee)[0]
        free = feats.any_length(zs, ze, es, ee)
        np.testing.assert_allclose(free[filled], table[filled], atol=1e-5)
        assert free[type_column(ze - zs, ee - es)] == 1.0
        assert not free[13:20].any()  # the table-bound columns stay 0
    long = feats.any_length(1, 2, 1, 10)
    assert long[NAMES.index("cos 1-m")] > 0.99 and long[type_column(1, 9)] == 1.0
