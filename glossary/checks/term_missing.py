"""term-missing: a glossary term in the source whose rendering the aligned target lacks.

Counts matter: a source segment naming a term twice needs its rendering twice, unless
the translation as a whole renders that term less often than the source names it (Chinese
repeats 核武器 where English says "them"; "Security Council resolutions 487 and 687"
becomes 安全理事会第 487 号和第 687 号决议): then only a rendering missing altogether is
reported. Before reporting, the neighbouring links are counted too
(``CheckConfig.window``), because the aligner may have put the rendering one sentence over.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from glossary.checks.concepts import match_concepts
from glossary.checks.pair import Context, Pair, finding
from glossary.finding import CheckId, Finding, Side, Span


def find(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    """Findings for source terms whose target rendering is missing or too rare."""
    matches = match_concepts(pairs, context)
    src_counts = [matches.source_count(i) for i in range(len(pairs))]
    tgt_counts = [matches.target_count(i) for i in range(len(pairs))]
    total_src = sum(src_counts, Counter())
    total_tgt = sum(tgt_counts, Counter())
    out: list[Finding] = []
    for i, pair in enumerate(pairs):
        if not pair.source.strip() or not pair.target.strip():
            continue  # a segment with no counterpart is the omission check's business
        for key, need in sorted(src_counts[i].items()):
            have = tgt_counts[i][key]
            if have >= need:
                continue
            # elsewhere in the document, is every mention of this term rendered?
            elsewhere_short = total_tgt[key] - have < total_src[key] - need
            if have > 0 and elsewhere_short:
                continue
            near = range(max(0, i - context.config.window), min(len(pairs), i + context.config.window + 1))
            if sum(src_counts[j][key] for j in near) <= sum(tgt_counts[j][key] for j in near):
                continue
            concept = matches.concepts[key]
            source_hits = [o for o in matches.source[i] if o.key == key]
            target_hits = [o for o in matches.target[i] if o.key == key]
            allowed = " / ".join(concept.target)
            out.append(
                finding(
                    CheckId.TERM_MISSING,
                    pair,
                    context,
                    expected=concept.target[0],
                    found=", ".join(o.form for o in target_hits),
                    note=f"source has '{pair.source[source_hits[0].start : source_hits[0].end]}' {need}x, target has {allowed} {have}x",
                    spans=[Span(Side.SOURCE, o.start, o.end) for o in source_hits]
                    + [Span(Side.TARGET, o.start, o.end) for o in target_hits],
                )
            )
    return out


