"""``corpus add``: read, embed, pair, align and store whole folders, resumably.

Three stages, each safe to kill:

1. *read*: new or changed files are read and segmented (parallel processes locally, or Dask
   tasks), their sentences encoded in batches sorted by length, and each document stored
   with its vectors in its own transaction. An unchanged file (same path, same SHA-256) is
   skipped; a changed one replaces the stored version and its pair.
2. *pair*: every stored document without a pair is paired (:mod:`align.pairing`); the
   plan is stored as pending pairs in one transaction.
3. *align*: each pending pair touching the given files is aligned (locally, or as a Dask
   task on a worker that loaded the model once) and stored in one transaction.

A re-run redoes only what is missing, so the database after a kill and a re-run holds
what one uninterrupted run would have stored. Only this process writes the database;
Dask workers send their results back to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from align import __version__
from align.alignment import Alignment, Signature
from align.corpus_config import DOCUMENT_SUFFIXES, CorpusOptions
from align.corpus_encoders import CachedEncoder, corpus_encoder, encode_distinct
from align.document import Document, Lang
from align.encoder import Encoder
from align.errors import AlignError, InputError, UsageError
from align.pairing import Candidate, name_stem, pair_documents
from align.store import CorpusStore, DocVectors, PairStatus
from align.vectors import sync_index


@dataclass(frozen=True)
class Progress:
    """Where a batch is: ``stage`` is "read" (documents) or "align" (pairs)."""

    stage: str
    done: int
    total: int
    sentences: int


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class Failure:
    """A document or pair that could not be processed, and why (one line)."""

    name: str
    message: str


@dataclass(frozen=True)
class PairOutcome:
    zh: str
    en: str
    method: str
    evidence: str
    status: str
    links: int
    error: str | None = None


@dataclass
class AddReport:
    """What one ``corpus add`` did."""

    db: Path
    signature: str
    stored: list[str] = field(default_factory=list)  # documents read and stored now
    unchanged: list[str] = field(default_factory=list)  # already stored with the same content
    duplicates: list[Failure] = field(default_factory=list)  # same content as another stored path
    failed: list[Failure] = field(default_factory=list)  # unreadable, empty, wrong language
    pairs: list[PairOutcome] = field(default_factory=list)  # aligned (or failed) in this run
    unpaired: list[Failure] = field(default_factory=list)  # documents of this run left without a pair
    sentences: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """False when a document or a pair failed (the CLI exits 1)."""
        return not self.failed and all(p.status != PairStatus.FAILED for p in self.pairs)


# --- work units: plain functions, so Dask can ship them to workers ----------------------


@dataclass(frozen=True)
class Prepared:
    """A file after reading (and, on Dask, encoding): a document, or the reason it failed."""

    path: str
    sha256: str
    document: Document | None = None
    vectors: DocVectors | None = None
    error: str | None = None


@dataclass(frozen=True)
class PairTask:
    pair_id: int
    zh: Document
    en: Document
    zh_vectors: np.ndarray
    en_vectors: np.ndarray


@dataclass(frozen=True)
class Aligned:
    pair_id: int
    alignment: Alignment | None
    error: str | None
    sentences: int


def _name_lang(path: Path) -> Lang | None:
    """The language a file claims by its tag or folder (``x.zh.txt``, ``zh/x.txt``), if any."""
    tag = path.name.lower()[len(name_stem(path.name)) :].strip("._- ").split(".")[0]
    for hint in (tag, path.parent.name.lower()):
        if hint in ("zh", "cn", "ch", "chi", "chs", "zho", "zh-cn", "zh-hans", "chinese"):
            return Lang.ZH
        if hint in ("en", "eng", "english"):
            return Lang.EN
    return None


def read_file(path: str, sha256: str) -> Prepared:
    """Read and segment one file; any failure becomes a one-line message, never an exception."""
    from align.segment import read_document

    try:
        doc = read_document(Path(path))
    except AlignError as error:
        return Prepared(path, sha256, error=str(error))
    except Exception as error:  # a broken file must not stop the batch
        return Prepared(path, sha256, error=f"{path}: cannot be read ({type(error).__name__}: {error}); check the file")
    names = {Lang.ZH: "Chinese", Lang.EN: "English"}
    claimed = _name_lang(Path(path))
    if claimed is not None and claimed is not doc.lang:
        return Prepared(
            path, sha256,
            error=f"{path}: named {names[claimed]} but the text is {names[doc.lang]}; rename or move the file",
        )
    if not doc.sentences:
        return Prepared(path, sha256, error=f"{path}: no sentences found (empty document?); check the file")
    return Prepared(path, sha256, document=doc)


def _vectors(doc: Document, known: dict[str, np.ndarray], model: str) -> DocVectors:
    sentences = np.stack([known[s.text] for s in doc.sentences]).astype(np.float32)
    mean = sentences.mean(axis=0)
    return DocVectors(model, (mean / (np.linalg.norm(mean) or 1.0)).astype(np.float32), sentences)


def embed(
    prepared: list[Prepared], model: str | None, cache_dir: Path | None, encoder: Encoder | None = None
) -> list[Prepared]:
    """Encode the sentences of all read documents together (one encoder call)."""
    docs = [p.document for p in prepared if p.document is not None]
    if not docs:
        return prepared
    encoder = encoder or corpus_encoder(model, cache_dir)
    known = encode_distinct(encoder, [s.text for d in docs for s in d.sentences])
    return [
        Prepared(p.path, p.sha256, p.document, _vectors(p.document, known, encoder.name)) if p.document else p
        for p in prepared
    ]


def prepare_file(path: str, sha256: str, model: str | None, cache_dir: Path | None) -> Prepared:
    """Read and encode one file (the Dask task of the read stage)."""
    return embed([read_file(path, sha256)], model, cache_dir)[0]


def align_task(
    task: PairTask, model: str | None, cache_dir: Path | None, options: CorpusOptions, encoder: Encoder | None = None
) -> Aligned:
    """Align one pair, reusing its stored sentence vectors (the Dask task of the align stage)."""
    from align.pipeline import align_documents

    known = {s.text: v for doc, vecs in ((task.zh, task.zh_vectors), (task.en, task.en_vectors))
             for s, v in zip(doc.sentences, vecs)}
    sentences = len(task.zh.sentences) + len(task.en.sentences)
    try:
        cached = CachedEncoder(encoder or corpus_encoder(model, cache_dir), known)
        alignment = align_documents(task.zh, task.en, config=options.align, encoder=cached)
    except AlignError as error:
        return Aligned(task.pair_id, None, str(error), sentences)
    except Exception as error:  # one bad pair must not stop the batch
        return Aligned(task.pair_id, None, f"{task.zh.name} / {task.en.name}: alignment failed "
                       f"({type(error).__name__}: {error})", sentences)
    return Aligned(task.pair_id, alignment, None, sentences)


# --- where the work runs ---------------------------------------------------------------


class _Local:
    """This machine: reading in ``workers`` processes, encoding and aligning here."""

    def __init__(self, options: CorpusOptions, encoder: Encoder | None = None) -> None:
        self.options = options
        self.encoder = encoder
        self.pool = (
            ProcessPoolExecutor(options.workers, mp_context=get_context("spawn")) if options.workers > 1 else None
        )

    def prepare(self, files: Sequence[tuple[str, str]]) -> Iterator[Prepared]:
        paths, shas = [f[0] for f in files], [f[1] for f in files]
        read = list(self.pool.map(read_file, paths, shas) if self.pool else map(read_file, paths, shas))
        yield from embed(read, self.options.model, self.options.cache_dir, self.encoder)

    def align(self, tasks: Iterable[PairTask]) -> Iterator[Aligned]:
        for task in tasks:
            yield align_task(task, self.options.model, self.options.cache_dir, self.options, self.encoder)

    def close(self) -> None:
        if self.pool:
            self.pool.shutdown()


class _Dask:
    """A Dask cluster: ``scheduler`` is an address, or "local" for a LocalCluster on loopback."""

    def __init__(self, options: CorpusOptions) -> None:
        from distributed import Client, LocalCluster

        self.options = options
        self.cluster = None
        try:
            if options.scheduler == "local":
                self.cluster = LocalCluster(
                    n_workers=options.dask_workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None,
                )
                self.client = Client(self.cluster)
            else:
                self.client = Client(options.scheduler, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise UsageError(
                f"Dask scheduler {options.scheduler}: cannot connect ({error}); start it or drop --scheduler"
            ) from None

    def prepare(self, files: Sequence[tuple[str, str]]) -> Iterator[Prepared]:
        from distributed import as_completed

        o = self.options
        futures = [self.client.submit(prepare_file, p, s, o.model, o.cache_dir, pure=False)
                   for p, s in files]
        for future in as_completed(futures):
            yield future.result()

    def align(self, tasks: Iterable[PairTask]) -> Iterator[Aligned]:
        from distributed import as_completed

        o = self.options
        futures = [self.client.submit(align_task, t, o.model, o.cache_dir, o, pure=False) for t in tasks]
        for future in as_completed(futures):
            yield future.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


@contextmanager
def _backend(options: CorpusOptions, encoder: Encoder | None) -> Iterator[_Local | _Dask]:
    backend = _Dask(options) if options.scheduler else _Local(options, encoder)
    try:
        yield backend
    finally:
        backend.close()


# --- the orchestration ---------------------------------------------------------------


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files given, plus documents found under folders given (hidden files skipped), sorted."""
    found: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.update(
                p.resolve() for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.add(path.resolve())
        else:
            raise InputError(f"{path}: file or folder not found; check the path")
    return sorted(found)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _signature(options: CorpusOptions) -> str:
    settings = options.align.settings() + tuple(
        (f"pairing.{k}", str(v)) for k, v in vars(options.pairing).items()
    )
    return str(Signature("paraterm", __version__, options.model or "default", settings))


def _store_prepared(store: CorpusStore, item: Prepared, run_id: int, report: AddReport) -> None:
    if item.error is not None or item.document is None or item.vectors is None:
        report.failed.append(Failure(Path(item.path).name, item.error or f"{item.path}: not read"))
        return
    row = store.connection.execute("SELECT model FROM doc_vectors LIMIT 1").fetchone()
    if row and row[0] != item.vectors.model:
        raise UsageError(
            f"{store.path}: corpus was embedded with {row[0]}, this run uses {item.vectors.model}; "
            f"pass --model {row[0]} or use another --db"
        )
    store.add_document(item.path, item.sha256, item.document, item.vectors, run_id)
    report.stored.append(Path(item.path).name)
    report.sentences += len(item.document.sentences)


def _plan_pairs(store: CorpusStore, options: CorpusOptions, run_id: int) -> None:
    """Pair every stored document that has no pair yet; store the plan and the reasons."""
    candidates = []
    for doc in store.unpaired_documents():
        vectors = store.load_vectors(doc.id)
        candidates.append(Candidate(doc.id, doc.name, doc.lang, doc.symbol,
                                    vectors.sentences if vectors is not None else None))
    result = pair_documents(candidates, options.pairing)
    store.add_pairs([(p.zh, p.en, p.method.value, p.evidence, p.score) for p in result.pairs], run_id)
    store.set_pair_notes({u.id: u.reason for u in result.unpaired})


def _task(store: CorpusStore, pair_id: int, zh_id: int, en_id: int) -> PairTask:
    zh_vectors, en_vectors = store.load_vectors(zh_id), store.load_vectors(en_id)
    return PairTask(pair_id, store.load_document(zh_id), store.load_document(en_id),
                    zh_vectors.sentences if zh_vectors else np.zeros((0, 0), np.float32),
                    en_vectors.sentences if en_vectors else np.zeros((0, 0), np.float32))


def add_to_corpus(
    paths: Sequence[Path], db: Path, options: CorpusOptions = CorpusOptions(),
    progress: ProgressCallback | None = None, encoder: Encoder | None = None,
) -> AddReport:
    """Read, pair, align and store ``paths`` (files or folders) into the corpus at ``db``.

    ``encoder``: an already loaded encoder for a local run (ignored with a Dask scheduler,
    whose workers load ``options.model`` themselves).
    """
    started = time.perf_counter()
    files = collect_files(paths)
    notify = progress or (lambda event: None)
    with CorpusStore(db) as store:
        report = AddReport(db=Path(db), signature=_signature(options))
        run_id = store.begin_run(report.signature, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
        todo: list[tuple[str, str]] = []
        for path in files:
            sha, stored = _sha256(path), store.find_document(str(path))
            if stored is not None and stored.sha256 == sha:
                report.unchanged.append(path.name)
                continue
            twin = store.find_by_hash(sha)
            if twin is not None and twin.path != str(path):
                report.duplicates.append(Failure(path.name, f"{path}: same content as {twin.path}; skipped"))
                continue
            todo.append((str(path), sha))
        paths_now = {str(p) for p in files}
        with _backend(options, encoder) as backend:
            done = sentences = 0
            notify(Progress("read", 0, len(todo), 0))  # starts the clock before the first chunk
            for start in range(0, len(todo), options.chunk):
                chunk = todo[start : start + options.chunk]
                # store in path order whatever order the workers finish in: same ids every run
                for item in sorted(backend.prepare(chunk), key=lambda p: p.path):
                    _store_prepared(store, item, run_id, report)
                    done += 1
                    sentences += len(item.document.sentences) if item.document else 0
                    notify(Progress("read", done, len(todo), sentences))
            if report.stored and store.meta("model_spec") is None:
                store.set_meta("model_spec", options.model or "")  # semantic search reloads this model
            _plan_pairs(store, options, run_id)
            pending = [p for p in store.pairs() if p.status != PairStatus.ALIGNED
                       and (p.zh.path in paths_now or p.en.path in paths_now)]
            by_id = {p.id: p for p in pending}
            tasks = (_task(store, p.id, p.zh.id, p.en.id) for p in pending)
            done = sentences = 0
            notify(Progress("align", 0, len(pending), 0))
            for result in backend.align(tasks):
                pair = by_id[result.pair_id]
                if result.alignment is not None:
                    store.store_alignment(result.pair_id, result.alignment)
                    outcome = PairOutcome(pair.zh.name, pair.en.name, pair.method, pair.evidence,
                                          PairStatus.ALIGNED, len(result.alignment.links))
                else:
                    store.mark_failed(result.pair_id, result.error or "alignment failed")
                    outcome = PairOutcome(pair.zh.name, pair.en.name, pair.method, pair.evidence,
                                          PairStatus.FAILED, 0, result.error)
                report.pairs.append(outcome)
                done += 1
                sentences += result.sentences
                notify(Progress("align", done, len(pending), sentences))
        report.pairs.sort(key=lambda p: (p.zh, p.en))
        report.unpaired = [Failure(d.name, d.pair_note or "no counterpart found")
                           for d in store.unpaired_documents() if d.path in paths_now]
        sync_index(store)
    report.seconds = time.perf_counter() - started
    return report
