"""``paraterm corpus ...`` through Typer's CliRunner: exit codes, stdout and stderr apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.export import read_alignment
from paraterm import app


ZH = "第一号文件\n\n1. 本集团强调消极安全保证的重要性。各国应当遵守条约。\n\n2. 会议于2018年举行。\n"
EN = (
    "Document one\n\n1. The Group stresses the importance of negative security assurances. "
    "States should comply with the treaty.\n\n2. The meeting was held in 2018.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nsa.zh.txt").write_text(ZH, encoding="utf-8")
    (docs / "nsa.en.txt").write_text(EN, encoding="utf-8")
    return docs, tmp_path / "c.sqlite"


def run(*args: str):  # noqa: ANN201 - click Result
    return CliRunner().invoke(app, list(args))


def add(docs: Path, db: Path, *extra: str):  # noqa: ANN201
    return run("corpus", "add", str(docs), "--db", str(db), "--model", "test:hashed", *extra)


def test_add_quiet_prints_the_summary_only(corpus: tuple[Path, Path]) -> None:
    docs, db = corpus
    result = add(docs, db, "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2 document(s) stored, 0 unchanged, 0 failed; 1 pair(s) aligned in this run; ")
    assert lines[1].startswith("  pair  nsa.zh.txt <-> nsa.en.txt  [file name nsa]  ")
    assert lines[-1] == f"corpus: {db}"


def test_add_shows_progress_on_stderr(corpus: tuple[Path, Path]) -> None:
    docs, db = corpus
    result = add(docs, db)
    assert result.exit_code == 0
    assert "read documents" in result.stderr and "sentences/s" in result.stderr
    assert "read documents" not in result.stdout


def test_add_exits_1_when_a_document_fails(corpus: tuple[Path, Path]) -> None:
    docs, db = corpus
    (docs / "empty.en.txt").write_text("", encoding="utf-8")
    result = add(docs, db, "--quiet")
    assert result.exit_code == 1
    assert f"  fail  {docs / 'empty.en.txt'}: " in result.stdout
    assert "1 pair(s) aligned" in result.stdout


def test_pairs_lists_evidence_and_unpaired(corpus: tuple[Path, Path]) -> None:
    docs, db = corpus
    (docs / "lonely.zh.txt").write_text("孤立的文件。\n", encoding="utf-8")
    add(docs, db, "--quiet")
    result = run("corpus", "pairs", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "nsa.zh.txt\tnsa.en.txt\tfile-name\tfile name nsa\t" + result.stdout.splitlines()[0].split("\t")[4],
        "lonely.zh.txt\t-\tunpaired\tno English counterpart found (symbol, file name or embedding)\tzh",
    ]
    assert result.stdout.splitlines()[0].endswith(" links")


def test_search_formats(corpus: tuple[Path, Path]) -> None:
    docs, db = corpus
    add(docs, db, "--quiet")
    table = run("corpus", "search", "消极安全保证", "--db", str(db))
    assert table.exit_code == 0 and "1 hit(s) for '消极安全保证'" in table.stdout
    jsonl = run("corpus", "search", "Negative Security", "--db", str(db), "--format", "jsonl")
    [hit] = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert hit["lang"] == "en" and "消极安全保证" in hit["counterpart"] and hit["document"] == "nsa.en.txt"
    tsv = run("corpus", "search", "treaty", "--db", str(db), "--format", "tsv", "--semantic", "--limit", "2")
    assert tsv.exit_code == 0
    assert len(tsv.stdout.splitlines()) == 3  # header + 2 hits


def test_search_without_database_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite"
    result = run("corpus", "search", "x", "--db", str(db))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"paraterm: {db}: no corpus database here; run 'paraterm corpus add PATH --db {db}' first\n"


def test_export_tmx_and_stats(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    docs, db = corpus
    add(docs, db, "--quiet")
    out = tmp_path / "all.tmx"
    result = run("corpus", "export", "--tmx", str(out), "--db", str(db))
    assert result.exit_code == 0
    memory = read_alignment(out)
    assert result.stdout == f"{len(memory.links)} translation units from 1 document pairs -> {out}\n"
    assert any("消极安全保证" in link.zh and "negative security assurances" in link.en for link in memory.links)
    strict = run("corpus", "export", "--tmx", str(out), "--db", str(db), "--min-score", "1.0")
    assert int(strict.stdout.split()[0]) == sum(1 for link in memory.links if link.score >= 0.99995)
    stats = run("corpus", "stats", "--db", str(db))
    assert stats.exit_code == 0
    assert "documents   en 1, zh 1" in stats.stdout
    assert "pairs       aligned 1 (by file-name 1); unpaired documents 0" in stats.stdout


def test_default_database_lives_in_paraterm_home(corpus: tuple[Path, Path], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    docs, _ = corpus
    monkeypatch.setenv("PARATERM_HOME", str(tmp_path / "home"))
    result = run("corpus", "add", str(docs), "--model", "test:hashed", "--quiet")
    assert result.exit_code == 0
    assert (tmp_path / "home" / "corpus.sqlite").is_file()
