"""TBX-Basic v3: valid XML, concept/langSec/termSec structure, status and notes, round trip."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from glossary.errors import GlossaryInputError
from glossary.tbx import NAMESPACE, read_tbx, write_tbx
from glossary.term import Status, Term

NS = {"t": NAMESPACE}
TERMS = [
    Term("无核武器区", "nuclear-weapon-free zone", ("无核区",), ("NWFZ", "nuclear-weapon-free zones"), ("无核国家区", "nuclear free zone"),
         Status.APPROVED, "UNTERM <checked> & agreed"),
    Term("裁军谈判会议", "Conference on Disarmament", status=Status.NEW),
]


def test_structure(tmp_path: Path) -> None:
    path = write_tbx(TERMS, tmp_path / "terms.tbx")
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{NAMESPACE}}}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    entries = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert [e.get("id") for e in entries] == ["c1", "c2"]
    first = entries[0]
    assert [n.text for n in first.findall("t:note", NS)] == ["paraterm status: approved", "UNTERM <checked> & agreed"]
    langs = [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in first.findall("t:langSec", NS)]
    assert langs == ["zh", "en"]
    en_terms = [
        (sec.findtext("t:term", namespaces=NS), [n.text for n in sec.findall("t:termNote", NS)])
        for sec in first.findall("t:langSec[2]/t:termSec", NS)
    ]
    assert en_terms == [
        ("nuclear-weapon-free zone", ["preferredTerm-admn-sts"]),
        ("NWFZ", ["admittedTerm-admn-sts", "acronym"]),
        ("nuclear-weapon-free zones", ["admittedTerm-admn-sts"]),
        ("nuclear free zone", ["deprecatedTerm-admn-sts"]),
    ]
    assert path.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx ')


def test_round_trip(tmp_path: Path) -> None:
    assert read_tbx(write_tbx(TERMS, tmp_path / "terms.tbx")) == TERMS


def test_tbx_v2_martif_is_read(tmp_path: Path) -> None:
    path = tmp_path / "old.tbx"
    path.write_text(
        '<martif type="TBX"><text><body><termEntry id="1">'
        '<langSet xml:lang="zh-CN"><tig><term>国际法院</term></tig></langSet>'
        '<langSet xml:lang="en-US"><tig><term>International Court of Justice</term></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    [term] = read_tbx(path)
    assert (term.zh, term.en, term.status) == ("国际法院", "International Court of Justice", Status.CANDIDATE)


def test_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.tbx"
    path.write_text("<tbx><text>", encoding="utf-8")
    with pytest.raises(GlossaryInputError, match=r"broken.tbx: not well-formed XML \(.*\); give a valid TBX file$"):
        read_tbx(path)


def test_not_tbx(tmp_path: Path) -> None:
    path = tmp_path / "x.tbx"
    path.write_text("<tmx/>", encoding="utf-8")
    with pytest.raises(GlossaryInputError, match=r"x.tbx: root element is <tmx>, not <tbx>; give a TBX file$"):
        read_tbx(path)
