"""From a file or a text to a :class:`~align.document.Document`: read, clean, segment.

Paragraphs come from :mod:`align.clean`; here each gets its label (``1.``, ``(a)``),
its kind (title, heading, body, numbered) and its sentences, numbered 0-based over the
whole document. ``Paragraph.text`` is the paragraph without its label; the label is kept
as printed in ``Paragraph.label``, so ``f"{label} {text}"`` is the paragraph as shown.
"""

from __future__ import annotations

import re
from pathlib import Path

from align.clean import LABEL, clean
from align.document import Document, DocumentMeta, Lang, Paragraph, ParagraphKind, Sentence
from align.errors import InputError
from align.lang import detect_lang, lang_warning
from align.readers import read_raw
from align.sentences import split_sentences

__all__ = ["build_document", "document_from_text", "read_document", "read_presplit"]

# Longest unpunctuated paragraph still taken for a title (a note verbale's heading is long).
TITLE_MAX_CHARS = {Lang.EN: 400, Lang.ZH: 200}
_ENDS_SENTENCE = re.compile(r"[。！？!?.:：;；][”’」』）)》\"']*$")
# The closing courtesy of a note verbale has no final stop in Chinese but is body text.
_CLOSING_FORMULA = re.compile(r"^顺致.*敬意$|致以最崇高的敬意$|avails itself of this opportunity")
_NUMBER_LABEL = re.compile(r"^(?:\d{1,3}[.．]|[a-z][.．]|[(（].+[)）])$")


def read_document(path: Path, lang: Lang | None = None) -> Document:
    """Read, clean and segment ``path``; the language is detected unless given.

    A forced language that plainly contradicts the text is kept, with a warning in
    ``Document.warnings``.
    """
    path = Path(path)
    raw = read_raw(path)
    return _from_raw(raw.text, lang, path, blocks=raw.blocks)


def document_from_text(text: str, lang: Lang | None = None, path: Path | None = None) -> Document:
    """Clean and segment ``text`` as if read from a .txt file."""
    return _from_raw(text, lang, Path(path) if path is not None else None, blocks=False)


def read_presplit(path: Path, lang: Lang | None = None) -> Document:
    """One sentence per line, taken as is; blank lines separate paragraphs, if there are any."""
    path = Path(path)
    raw = read_raw(path)
    detected = detect_lang(raw.text)
    chosen = lang or detected
    warnings = _warnings(raw.text, lang, path)
    groups: list[list[str]] = [[]]
    for line in raw.text.split("\n"):
        if line.strip():
            groups[-1].append(line.strip())
        elif groups[-1]:
            groups.append([])
    blocks = [group for group in groups if group]
    paragraphs = [(None, ParagraphKind.BODY, " ".join(group) if chosen is Lang.EN else "".join(group), group)
                  for group in blocks]
    return build_document(paragraphs, chosen, path, DocumentMeta(), warnings)


def build_document(
    paragraphs: list[tuple[str | None, ParagraphKind, str, list[str]]],
    lang: Lang,
    path: Path | None,
    meta: DocumentMeta,
    warnings: tuple[str, ...] = (),
) -> Document:
    """Number paragraphs and sentences: ``(label, kind, text, sentence texts)`` in order."""
    built = []
    next_id = 0
    for pid, (label, kind, text, sentence_texts) in enumerate(paragraphs):
        sentences = tuple(Sentence(next_id + k, pid, s) for k, s in enumerate(sentence_texts))
        next_id += len(sentences)
        built.append(Paragraph(pid, text, kind, label, sentences))
    return Document(path, lang, tuple(built), meta, warnings)


def _from_raw(text: str, lang: Lang | None, path: Path | None, *, blocks: bool) -> Document:
    where = str(path) if path is not None else "<text>"
    if not text.strip():
        raise InputError(f"{where}: the document is empty (no text found); give a file with text in it")
    chosen = lang or detect_lang(text)
    cleaned = clean(text, chosen, blocks=blocks)
    if not cleaned.paragraphs:
        raise InputError(
            f"{where}: no text left after removing headers, footers and page numbers; check the file"
        )
    paragraphs = _segment(cleaned.paragraphs, chosen)
    return build_document(paragraphs, chosen, path, cleaned.meta, _warnings(text, lang, path))


def _warnings(text: str, lang: Lang | None, path: Path | None) -> tuple[str, ...]:
    if lang is None:
        return ()
    warning = lang_warning(text, lang, str(path) if path is not None else "<text>")
    return (warning,) if warning else ()


def _segment(texts: tuple[str, ...], lang: Lang) -> list[tuple[str | None, ParagraphKind, str, list[str]]]:
    out: list[tuple[str | None, ParagraphKind, str, list[str]]] = []
    seen_numbered = False
    for full in texts:
        label, text = split_label(full)
        kind = _kind(label, text, lang, seen_numbered)
        seen_numbered = seen_numbered or kind is ParagraphKind.NUMBERED
        if kind in (ParagraphKind.TITLE, ParagraphKind.HEADING):
            sentences = [text]  # a title is one unit, whatever punctuation it holds
        else:
            sentences = split_sentences(text, lang) or [text]
        out.append((label, kind, text, sentences))
    return out


def split_label(paragraph: str) -> tuple[str | None, str]:
    """``("1.", "The Group ...")`` from ``"1. The Group ..."``; ``(None, text)`` without a label."""
    match = LABEL.match(paragraph)
    if not match or match.end() >= len(paragraph):
        return None, paragraph
    return match.group(0).strip(), paragraph[match.end() :].strip()


def _is_titleish(text: str, lang: Lang) -> bool:
    return not _ENDS_SENTENCE.search(text) and len(text) <= TITLE_MAX_CHARS[lang] and not _CLOSING_FORMULA.search(text)


def _kind(label: str | None, text: str, lang: Lang, seen_numbered: bool) -> ParagraphKind:
    if label is not None:
        if _NUMBER_LABEL.match(label):
            return ParagraphKind.NUMBERED
        # "A.", "IV.", "一、" head a section when what follows reads as a heading
        return ParagraphKind.HEADING if _is_titleish(text, lang) else ParagraphKind.NUMBERED
    if _is_titleish(text, lang):
        return ParagraphKind.HEADING if seen_numbered else ParagraphKind.TITLE
    return ParagraphKind.BODY
