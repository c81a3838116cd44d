"""Clause crossing (align/clauses.py): edge clauses, the crossing of a boundary, and the DP
choosing a 2-2 bead when a clause has moved across the sentence boundary."""

from __future__ import annotations

import numpy as np
import pytest

from align.clauses import ClauseIndex, Edges, clause_texts, edge_clauses
from align.config import AlignConfig
from align.sentence_align import align_sentences
from tests.test_sentence_align import DIM, FakeEncoder, _unit


@pytest.mark.parametrize(
    ("text", "zh", "expected"),
    [
        ("他推开门，他慢慢地走进了屋里。", True, ("他推开门，", None)),  # 10 of 15 characters: over half
        ("他推开了门，走进屋里。", True, (None, "走进屋里。")),  # 6 of 11 out, 5 of 11 (45 %) in
        ("他推开门；屋里很黑，没有人：走进去。", True, ("他推开门；", "走进去。")),
        ("屋里一个人也没有。", True, (None, None)),
        ("“不！", True, (None, None)),
        ("He went in, but there was nobody in the room.", False, ("He went in,", None)),
        ("It was dark; nobody—not even the cat—was there.", False, ("It was dark;", "was there.")),
        ("Nobody was there.", False, (None, None)),
        ("Yes, ", False, (None, None)),  # nothing after the comma but space
    ],
)
def test_edge_clauses_are_the_first_and_last_clause_up_to_half_the_sentence(text: str, zh: bool, expected) -> None:
    assert edge_clauses(text, zh) == expected


def test_clause_texts_lists_the_edge_clauses_of_every_sentence_that_has_them() -> None:
    assert clause_texts(["甲，乙乙，丙。", "丁。", "戊；己己己。", "庚，辛辛辛辛辛。"], zh=True) == ["甲，", "丙。", "戊；", "庚，"]


def _index(zh_last: np.ndarray | None, en_first: np.ndarray | None) -> ClauseIndex:
    """Two sentences a side along the axes 0 and 1; optional edge clauses at the boundary."""
    eye = np.eye(4)
    zh_sent, en_sent = eye[:2], eye[:2]

    def edges(vector: np.ndarray | None, row: int, last: bool) -> Edges:
        first, lasts = np.full(2, -1), np.full(2, -1)
        if vector is None:
            return Edges(np.zeros((1, 4)), first, lasts)
        (lasts if last else first)[row] = 0
        return Edges(np.vstack([vector, np.zeros(4)]), first, lasts)

    band = np.array([0, 0, 0]), np.array([2, 2, 2])
    return ClauseIndex(zh_sent, en_sent, edges(zh_last, 0, last=True), edges(en_first, 1, last=False), *band)


def test_a_last_clause_closer_to_the_next_sentence_across_is_a_crossing() -> None:
    clause = _unit(np.array([0.6, 0.8, 0.0, 0.0]))  # 0.6 like en 0 (before), 0.8 like en 1 (after)
    index = _index(zh_last=clause, en_first=None)
    assert index.crossing(1, 1, 1) == pytest.approx([0.8 - 0.6])
    assert index.between(1, 1, 1) == pytest.approx([0.8 - 0.6])  # the same, not from the row kept
    # the boundary before zh 1 and en 0 or en 2 (no sentence there): not a cut between en 0 and en 1
    assert index.crossing(1, 0, 2).tolist() == pytest.approx([0.0, 0.2, 0.0])


def test_a_first_english_clause_closer_to_the_chinese_sentence_before_is_a_crossing() -> None:
    index = _index(zh_last=None, en_first=_unit(np.array([0.9, 0.1, 0.0, 0.0])))
    assert index.crossing(1, 1, 1) == pytest.approx([(0.9 - 0.1) / np.hypot(0.9, 0.1)])


def test_two_clauses_drawn_across_the_same_boundary_add_up() -> None:
    zh_last = _unit(np.array([0.6, 0.8, 0.0, 0.0]))  # prefers en 1 (after) by 0.2
    en_first = _unit(np.array([0.9, 0.1, 0.0, 0.0]))  # prefers zh 0 (before)
    both = _index(zh_last=zh_last, en_first=en_first).crossing(1, 1, 1)
    alone = [_index(zh_last=zh_last, en_first=None).crossing(1, 1, 1), _index(zh_last=None, en_first=en_first).crossing(1, 1, 1)]
    assert both == pytest.approx(alone[0] + alone[1])
    assert both[0] > max(alone[0][0], alone[1][0]) > 0


def test_a_clause_that_stays_does_not_cancel_one_that_crosses() -> None:
    crossing = _unit(np.array([0.6, 0.8, 0.0, 0.0]))  # the zh clause prefers en 1, across
    staying = _unit(np.array([0.1, 0.9, 0.0, 0.0]))  # the en clause prefers zh 1, its own side
    index = _index(zh_last=crossing, en_first=staying)
    assert index.crossing(1, 1, 1) == pytest.approx([0.8 - 0.6])


def test_clauses_that_stay_on_their_side_give_no_crossing() -> None:
    index = _index(zh_last=_unit(np.array([0.8, 0.6, 0.0, 0.0])), en_first=_unit(np.array([0.3, 0.9, 0.0, 0.0])))
    assert index.crossing(1, 1, 1) == [0.0]


def test_document_edges_and_one_clause_sentences_give_no_crossing() -> None:
    index = _index(zh_last=None, en_first=None)
    assert index.crossing(1, 1, 1) == [0.0]
    crossing = _index(zh_last=np.array([0.0, 1.0, 0.0, 0.0]), en_first=None)
    assert crossing.crossing(0, 0, 2).tolist() == [0.0, 0.0, 0.0]  # before the first zh sentence
    assert crossing.crossing(2, 0, 2).tolist() == [0.0, 0.0, 0.0]  # after the last


ZH = ["他轻轻地推开了那扇门，走进屋里。", "屋里一个人也没有。", "孩子们在河边玩水。"]
EN = ["He pushed the door open.", "He went in, but there was nobody in the room.", "The children played in the river."]


def _encoder(moved: bool) -> FakeEncoder:
    """The same sentence vectors either way, near where the embeddings alone would merge; in
    the moved case 走进屋里 is rendered by "He went in", the second English sentence."""
    rng = np.random.default_rng(0)
    u = [_unit(rng.normal(size=DIM)) for _ in range(3)]
    table = dict(zip(ZH, u))
    table.update(zip(EN, [_unit(u[0] + 0.5 * u[1]), _unit(u[1] + 0.5 * u[0]), u[2]]))
    table["走进屋里。"] = u[1] if moved else u[0]
    table["He went in,"] = u[0] if moved else u[1]
    return FakeEncoder(table)


@pytest.mark.parametrize(("moved", "expected"), [(False, [((0,), (0,)), ((1,), (1,))]), (True, [((0, 1), (0, 1))])])
def test_a_clause_moved_across_the_boundary_makes_a_2_2_bead(moved: bool, expected: list) -> None:
    beads = align_sentences(ZH, EN, _encoder(moved))
    assert [(b.zh, b.en) for b in beads[:-1]] == expected
    assert (beads[-1].zh, beads[-1].en) == ((2,), (2,))


def test_without_the_clause_evidence_the_moved_clause_goes_unseen() -> None:
    encoder = _encoder(moved=True)
    beads = align_sentences(ZH, EN, encoder, AlignConfig(clause_crossing=False))
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert encoder.encoded == 6  # the sentences only: no clause was encoded
