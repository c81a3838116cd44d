"""The CLI edge: every error is one line on stderr with the right exit code."""

from __future__ import annotations

from typer.testing import CliRunner

from paraterm import app

runner = CliRunner()


def test_unknown_command_is_one_line_usage_error() -> None:
    result = runner.invoke(app, ["nosuch"])
    assert result.exit_code == 2
    assert result.stderr == "paraterm: No such command 'nosuch'. (see 'paraterm --help')\n"


def test_bad_option_value_names_the_command() -> None:
    result = runner.invoke(app, ["segment", "corpus/en/negative-security-assurances.en.txt", "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("paraterm segment: Invalid value for '--format'")
    assert result.stderr.endswith("(see 'paraterm segment --help')\n")


def test_missing_argument() -> None:
    result = runner.invoke(app, ["segment"])
    assert result.exit_code == 2
    assert result.stderr == "paraterm segment: Missing argument 'FILE'. (see 'paraterm segment --help')\n"


def test_library_input_error_exits_1_without_traceback() -> None:
    result = runner.invoke(app, ["segment", "/nonexistent/x.txt"])
    assert result.exit_code == 1
    assert result.stderr == "paraterm: /nonexistent/x.txt: file not found; check the path\n"
    assert result.stdout == ""


def test_version() -> None:
    from align import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"paraterm {__version__}\n"
