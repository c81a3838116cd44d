"""INPUTs of glossary build: aligned files, ZH EN pairs, folders with zh/ and en/."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import UsageError
from align.export import write_alignment
from glossary.errors import GlossaryInputError
from glossary.inputs import DocumentPair, load_alignments, plan, stem
from tests.glossary_samples import sample_alignment


@pytest.mark.parametrize(
    "name, expected",
    [("negative-security-assurances.zh.txt", "negative-security-assurances"), ("report_en.docx", "report"),
     ("report-EN.pdf", "report"), ("plain.txt", "plain")],
)
def test_stem_strips_the_language_marker(name: str, expected: str) -> None:
    assert stem(Path(name)) == expected


def _folder(tmp_path: Path) -> Path:
    for lang, names in {"zh": ["a.zh.txt", "b.zh.txt", "only.zh.txt"], "en": ["a.en.txt", "b.en.txt", "notes.md"]}.items():
        (tmp_path / "c" / lang).mkdir(parents=True, exist_ok=True)
        for name in names:
            (tmp_path / "c" / lang / name).write_text("x", encoding="utf-8")
    return tmp_path / "c"


def test_folder_pairs_by_stem(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    work = plan([folder])
    assert work.pairs == (
        DocumentPair(folder / "zh" / "a.zh.txt", folder / "en" / "a.en.txt"),
        DocumentPair(folder / "zh" / "b.zh.txt", folder / "en" / "b.en.txt"),
    )
    assert work.warnings == (f"{folder / 'zh' / 'only.zh.txt'}: no partner in {folder / 'en'}; skipped",)


def test_documents_come_in_pairs(tmp_path: Path) -> None:
    zh, en = tmp_path / "x.zh.txt", tmp_path / "x.en.txt"
    zh.write_text("中", encoding="utf-8")
    en.write_text("e", encoding="utf-8")
    assert plan([zh, en]).pairs == (DocumentPair(zh, en),)
    with pytest.raises(UsageError, match=r"x.zh.txt: a document without its partner; give documents in pairs: ZH EN$"):
        plan([zh])


def test_bad_inputs(tmp_path: Path) -> None:
    with pytest.raises(GlossaryInputError, match=r"missing.jsonl: file or folder not found; check the path$"):
        plan([tmp_path / "missing.jsonl"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(GlossaryInputError, match=r"empty: a folder input needs zh/ and en/ subfolders; put the documents there$"):
        plan([tmp_path / "empty"])
    odd = tmp_path / "x.csv"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match=r"x.csv: cannot use a '.csv' file"):
        plan([odd])


def test_aligned_files_are_read_and_pairs_aligned(tmp_path: Path) -> None:
    aligned = tmp_path / "nsa.jsonl"
    write_alignment(sample_alignment(), aligned)
    folder = _folder(tmp_path)
    seen = []

    def aligner(zh, en, encoder=None):
        seen.append((zh.path.name, en.path.name, encoder))
        return sample_alignment(name=zh.path.name)

    alignments, warnings = load_alignments([aligned, folder], encoder="enc", aligner=aligner)
    assert len(alignments) == 3 and len(alignments[0].links) == len(sample_alignment().links)
    assert alignments[0].links[3].zh == sample_alignment().links[3].zh
    assert seen == [("a.zh.txt", "a.en.txt", "enc"), ("b.zh.txt", "b.en.txt", "enc")]
    assert len(warnings) == 1
