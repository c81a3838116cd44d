"""What every export states about an alignment: its signature and its counts."""

from __future__ import annotations

from dataclasses import dataclass

from align.alignment import Alignment, Flag, Link, Signature


@dataclass(frozen=True)
class Counts:
    """How many links an alignment has, and how many a reviewer should look at."""

    links: int
    unaligned: int  # links with text on one side only
    low_confidence: int
    merged: int  # n:m links with n or m > 1

    @classmethod
    def of(cls, alignment: Alignment) -> "Counts":
        links = alignment.links
        return cls(
            links=len(links),
            unaligned=sum(is_unaligned(link) for link in links),
            low_confidence=sum(Flag.LOW_CONFIDENCE.value in link.flags for link in links),
            merged=sum(
                Flag.MERGED.value in link.flags or len(link.zh_ids) > 1 or len(link.en_ids) > 1 for link in links
            ),
        )

    def __str__(self) -> str:
        return (
            f"{self.links} links, {self.unaligned} unaligned, "
            f"{self.low_confidence} low-confidence, {self.merged} merged"
        )


def is_unaligned(link: Link) -> bool:
    """True when one side has no text: such links are left out of a TMX.

    Judged by the text, not the ids: rows a reviewer adds in the workbook have
    text but may have no ids.
    """
    return not link.zh.strip() or not link.en.strip()


def file_names(alignment: Alignment) -> tuple[str, str]:
    """The Chinese and English input file names, from the names or the documents."""
    zh = alignment.zh_name or (str(alignment.zh.path) if alignment.zh and alignment.zh.path else "")
    en = alignment.en_name or (str(alignment.en.path) if alignment.en and alignment.en.path else "")
    return zh, en


def parse_signature(text: str) -> Signature:
    """The inverse of ``str(Signature)``: ``"tool version|model:NAME|knob:value|..."``.

    Text that does not follow that shape is kept whole as the tool name, so a
    hand-edited signature is carried along rather than rejected.
    """
    parts = text.strip().split("|")
    head = parts[0].split(" ", 1)
    if len(parts) < 2 or not parts[1].startswith("model:") or len(head) != 2:
        return Signature(tool=text.strip(), version="", model="", settings=())
    settings = tuple(tuple(p.split(":", 1)) for p in parts[2:] if ":" in p)
    return Signature(tool=head[0], version=head[1], model=parts[1][len("model:") :], settings=settings)  # type: ignore[arg-type]
