"""Check findings as JSON Lines, for tools: a header object, then one object per finding."""

from __future__ import annotations

import json
from pathlib import Path

from align import __version__
from align.export.atomic import atomic_write_text
from glossary.finding import CheckResult, Finding, Location, tally


def _location(loc: Location) -> dict[str, object]:
    return {"document": loc.document, "paragraphs": list(loc.paragraphs), "labels": list(loc.labels), "sentences": list(loc.sentences)}


def _finding(f: Finding) -> dict[str, object]:
    return {
        "type": "finding",
        "id": f.id,
        "check": f.check.value,
        "severity": f.severity.value,
        "source": _location(f.source),
        "target": _location(f.target),
        "source_text": f.source_text,
        "target_text": f.target_text,
        "expected": f.expected,
        "found": f.found,
        "note": f.note,
        "spans": [{"side": s.side.value, "start": s.start, "end": s.end} for s in f.spans],
    }


def header(result: CheckResult) -> dict[str, object]:
    """What produced the report: tool, inputs, settings and counts."""
    return {
        "type": "header",
        "tool": "paraterm check",
        "version": __version__,
        "source": result.source_name,
        "target": result.target_name,
        "source_lang": result.source_lang.value,
        "target_lang": result.target_lang.value,
        "model": result.model,
        "links": result.links,
        "source_paragraphs": result.source_paragraphs,
        "settings": dict(result.config.settings()),
        "summary": [{"check": c.value, "severity": s.value, "count": n} for c, s, n in tally(result.findings)],
    }


def dumps(result: CheckResult) -> str:
    """The whole report as text, one JSON object per line."""
    lines = [header(result)] + [_finding(f) for f in result.findings]
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in lines)


def write(result: CheckResult, path: Path) -> None:
    """Write the report atomically."""
    atomic_write_text(path, dumps(result))
