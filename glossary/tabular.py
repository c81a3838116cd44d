"""CSV and TSV glossaries: header ``zh,en,zh_variants,en_variants,forbidden,status,note``.

Lists inside a cell are separated by ``;``. On import only ``zh`` and ``en`` are required;
a missing status means ``candidate``. Written atomically like every paraterm output.
"""

from __future__ import annotations

import csv
from pathlib import Path

from align.export.atomic import atomic_path
from glossary.errors import GlossaryInputError
from glossary.term import Term, parse_status, split_list

HEADER = ("zh", "en", "zh_variants", "en_variants", "forbidden", "status", "note")
REQUIRED = ("zh", "en")
# a cell starting with these would run as a formula in a spreadsheet: prefix a quote
_FORMULA_START = ("=", "+", "-", "@")


def write_table(terms: list[Term], path: Path | str, delimiter: str = ",") -> Path:
    """Write ``terms`` as CSV (``,``) or TSV (``\\t``); return the path."""
    path = Path(path)
    with atomic_path(path) as temp:
        with open(temp, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
            writer.writerow(HEADER)
            for term in terms:
                writer.writerow(
                    [
                        _safe(term.zh),
                        _safe(term.en),
                        _safe("; ".join(term.zh_variants)),
                        _safe("; ".join(term.en_variants)),
                        _safe("; ".join(term.forbidden)),
                        term.status.value,
                        _safe(term.note),
                    ]
                )
    return path


def _safe(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unsafe(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def read_table(path: Path | str, delimiter: str = ",") -> list[Term]:
    """Read a CSV/TSV glossary; errors name the file, the line and the fix."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=delimiter))
    except UnicodeDecodeError:
        raise GlossaryInputError(f"{path}: not UTF-8 text; save it as UTF-8 and try again") from None
    except OSError as error:
        raise GlossaryInputError(f"{path}: cannot read ({error.strerror}); check the path") from None
    if not rows:
        raise GlossaryInputError(f"{path}: empty file; the first line must be the header {','.join(HEADER)}")
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        kind = "TSV" if delimiter == "\t" else "CSV"
        raise GlossaryInputError(
            f"{path}: the {kind} header lacks {', '.join(missing)}; the first line must be {','.join(HEADER)}"
        )
    index = {name: header.index(name) for name in HEADER if name in header}
    terms = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def get(name: str) -> str:
            col = index.get(name)
            return _unsafe(row[col].strip()) if col is not None and col < len(row) else ""

        zh, en = get("zh"), get("en")
        if not zh or not en:
            raise GlossaryInputError(f"{path}: line {line} has no {'zh' if not zh else 'en'} term; fill it in or delete the line")
        status = parse_status(get("status"), f"{path}: line {line}")
        terms.append(
            Term(
                zh=zh,
                en=en,
                zh_variants=split_list(get("zh_variants")),
                en_variants=split_list(get("en_variants")),
                forbidden=split_list(get("forbidden")),
                status=status,
                note=get("note"),
            )
        )
    return terms
