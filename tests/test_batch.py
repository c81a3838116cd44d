"""``corpus add`` end to end with the hashed test encoder: resume, faults, concurrency, Dask."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import distributed
import pytest

from align.batch import add_to_corpus, collect_files
from align.corpus_config import CorpusOptions
from align.errors import InputError
from align.store import PairStatus


HASHED = CorpusOptions(model="test:hashed")

ZH_TEMPLATE = "第{i}号文件\n\n1. 本集团强调第{i}项决议的重要性。各国应当遵守条约。\n\n2. 会议于20{i:02d}年举行。代表团谨此提交工作文件。\n"
EN_TEMPLATE = (
    "Document {i}\n\n1. The Group stresses the importance of resolution {i}. States should comply with the treaty.\n\n"
    "2. The meeting was held in 20{i:02d}. The delegation has the honour to submit the working paper.\n"
)


def write_pairs(folder: Path, prefix: str, count: int, first: int = 0) -> None:
    """``count`` small document pairs: ``zh/<prefix>NN.zh.txt`` and ``en/<prefix>NN.en.txt``.

    The text depends on NN only: folders meant to hold different documents need different ``first``.
    """
    (folder / "zh").mkdir(parents=True, exist_ok=True)
    (folder / "en").mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        (folder / "zh" / f"{prefix}{i:02d}.zh.txt").write_text(ZH_TEMPLATE.format(i=i), encoding="utf-8")
        (folder / "en" / f"{prefix}{i:02d}.en.txt").write_text(EN_TEMPLATE.format(i=i), encoding="utf-8")


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """The content of a corpus, without row ids, run ids or timestamps (they differ between runs)."""
    with sqlite3.connect(db) as con:
        name = {i: Path(p).name for i, p in con.execute("SELECT id, path FROM documents")}
        pairs = {i: (name[z], name[e]) for i, z, e in con.execute("SELECT id, zh_doc, en_doc FROM pairs")}
        return {
            "documents": sorted((name[i], sha, lang, symbol) for i, sha, lang, symbol in
                                con.execute("SELECT id, sha256, lang, symbol FROM documents")),
            "sentences": sorted((name[d], i, p, t) for d, i, p, t in
                                con.execute("SELECT doc_id, id, paragraph, text FROM sentences")),
            "vectors": sorted((name[d], m, hashlib.sha256(v).hexdigest()) for d, m, v in
                              con.execute("SELECT doc_id, model, sentences FROM doc_vectors")),
            "pairs": sorted((name[z], name[e], m, ev, st, sig) for z, e, m, ev, st, sig in
                            con.execute("SELECT zh_doc, en_doc, method, evidence, status, signature FROM pairs")),
            "links": sorted((pairs[p], s, zi, ei, zh, en, round(sc, 6), f) for p, s, zi, ei, zh, en, sc, f in
                            con.execute("SELECT pair_id, seq, zh_ids, en_ids, zh, en, score, flags FROM links")),
        }


def differences(got: dict[str, list[tuple]], expected: dict[str, list[tuple]]) -> list[str]:
    """The first differing row of each table, to make a failed comparison readable."""
    found = []
    for table in expected:
        if got[table] != expected[table]:
            pair = next(((g, e) for g, e in zip(got[table], expected[table]) if g != e), (len(got[table]), len(expected[table])))
            found.append(f"{table}: {pair[0]} != {pair[1]}")
    return found


def test_add_pairs_aligns_and_stores(tmp_path: Path) -> None:
    write_pairs(tmp_path / "docs", "p", 3)
    report = add_to_corpus([tmp_path / "docs"], tmp_path / "c.sqlite", HASHED)
    assert report.ok
    assert len(report.stored) == 6 and report.failed == [] and report.unpaired == []
    assert [(p.zh, p.en, p.method, p.status) for p in report.pairs] == [
        (f"p{i:02d}.zh.txt", f"p{i:02d}.en.txt", "file-name", PairStatus.ALIGNED) for i in range(3)
    ]
    assert all(p.links > 0 for p in report.pairs)
    assert (tmp_path / "c.sqlite.faiss").is_file()


def test_rerun_skips_unchanged_and_realigns_changed(tmp_path: Path) -> None:
    write_pairs(tmp_path / "docs", "p", 2)
    db = tmp_path / "c.sqlite"
    add_to_corpus([tmp_path / "docs"], db, HASHED)
    first = snapshot(db)
    again = add_to_corpus([tmp_path / "docs"], db, HASHED)
    assert (len(again.unchanged), again.stored, again.pairs) == (4, [], [])
    assert snapshot(db) == first
    changed = tmp_path / "docs" / "en" / "p01.en.txt"
    changed.write_text(EN_TEMPLATE.format(i=1).replace("working paper", "revised working paper"), encoding="utf-8")
    third = add_to_corpus([tmp_path / "docs"], db, HASHED)
    assert third.stored == ["p01.en.txt"]
    assert [(p.zh, p.status) for p in third.pairs] == [("p01.zh.txt", PairStatus.ALIGNED)]
    links = snapshot(db)["links"]
    assert any("revised working paper" in link[5] for link in links)
    assert not any(link[5].endswith("submit the working paper.") and link[0][0] == "p01.zh.txt" for link in links)


def test_broken_documents_are_reported_and_the_batch_continues(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pairs(docs, "p", 1)
    (docs / "zh" / "empty.zh.txt").write_text("", encoding="utf-8")
    (docs / "en" / "broken.en.pdf").write_bytes(b"%PDF-1.4 not really")
    (docs / "zh" / "wrong.zh.txt").write_text(EN_TEMPLATE.format(i=7), encoding="utf-8")
    report = add_to_corpus([docs], tmp_path / "c.sqlite", HASHED)
    assert not report.ok
    assert [p.status for p in report.pairs] == [PairStatus.ALIGNED]
    failed = {f.name: f.message for f in report.failed}
    assert sorted(failed) == ["broken.en.pdf", "empty.zh.txt", "wrong.zh.txt"]
    assert failed["wrong.zh.txt"] == f"{docs / 'zh' / 'wrong.zh.txt'}: named Chinese but the text is English; rename or move the file"
    assert failed["empty.zh.txt"].startswith(f"{docs / 'zh' / 'empty.zh.txt'}: ")


def test_unpaired_document_is_kept_and_paired_when_its_original_arrives(tmp_path: Path) -> None:
    write_pairs(tmp_path / "a", "p", 1)
    (tmp_path / "a" / "en" / "p00.en.txt").rename(tmp_path / "later.en.txt")
    db = tmp_path / "c.sqlite"
    first = add_to_corpus([tmp_path / "a"], db, HASHED)
    assert first.ok and first.pairs == []
    assert [u.name for u in first.unpaired] == ["p00.zh.txt"]
    later = tmp_path / "b" / "p00.en.txt"
    later.parent.mkdir()
    (tmp_path / "later.en.txt").rename(later)
    second = add_to_corpus([later], db, HASHED)
    assert [(p.zh, p.en, p.method) for p in second.pairs] == [("p00.zh.txt", "p00.en.txt", "file-name")]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=f"^{tmp_path / 'nope'}: file or folder not found; check the path$"):
        collect_files([tmp_path / "nope"])


def test_parallel_readers_and_dask_store_what_the_local_run_stores(tmp_path: Path) -> None:
    write_pairs(tmp_path / "docs", "p", 4)
    add_to_corpus([tmp_path / "docs"], tmp_path / "local.sqlite", HASHED)
    add_to_corpus([tmp_path / "docs"], tmp_path / "workers.sqlite", CorpusOptions(model="test:hashed", workers=2))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        report = add_to_corpus([tmp_path / "docs"], tmp_path / "dask.sqlite",
                               CorpusOptions(model="test:hashed", scheduler=cluster.scheduler_address))
    assert report.ok and len(report.pairs) == 4
    expected = snapshot(tmp_path / "local.sqlite")
    assert differences(snapshot(tmp_path / "workers.sqlite"), expected) == []
    assert differences(snapshot(tmp_path / "dask.sqlite"), expected) == []


def _cli(folder: Path, db: Path, model: str) -> list[str]:
    return [sys.executable, "-c", "import paraterm; paraterm.main()", "corpus", "add", str(folder),
            "--db", str(db), "--model", model, "--quiet"]


def _count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return int(con.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.parametrize("kill_when", ["documents", "pairs"])
def test_resume_after_kill_matches_an_uninterrupted_run(tmp_path: Path, kill_when: str) -> None:
    docs = tmp_path / "docs"
    write_pairs(docs, "p", 40)
    slow = "test:hashed:0.003"  # 3 ms per sentence: slow enough to be killed mid-way
    add_to_corpus([docs], tmp_path / "whole.sqlite", CorpusOptions(model=slow))
    db = tmp_path / "killed.sqlite"
    sql = {"documents": "SELECT COUNT(*) FROM documents",
           "pairs": "SELECT COUNT(*) FROM pairs WHERE status = 'aligned'"}[kill_when]
    process = subprocess.Popen(_cli(docs, db, slow), env=os.environ.copy())
    deadline = time.monotonic() + 120
    while _count(db, sql) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    aligned = _count(db, "SELECT COUNT(*) FROM pairs WHERE status = 'aligned'")
    assert aligned < 40
    subprocess.run(_cli(docs, db, slow), check=True, env=os.environ.copy())
    assert differences(snapshot(db), snapshot(tmp_path / "whole.sqlite")) == []


def test_two_processes_add_to_one_database(tmp_path: Path) -> None:
    # different texts: with equal ones, whichever process stores second skips its files as
    # duplicates of the first's (the test then failed whenever one process started late)
    write_pairs(tmp_path / "a", "a", 10)
    write_pairs(tmp_path / "b", "b", 10, first=10)
    db = tmp_path / "c.sqlite"
    model = "test:hashed:0.001"
    first = subprocess.Popen(_cli(tmp_path / "a", db, model), env=os.environ.copy())
    second = subprocess.Popen(_cli(tmp_path / "b", db, model), env=os.environ.copy())
    assert (first.wait(timeout=300), second.wait(timeout=300)) == (0, 0)
    content = snapshot(db)
    assert len(content["documents"]) == 40
    assert sorted(p[0] for p in content["pairs"] if p[4] == PairStatus.ALIGNED) == sorted(
        [f"a{i:02d}.zh.txt" for i in range(10)] + [f"b{i:02d}.zh.txt" for i in range(10, 20)]
    )
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the same corpus as one process adding both folders
    add_to_corpus([tmp_path / "a", tmp_path / "b"], tmp_path / "one.sqlite", CorpusOptions(model=model))
    expected = snapshot(tmp_path / "one.sqlite")
    assert differences(content, expected) == []


def test_progress_reports_each_stage_from_zero(tmp_path: Path) -> None:
    write_pairs(tmp_path / "docs", "p", 2)
    events = []
    add_to_corpus([tmp_path / "docs"], tmp_path / "c.sqlite", HASHED, progress=events.append)
    read = [(e.done, e.total) for e in events if e.stage == "read"]
    align = [(e.done, e.total) for e in events if e.stage == "align"]
    assert read == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert align == [(0, 2), (1, 2), (2, 2)]
    assert events[-1].sentences == len(snapshot(tmp_path / "c.sqlite")["sentences"])
