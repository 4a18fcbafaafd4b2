"""Catalogue application commands: ``thidua trace``, ``export``, ``chart``, ``serve``.

Thin shells over ``catalog.trace.trace``, ``catalog.export.export``,
``catalog.chart.chart`` and ``catalog.serve.serve``; pipeline.py adds every
command of :data:`COMMANDS` to the ``thidua`` group.  Bad input (missing
catalogue, unknown campaign or table, bad size) gives a one-line ``Error:``
on stderr and exit status 1; nothing is written in that case.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from catalog._options import DEFAULT_DB, db_option, json_option, output_option
from catalog._options import fail as _fail
from catalog.export import CatalogueError

__all__ = ["COMMANDS", "DEFAULT_DB", "chart_group", "db_option", "export_cmd", "serve_cmd", "trace_cmd"]


@click.command("trace")
@click.argument("campaign")
@db_option
@json_option("Print JSON instead of the text report.")
def trace_cmd(campaign: str, db_path: str, as_json: bool) -> None:
    """Trace a campaign through the press: outlets, dates, first publisher, copies.

    CAMPAIGN is the canonical name or any variant, with or without
    diacritics; close misspellings are matched too.  Articles are grouped
    by outlet in time order; republished copies of one story are grouped
    into story families with the first-seen outlet and time.

    Example:

        thidua trace "chung tay vi nguoi ngheo" --db data/catalogue.db
    """
    from catalog.trace import trace

    try:
        result = trace(db_path, campaign)
    except CatalogueError as e:
        _fail(str(e))
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(result.render())


@click.command("export")
@click.argument("table", required=False)
@click.option("--canned", metavar="NAME", help="Export a canned query's rows instead of a table or view.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A canned query parameter.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="Output format; both read back to the same rows (text quoted, NULL empty in CSV).")
@output_option("Write to FILE (atomically) instead of standard output.")
@db_option
def export_cmd(table: str | None, canned: str | None, params: tuple[str, ...], fmt: str, out: Path | None,
               db_path: str) -> None:
    """Export a table or view of the catalogue, or a canned query's rows, as CSV or JSON.

    Example:

        thidua export awards_by_province_year --format csv -o awards.csv
        thidua export --canned awards_by_province_year -p year=2020 --format json
    """
    from catalog.canned import parse_params, run
    from catalog.export import export, export_rows
    from catalog.query import QueryError

    if bool(table) == bool(canned):
        _fail("give either TABLE or --canned NAME")
    try:
        if canned:
            columns, rows = run(db_path, canned, parse_params(params))
            result = export_rows(columns, rows, fmt, out)  # type: ignore[arg-type]
        else:
            result = export(db_path, table, fmt, out)  # type: ignore[arg-type]
    except (CatalogueError, QueryError) as e:
        _fail(str(e))
    if out is None:
        click.echo(result, nl=False)
    else:
        click.echo(f"{table or canned}: {result} rows → {out}", err=True)


_size_options = [
    output_option("PNG file to write.", required=True),
    click.option("--width", type=int, default=1200, show_default=True, help="Width in pixels."),
    click.option("--height", type=int, default=600, show_default=True, help="Height in pixels."),
    db_option,
]


def _with_size_options(fn):
    for option in reversed(_size_options):
        fn = option(fn)
    return fn


@click.group("chart")
def chart_group() -> None:
    """Draw PNG charts: a campaign's coverage timeline, awards by province.

    Example:

        thidua chart campaign "Dân vận khéo" -o coverage.png
    """


@chart_group.command("campaign")
@click.argument("name")
@_with_size_options
def chart_campaign(name: str, out: Path, width: int, height: int, db_path: str) -> None:
    """Timeline of a campaign's articles per outlet; hollow markers are syndicated copies.

    Example:

        thidua chart campaign "chung tay vì người nghèo" -o coverage.png --width 1600 --height 800
    """
    from catalog.chart import chart

    try:
        path = chart(db_path, "campaign", campaign=name, out=out, width=width, height=height)
    except CatalogueError as e:
        _fail(str(e))
    click.echo(f"{path} ({width}×{height})", err=True)


@chart_group.command("awards")
@click.option("--year", type=int, default=None, help="Only awards for this achievement year.")
@click.option("--successor", is_flag=True, help="Count provinces as their 2025 successor units.")
@_with_size_options
def chart_awards(year: int | None, successor: bool, out: Path, width: int, height: int, db_path: str) -> None:
    """Awards by province, stacked by award kind (proposed awards hatched).

    Example:

        thidua chart awards --year 2021 --successor -o awards.png
    """
    from catalog.chart import chart

    try:
        path = chart(db_path, "awards", out=out, width=width, height=height, year=year, successor=successor)
    except CatalogueError as e:
        _fail(str(e))
    click.echo(f"{path} ({width}×{height})", err=True)


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port (0: any free port, named on stderr).")
def serve_cmd(db_path: str, host: str, port: int) -> None:
    """Browse the catalogue in Datasette, read-only (immutable), with facets and canned queries.

    Canned queries (each also runs as `thidua query --canned NAME`):
    clusters_by_year, cluster_roles_by_year, awards_by_province_year
    (?successor=1 for 2025 units), unit_award_history, person_positions,
    proposed_not_conferred, fact_coverage, campaign_coverage, search
    (Vietnamese, with or without diacritics).

    Example:

        thidua serve --db data/catalogue.db --port 8001
    """
    from catalog.serve import make_app, serve

    try:
        make_app(db_path)  # fail fast, before uvicorn starts
    except CatalogueError as e:
        _fail(str(e))
    serve(db_path, host=host, port=port)


COMMANDS: list[click.Command] = [trace_cmd, export_cmd, chart_group, serve_cmd]
