"""paraterm's alignment package: read, clean and segment documents, embed, align, export.

Heavy modules (torch, sentence-transformers, faiss) load lazily: ``import align`` is cheap,
and each public name is imported from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "AlignError": "align.errors",
    "InputError": "align.errors",
    "UsageError": "align.errors",
    "ModelError": "align.errors",
    "Lang": "align.document",
    "Document": "align.document",
    "DocumentMeta": "align.document",
    "Paragraph": "align.document",
    "ParagraphKind": "align.document",
    "Sentence": "align.document",
    "Alignment": "align.alignment",
    "Bead": "align.alignment",
    "AlignConfig": "align.config",
    "Flag": "align.alignment",
    "Level": "align.alignment",
    "Link": "align.alignment",
    "Signature": "align.alignment",
    "Encoder": "align.encoder",
    "align_sentences": "align.sentence_align",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'align' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = sorted(_EXPORTS) + ["__version__"]
