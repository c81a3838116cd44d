"""CSV/TSV glossaries: the header, ';' lists, only zh and en required, errors with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import GlossaryInputError
from glossary.tabular import read_table, write_table
from glossary.term import Status, Term

TERMS = [
    Term("无核武器区", "nuclear-weapon-free zone", ("无核区",), ("NWFZ", "zone, free"), ("无核国家区",), Status.APPROVED, "note, with comma"),
    Term("=SUM(1)", "-minus", status=Status.FORBIDDEN),
]


@pytest.mark.parametrize("delimiter, name", [(",", "terms.csv"), ("\t", "terms.tsv")])
def test_round_trip(tmp_path: Path, delimiter: str, name: str) -> None:
    path = write_table(TERMS, tmp_path / name, delimiter)
    assert path.read_text(encoding="utf-8").splitlines()[0] == delimiter.join(
        ["zh", "en", "zh_variants", "en_variants", "forbidden", "status", "note"]
    )
    assert read_table(path, delimiter) == TERMS


def test_formula_like_cells_are_quoted(tmp_path: Path) -> None:
    text = write_table(TERMS, tmp_path / "t.csv").read_text(encoding="utf-8")
    assert "'=SUM(1),'-minus" in text


def test_only_zh_and_en_are_required(tmp_path: Path) -> None:
    path = tmp_path / "min.csv"
    path.write_text("en,zh\nInternational Court of Justice,国际法院\n\n", encoding="utf-8")
    assert read_table(path) == [Term("国际法院", "International Court of Justice")]


def test_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("chinese\tenglish\n", encoding="utf-8")
    with pytest.raises(GlossaryInputError, match=r"bad.tsv: the TSV header lacks zh, en; the first line must be zh,en,zh_variants,en_variants,forbidden,status,note$"):
        read_table(path, "\t")


def test_empty_term_and_bad_status(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("zh,en,status\n国际法院,,new\n", encoding="utf-8")
    with pytest.raises(GlossaryInputError, match=r"bad.csv: line 2 has no en term; fill it in or delete the line$"):
        read_table(path)
    path.write_text("zh,en,status\n国际法院,ICJ,ok\n", encoding="utf-8")
    with pytest.raises(GlossaryInputError, match=r"bad.csv: line 2 has status 'ok'; use one of new, candidate, approved, rejected, forbidden$"):
        read_table(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("zh,en\n国际法院,ICJ\n".encode("gbk"))
    with pytest.raises(GlossaryInputError, match=r"gbk.csv: not UTF-8 text; save it as UTF-8 and try again$"):
        read_table(path)
