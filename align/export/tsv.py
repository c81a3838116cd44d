"""Tab-separated values: one row per link, for spreadsheets and shell tools.

The file opens with ``#`` comment lines carrying the signature, level, input
files and warnings (``grep -v '^#'`` drops them), then a header row::

    zh_ids  en_ids  score  flags  zh  en  zh_paragraphs  en_paragraphs

Ids are space-separated (``3 4``), flags comma-separated, scores have four
decimals. Inside text, backslash, tab, newline and carriage return are written
``\\\\``, ``\\t``, ``\\n``, ``\\r`` so every link stays on one line; reading undoes it.
"""

from __future__ import annotations

import re
from pathlib import Path

from align.alignment import Alignment, Level, Link
from align.errors import InputError
from align.export.atomic import atomic_write_text
from align.export.summary import file_names, parse_signature
from align.export.text import format_flags, format_ids, parse_flags, parse_ids

COLUMNS = ("zh_ids", "en_ids", "score", "flags", "zh", "en", "zh_paragraphs", "en_paragraphs")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPED = re.compile(r"\\([\\tnr])")


def dumps(alignment: Alignment) -> str:
    """The whole file as text, ending with a newline."""
    zh_file, en_file = file_names(alignment)
    lines = [
        f"# signature: {escape(str(alignment.signature))}",
        f"# level: {alignment.level.value}",
        f"# zh_file: {escape(zh_file)}",
        f"# en_file: {escape(en_file)}",
    ]
    lines += [f"# warning: {escape(w)}" for w in alignment.warnings]
    lines.append("\t".join(COLUMNS))
    for link in alignment.links:
        cells = (
            format_ids(link.zh_ids),
            format_ids(link.en_ids),
            f"{link.score:.4f}",
            format_flags(link.flags),
            escape(link.zh),
            escape(link.en),
            format_ids(link.zh_paragraphs),
            format_ids(link.en_paragraphs),
        )
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def loads(text: str, where: str = "<tsv>") -> Alignment:
    """Parse what :func:`dumps` wrote; ``where`` names the source in error messages."""
    meta: dict[str, str] = {}
    warnings: list[str] = []
    links: list[Link] = []
    columns: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(": ")
            if key == "warning":
                warnings.append(unescape(value))
            else:
                meta[key] = unescape(value)
            continue
        cells = line.split("\t")
        if columns is None:
            columns = cells
            missing = [c for c in COLUMNS[:6] if c not in columns]
            if missing:
                raise InputError(f"{where}:{number}: header row lacks {', '.join(missing)}; give a .tsv written by paraterm align")
            continue
        links.append(_link(dict(zip(columns, cells)), f"{where}:{number}"))
    if columns is None:
        raise InputError(f"{where}: no header row; give a .tsv written by paraterm align")
    try:
        level = Level(meta.get("level", Level.SENTENCE.value))
    except ValueError:
        raise InputError(f"{where}: unknown level {meta['level']!r}; expected sentence or paragraph") from None
    return Alignment(
        zh=None,
        en=None,
        level=level,
        links=links,
        signature=parse_signature(meta.get("signature", "")),
        warnings=warnings,
        zh_name=meta.get("zh_file", ""),
        en_name=meta.get("en_file", ""),
    )


def write(alignment: Alignment, path: Path) -> None:
    """Write :func:`dumps` to ``path`` atomically."""
    atomic_write_text(path, dumps(alignment))


def read(path: Path) -> Alignment:
    """Read a file written by :func:`write`."""
    return loads(path.read_text(encoding="utf-8"), str(path))


def escape(text: str) -> str:
    """Make ``text`` safe for one TSV cell (reversible with :func:`unescape`)."""
    return "".join(_ESCAPES.get(c, c) for c in text)


def unescape(text: str) -> str:
    """Undo :func:`escape`; a backslash before any other character is kept as is."""
    return _ESCAPED.sub(lambda match: _UNESCAPES[match.group(1)], text)


def _link(row: dict[str, str], where: str) -> Link:
    try:
        return Link(
            zh_ids=parse_ids(row.get("zh_ids"), where),
            en_ids=parse_ids(row.get("en_ids"), where),
            zh=unescape(row.get("zh", "")),
            en=unescape(row.get("en", "")),
            score=float(row.get("score") or 0.0),
            flags=parse_flags(row.get("flags")),
            zh_paragraphs=parse_ids(row.get("zh_paragraphs"), where),
            en_paragraphs=parse_ids(row.get("en_paragraphs"), where),
        )
    except ValueError as error:
        message = str(error) if str(error).startswith(where) else f"{where}: bad score ({error})"
        raise InputError(message) from None
