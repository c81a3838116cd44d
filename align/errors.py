"""The one exception family of the ``align`` package.

Every message says what went wrong, where, and how to fix it, on one line:
``corpus/zh/x.pdf: no text layer found (scanned PDF?); OCR it first or give a .docx``.
The CLI catches :class:`AlignError` in one place and prints ``str(error)``.
"""

from __future__ import annotations


class AlignError(Exception):
    """Base class: anything the user can fix (bad input, missing model, bad settings)."""


class InputError(AlignError):
    """A document or aligned file cannot be read or makes no sense (CLI exit code 1)."""


class UsageError(AlignError):
    """The call itself is wrong: unknown format, bad option value (CLI exit code 2)."""


class ModelError(AlignError):
    """The embedding model cannot be found, converted or loaded offline."""
