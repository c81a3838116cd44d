"""Scaling: one synthetic 20,000-sentence zh-en pair from the UNPC test+dev sets.

The 8,000 UNPC sentence pairs are repeated and shuffled (seeded) into a stream; on the
way, some sentences are dropped on one side and some adjacent ones merged on one side
(joined into one sentence), so the gold is not trivially 1-1. Both documents are ONE
paragraph, so ``align_documents`` takes the whole-document fallback path: the sentence
aligner sees 20,000 × 20,000 sentences at once.

Reports wall time, peak RSS and exact-bead P/R/F1 against the known gold.

    # end to end: model load + encoding + alignment (vectors are saved for the next run)
    nice -n 10 python benchmarks/scale_unpc.py
    # alignment only, vectors from the saved cache: the DP's own time and memory
    nice -n 10 python benchmarks/scale_unpc.py --cached
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path
from typing import Sequence

import numpy as np
from common import CachedEncoder, load_encoder, peak_rss_mb

from align.config import AlignConfig
from align.document import Document, Lang, Paragraph, ParagraphKind, Sentence
from align.pipeline import align_documents

UNPC = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "unpc"

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


def read_unpc() -> list[tuple[str, str]]:
    pairs = []
    for split in ("testset", "devset"):
        zh = (UNPC / f"UNv1.0.{split}.zh.deseg").read_text(encoding="utf-8").splitlines()
        en = (UNPC / f"UNv1.0.{split}.en").read_text(encoding="utf-8").splitlines()
        pairs.extend(zip(zh, en))
    return pairs


def build(pairs: Sequence[tuple[str, str]], size: int, seed: int, damage: float) -> tuple[list[str], list[str], Beads]:
    """About ``size`` sentences a side; ``damage`` is split over drops and merges on each side."""
    rng = random.Random(seed)
    order: list[int] = []
    while len(order) < size + 10:
        block = list(range(len(pairs)))
        rng.shuffle(block)
        order.extend(block)
    zh: list[str] = []
    en: list[str] = []
    gold: Beads = []
    k = 0
    while len(zh) < size and len(en) < size:
        (z, e), (z2, e2) = pairs[order[k]], pairs[order[k + 1]]
        roll = rng.random() / damage if damage else 1.0
        if roll < 0.25:  # two Chinese sentences written as one
            gold.append(((len(zh),), (len(en), len(en) + 1)))
            zh.append(z + z2), en.extend([e, e2])
            k += 2
            continue
        if roll < 0.5:  # two English sentences written as one
            gold.append(((len(zh), len(zh) + 1), (len(en),)))
            zh.extend([z, z2]), en.append(f"{e} {e2}")
            k += 2
            continue
        if roll < 0.75:
            gold.append(((), (len(en),)))
            en.append(e)
        elif roll < 1.0:
            gold.append(((len(zh),), ()))
            zh.append(z)
        else:
            gold.append(((len(zh),), (len(en),)))
            zh.append(z), en.append(e)
        k += 1
    return zh, en, gold


def one_paragraph(lang: Lang, sentences: Sequence[str]) -> Document:
    sents = tuple(Sentence(k, 0, s) for k, s in enumerate(sentences))
    text = ("" if lang is Lang.ZH else " ").join(sentences)
    return Document(Path(f"unpc-synthetic.{lang.value}"), lang, (Paragraph(0, text, ParagraphKind.BODY, None, sents),))


class Lookup:
    """Serves saved vectors only: the alignment's cost without any model in memory."""

    def __init__(self, cached: CachedEncoder) -> None:
        self.cached, self.name, self.dim = cached, cached.name, cached.dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        before = self.cached.misses
        out = self.cached.encode(texts)
        if self.cached.misses != before:
            raise SystemExit("the vector cache lacks some texts: run once without --cached first")
        return out


def _no_model(self, texts: Sequence[str]) -> np.ndarray:  # noqa: ANN001
    raise SystemExit("the vector cache lacks some texts: run once without --cached first (same --sentences)")


class NamedCache(CachedEncoder):
    """The benchmark cache, usable without loading the model (name and dim given)."""

    def __init__(self, name: str, dim: int, tag: str) -> None:  # noqa: D107
        inner = type("NoModel", (), {"name": name, "dim": dim, "encode": _no_model})()
        super().__init__(inner, tag, pieces=False)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--damage", type=float, default=0.08, help="share of steps that drop or merge")
    parser.add_argument("--encoder", choices=("default", "use"), default="default")
    parser.add_argument("--cached", action="store_true", help="alignment only, from vectors saved by a full run")
    args = parser.parse_args(argv)
    zh_s, en_s, gold = build(read_unpc(), args.sentences, args.seed, args.damage)
    zh, en = one_paragraph(Lang.ZH, zh_s), one_paragraph(Lang.EN, en_s)
    tag = f"scale-unpc-{args.encoder}"
    start = time.perf_counter()
    if args.cached:
        dim = 512 if args.encoder == "use" else 384
        encoder = Lookup(NamedCache(f"vectors saved by a full run ({tag})", dim, tag))
        loaded = time.perf_counter()
    else:
        # a full run encodes everything itself; the vectors it keeps for --cached take ~30 MB
        encoder = CachedEncoder(load_encoder(args.encoder), tag, pieces=False, load=False)
        loaded = time.perf_counter()
    alignment = align_documents(zh, en, AlignConfig(), encoder)
    done = time.perf_counter()
    if not args.cached:
        encoder.save()
    predicted = {(link.zh_ids, link.en_ids) for link in alignment.links}
    hits = len(predicted & set(gold))
    p, r = hits / len(predicted), hits / len(gold)
    kinds: dict[str, int] = {}
    for z, e in gold:
        kinds[f"{len(z)}-{len(e)}"] = kinds.get(f"{len(z)}-{len(e)}", 0) + 1
    print(f"UNPC synthetic pair: {len(zh_s)} zh / {len(en_s)} en sentences, seed {args.seed}, "
          f"gold beads " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"model {alignment.signature.model}; {'vectors from cache' if args.cached else 'end to end'}")
    print("| load s | align s (incl. encoding) | sentences/s | peak RSS MB | P | R | F1 | warnings |")
    print("|---|---|---|---|---|---|---|---|")
    total = len(zh_s) + len(en_s)
    print(f"| {loaded - start:.1f} | {done - loaded:.1f} | {total / (done - loaded):.0f} | {peak_rss_mb():.0f} "
          f"| {p:.4f} | {r:.4f} | {2 * p * r / (p + r):.4f} | {len(alignment.warnings)} |")


if __name__ == "__main__":
    main()
