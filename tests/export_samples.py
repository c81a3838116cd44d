"""A hand-built alignment shared by the export tests: every kind of link, awkward text."""

from __future__ import annotations

from align.alignment import Alignment, Flag, Level, Link, Signature

SIGNATURE = Signature(
    tool="paraterm", version="0.1.0", model="multilingual-e5-small-q4", settings=(("max_bead", "5"), ("low_confidence", "0.5"))
)

LINKS = [
    Link((0,), (0,), "裁军谈判会议", "Conference on Disarmament", 0.98, (), (0,), (0,)),
    Link((1,), (1, 2), "1. 第21国集团重申。", "1. The Group of 21 reaffirms. It recalls.", 0.91, (Flag.MERGED.value,), (1,), (1,)),
    Link((), (3,), "", "A sentence only in English.", 0.0, (Flag.UNALIGNED.value,), (), (1,)),
    Link((2,), (), "只有中文的句子。", "", 0.0, (Flag.UNALIGNED.value,), (2,), ()),
    Link(
        (3,),
        (4,),
        "=SUM(A1) 是公式吗？\t制表符\n换行 & <标签> \x07",
        "-5 per cent & <tag> \"quoted\"\ttab\nnewline",
        0.42,
        (Flag.LOW_CONFIDENCE.value, Flag.NUMBER_MISMATCH.value),
        (3,),
        (2,),
    ),
    Link((4, 5), (5,), "+86 电话。@联合国", "@UN phone +86.", 0.775, (Flag.MERGED.value,), (3,), (2,)),
]


def sample_alignment(level: Level = Level.SENTENCE) -> Alignment:
    """Six links: 1-1, 1-2, 0-1, 1-0, a low-confidence one with hostile text, 2-1."""
    return Alignment(
        zh=None,
        en=None,
        level=level,
        links=list(LINKS),
        signature=SIGNATURE,
        warnings=["the English side is 5× shorter than expected; wrong file?"],
        zh_name="corpus/zh/x.zh.txt",
        en_name="corpus/en/x.en.txt",
    )
