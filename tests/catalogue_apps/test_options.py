"""catalog._options: one --db, --json and -o/--output definition for every catalogue command."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from catalog import cli, cli_apps
from catalog._options import DEFAULT_DB, fail


def leaf_commands() -> list[click.Command]:
    out: list[click.Command] = []
    todo = list(cli.COMMANDS) + list(cli_apps.COMMANDS)
    while todo:
        cmd = todo.pop(0)
        if isinstance(cmd, click.Group):
            todo.extend(cmd.commands.values())
        else:
            out.append(cmd)
    return out


def option(cmd: click.Command, flag: str) -> click.Option | None:
    return next((p for p in cmd.params if isinstance(p, click.Option) and flag in p.opts), None)


def test_every_catalogue_command_takes_the_same_db_option() -> None:
    names = sorted(c.name for c in leaf_commands())
    assert names == ["awards", "campaign", "export", "load", "query", "search", "serve", "trace"]
    infos = []
    for cmd in leaf_commands():
        opt = option(cmd, "--db")
        assert opt is not None, cmd.name
        infos.append(opt.to_info_dict())
    assert all(i == infos[0] for i in infos)
    assert infos[0]["name"] == "db_path" and infos[0]["default"] == DEFAULT_DB == "data/catalogue.db"
    assert infos[0]["help"] == "Catalogue database file."


def test_json_and_output_options_keep_their_names_and_help() -> None:
    by_name = {c.name: c for c in leaf_commands()}
    helps = {name: option(by_name[name], "--json").help for name in ("query", "search", "trace")}
    assert helps == {"query": "Print a JSON list of objects.", "search": "Print JSON.",
                     "trace": "Print JSON instead of the text report."}
    assert all(option(by_name[n], "--json").is_flag and option(by_name[n], "--json").name == "as_json" for n in helps)
    export_out, chart_out = option(by_name["export"], "-o"), option(by_name["campaign"], "--output")
    assert export_out.opts == chart_out.opts == ["-o", "--output"] and export_out.name == chart_out.name == "out"
    assert (export_out.required, chart_out.required) == (False, True)
    assert export_out.type.convert("giai-thuong.csv", None, None) == Path("giai-thuong.csv")


def test_missing_chart_output_is_a_usage_error() -> None:
    group = click.Group("thidua", commands={c.name: c for c in cli_apps.COMMANDS})
    result = CliRunner().invoke(group, ["chart", "awards", "--year", "2021"])
    assert result.exit_code == 2 and "Missing option '-o' / '--output'" in result.output


def test_fail_prints_one_line_and_exits_1() -> None:
    @click.command()
    def broken() -> None:
        fail("không tìm thấy bảng 'giai_thuong'\n   trong data/catalogue.db")

    result = CliRunner().invoke(broken, [])
    assert result.exit_code == 1
    assert result.stderr == "Error: không tìm thấy bảng 'giai_thuong' trong data/catalogue.db\n"


@pytest.mark.parametrize("args", [["query", "select 1", "--csv", "--json"], ["export", "no_such_table", "--db", "x.db"]])
def test_stage_commands_fail_through_the_shared_exit(args: list[str], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    group = click.Group("thidua", commands={c.name: c for c in cli.COMMANDS + cli_apps.COMMANDS})
    result = CliRunner().invoke(group, args)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
