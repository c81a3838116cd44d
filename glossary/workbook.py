"""The review workbook: sheet Glossary (one row per concept), Contexts and About.

The only glossary module that imports openpyxl (besides the checker's report). Written
atomically (temporary file, then rename) so an interrupted run never corrupts a reviewed
glossary; read back by header names, so a reviewer may reorder or add columns.
"""

from __future__ import annotations

import re
from pathlib import Path
from zipfile import BadZipFile

from align.export.atomic import atomic_path
from glossary.entries import About, Context, Glossary
from glossary.errors import GlossaryInputError
from glossary.term import Status, Term, parse_status, split_list

SHEET = "Glossary"
# (header, width, wrap) in the order written; reading goes by header name
COLUMNS = (
    ("Chinese term", 22, True),
    ("English term", 34, True),
    ("Chinese variants", 18, True),
    ("English variants", 26, True),
    ("Forbidden forms", 16, True),
    ("Chinese freq.", 12, False),
    ("English freq.", 12, False),
    ("Score", 8, False),
    ("Status", 11, False),
    ("Note", 24, True),
    ("Example (Chinese)", 48, True),
    ("Example (English)", 60, True),
    ("Sources", 26, True),
    ("Evidence", 30, True),
)
REQUIRED = ("Chinese term", "English term", "Status")
LIST_SEPARATOR = "; "
_HIGHLIGHT = {"b": True, "color": "C00000"}
_HEADER_FILL = "DDEBF7"


def write_xlsx(glossary: Glossary, path: Path | str) -> Path:
    """Write ``glossary`` to ``path`` (.xlsx) atomically; return the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([name for name, _, _ in COLUMNS])
    for term in glossary.terms:
        sheet.append([None] * len(COLUMNS))
        row = sheet.max_row
        values = _row_values(term)
        for col, (name, _, wrap) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=row, column=col)
            if name == "Example (Chinese)":
                _set_text(cell, _highlighted(term.example_zh, (term.zh, *term.zh_variants), chinese=True))
            elif name == "Example (English)":
                _set_text(cell, _highlighted(term.example_en, (term.en, *term.en_variants), chinese=False))
            else:
                _set_text(cell, values[name])
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
        sheet.row_dimensions[row].height = _height(
            [(str(values.get(n) or ""), w) for n, w, wrap in COLUMNS if wrap]
            + [(term.example_zh, _width("Example (Chinese)")), (term.example_en, _width("Example (English)"))]
        )
    last = get_column_letter(len(COLUMNS))
    _style_header(sheet, Font, PatternFill)
    for col, (_, width, _) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{max(2, sheet.max_row)}"
    _print_wide(sheet)
    status_col = get_column_letter([n for n, _, _ in COLUMNS].index("Status") + 1)
    choices = ",".join(s.value for s in Status)
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    validation.error = f"Choose one of: {choices}"
    validation.errorTitle = "Status"
    sheet.add_data_validation(validation)
    validation.add(f"{status_col}2:{status_col}{max(1000, sheet.max_row + 200)}")
    _contexts_sheet(book.create_sheet("Contexts"), glossary.contexts, Alignment, Font, PatternFill)
    _about_sheet(book.create_sheet("About"), glossary.about, Font, PatternFill)
    _save_atomic(book, path)
    return path


def _width(name: str) -> int:
    return next(w for n, w, _ in COLUMNS if n == name)


def _height(cells: list[tuple[str, int]]) -> float:
    """A row height that shows every wrapped cell whole (spreadsheets do not always refit rows)."""
    lines = 1
    for text, width in cells:
        # a Chinese character is about two columns wide
        columns = sum(2 if ord(c) > 0x2E80 else 1 for c in text)
        lines = max(lines, -(-columns // max(1, width - 2)))
    return min(15.0 * lines + 2, 160.0)


def _row_values(term: Term) -> dict[str, object]:
    return {
        "Chinese term": term.zh,
        "English term": term.en,
        "Chinese variants": LIST_SEPARATOR.join(term.zh_variants),
        "English variants": LIST_SEPARATOR.join(term.en_variants),
        "Forbidden forms": LIST_SEPARATOR.join(term.forbidden),
        "Chinese freq.": term.zh_freq,
        "English freq.": term.en_freq,
        "Score": round(term.score, 3),
        "Status": term.status.value,
        "Note": term.note,
        "Sources": LIST_SEPARATOR.join(term.sources),
        "Evidence": term.evidence,
    }


def _set_text(cell, value) -> None:
    """Set a value; strings are always text, never formulas (=, +, -, @ at the start)."""
    cell.value = value if value != "" else None
    if isinstance(value, str) and value:
        cell.data_type = "s"


def _highlighted(text: str, forms: tuple[str, ...], chinese: bool):
    """``text`` as rich text with every occurrence of ``forms`` in bold red."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    pattern = _forms_pattern(forms, chinese)
    if not text or pattern is None:
        return text
    parts, last = [], 0
    for match in pattern.finditer(text):
        if match.start() > last:
            parts.append(text[last : match.start()])
        parts.append(TextBlock(InlineFont(**_HIGHLIGHT), match.group()))
        last = match.end()
    if last == 0:
        return text
    if last < len(text):
        parts.append(text[last:])
    return CellRichText(*parts)


def _forms_pattern(forms: tuple[str, ...], chinese: bool) -> re.Pattern[str] | None:
    forms = tuple(f for f in forms if f)
    if not forms:
        return None
    if chinese:
        # PDF text keeps spaces between digits and characters ("21 国集团")
        alternatives = [r"\s*".join(re.escape(c) for c in f) for f in sorted(forms, key=len, reverse=True)]
        return re.compile("|".join(alternatives))
    alternatives = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?:s|es)?(?![\w-])", re.IGNORECASE)


def _print_wide(sheet) -> None:
    """Print (and export to PDF) landscape, all columns on one page width, header repeated."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _style_header(sheet, Font, PatternFill) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)


def _contexts_sheet(sheet, contexts: list[Context], Alignment, Font, PatternFill) -> None:
    sheet.append(["Chinese term", "English term", "Document", "Link", "Chinese", "English"])
    for context in contexts:
        sheet.append([None] * 6)
        row = sheet.max_row
        values = (
            context.zh_term,
            context.en_term,
            context.document,
            context.link,
            _highlighted(context.zh, (context.zh_term,), chinese=True),
            _highlighted(context.en, (context.en_term,), chinese=False),
        )
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col)
            _set_text(cell, value)
            cell.alignment = Alignment(wrap_text=col >= 5, vertical="top")
        sheet.row_dimensions[row].height = _height([(context.zh, 50), (context.en, 70)])
    _style_header(sheet, Font, PatternFill)
    for letter, width in zip("ABCDEF", (20, 30, 30, 12, 50, 70)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{max(2, sheet.max_row)}"
    _print_wide(sheet)


def _about_sheet(sheet, about: About, Font, PatternFill) -> None:
    rows: list[tuple[str, str]] = [
        ("Tool", "paraterm glossary build"),
        ("Version", about.version),
        ("Date", about.date),
        ("Model", about.model),
        ("Aligned pairs read", str(about.pairs)),
    ]
    rows += [("Input", name) for name in about.inputs]
    rows += [(f"Setting: {name}", value) for name, value in about.settings]
    rows += [("Warning", text) for text in about.warnings]
    sheet.append(["Item", "Value"])
    for name, value in rows:
        sheet.append([None, None])
        _set_text(sheet.cell(row=sheet.max_row, column=1), name)
        _set_text(sheet.cell(row=sheet.max_row, column=2), value)
    _style_header(sheet, Font, PatternFill)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 80


def _save_atomic(book, path: Path) -> None:
    with atomic_path(path) as temp:
        book.save(temp)


def read_xlsx(path: Path | str) -> Glossary:
    """Read a glossary workbook written by paraterm (and edited by a reviewer)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise GlossaryInputError(f"{path}: no such glossary workbook; check the path")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as error:
        raise GlossaryInputError(
            f"{path}: not a readable .xlsx workbook ({type(error).__name__}); give a glossary written by paraterm"
        ) from None
    try:
        if SHEET not in book.sheetnames:
            raise GlossaryInputError(
                f"{path}: no '{SHEET}' sheet (found: {', '.join(book.sheetnames)}); "
                "give a glossary written by paraterm glossary build"
            )
        rows = book[SHEET].iter_rows(values_only=True)
        header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise GlossaryInputError(
                f"{path}: sheet '{SHEET}' lacks the column(s) {', '.join(missing)}; "
                "give a glossary written by paraterm glossary build"
            )
        index = {name: header.index(name) for name in header if name}
        terms = [_term(path, number, row, index) for number, row in enumerate(rows, start=2) if _filled(row)]
        about = _read_about(book)
    finally:
        book.close()
    return Glossary(terms=terms, contexts=[], about=about)


def _filled(row) -> bool:
    return any(v is not None and str(v).strip() for v in row)


def _term(path: Path, number: int, row, index: dict[str, int]) -> Term:
    def get(name: str) -> str:
        col = index.get(name)
        value = row[col] if col is not None and col < len(row) else None
        return "" if value is None else str(value).strip()

    def number_of(name: str, kind):
        try:
            return kind(float(get(name) or 0))
        except ValueError:
            return kind(0)

    zh, en = get("Chinese term"), get("English term")
    if not zh or not en:
        raise GlossaryInputError(
            f"{path}: row {number} has no {'Chinese' if not zh else 'English'} term; fill it in or delete the row"
        )
    status = parse_status(get("Status"), f"{path}: row {number}")
    return Term(
        zh=zh,
        en=en,
        zh_variants=split_list(get("Chinese variants")),
        en_variants=split_list(get("English variants")),
        forbidden=split_list(get("Forbidden forms")),
        status=status,
        note=get("Note"),
        score=number_of("Score", float),
        zh_freq=number_of("Chinese freq.", int),
        en_freq=number_of("English freq.", int),
        example_zh=get("Example (Chinese)"),
        example_en=get("Example (English)"),
        sources=split_list(get("Sources")),
        evidence=get("Evidence"),
    )


def _read_about(book) -> About:
    if "About" not in book.sheetnames:
        return About()
    values: dict[str, list[str]] = {}
    for row in book["About"].iter_rows(min_row=2, values_only=True):
        if row and row[0] is not None:
            values.setdefault(str(row[0]), []).append("" if len(row) < 2 or row[1] is None else str(row[1]))
    first = {k: v[0] for k, v in values.items()}
    return About(
        inputs=tuple(values.get("Input", ())),
        model=first.get("Model", "none"),
        date=first.get("Date", ""),
        version=first.get("Version", ""),
    )
