"""The library behind ``paraterm corpus``: one function per command, plus readers for other commands.

>>> report = add_to_corpus([Path("corpus")], Path("corpus.sqlite"))      # doctest: +SKIP
>>> hits = search_corpus(Path("corpus.sqlite"), "消极安全保证")              # doctest: +SKIP
>>> alignments = load_alignments(Path("corpus.sqlite"))  # for glossary build / check --db
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from align.alignment import Alignment, Level, Signature
from align.batch import AddReport, add_to_corpus
from align.corpus_encoders import corpus_encoder
from align.encoder import Encoder
from align.errors import InputError
from align.search import DEFAULT_LIMIT, Hit, plain_search, semantic_search
from align.store import CorpusStore, PairStatus, StoredDocument, StoredPair
from align.vectors import index_path

__all__ = [
    "AddReport", "CorpusStats", "PairListing", "add_to_corpus", "corpus_stats", "export_tmx",
    "list_pairs", "load_alignments", "open_corpus", "search_corpus",
]


def open_corpus(db: Path) -> CorpusStore:
    """Open an existing corpus; a missing file is an error, not a new empty corpus."""
    if not Path(db).is_file():
        raise InputError(f"{db}: no corpus database here; run 'paraterm corpus add PATH --db {db}' first")
    return CorpusStore(Path(db))


@dataclass(frozen=True)
class PairListing:
    """Every stored pair with its evidence, and the documents still without a pair."""

    pairs: list[StoredPair]
    unpaired: list[StoredDocument]


def list_pairs(db: Path) -> PairListing:
    with open_corpus(db) as store:
        return PairListing(store.pairs(), store.unpaired_documents())


def search_corpus(
    db: Path, query: str, semantic: bool = False, limit: int = DEFAULT_LIMIT,
    model: str | None = None, encoder: Encoder | None = None,
) -> list[Hit]:
    """Plain concordance, or with ``semantic`` the nearest stored segments by embedding.

    Semantic search uses ``encoder`` if given (e.g. already loaded), else loads ``model``,
    else the model the corpus was built with.
    """
    with open_corpus(db) as store:
        if not semantic:
            return plain_search(store, query, limit)
        if encoder is None:
            encoder = corpus_encoder(model or store.meta("model_spec") or None)
        return semantic_search(store, query, encoder, limit)


def load_alignments(db: Path, min_score: float = 0.0) -> list[Alignment]:
    """Every aligned pair as an :class:`Alignment` (documents included), links below ``min_score`` dropped."""
    with open_corpus(db) as store:
        alignments = []
        for pair in store.pairs(PairStatus.ALIGNED):
            alignment = store.load_alignment(pair)
            alignment.links = [k for k in alignment.links if k.score >= min_score]
            alignments.append(alignment)
        return alignments


@dataclass(frozen=True)
class ExportReport:
    path: Path
    pairs: int
    units: int  # links written (both sides non-empty, score >= threshold)


def export_tmx(db: Path, path: Path, min_score: float = 0.0) -> ExportReport:
    """One TMX of all stored links scoring at least ``min_score``, in document order."""
    from align.export import tmx
    from align.export.summary import is_unaligned

    alignments = load_alignments(db, min_score)
    links = [k for a in alignments for k in a.links if not is_unaligned(k)]
    with open_corpus(db) as store:
        row = store.connection.execute("SELECT signature FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    from align.export.summary import parse_signature

    signature = parse_signature(row[0]) if row else Signature("paraterm", "", "", ())
    merged = Alignment(
        None, None, Level.SENTENCE, links, signature,
        warnings=[f"corpus {Path(db).name}: {len(alignments)} document pairs, links with score >= {min_score}"],
        zh_name=f"{Path(db).name} (Chinese)", en_name=f"{Path(db).name} (English)",
    )
    tmx.write(merged, Path(path))
    return ExportReport(Path(path), len(alignments), len(links))


@dataclass(frozen=True)
class CorpusStats:
    """What the corpus holds."""

    db: Path
    documents: dict[str, int]  # language -> count
    sentences: dict[str, int]
    pairs: dict[str, int]  # status -> count
    methods: dict[str, int]  # pairing method -> count
    unpaired: int
    links: int
    mean_score: float | None
    low_confidence: int  # links flagged low-confidence
    model: str | None
    db_bytes: int
    index_bytes: int


def corpus_stats(db: Path) -> CorpusStats:
    with open_corpus(db) as store:
        q = store.connection.execute

        def counts(sql: str) -> dict[str, int]:
            return {str(k): int(v) for k, v in q(sql).fetchall()}

        links, mean = q("SELECT COUNT(*), AVG(score) FROM links").fetchone()
        low = q("SELECT COUNT(*) FROM links WHERE ',' || flags || ',' LIKE '%,low-confidence,%'").fetchone()[0]
        model = q("SELECT model FROM doc_vectors LIMIT 1").fetchone()
        index = index_path(store.path)
        return CorpusStats(
            store.path,
            counts("SELECT lang, COUNT(*) FROM documents GROUP BY lang ORDER BY lang"),
            counts("SELECT d.lang, COUNT(*) FROM sentences s JOIN documents d ON d.id = s.doc_id"
                   " GROUP BY d.lang ORDER BY d.lang"),
            counts("SELECT status, COUNT(*) FROM pairs GROUP BY status ORDER BY status"),
            counts("SELECT method, COUNT(*) FROM pairs GROUP BY method ORDER BY method"),
            len(store.unpaired_documents()), int(links), float(mean) if mean is not None else None, int(low),
            model[0] if model else None, store.path.stat().st_size,
            index.stat().st_size if index.exists() else 0,
        )


# --- text for the terminal: the CLI echoes these ---------------------------------------


def describe_report(report: AddReport) -> str:
    """A short summary of a ``corpus add`` run: one line per pair, failure and unpaired document."""
    lines = [
        f"{len(report.stored)} document(s) stored, {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} failed; {len(report.pairs)} pair(s) aligned in this run; "
        f"{report.sentences} sentences in {report.seconds:.1f} s"
    ]
    for pair in report.pairs:
        status = f"{pair.links} links" if pair.status == PairStatus.ALIGNED else f"FAILED: {pair.error}"
        lines.append(f"  pair  {pair.zh} <-> {pair.en}  [{pair.evidence}]  {status}")
    for item in report.duplicates:
        lines.append(f"  skip  {item.message}")
    for item in report.failed:
        lines.append(f"  fail  {item.message}")
    for item in report.unpaired:
        lines.append(f"  alone {item.name}: {item.message}")
    lines.append(f"corpus: {report.db}")
    return "\n".join(lines) + "\n"


def describe_pairs(listing: PairListing) -> str:
    """One line per pair (status, links, evidence), then the unpaired documents with the reason."""
    lines = []
    for p in listing.pairs:
        state = f"{p.links} links" if p.status == PairStatus.ALIGNED else p.status
        if p.error:
            state += f" ({p.error})"
        lines.append(f"{p.zh.name}\t{p.en.name}\t{p.method}\t{p.evidence}\t{state}")
    for d in listing.unpaired:
        lines.append(f"{d.name}\t-\tunpaired\t{d.pair_note or 'no counterpart found'}\t{d.lang.value}")
    return "".join(line + "\n" for line in lines)


def describe_stats(stats: CorpusStats) -> str:
    def join(counts: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"

    mean = f"{stats.mean_score:.3f}" if stats.mean_score is not None else "-"
    return (
        f"corpus      {stats.db}\n"
        f"documents   {join(stats.documents)}\n"
        f"sentences   {join(stats.sentences)}\n"
        f"pairs       {join(stats.pairs)} (by {join(stats.methods)}); unpaired documents {stats.unpaired}\n"
        f"links       {stats.links}, mean score {mean}, low-confidence {stats.low_confidence}\n"
        f"model       {stats.model or '-'}\n"
        f"size        database {stats.db_bytes / 1e6:.1f} MB, vector index {stats.index_bytes / 1e6:.1f} MB\n"
    )
