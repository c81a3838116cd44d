"""Check findings as one self-contained HTML page (inline CSS, no script, no external asset)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from align import __version__
from align.export.atomic import atomic_write_text
from glossary.finding import CheckResult, Finding, Side, pieces, tally

_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em} table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#eee;position:sticky;top:0} td.text{max-width:32em}
mark{background:#ffd54f;padding:0 .1em} .error{color:#b71c1c;font-weight:bold}
.warning{color:#e65100} .info{color:#01579b} .meta{color:#555;font-size:.9em}
tr.error-row{background:#fff5f5}
"""


def _marked(text: str, finding: Finding, side: Side) -> str:
    return "".join(f"<mark>{escape(chunk)}</mark>" if mark else escape(chunk) for chunk, mark in pieces(text, finding.spans, side))


def _row(f: Finding) -> str:
    cells = [
        f'<td id="{escape(f.id)}">{escape(f.id)}</td>',
        f"<td>{escape(f.check.value)}</td>",
        f'<td class="{f.severity.value}">{escape(f.severity.value)}</td>',
        f"<td>{escape(str(f.source))}</td>",
        f"<td>{escape(str(f.target))}</td>",
        f'<td class="text">{_marked(f.source_text, f, Side.SOURCE)}</td>',
        f'<td class="text">{_marked(f.target_text, f, Side.TARGET)}</td>',
        f"<td>{escape(f.expected)}</td>",
        f"<td>{escape(f.found)}</td>",
        f"<td>{escape(f.note)}</td>",
    ]
    css = ' class="error-row"' if f.severity.value == "error" else ""
    return f"<tr{css}>" + "".join(cells) + "</tr>"


def dumps(result: CheckResult) -> str:
    """The page as a string."""
    title = f"paraterm check: {result.source_name} → {result.target_name}"
    summary = "".join(
        f'<tr><td>{escape(c.value)}</td><td class="{s.value}">{escape(s.value)}</td><td>{n}</td></tr>'
        for c, s, n in tally(result.findings)
    )
    settings = "; ".join(f"{k}: {v}" for k, v in result.config.settings())
    head = "".join(
        f"<th>{h}</th>"
        for h in ("id", "check", "severity", "source location", "target location", "source text", "target text", "expected", "found", "note")
    )
    rows = "\n".join(_row(f) for f in result.findings)
    verdict = "failed" if result.failed() else "passed"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{_CSS}</style></head>
<body>
<h1>{escape(title)}</h1>
<p class="meta">{result.source_lang.value} → {result.target_lang.value}; {result.links} aligned links; {result.source_paragraphs} source paragraphs; model {escape(result.model or "-")}; paraterm {escape(__version__)}; {escape(settings)}</p>
<h2>Summary</h2>
<p id="verdict">{len(result.findings)} findings; check {verdict} (fail on {escape(result.config.fail_on.value)})</p>
<table id="summary"><thead><tr><th>check</th><th>severity</th><th>findings</th></tr></thead><tbody>{summary}</tbody></table>
<h2>Findings</h2>
<table id="findings"><thead><tr>{head}</tr></thead><tbody>
{rows}
</tbody></table>
</body></html>
"""


def write(result: CheckResult, path: Path) -> None:
    """Write the page atomically."""
    atomic_write_text(path, dumps(result))
