"""Read and write glossaries in every format paraterm knows, chosen by file extension."""

from __future__ import annotations

from pathlib import Path

from align.errors import UsageError
from glossary.entries import About, Glossary
from glossary.errors import GlossaryInputError
from glossary.term import Term

READABLE = (".xlsx", ".tbx", ".csv", ".tsv")
WRITABLE = (".xlsx", ".tbx", ".csv", ".tsv")


def read_glossary(path: Path | str) -> list[Term]:
    """The rows of a glossary file: reviewed workbook (.xlsx), TBX, CSV or TSV."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise UsageError(f"{path}: unknown glossary format '{suffix}'; give one of {', '.join(READABLE)}")
    if not path.is_file():
        raise GlossaryInputError(f"{path}: no such glossary file; check the path")
    if suffix == ".xlsx":
        from glossary.workbook import read_xlsx

        return read_xlsx(path).terms
    if suffix == ".tbx":
        from glossary.tbx import read_tbx

        return read_tbx(path)
    from glossary.tabular import read_table

    return read_table(path, delimiter="\t" if suffix == ".tsv" else ",")


def write_glossary(terms: list[Term], path: Path | str, about: About | None = None) -> Path:
    """Write ``terms`` in the format named by ``path``'s extension; return the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in WRITABLE:
        raise UsageError(f"{path}: unknown glossary format '{suffix}'; give one of {', '.join(WRITABLE)}")
    if suffix == ".xlsx":
        from glossary.workbook import write_xlsx

        return write_xlsx(Glossary(terms=list(terms), about=about or About()), path)
    if suffix == ".tbx":
        from glossary.tbx import write_tbx

        return write_tbx(list(terms), path)
    from glossary.tabular import write_table

    return write_table(list(terms), path, delimiter="\t" if suffix == ".tsv" else ",")


def export_glossary(path_in: Path | str, path_out: Path | str) -> int:
    """Convert a glossary between formats (e.g. the reviewed workbook to TBX); return the row count."""
    terms = read_glossary(path_in)
    write_glossary(terms, path_out, About(inputs=(str(path_in),)))
    return len(terms)


# importing is the same conversion, named for the direction a user thinks in
import_glossary = export_glossary
