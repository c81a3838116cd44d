"""Small text conventions shared by the export formats: ids, flags, control characters."""

from __future__ import annotations

import re

# XML 1.0 and Excel both reject C0 control characters other than tab, newline and
# carriage return, plus the non-characters U+FFFE/U+FFFF and lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def remove_control_chars(text: str) -> str:
    """``text`` without the characters XML 1.0 and spreadsheets cannot store."""
    return _CONTROL.sub("", text)


def format_ids(ids: tuple[int, ...]) -> str:
    """``(3, 4)`` -> ``"3 4"``; ``()`` -> ``""``."""
    return " ".join(str(i) for i in ids)


def parse_ids(value: object, where: str) -> tuple[int, ...]:
    """Read ids written as ``"3 4"``, ``"3,4"``, ``3`` or ``3.0``; blank -> ``()``.

    Raises ``ValueError`` with ``where`` in the message on anything else, so the
    caller can turn it into an :class:`~align.errors.InputError`.
    """
    if value is None:
        return ()
    if isinstance(value, bool):
        raise ValueError(f"{where}: ids must be whole numbers, got {value!r}")
    if isinstance(value, int):
        return (value,)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"{where}: ids must be whole numbers, got {value!r}")
        return (int(value),)
    parts = [p for p in re.split(r"[\s,;]+", str(value).strip()) if p]
    if not all(p.isdigit() for p in parts):
        raise ValueError(f"{where}: ids must be whole numbers separated by spaces, got {str(value)!r}")
    return tuple(int(p) for p in parts)


def format_flags(flags: tuple[str, ...]) -> str:
    """``("low-confidence", "merged")`` -> ``"low-confidence,merged"``."""
    return ",".join(flags)


def parse_flags(value: object) -> tuple[str, ...]:
    """The inverse of :func:`format_flags`; also accepts spaces or semicolons."""
    if value is None:
        return ()
    return tuple(f for f in re.split(r"[\s,;]+", str(value).strip()) if f)
