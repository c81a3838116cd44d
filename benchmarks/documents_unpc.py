"""Sentence splitting and number tokens on UNPC 1:1 pairs (2015 UN documents), zh and en.

Each UNPC line is one aligned sentence, so a good splitter leaves it whole (after its
paragraph label, "61.", is taken off as ``paraterm segment`` does), and a good number
extractor gives the same tokens on both sides of a pair. Reports, per set: how many
lines split into more than one sentence, how many pairs with numbers agree exactly,
and throughput (sentences per second, one core). Needs ../shared/data/unpc.

    python benchmarks/documents_unpc.py           # dev and test sets, 4,000 pairs each
    python benchmarks/documents_unpc.py --show 20 # also print 20 disagreeing pairs per set
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from align.document import Lang
from align.numbers import extract_numbers
from align.segment import split_label
from align.sentences import split_sentences

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "unpc"


def _unlabelled(line: str) -> str:
    return split_label(line.strip())[1] if line.strip() else ""


def run(split: str, show: int) -> None:
    en = [_unlabelled(x) for x in (DATA / f"UNv1.0.{split}.en").read_text(encoding="utf-8").split("\n")[:4000]]
    zh = [_unlabelled(x) for x in (DATA / f"UNv1.0.{split}.zh.deseg").read_text(encoding="utf-8").split("\n")[:4000]]
    started = time.perf_counter()
    split_en = [split_sentences(x, Lang.EN) for x in en]
    split_zh = [split_sentences(x, Lang.ZH) for x in zh]
    split_rate = (len(en) + len(zh)) / (time.perf_counter() - started)
    started = time.perf_counter()
    tokens_en = [Counter(extract_numbers(x, Lang.EN)) for x in en]
    tokens_zh = [Counter(extract_numbers(x, Lang.ZH)) for x in zh]
    number_rate = (len(en) + len(zh)) / (time.perf_counter() - started)
    with_numbers = [i for i in range(len(en)) if tokens_en[i] or tokens_zh[i]]
    agree = [i for i in with_numbers if tokens_en[i] == tokens_zh[i]]
    print(
        f"{split}: {len(en)} pairs; lines split into >1 sentence: en {sum(len(s) > 1 for s in split_en)}, "
        f"zh {sum(len(s) > 1 for s in split_zh)}; number tokens equal in {len(agree)}/{len(with_numbers)} "
        f"pairs with numbers ({len(agree) / len(with_numbers):.1%}); split {split_rate:,.0f} sentences/s, "
        f"numbers {number_rate:,.0f} sentences/s"
    )
    for i in [i for i in with_numbers if tokens_en[i] != tokens_zh[i]][:show]:
        print(f"  en-only {dict(tokens_en[i] - tokens_zh[i])} zh-only {dict(tokens_zh[i] - tokens_en[i])} | {en[i][:90]}")
    for i in [i for i, s in enumerate(split_en) if len(s) > 1][:show]:
        print("  split:", " || ".join(part[:60] for part in split_en[i]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements per set")
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"{DATA} is absent; this benchmark needs ../shared/data/unpc")
    for split in ("devset", "testset"):
        run(split, args.show)


if __name__ == "__main__":
    main()
