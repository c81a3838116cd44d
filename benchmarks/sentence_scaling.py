"""Time and peak memory of the sentence aligner itself on long synthetic documents.

    python benchmarks/sentence_scaling.py --sizes 5000,20000

The text is made of UNPC test sentences repeated with a counter (so every sentence is
distinct), and the encoder is a hashing stand-in (a seeded random unit vector per text,
with the English side given the same vector as its Chinese source plus noise), so the run
measures the FAISS search, band, DP and traceback — not the model, whose cost is measured
by benchmarks/mac_test.py. 1 in 10 English sentences is split in two, 1 in 50 dropped.
"""

from __future__ import annotations

import argparse
import hashlib
import time

import numpy as np
from common import DATA, peak_rss_mb, print_table

from align.sentence_align import align_sentences

DIM = 384


class HashEncoder:
    """A deterministic random unit vector per text; ``alias`` maps a text to its source's."""

    name = "hash-stand-in"
    dim = DIM

    def __init__(self) -> None:
        self.alias: dict[str, tuple[str, float]] = {}

    def _vec(self, text: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "little")
        return np.random.default_rng(seed).normal(size=DIM)

    def encode(self, texts):
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for k, t in enumerate(texts):
            src, noise = self.alias.get(t, (t, 0.0))
            v = self._vec(src) + noise * self._vec(t)
            out[k] = v / np.linalg.norm(v)
        return out


def build(n: int, enc: HashEncoder) -> tuple[list[str], list[str], int]:
    zh_lines = (DATA / "unpc").glob("*test*.zh.deseg")
    en_lines = (DATA / "unpc").glob("*test*.en")
    zh_src = next(zh_lines).read_text(encoding="utf-8").splitlines()
    en_src = next(en_lines).read_text(encoding="utf-8").splitlines()
    rng = np.random.default_rng(7)
    zh, en = [], []
    for k in range(n):
        z = f"{zh_src[k % len(zh_src)]}（{k}）"
        e = f"{en_src[k % len(en_src)]} ({k})"
        zh.append(z)
        r = rng.random()
        if r < 0.02:
            continue
        if r < 0.12:
            half = len(e) // 2
            for part in (e[:half], e[half:]):
                en.append(part)
                enc.alias[part] = (z, 0.8)
            continue
        en.append(e)
        enc.alias[e] = (z, 0.5)
    return zh, en, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="5000,20000")
    args = ap.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        enc = HashEncoder()
        zh, en, _ = build(size, enc)
        start = time.perf_counter()
        beads = align_sentences(zh, en, enc)
        rows.append([size, len(en), len(beads), round(time.perf_counter() - start, 1), round(peak_rss_mb())])
    print_table(["zh sentences", "en sentences", "beads", "seconds", "peak RSS MB (process so far)"], rows)


if __name__ == "__main__":
    main()
