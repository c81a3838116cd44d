"""TBX-Basic (TBX v3, ISO 30042:2019, DCA style): ``conceptEntry/langSec/termSec``.

One concept entry per glossary row. Preferred forms are ``preferredTerm-admn-sts``,
variants ``admittedTerm-admn-sts`` (acronyms also carry ``termType`` acronym), forbidden
forms ``deprecatedTerm-admn-sts``. The review status and the reviewer's note travel as
concept-level ``note`` elements. The reader also accepts TBX v2 (``martif``/``termEntry``/
``langSet``/``tig``), matching elements by local name.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from align.export.atomic import atomic_path
from glossary.errors import GlossaryInputError
from glossary.term import Status, Term

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
STATUS_NOTE = "paraterm status: "
_HAN = re.compile(r"[\u3400-\u9fff]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]+s?$")


def write_tbx(terms: list[Term], path: Path | str, title: str = "paraterm glossary") -> Path:
    """Write ``terms`` as a TBX-Basic v3 file; return the path."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(_q("tbx"), {"style": "dca", "type": "TBX-Basic", XML_LANG: "en"})
    header = ET.SubElement(root, _q("tbxHeader"))
    file_desc = ET.SubElement(header, _q("fileDesc"))
    title_stmt = ET.SubElement(file_desc, _q("titleStmt"))
    ET.SubElement(title_stmt, _q("title")).text = title
    source = ET.SubElement(file_desc, _q("sourceDesc"))
    ET.SubElement(source, _q("p")).text = "Exported by paraterm glossary export"
    body = ET.SubElement(ET.SubElement(root, _q("text")), _q("body"))
    for number, term in enumerate(terms, start=1):
        entry = ET.SubElement(body, _q("conceptEntry"), {"id": f"c{number}"})
        ET.SubElement(entry, _q("note")).text = STATUS_NOTE + term.status.value
        if term.note:
            ET.SubElement(entry, _q("note")).text = term.note
        forbidden_zh = tuple(f for f in term.forbidden if _HAN.search(f))
        forbidden_en = tuple(f for f in term.forbidden if not _HAN.search(f))
        _lang(entry, "zh", term.zh, term.zh_variants, forbidden_zh)
        _lang(entry, "en", term.en, term.en_variants, forbidden_en)
    ET.indent(root)
    path = Path(path)
    tree = ET.ElementTree(root)
    with atomic_path(path) as temp, open(temp, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")
    return path


def _q(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _lang(entry: ET.Element, lang: str, main: str, variants: tuple[str, ...], forbidden: tuple[str, ...]) -> None:
    section = ET.SubElement(entry, _q("langSec"), {XML_LANG: lang})
    for text, status in [(main, PREFERRED)] + [(v, ADMITTED) for v in variants] + [(f, DEPRECATED) for f in forbidden]:
        term_sec = ET.SubElement(section, _q("termSec"))
        ET.SubElement(term_sec, _q("term")).text = text
        ET.SubElement(term_sec, _q("termNote"), {"type": "administrativeStatus"}).text = status
        if lang == "en" and _ACRONYM.match(text) and text != main:
            ET.SubElement(term_sec, _q("termNote"), {"type": "termType"}).text = "acronym"


def read_tbx(path: Path | str) -> list[Term]:
    """Read the concepts of a TBX file (v3 DCA, or v2 martif) as glossary rows."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise GlossaryInputError(f"{path}: not well-formed XML ({error}); give a valid TBX file") from None
    except OSError as error:
        raise GlossaryInputError(f"{path}: cannot read ({error.strerror}); check the path") from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryInputError(f"{path}: root element is <{_local(root.tag)}>, not <tbx>; give a TBX file")
    terms = []
    for entry in root.iter():
        if _local(entry.tag) in ("conceptEntry", "termEntry"):
            term = _concept(entry)
            if term is not None:
                terms.append(term)
    return terms


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _concept(entry: ET.Element) -> Term | None:
    status, notes = Status.CANDIDATE, []
    forms: dict[str, list[tuple[str, str]]] = {"zh": [], "en": []}
    for child in entry:
        name = _local(child.tag)
        if name == "note" and child.text:
            text = child.text.strip()
            if text.startswith(STATUS_NOTE):
                value = text[len(STATUS_NOTE) :].strip()
                status = Status(value) if value in {s.value for s in Status} else Status.CANDIDATE
            else:
                notes.append(text)
        elif name in ("langSec", "langSet"):
            lang = (child.get(XML_LANG) or child.get("lang") or "").lower().split("-")[0]
            if lang in forms:
                forms[lang] += _terms_of(child)
    zh = [t for t, s in forms["zh"] if s != DEPRECATED]
    en = [t for t, s in forms["en"] if s != DEPRECATED]
    if not zh or not en:
        return None
    zh_main = next((t for t, s in forms["zh"] if s == PREFERRED), zh[0])
    en_main = next((t for t, s in forms["en"] if s == PREFERRED), en[0])
    return Term(
        zh=zh_main,
        en=en_main,
        zh_variants=tuple(t for t in zh if t != zh_main),
        en_variants=tuple(t for t in en if t != en_main),
        forbidden=tuple(t for lang in ("zh", "en") for t, s in forms[lang] if s == DEPRECATED),
        status=status,
        note="\n".join(notes),
    )


def _terms_of(section: ET.Element) -> list[tuple[str, str]]:
    found = []
    for term_sec in section:
        if _local(term_sec.tag) not in ("termSec", "tig", "ntig"):
            continue
        text, status = "", ADMITTED
        for node in term_sec.iter():
            if _local(node.tag) == "term" and node.text:
                text = node.text.strip()
            elif _local(node.tag) == "termNote" and node.get("type") == "administrativeStatus" and node.text:
                status = node.text.strip()
        if text:
            found.append((text, status))
    return found
