"""Write an Alignment as JSONL, TSV, TMX or an Excel review workbook, and read it back.

The output path's extension picks the format; ``-`` (or ``None``) means JSONL
on standard output. Files are written atomically: a failed write leaves no
half-written file behind.

>>> write_alignment(alignment, Path("cd2133.tmx"))            # doctest: +SKIP
>>> reviewed = read_alignment(Path("cd2133.xlsx"))            # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import sys
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import TextIO

from align.alignment import Alignment
from align.document import Lang
from align.errors import InputError, UsageError
from align.readers import require_file
from align.export import jsonl, tmx


class Format(str, Enum):
    """The formats paraterm writes and reads, named by their file extension."""

    JSONL = "jsonl"
    TSV = "tsv"
    TMX = "tmx"
    XLSX = "xlsx"


STDOUT = "-"
SUPPORTED = ", ".join(f".{f.value}" for f in Format)


def format_for(path: Path | str | None) -> Format:
    """The format that ``path``'s extension names; ``None`` and ``-`` mean JSONL.

    Raises :class:`UsageError` for any other extension.
    """
    if path is None or str(path) == STDOUT:
        return Format.JSONL
    suffix = Path(path).suffix.lower().lstrip(".")
    try:
        return Format(suffix)
    except ValueError:
        shown = f".{suffix}" if suffix else "no extension"
        raise UsageError(
            f"{path}: unknown output format ({shown}); use one of {SUPPORTED}, or - for JSONL on stdout"
        ) from None


def write_alignment(
    alignment: Alignment,
    path: Path | str | None,
    tmx_source: Lang = Lang.EN,
    stream: TextIO | None = None,
) -> None:
    """Write ``alignment`` to ``path`` in the format its extension names.

    ``path`` ``None`` or ``-`` writes JSONL to ``stream`` (default: standard output).
    ``tmx_source`` is the TMX source language (English by default).
    """
    kind = format_for(path)
    if path is None or str(path) == STDOUT:
        (stream or sys.stdout).write(jsonl.dumps(alignment))
    elif kind is Format.TMX:
        tmx.write(alignment, Path(path), tmx_source)
    else:
        _module(kind).write(alignment, Path(path))


def read_alignment(path: Path | str) -> Alignment:
    """Read an alignment written by :func:`write_alignment` (or a reviewed workbook, or any TMX).

    Raises :class:`InputError` when the file is missing or cannot be read, and
    :class:`UsageError` for an unknown extension.
    """
    path = Path(path)
    kind = format_for(path)
    require_file(path)
    try:
        return _module(kind).read(path)
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start}); save it as UTF-8") from None


def _module(kind: Format) -> ModuleType:
    # openpyxl is imported only when a workbook is written or read
    return importlib.import_module(f"align.export.{kind.value}")


__all__ = ["Format", "SUPPORTED", "format_for", "read_alignment", "write_alignment"]
