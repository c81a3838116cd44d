"""The corpus database: documents, paragraphs, sentences, pairs and links in SQLite.

SQLite in WAL mode with a busy timeout lets two ``corpus add`` processes write to one
file: each write is a short ``BEGIN IMMEDIATE`` transaction, so a second writer waits
instead of failing. Each document is stored in one transaction, each aligned pair in
another: killing the process at any moment leaves only whole documents and whole pairs.
The sentence embeddings live in ``doc_vectors`` so the FAISS index beside the database
(:mod:`align.vectors`) can always be rebuilt from here.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from align.alignment import Alignment, Level, Link, Signature
from align.document import Document, DocumentMeta, Lang, Paragraph, ParagraphKind, Sentence
from align.errors import InputError

SCHEMA_VERSION = "1"
BUSY_TIMEOUT_S = 60.0  # how long a writer waits for another writer's transaction
_RETRY_PAUSE_S = 0.05  # between attempts to open a database another process is creating

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY, started TEXT NOT NULL, signature TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, lang TEXT NOT NULL,
  symbol TEXT, date TEXT, job_number TEXT, original_language TEXT, body TEXT,
  removed_lines TEXT NOT NULL, pair_note TEXT, run_id INTEGER);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS paragraphs(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id INTEGER NOT NULL,
  kind TEXT NOT NULL, label TEXT, text TEXT NOT NULL, PRIMARY KEY(doc_id, id));
CREATE TABLE IF NOT EXISTS sentences(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id INTEGER NOT NULL,
  paragraph INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY(doc_id, id));
CREATE TABLE IF NOT EXISTS doc_vectors(
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, model TEXT NOT NULL,
  dim INTEGER NOT NULL, document BLOB NOT NULL, sentences BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pairs(
  id INTEGER PRIMARY KEY,
  zh_doc INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  en_doc INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  method TEXT NOT NULL, evidence TEXT NOT NULL, score REAL NOT NULL,
  status TEXT NOT NULL, error TEXT, level TEXT, signature TEXT, run_id INTEGER);
CREATE TABLE IF NOT EXISTS links(
  pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  zh_ids TEXT NOT NULL, en_ids TEXT NOT NULL, zh TEXT NOT NULL, en TEXT NOT NULL,
  score REAL NOT NULL, flags TEXT NOT NULL, zh_paragraphs TEXT NOT NULL,
  en_paragraphs TEXT NOT NULL, PRIMARY KEY(pair_id, seq));
CREATE TABLE IF NOT EXISTS link_units(
  doc_id INTEGER NOT NULL, unit INTEGER NOT NULL,
  pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  PRIMARY KEY(doc_id, unit));
"""


class PairStatus:
    """Where a pair is in its life: planned, aligned and stored, or failed to align."""

    PENDING = "pending"
    ALIGNED = "aligned"
    FAILED = "failed"


@dataclass(frozen=True)
class StoredDocument:
    """A document row: enough to pair it and to name it, without its text."""

    id: int
    path: str
    sha256: str
    lang: Lang
    symbol: str | None
    pair_note: str | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class StoredPair:
    """A Chinese document paired with its English original, and how far it got."""

    id: int
    zh: StoredDocument
    en: StoredDocument
    method: str
    evidence: str
    score: float
    status: str
    error: str | None
    signature: str | None
    links: int


@dataclass(frozen=True)
class DocVectors:
    """The embeddings of one stored document: one row per sentence, plus the mean."""

    model: str
    document: np.ndarray  # (dim,)
    sentences: np.ndarray  # (n_sentences, dim)


def _ids(values: tuple[int, ...]) -> str:
    return ",".join(str(v) for v in values)


def _parse_ids(text: str) -> tuple[int, ...]:
    return tuple(int(v) for v in text.split(",")) if text else ()


def _blob(array: np.ndarray) -> bytes:
    return np.ascontiguousarray(array, dtype=np.float32).tobytes()


def _set_up(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=NORMAL")
    with _immediate(connection):
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?), ('vectors_generation', '0')",
            (SCHEMA_VERSION,),
        )


@contextmanager
def _immediate(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction taken up front: committed whole or rolled back."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


class CorpusStore:
    """One open corpus database. Use as a context manager; writes go through :meth:`transaction`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.connection = self._connect()
        except sqlite3.DatabaseError as error:
            raise InputError(f"{self.path}: not a paraterm corpus database ({error}); give another --db") from None
        found = self.meta("schema")
        if found != SCHEMA_VERSION:
            raise InputError(f"{self.path}: corpus schema {found}, this paraterm reads {SCHEMA_VERSION}; use a new --db")

    def _connect(self) -> sqlite3.Connection:
        """Open, switch to WAL and create the schema, retrying while another process does the same.

        Switching a new file to WAL takes an exclusive lock for which SQLite does not call the
        busy handler, so two processes opening one new database at once can see "database is
        locked" here even with a timeout; they retry until :data:`BUSY_TIMEOUT_S`.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            # isolation_level=None: we issue BEGIN IMMEDIATE ourselves, so a writer takes the
            # write lock up front and waits (busy timeout) rather than failing on upgrade.
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            try:
                _set_up(connection)
                return connection
            except BaseException as error:
                connection.close()
                locked = isinstance(error, sqlite3.OperationalError) and "locked" in str(error)
                if not locked or time.monotonic() > deadline:
                    raise
            time.sleep(_RETRY_PAUSE_S)

    def __enter__(self) -> "CorpusStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside is committed together or not at all."""
        with _immediate(self.connection) as connection:
            yield connection

    # --- meta and runs ---------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def begin_run(self, signature: str, started: str) -> int:
        with self.transaction() as db:
            return int(db.execute("INSERT INTO runs(started, signature) VALUES (?, ?)", (started, signature)).lastrowid)

    # --- documents ---------------------------------------------------------------------

    def _document(self, row: tuple) -> StoredDocument:
        return StoredDocument(row[0], row[1], row[2], Lang(row[3]), row[4], row[5])

    _DOC_COLUMNS = "id, path, sha256, lang, symbol, pair_note"

    def find_document(self, path: str) -> StoredDocument | None:
        row = self.connection.execute(f"SELECT {self._DOC_COLUMNS} FROM documents WHERE path = ?", (path,)).fetchone()
        return self._document(row) if row else None

    def find_by_hash(self, sha256: str) -> StoredDocument | None:
        row = self.connection.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1", (sha256,)
        ).fetchone()
        return self._document(row) if row else None

    def documents(self) -> list[StoredDocument]:
        rows = self.connection.execute(f"SELECT {self._DOC_COLUMNS} FROM documents ORDER BY path").fetchall()
        return [self._document(row) for row in rows]

    def unpaired_documents(self) -> list[StoredDocument]:
        rows = self.connection.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE id NOT IN (SELECT zh_doc FROM pairs)"
            " AND id NOT IN (SELECT en_doc FROM pairs) ORDER BY path"
        ).fetchall()
        return [self._document(row) for row in rows]

    def add_document(self, path: str, sha256: str, doc: Document, vectors: DocVectors, run_id: int | None) -> int:
        """Store a document with its paragraphs, sentences and embeddings, replacing an older version."""
        with self.transaction() as db:
            old = db.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
            if old:
                self._delete(old[0])
            meta = doc.meta
            doc_id = int(
                db.execute(
                    "INSERT INTO documents(path, sha256, lang, symbol, date, job_number, original_language,"
                    " body, removed_lines, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (path, sha256, doc.lang.value, meta.symbol, meta.date, meta.job_number,
                     meta.original_language, meta.body, json.dumps(list(meta.removed_lines), ensure_ascii=False),
                     run_id),
                ).lastrowid
            )
            db.executemany(
                "INSERT INTO paragraphs(doc_id, id, kind, label, text) VALUES (?, ?, ?, ?, ?)",
                [(doc_id, p.id, p.kind.value, p.label, p.text) for p in doc.paragraphs],
            )
            db.executemany(
                "INSERT INTO sentences(doc_id, id, paragraph, text) VALUES (?, ?, ?, ?)",
                [(doc_id, s.id, s.paragraph, s.text) for s in doc.sentences],
            )
            db.execute(
                "INSERT INTO doc_vectors(doc_id, model, dim, document, sentences) VALUES (?, ?, ?, ?, ?)",
                (doc_id, vectors.model, int(vectors.document.shape[0]), _blob(vectors.document),
                 _blob(vectors.sentences)),
            )
        return doc_id

    def delete_document(self, doc_id: int) -> None:
        with self.transaction():
            self._delete(doc_id)

    def _delete(self, doc_id: int) -> None:
        # The FAISS index cannot drop rows cheaply: bump the generation so it is rebuilt.
        self.connection.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self.connection.execute(
            "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'vectors_generation'"
        )

    def load_document(self, doc_id: int) -> Document:
        db = self.connection
        row = db.execute(
            "SELECT path, lang, symbol, date, job_number, original_language, body, removed_lines"
            " FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise InputError(f"document #{doc_id} is not in {self.path}; run 'paraterm corpus pairs' to list them")
        sentences: dict[int, list[Sentence]] = {}
        for sid, paragraph, text in db.execute(
            "SELECT id, paragraph, text FROM sentences WHERE doc_id = ? ORDER BY id", (doc_id,)
        ):
            sentences.setdefault(paragraph, []).append(Sentence(sid, paragraph, text))
        paragraphs = tuple(
            Paragraph(pid, text, ParagraphKind(kind), label, tuple(sentences.get(pid, ())))
            for pid, kind, label, text in db.execute(
                "SELECT id, kind, label, text FROM paragraphs WHERE doc_id = ? ORDER BY id", (doc_id,)
            )
        )
        meta = DocumentMeta(row[2], row[3], row[4], row[5], row[6], tuple(json.loads(row[7])))
        return Document(Path(row[0]), Lang(row[1]), paragraphs, meta)

    def load_vectors(self, doc_id: int) -> DocVectors | None:
        row = self.connection.execute(
            "SELECT model, dim, document, sentences FROM doc_vectors WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        dim = int(row[1])
        return DocVectors(
            row[0], np.frombuffer(row[2], dtype=np.float32).copy(),
            np.frombuffer(row[3], dtype=np.float32).reshape(-1, dim).copy(),
        )

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def set_pair_notes(self, notes: dict[int, str]) -> None:
        """Why each unpaired document stayed unpaired (shown by ``corpus pairs``)."""
        with self.transaction() as db:
            db.executemany("UPDATE documents SET pair_note = ? WHERE id = ?", [(n, i) for i, n in notes.items()])

    # --- pairs and links ---------------------------------------------------------------

    def add_pairs(self, pairs: list[tuple[int, int, str, str, float]], run_id: int | None) -> list[int]:
        """Plan pairs (zh id, en id, method, evidence, score); a document already paired is left alone."""
        planned = []
        with self.transaction() as db:
            for zh, en, method, evidence, score in pairs:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO pairs(zh_doc, en_doc, method, evidence, score, status, run_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)", (zh, en, method, evidence, score, PairStatus.PENDING, run_id),
                )
                if cursor.rowcount:
                    planned.append(int(cursor.lastrowid))
                    db.execute("UPDATE documents SET pair_note = NULL WHERE id IN (?, ?)", (zh, en))
        return planned

    def pairs(self, status: str | None = None) -> list[StoredPair]:
        query = (
            "SELECT p.id, p.method, p.evidence, p.score, p.status, p.error, p.signature,"
            " (SELECT COUNT(*) FROM links l WHERE l.pair_id = p.id),"
            f" {', '.join('z.' + c.strip() for c in self._DOC_COLUMNS.split(','))},"
            f" {', '.join('e.' + c.strip() for c in self._DOC_COLUMNS.split(','))}"
            " FROM pairs p JOIN documents z ON z.id = p.zh_doc JOIN documents e ON e.id = p.en_doc"
        )
        args: tuple = ()
        if status is not None:
            query += " WHERE p.status = ?"
            args = (status,)
        rows = self.connection.execute(query + " ORDER BY z.path, e.path", args).fetchall()
        return [
            StoredPair(r[0], self._document(r[8:14]), self._document(r[14:20]), r[1], r[2], r[3], r[4], r[5], r[6], r[7])
            for r in rows
        ]

    def store_alignment(self, pair_id: int, alignment: Alignment) -> bool:
        """Store the links of a pair in one transaction; False if another writer did it first."""
        with self.transaction() as db:
            row = db.execute("SELECT status, zh_doc, en_doc FROM pairs WHERE id = ?", (pair_id,)).fetchone()
            if row is None or row[0] == PairStatus.ALIGNED:
                return False
            _, zh_doc, en_doc = row
            db.execute("DELETE FROM links WHERE pair_id = ?", (pair_id,))
            db.execute("DELETE FROM link_units WHERE pair_id = ?", (pair_id,))
            db.executemany(
                "INSERT INTO links(pair_id, seq, zh_ids, en_ids, zh, en, score, flags, zh_paragraphs, en_paragraphs)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (pair_id, seq, _ids(k.zh_ids), _ids(k.en_ids), k.zh, k.en, float(k.score),
                     ",".join(str(getattr(f, "value", f)) for f in k.flags), _ids(k.zh_paragraphs),
                     _ids(k.en_paragraphs))
                    for seq, k in enumerate(alignment.links)
                ],
            )
            units = [(zh_doc, u, pair_id, seq) for seq, k in enumerate(alignment.links) for u in k.zh_ids]
            units += [(en_doc, u, pair_id, seq) for seq, k in enumerate(alignment.links) for u in k.en_ids]
            db.executemany("INSERT OR REPLACE INTO link_units(doc_id, unit, pair_id, seq) VALUES (?, ?, ?, ?)", units)
            db.execute(
                "UPDATE pairs SET status = ?, error = NULL, level = ?, signature = ? WHERE id = ?",
                (PairStatus.ALIGNED, alignment.level.value, str(alignment.signature), pair_id),
            )
        return True

    def mark_failed(self, pair_id: int, error: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE pairs SET status = ?, error = ? WHERE id = ?", (PairStatus.FAILED, error, pair_id))

    def load_links(self, pair_id: int) -> list[Link]:
        rows = self.connection.execute(
            "SELECT zh_ids, en_ids, zh, en, score, flags, zh_paragraphs, en_paragraphs FROM links"
            " WHERE pair_id = ? ORDER BY seq", (pair_id,)
        ).fetchall()
        return [
            Link(_parse_ids(r[0]), _parse_ids(r[1]), r[2], r[3], r[4], tuple(f for f in r[5].split(",") if f),
                 _parse_ids(r[6]), _parse_ids(r[7]))
            for r in rows
        ]

    def load_alignment(self, pair: StoredPair) -> Alignment:
        """Rebuild the :class:`Alignment` of a stored pair, documents included."""
        row = self.connection.execute("SELECT level FROM pairs WHERE id = ?", (pair.id,)).fetchone()
        from align.export.summary import parse_signature

        signature = parse_signature(pair.signature or "paraterm ?|model:?")
        return Alignment(
            self.load_document(pair.zh.id), self.load_document(pair.en.id), Level(row[0] or Level.SENTENCE.value),
            self.load_links(pair.id), signature, zh_name=pair.zh.name, en_name=pair.en.name,
        )

