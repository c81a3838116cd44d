"""JSON Lines: a header object, then one object per link. The lossless format.

Line 1::

    {"format": "paraterm-alignment", "signature": "paraterm 0.1.0|model:...|...",
     "tool": "paraterm", "version": "0.1.0", "model": "...", "settings": {"max_bead": "5", ...},
     "level": "sentence", "zh_file": "...", "en_file": "...", "warnings": [...],
     "counts": {"links": 120, "unaligned": 3, "low_confidence": 7, "merged": 9}}

Then one line per link, in document order::

    {"zh_ids": [3], "en_ids": [3, 4], "zh": "...", "en": "...", "score": 0.93,
     "flags": ["merged"], "zh_paragraphs": [2], "en_paragraphs": [2]}

``counts`` is for readers of the file; it is recomputed, not read back.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from align.alignment import Alignment, Level, Link, Signature
from align.errors import InputError
from align.export.atomic import atomic_write_text
from align.export.summary import Counts, file_names

FORMAT_NAME = "paraterm-alignment"


def dumps(alignment: Alignment) -> str:
    """The whole file as text, ending with a newline."""
    zh_file, en_file = file_names(alignment)
    signature = alignment.signature
    header = {
        "format": FORMAT_NAME,
        "signature": str(signature),
        "tool": signature.tool,
        "version": signature.version,
        "model": signature.model,
        "settings": dict(signature.settings),
        "level": alignment.level.value,
        "zh_file": zh_file,
        "en_file": en_file,
        "warnings": list(alignment.warnings),
        "counts": asdict(Counts.of(alignment)),
    }
    lines = [_dump(header)]
    for link in alignment.links:
        lines.append(
            _dump(
                {
                    "zh_ids": list(link.zh_ids),
                    "en_ids": list(link.en_ids),
                    "zh": link.zh,
                    "en": link.en,
                    "score": link.score,
                    "flags": list(link.flags),
                    "zh_paragraphs": list(link.zh_paragraphs),
                    "en_paragraphs": list(link.en_paragraphs),
                }
            )
        )
    return "\n".join(lines) + "\n"


def loads(text: str, where: str = "<jsonl>") -> Alignment:
    """Parse what :func:`dumps` wrote; ``where`` names the source in error messages."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise InputError(f"{where}: empty file; give a .jsonl written by paraterm align")
    header = _load(lines[0], where)
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise InputError(
            f"{where}:{lines[0][0]}: first line is not a paraterm header; give a .jsonl written by paraterm align"
        )
    try:
        signature = Signature(
            tool=str(header["tool"]),
            version=str(header["version"]),
            model=str(header["model"]),
            settings=tuple((str(k), str(v)) for k, v in header["settings"].items()),
        )
        level = Level(header["level"])
        warnings = [str(w) for w in header["warnings"]]
        zh_file, en_file = str(header["zh_file"]), str(header["en_file"])
    except (KeyError, ValueError, AttributeError, TypeError) as error:
        raise InputError(f"{where}:{lines[0][0]}: bad header ({error}); give a .jsonl written by paraterm align") from None
    links = [_link(_load(item, where), where, item[0]) for item in lines[1:]]
    return Alignment(
        zh=None,
        en=None,
        level=level,
        links=links,
        signature=signature,
        warnings=warnings,
        zh_name=zh_file,
        en_name=en_file,
    )


def write(alignment: Alignment, path: Path) -> None:
    """Write :func:`dumps` to ``path`` atomically."""
    atomic_write_text(path, dumps(alignment))


def read(path: Path) -> Alignment:
    """Read a file written by :func:`write`."""
    return loads(path.read_text(encoding="utf-8"), str(path))


def _dump(obj: object) -> str:
    # ensure_ascii=False keeps Chinese readable in the file
    return json.dumps(obj, ensure_ascii=False)


def _load(item: tuple[int, str], where: str) -> object:
    number, line = item
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}:{number}: not JSON ({error.msg}); the file may be truncated") from None


def _link(obj: object, where: str, number: int) -> Link:
    try:
        row = obj if isinstance(obj, dict) else {}
        return Link(
            zh_ids=tuple(int(i) for i in row["zh_ids"]),
            en_ids=tuple(int(i) for i in row["en_ids"]),
            zh=str(row["zh"]),
            en=str(row["en"]),
            score=float(row["score"]),
            flags=tuple(str(f) for f in row.get("flags", ())),
            zh_paragraphs=tuple(int(i) for i in row.get("zh_paragraphs", ())),
            en_paragraphs=tuple(int(i) for i in row.get("en_paragraphs", ())),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise InputError(f"{where}:{number}: not a link (missing or bad {error}); expected zh_ids, en_ids, zh, en, score") from None
