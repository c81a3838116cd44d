"""Scoring a sentence alignment against gold: exact, strict and lax precision/recall/F1.

Three conventions, all summed over documents before dividing (see ``../shared/README.md``):

* **exact** — the headline metric of the Bertalign / aligner-eval tables: a predicted bead
  counts when it equals a gold bead, unaligned (``[5]:[]``) beads included.
  P = matches / predicted beads, R = matches / gold beads.
* **strict** and **lax** — vecalign's definitions (after Sennrich & Volk 2011). Precision
  walks the predicted beads: an exact match is a strict and a lax hit; otherwise the bead
  is a lax hit when one of its English ids is linked in gold to one of its Chinese ids.
  Recall is the same count with the roles swapped, over beads with both sides non-empty.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from align.errors import InputError

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


@dataclass(frozen=True)
class Scores:
    """The three conventions for one set of documents."""

    exact: PRF
    strict: PRF
    lax: PRF


def _ids(text: str, where: str) -> tuple[int, ...]:
    body = text.strip()
    if not (body.startswith("[") and body.endswith("]")):
        raise InputError(f"{where}: expected a bracketed id list like [3, 4], got {text.strip()!r}")
    inner = body[1:-1].strip()
    try:
        return tuple(int(x) for x in inner.split(",")) if inner else ()
    except ValueError:
        raise InputError(f"{where}: ids must be integers, got {body!r}; fix the line") from None


def parse_bead(line: str, where: str = "alignment") -> BeadIds:
    """``[1, 2]:[3]`` (an optional ``:score`` suffix is ignored) -> ``((1, 2), (3,))``."""
    parts = line.strip().split(":")
    if len(parts) < 2:
        raise InputError(f"{where}: expected '[zh ids]:[en ids]', got {line.strip()!r}")
    return _ids(parts[0], where), _ids(parts[1], where)


def read_gold(path: Path) -> list[BeadIds]:
    """Read a gold file of ``[zh ids]:[en ids]`` lines (blank lines skipped)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read gold alignment ({err.strerror}); check the path") from None
    return [parse_bead(line, f"{path}:{no}") for no, line in enumerate(lines, 1) if line.strip()]


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _hits(gold: Iterable[BeadIds], test: Iterable[BeadIds]) -> tuple[int, int, int]:
    """(strict hits, lax hits, number of test beads) for test beads judged against gold."""
    gold_set = {g for g in gold if g[0] or g[1]}
    linked: dict[int, set[int]] = defaultdict(set)
    for zh, en in gold_set:
        for z in zh:
            linked[z].update(en)
    strict = lax = total = 0
    for bead in {t for t in test if t[0] or t[1]}:
        total += 1
        if bead in gold_set:
            strict += 1
            lax += 1
        elif any(e in linked[z] for z in bead[0] for e in bead[1]):
            lax += 1
    return strict, lax, total


def score(gold_docs: Sequence[Sequence[BeadIds]], test_docs: Sequence[Sequence[BeadIds]]) -> Scores:
    """Score predicted beads against gold, summing counts over the document pairs."""
    if len(gold_docs) != len(test_docs):
        raise InputError(f"scorer: {len(gold_docs)} gold documents but {len(test_docs)} predicted; pass one of each per pair")
    exact_hit = exact_pred = exact_gold = 0
    p_strict = p_lax = p_total = r_strict = r_lax = r_total = 0
    for gold, test in zip(gold_docs, test_docs):
        gold = [(tuple(z), tuple(e)) for z, e in gold]
        test = [(tuple(z), tuple(e)) for z, e in test]
        gold_set = set(gold)
        exact_hit += sum(1 for t in test if t in gold_set)
        exact_pred += len(test)
        exact_gold += len(gold)
        s, l, n = _hits(gold, test)
        p_strict, p_lax, p_total = p_strict + s, p_lax + l, p_total + n
        full = lambda beads: [b for b in beads if b[0] and b[1]]  # noqa: E731
        s, l, n = _hits(full(test), full(gold))
        r_strict, r_lax, r_total = r_strict + s, r_lax + l, r_total + n
    return Scores(
        exact=PRF(_ratio(exact_hit, exact_pred), _ratio(exact_hit, exact_gold)),
        strict=PRF(_ratio(p_strict, p_total), _ratio(r_strict, r_total)),
        lax=PRF(_ratio(p_lax, p_total), _ratio(r_lax, r_total)),
    )
