"""Showing a segmented document the way the aligner sees it (``paraterm segment``).

Text: ``# key: value`` metadata lines, then one tab-separated line per paragraph
(``p5  numbered  1.  s5-s6  text``) or per sentence (``s5  p5  text``).
JSONL: one ``{"type": "meta", ...}`` object, then one object per paragraph or sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from align.alignment import Level
from align.document import Document, Lang

__all__ = ["SegmentFormat", "Segmented", "render_document", "segment_file"]


class SegmentFormat(str, Enum):
    """How ``paraterm segment`` prints."""

    TEXT = "text"
    JSONL = "jsonl"


@dataclass(frozen=True)
class SegmentOptions:
    """Defaults of ``paraterm segment`` (the CLI reads them from here)."""

    format: SegmentFormat = SegmentFormat.TEXT
    level: Level = Level.PARAGRAPH


@dataclass(frozen=True)
class Segmented:
    """What to print, and the warnings to show beside it."""

    text: str
    warnings: tuple[str, ...]


def segment_file(
    path: Path,
    lang: Lang | None = None,
    fmt: SegmentFormat = SegmentOptions.format,
    level: Level = SegmentOptions.level,
) -> Segmented:
    """Read, clean and segment ``path`` and render it for a translator to check."""
    from align.segment import read_document

    document = read_document(path, lang)
    return Segmented(render_document(document, fmt, level), document.warnings)


def _meta_items(document: Document) -> list[tuple[str, object]]:
    meta = document.meta
    return [
        ("file", str(document.path) if document.path else document.name),
        ("lang", document.lang.value),
        ("symbol", meta.symbol),
        ("date", meta.date),
        ("job_number", meta.job_number),
        ("original_language", meta.original_language),
        ("body", meta.body),
        ("paragraphs", len(document.paragraphs)),
        ("sentences", len(document.sentences)),
        ("removed_lines", len(meta.removed_lines)),
    ]


def render_document(document: Document, fmt: SegmentFormat, level: Level) -> str:
    """The document as text or JSONL lines, paragraph or sentence per line."""
    if fmt is SegmentFormat.JSONL:
        return _jsonl(document, level)
    lines = [f"# {key}: {'-' if value is None else value}" for key, value in _meta_items(document)]
    lines += [f"# removed: {line}" for line in document.meta.removed_lines]
    if level is Level.SENTENCE:
        lines += [f"s{s.id}\tp{s.paragraph}\t{s.text}" for s in document.sentences]
    else:
        for p in document.paragraphs:
            ids = [s.id for s in p.sentences]
            span = f"s{ids[0]}-s{ids[-1]}" if len(ids) > 1 else f"s{ids[0]}" if ids else "-"
            lines.append(f"p{p.id}\t{p.kind.value}\t{p.label or '-'}\t{span}\t{p.text}")
    return "\n".join(lines)


def _jsonl(document: Document, level: Level) -> str:
    meta = {"type": "meta", **dict(_meta_items(document)), "removed": list(document.meta.removed_lines)}
    rows: list[dict[str, object]] = [meta]
    if level is Level.SENTENCE:
        rows += [{"type": "sentence", "id": s.id, "paragraph": s.paragraph, "text": s.text} for s in document.sentences]
    else:
        rows += [
            {"type": "paragraph", "id": p.id, "kind": p.kind.value, "label": p.label,
             "sentences": [s.id for s in p.sentences], "text": p.text}
            for p in document.paragraphs
        ]  # fmt: skip
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
