"""Every command is documented: help text with an example, and a row in the README."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help_with_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`thidua {name} --help` has no example"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_is_in_readme(name):
    assert f"`thidua {name}" in README


def test_core_commands_are_registered():
    assert {"run", "extract", "eval"} <= set(cli.commands)
