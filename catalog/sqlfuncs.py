"""SQL functions the canned queries use, registered on any SQLite connection.

Datasette registers them through ``data/datasette/plugins/thidua_sql.py``;
``thidua query --canned`` through :func:`register` on its read-only
connection, so both run the same SQL with the same functions:

* ``fold(text)``: accent-free lower case, đ→d ("Khánh Hoà" → "khanh hoa");
* ``vn_match(query)``: the FTS5 MATCH expression for ``articles_fts`` (see
  ``catalog.search``); a query with no words matches nothing;
* ``vn_snippet(title, text, query)``: a one-line excerpt, matches in [brackets];
* ``unit_key(name)``: the identity key of a unit name (see ``catalog.units``),
  so "Sở TT&TT Gia Lai" finds the unit stored as "Sở Thông tin và Truyền thông tỉnh Gia Lai".

>>> import sqlite3
>>> from catalog.store import Catalogue
>>> cat = Catalogue(":memory:")
>>> register(cat.db.conn)
>>> cat.db.execute("select fold('Khánh Hoà'), unit_key('Sở TT&TT tỉnh Gia Lai')").fetchone()
('khanh hoa', 'so thong tin va truyen thong|64')
"""

from __future__ import annotations

import sqlite3
from typing import Any

from catalog.fts import document
from catalog.search import SearchError, build_match, parse_query, snippet
from extract.normalize import fold


def _fold(text: Any) -> str | None:
    return None if text is None else fold(str(text))


def _match(query: Any) -> str:
    try:
        return build_match(query or "")
    except SearchError:
        return 'exact : ""'


def _snippet(title: Any, text: Any, query: Any) -> str:
    return snippet(document(title, text), parse_query(query or ""))


def register(conn: sqlite3.Connection) -> None:
    """Add fold, vn_match, vn_snippet and unit_key to a connection."""
    from catalog.units import UnitIndex

    index: list[UnitIndex] = []

    def unit_key(name: Any) -> str | None:
        if not name:
            return None
        if not index:
            index.append(UnitIndex(conn))  # reads the provinces table of this connection, once
        return index[0].key(str(name))

    conn.create_function("fold", 1, _fold, deterministic=True)
    conn.create_function("vn_match", 1, _match, deterministic=True)
    conn.create_function("vn_snippet", 3, _snippet, deterministic=True)
    conn.create_function("unit_key", 1, unit_key, deterministic=True)
