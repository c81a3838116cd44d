"""TMX 1.4b: a translation memory a CAT tool (Trados, memoQ, OmegaT, Wordfast) imports.

Choices, and why:

- Language codes are ``en-US`` and ``zh-CN``. TMX 1.4b takes RFC 3066 tags;
  CAT tools keep memories per locale and match a TMX's codes against them, and a
  bare ``zh`` does not say Simplified or Traditional. UN Chinese is Simplified
  (``zh-CN``); ``en-US`` is the English locale most memories are created with.
  Every tool lets the user map a code to another locale on import.
- English is the source language (``srclang``) by default, because the UN
  translates from English; ``source=Lang.ZH`` swaps. The source ``tuv`` comes first.
- Only links with text on both sides become ``tu`` elements: a memory entry
  without a translation is useless to a CAT tool. Unaligned units stay listed in
  the other formats.
- paraterm's data rides in ``prop`` elements with ``x-`` types, as the spec
  asks for tool-specific properties: the signature in the header, and each
  link's score, flags, ids and paragraph ids in its ``tu``.
- ``datatype="plaintext"``: segments are plain text, no inline markup.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from align import __version__
from align.alignment import Alignment, Level, Link, Signature
from align.document import Lang
from align.errors import InputError
from align.export.atomic import atomic_write_text
from align.export.summary import file_names, is_unaligned, parse_signature
from align.export.text import format_flags, format_ids, parse_flags, parse_ids, remove_control_chars

TMX_LANG = {Lang.EN: "en-US", Lang.ZH: "zh-CN"}
ADMIN_LANG = "en-US"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PROP = "x-paraterm-"
# inline elements whose content is text (hi, sub); the others hold native codes
_TEXT_INLINE = {"hi", "sub"}


def dumps(alignment: Alignment, source: Lang = Lang.EN, created: dt.datetime | None = None) -> str:
    """The TMX document as text. ``created`` defaults to now (UTC)."""
    target = Lang.ZH if source == Lang.EN else Lang.EN
    when = (created or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    root = ET.Element("tmx", version="1.4")
    header = ET.SubElement(
        root,
        "header",
        {
            "creationtool": "paraterm",
            "creationtoolversion": __version__,
            "creationdate": when.strftime("%Y%m%dT%H%M%SZ"),
            "segtype": alignment.level.value,
            "o-tmf": "paraterm",
            "adminlang": ADMIN_LANG,
            "srclang": TMX_LANG[source],
            "datatype": "plaintext",
        },
    )
    zh_file, en_file = file_names(alignment)
    _prop(header, "signature", str(alignment.signature))
    _prop(header, "zh-file", zh_file)
    _prop(header, "en-file", en_file)
    for warning in alignment.warnings:
        _prop(header, "warning", warning)
    body = ET.SubElement(root, "body")
    for link in alignment.links:
        if is_unaligned(link):
            continue
        tu = ET.SubElement(body, "tu", tuid=str(len(body) + 1))
        _prop(tu, "score", f"{link.score:.4f}")
        _prop(tu, "flags", format_flags(link.flags))
        _prop(tu, "zh-ids", format_ids(link.zh_ids))
        _prop(tu, "en-ids", format_ids(link.en_ids))
        _prop(tu, "zh-paragraphs", format_ids(link.zh_paragraphs))
        _prop(tu, "en-paragraphs", format_ids(link.en_paragraphs))
        for lang in (source, target):
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: TMX_LANG[lang]})
            ET.SubElement(tuv, "seg").text = remove_control_chars(link.zh if lang == Lang.ZH else link.en)
    ET.indent(root, space="  ")
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n{xml}\n'


def loads(text: str, where: str = "<tmx>") -> Alignment:
    """Read a TMX with ``zh*`` and ``en*`` variants (ours or another tool's).

    Units lacking either language are left out (a warning says how many);
    units without paraterm ids get the next free ids on each side, and a score
    of 1.0 (a memory entry is taken as a confirmed translation).
    """
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise InputError(f"{where}: not valid XML ({error}); give a TMX 1.4 file") from None
    header = root.find("header")
    body = root.find("body")
    if root.tag != "tmx" or header is None or body is None:
        raise InputError(f"{where}: not a TMX file (no <tmx> with <header> and <body>); give a TMX 1.4 file")
    props = _props(header)
    signature = (
        parse_signature(props["signature"][0])
        if "signature" in props
        else Signature(tool=header.get("creationtool", ""), version=header.get("creationtoolversion", ""), model="", settings=())
    )
    level = Level.PARAGRAPH if header.get("segtype") == Level.PARAGRAPH.value else Level.SENTENCE
    links: list[Link] = []
    skipped = 0
    next_zh = next_en = 0
    for number, tu in enumerate(body.iter("tu"), start=1):
        segs = {_lang_of(tuv): _seg_text(tuv.find("seg")) for tuv in tu.iter("tuv")}
        if Lang.ZH not in segs or Lang.EN not in segs:
            skipped += 1
            continue
        tu_props = {k: v[0] for k, v in _props(tu).items()}
        place = f"{where}: tu {number}"
        zh_ids = parse_ids(tu_props.get("zh-ids"), place) or (next_zh,)
        en_ids = parse_ids(tu_props.get("en-ids"), place) or (next_en,)
        next_zh, next_en = max(zh_ids) + 1, max(en_ids) + 1
        try:
            score = float(tu_props.get("score", "1.0"))
        except ValueError:
            raise InputError(f"{place}: bad score {tu_props['score']!r}; expected a number from 0 to 1") from None
        links.append(
            Link(
                zh_ids=zh_ids,
                en_ids=en_ids,
                zh=segs[Lang.ZH],
                en=segs[Lang.EN],
                score=score,
                flags=parse_flags(tu_props.get("flags")),
                zh_paragraphs=parse_ids(tu_props.get("zh-paragraphs"), place),
                en_paragraphs=parse_ids(tu_props.get("en-paragraphs"), place),
            )
        )
    warnings = list(props.get("warning", []))
    if skipped:
        warnings.append(f"{where}: {skipped} translation units without both Chinese and English left out")
    return Alignment(
        zh=None,
        en=None,
        level=level,
        links=links,
        signature=signature,
        warnings=warnings,
        zh_name=props.get("zh-file", [""])[0],
        en_name=props.get("en-file", [""])[0],
    )


def write(alignment: Alignment, path: Path, source: Lang = Lang.EN) -> None:
    """Write :func:`dumps` to ``path`` atomically."""
    atomic_write_text(path, dumps(alignment, source))


def read(path: Path) -> Alignment:
    """Read a TMX file (see :func:`loads`)."""
    return loads(path.read_text(encoding="utf-8-sig"), str(path))


def _prop(parent: ET.Element, name: str, value: str) -> None:
    if value:
        ET.SubElement(parent, "prop", type=_PROP + name).text = remove_control_chars(value)


def _props(element: ET.Element) -> dict[str, list[str]]:
    """paraterm's ``x-paraterm-*`` props of ``element``, by name without the prefix."""
    found: dict[str, list[str]] = {}
    for prop in element.findall("prop"):
        kind = prop.get("type", "")
        if kind.startswith(_PROP):
            found.setdefault(kind[len(_PROP) :], []).append(prop.text or "")
    return found


def _lang_of(tuv: ET.Element) -> Lang | None:
    # TMX 1.4 uses xml:lang, TMX 1.1 a plain lang attribute
    code = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()
    for lang in Lang:
        if code == lang.value or code.startswith(lang.value + "-"):
            return lang
    return None


def _seg_text(seg: ET.Element | None) -> str:
    """The text of a ``seg``, without the native codes other tools put in bpt/ept/ph/it/ut."""
    if seg is None:
        return ""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag in _TEXT_INLINE:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
