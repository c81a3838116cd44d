"""The gold-aligned benchmark sets in ../shared/data, read as the benchmarks read them.

Skipped when ../shared is absent. The sets differ in direction (MAC-Test and pol translate
Chinese into English, aca and mag English into Chinese); the aligner must get the Chinese
side as Chinese, or its dictionary evidence sees nothing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from align.score import score
from align.sentence_align import align_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from common import load_set  # noqa: E402

SETS = ["mac-test", "nonliterary/aca", "nonliterary/pol", "nonliterary/mag"]
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _cjk_share(lines: list[str]) -> float:
    text = "".join(lines)
    return len(_CJK.findall(text)) / max(len(text), 1)


@pytest.mark.parametrize("name", SETS)
def test_pairs_come_chinese_first_with_gold_ids_inside(shared_dir: Path, name: str) -> None:
    for pair in load_set(shared_dir / "data" / name):
        assert _cjk_share(pair.zh) > 0.5, f"{name} {pair.name}: the zh side is not Chinese"
        assert _cjk_share(pair.en) < 0.05, f"{name} {pair.name}: the en side is not English"
        zh_ids = [i for z, _ in pair.gold for i in z]
        en_ids = [j for _, e in pair.gold for j in e]
        # each sentence at most once and inside its side (pol's gold skips a few ids, and a few
        # MAC-Test beads are out of order)
        assert len(set(zh_ids)) == len(zh_ids) and set(zh_ids) <= set(range(len(pair.zh)))
        assert len(set(en_ids)) == len(en_ids) and set(en_ids) <= set(range(len(pair.en)))


@pytest.mark.model
def test_real_model_aligns_the_start_of_an_english_original_set(shared_dir: Path) -> None:
    from align.embed import load_encoder

    # aca is an English original: the first gold beads covering 60 Chinese sentences,
    # aligned with the real model, come out nearly all exactly right
    pair = load_set(shared_dir / "data" / "nonliterary" / "aca")[0]
    gold, n_zh, n_en = [], 0, 0
    for z, e in pair.gold:
        if n_zh >= 60:
            break
        gold.append((tuple(z), tuple(e)))
        n_zh, n_en = max([n_zh, *(i + 1 for i in z)]), max([n_en, *(j + 1 for j in e)])
    beads = align_sentences(pair.zh[:n_zh], pair.en[:n_en], load_encoder())
    assert score([gold], [[(b.zh, b.en) for b in beads]]).exact.f1 >= 0.95
