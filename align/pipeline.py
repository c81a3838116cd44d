"""``align_documents``: paragraphs first, then sentences inside each aligned paragraph group.

The paragraph pass (:mod:`align.paragraph_align`) cuts the problem into small groups;
the sentence aligner (:func:`align.sentence_align.align_sentences`) runs inside each
group; this module stitches the groups' beads back into links over the documents'
global sentence ids, with texts, paragraph ids, flags and scores. When the paragraph
structure is missing or disagrees, the whole document is one group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from align import __version__
from align.alignment import Alignment, Bead, Flag, Level, Link, Signature
from align.clauses import clause_texts
from align.config import AlignConfig
from align.document import Document, Lang, Sentence
from align.encoder import Encoder, encode_plain, word_pieces
from align.errors import UsageError
from align.lengths import text_length
from align.paragraph_align import ParagraphAlignment, align_paragraphs, structure_problem

__all__ = ["align_documents", "input_warnings"]

TOOL = "paraterm"
_SEP = {"zh": "", "en": " "}  # how a run of units is shown: Chinese joins without a space
_FLAG_ORDER = [flag.value for flag in Flag]
_LANG_SAMPLE = 20_000  # characters looked at to guess a document's language; plenty, and fast

SentenceAligner = Callable[[Sequence[str], Sequence[str], Encoder, AlignConfig], list[Bead]]


@dataclass(frozen=True)
class _Group:
    """Sentences the sentence aligner sees together, and the paragraph evidence behind them."""

    zh: tuple[Sentence, ...]
    en: tuple[Sentence, ...]
    score: float  # paragraph-level confidence; the score of sentences left one-sided here


class _Prewarmed:
    """Serves vectors encoded up front in one batch; passes other texts to the encoder.

    Every sentence of both documents is encoded once, in one call (the encoder batches by
    length across the whole document), as is every edge clause the clause evidence needs
    (:mod:`align.clauses`), and reused by the paragraph pass (pooled paragraph
    vectors), the whole-document pass and the per-group passes. Other texts go straight
    through and are not kept, so memory stays at one vector per sentence or clause. The word pieces
    of the same forward passes (if the encoder has them) are taken once and kept here too.
    """

    def __init__(self, inner: Encoder, texts: Sequence[str], clauses: Sequence[str] = ()) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.sentences = sorted(set(texts))  # word pieces are taken for these, not for the clauses
        self.table: dict[str, np.ndarray] = {}
        if self.sentences:
            self.table.update(zip(self.sentences, np.asarray(inner.encode(self.sentences), dtype=np.float32)))
        extra = sorted(set(clauses) - set(texts))
        if extra:
            self.table.update(zip(extra, encode_plain(inner, extra)))
        self.pieces: dict[str, np.ndarray] | None = None  # filled on the first tokens() call

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._serve(texts, self.inner.encode)

    def encode_plain(self, texts: Sequence[str]) -> np.ndarray:
        """As :meth:`encode`; a text not encoded up front goes to the encoder's own
        ``encode_plain`` (:func:`align.encoder.encode_plain`), so it keeps no word pieces."""
        return self._serve(texts, lambda missing: encode_plain(self.inner, missing))

    def _serve(self, texts: Sequence[str], encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.table})
        fresh = dict(zip(missing, np.asarray(encode(missing), dtype=np.float32))) if missing else {}
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self.table[text] if text in self.table else fresh[text]
        return out

    def tokens(self, texts: Sequence[str]) -> list[np.ndarray] | None:
        """Word pieces, taken from the encoder for the whole document on the first call."""
        if self.pieces is None:
            found = word_pieces(self.inner, self.sentences)
            self.pieces = dict(zip(self.sentences, found)) if found is not None else {}
        if not self.pieces:
            return None
        missing = sorted({t for t in texts if t not in self.pieces})
        fresh = dict(zip(missing, word_pieces(self.inner, missing) or [])) if missing else {}
        return [self.pieces[t] if t in self.pieces else fresh[t] for t in texts]


def _sentence_aligner() -> SentenceAligner:
    from align.sentence_align import align_sentences  # the aligner's module; imported when needed

    return align_sentences


def align_documents(
    zh: Document,
    en: Document,
    config: AlignConfig = AlignConfig(),
    encoder: Encoder | None = None,
    level: Level = Level.SENTENCE,
) -> Alignment:
    """Align a Chinese document with its English original; links in document order.

    ``encoder`` None loads the default offline model. At sentence level, every sentence
    of both documents appears in exactly one link; unaligned sentences have an empty
    side and the ``unaligned`` flag. Problems with the input (same language twice, an
    empty side, a side far shorter than a translation would be) become warnings.
    """
    if encoder is None:
        from align.embed import load_encoder

        encoder = load_encoder()
    warnings = input_warnings(zh, en, config)
    signature = Signature(TOOL, __version__, encoder.name, config.settings())
    clauses: list[str] = []
    if level is Level.SENTENCE and config.clause_crossing:
        clauses = clause_texts((s.text for s in zh.sentences), zh=True) + clause_texts((s.text for s in en.sentences), zh=False)
    encoder = _Prewarmed(encoder, [s.text for s in (*zh.sentences, *en.sentences)], clauses)
    missing = structure_problem(zh, en)  # decided from counts alone: then the paragraph pass is skipped
    if level is Level.PARAGRAPH:
        paragraphs = align_paragraphs(zh, en, encoder, config)
        if not paragraphs.usable:
            warnings.append(f"{paragraphs.reason}; paragraph links may be wrong: check them or align sentences")
        links = [_paragraph_link(zh, en, bead, config) for bead in paragraphs.beads]
        return Alignment(zh, en, level, links, signature, warnings, zh.name, en.name)
    trusted = None
    if missing is None:
        paragraphs = align_paragraphs(zh, en, encoder, config)
        if paragraphs.usable:
            trusted = paragraphs
        else:
            warnings.append(f"{paragraphs.reason}; aligned sentences across the whole document instead")
    links = _sentence_links(zh, en, _groups(zh, en, trusted), encoder, config)
    return Alignment(zh, en, level, links, signature, warnings, zh.name, en.name)


# --- groups -------------------------------------------------------------------


def _groups(zh: Document, en: Document, paragraphs: ParagraphAlignment | None) -> list[_Group]:
    """Firm paragraph links are groups of their own; runs of unsure or unaligned beads merge.

    Merging lets the sentence aligner repair what the paragraph pass could not decide, e.g.
    a Chinese paragraph split differently from the English one.
    """
    if paragraphs is None:
        return [_Group(zh.sentences, en.sentences, 1.0)]
    z_par = {p.id: p for p in zh.paragraphs}
    e_par = {p.id: p for p in en.paragraphs}
    groups: list[_Group] = []
    run: list[Bead] = []

    def close(beads: list[Bead]) -> None:
        if beads:
            zs = tuple(s for b in beads for k in b.zh for s in z_par[k].sentences)
            es = tuple(s for b in beads for k in b.en for s in e_par[k].sentences)
            groups.append(_Group(zs, es, min(b.score for b in beads)))

    for bead in paragraphs.beads:
        firm = bool(bead.zh and bead.en) and Flag.LOW_CONFIDENCE.value not in bead.flags
        if firm:
            close(run)
            run = []
            close([bead])
        else:
            run.append(bead)
    close(run)
    return groups


# --- links --------------------------------------------------------------------


def _sentence_links(
    zh: Document, en: Document, groups: Sequence[_Group], encoder: Encoder, config: AlignConfig
) -> list[Link]:
    """Align sentences over the whole document, then keep the structure where they disagree.

    The sentence aligner's margins and length model are fitted on the sentences it is
    given, so its scores are best calibrated over the whole document. Its beads are kept
    for every paragraph group they respect; a group that some bead crosses (the paragraph
    pass and the sentence pass disagree) is aligned again on its own, so no link ever
    leaves a firm paragraph link.
    """
    zs, es = zh.sentences, en.sentences
    if not zs or not es:
        return [_link([s], [], 1.0, (), config) for s in zs] + [_link([], [s], 1.0, (), config) for s in es]
    if config.sentence_scope not in ("document", "paragraph"):
        raise UsageError(f"sentence_scope={config.sentence_scope!r}: unknown; use 'document' or 'paragraph'")
    aligner = _sentence_aligner()
    kept: list[list[Link]] = [[] for _ in groups]
    crossed: set[int] = set(range(len(groups)))  # groups to align on their own
    if config.sentence_scope == "document" or len(groups) == 1:
        crossed.clear()
        z_group = {s.id: g for g, group in enumerate(groups) for s in group.zh}
        e_group = {s.id: g for g, group in enumerate(groups) for s in group.en}
        for bead in aligner([s.text for s in zs], [s.text for s in es], encoder, config):
            touched = {z_group[zs[k].id] for k in bead.zh} | {e_group[es[k].id] for k in bead.en}
            if len(touched) > 1:
                crossed |= touched
            else:
                link = _link([zs[k] for k in bead.zh], [es[k] for k in bead.en], bead.score, bead.flags, config)
                kept[touched.pop()].append(link)
    links: list[Link] = []
    for g, group in enumerate(groups):
        if g not in crossed:
            links.extend(kept[g])
        elif group.zh and group.en:
            for bead in aligner([s.text for s in group.zh], [s.text for s in group.en], encoder, config):
                zs_, es_ = [group.zh[k] for k in bead.zh], [group.en[k] for k in bead.en]
                links.append(_link(zs_, es_, bead.score, bead.flags, config))
        else:
            links.extend(_link([s], [], group.score, (), config) for s in group.zh)
            links.extend(_link([], [s], group.score, (), config) for s in group.en)
    return links


def _link(
    zs: Sequence[Sentence], es: Sequence[Sentence], score: float, flags: Sequence[str], config: AlignConfig
) -> Link:
    return Link(
        zh_ids=tuple(s.id for s in zs),
        en_ids=tuple(s.id for s in es),
        zh=_SEP["zh"].join(s.text for s in zs),
        en=_SEP["en"].join(s.text for s in es),
        score=float(score),
        flags=_flags(len(zs), len(es), score, flags, config),
        zh_paragraphs=tuple(sorted({s.paragraph for s in zs})),
        en_paragraphs=tuple(sorted({s.paragraph for s in es})),
    )


def _paragraph_link(zh: Document, en: Document, bead: Bead, config: AlignConfig) -> Link:
    z_text = {p.id: p.text for p in zh.paragraphs}
    e_text = {p.id: p.text for p in en.paragraphs}
    return Link(
        zh_ids=bead.zh,
        en_ids=bead.en,
        zh=_SEP["zh"].join(z_text[k] for k in bead.zh),
        en=_SEP["en"].join(e_text[k] for k in bead.en),
        score=bead.score,
        flags=_flags(len(bead.zh), len(bead.en), bead.score, bead.flags, config),
        zh_paragraphs=bead.zh,
        en_paragraphs=bead.en,
    )


def _flags(n_zh: int, n_en: int, score: float, given: Sequence[str], config: AlignConfig) -> tuple[str, ...]:
    """The aligner's flags plus the ones every link must carry, in :class:`Flag` order."""
    flags = set(given)
    if score < config.low_confidence:
        flags.add(Flag.LOW_CONFIDENCE.value)
    if n_zh == 0 or n_en == 0:
        flags.add(Flag.UNALIGNED.value)
        flags.discard(Flag.MERGED.value)
    elif n_zh > 1 or n_en > 1:
        flags.add(Flag.MERGED.value)
    return tuple(sorted(flags, key=lambda f: (_FLAG_ORDER.index(f) if f in _FLAG_ORDER else len(_FLAG_ORDER), f)))


# --- warnings -----------------------------------------------------------------


def input_warnings(zh: Document, en: Document, config: AlignConfig) -> list[str]:
    """One actionable line per problem with the pair: same language, empty side, too short."""
    from align.lang import detect_lang

    z_text = "".join(p.text for p in zh.paragraphs)
    e_text = "".join(p.text for p in en.paragraphs)
    warnings = []
    if not z_text.strip() or not e_text.strip():
        empty, other = (zh, en) if not z_text.strip() else (en, zh)
        warnings.append(
            f"{empty.name}: no text to align; all {len(other.sentences)} sentences of {other.name} "
            "are left unaligned — check that you gave the right file"
        )
        return warnings
    z_zh = detect_lang(z_text[:_LANG_SAMPLE]) is Lang.ZH
    e_zh = detect_lang(e_text[:_LANG_SAMPLE]) is Lang.ZH
    if z_zh == e_zh:
        which = "Chinese" if z_zh else "English"
        warnings.append(
            f"{zh.name} and {en.name} both look {which}; give a Chinese document and its English original"
        )
    elif e_zh and not z_zh:
        warnings.append(f"{zh.name} looks English and {en.name} Chinese; give the Chinese document first")
    elif zh.lang is en.lang:
        warnings.append(f"{zh.name} and {en.name} were both read as {zh.lang.value}; check the --lang options")
    z_len, e_len = text_length(z_text), text_length(e_text)
    expected = config.expected_length_ratio
    found = e_len / z_len
    factor = config.length_warning_factor
    if found * factor <= expected or found >= expected * factor:
        short, times = (en, expected / found) if found < expected else (zh, found / expected)
        warnings.append(
            f"{short.name} is {times:.1f}× shorter than a translation of the other document would be "
            f"({expected:g} English characters per Chinese character expected, {found:.2f} found): "
            "wrong file or partial translation?"
        )
    return warnings
