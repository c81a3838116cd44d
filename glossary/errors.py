"""The one exception family of the ``glossary`` package (caught once, in the CLI)."""

from __future__ import annotations


class GlossaryError(Exception):
    """Base class: a glossary, report or translation that cannot be used as given."""


class GlossaryInputError(GlossaryError):
    """A file cannot be read or is not what it claims to be (CLI exit code 1)."""
