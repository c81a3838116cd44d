"""English candidates: noun-phrase-shaped runs, folded for case and number."""

from __future__ import annotations

import pytest

from glossary.en_terms import candidates, fold, singular

SENTENCE = (
    "The Group underlines the unanimous conclusion of the International Court of Justice and reaffirms "
    "that the establishment of nuclear-weapon-free zones (NWFZs) is a positive step under a legally binding instrument."
)


@pytest.mark.parametrize(
    "key, surface",
    [
        ("international court of justice", "International Court of Justice"),
        ("nuclear-weapon-free zone", "nuclear-weapon-free zones"),
        ("NWFZ", "NWFZs"),
        ("legally binding instrument", "legally binding instrument"),
    ],
)
def test_terms_are_found_with_the_form_used(key: str, surface: str) -> None:
    assert candidates(SENTENCE)[key] == surface


@pytest.mark.parametrize("bad", ["court of justice", "group underline", "reaffirm", "the group", "international court"])
def test_cut_names_verbs_and_articles_are_not_candidates(bad: str) -> None:
    assert bad not in candidates(SENTENCE)


def test_group_of_21_keeps_its_number() -> None:
    assert candidates("The Group of 21 reaffirms it.")["group of 21"] == "Group of 21"


@pytest.mark.parametrize("word, expected", [("zones", "zone"), ("assurances", "assurance"), ("parties", "party"),
                                            ("status", "status"), ("process", "process"), ("States", "state")])
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_fold_joins_number_and_case_but_keeps_acronyms() -> None:
    assert fold(("Nuclear-Weapon-Free", "Zones")) == fold(("nuclear-weapon-free", "zone"))
    assert fold(("NWFZs",)) == "NWFZ"


def test_children_fund_keeps_its_apostrophe() -> None:
    assert "United Nations Children's Fund" in candidates("the United Nations Children's Fund said").values()
