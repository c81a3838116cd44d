"""The corpus database and the FAISS index beside it, on hand-made documents and alignments."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import numpy as np
import pytest

from align.alignment import Alignment, Level, Link, Signature
from align.document import Document, DocumentMeta, Lang, Paragraph, ParagraphKind, Sentence
from align.errors import InputError
from align.store import CorpusStore, DocVectors, PairStatus
from align import vectors
from align.vectors import index_path, sync_index

SIGNATURE = Signature("paraterm", "0.1.0", "fake", (("max_bead", "5"),))


def make_document(name: str, lang: Lang, paragraphs: list[list[str]], symbol: str | None = None) -> Document:
    built, sid = [], 0
    for pid, texts in enumerate(paragraphs):
        sentences = tuple(Sentence(sid + i, pid, t) for i, t in enumerate(texts))
        sid += len(texts)
        label = f"{pid}." if pid else None
        kind = ParagraphKind.NUMBERED if pid else ParagraphKind.TITLE
        built.append(Paragraph(pid, " ".join(texts), kind, label, sentences))
    return Document(Path(name), lang, tuple(built), DocumentMeta(symbol=symbol, removed_lines=("GE.18-1",)))


def fake_vectors(doc: Document, dim: int = 4) -> DocVectors:
    rows = np.array([[len(s.text), s.id + 1, 1.0, 0.5][:dim] for s in doc.sentences], dtype=np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    mean = rows.mean(axis=0)
    return DocVectors("fake", mean / np.linalg.norm(mean), rows)


ZH = make_document("x.zh.txt", Lang.ZH, [["消极安全保证"], ["本集团强调。", "无条件。"]], "CD/2133")
EN = make_document("x.en.txt", Lang.EN, [["Negative security assurances"], ["The Group stresses it.", "Without conditions."]])
LINKS = [
    Link((0,), (0,), "消极安全保证", "Negative security assurances", 0.9, (), (0,), (0,)),
    Link((1, 2), (1, 2), "本集团强调。无条件。", "The Group stresses it. Without conditions.", 0.4,
         ("low-confidence", "merged"), (1,), (1,)),
]


def aligned(tmp_path: Path) -> tuple[CorpusStore, int]:
    store = CorpusStore(tmp_path / "c.sqlite")
    zh = store.add_document("/docs/x.zh.txt", "sha-zh", ZH, fake_vectors(ZH), None)
    en = store.add_document("/docs/x.en.txt", "sha-en", EN, fake_vectors(EN), None)
    [pair_id] = store.add_pairs([(zh, en, "symbol", "symbol CD/2133", 1.0)], None)
    assert store.store_alignment(pair_id, Alignment(ZH, EN, Level.SENTENCE, LINKS, SIGNATURE))
    return store, pair_id


def test_database_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "c.sqlite") as store:
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_opening_waits_for_a_writer_that_holds_a_new_database(tmp_path: Path) -> None:
    # Another process creating the file holds a write lock in rollback-journal mode; SQLite
    # refuses the switch to WAL at once there ("database is locked", no busy handler).
    path = tmp_path / "c.sqlite"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE early(a)")
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        with CorpusStore(path) as store:
            assert store.meta("schema") == "1"
            assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        release.join()
        other.close()


def test_document_round_trip(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "c.sqlite") as store:
        doc_id = store.add_document("/docs/x.zh.txt", "sha", ZH, fake_vectors(ZH), None)
        back = store.load_document(doc_id)
        assert back.paragraphs == ZH.paragraphs
        assert back.meta == ZH.meta
        assert back.lang is Lang.ZH and back.path == Path("/docs/x.zh.txt")
        vectors = store.load_vectors(doc_id)
        assert np.array_equal(vectors.sentences, fake_vectors(ZH).sentences)
        assert store.find_document("/docs/x.zh.txt").sha256 == "sha"
        assert store.find_by_hash("sha").path == "/docs/x.zh.txt"


def test_alignment_round_trip_and_status(tmp_path: Path) -> None:
    store, pair_id = aligned(tmp_path)
    [pair] = store.pairs()
    assert (pair.status, pair.links, pair.signature) == (PairStatus.ALIGNED, 2, str(SIGNATURE))
    back = store.load_alignment(pair)
    assert back.links == LINKS
    assert back.signature == SIGNATURE
    assert back.zh.paragraphs == ZH.paragraphs
    # a second writer finishing the same pair changes nothing
    assert store.store_alignment(pair_id, Alignment(ZH, EN, Level.SENTENCE, LINKS[:1], SIGNATURE)) is False
    assert len(store.load_links(pair_id)) == 2


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store = CorpusStore(tmp_path / "c.sqlite")
    with pytest.raises(RuntimeError):
        with store.transaction() as db:
            db.execute("INSERT INTO runs(started, signature) VALUES ('now', 'sig')")
            raise RuntimeError("killed")
    assert store.connection.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 0


def test_replacing_a_document_drops_its_pair_and_links(tmp_path: Path) -> None:
    store, _ = aligned(tmp_path)
    changed = make_document("x.en.txt", Lang.EN, [["Negative security assurances (revised)"]])
    store.add_document("/docs/x.en.txt", "sha-en-2", changed, fake_vectors(changed), None)
    assert store.pairs() == []
    assert store.connection.execute("SELECT COUNT(*) FROM links").fetchone()[0] == 0
    assert [d.name for d in store.unpaired_documents()] == ["x.en.txt", "x.zh.txt"]
    assert store.meta("vectors_generation") == "1"


def test_pair_plan_ignores_documents_already_paired(tmp_path: Path) -> None:
    store, _ = aligned(tmp_path)
    other = store.add_document("/docs/y.en.txt", "sha-y", EN, fake_vectors(EN), None)
    zh_id = store.find_document("/docs/x.zh.txt").id
    assert store.add_pairs([(zh_id, other, "embedding", "cosine 0.9", 0.9)], None) == []


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "c.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InputError, match=r"c\.sqlite: not a paraterm corpus database \(file is not a database\); give another --db"):
        CorpusStore(bad)


def test_index_follows_the_database(tmp_path: Path) -> None:
    store, _ = aligned(tmp_path)
    index = sync_index(store)
    assert index.index.ntotal == 6
    hit = index.search(fake_vectors(EN).sentences[1], 1)[0]
    assert (hit.doc_id, hit.sentence) == (store.find_document("/docs/x.en.txt").id, 1)
    assert hit.score == pytest.approx(1.0, abs=1e-5)
    # a document added after the last sync (e.g. a kill before the index was written) is picked up
    third = make_document("y.en.txt", Lang.EN, [["One more."]])
    store.add_document("/docs/y.en.txt", "sha-y", third, fake_vectors(third), None)
    assert sync_index(store).index.ntotal == 7
    # a deleted document forces a rebuild
    store.delete_document(store.find_document("/docs/x.zh.txt").id)
    assert sync_index(store).index.ntotal == 4


def test_damaged_index_file_is_rebuilt(tmp_path: Path) -> None:
    store, _ = aligned(tmp_path)
    sync_index(store)
    index_path(store.path).write_bytes(b'{"half": "written')
    vectors._LOADED.clear()  # as in a new process, which reads the file
    assert sync_index(store).index.ntotal == 6


def test_integrity_after_writes(tmp_path: Path) -> None:
    store, _ = aligned(tmp_path)
    store.close()
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
