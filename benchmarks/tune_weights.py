"""Tune the bead-score weights of align/features.py by coordinate search on exact F1.

    python benchmarks/tune_weights.py --train 001-012 --test 013-024 --rounds 2

Each round tries, for every weight in turn, ``w ± step`` and keeps a change only when the
training documents' exact F1 improves; steps halve after a round without gains. Simple,
but it optimises the very number the benchmark reports, and it cannot diverge. The
held-out documents are scored after every round, never used to decide anything.
Prints the weights as the literal to paste into align/features.py. Uses the /tmp cache.
"""

from __future__ import annotations

import time

import numpy as np
from train_weights import evaluate, print_weights, split_from, split_parser

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
    ap = split_parser(__doc__)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--only", default="", help="comma-separated substrings of weight names to tune")
    args = ap.parse_args()
    config, train, test = split_from(args)
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
