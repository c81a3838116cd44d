"""A built glossary: its rows, every occurrence behind them, and what produced it."""

from __future__ import annotations

from dataclasses import dataclass, field

from glossary.term import Term


@dataclass(frozen=True)
class Context:
    """One occurrence of a row's pair: a bilingual concordance line."""

    zh_term: str
    en_term: str
    document: str
    link: str  # the bead as "[zh ids]:[en ids]", as paraterm align writes it
    zh: str
    en: str


@dataclass(frozen=True)
class About:
    """The signature of a glossary: what went in, with which model and settings, when."""

    inputs: tuple[str, ...] = ()
    model: str = "none"
    settings: tuple[tuple[str, str], ...] = ()
    date: str = ""
    version: str = ""
    pairs: int = 0  # aligned pairs read
    warnings: tuple[str, ...] = ()


@dataclass
class Glossary:
    """Rows sorted by score (human rows first in an update), with their contexts."""

    terms: list[Term]
    contexts: list[Context] = field(default_factory=list)
    about: About = field(default_factory=About)
