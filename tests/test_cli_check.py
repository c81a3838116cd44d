"""paraterm check: exit codes 0/1/2, terminal output, reports, bilingual inputs, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.export import write_alignment
from paraterm import app
from tests.test_check_pair import make_alignment
from tests.test_check_xliff import XLIFF12

GLOSSARY = """zh,en,zh_variants,en_variants,forbidden,status,note
无核武器区,nuclear-weapon-free zone,,NWFZ,无核区,approved,
消极安全保证,negative security assurances,,,,approved,
核大国,nuclear powers,,,,rejected,not a term
"""
CLEAN = [
    ("The Group supports nuclear-weapon-free zones.", "本集团支持无核武器区。"),
    ("Negative security assurances were discussed in 2018.", "2018 年讨论了消极安全保证。"),
]
FAULTY = [
    ("The Group supports nuclear-weapon-free zones.", "本集团支持无核区。"),
    ("Negative security assurances were discussed in 2018.", "2019 年讨论了消极安全保证。"),
]


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    glossary = tmp_path / "terms.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    clean, faulty = tmp_path / "clean.jsonl", tmp_path / "faulty.jsonl"
    write_alignment(make_alignment(CLEAN), clean)
    write_alignment(make_alignment(FAULTY), faulty)
    xliff = tmp_path / "job.xlf"
    xliff.write_text(XLIFF12, encoding="utf-8")
    return {"glossary": glossary, "clean": clean, "faulty": faulty, "xliff": xliff, "dir": tmp_path}


def run(*args: str):
    return CliRunner().invoke(app, ["check", *args])


def test_clean_translation_exits_0(files: dict[str, Path]) -> None:
    result = run(str(files["clean"]), "--glossary", str(files["glossary"]))
    assert result.exit_code == 0, result.stderr
    assert "paraterm check: en.txt (en) -> zh.txt (zh)" in result.stdout
    assert "total" in result.stdout and "F0001" not in result.stdout
    assert result.stderr == ""


def test_findings_at_error_exit_1_and_are_printed_with_locations(files: dict[str, Path]) -> None:
    result = run(str(files["faulty"]), "-g", str(files["glossary"]))
    assert result.exit_code == 1
    out = result.stdout
    assert "term-forbidden" in out and "number-mismatch" in out and "term-missing" in out
    assert "F0001 error term-missing  source has 'nuclear-weapon-free zones' 1x, target has 无核武器区 0x" in out
    assert "  target ¶1 s0: 本集团支持无核区。" in out
    assert "missing 2018; extra 2019" in out


def test_fail_on_never_and_disabled_checks(files: dict[str, Path]) -> None:
    assert run(str(files["faulty"]), "-g", str(files["glossary"]), "--fail-on", "never").exit_code == 0
    result = run(
        str(files["faulty"]), "-g", str(files["glossary"]),
        "--disable", "term-missing", "--disable", "term-forbidden", "--disable", "number-mismatch",
    )  # fmt: skip
    assert result.exit_code == 0 and "F0001" not in result.stdout


def test_fail_on_warning_counts_warnings(files: dict[str, Path]) -> None:
    rows = [*CLEAN, ("", "本集团还表示感谢。")]  # an addition is a warning
    path = files["dir"] / "added.jsonl"
    write_alignment(make_alignment(rows), path)
    assert run(str(path), "-g", str(files["glossary"])).exit_code == 0
    assert run(str(path), "-g", str(files["glossary"]), "--fail-on", "warning").exit_code == 1


def test_report_is_written_in_the_format_of_its_extension(files: dict[str, Path]) -> None:
    out = files["dir"] / "report.jsonl"
    result = run(str(files["faulty"]), "-g", str(files["glossary"]), "-o", str(out))
    assert result.exit_code == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["check"] for line in lines[1:]] == ["term-missing", "term-forbidden", "number-mismatch"]
    assert result.stderr == f"wrote {out} (3 findings)\n"


def test_xliff_alone_with_its_own_source_language(files: dict[str, Path]) -> None:
    result = run(str(files["xliff"]), "-g", str(files["glossary"]))
    assert result.exit_code == 1  # the third unit has no target: an omission
    assert "omission" in result.stdout and "Not yet translated." in result.stdout


def test_zh_source_for_a_bilingual_file(files: dict[str, Path]) -> None:
    result = run(str(files["clean"]), "-g", str(files["glossary"]), "--source-lang", "zh")
    assert result.exit_code == 0 and "zh.txt (zh) -> en.txt (en)" in result.stdout


BAD = [
    # (arguments, what stderr says) — every input or usage problem exits 2
    (["{dir}/notes.txt"], "a single input must be a bilingual file (.jsonl, .tmx, .xlsx, .tsv, .xlf, .xliff); to check two documents give SOURCE and TARGET"),
    (["{faulty}", "-g", "{faulty}"], "unknown glossary format '.jsonl'"),
    (["{faulty}", "-o", "{dir}/report.pdf"], "unknown report format '.pdf'; use .xlsx, .html or .jsonl"),
    (["{dir}/broken.xlf"], "not valid XML"),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input_exits_2_with_one_line(files: dict[str, Path], args: list[str], message: str) -> None:
    (files["dir"] / "notes.txt").write_text("hello", encoding="utf-8")
    (files["dir"] / "broken.xlf").write_text("<xliff", encoding="utf-8")
    result = run(*[a.format(dir=files["dir"], faulty=files["faulty"]) for a in args])
    assert result.exit_code == 2
    assert result.stderr.startswith("paraterm: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_missing_file_is_a_usage_error(files: dict[str, Path]) -> None:
    result = run(str(files["dir"] / "nope.jsonl"))
    assert result.exit_code == 2 and "does not exist" in result.stderr


STORED_ZH = "1. 本集团重申支持无核武器区。\n\n2. 2018 年讨论了消极安全保证。\n"
STORED_EN = "1. The Group supports nuclear-weapon-free zones.\n\n2. Negative security assurances were discussed in 2018.\n"


def test_db_compares_with_the_stored_translations(files: dict[str, Path]) -> None:
    docs, db = files["dir"] / "docs", files["dir"] / "c.sqlite"
    docs.mkdir()
    (docs / "old.zh.txt").write_text(STORED_ZH, encoding="utf-8")
    (docs / "old.en.txt").write_text(STORED_EN, encoding="utf-8")
    added = CliRunner().invoke(app, ["corpus", "add", str(docs), "--db", str(db), "--model", "test:hashed", "--quiet"])
    assert added.exit_code == 0, added.output
    args = (str(files["clean"]), "-g", str(files["glossary"]), "--fail-on", "warning", "-o", str(files["dir"] / "r.jsonl"))
    assert run(*args).exit_code == 0
    result = run(*args, "--db", str(db))
    assert result.exit_code == 1, result.output
    rows = [json.loads(line) for line in (files["dir"] / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    found = [(r["check"], r["expected"], r["found"], r["note"]) for r in rows if "check" in r]
    assert found == [
        ("inconsistency", "本集团重申支持无核武器区。", "本集团支持无核武器区。",
         "same source sentence rendered differently in the corpus at old.zh.txt ¶1[1.] s0"),
    ]


def test_db_that_does_not_exist_exits_2(files: dict[str, Path]) -> None:
    db = files["dir"] / "none.sqlite"
    result = run(str(files["clean"]), "--db", str(db))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"paraterm: {db}: no corpus database here; run 'paraterm corpus add PATH --db {db}' first\n"
