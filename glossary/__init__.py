"""paraterm's glossary package: term extraction, the review workbook, TBX/CSV, checking.

Public names load lazily from their modules (``import glossary`` stays cheap).
"""

from __future__ import annotations

import importlib
from typing import Any

# public name -> module that defines it
_EXPORTS = {
    "GlossaryError": "glossary.errors",
    "GlossaryInputError": "glossary.errors",
    "Status": "glossary.term",
    "Term": "glossary.term",
    "build_glossary": "glossary.build",
    "read_glossary": "glossary.io",
    "write_xlsx": "glossary.workbook",
    "read_xlsx": "glossary.workbook",
    "export_glossary": "glossary.io",
    "Glossary": "glossary.entries",
    "GlossaryConfig": "glossary.config",
    "check_translation": "glossary.check",
    "check_files": "glossary.check",
    "CheckConfig": "glossary.check_config",
    "CheckId": "glossary.finding",
    "Finding": "glossary.finding",
    "Severity": "glossary.finding",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = sorted(_EXPORTS)
