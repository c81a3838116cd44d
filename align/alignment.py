"""The result of aligning two documents: links with confidences and flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from align.document import Document


class Level(str, Enum):
    """What the links join: sentences (default) or whole paragraphs."""

    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"


class Flag(str, Enum):
    """Why a reviewer should look at a link."""

    LOW_CONFIDENCE = "low-confidence"
    NUMBER_MISMATCH = "number-mismatch"
    LENGTH_OUTLIER = "length-outlier"
    UNALIGNED = "unaligned"
    MERGED = "merged"


@dataclass(frozen=True)
class Link:
    """One bead: Chinese units ``zh_ids`` joined to English units ``en_ids``.

    Ids are 0-based sentence ids (paragraph ids at paragraph level); one side is
    empty for an unaligned unit. ``score`` is a calibrated confidence in [0, 1].
    """

    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    zh: str
    en: str
    score: float
    flags: tuple[str, ...] = ()
    zh_paragraphs: tuple[int, ...] = ()
    en_paragraphs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Signature:
    """Everything that produced an output, printed in every file paraterm writes."""

    tool: str
    version: str
    model: str
    settings: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        knobs = "|".join(f"{k}:{v}" for k, v in self.settings)
        return f"{self.tool} {self.version}|model:{self.model}|{knobs}"


@dataclass
class Alignment:
    """Links between ``zh`` and ``en`` in document order, plus what went wrong."""

    zh: Document | None
    en: Document | None
    level: Level
    links: list[Link]
    signature: Signature
    warnings: list[str] = field(default_factory=list)
    zh_name: str = ""
    en_name: str = ""


@dataclass(frozen=True)
class Bead:
    """One step of a sentence (or paragraph) alignment over plain lists of texts.

    ``zh``/``en`` are indices into the two input lists (one may be empty);
    ``score`` is the calibrated confidence in [0, 1]. The pipeline turns beads
    into :class:`Link` objects with texts and paragraph ids.
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    flags: tuple[str, ...] = ()
