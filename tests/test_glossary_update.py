"""--update: every human decision survives a rebuild."""

from __future__ import annotations

from glossary.build import build_glossary
from glossary.term import Status, Term
from glossary.update import merge
from tests.glossary_samples import sample_alignment

FRESH = [
    Term("消极安全保证", "negative security assurances", score=0.9, zh_freq=5, en_freq=5, status=Status.NEW, evidence="new"),
    Term("国际法院", "International Court of Justice", score=0.8, status=Status.NEW),
    Term("本集团", "the Group", score=0.7, status=Status.NEW),
    Term("安全保证", "security assurances", score=0.6, status=Status.NEW),
    Term("裁谈会", "Conference", score=0.5, status=Status.NEW),
]


def test_decided_rows_stay_exactly_as_they_were() -> None:
    approved = Term("消极安全保证", "negative security assurances (NSAs)", status=Status.APPROVED, note="UNTERM", score=0.1)
    out = merge(FRESH, [approved])
    assert approved in out
    assert sum(1 for t in out if t.zh == "消极安全保证") == 1


def test_rejected_pairs_are_not_proposed_again() -> None:
    rejected = Term("本集团", "the Group", status=Status.REJECTED)
    out = merge(FRESH, [rejected])
    assert [t for t in out if t.zh == "本集团"] == [rejected]


def test_added_rows_and_edited_terms_survive_and_block_rivals() -> None:
    added = Term("裁军谈判会议", "Conference on Disarmament", zh_variants=("裁谈会",), status=Status.APPROVED)
    out = merge(FRESH, [added])
    assert added in out
    assert not any(t.zh == "裁谈会" for t in out)  # already a variant of a kept row


def test_undecided_rows_keep_their_text_and_take_fresh_evidence() -> None:
    old = Term("消极安全保证", "negative security assurances", note="check", status=Status.NEW, score=0.2)
    [row] = [t for t in merge(FRESH, [old]) if t.zh == "消极安全保证"]
    assert (row.note, row.status, row.score, row.zh_freq, row.evidence) == ("check", Status.CANDIDATE, 0.9, 5, "new")


def test_new_candidates_are_marked_new() -> None:
    out = merge(FRESH, [Term("国际法院", "International Court of Justice", status=Status.APPROVED)])
    assert {t.zh for t in out if t.status is Status.NEW} == {"消极安全保证", "本集团", "安全保证", "裁谈会"}


def test_build_with_previous_keeps_decisions() -> None:
    previous = [
        Term("国际法院", "ICJ", status=Status.APPROVED, note="short form preferred"),
        Term("安全保证", "security assurances", status=Status.REJECTED),
        Term("联合国", "United Nations", status=Status.FORBIDDEN, forbidden=("联大",)),
    ]
    glossary = build_glossary([sample_alignment()], previous=previous)
    for term in previous:
        assert term in glossary.terms
    assert sum(1 for t in glossary.terms if t.zh in ("国际法院", "安全保证")) == 2
    assert any(t.zh == "消极安全保证" and t.status is Status.NEW for t in glossary.terms)
    rows = {(t.zh, t.en) for t in glossary.terms}
    assert glossary.contexts and all((c.zh_term, c.en_term) in rows for c in glossary.contexts)
