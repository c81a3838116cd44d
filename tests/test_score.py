"""The gold reader and the exact / strict / lax scorer, on hand-made alignments."""

from __future__ import annotations

import pytest

from align.errors import InputError
from align.score import parse_bead, read_gold, score

GOLD = [((0,), (0,)), ((1,), (1, 2)), ((2,), ()), ((3,), (3,))]


def test_parse_bead_reads_ids_and_ignores_a_score_suffix():
    assert parse_bead("[1, 2]:[3]:0.51") == ((1, 2), (3,))
    assert parse_bead("[5]:[]") == ((5,), ())


def test_read_gold_skips_blank_lines(tmp_path):
    path = tmp_path / "001.align"
    path.write_text("[0]:[0]\n\n[1]:[1, 2]\n", encoding="utf-8")
    assert read_gold(path) == [((0,), (0,)), ((1,), (1, 2))]


def test_read_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.align"
    path.write_text("[0]:[0]\n0:[1]\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_gold(path)
    assert str(err.value) == f"{path}:2: expected a bracketed id list like [3, 4], got '0'"


def test_perfect_prediction_scores_one_everywhere():
    s = score([GOLD], [GOLD])
    assert (s.exact.f1, s.strict.f1, s.lax.f1) == (1.0, 1.0, 1.0)


def test_a_split_bead_is_wrong_for_exact_and_strict_but_right_for_lax():
    test = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), ()), ((3,), (3,))]
    s = score([GOLD], [test])
    # exact: 3 of 5 predicted beads are gold beads; 3 of 4 gold beads are found
    assert s.exact.precision == pytest.approx(3 / 5)
    assert s.exact.recall == pytest.approx(3 / 4)
    # strict precision: 5 predicted beads, [0]:[0], [2]:[], [3]:[3] match
    assert s.strict.precision == pytest.approx(3 / 5)
    # lax precision: [1]:[1] overlaps gold [1]:[1,2]; [] : [2] has no zh id so misses
    assert s.lax.precision == pytest.approx(4 / 5)
    # recall side drops beads with an empty side: gold [0],[1]:[1,2],[3] vs test [0],[1]:[1],[3]
    assert s.strict.recall == pytest.approx(2 / 3)
    assert s.lax.recall == pytest.approx(1.0)


def test_counts_are_summed_over_documents_before_dividing():
    doc_a = [((0,), (0,))]
    doc_b = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    wrong_b = [((0,), (0,)), ((1, 2), (1, 2))]
    s = score([doc_a, doc_b], [doc_a, wrong_b])
    assert s.exact.precision == pytest.approx(2 / 3)
    assert s.exact.recall == pytest.approx(2 / 4)
    assert s.exact.f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))


def test_empty_prediction_scores_zero_not_an_error():
    s = score([GOLD], [[]])
    assert (s.exact.precision, s.exact.recall, s.exact.f1) == (0.0, 0.0, 0.0)


def test_document_count_mismatch_is_an_input_error():
    with pytest.raises(InputError, match="1 gold documents but 2 predicted"):
        score([GOLD], [GOLD, GOLD])
