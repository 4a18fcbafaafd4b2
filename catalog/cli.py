"""Catalogue commands: ``thidua load``, ``thidua query``, ``thidua search``.

Each command is a thin shell over a library function (``catalog.load.load_jsonl``,
``catalog.query.run_query``, ``catalog.search.search``).  Bad input gives a
one-line error naming the input and exit status 1; a load is one transaction,
so a bad file stores nothing.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click

from catalog._options import DEFAULT_DB, db_option, json_option
from catalog._options import fail as _fail

__all__ = ["COMMANDS", "DEFAULT_DB", "db_option", "load", "query", "search"]


@click.command("load")
@click.argument("path", type=click.Path(dir_okay=False))
@db_option
@click.pass_context
def load(ctx: click.Context, path: str, db_path: str) -> None:
    """Load `thidua extract --evidence` output (JSONL) into the catalogue.

    A record whose "source" is the URL of a crawled article is attached to
    it; otherwise an article row is made for the local file.  Loading the
    same file again changes nothing.  A local HTML page's text is read by
    the page reader the `thidua` group provides (the crawler's parser).

    Example:

        thidua extract --evidence corpus/*.txt > facts.jsonl && thidua load facts.jsonl --db data/catalogue.db
    """
    from catalog.load import LoadError, load_jsonl, read_jsonl
    from catalog.store import Catalogue, CatalogueError

    try:
        read_jsonl(path)  # validate the whole file before the database is even opened
        with Catalogue(db_path) as cat:
            stats = load_jsonl(cat, path, read_page=(ctx.obj or {}).get("read_page"))
    except (LoadError, CatalogueError) as e:
        _fail(str(e))
    except Exception as e:  # sqlite errors and the like: still one line, naming the inputs
        _fail(f"{path} → {db_path}: {type(e).__name__}: {e}")
    click.echo(f"{path}: {stats.records} records, {stats.articles_created} new articles, "
               f"{stats.stored} stored, {stats.unchanged} unchanged → {db_path}")


@click.command("query")
@click.argument("sql", required=False)
@db_option
@click.option("--canned", metavar="NAME", help="Run a canned query of the Datasette metadata instead of SQL.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A canned query parameter (repeatable); missing ones are empty, as in Datasette.")
@click.option("--list", "list_canned", is_flag=True, help="List the canned queries and their parameters.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@json_option("Print a JSON list of objects.")
def query(sql: str | None, db_path: str, canned: str | None, params: tuple[str, ...], list_canned: bool,
          as_csv: bool, as_json: bool) -> None:
    """Run a read-only SQL query (SELECT, WITH, EXPLAIN), or a canned query, against the catalogue.

    The database is opened read-only; any statement that would write is
    refused with exit status 1.  A canned query (--canned) is the same SQL
    Datasette serves at /catalogue/NAME, with the same numbers.

    Example:

        thidua query "select province_2025, year, award, awards from awards_by_province_year order by awards desc limit 10"
        thidua query --canned unit_award_history -p unit="Sở TT&TT Gia Lai"
    """
    from catalog.canned import parameters, parse_params, queries, run
    from catalog.export import CatalogueError
    from catalog.query import QueryError, run_query

    if as_csv and as_json:
        _fail("choose one of --csv and --json")
    if list_canned:
        for name, q in sorted(queries().items()):
            click.echo(f"{name}({', '.join(parameters(q['sql']))}): {q.get('title', '')}")
        return
    if bool(sql) == bool(canned):
        _fail("give either SQL or --canned NAME")
    if params and not canned:
        _fail("-p/--param is for --canned queries")
    try:
        columns, rows = run(db_path, canned, parse_params(params)) if canned else run_query(db_path, sql)
    except (QueryError, CatalogueError) as e:
        _fail(str(e))
    _print_rows(columns, rows, as_csv, as_json)


@click.command("search")
@click.argument("query_text", metavar="QUERY")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Number of results.")
@json_option("Print JSON.")
def search(query_text: str, db_path: str, limit: int, as_json: bool) -> None:
    """Full-text search of the articles, with or without diacritics.

    A word typed without diacritics matches every accented form ("dua"
    finds "đua"); a word typed with them matches exactly that word ("hòa"
    does not find "họa"; "hoà" is read as "hòa").  Use "double quotes" for a
    phrase and a trailing * for a prefix.

    Example:

        thidua search "cum thi dua Gia Lai" --limit 5
    """
    from catalog.query import QueryError, connect_read_only
    from catalog.search import SearchError
    from catalog.search import search as run_search

    try:
        conn = connect_read_only(db_path)
        try:
            hits = run_search(conn, query_text, limit=limit, mark=("[", "]") if as_json else _MARK)
        finally:
            conn.close()
    except (QueryError, SearchError) as e:
        _fail(str(e))
    if as_json:
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=1))
        return
    if not hits:
        click.echo("no results", err=True)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console()
    for h in hits:
        head = Text(h.title or "(no title)", style="bold")
        head.append(f"  {h.published or ''}  {h.source or ''}  (score {h.score:.2f})", style="dim")
        console.print(head)
        console.print(Text("  " + h.url, style="dim"))
        console.print(_highlighted(h.snippet))
        console.print()


_MARK = ("\x02", "\x03")


def _highlighted(snippet: str) -> Any:
    """A rich Text of a snippet whose matches are wrapped in _MARK."""
    from rich.text import Text

    out = Text("  ")
    for i, part in enumerate(snippet.replace(_MARK[1], _MARK[0]).split(_MARK[0])):
        out.append(part, style="reverse" if i % 2 else None)
    return out


def _print_rows(columns: list[str], rows: list[tuple[Any, ...]], as_csv: bool, as_json: bool) -> None:
    if as_csv:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
    elif as_json:
        click.echo(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=1,
                              default=str))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        from rich.text import Text

        for r in rows:
            table.add_row(*(Text("" if v is None else str(v)) for v in r))
        Console().print(table)
        click.echo(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", err=True)


COMMANDS = [load, query, search]

if __name__ == "__main__":  # pragma: no cover
    click.Group(commands={c.name: c for c in COMMANDS})()
