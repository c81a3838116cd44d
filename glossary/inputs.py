"""Turn the INPUTs of ``paraterm glossary build`` into alignments.

An INPUT is an aligned file written by ``paraterm align`` (.jsonl, .tmx, a reviewed .xlsx),
two documents in a row (Chinese then English, aligned on the fly), or a directory with
``zh/`` and ``en/`` subfolders whose files pair by name once the language suffix is gone
(``negative-security-assurances.zh.txt`` with ``negative-security-assurances.en.txt``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from align.alignment import Alignment
from align.document import Lang
from align.errors import UsageError
from align.pairing import name_stem
from align.readers import SUPPORTED_SUFFIXES
from glossary.errors import GlossaryInputError

ALIGNED = (".jsonl", ".tmx", ".xlsx")
DOCUMENTS = SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class DocumentPair:
    """A Chinese document and its English original, to be aligned."""

    zh: Path
    en: Path


@dataclass(frozen=True)
class Plan:
    """What the inputs amount to: files already aligned, pairs to align, and notes."""

    aligned: tuple[Path, ...]
    pairs: tuple[DocumentPair, ...]
    warnings: tuple[str, ...] = ()


def stem(path: Path) -> str:
    """The file name without extension and language marker: the key that pairs zh/ and en/."""
    return name_stem(path.name)


def plan(inputs: Sequence[Path | str]) -> Plan:
    """Sort ``inputs`` into aligned files and document pairs, without reading any of them."""
    aligned: list[Path] = []
    pairs: list[DocumentPair] = []
    warnings: list[str] = []
    waiting: Path | None = None  # a Chinese document waiting for its English partner
    for item in map(Path, inputs):
        if item.is_dir():
            found, notes = _directory_pairs(item)
            pairs += found
            warnings += notes
            continue
        if not item.exists():
            raise GlossaryInputError(f"{item}: file or folder not found; check the path")
        suffix = item.suffix.lower()
        if suffix in ALIGNED and waiting is None:
            aligned.append(item)
        elif suffix in DOCUMENTS or (suffix in ALIGNED and waiting is not None):
            if waiting is None:
                waiting = item
            else:
                pairs.append(DocumentPair(waiting, item))
                waiting = None
        else:
            raise UsageError(
                f"{item}: cannot use a '{suffix}' file; give aligned files ({', '.join(ALIGNED)}), "
                "ZH EN document pairs, or a folder with zh/ and en/"
            )
    if waiting is not None:
        raise UsageError(f"{waiting}: a document without its partner; give documents in pairs: ZH EN")
    if not aligned and not pairs:
        raise GlossaryInputError("no documents found in the inputs; give aligned files, ZH EN pairs or a folder with zh/ and en/")
    return Plan(tuple(aligned), tuple(pairs), tuple(warnings))


def _directory_pairs(folder: Path) -> tuple[list[DocumentPair], list[str]]:
    zh_dir, en_dir = folder / "zh", folder / "en"
    if not zh_dir.is_dir() or not en_dir.is_dir():
        raise GlossaryInputError(f"{folder}: a folder input needs zh/ and en/ subfolders; put the documents there")
    zh_files = {stem(p): p for p in sorted(zh_dir.iterdir()) if p.suffix.lower() in DOCUMENTS}
    en_files = {stem(p): p for p in sorted(en_dir.iterdir()) if p.suffix.lower() in DOCUMENTS}
    pairs = [DocumentPair(zh_files[k], en_files[k]) for k in sorted(zh_files) if k in en_files]
    warnings = [f"{p}: no partner in {en_dir}; skipped" for k, p in sorted(zh_files.items()) if k not in en_files]
    warnings += [f"{p}: no partner in {zh_dir}; skipped" for k, p in sorted(en_files.items()) if k not in zh_files]
    if not pairs:
        raise GlossaryInputError(f"{folder}: no file in zh/ has a partner in en/ with the same name; name them alike")
    return pairs, warnings


def load_alignments(inputs: Sequence[Path | str], encoder=None, aligner: Callable | None = None) -> tuple[list[Alignment], list[str]]:
    """Alignments for every input; document pairs are aligned with ``encoder``.

    ``aligner`` replaces :func:`align.pipeline.align_documents` (tests pass a stub).
    """
    work = plan(inputs)
    alignments: list[Alignment] = []
    if work.aligned:
        from align.export import read_alignment

        alignments += [read_alignment(path) for path in work.aligned]
    if work.pairs:
        from align.segment import read_document

        if aligner is None:
            from align.pipeline import align_documents as aligner
        for pair in work.pairs:
            zh = read_document(pair.zh, Lang.ZH)
            en = read_document(pair.en, Lang.EN)
            alignments.append(aligner(zh, en, encoder=encoder))
    return alignments, list(work.warnings)
