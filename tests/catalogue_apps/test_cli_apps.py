"""catalog.cli_apps: trace, export, chart and serve as commands; one-line errors, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from catalog.cli_apps import COMMANDS
from catalog.export import read_export

cli = click.Group("thidua", commands={c.name: c for c in COMMANDS})


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_commands_listed() -> None:
    assert sorted(c.name for c in COMMANDS) == ["chart", "export", "serve", "trace"]


@pytest.mark.parametrize("path", [["trace"], ["export"], ["chart"], ["chart", "campaign"], ["chart", "awards"],
                                  ["serve"]])
def test_help_has_an_example(path: list[str]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "thidua " in result.output


def test_trace_text_and_json(db_path: Path) -> None:
    result = run("trace", "chung tay vi nguoi ngheo", "--db", str(db_path))
    assert result.exit_code == 0
    assert "First published by Sở TT&TT Gia Lai on 2021-03-02" in result.stdout
    data = json.loads(run("trace", "Dân vận khéo", "--db", str(db_path), "--json").stdout)
    assert data["first_publisher"] == "Sở TT&TT Bình Dương" and data["articles"] == 1


@pytest.mark.parametrize("args, message", [
    (["trace", "nông thôn mới"], "Error: unknown campaign 'nông thôn mới'; closest known: "),
    (["export", "khen_thuong"], "Error: unknown table or view: 'khen_thuong'; available: "),
    (["chart", "campaign", "nông thôn mới", "-o", "{tmp}/c.png"], "Error: unknown campaign 'nông thôn mới'"),
    (["chart", "awards", "--year", "1990", "-o", "{tmp}/a.png"], "Error: no awards for year 1990"),
])
def test_errors_are_one_line_exit_1(db_path: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = run(*[a.replace("{tmp}", str(tmp_path)) for a in args], "--db", str(db_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["trace", "Dân vận khéo"], ["export", "awards"], ["serve"],
                                     ["chart", "awards", "-o", "x.png"]])
def test_missing_catalogue(tmp_path: Path, command: list[str]) -> None:
    result = run(*command, "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: catalogue not found: {tmp_path / 'missing.db'}\n"
    assert not (tmp_path / "missing.db").exists()


def test_export_to_file_and_stdout(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "awards.json"
    result = run("export", "awards_by_province_year", "--format", "json", "-o", str(out), "--db", str(db_path))
    assert result.exit_code == 0 and "5 rows" in result.stderr
    from_file = read_export(out, "json")
    from_stdout = read_export(run("export", "awards_by_province_year", "--db", str(db_path)).stdout, "csv")
    assert from_file == from_stdout and len(from_file) == 5


def test_chart_commands_write_pngs(db_path: Path, tmp_path: Path) -> None:
    cov = tmp_path / "coverage.png"
    result = run("chart", "campaign", "chung tay vì người nghèo", "-o", str(cov), "--width", "800", "--height", "400",
                 "--db", str(db_path))
    assert result.exit_code == 0, result.stderr
    assert cov.read_bytes()[16:24] == (800).to_bytes(4, "big") + (400).to_bytes(4, "big")
    awards = tmp_path / "awards.png"
    result = run("chart", "awards", "--successor", "--year", "2021", "-o", str(awards), "--db", str(db_path))
    assert result.exit_code == 0, result.stderr
    assert awards.read_bytes()[16:24] == (1200).to_bytes(4, "big") + (600).to_bytes(4, "big")
