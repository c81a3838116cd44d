"""Pairing Chinese documents with their English originals: symbol, file name, embeddings."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from align.corpus_config import PairingConfig
from align.document import Lang
from align.pairing import Candidate, PairMethod, _blocks, name_stem, normalise_symbol, pair_documents

STEMS = [
    ("negative-security-assurances.zh.txt", "negative-security-assurances"),
    ("negative-security-assurances.en.txt", "negative-security-assurances"),
    ("Report_ZH.docx", "report"),
    ("report-en.pdf", "report"),
    ("A_73_100.zh-cn.html", "a_73_100"),
    ("minutes english.txt", "minutes"),
    ("zh.txt", "zh"),  # nothing left but the tag: keep it
    ("annex.txt", "annex"),
    ("kitchen.txt", "kitchen"),  # "en" inside a word is not a tag
]


@pytest.mark.parametrize(("name", "stem"), STEMS)
def test_name_stem_strips_extension_and_language_tag(name: str, stem: str) -> None:
    assert name_stem(name) == stem


def test_normalise_symbol() -> None:
    assert normalise_symbol(" cd / 2133 ") == "CD/2133"
    assert normalise_symbol(None) is None


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_symbol_wins_over_file_names() -> None:
    docs = [
        Candidate(1, "a.zh.txt", Lang.ZH, "CD/2133"),
        Candidate(2, "b.en.txt", Lang.EN, "CD/2133"),
        Candidate(3, "b.zh.txt", Lang.ZH, "CD/2134"),
        Candidate(4, "a.en.txt", Lang.EN, None),
    ]
    result = pair_documents(docs)
    assert [(p.zh, p.en, p.method) for p in result.pairs] == [(1, 2, PairMethod.SYMBOL)]
    assert result.pairs[0].evidence == "symbol CD/2133"
    # 3 and 4 share no stem ("b" vs "a"); without vectors they stay unpaired, with the reason
    assert {u.id for u in result.unpaired} == {3, 4}
    assert all(not u.ambiguous for u in result.unpaired)


def test_file_name_pairs_across_folders_and_formats() -> None:
    docs = [
        Candidate(1, "nsa.zh.txt", Lang.ZH),
        Candidate(2, "nsa_en.docx", Lang.EN),
        Candidate(3, "follow-up-zh.pdf", Lang.ZH),
        Candidate(4, "follow-up.en.html", Lang.EN),
    ]
    result = pair_documents(docs)
    assert [(p.zh, p.en, p.method, p.evidence) for p in result.pairs] == [
        (1, 2, PairMethod.FILE_NAME, "file name nsa"),
        (3, 4, PairMethod.FILE_NAME, "file name follow-up"),
    ]
    assert result.unpaired == []


def test_ambiguous_symbol_is_reported_not_forced() -> None:
    docs = [
        Candidate(1, "x.zh.txt", Lang.ZH, "CD/2133"),
        Candidate(2, "x.zh.docx", Lang.ZH, "CD/2133"),
        Candidate(3, "x.en.txt", Lang.EN, "CD/2133"),
    ]
    result = pair_documents(docs)
    assert result.pairs == []
    assert [(u.id, u.ambiguous) for u in result.unpaired] == [(1, True), (2, True), (3, True)]
    assert result.unpaired[0].reason == "ambiguous: symbol CD/2133 is shared by x.en.txt, x.zh.docx, x.zh.txt"


def test_ambiguous_file_name_is_reported_not_forced() -> None:
    docs = [
        Candidate(1, "report.zh.txt", Lang.ZH),
        Candidate(2, "report.en.txt", Lang.EN),
        Candidate(3, "report_en.docx", Lang.EN),
    ]
    result = pair_documents(docs)
    assert result.pairs == []
    assert all(u.ambiguous and u.reason.startswith("ambiguous: file name report") for u in result.unpaired)


def test_missing_counterpart_is_reported() -> None:
    docs = [Candidate(1, "alone.zh.txt", Lang.ZH), Candidate(2, "other.zh.txt", Lang.ZH)]
    result = pair_documents(docs)
    assert result.pairs == []
    assert [u.reason for u in result.unpaired] == [
        "no English counterpart found (symbol, file name or embedding)"
    ] * 2


E = np.eye(8, dtype=np.float32)  # sentence "meanings": a translation has the same rows


def sentences(*rows: np.ndarray) -> np.ndarray:
    stacked = np.stack(rows).astype(np.float32)
    return stacked / np.linalg.norm(stacked, axis=1, keepdims=True)


def test_embeddings_pair_mutual_best_matches() -> None:
    docs = [
        Candidate(1, "z1.txt", Lang.ZH, sentences=sentences(E[0], E[1], E[2])),
        Candidate(2, "z2.txt", Lang.ZH, sentences=sentences(E[3], E[4], E[5])),
        Candidate(3, "e-a.txt", Lang.EN, sentences=sentences(E[3] + 0.1 * E[6], E[4], E[5])),
        Candidate(4, "e-b.txt", Lang.EN, sentences=sentences(E[0], E[1] + 0.1 * E[7], E[2])),
    ]
    result = pair_documents(docs)
    assert [(p.zh, p.en, p.method) for p in result.pairs] == [
        (1, 4, PairMethod.EMBEDDING), (2, 3, PairMethod.EMBEDDING)
    ]
    assert result.pairs[0].evidence.startswith("similarity 0.99")
    assert ", next " in result.pairs[0].evidence
    assert result.unpaired == []


def test_embeddings_without_margin_are_ambiguous() -> None:
    # two English documents equally close to the Chinese one: pairing either would be a guess
    docs = [
        Candidate(1, "z.txt", Lang.ZH, sentences=sentences(E[0], E[1], E[2])),
        Candidate(2, "e1.txt", Lang.EN, sentences=sentences(E[0], E[1], E[2] + 0.01 * E[6])),
        Candidate(3, "e2.txt", Lang.EN, sentences=sentences(E[0], E[1], E[2] + 0.01 * E[7])),
        Candidate(4, "other.zh.txt", Lang.ZH, sentences=sentences(E[5], E[6], E[7])),
    ]
    result = pair_documents(docs)
    assert result.pairs == []
    notes = {u.id: u for u in result.unpaired}
    assert notes[1].ambiguous and notes[1].reason.startswith("ambiguous: e")
    assert "next" in notes[1].reason


def test_embeddings_pair_in_rounds_once_a_rival_is_taken() -> None:
    # z2's nearest is e1, but e1 belongs to z1; once z1-e1 is paired, z2-e2 is the best left
    docs = [
        Candidate(1, "z1.txt", Lang.ZH, sentences=sentences(E[0], E[1], E[2], E[3])),
        Candidate(2, "z2.txt", Lang.ZH, sentences=sentences(E[0], E[1], E[2], E[4])),
        Candidate(3, "e1.txt", Lang.EN, sentences=sentences(E[0], E[1], E[2], E[3])),
        Candidate(4, "e2.txt", Lang.EN, sentences=sentences(E[4], E[5], E[0], E[1])),
        Candidate(5, "e3.txt", Lang.EN, sentences=sentences(E[6], E[7], E[5], E[6] + E[7])),
    ]
    result = pair_documents(docs)
    assert [(p.zh, p.en) for p in result.pairs] == [(1, 3), (2, 4)]
    assert [u.id for u in result.unpaired] == [5]


def test_embeddings_never_pair_different_symbols() -> None:
    docs = [
        Candidate(1, "z.txt", Lang.ZH, "A/1", sentences=sentences(E[0], E[1])),
        Candidate(2, "e.txt", Lang.EN, "A/2", sentences=sentences(E[0], E[1])),
    ]
    assert pair_documents(docs).pairs == []


def test_single_far_pair_is_not_forced() -> None:
    docs = [
        Candidate(1, "z.txt", Lang.ZH, sentences=sentences(E[0], E[1])),
        Candidate(2, "e.txt", Lang.EN, sentences=sentences(E[2], E[3])),
    ]
    result = pair_documents(docs)
    assert result.pairs == []
    assert result.unpaired[0].reason == "too far: e.txt at similarity 0.000 < 0.35"


F = np.eye(12, dtype=np.float32)
SHARED = (F[0], F[1], F[2])  # sentences two near-identical documents have in common


def _twins(zh_extra: tuple[np.ndarray, np.ndarray], en_extra: tuple[np.ndarray, np.ndarray]) -> list[Candidate]:
    """Two Chinese and two English form letters: the same three sentences plus one of their own,
    next to an unrelated pair; the English are named so that the swap pairs e1 with z1."""
    return [
        Candidate(1, "z1.txt", Lang.ZH, sentences=sentences(zh_extra[0], *SHARED)),
        Candidate(2, "z2.txt", Lang.ZH, sentences=sentences(zh_extra[1], *SHARED)),
        Candidate(3, "e1.txt", Lang.EN, sentences=sentences(en_extra[1], *SHARED)),
        Candidate(4, "e2.txt", Lang.EN, sentences=sentences(en_extra[0], *SHARED)),
        Candidate(5, "z3.txt", Lang.ZH, sentences=sentences(F[8], F[9], F[10], F[11])),
        Candidate(6, "e3.txt", Lang.EN, sentences=sentences(F[8], F[9], F[10], F[11])),
    ]


def test_near_identical_documents_are_paired_on_the_sentences_that_differ() -> None:
    # "Have a great day. Thank you..." vs "Thank you...": the closing line is the only evidence
    greeting = F[3] + 0.25 * F[4]
    result = pair_documents(_twins((greeting, F[3]), (greeting, F[3])))
    assert [(p.zh, p.en) for p in result.pairs] == [(1, 4), (2, 3), (5, 6)]
    assert result.unpaired == []
    # on whole documents z1 prefers e2 by less than min_gap: the first round leaves the block
    assert result.pairs[0].evidence == (
        "similarity 1.000, next 0.991; decided jointly with z2.txt ~ e1.txt: "
        "the sentences that differ favour this pairing by 0.074 over the swap"
    )


def test_near_identical_documents_differing_too_little_stay_ambiguous() -> None:
    greeting = F[3] + 0.1 * F[4]
    result = pair_documents(_twins((greeting, F[3]), (greeting, F[3])))
    assert [(p.zh, p.en) for p in result.pairs] == [(5, 6)]
    assert [(u.id, u.ambiguous) for u in result.unpaired] == [(1, True), (2, True), (3, True), (4, True)]
    assert result.unpaired[0].reason.endswith("favour neither pairing (0.012 over the swap < 0.02)")


def test_near_identical_documents_whose_differences_disagree_stay_ambiguous() -> None:
    # each letter has its own closing line, but none matches a closing line on the other side
    zh_extra = (F[3] + 0.4 * F[4], F[3] + 0.4 * F[5])
    en_extra = (F[3] + 0.4 * F[6], F[3] + 0.4 * F[7])
    result = pair_documents(_twins(zh_extra, en_extra))
    assert [(p.zh, p.en) for p in result.pairs] == [(5, 6)]
    assert [(u.id, u.ambiguous) for u in result.unpaired] == [(1, True), (2, True), (3, True), (4, True)]
    assert result.unpaired[0].reason == (
        "ambiguous: z1.txt, z2.txt ~ e1.txt, e2.txt pair either way; the sentences that tell them "
        "apart favour neither pairing (0.000 over the swap < 0.02)"
    )


def test_identical_documents_stay_ambiguous() -> None:
    result = pair_documents(_twins((F[3], F[3]), (F[3], F[3])))
    assert [(p.zh, p.en) for p in result.pairs] == [(5, 6)]
    assert all(u.ambiguous for u in result.unpaired) and len(result.unpaired) == 4


WMT22_TIE = {(0, 0): 0.542, (0, 1): 0.533, (1, 0): 0.543, (1, 1): 0.547}  # the two chat closings
BLOCKS = [
    (WMT22_TIE, [((0, 1), (0, 1))]),
    ({**WMT22_TIE, (0, 2): 0.530}, []),  # a third English document is as close: not closed
    ({**WMT22_TIE, (0, 2): 0.500}, [((0, 1), (0, 1))]),  # ... or far enough behind
    ({k: v - 0.25 for k, v in WMT22_TIE.items()}, []),  # below the similarity floor
    # zh 1 lost its English: it prefers en 0 clearly, so a joint decision would force it onto en 1
    ({(0, 0): 0.480, (0, 1): 0.450, (1, 0): 0.463, (1, 1): 0.386}, []),
]


@pytest.mark.parametrize(("live", "blocks"), BLOCKS)
def test_blocks_are_closed_ties(live: dict[tuple[int, int], float], blocks: list) -> None:
    assert _blocks(live, PairingConfig()) == blocks


G = np.eye(32, dtype=np.float32)[12:]  # clear of F's twelve dimensions, so both can share a corpus
TOPIC = G[15]  # a sentence every document of the field shares in meaning, e.g. "the eReader will not start"


def _field(first: int = 1, zh: str = "z", en: str = "e", odd: bool = False) -> list[Candidate]:
    """Four translations, each with a sentence of its own (``odd``: another four) and the topic sentence."""
    docs = []
    for k in range(4):
        rows = sentences(G[2 * k + odd], TOPIC)
        docs += [Candidate(first + k, f"{zh}{first + k}.txt", Lang.ZH, sentences=rows),
                 Candidate(first + 10 + k, f"{en}{first + k}.txt", Lang.EN, sentences=rows)]
    return docs


def test_two_orphans_on_the_same_topic_are_reported_not_paired() -> None:
    # each lost its counterpart; they are each other's nearest, by a clear gap over the next,
    # but hardly above the field of documents on their topic: no translation of each other
    orphans = [Candidate(5, "z5.txt", Lang.ZH, sentences=sentences(TOPIC + 0.6 * G[8])),
               Candidate(15, "e5.txt", Lang.EN, sentences=sentences(TOPIC + 0.6 * G[10]))]
    result = pair_documents(_field() + orphans)
    assert [(p.zh, p.en) for p in result.pairs] == [(1, 11), (2, 12), (3, 13), (4, 14)]
    assert [(u.id, u.ambiguous) for u in result.unpaired] == [(5, False), (15, False)]
    assert result.unpaired[0].reason == (
        "no counterpart: e5.txt is the nearest at similarity 0.418, but only 0.034 above the other "
        "candidates' mean (< 0.04); a translation stands clear of them"
    )
    # without the lead test they would be paired: their gap to the next candidate is clear
    loose = pair_documents(_field() + orphans, PairingConfig(min_lead=-1.0))
    assert (5, 15) in [(p.zh, p.en) for p in loose.pairs]


def test_translation_with_an_orphan_rival_is_paired_and_shows_its_lead() -> None:
    orphan = Candidate(5, "z5.txt", Lang.ZH, sentences=sentences(TOPIC + 0.6 * G[8]))
    result = pair_documents(_field() + [orphan])
    assert [(p.zh, p.en) for p in result.pairs] == [(1, 11), (2, 12), (3, 13), (4, 14)]
    # the orphan tops nothing: each translation stands far above its field
    assert result.pairs[0].evidence == "similarity 0.996, next 0.538, lead 0.458"
    assert [u.id for u in result.unpaired] == [5]


def test_near_identical_documents_are_still_decided_beside_orphans() -> None:
    greeting = F[3] + 0.25 * F[4]
    twins = [replace(d, sentences=np.pad(d.sentences, ((0, 0), (0, 20)))) for d in _twins((greeting, F[3]), (greeting, F[3]))]
    orphans = [Candidate(50, "z50.txt", Lang.ZH, sentences=sentences(TOPIC + 0.7 * G[8])),
               Candidate(60, "e50.txt", Lang.EN, sentences=sentences(TOPIC + 0.7 * G[10]))]
    # two fields on the orphans' topic: the eight nearest candidates of each orphan
    result = pair_documents(twins + _field(21, "y", "x") + _field(41, "w", "v", odd=True) + orphans)
    assert [(p.zh, p.en) for p in result.pairs] == [(1, 4), (2, 3), (5, 6)] + [(z, z + 10) for z in (21, 22, 23, 24, 41, 42, 43, 44)]
    assert "decided jointly" in result.pairs[0].evidence
    assert [(u.id, u.reason.split(":")[0]) for u in result.unpaired] == [(50, "no counterpart"), (60, "no counterpart")]
