"""The catalogue store: the one API the crawler and the loader write through.

``Catalogue(path)`` opens (or creates) the SQLite file, applies migrations,
turns on WAL and foreign keys.  Articles are keyed on their canonical URL;
a re-crawl reports ``"new"``, ``"changed"`` (previous version kept in
``article_revisions``, facts marked stale) or ``"unchanged"``.

>>> cat = Catalogue(":memory:")
>>> run = cat.start_run("crawl", ["stttt-gialai"])
>>> item = {"url": "https://stttt.gialai.gov.vn/tin/1", "source": "stttt-gialai", "title": "Tổng kết Cụm thi đua số 6",
...         "text": "Sở TTTT Gia Lai làm Cụm trưởng năm 2020."}
>>> cat.upsert_article(item, run), cat.upsert_article(item, run)
('new', 'unchanged')
>>> cat.upsert_article({**item, "text": "Sở TTTT Gia Lai làm Cụm trưởng Cụm thi đua số 6 năm 2020."}, run)
'changed'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from catalog import fts, schema
from catalog.migrate_v1 import convert_pending
from catalog.records import validate_record
from catalog.units import UnitIndex
from catalog.write import Batch, finish, remove_facts, replace_facts
from extract.normalize import normalize_name, normalize_text

Status = Literal["new", "changed", "unchanged"]
_ARTICLE_META = ("title", "published", "author", "views", "etag", "last_modified", "fetched_at", "family")
_PENDING_BATCH = 500
STORE_BATCH = 2000  # records per transaction in store_extractions (bench_facts, 100,000: 653 articles/s at 500, 686 at 2,000)
CACHE_KIB = 64 * 1024  # page cache of a writer connection: keeps the url index and FTS merges in memory


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string (seconds)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def content_hash(text: str) -> str:
    """sha256 (hex) of a normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CatalogueError(ValueError):
    """Bad input to the store; the message is one line naming the input."""


class Catalogue:
    """A thidua catalogue in one SQLite file (``":memory:"`` for a throw-away one)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).parent
            if not parent.is_dir():
                raise CatalogueError(f"{self.path}: directory {parent} does not exist")
        self.db = sqlite_utils.Database(self.path)
        self._known_runs: set[int] = set()
        self._units: UnitIndex | None = None  # province and unit lookups, built once per connection
        try:
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            if self.path != ":memory:":
                self.db.enable_wal()
                # in WAL mode NORMAL never corrupts: a crash of the process loses no commit, a power cut at most the
                # last transactions; it spares a sync per commit (loading: +12 % articles/s in bench_facts)
                self.db.execute("PRAGMA synchronous = NORMAL")
            schema.apply(self.db)
            convert_pending(self.db)  # facts of a catalogue written before the canonical facts
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise CatalogueError(f"{self.path}: cannot open as a thidua catalogue ({e})") from None

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.db.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sources and runs --------------------------------------------------------------
    def upsert_source(self, id: str, name: str | None, base_url: str | None, family: str | None,
                      province: str | None = None) -> None:
        """Insert or update a portal, e.g. ``("stttt-gialai", "Sở TTTT Gia Lai", "https://stttt.gialai.gov.vn", "dnn")``."""
        if not id:
            raise CatalogueError("upsert_source: empty source id")
        with self.db.atomic():
            self.db["sources"].upsert({"id": id, "name": name, "base_url": base_url, "family": family,
                                       "province": province}, pk="id")

    def start_run(self, kind: str, sources: list[str]) -> int:
        """Record the start of a crawl or load run; returns its id."""
        with self.db.atomic():
            cur = self.db.execute("INSERT INTO crawl_runs (kind, sources, started_at) VALUES (?, ?, ?)",
                                  [kind, json.dumps(list(sources), ensure_ascii=False), now_iso()])
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, stats: dict[str, Any]) -> None:
        """Close a run with its counts (pages_fetched, new, changed, unchanged, errors; the rest kept as JSON)."""
        self._require_run(run_id)
        cols = {k: _int_or_none(stats.get(k)) for k in ("pages_fetched", "new", "changed", "unchanged", "errors")}
        with self.db.atomic():
            self.db.execute(
                "UPDATE crawl_runs SET finished_at = ?, pages_fetched = ?, new = ?, changed = ?, unchanged = ?,"
                " errors = ?, stats = ? WHERE id = ?",
                [now_iso(), *cols.values(), json.dumps(stats, ensure_ascii=False, default=str, sort_keys=True), run_id])

    def record_error(self, run_id: int | None, url: str | None, message: str) -> None:
        """Remember a page a run could not fetch or parse."""
        if run_id is not None:
            self._require_run(run_id)
        with self.db.atomic():
            self.db.execute("INSERT INTO crawl_errors (run_id, url, message, at) VALUES (?, ?, ?, ?)",
                            [run_id, url, " ".join(str(message).split()), now_iso()])

    def _require_run(self, run_id: int) -> None:
        if self.db.execute("SELECT 1 FROM crawl_runs WHERE id = ?", [run_id]).fetchone() is None:
            raise CatalogueError(f"crawl run {run_id}: no such run")

    # -- articles ----------------------------------------------------------------------
    def seen(self, url: str) -> dict[str, Any] | None:
        """What the catalogue knows of a URL: article_id, etag, last_modified, content_hash, fetched_at."""
        row = self.db.execute(
            "SELECT id, etag, last_modified, content_hash, fetched_at FROM articles WHERE url = ?", [url]).fetchone()
        if row is None:
            return None
        return dict(zip(("article_id", "etag", "last_modified", "content_hash", "fetched_at"), row, strict=True))

    def touch(self, url: str, run_id: int) -> bool:
        """Record that run ``run_id`` saw ``url`` unchanged (a 304 answer); False if the URL is unknown."""
        with self.db.atomic():
            cur = self.db.execute("UPDATE articles SET last_seen_run = ? WHERE url = ?", [run_id, url])
        return cur.rowcount > 0

    def upsert_article(self, item: dict[str, Any], run_id: int | None) -> Status:
        """Store a crawled article; returns ``"new"``, ``"changed"`` or ``"unchanged"``.

        ``item`` keys: url, source, family, title, published, author, views,
        attachments [{url, name}], text, raw_text, etag, last_modified, fetched_at.
        """
        return self.upsert_prepared(prepare_article(item), run_id)

    def upsert_prepared(self, prepared: PreparedArticle, run_id: int | None) -> Status:
        """``upsert_article`` for an item already through :func:`prepare_article` (e.g. in a worker process)."""
        return self.upsert_many([prepared], run_id)[0][0]

    def upsert_many(self, items: Iterable[PreparedArticle], run_id: int | None) -> list[tuple[Status, int]]:
        """``upsert_prepared`` for many articles in one transaction; returns (status, article id) of each.

        One transaction (or savepoint) for all: SQLite's full-text index keeps the new entries in memory until
        the transaction or savepoint ends, so a savepoint per article would write a tiny index segment each.
        """
        if run_id is not None and run_id not in self._known_runs:
            self._require_run(run_id)
            self._known_runs.add(run_id)
        with self.db.atomic():
            return [self._upsert(prepared, run_id) for prepared in items]

    def _upsert(self, prepared: PreparedArticle, run_id: int | None) -> tuple[Status, int]:
        row = dict(prepared.row)
        self._ensure_source(row["source_id"], row.get("family"))
        old = self.db.execute("SELECT * FROM articles WHERE url = ?", [row["url"]]).fetchone()
        if old is None:
            row.update(first_seen_run=run_id, last_seen_run=run_id)
            cur = self.db.execute(
                f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
            article_id = int(cur.lastrowid)
            status: Status = "new"
            fts.index_article(self.db, article_id, row["title"], row["text"], values=prepared.fts_values)
        else:
            old = dict(zip([d[0] for d in self.db.execute("SELECT * FROM articles LIMIT 0").description], old,
                           strict=True))
            article_id = old["id"]
            status = "unchanged" if old["content_hash"] == row["content_hash"] else "changed"
            if status == "changed":
                self._keep_revision(old, run_id)
                row["facts_stale"] = 1
            else:
                # metadata may move (views, etag); text and hash are the same
                # a fetch without validators keeps the stored etag / last_modified
                row = {k: v for k, v in row.items() if v is not None}
                if row.get("raw_text") is None:
                    row.pop("raw_text", None)
            row["last_seen_run"] = run_id if run_id is not None else old["last_seen_run"]
            sets = ", ".join(f"{k} = ?" for k in row)
            self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*row.values(), article_id])
            if old["text"] != row.get("text", old["text"]) or old["title"] != row.get("title", old["title"]):
                fts.unindex_article(self.db, article_id, old["title"], old["text"])
                fts.index_article(self.db, article_id, row.get("title", old["title"]), row.get("text", old["text"]))
        self._store_attachments(article_id, prepared.attachments)
        return status, article_id

    def _ensure_source(self, source_id: str | None, family: str | None) -> None:
        if source_id and self.db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone() is None:
            self.db.execute("INSERT INTO sources (id, name, family) VALUES (?, ?, ?)", [source_id, source_id, family])

    def _keep_revision(self, old: dict[str, Any], run_id: int | None) -> None:
        keep = ("title", "published", "author", "views", "text", "raw_text", "content_hash", "etag",
                "last_modified", "fetched_at")
        self.db.execute(
            f"INSERT INTO article_revisions (article_id, {', '.join(keep)}, replaced_at, replaced_by_run)"
            f" VALUES (?, {', '.join('?' * len(keep))}, ?, ?)",
            [old["id"], *(old[k] for k in keep), now_iso(), run_id])

    def _store_attachments(self, article_id: int, attachments: list[tuple[str, str | None]]) -> None:
        for url, name in attachments:
            self.db.execute(
                "INSERT INTO attachments (article_id, url, name) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id, url) DO UPDATE SET name = coalesce(excluded.name, name)",
                [article_id, url, name])

    # -- extraction --------------------------------------------------------------------
    def pending_extraction(self, extractor_version: str) -> Iterator[dict[str, Any]]:
        """Articles never extracted, extracted by another version, or changed since: {article_id, url, title, text, published}."""
        ids = [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE extractor_version IS NULL OR extractor_version != ? OR facts_stale = 1"
            " ORDER BY id", [extractor_version])]
        for i in range(0, len(ids), _PENDING_BATCH):
            chunk = ids[i:i + _PENDING_BATCH]
            rows = self.db.execute(
                f"SELECT id, url, title, text, published FROM articles WHERE id IN ({', '.join('?' * len(chunk))})"
                " ORDER BY id", chunk).fetchall()
            for r in rows:
                yield {"article_id": r[0], "url": r[1], "title": r[2], "text": r[3], "published": r[4]}

    def store_extraction(self, article_id: int, record: dict[str, Any], extractor_version: str) -> bool:
        """Replace an article's facts with an extractor record, atomically.

        Returns False when the same record by the same extractor version is
        already stored (nothing is rewritten), True otherwise.
        """
        return self.store_extractions([(article_id, record)], extractor_version) == 1

    def store_extractions(self, records: Iterable[tuple[int, dict[str, Any]]], extractor_version: str, *,
                          batch: int = STORE_BATCH) -> int:
        """``store_extraction`` for many (article id, record) pairs; returns how many were (re)written.

        Every ``batch`` records are one transaction: the facts they share are looked up once, their mentions
        written together and the coverage of each fact settled once.  All records of a batch are checked
        before any is written; a bad one stops the call with a LoadError naming the article (CatalogueError
        for an unknown article id), and the batches before it stay stored.
        """
        stored = 0
        chunk: list[tuple[int, dict[str, Any]]] = []
        for pair in records:
            chunk.append(pair)
            if len(chunk) >= max(1, batch):
                stored += self._store_batch(chunk, extractor_version)
                chunk = []
        if chunk:
            stored += self._store_batch(chunk, extractor_version)
        return stored

    def _store_batch(self, chunk: list[tuple[int, dict[str, Any]]], extractor_version: str) -> int:
        checked = []
        for article_id, record in chunk:
            validate_record(record, f"article {article_id}")
            checked.append((article_id, record,
                            content_hash(json.dumps(record, ensure_ascii=False, sort_keys=True, default=str))))
        if self._units is None:
            self._units = UnitIndex(self.db)
        stored = 0
        with self.db.atomic():
            batch = Batch(self.db)
            for article_id, record, digest in checked:
                row = self.db.execute("SELECT extractor_version, extraction_hash, facts_stale, content_hash, published,"
                                      " source_id FROM articles WHERE id = ?", [article_id]).fetchone()
                if row is None:
                    raise CatalogueError(f"article {article_id}: no such article")
                if row[:3] == (extractor_version, digest, 0):
                    continue
                if article_id in batch.articles:  # the same article again: the batch so far is settled first
                    finish(self.db, batch)
                    batch = Batch(self.db)
                replace_facts(self.db, article_id, record, provinces=self._units.provinces, units=self._units,
                              first_time=row[0] is None and row[1] is None, batch=batch, article=row[3:])
                self.db.execute(
                    "UPDATE articles SET extractor_version = ?, extraction_hash = ?, extracted_at = ?, facts_stale = 0"
                    " WHERE id = ?", [extractor_version, digest, now_iso(), article_id])
                stored += 1
            finish(self.db, batch)
        return stored

    def delete_article(self, url: str) -> bool:
        """Forget an article: its facts' mentions (facts no other article reports go too), revisions,
        attachments, search entry and row.  Returns False when the URL is unknown."""
        row = self.db.execute("SELECT id, title, text FROM articles WHERE url = ?", [url]).fetchone()
        if row is None:
            return False
        article_id = int(row[0])
        with self.db.atomic():
            remove_facts(self.db, article_id)
            fts.unindex_article(self.db, article_id, row[1], row[2])
            for table in ("article_revisions", "attachments"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        return True


def _int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class PreparedArticle:
    """An article item checked and normalised, ready to write: articles row, attachments, FTS values."""

    row: dict[str, Any]
    attachments: list[tuple[str, str | None]]
    fts_values: tuple[str, str]


def prepare_article(item: dict[str, Any]) -> PreparedArticle:
    """Check and normalise a crawler item (pure; safe to run in a worker process); raises CatalogueError."""
    row = _article_row(item)
    attachments = item.get("attachments") or []
    if not isinstance(attachments, list):
        raise CatalogueError(f"{row['url']}: attachments must be a list of {{url, name}}")
    atts = []
    for a in attachments:
        if not isinstance(a, dict) or not a.get("url"):
            raise CatalogueError(f"{row['url']}: attachment without url: {a!r}")
        atts.append((str(a["url"]), normalize_name(a.get("name"))))
    return PreparedArticle(row, atts, fts.index_values(row["title"], row["text"]))


def _article_row(item: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise CatalogueError(f"article item must be a dict, got {type(item).__name__}")
    url = item.get("url")
    if not isinstance(url, str) or not url.strip():
        raise CatalogueError(f"article item without url (title {item.get('title')!r})")
    text = item.get("text")
    if not isinstance(text, str):
        raise CatalogueError(f"{url}: article item without text")
    text = normalize_text(text)
    views = item.get("views")
    if views is not None:
        views = _int_or_none(views)
    row: dict[str, Any] = {
        "url": url.strip(),
        "source_id": item.get("source"),
        "family": item.get("family"),
        "title": normalize_name(item.get("title")),
        "published": item.get("published"),
        "author": normalize_name(item.get("author")),
        "views": views,
        "text": text,
        "raw_text": item.get("raw_text"),
        "content_hash": content_hash(text),
        "etag": item.get("etag"),
        "last_modified": item.get("last_modified"),
        "fetched_at": item.get("fetched_at") or now_iso(),
    }
    return row
