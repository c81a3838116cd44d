"""Dictionary evidence: words a bead's other side translates, counted beyond chance."""

from __future__ import annotations

import numpy as np
import pytest

from align.translation import build_translation_index

ZH = ["我们今天去北京。", "天气很好。", "他很高兴。"]
EN = ["Today we go to Beijing.", "The weather is good.", "He is very happy."]


def _index(zh: list[str], en: list[str]):
    lo, hi = np.zeros(len(zh) + 1, dtype=np.int64), np.full(len(zh) + 1, len(en), dtype=np.int64)
    return build_translation_index(zh, en, lo, hi, reach=4)


def test_counts_words_each_pair_translates() -> None:
    index = _index(ZH, EN)
    assert index.zh_hits.nonzero() == {0: {0: 3}, 1: {1: 2}, 2: {2: 1}}
    # today / beijing / go; weather / good; happy
    assert index.en_hits.nonzero() == {0: {0: 3}, 1: {1: 2}, 2: {2: 1}}


@pytest.mark.parametrize("zh_id", [0, 1, 2])
def test_a_translation_gains_and_an_unrelated_sentence_loses(zh_id: int) -> None:
    index = _index(ZH, EN)
    zh_gain, en_gain = index.gains(zh_id, zh_id + 1, 1, 1, len(EN))  # against en 0, 1, 2
    for j in range(len(EN)):
        assert bool(zh_gain[j] > 0) is (j == zh_id) and bool(en_gain[j] > 0) is (j == zh_id)


def test_merging_the_sentence_that_carries_the_rest_gains_more_than_an_unrelated_one() -> None:
    zh = ["他买了苹果和香蕉，还买了牛奶。", "天气很好。"]
    en = ["He bought apples and bananas.", "He also bought milk.", "The weather is good."]
    index = _index(zh, en)
    one, _ = index.gains(0, 1, 1, 1, 1)  # zh 0 with en 0
    two, _ = index.gains(0, 1, 2, 2, 2)  # zh 0 with en 0-1
    assert two[0] > one[0]
    _, unrelated = index.gains(1, 2, 2, 2, 3)  # zh 1 with en 0-1, then en 1-2
    assert unrelated[1] > unrelated[0]


def test_sentences_without_dictionary_words_give_no_evidence() -> None:
    index = _index(["zh0", "zh1"], ["en0", "en1"])
    assert index.zh_hits.nonzero() == {} and index.en_hits.nonzero() == {}
    assert index.gains(0, 2, 2, 2, 2) == (np.zeros(1), np.zeros(1))
