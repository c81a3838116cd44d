"""untranslated: a target segment still written in the source language.

Judged by script: an English source left in a Chinese target is Latin words with few Han
characters; the reverse is Han characters in an English target. Short segments (symbols,
names, ``Original: English``) stay in the source language legitimately and are skipped.
"""

from __future__ import annotations

import re
from typing import Sequence

from align.document import Lang
from glossary.checks.pair import Context, Pair, finding
from glossary.finding import CheckId, Finding, Side, Span

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def in_source_language(text: str, source: Lang, min_words: int) -> bool:
    """Whether ``text`` reads as the source language rather than the target's."""
    han = len(_HAN.findall(text))
    words = _WORD.findall(text)
    latin = sum(len(w) for w in words)
    if source is Lang.EN:
        # Chinese text keeps acronyms, symbols, even an English title, in Latin script;
        # a sentence left untranslated has (almost) no Han characters at all
        return len(words) >= min_words and latin > 10 * han
    # a Han word is about two characters
    return han >= 2 * min_words and han > latin


def find(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    """One finding per target sentence in the source language (a merged link may mix)."""
    out: list[Finding] = []
    for pair in pairs:
        for sentence in pair.target_sentences or ((pair.target,) if pair.target.strip() else ()):
            if not in_source_language(sentence, context.source_lang, context.config.untranslated_min_words):
                continue
            text = " ".join(sentence.split())
            same = text == " ".join(pair.source.split()) or (len(text) > 20 and text in " ".join(pair.source.split()))
            start = max(0, pair.target.find(sentence.strip()))
            out.append(
                finding(
                    CheckId.UNTRANSLATED,
                    pair,
                    context,
                    note="target is the source text copied" if same else f"target is in {context.source_lang.value}, not {context.target_lang.value}",
                    spans=[Span(Side.TARGET, start, start + len(sentence.strip()))],
                )
            )
    return out
