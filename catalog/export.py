"""Export any catalogue table or view as CSV or JSON that reads back unchanged.

The catalogue is opened read-only (``file:…?mode=ro``), so an export can never
change it, and a file named with ``out`` is written to a temporary file first
and moved into place only when complete: a failed export leaves an existing
file untouched.

Both formats keep types, so :func:`read_export` gives back exactly the rows
that were stored:

* JSON: a list of objects, one per row, columns in table order; BLOBs become
  ``{"$base64": true, "encoded": "…"}`` (Datasette's convention).
* CSV (RFC 4180, UTF-8, header row): text is *always* quoted, numbers are bare,
  BLOBs are bare ``x'0aff'`` literals and NULL is a bare empty field, so ``""`` (empty text) and NULL stay apart
  and the province code ``"01"`` stays text.  Spreadsheet tools read it as
  ordinary CSV.

>>> import sqlite3, tempfile, pathlib
>>> db = pathlib.Path(tempfile.mkdtemp()) / "c.db"
>>> con = sqlite3.connect(db)
>>> _ = con.execute("create table provinces (code text, name text, rank integer)")
>>> _ = con.execute("insert into provinces values ('01', 'Hà Nội', 1), ('02', 'Hà Giang', null)")
>>> con.commit(); con.close()
>>> for line in export(db, "provinces", "csv").splitlines(): print(line)
"code","name","rank"
"01","Hà Nội",1
"02","Hà Giang",
>>> read_export(export(db, "provinces", "json"), "json") == read_export(export(db, "provinces", "csv"), "csv")
True
"""

from __future__ import annotations

import base64
import io
import json
import os
import sqlite3
import tempfile
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

Format = Literal["csv", "json"]
FORMATS: tuple[str, ...] = ("csv", "json")


class CatalogueError(Exception):
    """A user-facing, one-line error (missing catalogue, unknown table or name)."""


def open_readonly(db_path: str | Path) -> sqlite3.Connection:
    """Open an existing catalogue read-only; a clear error if it is not one.

    >>> open_readonly("/nonexistent/catalogue.db")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    catalog.export.CatalogueError: catalogue not found: /nonexistent/catalogue.db
    """
    path = Path(db_path)
    if not path.is_file():
        raise CatalogueError(f"catalogue not found: {path}")
    uri = "file:" + urllib.parse.quote(path.resolve().as_posix()) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CatalogueError(f"not a SQLite catalogue: {path} ({exc})") from None
    return conn


def _is_shadow(name: str) -> bool:
    """FTS shadow tables (``articles_fts_data`` …) and SQLite's own tables."""
    return name.startswith("sqlite_") or any(
        name.endswith(suffix) for suffix in ("_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")
    )


def list_tables(conn: sqlite3.Connection, *, include_shadow: bool = False) -> list[str]:
    """Names of the tables and views a user can export, sorted."""
    names = [
        row[0]
        for row in conn.execute("select name from sqlite_master where type in ('table', 'view') order by name")
    ]
    return names if include_shadow else [n for n in names if not _is_shadow(n)]


def _check_name(conn: sqlite3.Connection, name: str) -> str:
    known = list_tables(conn, include_shadow=True)
    if name in known:
        return name
    lowered = {n.lower(): n for n in known}
    if name.lower() in lowered:
        return lowered[name.lower()]
    raise CatalogueError(
        f"unknown table or view: {name!r}; available: {', '.join(list_tables(conn))}"
    )


def iter_rows(conn: sqlite3.Connection, name: str) -> tuple[list[str], Iterator[tuple]]:
    """Column names and a lazy row iterator for table or view ``name``."""
    name = _check_name(conn, name)
    quoted = '"' + name.replace('"', '""') + '"'
    cursor = conn.execute(f"select * from {quoted}")
    columns = [d[0] for d in cursor.description]
    return columns, iter(cursor)


# ---- CSV that keeps types -------------------------------------------------


def _csv_field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return "x'" + bytes(value).hex() + "'"  # bare, like a SQL blob literal; text is never bare
    return '"' + str(value).replace('"', '""') + '"'


def write_csv(columns: list[str], rows: Iterable[Iterable[Any]], stream: TextIO) -> int:
    """Write a header and rows; text quoted, numbers bare, NULL empty. Returns the row count."""
    stream.write(",".join(_csv_field(c) for c in columns) + "\r\n")
    count = 0
    for row in rows:
        stream.write(",".join(_csv_field(v) for v in row) + "\r\n")
        count += 1
    return count


def _bare_value(raw: str) -> int | float | bytes | None:
    raw = raw.strip()
    if raw == "":
        return None
    if raw.startswith("x'") and raw.endswith("'"):
        try:
            return bytes.fromhex(raw[2:-1])
        except ValueError:
            raise CatalogueError(f"CSV: bad blob literal: {raw[:40]!r}") from None
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        return float(raw)
    except ValueError:
        raise CatalogueError(f"CSV: unquoted field is not a number: {raw[:40]!r}") from None


def parse_csv(text: str) -> list[list[Any]]:
    r"""Parse CSV written by :func:`write_csv`: quoted → str, bare → int/float/bytes, empty → None.

    >>> parse_csv('"a","b"\r\n"x, ""y"" z",3\r\n"",\r\n')
    [['a', 'b'], ['x, "y" z', 3], ['', None]]
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    records: list[list[Any]] = []
    i, n = 0, len(text)
    while i < n:
        record: list[Any] = []
        while True:
            if i < n and text[i] == '"':
                start, parts, j = i, [], i + 1
                while True:
                    k = text.find('"', j)
                    if k < 0:
                        raise CatalogueError(f"CSV: unterminated quoted field at offset {start}")
                    parts.append(text[j:k])
                    if text.startswith('""', k):
                        parts.append('"')
                        j = k + 2
                        continue
                    i = k + 1
                    break
                record.append("".join(parts))
            else:
                k = i
                while k < n and text[k] not in ",\r\n":
                    k += 1
                record.append(_bare_value(text[i:k]))
                i = k
            if i < n and text[i] == ",":
                i += 1
                continue
            break
        if i < n:
            if text[i] not in "\r\n":
                raise CatalogueError(f"CSV: unexpected character after quoted field at offset {i}")
            i += 2 if text.startswith("\r\n", i) else 1
        records.append(record)
    return records


# ---- JSON -----------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$base64": True, "encoded": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def write_json(columns: list[str], rows: Iterable[Iterable[Any]], stream: TextIO) -> int:
    """Write a JSON array of row objects, one per line, streaming. Returns the row count."""
    stream.write("[")
    count = 0
    for row in rows:
        obj = {c: _json_value(v) for c, v in zip(columns, row, strict=True)}
        stream.write(("\n" if count == 0 else ",\n") + json.dumps(obj, ensure_ascii=False))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count


# ---- public API ------------------------------------------------------------


def _write(conn: sqlite3.Connection, name: str, fmt: str, stream: TextIO) -> int:
    columns, rows = iter_rows(conn, name)
    if fmt == "csv":
        return write_csv(columns, rows, stream)
    return write_json(columns, rows, stream)


def _write_out(out: Path | str, write: Any) -> int:
    """Write through ``write(stream) -> count`` to a temporary file moved into place when complete."""
    out = Path(out)
    if out.parent and not out.parent.is_dir():
        raise CatalogueError(f"output directory does not exist: {out.parent}")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            count = write(stream)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def export(db_path: str | Path, table_or_view: str, fmt: Format = "csv", out: Path | str | None = None) -> str | int:
    """Export one table or view of the catalogue at ``db_path``.

    With ``out`` the file is written atomically and the number of rows is
    returned; without it the exported text is returned.

    Example: ``export("data/catalogue.db", "awards_by_province_year", "csv", Path("awards.csv"))``
    """
    if fmt not in FORMATS:
        raise CatalogueError(f"unknown export format: {fmt!r}; use one of: {', '.join(FORMATS)}")
    conn = open_readonly(db_path)
    try:
        if out is None:
            buffer = io.StringIO()
            _write(conn, table_or_view, fmt, buffer)
            return buffer.getvalue()
        _check_name(conn, table_or_view)  # fail before touching the output file
        return _write_out(out, lambda stream: _write(conn, table_or_view, fmt, stream))
    finally:
        conn.close()


def export_rows(columns: list[str], rows: Iterable[Iterable[Any]], fmt: Format = "csv",
                out: Path | str | None = None) -> str | int:
    """Export rows already read (e.g. a canned query's) like :func:`export` does a table."""
    if fmt not in FORMATS:
        raise CatalogueError(f"unknown export format: {fmt!r}; use one of: {', '.join(FORMATS)}")
    writer = write_csv if fmt == "csv" else write_json
    if out is None:
        buffer = io.StringIO()
        writer(columns, rows, buffer)
        return buffer.getvalue()
    return _write_out(out, lambda stream: writer(columns, rows, stream))


def read_export(text_or_path: str | Path, fmt: Format) -> list[dict[str, Any]]:
    """Read an export (its text, or a Path to it) back into row dicts with the original types."""
    text = text_or_path.read_text(encoding="utf-8") if isinstance(text_or_path, Path) else text_or_path
    if fmt == "json":
        rows = json.loads(text)
        return [
            {
                k: base64.b64decode(v["encoded"]) if isinstance(v, dict) and v.get("$base64") else v
                for k, v in row.items()
            }
            for row in rows
        ]
    if fmt != "csv":
        raise CatalogueError(f"unknown export format: {fmt!r}; use one of: {', '.join(FORMATS)}")
    records = parse_csv(text)
    if not records:
        return []
    header, body = records[0], records[1:]
    out = []
    for number, values in enumerate(body, start=2):
        if len(values) != len(header):
            raise CatalogueError(f"CSV line {number}: {len(values)} fields, header has {len(header)}")
        out.append(dict(zip(header, values, strict=True)))
    return out
