"""JSONL export: header + one object per link, read back losslessly; format dispatch."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest

from align.alignment import Level
from align.errors import InputError, UsageError
from align.export import Format, format_for, read_alignment, write_alignment
from tests.export_samples import sample_alignment


def test_header_carries_signature_files_level_warnings_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    write_alignment(sample_alignment(), path)
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert header["format"] == "paraterm-alignment"
    assert header["signature"] == "paraterm 0.1.0|model:multilingual-e5-small-q4|max_bead:5|low_confidence:0.5"
    assert header["settings"] == {"max_bead": "5", "low_confidence": "0.5"}
    assert (header["level"], header["zh_file"], header["en_file"]) == ("sentence", "corpus/zh/x.zh.txt", "corpus/en/x.en.txt")
    assert header["warnings"] == ["the English side is 5× shorter than expected; wrong file?"]
    assert header["counts"] == {"links": 6, "unaligned": 2, "low_confidence": 1, "merged": 2}


def test_one_object_per_link_with_empty_list_for_the_unaligned_side(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    write_alignment(sample_alignment(), path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(rows) == 6
    assert rows[1] == {
        "zh_ids": [1], "en_ids": [1, 2], "zh": "1. 第21国集团重申。", "en": "1. The Group of 21 reaffirms. It recalls.",
        "score": 0.91, "flags": ["merged"], "zh_paragraphs": [1], "en_paragraphs": [1],
    }  # fmt: skip
    assert (rows[2]["zh_ids"], rows[2]["en_ids"], rows[2]["zh"]) == ([], [3], "")
    assert "裁军谈判会议" in path.read_text(encoding="utf-8")  # Chinese kept readable, not \\u-escaped


@pytest.mark.parametrize("level", list(Level))
def test_round_trip_is_lossless(tmp_path: Path, level: Level) -> None:
    original = sample_alignment(level)
    path = tmp_path / "a.jsonl"
    write_alignment(original, path)
    assert read_alignment(path) == original


def test_dash_writes_jsonl_to_the_given_stream() -> None:
    out = io.StringIO()
    write_alignment(sample_alignment(), "-", stream=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 7 and json.loads(lines[0])["format"] == "paraterm-alignment"


@pytest.mark.parametrize(
    ("path", "expected"),
    [("a.xlsx", Format.XLSX), ("A.TMX", Format.TMX), ("a.tsv", Format.TSV), ("a.jsonl", Format.JSONL), ("-", Format.JSONL), (None, Format.JSONL)],
)
def test_extension_picks_the_format(path: str | None, expected: Format) -> None:
    assert format_for(path) is expected


def test_unknown_extension_is_a_usage_error_listing_the_formats() -> None:
    with pytest.raises(UsageError) as caught:
        format_for("out.csv")
    assert str(caught.value) == "out.csv: unknown output format (.csv); use one of .jsonl, .tsv, .tmx, .xlsx, or - for JSONL on stdout"


def test_failed_write_leaves_no_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from align.export import jsonl

    def explode(alignment: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(jsonl, "dumps", explode)
    with pytest.raises(RuntimeError):
        write_alignment(sample_alignment(), tmp_path / "a.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    from align.export.atomic import atomic_write

    path = tmp_path / "a.jsonl"
    path.write_text("previous", encoding="utf-8")

    def half_write(tmp: Path) -> None:
        tmp.write_text("half a fi", encoding="utf-8")
        raise OSError("device gone")

    with pytest.raises(OSError):
        atomic_write(path, half_write)
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"] and path.read_text(encoding="utf-8") == "previous"


def test_missing_output_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        write_alignment(sample_alignment(), tmp_path / "no" / "a.jsonl")
    assert str(caught.value) == f"{tmp_path}/no/a.jsonl: directory {tmp_path}/no does not exist; create it first or choose another -o path"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "{p}: empty file; give a .jsonl written by paraterm align"),
        ('{"zh_ids": [0]}\n', "{p}:1: first line is not a paraterm header; give a .jsonl written by paraterm align"),
        ("not json\n", "{p}:1: not JSON (Expecting value); the file may be truncated"),
    ],
)
def test_unreadable_jsonl_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_alignment(path)
    assert str(caught.value) == message.format(p=path)


def test_truncated_link_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    write_alignment(sample_alignment(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:3] + ['{"zh_ids": [5], "en_ids": [6]}']), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_alignment(path)
    assert str(caught.value) == f"{path}:4: not a link (missing or bad 'zh'); expected zh_ids, en_ids, zh, en, score"


def test_reading_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_alignment(tmp_path / "gone.tmx")
    assert str(caught.value) == f"{tmp_path}/gone.tmx: file not found; check the path"


def test_written_files_get_the_usual_permissions(tmp_path: Path) -> None:
    from align.export.atomic import atomic_write_text

    target = tmp_path / "out.txt"
    mask = os.umask(0o022)
    try:
        atomic_write_text(target, "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
