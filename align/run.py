"""Align two files and write the result in one call; or convert a reviewed alignment.

These are what ``paraterm align`` calls: read both documents, align them,
write the format the output extension names. Input and output problems are
found before the (slow) alignment starts.

>>> from align.run import AlignOptions, align_files                           # doctest: +SKIP
>>> alignment = align_files(Path("zh.pdf"), Path("en.docx"), Path("out.xlsx"))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TextIO

from align.alignment import Alignment, Level
from align.config import AlignConfig
from align.document import Document, Lang
from align.encoder import Encoder
from align.readers import require_file
from align.errors import InputError
from align.export import STDOUT, format_for, read_alignment, write_alignment


@dataclass(frozen=True)
class AlignOptions:
    """How ``align_files`` reads, aligns and writes; the defaults are the CLI's."""

    level: Level = Level.SENTENCE  # link sentences, or whole paragraphs
    presplit: bool = False  # inputs are one sentence per line: no cleaning, no segmentation
    model: str | None = None  # sentence-transformers name or path; None = the offline default
    cache_dir: Path | None = None  # where the default model is converted; None = PARATERM_HOME / XDG cache
    tmx_source: Lang = Lang.EN  # TMX source language (the UN translates from English)
    config: AlignConfig = field(default_factory=AlignConfig)


def align_files(
    zh_path: Path,
    en_path: Path,
    out: Path | str | None,
    options: AlignOptions = AlignOptions(),
    encoder: Encoder | None = None,
    stream: TextIO | None = None,
) -> Alignment:
    """Read ``zh_path`` and ``en_path``, align them, write ``out``; return the alignment.

    ``out``'s extension picks the format (.jsonl, .tsv, .tmx, .xlsx); ``-`` or
    ``None`` writes JSONL to ``stream`` (default: standard output). ``encoder``
    overrides ``options.model`` (tests pass a fake one).
    """
    check_output(out)
    check_input(zh_path)
    check_input(en_path)
    zh = _read(zh_path, Lang.ZH, options.presplit)
    en = _read(en_path, Lang.EN, options.presplit)
    if encoder is None and (options.model is not None or options.cache_dir is not None):
        from align import embed  # sentence-transformers loads only when a model is named

        encoder = embed.load_encoder(options.model, options.cache_dir)
    from align import pipeline

    alignment = pipeline.align_documents(zh, en, config=options.config, encoder=encoder, level=options.level)
    write_alignment(alignment, out, options.tmx_source, stream)
    return alignment


def convert_alignment(
    source: Path, out: Path | str | None, tmx_source: Lang = Lang.EN, stream: TextIO | None = None
) -> Alignment:
    """Read an alignment (a reviewed workbook, or any format paraterm writes) and write it as ``out``.

    This is ``paraterm align --from-review``: the reviewer's rows become a TMX
    (or other format) without aligning again.
    """
    check_output(out)
    check_input(source)
    alignment = read_alignment(source)
    write_alignment(alignment, out, tmx_source, stream)
    return alignment


def check_input(path: Path) -> None:
    """Raise :class:`InputError` unless ``path`` is an existing file."""
    require_file(path)


def check_output(out: Path | str | None) -> None:
    """Fail early on an unknown extension or a missing output directory."""
    format_for(out)
    if out is not None and str(out) != STDOUT:
        directory = Path(out).parent
        if not directory.is_dir():
            raise InputError(f"{out}: directory {directory} does not exist; create it first or choose another -o path")


def tuning_help() -> dict[str, str]:
    """Each AlignConfig field's help: the comment beside its definition in align/config.py.

    The comment is where every default is documented (it states the trade-off),
    so the CLI shows that text instead of repeating it.
    """
    import inspect

    from align import config

    names = {f.name for f in fields(AlignConfig)}
    found: dict[str, str] = {}
    for line in inspect.getsource(config.AlignConfig).splitlines():
        match = re.match(r"\s+(\w+)\s*:[^=#]+=[^#]*#\s*(.+)$", line)
        if match and match.group(1) in names:
            found[match.group(1)] = match.group(2).strip()
    return found


def _read(path: Path, lang: Lang, presplit: bool) -> Document:
    from align import segment

    if presplit:
        return segment.read_presplit(path, lang)
    return segment.read_document(path, lang)
