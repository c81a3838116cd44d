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
    "load_encoder": "align.embed",
    "SentenceEncoder": "align.embed",
    "prepare_model": "align.model",
    "model_info": "align.model",
    "ModelInfo": "align.model",
    "DEFAULT_MODEL": "align.model",
    "default_cache_dir": "align.model",
    "write_alignment": "align.export",
    "read_alignment": "align.export",
    "AlignOptions": "align.run",
    "align_files": "align.run",
    "convert_alignment": "align.run",
    "read_document": "align.segment",
    "document_from_text": "align.segment",
    "read_presplit": "align.segment",
    "detect_lang": "align.lang",
    "extract_numbers": "align.numbers",
    "fold": "align.normalize",
    "fold_with_offsets": "align.normalize",
    "split_sentences": "align.sentences",
    "align_sentences": "align.sentence_align",
    "align_documents": "align.pipeline",
    "align_paragraphs": "align.paragraph_align",
    "add_to_corpus": "align.corpus",
    "list_pairs": "align.corpus",
    "search_corpus": "align.corpus",
    "export_tmx": "align.corpus",
    "corpus_stats": "align.corpus",
    "load_alignments": "align.corpus",
    "pair_documents": "align.pairing",
    "CorpusOptions": "align.corpus_config",
    "PairingConfig": "align.corpus_config",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'align' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = sorted(_EXPORTS) + ["__version__"]
