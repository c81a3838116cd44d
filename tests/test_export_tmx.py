"""TMX 1.4b export: parsed back with xml.etree, header, both tuvs, unaligned left out, srclang swap."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from align import __version__
from align.alignment import Level
from align.document import Lang
from align.errors import InputError
from align.export import read_alignment, write_alignment
from align.export.summary import is_unaligned
from align.export.tmx import dumps
from tests.export_samples import sample_alignment

LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _parse(tmp_path: Path, source: Lang = Lang.EN, level: Level = Level.SENTENCE) -> ET.Element:
    path = tmp_path / "a.tmx"
    write_alignment(sample_alignment(level), path, tmx_source=source)
    return ET.parse(path).getroot()


def test_header_attributes(tmp_path: Path) -> None:
    header = _parse(tmp_path).find("header")
    assert header is not None
    attributes = dict(header.attrib)
    assert re.fullmatch(r"\d{8}T\d{6}Z", attributes.pop("creationdate"))
    assert attributes == {
        "creationtool": "paraterm",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "paraterm",
        "adminlang": "en-US",
        "srclang": "en-US",
        "datatype": "plaintext",
    }
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props["x-paraterm-signature"] == "paraterm 0.1.0|model:multilingual-e5-small-q4|max_bead:5|low_confidence:0.5"


def test_creation_date_is_utc_in_tmx_format() -> None:
    created = dt.datetime(2026, 3, 4, 14, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert 'creationdate="20260304T130506Z"' in dumps(sample_alignment(), created=created)


def test_paragraph_level_sets_segtype(tmp_path: Path) -> None:
    assert _parse(tmp_path, level=Level.PARAGRAPH).find("header").get("segtype") == "paragraph"  # type: ignore[union-attr]


def test_every_tu_has_both_tuvs_source_first_and_unaligned_links_are_left_out(tmp_path: Path) -> None:
    tus = _parse(tmp_path).findall("body/tu")
    aligned = [link for link in sample_alignment().links if not is_unaligned(link)]
    assert len(tus) == len(aligned) == 4
    for tu, link in zip(tus, aligned):
        tuvs = tu.findall("tuv")
        assert [tuv.get(LANG) for tuv in tuvs] == ["en-US", "zh-CN"]
        assert tuvs[0].findtext("seg") == link.en
    assert [tu.get("tuid") for tu in tus] == ["1", "2", "3", "4"]


def test_tmx_source_zh_swaps_srclang_and_tuv_order(tmp_path: Path) -> None:
    root = _parse(tmp_path, source=Lang.ZH)
    assert root.find("header").get("srclang") == "zh-CN"  # type: ignore[union-attr]
    assert all([tuv.get(LANG) for tuv in tu.findall("tuv")] == ["zh-CN", "en-US"] for tu in root.findall("body/tu"))


def test_score_and_flags_are_props(tmp_path: Path) -> None:
    tu = _parse(tmp_path).findall("body/tu")[2]
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert props["x-paraterm-score"] == "0.4200"
    assert props["x-paraterm-flags"] == "low-confidence,number-mismatch"
    assert (props["x-paraterm-zh-ids"], props["x-paraterm-en-ids"]) == ("3", "4")


def test_markup_characters_are_escaped_and_control_characters_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.tmx"
    write_alignment(sample_alignment(), path)
    raw = path.read_text(encoding="utf-8")
    assert "&amp; &lt;标签&gt;" in raw and "\x07" not in raw
    seg = ET.parse(path).getroot().findall("body/tu")[2].findall("tuv")[1].findtext("seg")
    assert seg == "=SUM(A1) 是公式吗？\t制表符\n换行 & <标签> "


def test_read_back_gives_the_aligned_links(tmp_path: Path) -> None:
    path = tmp_path / "a.tmx"
    original = sample_alignment()
    write_alignment(original, path)
    back = read_alignment(path)
    expected = [link for link in original.links if not is_unaligned(link)]
    expected[2] = replace(expected[2], zh=expected[2].zh.replace("\x07", ""))  # control character removed
    assert back.links == expected
    assert (back.signature, back.warnings, back.level) == (original.signature, original.warnings, original.level)
    assert (back.zh_name, back.en_name) == (original.zh_name, original.en_name)


def test_a_foreign_tmx_reads_with_sequential_ids(tmp_path: Path) -> None:
    path = tmp_path / "other.tmx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OtherTool" creationtoolversion="9" segtype="sentence" o-tmf="x"
 adminlang="en" srclang="EN-GB" datatype="plaintext"/>
<body>
 <tu><tuv xml:lang="EN-GB"><seg>Hello <ph>&lt;b&gt;</ph>world</seg></tuv><tuv xml:lang="ZH-CN"><seg>你好世界</seg></tuv></tu>
 <tu><tuv xml:lang="en-GB"><seg>Only English</seg></tuv></tu>
 <tu><tuv lang="zh"><seg>再见</seg></tuv><tuv lang="en"><seg>Goodbye</seg></tuv></tu>
</body></tmx>""",
        encoding="utf-8",
    )
    back = read_alignment(path)
    assert [(l.zh_ids, l.en_ids, l.zh, l.en, l.score) for l in back.links] == [
        ((0,), (0,), "你好世界", "Hello world", 1.0),
        ((1,), (1,), "再见", "Goodbye", 1.0),
    ]
    assert back.signature.tool == "OtherTool"
    assert back.warnings == [f"{path}: 1 translation units without both Chinese and English left out"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<tmx><header", "{p}: not valid XML (unclosed token: line 1, column 5); give a TMX 1.4 file"),
        ("<html><body/></html>", "{p}: not a TMX file (no <tmx> with <header> and <body>); give a TMX 1.4 file"),
    ],
)
def test_unreadable_tmx_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "a.tmx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_alignment(path)
    assert str(caught.value) == message.format(p=path)


def test_structure_follows_the_tmx14_dtd(tmp_path: Path) -> None:
    # tmx14.dtd: header has the seven required attributes and (note|prop|ude)*;
    # tu is ((note|prop)*, tuv+); tuv is ((note|prop)*, seg)
    root = _parse(tmp_path)
    assert root.tag == "tmx" and root.get("version") == "1.4" and [c.tag for c in root] == ["header", "body"]
    header = root.find("header")
    required = {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"}
    assert header is not None and required <= set(header.attrib) and {c.tag for c in header} <= {"note", "prop", "ude"}
    for tu in root.findall("body/tu"):
        tags = [c.tag for c in tu]
        first_tuv = tags.index("tuv")
        assert set(tags[:first_tuv]) <= {"note", "prop"} and set(tags[first_tuv:]) == {"tuv"}
        assert all([c.tag for c in tuv] == ["seg"] for tuv in tu.findall("tuv"))
