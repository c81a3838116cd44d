"""Every knob of the translation check, defined once; the CLI reads its defaults from here."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from align.document import Lang
from glossary.finding import CheckId, Severity


class FailOn(str, Enum):
    """Lowest severity that makes ``paraterm check`` exit 1 (``never``: always exit 0)."""

    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"


# Severities by check: errors are what a reviser must fix (a wrong term or number, a lost
# sentence); warnings are heuristics a person should look at (length model, consistency).
DEFAULT_SEVERITIES: tuple[tuple[CheckId, Severity], ...] = (
    (CheckId.TERM_MISSING, Severity.ERROR),
    (CheckId.TERM_FORBIDDEN, Severity.ERROR),
    (CheckId.NUMBER_MISMATCH, Severity.ERROR),
    (CheckId.OMISSION, Severity.ERROR),
    (CheckId.ADDITION, Severity.WARNING),
    (CheckId.INCONSISTENCY, Severity.WARNING),
    (CheckId.UNTRANSLATED, Severity.ERROR),
)


@dataclass(frozen=True)
class CheckConfig:
    """Settings of :func:`glossary.check.check_translation`."""

    # checks switched off (``--disable``); all run by default
    disabled: frozenset[CheckId] = field(default_factory=frozenset)
    severities: tuple[tuple[CheckId, Severity], ...] = DEFAULT_SEVERITIES
    fail_on: FailOn = FailOn.ERROR
    # language of the source; None = the source document's language, or English for a
    # bilingual file (the UN translates from English)
    source_lang: Lang | None = None
    # aligned links on each side also counted before a term or number is reported missing;
    # larger = fewer false findings where the aligner split a sentence differently, but an
    # error next to a compensating one goes unseen
    window: int = 1
    # omission when target/source length falls below this fraction of what the document's
    # own length ratio predicts; higher = catches smaller omissions, more false findings
    short_ratio: float = 0.5
    # addition when the target is this many times longer than predicted
    long_ratio: float = 2.0
    # inside a merged link, a sentence whose removal raises the link's cosine by more than
    # this is reported as omitted/added; lower = catches more, more false findings
    coverage_gain: float = 0.02
    # ...or by any amount, when the link is shorter than this fraction of the predicted
    # length on the other side (longer than its inverse on this side) and fits without it
    merged_ratio: float = 0.8
    # also report a glossary term rendered by different allowed variants (大会 here, 联大
    # there); off by default because UN style mixes allowed variants on purpose
    term_consistency: bool = False
    # segments shorter than this (in English characters, a Chinese character counted 3) are not
    # judged by the length model: short headings vary too much
    length_min_chars: int = 60
    # a target segment is "untranslated" only if it has at least this many source-language words
    untranslated_min_words: int = 4

    def enabled(self, check: CheckId) -> bool:
        return check not in self.disabled

    def severity(self, check: CheckId) -> Severity:
        return dict(self.severities).get(check, Severity.WARNING)

    def fails(self, severity: Severity) -> bool:
        """Whether a finding of ``severity`` makes the run fail under ``fail_on``."""
        if self.fail_on is FailOn.NEVER:
            return False
        return severity.rank >= Severity(self.fail_on.value).rank

    def settings(self) -> tuple[tuple[str, str], ...]:
        """The knobs as (name, value) pairs, for report headers."""
        disabled = ",".join(sorted(c.value for c in self.disabled)) or "-"
        return (
            ("disabled", disabled),
            ("fail_on", self.fail_on.value),
            ("source_lang", self.source_lang.value if self.source_lang else "auto"),
            ("window", str(self.window)),
            ("short_ratio", str(self.short_ratio)),
            ("long_ratio", str(self.long_ratio)),
            ("coverage_gain", str(self.coverage_gain)),
            ("merged_ratio", str(self.merged_ratio)),
            ("term_consistency", str(self.term_consistency)),
            ("length_min_chars", str(self.length_min_chars)),
            ("untranslated_min_words", str(self.untranslated_min_words)),
        )
