"""``paraterm glossary build --db``: a stored corpus is an input like any aligned file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.io import read_glossary
from paraterm import app

ZH = (
    "消极安全保证\n\n1. 本集团强调消极安全保证的重要性。\n\n"
    "2. 本集团支持建立无核武器区。\n\n3. 消极安全保证应当不附加任何条件。\n"
)
EN = (
    "Negative security assurances\n\n1. The Group stresses the importance of negative security assurances.\n\n"
    "2. The Group supports the establishment of nuclear-weapon-free zones.\n\n"
    "3. Negative security assurances should not be subject to any conditions.\n"
)


def run(*args: str):  # noqa: ANN201 - click Result
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nsa.zh.txt").write_text(ZH, encoding="utf-8")
    (docs / "nsa.en.txt").write_text(EN, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    result = run("corpus", "add", str(docs), "--db", str(db), "--model", "test:hashed", "--quiet")
    assert result.exit_code == 0, result.output
    return db


def test_build_from_a_stored_corpus(stored: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.xlsx"
    result = run("glossary", "build", "--db", str(stored), "-o", str(out), "--no-embeddings")
    assert result.exit_code == 0, result.output
    pairs = {(t.zh, t.en.lower()) for t in read_glossary(out)}
    assert ("消极安全保证", "negative security assurances") in pairs


def test_build_with_nothing_to_read_is_a_usage_error(tmp_path: Path) -> None:
    result = run("glossary", "build", "-o", str(tmp_path / "g.xlsx"))
    assert result.exit_code == 2
    assert result.stderr == "paraterm: nothing to build from: give INPUT files or folders, or --db with a stored corpus\n"
    assert not (tmp_path / "g.xlsx").exists()


def test_missing_database_is_an_input_error(tmp_path: Path) -> None:
    result = run("glossary", "build", "--db", str(tmp_path / "none.sqlite"), "-o", str(tmp_path / "g.xlsx"))
    assert result.exit_code == 1
    db = tmp_path / "none.sqlite"
    assert result.stderr == f"paraterm: {db}: no corpus database here; run 'paraterm corpus add PATH --db {db}' first\n"
