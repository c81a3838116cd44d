"""Read XLIFF 1.2 and 2.x bilingual files (what CAT tools export) into an Alignment.

Each translation unit (1.2 ``trans-unit``; 2.x ``segment`` of a ``unit``) becomes one link,
so a unit with no target comes out as an unaligned source sentence. Inline codes are
dropped from the text (placeholders), their enclosed text kept (``<g>``, ``<pc>``, ``<mrk>``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from align import __version__
from align.alignment import Alignment, Level, Link, Signature
from align.document import Lang
from glossary.errors import GlossaryInputError

# inline elements whose content is native code, not text (XLIFF 1.2 ph/bpt/ept/it)
_CODE = {"ph", "bpt", "ept", "it"}
SUFFIXES = (".xlf", ".xliff")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element | None) -> str:
    """Text of a source/target element, inline codes skipped, their tails kept."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        name = _local(child.tag)
        if name == "cp":  # 2.x: a character XML cannot carry
            parts.append(chr(int(child.get("hex", "20"), 16)))
        elif name not in _CODE:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lang(code: str | None, path: Path, what: str) -> Lang:
    value = (code or "").lower()
    for lang in Lang:
        if value.startswith(lang.value):
            return lang
    raise GlossaryInputError(f"{path}: {what} is {code!r}, not Chinese or English; paraterm checks zh<->en files only")


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if _local(c.tag) == name]


def _descendants(element: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in element.iter() if _local(e.tag) == name]


def _units(root: ET.Element, version: str) -> list[tuple[str, str]]:
    """``(source, target)`` texts in document order."""
    if version.startswith("1"):
        units = _descendants(root, "trans-unit")
        return [(_text(next(iter(_children(u, "source")), None)), _text(next(iter(_children(u, "target")), None))) for u in units]
    out = []
    for unit in _descendants(root, "unit"):
        for segment in _children(unit, "segment"):
            src = next(iter(_children(segment, "source")), None)
            tgt = next(iter(_children(segment, "target")), None)
            out.append((_text(src), _text(tgt)))
    return out


def read_xliff(path: Path) -> tuple[Alignment, Lang]:
    """The file's units as links, and its source language."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise GlossaryInputError(f"{path}: not valid XML ({error}); export the XLIFF again from the CAT tool") from None
    except OSError as error:
        raise GlossaryInputError(f"{path}: cannot read ({error.strerror}); check the path") from None
    if _local(root.tag) != "xliff":
        raise GlossaryInputError(f"{path}: root element is <{_local(root.tag)}>, not <xliff>; give an XLIFF 1.2 or 2.x file")
    version = root.get("version", "")
    if version.startswith("1"):
        files = _descendants(root, "file")
        if not files:
            raise GlossaryInputError(f"{path}: no <file> element; give an XLIFF 1.2 or 2.x file")
        src = _lang(files[0].get("source-language"), path, "source-language")
        tgt = _lang(files[0].get("target-language"), path, "target-language")
    elif version.startswith("2"):
        src = _lang(root.get("srcLang"), path, "srcLang")
        tgt = _lang(root.get("trgLang"), path, "trgLang")
    else:
        raise GlossaryInputError(f"{path}: XLIFF version {version!r} is not supported; give XLIFF 1.2 or 2.x")
    if src is tgt:
        raise GlossaryInputError(f"{path}: source and target are both {src.value}; give a zh<->en file")
    links: list[Link] = []
    counts = {Lang.ZH: 0, Lang.EN: 0}
    for n, (source, target) in enumerate(_units(root, version)):
        texts = {src: source.strip(), tgt: target.strip()}
        ids = {}
        for lang in Lang:
            ids[lang] = (counts[lang],) if texts[lang] else ()
            counts[lang] += bool(texts[lang])
        links.append(Link(ids[Lang.ZH], ids[Lang.EN], texts[Lang.ZH], texts[Lang.EN], 1.0, (), (n,) if ids[Lang.ZH] else (), (n,) if ids[Lang.EN] else ()))
    if not links:
        raise GlossaryInputError(f"{path}: no translation units found; is the file empty?")
    signature = Signature("paraterm", __version__, "-", (("read_from", f"xliff {version}"),))
    return Alignment(None, None, Level.SENTENCE, links, signature, zh_name=path.name, en_name=path.name), src
