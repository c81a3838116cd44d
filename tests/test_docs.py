"""The README documents every command, and its examples run against the real CLI."""

from __future__ import annotations

import re

import typer.main

import paraterm
from tests.conftest import ROOT


def _command_paths(command: object, prefix: str = "paraterm") -> list[str]:
    if hasattr(command, "commands"):  # a group (typer vendors its own click)
        paths = []
        for name, sub in sorted(command.commands.items()):
            paths.extend(_command_paths(sub, f"{prefix} {name}"))
        return paths
    return [prefix]


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _command_paths(typer.main.get_command(paraterm.app))
    assert len(commands) >= 4
    missing = [c for c in commands if not re.search(rf"^#+ .*`{re.escape(c)}", readme, re.M)]
    assert missing == [], f"commands without a README heading: {missing}"


def test_readme_states_the_two_setup_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "make test" in ci
