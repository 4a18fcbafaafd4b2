"""Load ``thidua extract --evidence`` output (JSONL) into the catalogue.

``load_jsonl`` reads the file: a record whose ``source`` is a URL already in
``articles`` is attached to it, otherwise an article row is made for the
local file.  The records then go through ``Catalogue.store_extractions``
(see :mod:`catalog.write`), so loading a file twice changes nothing.

A local HTML source needs a page reader (URL, bytes → title, text): the
catalogue does not parse portal pages itself; ``thidua load`` passes the
crawler's parser (wired in ``pipeline.py``).  Without one, an HTML file's
article is stored with an empty text (its facts are still loaded).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalog.records import LoadError, validate_record
from catalog.store import Catalogue, CatalogueError, PreparedArticle, prepare_article
from extract.normalize import normalize_text

#: (file URL, page bytes) → (title, main text)
PageReader = Callable[[str, bytes], tuple[str | None, str]]

__all__ = ["LoadError", "LoadStats", "PageReader", "load_jsonl", "read_jsonl", "validate_record"]


# -- JSONL files -------------------------------------------------------------------------------
@dataclass
class LoadStats:
    """What a load did: records read, articles created, facts replaced, records already stored."""

    records: int = 0
    articles_created: int = 0
    stored: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"records": self.records, "new": self.articles_created, "stored": self.stored,
                "unchanged": self.unchanged}


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Parse and validate every line of a JSONL file before anything is stored; raises LoadError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{p}: is a directory, not a JSONL file") from None
    except OSError as e:
        raise LoadError(f"{p}: cannot read ({e.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LoadError(f"{p}: not UTF-8 (invalid byte at offset {e.start})") from None
    records = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise LoadError(f"{p}:{lineno}: malformed JSON ({e.msg} at column {e.colno})") from None
        validate_record(rec, f"{p}:{lineno}")
        if not isinstance(rec.get("source"), str) or not rec["source"].strip():
            raise LoadError(f"{p}:{lineno}: record without \"source\"")
        records.append(rec)
    return records


def _local_article(source: str, record: dict[str, Any], base: Path, read_page: PageReader | None) -> dict[str, Any]:
    """An article item for a record whose source is a local file (text read from it when present)."""
    from extract.api import HTML_SUFFIXES, InputError, read_text_file

    path = Path(source)
    if not path.is_absolute() and not path.exists():
        path = base / path
    text = ""
    title = record.get("title")
    if path.is_file():
        try:
            if path.suffix.lower() in HTML_SUFFIXES:
                if read_page is not None:
                    page_title, text = read_page(path.resolve().as_uri(), path.read_bytes())
                    title = title or page_title
            else:
                text = read_text_file(path)
        except (InputError, ValueError, ImportError):
            text = ""
    url = path.resolve().as_uri() if path.exists() else f"file:{source}"
    return {"url": url, "source": None, "family": "local", "title": title, "published": record.get("published"),
            "author": record.get("author"), "views": record.get("views"),
            "attachments": record.get("attachments") or [], "text": normalize_text(text),
            "fetched_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}


def load_jsonl(cat: Catalogue, path: str | Path, extractor_version: str | None = None, *,
               read_page: PageReader | None = None) -> LoadStats:
    """Load ``thidua extract --evidence`` output into a Catalogue; one transaction for the whole file.

    Every line is parsed and validated first; a bad line stops the load with
    a LoadError naming the file and line, and nothing is stored.
    """
    p = Path(path)
    records = read_jsonl(p)
    version = extractor_version or _extractor_version()
    stats = LoadStats(records=len(records))
    db = cat.db
    with db.atomic():
        run_id = cat.start_run("load", [str(p)])
        targets: list[str] = []  # the article URL of each record
        new: dict[str, PreparedArticle] = {}  # articles to create, by URL
        for lineno, rec in enumerate(records, 1):
            source = rec["source"].strip()
            url = source
            if not _known(db, source):
                item = _local_article(source, rec, p.parent, read_page)
                url = item["url"]
                if url not in new and not _known(db, url):
                    try:
                        new[url] = prepare_article(item)
                    except CatalogueError as e:
                        raise LoadError(f"{p}: record {lineno}: {e}") from None
            targets.append(url)
        cat.upsert_many(new.values(), run_id)
        stats.articles_created = len(new)
        ids = {url: _known(db, url) for url in set(targets)}
        stats.stored = cat.store_extractions([(ids[url], rec) for url, rec in zip(targets, records, strict=True)],
                                             version)
        stats.unchanged = stats.records - stats.stored
        cat.finish_run(run_id, stats.as_dict())
    return stats


def _known(db: Any, url: str) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE url = ?", [url]).fetchone()
    return int(row[0]) if row else None


def _extractor_version() -> str:
    try:
        from extract.api import EXTRACTOR_VERSION
    except ImportError:  # pragma: no cover - the extract stage is always installed with thidua
        return "unknown"
    return EXTRACTOR_VERSION
