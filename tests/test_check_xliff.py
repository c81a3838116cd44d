"""XLIFF 1.2 and 2.x bilingual files read into an Alignment, and bad files rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.document import Lang
from glossary.errors import GlossaryInputError
from glossary.xliff import read_xliff

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="cd2133.docx" source-language="en-US" target-language="zh-CN" datatype="plaintext">
  <body>
   <trans-unit id="1"><source>The Group supports <g id="1">nuclear-weapon-free</g> zones.</source>
    <target>本集团支持<g id="1">无核武器</g>区。</target></trans-unit>
   <trans-unit id="2"><source>See <ph id="2">{1}</ph>CD/2133.</source><target>见<ph id="2">{1}</ph>CD/2133。</target></trans-unit>
   <trans-unit id="3"><source>Not yet translated.</source></trans-unit>
  </body>
 </file>
</xliff>
"""
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <segment><source>本集团<pc id="1">支持</pc>。</source><target>The Group <pc id="1">supports</pc> it.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>见<ph id="2"/>CD/2133<cp hex="0009"/>。</source><target>See CD/2133.</target></segment>
  </unit>
 </file>
</xliff>
"""


def test_xliff_12_units_become_links_with_inline_codes_dropped(tmp_path: Path) -> None:
    path = tmp_path / "job.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    alignment, source = read_xliff(path)
    assert source is Lang.EN
    got = [(link.en, link.zh, link.en_ids, link.zh_ids) for link in alignment.links]
    assert got == [
        ("The Group supports nuclear-weapon-free zones.", "本集团支持无核武器区。", (0,), (0,)),
        ("See CD/2133.", "见CD/2133。", (1,), (1,)),
        ("Not yet translated.", "", (2,), ()),
    ]
    assert alignment.en_name == "job.xlf"


def test_xliff_20_segments_in_the_zh_to_en_direction(tmp_path: Path) -> None:
    path = tmp_path / "job.xliff"
    path.write_text(XLIFF20, encoding="utf-8")
    alignment, source = read_xliff(path)
    assert source is Lang.ZH
    assert [(link.zh, link.en) for link in alignment.links] == [("本集团支持。", "The Group supports it."), ("见CD/2133\t。", "See CD/2133.")]


BAD = [
    ("<xliff version='1.2'><file", "not valid XML"),
    ("<tmx version='1.4'/>", "root element is <tmx>, not <xliff>; give an XLIFF 1.2 or 2.x file"),
    ("<xliff version='2.0' srcLang='fr' trgLang='en'/>", "srcLang is 'fr', not Chinese or English; paraterm checks zh<->en files only"),
    ("<xliff version='3.0'/>", "XLIFF version '3.0' is not supported; give XLIFF 1.2 or 2.x"),
    ("<xliff version='2.0' srcLang='en' trgLang='zh'><file id='f'/></xliff>", "no translation units found; is the file empty?"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_files_are_named_with_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryInputError) as error:
        read_xliff(path)
    assert str(error.value).startswith(f"{path}: {message}")
