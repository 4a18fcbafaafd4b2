"""The canned queries of ``data/datasette/metadata.yml``, run outside Datasette.

Datasette serves them at ``/<db>/<name>``; ``thidua query --canned NAME`` and
``thidua export --canned NAME`` run the very same SQL through :func:`run`,
on a read-only connection with the same SQL functions
(:mod:`catalog.sqlfuncs`), so the CLI and the browser show the same numbers.
A parameter left out is empty, as in Datasette's form.

>>> sorted(queries())[:3]
['awards_by_province_year', 'campaign_coverage', 'cluster_roles_by_year']
>>> parameters("select * from awards where (:year = '' or for_year = :year) and level = :level")
['year', 'level']
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from catalog.export import CatalogueError
from catalog.query import QueryError, connect_read_only
from catalog.sqlfuncs import register

DATASETTE_DIR = Path(__file__).resolve().parent.parent / "data" / "datasette"
METADATA_PATH = DATASETTE_DIR / "metadata.yml"
METADATA_DB_KEY = "catalogue"
_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=4)
def read_metadata(path: Path = METADATA_PATH) -> dict[str, Any]:
    """The parsed metadata file (cached); CatalogueError when it is unreadable."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise CatalogueError(f"cannot read Datasette metadata {path}: {' '.join(str(e).split())}") from None
    if not isinstance(data, dict) or METADATA_DB_KEY not in (data.get("databases") or {}):
        raise CatalogueError(f"{path}: no databases.{METADATA_DB_KEY} section")
    return data


def queries(path: Path = METADATA_PATH) -> dict[str, dict[str, Any]]:
    """name → {title, description, sql} of every canned query."""
    return copy.deepcopy(read_metadata(Path(path))["databases"][METADATA_DB_KEY].get("queries") or {})


def parameters(sql: str) -> list[str]:
    """The ``:name`` parameters of a statement, in order of first use."""
    return list(dict.fromkeys(_PARAM.findall(re.sub(r"'[^']*'", "''", sql))))


def run(db_path: str | Path, name: str, params: dict[str, str] | None = None,
        path: Path = METADATA_PATH) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run canned query ``name`` with ``params`` (missing ones empty); returns (columns, rows).

    Raises CatalogueError for an unknown query or parameter, QueryError when the SQL fails.
    """
    known = queries(path)
    if name not in known:
        raise CatalogueError(f"unknown canned query: {name!r}; available: {', '.join(sorted(known))}")
    sql = known[name]["sql"]
    names = parameters(sql)
    params = dict(params or {})
    unknown = sorted(set(params) - set(names))
    if unknown:
        raise CatalogueError(f"canned query {name!r} has no parameter {', '.join(unknown)}; "
                             f"its parameters: {', '.join(names) or 'none'}")
    values = {n: str(params.get(n, "")) for n in names}
    conn = connect_read_only(db_path)
    try:
        register(conn)
        cur = conn.execute(sql, values)
        rows = cur.fetchall()
        columns = [d[0] for d in cur.description or []]
    except Exception as e:  # sqlite3 errors: one line naming the query
        raise QueryError(f"canned query {name!r} failed: {' '.join(str(e).split())}") from None
    finally:
        conn.close()
    return columns, rows


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["year=2020", "unit=Sở TT&TT Gia Lai"]`` → a dict; CatalogueError on a pair without '='."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CatalogueError(f"parameter {pair!r} is not NAME=VALUE")
        out[key.strip()] = value
    return out
