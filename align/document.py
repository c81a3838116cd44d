"""What a read document looks like once cleaned and segmented.

These dataclasses are the contract between reading/segmentation and everything
after it (alignment, glossary, checking, the corpus store).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Lang(str, Enum):
    """The two languages paraterm works between."""

    ZH = "zh"
    EN = "en"


class ParagraphKind(str, Enum):
    """What role a paragraph plays in a UN document."""

    TITLE = "title"  # document or section title
    HEADING = "heading"  # a heading inside the body
    BODY = "body"  # an unnumbered body paragraph (e.g. the note verbale)
    NUMBERED = "numbered"  # "1.", "12.", "(a)" ...


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``id`` is 0-based over the whole document."""

    id: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph; ``label`` is its number as printed ("1.", "(a)") or ``None``."""

    id: int
    text: str
    kind: ParagraphKind
    label: str | None
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class DocumentMeta:
    """What cleaning removed from the text but a translator wants to see."""

    symbol: str | None = None  # "CD/2133"
    date: str | None = None  # as printed, e.g. "17 August 2018" / "2018 年 8 月 17 日"
    job_number: str | None = None  # "GE.18-13667(C)"
    original_language: str | None = None  # "English"
    body: str | None = None  # "Conference on Disarmament" / "裁军谈判会议"
    removed_lines: tuple[str, ...] = ()  # running headers/footers dropped, in order


@dataclass(frozen=True)
class Document:
    """A cleaned, segmented document in one language."""

    path: Path | None
    lang: Lang
    paragraphs: tuple[Paragraph, ...]
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    warnings: tuple[str, ...] = ()  # e.g. a forced --lang that contradicts the text

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @property
    def name(self) -> str:
        return self.path.name if self.path else "<text>"
