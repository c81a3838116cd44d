"""read_glossary / export_glossary dispatch on the file extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import UsageError
from glossary.entries import Glossary
from glossary.errors import GlossaryInputError
from glossary.io import export_glossary, read_glossary
from glossary.term import Status, Term
from glossary.workbook import write_xlsx

TERMS = [Term("国际法院", "International Court of Justice", en_variants=("ICJ",), status=Status.APPROVED, note="UNTERM")]


@pytest.mark.parametrize("suffix", [".tbx", ".csv", ".tsv", ".xlsx"])
def test_every_format_round_trips_through_the_workbook(tmp_path: Path, suffix: str) -> None:
    workbook = write_xlsx(Glossary(TERMS), tmp_path / "g.xlsx")
    out = tmp_path / f"terms{suffix}"
    assert export_glossary(workbook, out) == 1
    [term] = read_glossary(out)
    assert (term.zh, term.en, term.en_variants, term.status, term.note) == ("国际法院", "International Court of Justice", ("ICJ",), Status.APPROVED, "UNTERM")


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"terms.docx: unknown glossary format '.docx'; give one of .xlsx, .tbx, .csv, .tsv$"):
        read_glossary(tmp_path / "terms.docx")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryInputError, match=r"none.csv: no such glossary file; check the path$"):
        read_glossary(tmp_path / "none.csv")
