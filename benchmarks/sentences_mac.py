"""Sentence boundaries against MAC-Test's hand segmentation (24 zh/en literary chapters).

Each chapter's gold sentences (one per line) are joined back into one text and split
again with ``align.sentences.split_sentences``; a boundary counts when it falls at the
same character offset as a gold one. Literary dialogue is harder than UN prose, and
the gold also splits at some Chinese colons, which paraterm does not. Needs
../shared/data/mac-test.

    python benchmarks/sentences_mac.py            # precision/recall per language
    python benchmarks/sentences_mac.py --show 10  # and 10 missed gold boundaries each
"""

from __future__ import annotations

import argparse
from pathlib import Path

from align.document import Lang
from align.sentences import split_sentences

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "mac-test"


def _ends(pieces: list[str], text: str) -> set[int]:
    """Where each piece ends in ``text``, moved past any whitespace (pieces are stripped)."""
    ends, position = set(), 0
    for piece in pieces:
        position = text.index(piece, position) + len(piece)
        while position < len(text) and text[position].isspace():
            position += 1
        ends.add(position)
    return ends


def run(side: str, lang: Lang, show: int) -> None:
    joiner = "" if lang is Lang.ZH else " "
    gold_total = ours_total = matched = 0
    missed: list[str] = []
    for path in sorted((DATA / side).iterdir()):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        text = joiner.join(lines)
        gold, ours = _ends(lines, text), _ends(split_sentences(text, lang), text)
        gold_total, ours_total, matched = gold_total + len(gold), ours_total + len(ours), matched + len(gold & ours)
        missed += [f"{text[max(0, b - 30):b]} | {text[b:b + 15]}" for b in sorted(gold - ours)]
    print(f"{lang.value}: gold {gold_total} sentences, paraterm {ours_total}; boundary precision "
          f"{matched / ours_total:.3f}, recall {matched / gold_total:.3f}")
    for line in missed[:show]:
        print("   missed:", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print this many missed gold boundaries per language")
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"{DATA} is absent; this benchmark needs ../shared/data/mac-test")
    run("src", Lang.ZH, args.show)
    run("tgt", Lang.EN, args.show)


if __name__ == "__main__":
    main()
