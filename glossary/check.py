"""Check a translation against its source and the glossaries: the translator's QA pass.

:func:`check_translation` aligns the two documents by meaning (or takes an alignment
already made, e.g. from a bilingual TMX/XLIFF file), runs every enabled check on the
aligned links and returns the findings in document order, numbered ``F0001``...
:func:`check_files` does the same from paths, for the command line.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from align.alignment import Alignment
from align.document import Document, Lang
from align.encoder import Encoder
from align.errors import UsageError
from glossary.check_config import CheckConfig
from glossary import xliff
from glossary.checks import inconsistency, numbers, omission, term_forbidden, term_missing, untranslated
from glossary.checks.pair import Context, Pair, pairs_of, usable_terms
from glossary.finding import CheckId, CheckResult, Finding
from glossary.term import Term

# (checks a module reports, its entry point), in the order findings on one link are listed
_CHECKS: tuple[tuple[tuple[CheckId, ...], Callable[[Sequence[Pair], Context], list[Finding]]], ...] = (
    ((CheckId.OMISSION, CheckId.ADDITION), omission.find),
    ((CheckId.UNTRANSLATED,), untranslated.find),
    ((CheckId.TERM_MISSING,), term_missing.find),
    ((CheckId.TERM_FORBIDDEN,), term_forbidden.find),
    ((CheckId.NUMBER_MISMATCH,), numbers.find),
    ((CheckId.INCONSISTENCY,), inconsistency.find),
)
BILINGUAL_SUFFIXES = (".jsonl", ".tmx", ".xlsx", ".tsv", ".xlf", ".xliff")


def _glossary_rows(glossaries: Sequence[Sequence[Term]] | Sequence[Term]) -> tuple[Term, ...]:
    """One glossary (a list of terms) or several (a list of lists)."""
    if glossaries and isinstance(glossaries[0], Term):
        return usable_terms([glossaries])  # type: ignore[list-item]
    return usable_terms(glossaries)  # type: ignore[arg-type]


def _alignment(
    source: Document | Alignment, target: Document | None, config: CheckConfig, encoder: Encoder | None
) -> tuple[Alignment, Lang]:
    """The alignment to check and the source language."""
    if isinstance(source, Alignment):
        if target is not None:
            raise UsageError("an alignment is checked alone; give no target document with it")
        return source, config.source_lang or Lang.EN
    if target is None:
        raise UsageError(f"{source.name}: no target document; give SOURCE and TARGET, or one bilingual file")
    if source.lang is target.lang:
        raise UsageError(
            f"{source.name} and {target.name} are both in {source.lang.value}; give a Chinese and an English document"
        )
    from align.pipeline import align_documents  # heavy: loads the aligner only when needed

    zh, en = (source, target) if source.lang is Lang.ZH else (target, source)
    return align_documents(zh, en, encoder=encoder), source.lang


def _sorted(findings: list[Finding], pairs: Sequence[Pair]) -> list[Finding]:
    """Document order (by link), then check order; numbered F0001, F0002..."""
    where = {}
    for pair in pairs:
        where.setdefault((pair.source_loc, pair.target_loc), pair.index)
    rank = {c: i for i, c in enumerate(CheckId)}
    ordered = sorted(
        enumerate(findings), key=lambda f: (where.get((f[1].source, f[1].target), len(pairs)), rank[f[1].check], f[0])
    )
    return [replace(f, id=f"F{n:04d}") for n, (_, f) in enumerate(ordered, 1)]


def _side_texts(alignment: Alignment) -> tuple[str, str]:
    """Both sides' whole text without spaces: the same documents however they were linked."""
    return tuple("".join("".join(getattr(k, side).split()) for k in alignment.links) for side in ("zh", "en"))  # type: ignore[return-value]


def _references(stored: Sequence[Alignment], checked: Alignment, source_lang: Lang) -> tuple[tuple[Pair, ...], ...]:
    """Stored translations as pairs, leaving out the checked translation itself if stored."""
    own = _side_texts(checked)
    return tuple(tuple(pairs_of(a, source_lang)) for a in stored if _side_texts(a) != own)


def run_check(
    source: Document | Alignment,
    target: Document | None,
    glossaries: Sequence[Sequence[Term]] | Sequence[Term],
    config: CheckConfig = CheckConfig(),
    *,
    encoder: Encoder | None = None,
    references: Sequence[Alignment] = (),
) -> CheckResult:
    """Align if needed, run the enabled checks, and return findings with run details.

    Documents are aligned with ``encoder`` (None: the default model, loaded once and
    also used inside merged links); an alignment given as such is checked inside merged
    links only when an ``encoder`` is given. ``references`` are stored translations
    (e.g. a corpus's alignments) the inconsistency check compares against.
    """
    if encoder is None and isinstance(source, Document):
        from align import embed  # heavy: torch and sentence-transformers

        encoder = embed.load_encoder(None, None)
    alignment, source_lang = _alignment(source, target, config, encoder)
    target_lang = Lang.ZH if source_lang is Lang.EN else Lang.EN
    pairs = pairs_of(alignment, source_lang)
    context = Context(
        source_lang, target_lang, _glossary_rows(glossaries), config, encoder, _references(references, alignment, source_lang)
    )
    found: list[Finding] = []
    for checks, run in _CHECKS:
        if any(config.enabled(c) for c in checks):
            found.extend(f for f in run(pairs, context) if config.enabled(f.check))
    src_doc = alignment.en if source_lang is Lang.EN else alignment.zh
    names = (alignment.en_name, alignment.zh_name) if source_lang is Lang.EN else (alignment.zh_name, alignment.en_name)
    docs = (alignment.en, alignment.zh) if source_lang is Lang.EN else (alignment.zh, alignment.en)
    paragraphs = len(src_doc.paragraphs) if src_doc else len({p for pair in pairs for p in pair.source_loc.paragraphs})
    return CheckResult(
        findings=tuple(_sorted(found, pairs)),
        source_name=names[0] or (docs[0].name if docs[0] else ""),
        target_name=names[1] or (docs[1].name if docs[1] else ""),
        source_lang=source_lang,
        target_lang=target_lang,
        links=len(pairs),
        source_paragraphs=paragraphs,
        config=config,
        model=alignment.signature.model,
    )


def check_translation(
    source: Document | Alignment,
    target: Document | None,
    glossaries: Sequence[Sequence[Term]] | Sequence[Term],
    config: CheckConfig = CheckConfig(),
    *,
    encoder: Encoder | None = None,
    references: Sequence[Alignment] = (),
) -> list[Finding]:
    """Findings for ``target`` as a translation of ``source``, in document order.

    ``source`` and ``target`` are documents in either direction (aligned here, with
    ``encoder`` or the default model), or ``source`` is an :class:`Alignment` and
    ``target`` is ``None``. ``glossaries`` is one list of terms or several; rows with
    status ``rejected`` are ignored. ``references`` are stored translations (e.g.
    :func:`align.corpus.load_alignments`) the inconsistency check also compares against.

    >>> check_translation(read_document("en.docx"), read_document("zh.docx"), [terms])  # doctest: +SKIP
    """
    return list(run_check(source, target, glossaries, config, encoder=encoder, references=references).findings)


def _load_encoder(model: str | None) -> Encoder | None:
    """The encoder ``--model`` names; ``None`` lets the aligner use its default model."""
    if model is None:
        return None
    from align import embed  # heavy: torch and sentence-transformers

    return embed.load_encoder(model, None)


def _stored(db: Path | None) -> list[Alignment]:
    """The alignments stored in a corpus database (none without ``db``)."""
    if db is None:
        return []
    from align.corpus import load_alignments

    return load_alignments(Path(db))


def check_files(
    source: Path,
    target: Path | None,
    glossaries: Sequence[Path] = (),
    config: CheckConfig = CheckConfig(),
    *,
    model: str | None = None,
    db: Path | None = None,
) -> CheckResult:
    """Read the inputs and check them: two documents (any readable format, aligned here)
    or, with ``target`` None, one bilingual file (aligned JSONL/TMX/XLSX/TSV or XLIFF).
    With ``db``, the translations stored in that corpus database count for the
    inconsistency check.

    >>> check_files(Path("en.docx"), Path("zh.docx"), [Path("terms.csv")])  # doctest: +SKIP
    """
    from glossary.io import read_glossary

    terms = [read_glossary(Path(g)) for g in glossaries]
    stored = _stored(db)
    if target is None:
        suffix = source.suffix.lower()
        if suffix in xliff.SUFFIXES:
            alignment, source_lang = xliff.read_xliff(source)
            if config.source_lang is None:
                config = replace(config, source_lang=source_lang)
            return run_check(alignment, None, terms, config, references=stored)
        if suffix not in BILINGUAL_SUFFIXES:
            raise UsageError(
                f"{source}: a single input must be a bilingual file ({', '.join(BILINGUAL_SUFFIXES)}); "
                "to check two documents give SOURCE and TARGET"
            )
        from align.export import read_alignment

        return run_check(read_alignment(source), None, terms, config, references=stored)
    from align.segment import read_document

    src_doc, tgt_doc = read_document(source), read_document(target)
    return run_check(src_doc, tgt_doc, terms, config, encoder=_load_encoder(model), references=stored)


def write_report(result: CheckResult, path: Path) -> None:
    """Write the findings in the format ``path``'s extension names (.xlsx, .html, .jsonl)."""
    from glossary import report_html, report_jsonl, report_xlsx

    writers = {".xlsx": report_xlsx.write, ".html": report_html.write, ".htm": report_html.write, ".jsonl": report_jsonl.write}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise UsageError(f"{path}: unknown report format {path.suffix!r}; use .xlsx, .html or .jsonl")
    writer(result, path)
