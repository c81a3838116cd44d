"""The whole ``paraterm glossary build`` job: inputs, model, build, update, workbook."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Sequence

from align.alignment import Alignment
from align.errors import UsageError
from glossary.build import build_glossary, text_pairs
from glossary.config import GlossaryConfig
from glossary.entries import Glossary
from glossary.inputs import load_alignments, plan


def build_workbook(
    inputs: Sequence[Path | str],
    output: Path | str,
    update: Path | str | None = None,
    model: str | None = None,
    config: GlossaryConfig = GlossaryConfig(),
    embeddings: bool = True,
    db: Path | str | None = None,
) -> Glossary:
    """Build a glossary from ``inputs`` and write it to ``output`` (.xlsx); return it.

    With ``update``, that reviewed workbook is read first (an unreadable or foreign file
    stops the job before anything is written) and every human decision in it is kept.
    The embedding model is loaded only when it is needed: to align document pairs, or to
    add phrase-similarity evidence to an input smaller than ``config.embed_below_pairs``
    (unless ``embeddings`` is False). With ``db``, every aligned pair stored in that
    corpus database (``paraterm corpus add``) is an input too.
    """
    from glossary.workbook import read_xlsx, write_xlsx

    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"{output}: the glossary is an Excel workbook; name the output *.xlsx")
    if not inputs and db is None:
        raise UsageError("nothing to build from: give INPUT files or folders, or --db with a stored corpus")
    previous = read_xlsx(update).terms if update is not None else None
    alignments: list[Alignment] = []
    warnings: list[str] = []
    if db is not None:
        from align.corpus import load_alignments as stored_alignments

        alignments += stored_alignments(Path(db))
    encoder = None
    if inputs:
        encoder = _encoder(model) if plan(inputs).pairs else None
        found, warnings = load_alignments(inputs, encoder=encoder)
        alignments += found
    if encoder is None and embeddings and len(text_pairs(alignments)) < config.embed_below_pairs:
        encoder = _encoder(model)
    glossary = build_glossary(alignments, config, encoder if embeddings else None, previous)
    notes = [*warnings, *(w for a in alignments for w in a.warnings)]
    if update is not None:
        notes.append(f"updated {update}: human decisions kept")
    sources = (*map(str, inputs), *([f"corpus database {db}"] if db is not None else []))
    glossary.about = replace(glossary.about, inputs=sources, warnings=tuple(notes))
    write_xlsx(glossary, output)
    return glossary


def _encoder(model: str | None):
    from align.embed import load_encoder

    return load_encoder(model)
