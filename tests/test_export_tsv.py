"""TSV export: comment preamble, header row, escaped text, read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import InputError
from align.export import read_alignment, write_alignment
from align.export.tsv import escape, unescape
from tests.export_samples import sample_alignment


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "a.tsv"
    write_alignment(sample_alignment(), path)
    return path


def test_header_row_then_one_line_per_link(tmp_path: Path) -> None:
    lines = [line for line in _written(tmp_path).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines[0].split("\t") == ["zh_ids", "en_ids", "score", "flags", "zh", "en", "zh_paragraphs", "en_paragraphs"]
    assert len(lines) == 7  # header + six links, each on one line despite tabs and newlines in the text
    assert all(len(line.split("\t")) == 8 for line in lines)
    assert lines[2].split("\t")[:4] == ["1", "1 2", "0.9100", "merged"]
    assert lines[3].split("\t")[:2] == ["", "3"]  # unaligned English sentence: no Chinese id


def test_preamble_carries_signature_and_files(tmp_path: Path) -> None:
    preamble = [line for line in _written(tmp_path).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert preamble == [
        "# signature: paraterm 0.1.0|model:multilingual-e5-small-q4|max_bead:5|low_confidence:0.5",
        "# level: sentence",
        "# zh_file: corpus/zh/x.zh.txt",
        "# en_file: corpus/en/x.en.txt",
        "# warning: the English side is 5× shorter than expected; wrong file?",
    ]


def test_tabs_and_newlines_are_escaped_in_the_file(tmp_path: Path) -> None:
    text = _written(tmp_path).read_text(encoding="utf-8")
    assert "是公式吗？\\t制表符\\n换行" in text


def test_round_trip(tmp_path: Path) -> None:
    # scores are written with four decimals; the sample's scores need no more
    assert read_alignment(_written(tmp_path)) == sample_alignment()


@pytest.mark.parametrize("text", ["a\tb", "line\nnext\r\n", "back\\slash \\n literal", "\\", "trailing\\"])
def test_escape_is_reversible(text: str) -> None:
    assert unescape(escape(text)) == text
    assert "\t" not in escape(text) and "\n" not in escape(text)


def test_a_file_without_header_row_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("0\t0\t0.9\t\t中文\tEnglish\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_alignment(path)
    assert str(caught.value) == f"{path}:1: header row lacks zh_ids, en_ids, score, flags, zh, en; give a .tsv written by paraterm align"


def test_bad_ids_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("zh_ids\ten_ids\tscore\tflags\tzh\ten\nx\t0\t0.9\t\t中\ten\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_alignment(path)
    assert str(caught.value) == f"{path}:2: ids must be whole numbers separated by spaces, got 'x'"
