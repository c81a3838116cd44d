"""Merge a fresh build into a reviewed glossary without touching a human decision."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from glossary.term import Status, Term

# rows a reviewer has decided on: never changed, never proposed again in another form
DECIDED = (Status.APPROVED, Status.REJECTED, Status.FORBIDDEN)


def merge(fresh: Sequence[Term], previous: Sequence[Term]) -> list[Term]:
    """``previous`` rows first in spirit: decided rows verbatim, undecided ones refreshed.

    * approved / rejected / forbidden rows, notes, edited terms and rows a reviewer added
      are kept exactly as they were;
    * rows still ``new`` or ``candidate`` keep their text, variants and note, take the
      fresh evidence (score, counts, example, sources) when the same pair was found again,
      and become ``candidate`` (they have been proposed before);
    * a fresh pair is added as ``new`` only when neither its Chinese nor its English term is
      already a form of a previous row, and it was not rejected before.
    """
    fresh_by_pair = {(t.zh, t.en): t for t in fresh}
    out: list[Term] = []
    zh_taken: set[str] = set()
    en_taken: set[str] = set()
    pairs_taken: set[tuple[str, str]] = set()
    for old in previous:
        pairs_taken.add((old.zh, old.en))
        if old.status != Status.REJECTED:
            zh_taken.update((old.zh, *old.zh_variants))
            en_taken.update(f.lower() for f in (old.en, *old.en_variants))
        if old.status in DECIDED:
            out.append(old)
            continue
        found = fresh_by_pair.get((old.zh, old.en))
        if found is None:
            out.append(replace(old, status=Status.CANDIDATE))
        else:
            out.append(
                replace(
                    old,
                    status=Status.CANDIDATE,
                    score=found.score,
                    zh_freq=found.zh_freq,
                    en_freq=found.en_freq,
                    example_zh=found.example_zh,
                    example_en=found.example_en,
                    sources=found.sources,
                    evidence=found.evidence,
                )
            )
    for term in fresh:
        if (term.zh, term.en) in pairs_taken or term.zh in zh_taken or term.en.lower() in en_taken:
            continue
        out.append(replace(term, status=Status.NEW))
    # stable: among equal scores the previous order (a reviewer's order) is kept
    return sorted(out, key=lambda t: -t.score)
