"""Datasette plugin: Vietnamese-aware SQL functions for the thidua catalogue.

Registered on every connection Datasette opens (``thidua serve`` passes this
directory as ``plugins_dir``; plain ``datasette … --plugins-dir
data/datasette/plugins`` works too):

* ``fold(text)``: accent-free lower case, đ→d ("Khánh Hoà" → "khanh hoa"),
  for accent-insensitive ``LIKE`` in canned queries;
* ``vn_match(query)``: the FTS5 MATCH expression routing each word to the
  ``exact`` or ``folded`` column of ``articles_fts`` (see ``catalog.search``);
  a query with no words becomes an empty phrase, which matches nothing;
* ``vn_snippet(title, text, query)``: a one-line excerpt with the matches in
  [brackets] (the index is contentless, so FTS5's own snippet() is empty).
"""

from __future__ import annotations

from datasette import hookimpl

from catalog.fts import document
from catalog.search import SearchError, build_match, parse_query, snippet
from extract.normalize import fold


def _fold(text):
    return None if text is None else fold(str(text))


def _match(query):
    try:
        return build_match(query or "")
    except SearchError:
        return 'exact : ""'


def _snippet(title, text, query):
    return snippet(document(title, text), parse_query(query or ""))


@hookimpl
def prepare_connection(conn):
    conn.create_function("fold", 1, _fold, deterministic=True)
    conn.create_function("vn_match", 1, _match, deterministic=True)
    conn.create_function("vn_snippet", 3, _snippet, deterministic=True)
