"""align.segment: whole paragraphs with labels and kinds, sentence ids, the public readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.document import Lang, ParagraphKind
from align.errors import InputError
from align.segment import document_from_text, read_document, read_presplit, split_label

NSA = "negative-security-assurances"
CD2133 = "follow-up-2013-high-level-meeting"
T, B, N = ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.NUMBERED


def _read(corpus_dir: Path, name: str, lang: Lang):  # noqa: ANN202
    return read_document(corpus_dir / lang.value / f"{name}.{lang.value}.txt")


# --- the corpus: structure -----------------------------------------------------------

# note-verbale title, its three paragraphs, the paper's title, then the numbered paragraphs
STRUCTURE = {NSA: [T, B, B, B, T] + [N] * 16, CD2133: [T, B, B, B, T] + [N] * 15}


@pytest.mark.parametrize("name", [NSA, CD2133])
@pytest.mark.parametrize("lang", [Lang.ZH, Lang.EN])
def test_corpus_structure(corpus_dir: Path, name: str, lang: Lang) -> None:
    document = _read(corpus_dir, name, lang)
    assert document.lang is lang
    assert [p.kind for p in document.paragraphs] == STRUCTURE[name]
    numbered = [p.label for p in document.paragraphs if p.kind is N]
    assert numbered == [f"{i}." for i in range(1, len(numbered) + 1)]
    assert [p.label for p in document.paragraphs[:5]] == [None] * 5
    assert [p.id for p in document.paragraphs] == list(range(len(document.paragraphs)))


@pytest.mark.parametrize("name", [NSA, CD2133])
def test_zh_and_en_paragraphs_correspond(corpus_dir: Path, name: str) -> None:
    zh, en = _read(corpus_dir, name, Lang.ZH), _read(corpus_dir, name, Lang.EN)
    assert [(p.kind, p.label) for p in zh.paragraphs] == [(p.kind, p.label) for p in en.paragraphs]
    # the renderings follow the Chinese sentence by sentence, paragraph by paragraph
    assert [len(p.sentences) for p in zh.paragraphs] == [len(p.sentences) for p in en.paragraphs]


BOUNDARIES = [
    (NSA, Lang.ZH, 0, "越南社会主义共和国常驻联合国", "致裁军谈判会议秘书处的普通照会"),
    (NSA, Lang.ZH, 3, "顺致最崇高的敬意", "顺致最崇高的敬意"),
    (NSA, Lang.ZH, 4, "消极安全保证", "消极安全保证"),
    (NSA, Lang.ZH, 5, "21 国集团重申，彻底消除核武器是防止使用", "以一视同仁和可核查方式消除核武器达成一致。"),
    (NSA, Lang.ZH, 20, "本集团注意到裁军谈判会议按照 CD/1978 号文件", "在附属机构 4 内就消极安全保证问题进行实质性讨论。"),
    (NSA, Lang.EN, 0, "Note verbale dated 3 August 2018", "in its capacity as Coordinator of the Group of 21"),
    (NSA, Lang.EN, 4, "Negative security assurances", "Negative security assurances"),
    (NSA, Lang.EN, 5, "The Group of 21 reaffirms that the total elimination", "within a clearly specified time frame."),
    (NSA, Lang.EN, 20, "The Group takes note of the substantive", "in accordance with decisions CD/2119 and CD/2126."),
    (CD2133, Lang.ZH, 0, "2018 年 8 月 3 日越南社会主义共和国", "致裁军谈判会议秘书处的普通照会"),
    (CD2133, Lang.ZH, 4, "2013 年核裁军问题大会高级别会议的后续行动", "高级别会议的后续行动"),
    (CD2133, Lang.ZH, 5, "2013 年 9 月 26 日举行的核裁军问题大会", "在会上阐述了本国对核裁军的明确立场和政策。"),
    (CD2133, Lang.ZH, 19, "因此，我们请裁谈会主席", "并吁请本会议各成员国支持这个重要倡议。"),
    (CD2133, Lang.EN, 4, "Follow-up to the 2013 high-level meeting", "of the General Assembly on nuclear disarmament"),
    (CD2133, Lang.EN, 5, "The high-level meeting of the General Assembly", "policies of their countries on nuclear disarmament."),
    (CD2133, Lang.EN, 19, "We therefore invite the President", "to support this important initiative."),
]


@pytest.mark.parametrize(("name", "lang", "index", "start", "end"), BOUNDARIES)
def test_paragraph_boundaries(corpus_dir: Path, name: str, lang: Lang, index: int, start: str, end: str) -> None:
    text = _read(corpus_dir, name, lang).paragraphs[index].text
    assert text.startswith(start) and text.endswith(end)


@pytest.mark.parametrize("name", [NSA, CD2133])
@pytest.mark.parametrize("lang", [Lang.ZH, Lang.EN])
def test_sentences_cover_each_paragraph(corpus_dir: Path, name: str, lang: Lang) -> None:
    document = _read(corpus_dir, name, lang)
    assert [s.id for s in document.sentences] == list(range(len(document.sentences)))
    joiner = "" if lang is Lang.ZH else " "
    for paragraph in document.paragraphs:
        assert all(s.paragraph == paragraph.id for s in paragraph.sentences)
        assert joiner.join(s.text for s in paragraph.sentences) == paragraph.text


def test_corpus_sentence_counts(corpus_dir: Path) -> None:
    counts = {(name, lang): len(_read(corpus_dir, name, lang).sentences) for name in (NSA, CD2133) for lang in Lang}
    assert counts == {(NSA, Lang.ZH): 47, (NSA, Lang.EN): 47, (CD2133, Lang.ZH): 32, (CD2133, Lang.EN): 32}


def test_a_quotation_ending_the_sentence_stays_with_it(corpus_dir: Path) -> None:
    paragraph = _read(corpus_dir, NSA, Lang.ZH).paragraphs[16]  # para. 12: “呼吁……武器区”，并重申
    assert any(s.text.startswith("属于 21 国集团的《不扩散核武器条约》缔约国还深表关切的是") and s.text.endswith("全面执行该决议。")
               for s in paragraph.sentences)


# --- labels and kinds ----------------------------------------------------------------

LABELS = [
    ("1. The Group", ("1.", "The Group")),
    ("12. 本集团", ("12.", "本集团")),
    ("1．本集团", ("1．", "本集团")),
    ("(a) the first", ("(a)", "the first")),
    ("（a）第一项", ("（a）", "第一项")),
    ("(iv) the fourth", ("(iv)", "the fourth")),
    ("一、导言", ("一、", "导言")),
    ("A. Introduction", ("A.", "Introduction")),
    ("IV. Conclusions", ("IV.", "Conclusions")),
    ("2018 年 8 月", (None, "2018 年 8 月")),
    ("2.5 per cent of the budget.", (None, "2.5 per cent of the budget.")),
    ("68/32 号决议", (None, "68/32 号决议")),
    ("1.", (None, "1.")),
]


@pytest.mark.parametrize(("paragraph", "expected"), LABELS)
def test_split_label(paragraph: str, expected: tuple[str | None, str]) -> None:
    assert split_label(paragraph) == expected


def test_kinds_from_text() -> None:
    text = "Report title\n\nAn opening paragraph.\n\n1. The first.\n\nA. A section heading\n\n(a) A sub-item.\n\nAfter the heading"
    document = document_from_text(text, Lang.EN)
    assert [(p.kind, p.label) for p in document.paragraphs] == [
        (ParagraphKind.TITLE, None), (ParagraphKind.BODY, None), (ParagraphKind.NUMBERED, "1."),
        (ParagraphKind.HEADING, "A."), (ParagraphKind.NUMBERED, "(a)"), (ParagraphKind.HEADING, None),
    ]


# --- public functions ----------------------------------------------------------------


def test_document_from_text_detects_the_language() -> None:
    document = document_from_text("本集团重申。本集团强调。")
    assert document.lang is Lang.ZH and document.path is None and document.name == "<text>"
    assert [s.text for s in document.sentences] == ["本集团重申。", "本集团强调。"]
    assert document.warnings == ()


def test_forced_language_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text("本集团重申，彻底消除核武器是唯一绝对保证。", encoding="utf-8")
    document = read_document(path, Lang.EN)
    assert document.lang is Lang.EN
    assert document.warnings == (
        f"{path}: read as English (--lang en) but 100% of its letters are Chinese; check the file or drop --lang",
    )


def test_empty_text_is_an_error() -> None:
    with pytest.raises(InputError) as error:
        document_from_text("  \n ")
    assert str(error.value) == "<text>: the document is empty (no text found); give a file with text in it"


def test_only_headers_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "headers.txt"
    path.write_text("CD/2133\n\nGE.18-13667\n3\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_document(path)
    assert str(error.value) == f"{path}: no text left after removing headers, footers and page numbers; check the file"


def test_read_document_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Negative security assurances")
    document.add_paragraph("The Group reaffirms. It recalls para. 5.", style="List Number")
    path = tmp_path / "nsa.docx"
    document.save(str(path))
    read = read_document(path)
    assert [(p.kind, p.label, p.text) for p in read.paragraphs] == [
        (ParagraphKind.TITLE, None, "Negative security assurances"),
        (ParagraphKind.NUMBERED, "1.", "The Group reaffirms. It recalls para. 5."),
    ]
    assert [s.text for s in read.sentences] == ["Negative security assurances", "The Group reaffirms.", "It recalls para. 5."]


def test_read_presplit_with_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("First sentence.\nSecond one.\n\n\nThird, new paragraph.\n", encoding="utf-8")
    document = read_presplit(path)
    assert [[s.text for s in p.sentences] for p in document.paragraphs] == [
        ["First sentence.", "Second one."], ["Third, new paragraph."],
    ]
    assert [s.id for s in document.sentences] == [0, 1, 2]
    assert document.paragraphs[0].text == "First sentence. Second one."


def test_read_presplit_without_blank_lines_is_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text("第一句。\nCD/2133\n第三句。\n", encoding="utf-8")  # no cleaning: CD/2133 stays
    document = read_presplit(path)
    assert document.lang is Lang.ZH and len(document.paragraphs) == 1
    assert [s.text for s in document.sentences] == ["第一句。", "CD/2133", "第三句。"]
    assert document.paragraphs[0].text == "第一句。CD/2133第三句。"


def test_read_document_pdf_rebuilds_paragraphs_across_pages(tmp_path: Path) -> None:
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, "CD/2133", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, f"{self.page_no()} GE.18-13667")

    sentence = (
        "The Group underlines the importance of commemorating 26 September as the International Day "
        "for the Total Elimination of Nuclear Weapons. In this regard, the Group commends the Member "
        "States, the United Nations system and civil society."
    )
    pdf = Paper()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Follow-up to the 2013 high-level meeting", new_x="LMARGIN", new_y="NEXT")
    for number in range(1, 13):  # long enough to run onto a second page
        pdf.multi_cell(0, 6, f"{number}. {sentence} {sentence}", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "cd2133.pdf"
    pdf.output(str(path))
    document = read_document(path)
    assert document.meta.symbol == "CD/2133" and document.meta.job_number == "GE.18-13667"
    assert document.meta.removed_lines == ("CD/2133", "1 GE.18-13667", "CD/2133", "2 GE.18-13667")
    assert [(p.kind, p.label) for p in document.paragraphs] == [(T, None)] + [(N, f"{i}.") for i in range(1, 13)]
    assert all(p.text == f"{sentence} {sentence}" for p in document.paragraphs[1:])
    assert len(document.sentences) == 1 + 12 * 4
