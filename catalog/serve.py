"""Serve the catalogue with Datasette, read-only, with Vietnamese/English metadata.

``make_app(db_path)`` builds the :class:`datasette.app.Datasette` instance
(tests drive it in-process through ``await app.client.get(...)``);
``serve(db_path, host=..., port=...)`` runs it under uvicorn.

* The file is opened in Datasette's *immutable* mode (``?immutable=1``): no
  write can reach it, whatever a user types.
* ``data/datasette/metadata.yml`` gives titles, descriptions and column labels
  in Vietnamese and English, facets (province, year, award, source) and the
  canned queries ``clusters_by_year``, ``awards_by_province_year`` (with a
  ``successor`` switch), ``campaign_coverage`` and ``search``.  Its database
  key ``catalogue`` is renamed here to the served file's stem.
* ``data/datasette/plugins/thidua_sql.py`` adds the SQL functions ``fold``,
  ``vn_match`` and ``vn_snippet`` used by those queries.

Example: ``thidua serve --db data/catalogue.db --port 8001`` then open
http://127.0.0.1:8001/catalogue/awards_by_province_year?successor=1
"""

from __future__ import annotations

import copy
import socket
import sqlite3
import sys
from pathlib import Path
from typing import Any

from catalog.canned import DATASETTE_DIR, METADATA_DB_KEY, METADATA_PATH, read_metadata
from catalog.export import CatalogueError, open_readonly

PLUGINS_DIR = DATASETTE_DIR / "plugins"
REQUIRED_TABLES = ("articles", "awards", "campaign_coverage", "clusters_by_year", "articles_fts")


def load_metadata(db_name: str, path: Path = METADATA_PATH) -> dict[str, Any]:
    """The metadata dict with the database section keyed by ``db_name``."""
    data = copy.deepcopy(read_metadata(Path(path)))
    databases = data["databases"]
    databases[db_name] = databases.pop(METADATA_DB_KEY)
    return data


def wal_pending(db_path: Path) -> int:
    """Bytes in the write-ahead log beside the file (immutable mode does not read them)."""
    wal = Path(str(db_path) + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def check_catalogue(db_path: str | Path) -> Path:
    """The path, once it is a thidua catalogue; CatalogueError otherwise."""
    path = Path(db_path)
    conn = open_readonly(path)
    try:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
    except sqlite3.DatabaseError as e:
        raise CatalogueError(f"not a SQLite catalogue: {path} ({e})") from None
    finally:
        conn.close()
    missing = [t for t in REQUIRED_TABLES if t not in names]
    if missing:
        raise CatalogueError(f"{path} is not a thidua catalogue (missing: {', '.join(missing)})")
    return path


def make_app(db_path: str | Path, *, metadata_path: Path = METADATA_PATH, settings: dict[str, Any] | None = None):
    """A Datasette app serving ``db_path`` immutably with thidua's metadata and SQL functions."""
    from datasette.app import Datasette

    path = check_catalogue(db_path)
    metadata = load_metadata(path.stem, metadata_path)
    return Datasette(
        immutables=[str(path)],
        metadata=metadata,
        plugins_dir=str(PLUGINS_DIR),
        settings={"sql_time_limit_ms": 3000, "facet_time_limit_ms": 500, **(settings or {})},
    )


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette on the catalogue until interrupted (uvicorn).

    ``port=0`` takes a free port; the line "Serving … on http://HOST:PORT/" on stderr names it.
    """
    import uvicorn

    app = make_app(db_path)
    pending = wal_pending(Path(db_path))
    if pending:
        print(f"warning: {db_path}-wal holds {pending} bytes not yet checkpointed (a crawl running?); "
              "immutable mode shows the database without them", file=sys.stderr)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)  # connections made as soon as the line below is printed wait in the backlog
    port = sock.getsockname()[1]
    print(f"Serving {db_path} read-only on http://{host}:{port}/", file=sys.stderr, flush=True)
    config = uvicorn.Config(app.app(), lifespan="on", log_level="warning")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
