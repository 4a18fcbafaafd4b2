"""Click options and the error exit shared by the catalogue commands.

``catalog/cli.py`` (load, query, search) and ``catalog/cli_apps.py`` (trace,
export, chart, serve) take the same ``--db`` option, the same ``--json`` flag
(with per-command help) and the same ``-o/--output FILE`` option; they are
defined once here so every command spells them alike.

Example — a command taking all three::

    @click.command("export")
    @click.argument("table")
    @output_option("Write to FILE (atomically) instead of standard output.")
    @db_option
    def export_cmd(table: str, out: Path | None, db_path: str) -> None: ...

    $ thidua export awards_by_province_year --db data/catalogue.db -o giai-thuong.csv
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "data/catalogue.db"

#: ``--db FILE`` → parameter ``db_path`` (default ``data/catalogue.db``).
db_option: Callable[[F], F] = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="Catalogue database file.",
)


def json_option(help: str = "Print JSON.") -> Callable[[F], F]:
    """``--json`` flag → parameter ``as_json``.

    >>> @click.command()
    ... @json_option("Print a JSON list of objects.")
    ... def q(as_json: bool) -> None: ...
    >>> [p.name for p in q.params]
    ['as_json']
    """
    return click.option("--json", "as_json", is_flag=True, help=help)


def output_option(help: str, required: bool = False) -> Callable[[F], F]:
    """``-o/--output FILE`` → parameter ``out`` (a Path, or None when not given and not required).

    A required option gets no default at all: click counts an explicit ``default=None`` as a value.
    """
    extra: dict[str, Any] = {"required": True} if required else {"default": None}
    return click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help=help,
                        **extra)


def fail(message: object) -> NoReturn:
    """Print ``Error: <message>`` on one line to stderr and exit with status 1.

    >>> fail("không tìm thấy bảng 'giai_thuong'")  # doctest: +SKIP
    Error: không tìm thấy bảng 'giai_thuong'
    """
    click.echo(f"Error: {' '.join(str(message).split())}", err=True)
    sys.exit(1)
