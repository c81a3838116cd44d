"""Build a glossary from aligned documents: candidates, pairing, rows with their evidence."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Sequence

from align import __version__
from align.alignment import Alignment
from align.cedict import load as load_dictionary
from glossary import pairing
from glossary.candidates import Inventory, TextPair, collect
from glossary.config import GlossaryConfig
from glossary.entries import About, Context, Glossary
from glossary.errors import GlossaryInputError
from glossary.term import Status, Term
from glossary.update import merge


def text_pairs(alignments: Sequence[Alignment]) -> list[TextPair]:
    """The aligned pairs with text on both sides, named by document and bead."""
    pairs = []
    for alignment in alignments:
        name = alignment.zh_name or (alignment.zh.name if alignment.zh else "") or alignment.en_name
        for link in alignment.links:
            if link.zh.strip() and link.en.strip():
                bead = f"[{', '.join(map(str, link.zh_ids))}]:[{', '.join(map(str, link.en_ids))}]"
                pairs.append(TextPair(name, bead, link.zh, link.en))
    return pairs


def build_glossary(
    alignments: Sequence[Alignment],
    config: GlossaryConfig = GlossaryConfig(),
    encoder=None,
    previous: Sequence[Term] | None = None,
) -> Glossary:
    """Propose term pairs found in ``alignments``; with ``previous``, keep its human decisions.

    ``encoder`` (any object with ``.encode(texts)`` returning unit rows) adds phrase
    embedding evidence, which matters most for small inputs.
    """
    pairs = text_pairs(alignments)
    if not pairs:
        raise GlossaryInputError("no aligned sentence pairs in the input; give aligned files or ZH EN document pairs")
    inventory = collect(pairs, config)
    scored = pairing.score(inventory, load_dictionary(), config, encoder)
    rows = pairing.select(scored, inventory, config)
    terms, contexts = _terms(rows, inventory, config)
    if previous is not None:
        terms = merge(terms, previous)
        kept = {(t.zh, t.en) for t in terms}
        contexts = [c for c in contexts if (c.zh_term, c.en_term) in kept]
    about = About(
        inputs=tuple(dict.fromkeys(p.document for p in pairs)),
        model=getattr(encoder, "name", "none") if encoder is not None else "none (dictionary and statistics only)",
        settings=config.settings(),
        date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        pairs=len(pairs),
    )
    return Glossary(terms, contexts, about)


def _terms(rows: list[pairing.Row], inventory: Inventory, config: GlossaryConfig) -> tuple[list[Term], list[Context]]:
    zh_freq, en_freq = inventory.zh_freq, inventory.en_freq
    zh_columns = inventory.zh_matrix.tocsc()
    en_columns = inventory.en_matrix.tocsc()
    terms, contexts = [], []
    for row in rows:
        zh = inventory.zh_keys[row.zh]
        en = inventory.en_surface(row.en)
        zh_variants = [inventory.zh_keys[i] for i in row.zh_variants]
        for key in [zh, *zh_variants]:
            zh_variants += sorted(inventory.zh_short.get(key, ()))
        # forms differing only in case (a sentence-initial capital) are not variants
        en_variants = [f for f in sorted(inventory.en_forms[row.en]) if f.lower() != en.lower()]
        for j in row.en_variants:
            en_variants += sorted(inventory.en_forms[j])
        for j in [row.en, *row.en_variants]:
            en_variants += sorted(inventory.en_short.get(inventory.en_keys[j], ()))
        both = _rows_with(zh_columns, [row.zh, *row.zh_variants]) & _rows_with(en_columns, [row.en, *row.en_variants])
        hits = [inventory.pairs[k] for k in sorted(both)]
        # the shortest sentence that is more than a heading shows the term in use
        example = min(hits, key=lambda p: (len(p.zh) < 12, len(p.zh) + len(p.en), p.document, p.link)) if hits else None
        terms.append(
            Term(
                zh=zh,
                en=en,
                zh_variants=tuple(dict.fromkeys(v for v in zh_variants if v != zh)),
                en_variants=tuple(dict.fromkeys(v for v in en_variants if v != en)),
                status=Status.NEW,
                score=round(row.score, 3),
                zh_freq=int(zh_freq[row.zh] + sum(zh_freq[i] for i in row.zh_variants)),
                en_freq=int(en_freq[row.en] + sum(en_freq[j] for j in row.en_variants)),
                example_zh=example.zh if example else "",
                example_en=example.en if example else "",
                sources=tuple(sorted({p.document for p in hits})),
                evidence=row.evidence.describe(),
            )
        )
        contexts += [Context(zh, en, p.document, p.link, p.zh, p.en) for p in hits[: config.max_contexts]]
    return terms, contexts


def _rows_with(columns, indices: list[int]) -> set[int]:
    found: set[int] = set()
    for index in indices:
        found.update(columns.indices[columns.indptr[index] : columns.indptr[index + 1]].tolist())
    return found

