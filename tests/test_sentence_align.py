"""align_sentences end to end with a fake encoder: hand-made embeddings, known answers.

Every "meaning" is a random unit vector. A Chinese sentence carries one meaning; its English
translation carries the same one, or is split in two halves ``u ± v`` whose length-weighted
mean is ``u`` again, so the correct 1-2 bead is the only one with cosine 1.
"""

from __future__ import annotations

import numpy as np
import pytest

from align.alignment import Flag
from align.config import AlignConfig
from align.errors import UsageError
from align.sentence_align import align_sentences

DIM = 64


class FakeEncoder:
    """Looks texts up in a table of hand-set vectors; counts what it encodes. Texts not in the
    table (edge clauses a test does not set, align/clauses.py) get a zero vector: no clause evidence."""

    name = "fake"
    dim = DIM

    def __init__(self, table: dict[str, np.ndarray]) -> None:
        self.table = table
        self.encoded = 0

    def encode(self, texts):
        self.encoded += len(texts)
        return np.stack([self.table.get(t, np.zeros(DIM)) for t in texts]).astype(np.float32)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def _zh_text(k: int, length: int = 12) -> str:
    return "".join(chr(0x4E00 + 97 * k + t) for t in range(length)) + "。"


def _en_text(k: int, part: str = "", length: int = 36) -> str:
    word = "".join(chr(ord("a") + (k // 26**d) % 26) for d in range(3)) + part
    return (word + " " + "x" * length)[:length] + "."


def build(plan: list[str], seed: int = 0):
    """Documents from a plan of bead kinds: '1-1', '1-2', '2-1', '1-0', '0-1'.

    Returns the zh and en sentences, a fake encoder, and the expected beads.
    """
    rng = np.random.default_rng(seed)
    zh, en, table, truth = [], [], {}, []
    for k, kind in enumerate(plan):
        u = _unit(rng.normal(size=DIM))
        z0, e0 = len(zh), len(en)
        if kind == "1-1":
            zh.append(_zh_text(k)); en.append(_en_text(k))
            table[zh[-1]] = table[en[-1]] = u
        elif kind == "1-2":
            v = _unit(rng.normal(size=DIM))
            v = _unit(v - (v @ u) * u)
            zh.append(_zh_text(k))
            table[zh[-1]] = u
            for part, sign in (("p", 1), ("q", -1)):
                en.append(_en_text(k, part, 18))
                table[en[-1]] = _unit(u + sign * v)
        elif kind == "2-1":
            v = _unit(rng.normal(size=DIM))
            v = _unit(v - (v @ u) * u)
            for part, sign in ((0, 1), (1, -1)):
                zh.append(_zh_text(k, 6) + chr(0x3400 + part))
                table[zh[-1]] = _unit(u + sign * v)
            en.append(_en_text(k))
            table[en[-1]] = u
        elif kind == "1-0":
            zh.append(_zh_text(k)); table[zh[-1]] = u
        elif kind == "0-1":
            en.append(_en_text(k)); table[en[-1]] = u
        truth.append((tuple(range(z0, len(zh))), tuple(range(e0, len(en)))))
    return zh, en, FakeEncoder(table), truth


def _ids(beads):
    return [(b.zh, b.en) for b in beads]


ONES = ["1-1"] * 6
PLANS = {
    "all 1-1": ONES * 2,
    "1-2": ONES + ["1-2"] + ONES,
    "2-1": ONES + ["2-1"] + ONES,
    "0-1": ONES + ["0-1"] + ONES,
    "1-0": ONES + ["1-0"] + ONES,
    "drift": ["1-1", "1-2", "1-1", "1-2", "0-1", "1-1", "1-2", "1-1"] + ONES * 3,
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_known_answers(name):
    zh, en, enc, truth = build(PLANS[name])
    assert _ids(align_sentences(zh, en, enc)) == truth


def test_flags_mark_merges_and_unaligned_sentences():
    zh, en, enc, _ = build(ONES + ["1-2", "0-1"] + ONES)
    beads = align_sentences(zh, en, enc)
    by_ids = {(b.zh, b.en): b for b in beads}
    assert Flag.MERGED.value in by_ids[((6,), (6, 7))].flags
    assert by_ids[((), (8,))].flags == (Flag.UNALIGNED.value,)
    assert all(Flag.MERGED.value not in b.flags for b in beads if len(b.zh) == len(b.en) == 1)


def test_every_sentence_is_covered_once_in_order():
    zh, en, enc, _ = build(PLANS["drift"], seed=3)
    beads = align_sentences(zh, en, enc)
    assert [i for b in beads for i in b.zh] == list(range(len(zh)))
    assert [j for b in beads for j in b.en] == list(range(len(en)))


def test_scores_are_probabilities_and_good_links_score_high():
    zh, en, enc, _ = build(ONES * 2)
    beads = align_sentences(zh, en, enc)
    assert all(0.0 <= b.score <= 1.0 for b in beads)
    assert min(b.score for b in beads) > 0.5


def test_output_is_deterministic():
    zh, en, enc, _ = build(PLANS["drift"], seed=5)
    assert align_sentences(zh, en, enc) == align_sentences(zh, en, enc)


def test_each_distinct_sentence_is_encoded_once():
    zh, en, enc, _ = build(ONES)
    align_sentences(zh + zh[:1], en, enc)  # a repeated sentence is not encoded twice
    assert enc.encoded == len(zh) + len(en)


@pytest.mark.parametrize(("n_zh", "n_en"), [(0, 3), (3, 0), (0, 0)])
def test_an_empty_side_leaves_everything_unaligned(n_zh, n_en):
    zh, en, enc, _ = build(["1-1"] * 3)
    beads = align_sentences(zh[:n_zh], en[:n_en], enc)
    assert _ids(beads) == [((i,), ()) for i in range(n_zh)] + [((), (j,)) for j in range(n_en)]
    assert all(b.flags == (Flag.UNALIGNED.value,) and b.score == 0.0 for b in beads)


def test_single_sentences_align():
    zh, en, enc, _ = build(["1-1"])
    assert _ids(align_sentences(zh, en, enc)) == [((0,), (0,))]


def test_bad_settings_are_usage_errors():
    zh, en, enc, _ = build(["1-1"])
    with pytest.raises(UsageError, match=r"max_bead=1: must be at least 2"):
        align_sentences(zh, en, enc, AlignConfig(max_bead=1))
    with pytest.raises(UsageError, match=r"span_mode='x': unknown; use 'pool' or 'encode'"):
        align_sentences(zh, en, enc, AlignConfig(span_mode="x"))


@pytest.mark.model
def test_real_model_links_un_sentences_one_to_one():
    from align.embed import load_encoder

    zh = ["大会通过了第70/1号决议。", "秘书长向会员国提交了报告。", "气候变化是我们这个时代的决定性问题。", "会议于2018年8月17日在日内瓦举行。"]
    en = [
        "The General Assembly adopted resolution 70/1.",
        "The Secretary-General submitted the report to Member States.",
        "Climate change is the defining issue of our time.",
        "The meeting was held in Geneva on 17 August 2018.",
    ]
    beads = align_sentences(zh, en, load_encoder())
    assert _ids(beads) == [((i,), (i,)) for i in range(4)]
    assert all(b.score >= 0.9 for b in beads)


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("He also bought milk.", [((0,), (0, 1)), ((1,), (2,)), ((2,), (3,))]),  # 牛奶 = milk: joins the bead
        ("The bus was late again.", [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,))]),  # nothing translated
    ],
)
def test_the_dictionary_decides_a_merge_the_embeddings_leave_open(second: str, expected: list) -> None:
    # the second English sentence gets the same in-between vector in both cases: only the
    # words CC-CEDICT finds translated in the Chinese sentence tell a 1-2 from a 1-1 + 0-1
    rng = np.random.default_rng(0)
    base = [_unit(rng.normal(size=DIM)) for _ in range(3)]
    noise = [_unit(rng.normal(size=DIM)) for _ in range(4)]
    zh = ["他买了苹果和香蕉，还买了牛奶。", "天气很好，我们去公园散步。", "孩子们在河边玩水。"]
    en = ["He bought apples and bananas.", second, "The weather was good and we walked in the park.",
          "The children played in the river."]
    vectors = [*base, _unit(base[0] + 0.3 * noise[0]), _unit(0.26 * base[0] + 0.74 * noise[1]),
               _unit(base[1] + 0.3 * noise[2]), _unit(base[2] + 0.3 * noise[3])]
    beads = align_sentences(zh, en, FakeEncoder(dict(zip(zh + en, vectors))))
    assert [(b.zh, b.en) for b in beads] == expected


@pytest.mark.parametrize("count", [2, 3])
def test_related_sentences_of_a_short_pair_stay_one_to_one(count: int) -> None:
    # Sentences on one topic (cosine ~0.8 across pairs) and nothing beside the bead that
    # covers a whole side: the adjacent margin must not count the missing neighbours as 0,
    # or one n-n bead over everything beats the n correct 1-1 links (WMT22 chat documents,
    # and paragraph groups the pipeline realigns on their own).
    rng = np.random.default_rng(4)
    topic = _unit(rng.normal(size=DIM))
    vectors = [_unit(topic + 0.5 * _unit(rng.normal(size=DIM))) for _ in range(count)]
    zh, en = [_zh_text(k) for k in range(count)], [_en_text(k) for k in range(count)]
    beads = align_sentences(zh, en, FakeEncoder({**dict(zip(zh, vectors)), **dict(zip(en, vectors))}))
    assert _ids(beads) == [((k,), (k,)) for k in range(count)]


@pytest.mark.parametrize(
    ("zh_ends", "reply", "expected"),
    [
        (("？", "。"), "Why?", [((0,), (0, 1)), ((1,), (2,))]),  # the question keeps its "Why?"
        (("。", "！"), "Why!", [((0,), (0,)), ((1,), (1, 2))]),  # the exclamation keeps its "Why!"
    ],
)
def test_question_and_exclamation_marks_decide_a_boundary_the_embeddings_leave_open(zh_ends, reply, expected) -> None:
    # The short English reply sits between the two Chinese sentences in meaning (the same
    # vectors in both cases, near the point where the embeddings alone change their mind);
    # only the marks differ, and the reply joins the sentence whose mark it shares.
    rng = np.random.default_rng(0)
    base = [_unit(rng.normal(size=DIM)) for _ in range(3)]
    noise = [_unit(rng.normal(size=DIM)) for _ in range(2)]
    zh = ["你明天真的要一个人去北京" + zh_ends[0], "我们都觉得这样做太危险了" + zh_ends[1], "孩子们在河边玩水。"]
    en = ["Are you really going to Beijing alone tomorrow.", reply, "We all think it is too dangerous.",
          "The children played in the river."]
    vectors = [*base, _unit(base[0] + 0.3 * noise[0]), _unit(0.42 * base[0] + 0.58 * base[1]),
               _unit(base[1] + 0.3 * noise[1]), base[2]]
    beads = align_sentences(zh, en, FakeEncoder(dict(zip(zh + en, vectors))))
    assert _ids(beads)[:2] == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("王琦瑶", "她母亲", [((0,), (0, 1)), ((1,), (2,))]),  # "Wang Qiyao smiled." joins the sentence naming her
        ("她母亲", "王琦瑶", [((0,), (0,)), ((1,), (1, 2))]),
    ],
)
def test_a_pinyin_name_decides_a_boundary_the_embeddings_leave_open(first: str, second: str, expected: list) -> None:
    # The same vectors in both cases, near the point where the embeddings alone change their
    # mind; only which Chinese sentence holds 王琦瑶 differs.
    rng = np.random.default_rng(0)
    base = [_unit(rng.normal(size=DIM)) for _ in range(3)]
    noise = [_unit(rng.normal(size=DIM)) for _ in range(2)]
    zh = [first + "明天要一个人去北京。", second + "觉得这样做太危险了。", "孩子们在河边玩水。"]
    en = ["She was going to Beijing alone the next day.", "Wang Qiyao smiled.", "Her mother thought it too dangerous.",
          "The children played in the river."]
    vectors = [*base, _unit(base[0] + 0.3 * noise[0]), _unit(0.46 * base[0] + 0.54 * base[1]),
               _unit(base[1] + 0.3 * noise[1]), base[2]]
    beads = align_sentences(zh, en, FakeEncoder(dict(zip(zh + en, vectors))))
    assert _ids(beads)[:2] == expected
