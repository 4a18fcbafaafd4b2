"""Datasette plugin: the thidua SQL functions on every connection Datasette opens.

``thidua serve`` passes this directory as ``plugins_dir`` (plain ``datasette …
--plugins-dir data/datasette/plugins`` works too).  The functions themselves
(``fold``, ``vn_match``, ``vn_snippet``, ``unit_key``) live in
``catalog.sqlfuncs``, where ``thidua query --canned`` registers them too.
"""

from __future__ import annotations

from datasette import hookimpl

from catalog.sqlfuncs import register


@hookimpl
def prepare_connection(conn):
    register(conn)
