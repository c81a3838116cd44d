"""Check findings on the terminal (rich): a summary table, then each finding in full."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from glossary.finding import CheckResult, Finding, Severity, Side, pieces, tally

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_MARK = "bold black on yellow"


def _highlighted(text: str, finding: Finding, side: Side) -> Text:
    out = Text()
    for chunk, mark in pieces(text, finding.spans, side):
        out.append(chunk, style=_MARK if mark else "")
    return out


def summary_table(result: CheckResult) -> Table:
    """Findings counted by check and severity."""
    table = Table()
    table.add_column("check")
    table.add_column("severity")
    table.add_column("findings", justify="right")
    for check, severity, count in tally(result.findings):
        table.add_row(check.value, Text(severity.value, style=_STYLE[severity]), str(count))
    table.add_section()
    table.add_row("total", "", str(len(result.findings)))
    return table


def render(result: CheckResult, console: Console) -> None:
    """Print the summary table, then every finding with its locations and both texts."""
    console.print(
        f"paraterm check: {result.source_name} ({result.source_lang.value}) -> {result.target_name} ({result.target_lang.value})",
        style="bold",
    )
    console.print(summary_table(result))
    console.print(f"{result.links} aligned links, {result.source_paragraphs} source paragraphs checked")
    for f in result.findings:
        console.print()
        head = Text.assemble((f"{f.id} ", "bold"), (f"{f.severity.value} ", _STYLE[f.severity]), (f.check.value, "bold"))
        if f.note:
            head.append(f"  {f.note}")
        console.print(head)
        console.print(Text.assemble(("  source ", "dim"), (f"{f.source}: ", "dim"), _highlighted(f.source_text, f, Side.SOURCE)))
        console.print(Text.assemble(("  target ", "dim"), (f"{f.target}: ", "dim"), _highlighted(f.target_text, f, Side.TARGET)))
        if f.expected or f.found:
            console.print(Text.assemble(("  expected ", "dim"), f.expected or "-", ("  found ", "dim"), f.found or "-"))
