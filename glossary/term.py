"""One glossary row (a concept with its Chinese and English designations)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from glossary.errors import GlossaryInputError


class Status(str, Enum):
    """Review status of a glossary row; the workbook offers these in a dropdown."""

    NEW = "new"
    CANDIDATE = "candidate"
    APPROVED = "approved"
    REJECTED = "rejected"
    FORBIDDEN = "forbidden"


def parse_status(text: str, where: str) -> Status:
    """A status cell as written by a reviewer (any case; empty = candidate); ``where`` names
    the file and row for the error message."""
    text = text.strip().lower() or Status.CANDIDATE.value
    try:
        return Status(text)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise GlossaryInputError(f"{where} has status '{text}'; use one of {choices}") from None


def split_list(text: str) -> tuple[str, ...]:
    """A ``;``-separated cell (variants, forbidden forms) as a tuple of stripped, non-empty items."""
    return tuple(item.strip() for item in text.split(";") if item.strip())


@dataclass
class Term:
    """A concept: preferred forms, allowed variants, forbidden forms and evidence."""

    zh: str
    en: str
    zh_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    status: Status = Status.CANDIDATE
    note: str = ""
    score: float = 0.0
    zh_freq: int = 0
    en_freq: int = 0
    example_zh: str = ""
    example_en: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)
    evidence: str = ""  # why the pair was proposed (co-occurrence, dictionary, embedding, acronym)
