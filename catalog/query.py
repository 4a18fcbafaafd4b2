"""Read-only SQL over the catalogue.

Two locks, so that a query can never change the file: the database is
opened with a ``file:...?mode=ro`` URI, and an SQLite authorizer refuses
every action but reading (no INSERT/UPDATE/DELETE, even behind ``WITH``, no
ATTACH, no PRAGMA).  Only SELECT, WITH, EXPLAIN and VALUES statements are
accepted, one at a time.

>>> statement_kind("  -- awards per year\\n select count(*) from awards")
'SELECT'
>>> try:
...     check_read_only("delete from awards")
... except QueryError as e:
...     print(e)
refused: only SELECT, WITH, EXPLAIN or VALUES statements are allowed, not DELETE
"""

from __future__ import annotations

import re
import sqlite3
import urllib.parse
from pathlib import Path
from typing import Any

READ_ONLY_KINDS = ("SELECT", "WITH", "EXPLAIN", "VALUES")
_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.S)
_ALLOWED_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}


class QueryError(ValueError):
    """A query that was refused or failed; the message is one line."""


def statement_kind(sql: str) -> str:
    """The first keyword of a statement, upper-case, after comments and blanks."""
    rest = sql[_COMMENTS.match(sql).end():]
    m = re.match(r"[A-Za-z]+", rest)
    return m.group(0).upper() if m else ""


def check_read_only(sql: str) -> None:
    """Refuse a statement that does not start with a read-only keyword."""
    kind = statement_kind(sql)
    if not kind:
        raise QueryError("refused: empty SQL statement")
    if kind not in READ_ONLY_KINDS:
        raise QueryError(f"refused: only SELECT, WITH, EXPLAIN or VALUES statements are allowed, not {kind}")


_READ_PRAGMAS = {"data_version", "table_info", "table_xinfo", "index_list", "index_info", "foreign_key_list"}


def _authorizer(action: int, arg1: str | None, *_args: Any) -> int:
    if action in _ALLOWED_ACTIONS:
        return sqlite3.SQLITE_OK
    # FTS5 builds its virtual table on first use: it re-reads the schema (reported as an UPDATE
    # of sqlite_master, which mode=ro could not perform anyway) and checks PRAGMA data_version.
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg1 in _READ_PRAGMAS:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """Open an existing catalogue read-only (``mode=ro``) with the read-only authorizer installed."""
    p = Path(path)
    if not p.is_file():
        raise QueryError(f"{p}: no such database file")
    uri = f"file:{urllib.parse.quote(str(p.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise QueryError(f"{p}: cannot open as an SQLite database ({e})") from None
    conn.set_authorizer(_authorizer)
    return conn


def run_query(path: str | Path, sql: str, params: dict[str, Any] | list[Any] | None = None,
              max_rows: int | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one read-only statement; returns (column names, rows).

    >>> import tempfile, os
    >>> from catalog.store import Catalogue
    >>> path = os.path.join(tempfile.mkdtemp(), "c.db"); Catalogue(path).close()
    >>> run_query(path, "select name, province_2025 from provinces where code = '74'")
    (['name', 'province_2025'], [('Bình Dương', 'Hồ Chí Minh')])
    """
    check_read_only(sql)
    conn = connect_read_only(path)
    try:
        cur = conn.execute(sql, params or [])
        rows = cur.fetchall() if max_rows is None else cur.fetchmany(max_rows)
        columns = [d[0] for d in cur.description or []]
    except (sqlite3.DatabaseError, sqlite3.Warning) as e:
        msg = " ".join(str(e).split())
        if "not authorized" in msg or "prohibited" in msg:
            raise QueryError("refused: the statement tries to change the database or attach another one") from None
        raise QueryError(f"query failed: {msg}") from None
    finally:
        conn.close()
    return columns, rows
