"""What a translation check reports: one :class:`Finding` per problem, with both locations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Sequence

from align.document import Lang

if TYPE_CHECKING:  # check_config imports this module
    from glossary.check_config import CheckConfig


class CheckId(str, Enum):
    """The checks ``paraterm check`` runs; each can be switched off by this id."""

    TERM_MISSING = "term-missing"
    TERM_FORBIDDEN = "term-forbidden"
    NUMBER_MISMATCH = "number-mismatch"
    OMISSION = "omission"
    ADDITION = "addition"
    INCONSISTENCY = "inconsistency"
    UNTRANSLATED = "untranslated"


class Severity(str, Enum):
    """How bad a finding is; ``--fail-on`` compares against this order."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Side(str, Enum):
    """Which text of a finding a highlighted span belongs to."""

    SOURCE = "source"
    TARGET = "target"


@dataclass(frozen=True)
class Location:
    """Where a segment sits in its document: paragraphs (ids and printed labels) and sentences."""

    document: str = ""
    paragraphs: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()  # "1.", "(a)" as printed; "" for unnumbered paragraphs
    sentences: tuple[int, ...] = ()

    def __str__(self) -> str:
        # Paragraphs are counted 1-based (as a reviewer counts), with the printed label: ¶4[2.]
        parts = []
        if self.paragraphs:
            paras = []
            for pid, label in zip(self.paragraphs, self.labels or ("",) * len(self.paragraphs)):
                paras.append(f"{pid + 1}" + (f"[{label}]" if label else ""))
            parts.append("¶" + ",".join(paras))
        if self.sentences:
            parts.append("s" + _ranges(self.sentences))
        return " ".join(parts) if parts else "-"


def _ranges(ids: tuple[int, ...]) -> str:
    """``(3, 4, 5, 9)`` -> ``"3-5,9"``: compact sentence ids."""
    out: list[str] = []
    start = prev = ids[0]
    for i in ids[1:] + (None,):  # type: ignore[operator]
        if i is not None and i == prev + 1:
            prev = i
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if i is not None:
            start = prev = i
    return ",".join(out)


@dataclass(frozen=True)
class Span:
    """Characters ``[start, end)`` of the source or target text to highlight."""

    side: Side
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One problem found in a translation, located on both sides.

    ``expected`` is what the glossary or source calls for (a term, a number),
    ``found`` what the target has instead (a forbidden form, another number);
    ``spans`` point into ``source_text`` and ``target_text``.
    """

    id: str
    check: CheckId
    severity: Severity
    source: Location
    target: Location
    source_text: str
    target_text: str
    expected: str = ""
    found: str = ""
    note: str = ""
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """Findings of one run with what a report header needs."""

    findings: tuple[Finding, ...]
    source_name: str
    target_name: str
    source_lang: Lang
    target_lang: Lang
    links: int  # aligned links checked
    source_paragraphs: int
    config: CheckConfig
    model: str = ""

    def failed(self) -> bool:
        """Whether any finding is at or above ``config.fail_on``."""
        return any(self.config.fails(f.severity) for f in self.findings)


def tally(findings: Sequence[Finding]) -> list[tuple[CheckId, Severity, int]]:
    """Finding counts by check (in check order) and severity (worst first)."""
    counts = Counter((f.check, f.severity) for f in findings)
    order = {c: i for i, c in enumerate(CheckId)}
    return [(c, s, n) for (c, s), n in sorted(counts.items(), key=lambda k: (order[k[0][0]], -k[0][1].rank))]


def pieces(text: str, spans: Sequence[Span], side: Side) -> list[tuple[str, bool]]:
    """``text`` cut into ``(chunk, highlighted)`` runs by the spans of one side."""
    marks = [False] * len(text)
    for span in spans:
        if span.side is side:
            for i in range(max(0, span.start), min(len(text), span.end)):
                marks[i] = True
    out: list[tuple[str, bool]] = []
    for ch, mark in zip(text, marks):
        if out and out[-1][1] == mark:
            out[-1] = (out[-1][0] + ch, mark)
        else:
            out.append((ch, mark))
    return out
