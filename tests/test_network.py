"""align.network: loading the default model's directory without sentence-transformers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from align.errors import ModelError
from align.network import default_network


def test_a_damaged_default_model_directory_is_a_model_error(tmp_path: Path) -> None:
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": True}), encoding="utf-8")
    (tmp_path / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 512}), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        default_network(tmp_path)
    assert str(caught.value) == (f"{tmp_path}: the converted default model is damaged (not mean pooling); "
                                 "convert it again with `paraterm model prepare --force`")


def test_a_default_model_directory_without_weights_is_a_model_error(tmp_path: Path) -> None:
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_mean_tokens": True}), encoding="utf-8")
    (tmp_path / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 512}), encoding="utf-8")
    with pytest.raises(ModelError, match=r"the converted default model is damaged \(.+\); convert it again with "):
        default_network(tmp_path)
