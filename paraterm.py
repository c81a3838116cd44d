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

# --- align -------------------------------------------------------------------

# --- glossary ----------------------------------------------------------------

# --- check -------------------------------------------------------------------

# --- corpus ------------------------------------------------------------------


def main() -> None:
    """Entry point of the ``paraterm`` script."""
    app()


if __name__ == "__main__":
    main()
