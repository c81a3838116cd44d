"""Throughput of ``corpus add`` (local vs a 2-worker Dask cluster) and concordance latency.

A synthetic corpus is built from the UNPC test and dev sets (8,000 1:1 sentence pairs):
document pair ``i`` takes 8-16 consecutive sentence pairs from a seeded shuffle, in
paragraphs of 1-4 sentences, written as ``unpc-NNNN.zh.txt`` / ``unpc-NNNN.en.txt``.

    nice -n 10 python benchmarks/corpus_scale.py throughput --pairs 40      # local, then Dask
    nice -n 10 python benchmarks/corpus_scale.py throughput --pairs 1000 --only local --db /tmp/c1000.sqlite
    nice -n 10 python benchmarks/corpus_scale.py latency --pairs 1000 --db /tmp/c1000.sqlite

``throughput`` times ``corpus add`` with the default offline model twice: in this process
(one model load, reading in this process) and on a LocalCluster of 2 worker processes on
127.0.0.1 (each loads the model once). Cluster start-up is included in the Dask time. Each
run prints its peak RSS: this process's and that of its finished child processes (the Dask
workers), separately. ``--db`` keeps the local run's database, whose vectors come from the
real model, for ``latency --db`` to reuse. The UNPC sets hold 8,000 sentence pairs, so from
about 650 document pairs on, sentences recur (in other groupings and documents).

``latency`` builds a ``--pairs`` corpus (the sentence vectors from the real model, cached in
``/tmp`` between runs; or ``--vectors hashed``: same-shape stand-in vectors, timing only),
loads the model once, then times plain and semantic searches of queries taken from the
corpus (median and 95th percentile).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from align.batch import add_to_corpus  # noqa: E402
from align.corpus_config import CorpusOptions  # noqa: E402

UNPC = ROOT.parent / "shared" / "data" / "unpc"


def load_unpc() -> list[tuple[str, str]]:
    pairs = []
    for split in ("testset", "devset"):
        zh = (UNPC / f"UNv1.0.{split}.zh.deseg").read_text(encoding="utf-8").splitlines()
        en = (UNPC / f"UNv1.0.{split}.en").read_text(encoding="utf-8").splitlines()
        pairs += [(z.strip(), e.strip()) for z, e in zip(zh, en) if z.strip() and e.strip()]
    return pairs


def write_corpus(folder: Path, n_pairs: int, seed: int = 7) -> int:
    """Write ``n_pairs`` synthetic document pairs; return the number of sentence pairs used."""
    rng = random.Random(seed)
    source = load_unpc()
    order = list(range(len(source)))
    rng.shuffle(order)
    cursor = used = 0
    for i in range(n_pairs):
        size = rng.randint(8, 16)
        picked = [source[order[(cursor + k) % len(order)]] for k in range(size)]
        cursor += size
        used += size
        paragraphs, k = [], 0
        while k < size:
            step = rng.randint(1, 4)
            paragraphs.append(picked[k : k + step])
            k += step
        zh = "\n\n".join(f"{n}. " + "".join(z for z, _ in p) for n, p in enumerate(paragraphs, 1))
        en = "\n\n".join(f"{n}. " + " ".join(e for _, e in p) for n, p in enumerate(paragraphs, 1))
        (folder / f"unpc-{i:04d}.zh.txt").write_text(zh + "\n", encoding="utf-8")
        (folder / f"unpc-{i:04d}.en.txt").write_text(en + "\n", encoding="utf-8")
    return used


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its waited-for children, in MB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def throughput(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="paraterm-scale-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        used = write_corpus(folder, args.pairs)
        print(f"corpus: {args.pairs} document pairs, {used} sentence pairs", flush=True)
        runs = [("local (1 process)", CorpusOptions(workers=args.workers)),
                ("dask LocalCluster 2 workers", CorpusOptions(scheduler="local", dask_workers=2))]
        if args.only:
            runs = [r for r in runs if r[0].startswith(args.only)]
        for label, options in runs:
            started = time.perf_counter()
            db = Path(tmp) / f"{label.split()[0]}.sqlite"
            if args.db and label.startswith("local"):
                db = Path(args.db)
                if db.exists():
                    sys.exit(f"{db}: exists; throughput needs a new database (remove it or pick another --db)")
            report = add_to_corpus([folder], db, options)
            seconds = time.perf_counter() - started
            docs = len(report.stored)
            own, children = peak_rss_mb()
            print(f"{label:30s} {docs} documents, {len(report.pairs)} pairs, {report.sentences} sentences "
                  f"in {seconds:.1f} s: {60 * docs / seconds:.1f} documents/min, "
                  f"{report.sentences / seconds:.1f} sentences/s; ok={report.ok}; "
                  f"peak RSS {own:.0f} MB (children {children:.0f} MB)", flush=True)
            for failure in report.failed:
                print(f"  failed: {failure.message}")
            for pair in report.pairs:
                if pair.error:
                    print(f"  failed: {pair.error}")


def latency(args: argparse.Namespace) -> None:
    from align.embed import load_encoder
    from align.search import plain_search, semantic_search
    from align.store import CorpusStore
    from common import CachedEncoder  # benchmarks/common.py: vectors cached under /tmp

    encoder = load_encoder()
    cached = CachedEncoder(encoder, "corpus-scale-e5")
    if args.vectors == "hashed":
        # Stored vectors from the hashed test encoder at the model's dimension, under the
        # model's name: the index has the real size and shape, the query goes through the
        # real model, but the hits mean nothing. For timing only, when encoding the whole
        # corpus with the model does not fit the time available.
        from align.corpus_encoders import HashedEncoder

        cached = HashedEncoder(dim=encoder.dim)
        cached.name = encoder.name
        cached.misses = 0
        cached.save = lambda: None
    db = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="paraterm-latency-")) / "corpus.sqlite"
    if not db.exists():
        folder = db.parent / "docs"
        folder.mkdir(parents=True, exist_ok=True)
        write_corpus(folder, args.pairs)
        started = time.perf_counter()
        report = add_to_corpus([folder], db, CorpusOptions(), encoder=cached)
        cached.save()
        print(f"built {db}: {len(report.pairs)} pairs, {report.sentences} sentences in "
              f"{time.perf_counter() - started:.0f} s ({cached.misses} sentences through the model)")
    rng = random.Random(3)
    with CorpusStore(db) as store:
        rows = store.connection.execute("SELECT zh, en FROM links WHERE zh != '' AND en != ''").fetchall()
        queries = []
        for zh, en in rng.sample(rows, args.queries):
            words = en.split()
            start = rng.randrange(max(1, len(words) - 3))
            queries.append(" ".join(words[start : start + 3]))  # a 3-word English phrase
            at = rng.randrange(max(1, len(zh) - 4))
            queries.append(zh[at : at + 4])  # a 4-character Chinese string
        timings: dict[str, list[float]] = {"plain": [], "semantic": []}
        semantic_search(store, "warm-up", encoder, 5)  # load the FAISS index once
        for query in queries:
            for mode in ("plain", "semantic"):
                started = time.perf_counter()
                hits = (plain_search(store, query, 20) if mode == "plain"
                        else semantic_search(store, query, encoder, 20))
                timings[mode].append(time.perf_counter() - started)
                assert hits or mode == "plain"
        links = len(rows)
    for mode, values in timings.items():
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"{mode:9s} {len(values)} queries over {links} links: median {1000 * statistics.median(values):.1f} ms, "
              f"p95 {1000 * p95:.1f} ms, max {1000 * values[-1]:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--pairs", type=int, default=1000)
    t.add_argument("--workers", type=int, default=1)
    t.add_argument("--only", choices=["local", "dask"], default=None)
    t.add_argument("--db", default=None, help="keep the local run's database here (new file), e.g. for latency --db")
    lat = sub.add_parser("latency")
    lat.add_argument("--pairs", type=int, default=1000)
    lat.add_argument("--queries", type=int, default=50, help="pairs of queries (one English, one Chinese)")
    lat.add_argument("--db", default=None, help="reuse this corpus database (built on first use)")
    lat.add_argument("--vectors", choices=["model", "hashed"], default="model",
                     help="store the model's vectors (slow to build) or hashed ones of the same shape (timing only)")
    args = parser.parse_args()
    throughput(args) if args.command == "throughput" else latency(args)


if __name__ == "__main__":
    main()
