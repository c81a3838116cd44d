"""Learn the bead-score weights of align/features.py as a semi-Markov CRF (softmax-margin).

    python benchmarks/train_crf.py --encoder e5 --train 001-012 --test 013-024 --cost 6 --l2 30
    python benchmarks/train_crf.py --encoder e5 --second use --cost 3   # plus a second encoder's embedding features

The DP's bead score ``features @ w`` is read as a log-potential, so every monotone path
through the band gets probability ``exp(score) / Z``. Training maximises the gold path's
log-probability with every non-gold bead's score raised by ``--cost`` (softmax-margin,
Gimpel & Smith 2010: a smooth stand-in for the exact-match loss the benchmark counts),
plus an L2 pull towards the shipped weights. The DP's path does not depend on the scale
of ``w``, the probabilities do, so the scale (an inverse temperature) is learned as a free
parameter beside the pulled weights; for a fixed scale the objective is convex. Its
gradient is the gold features minus their expectation under the model, computed by a
forward-backward pass over the same band the DP searches, with the same bead types. A gold
bead the DP cannot build (more sentences than ``max_bead``) is left latent: any path
through its corners counts. Minimised with L-BFGS. Scores the held-out documents with the
real DP and prints the weights as the literal to paste into align/features.py (the shipped
features' part; ``--save`` writes them all).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np
from common import parse_overrides
from train_weights import evaluate, load_split, print_weights, split_parser

from align.dp import bead_ends, bead_types
from align.features import NAMES, SKIP_EN, SKIP_ZH, WEIGHTS

NEG = -np.inf


@dataclass
class Entry:
    """Candidate beads (n, m) ending in row i at en positions ja..jb, with their features."""

    n: int
    m: int
    ja: int
    jb: int
    feats: np.ndarray  # (count, F)
    cost: np.ndarray  # (count,): 0 for a gold bead, 1 otherwise


@dataclass
class Lattice:
    """Rows ``r0..r1`` of a band with their candidate beads, from ``(r0, start)`` to ``(r1, end)``."""

    r0: int
    r1: int
    start: int  # en position at row r0
    end: int  # en position at row r1
    lo: np.ndarray  # indexed by absolute row
    hi: np.ndarray
    rows: dict[int, list[Entry]]
    skip_cost: np.ndarray  # per en sentence: 0 if gold leaves it unaligned


def _gold_index(gold):
    """(row end, n, m) -> en end of each gold bead, and the en sentences gold leaves unaligned."""
    ends, unaligned_en, unaligned_zh = {}, set(), set()
    for zh, en in gold:
        if zh and en:
            ends[(max(zh) + 1, len(zh), len(en))] = max(en) + 1
        elif zh:
            unaligned_zh.update(zh)
        else:
            unaligned_en.update(en)
    return ends, unaligned_en, unaligned_zh


def _width(features) -> int:
    """Feature count: the shipped features, or more when a second encoder adds its own."""
    return getattr(features, "width", len(NAMES))


# the embedding block of the features: cosine per shape, adjacent margins, k-NN, worst gaps
EMBEDDING = NAMES.index("length z^2/2")


@dataclass(frozen=True)
class Dual:
    """The shipped features followed by the embedding block of a second encoder's."""

    first: object
    second: object

    @property
    def width(self) -> int:
        return len(NAMES) + EMBEDDING

    def matrix(self, i, n, m, ja, jb):
        return np.hstack([self.first.matrix(i, n, m, ja, jb), self.second.matrix(i, n, m, ja, jb)[:, :EMBEDDING]])


def with_second_encoder(docs, tag, config):
    """Each prepared document with a second encoder's embedding features (same band)."""
    from common import CachedEncoder, cache_tag, load_encoder

    from align.sentence_align import embed_pair

    encoder = CachedEncoder(lambda: load_encoder(tag), cache_tag(tag))
    out = []
    for pair, prep in docs:
        emb = embed_pair(pair.zh, pair.en, encoder, config)
        second = replace(prep.features, zh=emb.zh, en=emb.en, unrelated=emb.unrelated, tokens=None)
        out.append((pair, replace(prep, features=Dual(prep.features, second))))
    encoder.save()
    return out


def build_lattice(prep, lo, hi, r0, r1, start, end, types, gold) -> Lattice:
    """Every candidate bead of the band ``lo``/``hi`` between the two corners, with its
    features and its softmax-margin cost against ``gold``."""
    ends, unaligned_en, unaligned_zh = _gold_index(gold)
    feats = prep.features
    rows: dict[int, list[Entry]] = {}
    for i in range(r0, r1 + 1):
        out = []
        for n, m in types:
            reach = bead_ends(lo, hi, i, n, m) if i - n >= r0 else None
            if reach is None:
                continue
            ja, jb = reach
            count = jb - ja + 1
            cost = np.ones(count)
            if m == 0:
                f = np.zeros((count, _width(feats)))
                f[:, SKIP_ZH] = 1.0
                if (i - 1) in unaligned_zh:
                    cost[:] = 0.0
            else:
                f = feats.matrix(i, n, m, ja, jb)
                j = ends.get((i, n, m))
                if j is not None and ja <= j <= jb:
                    cost[j - ja] = 0.0
            out.append(Entry(n, m, ja, jb, f.astype(np.float32), cost))
        rows[i] = out
    skip_cost = np.array([0.0 if t in unaligned_en else 1.0 for t in range(prep.n_en)])
    return Lattice(r0, r1, start, end, lo, hi, rows, skip_cost)


def forward_backward(lat: Lattice, w: np.ndarray, alpha: float) -> tuple[float, np.ndarray]:
    """log Z of the lattice under ``w`` (bead scores raised by ``alpha`` × cost) and the
    expected feature sum."""
    lo, hi = lat.lo, lat.hi
    skip_w = float(w[SKIP_EN])
    scores = {i: [e.feats @ w + alpha * e.cost for e in entries] for i, entries in lat.rows.items()}
    fwd: dict[int, np.ndarray] = {}
    cums: dict[int, np.ndarray] = {}
    for i in range(lat.r0, lat.r1 + 1):
        a, b = int(lo[i]), int(hi[i])
        p = np.full(b - a + 1, NEG)
        if i == lat.r0:
            p[lat.start - a] = 0.0
        for e, s in zip(lat.rows[i], scores[i]):
            pa = int(lo[i - e.n])
            prev = fwd[i - e.n][e.ja - e.m - pa : e.jb - e.m - pa + 1]
            seg = slice(e.ja - a, e.jb - a + 1)
            p[seg] = np.logaddexp(p[seg], prev + s)
        c = np.concatenate([[0.0], np.cumsum(skip_w + alpha * lat.skip_cost[a:b])])
        cums[i] = c
        fwd[i] = np.logaddexp.accumulate(p - c) + c
    log_z = float(fwd[lat.r1][lat.end - int(lo[lat.r1])])
    # backward: r_[i][k] completions from (i, k) whose next move is a bead (or the end),
    # q[i][j] completions from (i, j) that may skip English sentences first
    r_ = {i: np.full(int(hi[i] - lo[i] + 1), NEG) for i in range(lat.r0, lat.r1 + 1)}
    r_[lat.r1][lat.end - int(lo[lat.r1])] = 0.0
    expected = np.zeros(len(w))
    for i in range(lat.r1, lat.r0 - 1, -1):
        a = int(lo[i])
        c = cums[i]
        q = np.logaddexp.accumulate((r_[i] + c)[::-1])[::-1] - c
        # skips of en sentence a+t in row i: forward at t, skip, backward from t+1
        mu = np.exp(fwd[i][:-1] + np.diff(c) + q[1:] - log_z)
        expected[SKIP_EN] += mu.sum()
        for e, s in zip(lat.rows[i], scores[i]):
            pa = int(lo[i - e.n])
            src = slice(e.ja - e.m - pa, e.jb - e.m - pa + 1)
            inc = s + q[e.ja - a : e.jb - a + 1]
            mu = np.exp(fwd[i - e.n][src] + inc - log_z)
            expected += mu @ e.feats
            r_[i - e.n][src] = np.logaddexp(r_[i - e.n][src], inc)
    return log_z, expected


@dataclass
class Doc:
    """One training document: its whole lattice, the gold path's features, its latent beads."""

    den: Lattice
    gold_feats: np.ndarray  # feature sum of the gold beads the DP can build, unaligned sentences included
    latent: list[Lattice]  # gold beads too large for the DP


def make_doc(pair, prep, config) -> Doc | None:
    """The training view of one document; None when its gold path leaves the DP's band."""
    types = bead_types(config.max_bead)
    longest = config.max_bead - 1
    lo, hi = prep.lo, prep.hi
    gold_feats = np.zeros(_width(prep.features))
    latent_spans = []
    i = j = 0
    for zh, en in pair.gold:
        n, m = len(zh), len(en)
        ni, nj = i + n, j + m
        if not (lo[ni] <= nj <= hi[ni]):
            return None  # the gold path leaves the band: skip the document
        if n and m and n + m <= config.max_bead and max(n, m) <= longest:
            gold_feats += prep.features.matrix(ni, n, m, nj, nj)[0]
        elif not m:
            gold_feats[SKIP_ZH] += n
        elif not n:
            gold_feats[SKIP_EN] += m
        else:
            latent_spans.append((i, ni, j, nj))
        i, j = ni, nj
    den = build_lattice(prep, lo, hi, 0, prep.n_zh, 0, prep.n_en, types, pair.gold)
    latent = []
    for zs, ze, es, ee in latent_spans:
        sub_lo, sub_hi = lo.copy(), hi.copy()
        sub_lo[zs : ze + 1] = np.maximum(lo[zs : ze + 1], es)
        sub_hi[zs : ze + 1] = np.minimum(hi[zs : ze + 1], ee)
        if (sub_lo[zs : ze + 1] > sub_hi[zs : ze + 1]).any():
            return None
        latent.append(build_lattice(prep, sub_lo, sub_hi, zs, ze, es, ee, types, []))
    return Doc(den, gold_feats, latent)


def objective(x, docs, alpha, l2, w0, mask):
    """Loss and gradient in ``x = (v, log scale)``: bead scores are ``scale * features @ v``.

    The DP's path does not change with the scale, but the CRF's probabilities do; the scale
    is learned freely while ``v`` is pulled towards the shipped weights."""
    v, scale = np.where(mask, x[:-1], w0), float(np.exp(x[-1]))
    w = scale * v
    total, grad = 0.0, np.zeros(len(w))
    for doc in docs:
        log_z, exp_f = forward_backward(doc.den, w, alpha)
        num, num_f = float(doc.gold_feats @ w), doc.gold_feats
        for lat in doc.latent:
            lz, ef = forward_backward(lat, w, 0.0)
            num += lz
            num_f = num_f + ef
        total += log_z - num
        grad += exp_f - num_f
    total += 0.5 * l2 * float(((v - w0) ** 2).sum())
    grad_v = np.where(mask, scale * grad + l2 * (v - w0), 0.0)
    return total, np.append(grad_v, float(grad @ w))


def main() -> None:
    from scipy.optimize import minimize  # installed with sentence-transformers; only training needs it

    ap = split_parser(__doc__)
    ap.add_argument("--cost", type=float, default=6.0, help="softmax-margin cost of a non-gold bead")
    ap.add_argument("--l2", type=float, default=30.0, help="pull towards the shipped weights")
    ap.add_argument("--iters", type=int, default=80, help="L-BFGS iterations")
    ap.add_argument("--scale", type=float, default=20.0, help="starting inverse temperature of the bead scores")
    ap.add_argument("--second", default="", help="tag of a second encoder whose embedding features are added (e.g. use)")
    ap.add_argument("--init", default="", help="start from these weights (.npy) instead of the shipped ones")
    ap.add_argument("--learn", default="", help="comma-separated substrings: learn only the weights whose names contain one")
    ap.add_argument("--save", default="", help="also write the weights to this .npy file")
    ap.add_argument("--fix", default="zh worst gap", help="comma-separated weight names kept as shipped")
    args = ap.parse_args()
    config = parse_overrides(args.knobs)
    train, test = load_split(args.sets, args.train, args.test, args.encoder, config)
    t0 = time.perf_counter()
    names = list(NAMES)
    if args.second:
        both = with_second_encoder(train + test, args.second, config)
        train, test = both[: len(train)], both[len(train) :]
        names += [f"{args.second} {n}" for n in NAMES[:EMBEDDING]]
    w0 = np.zeros(len(names))
    w0[: len(NAMES)] = WEIGHTS
    if args.init:
        init = np.load(args.init)
        w0[: len(init)] = init
    learn = [part for part in args.learn.split(",") if part]
    mask = np.array([name not in args.fix.split(",") and (not learn or any(part in name for part in learn)) for name in names])
    docs = [d for d in (make_doc(p, prep, config) for p, prep in train) if d is not None]
    print(f"{len(docs)} of {len(train)} training documents kept ({time.perf_counter() - t0:.0f} s to build lattices)", flush=True)
    print(f"start: train F1 {evaluate(train, w0, config):.4f}  test F1 {evaluate(test, w0, config):.4f}", flush=True)
    x0 = np.append(w0, np.log(args.scale))
    f0, _ = objective(x0, docs, args.cost, args.l2, w0, mask)
    print(f"start objective {f0:.2f}", flush=True)
    calls = [0]

    def fun(x):
        calls[0] += 1
        return objective(x, docs, args.cost, args.l2, w0, mask)

    res = minimize(fun, x0, jac=True, method="L-BFGS-B", options={"maxiter": args.iters})
    w = np.where(mask, res.x[:-1], w0)
    print(f"objective {res.fun:.2f} after {calls[0]} evaluations ({time.perf_counter() - t0:.0f} s), "
          f"scale {np.exp(res.x[-1]):.1f}: {res.message}", flush=True)
    print(f"end: train F1 {evaluate(train, w, config):.4f}  test F1 {evaluate(test, w, config):.4f}", flush=True)
    for name, a, b in zip(names, w0, w):
        if abs(a - b) > 1e-4:
            print(f"  {name:18s} {a:+.4f} -> {b:+.4f}")
    if args.save:
        np.save(args.save, w)
    print_weights(w)


if __name__ == "__main__":
    main()
