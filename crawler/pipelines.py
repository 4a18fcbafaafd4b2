"""Item pipelines (validate → catalogue) and the run ledger they share with the spider.

``RunLedger`` is the crawl process's one handle on a run: it answers
``seen(url)`` from the catalogue, records errors (``Catalogue.record_error``),
keeps the counters (pages_fetched, new, changed, unchanged, not_modified,
errors, dropped, …) and — in the run's state directory — a ``done.txt`` of
article URLs finished in this run plus ``stats.json``, both written as the
crawl goes, so a crawl killed part-way resumes without refetching them and
with its counts intact.

Example: a page ``https://stttt.laocai.gov.vn/tin-tuc/ky-ket-giao-uoc-258090``
parsed with a title and text goes through ``ValidationPipeline`` and
``CataloguePipeline`` and is counted "new"; one without a title is dropped
and counted in ``dropped`` and ``errors``.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from contextlib import suppress
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from catalog.store import Catalogue

#: Counters every run reports, even when zero.
STAT_KEYS = ("pages_fetched", "new", "changed", "unchanged", "not_modified", "errors", "dropped", "skipped_old")


def emit_line(event: str, data: dict[str, Any], stats: dict[str, int]) -> None:
    """One progress event as a JSON line on stdout, the form ``crawler.run`` reads from a crawl process."""
    sys.stdout.write(json.dumps({"event": event, **data, "stats": stats}, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


class RunLedger:
    """Counters, error log, seen/done lookups and progress events for one crawl run."""

    def __init__(self, db_path: str | Path, run_id: int, run_dir: str | Path | None = None,
                 emit_progress: bool = False):
        self.catalogue = Catalogue(db_path)
        self.run_id = run_id
        self.run_dir = Path(run_dir) if run_dir else None
        self.emit_progress = emit_progress
        self.stats: Counter[str] = Counter({k: 0 for k in STAT_KEYS})
        self.sites: dict[str, Counter[str]] = {}  # per-site counters for the health report (sites.json)
        self.done: set[str] = set()
        self._done_fh = None
        if self.run_dir:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            stats_path = self.run_dir / "stats.json"
            if stats_path.exists():
                with suppress(ValueError, TypeError):  # a torn write: counts restart, the catalogue is still right
                    self.stats.update({k: int(v) for k, v in json.loads(stats_path.read_text()).items()})
            sites_path = self.run_dir / "sites.json"
            if sites_path.exists():
                with suppress(ValueError, TypeError, AttributeError):
                    self.sites = {k: Counter({c: int(n) for c, n in v.items()})
                                  for k, v in json.loads(sites_path.read_text()).items()}
            done_path = self.run_dir / "done.txt"
            if done_path.exists():
                self.done = {line for line in done_path.read_text(encoding="utf-8").splitlines() if line}
            self._done_fh = done_path.open("a", encoding="utf-8")

    # -- lookups ---------------------------------------------------------------
    def seen(self, url: str) -> dict | None:
        """The catalogue's validators for ``url`` (etag, last_modified, content_hash), or None."""
        return self.catalogue.seen(url)

    def touch(self, url: str) -> None:
        """The article answered 304: the catalogue records that this run saw it."""
        self.catalogue.touch(url, self.run_id)

    def is_done(self, url: str) -> bool:
        """True when this run already finished ``url`` (before a restart too)."""
        return url in self.done

    # -- updates -----------------------------------------------------------------
    def mark_done(self, url: str) -> None:
        if url in self.done:
            return
        self.done.add(url)
        if self._done_fh:
            self._done_fh.write(url + "\n")
            self._done_fh.flush()

    def bump(self, key: str, n: int = 1) -> None:
        """Add to a counter without a progress event (saved with the next counted event)."""
        self.stats[key] += n

    def count(self, key: str, n: int = 1, **event: Any) -> None:
        self.stats[key] += n
        self._save()
        self.emit(key, **event)

    def site_count(self, site: str | None, key: str, n: int = 1) -> None:
        """Count ``key`` for one site (pages_fetched, parsed, dated, titled, new, errors, family:<name>, …)."""
        if site:
            self.sites.setdefault(site, Counter())[key] += n

    def error(self, url: str | None, message: str, kind: str = "fetch", site: str | None = None) -> None:
        """Record one fault: a crawl_errors row, ``errors`` + ``errors_<kind>`` counters (also per site)."""
        message = " ".join(str(message).split())[:500]
        self.catalogue.record_error(self.run_id, url, f"{kind}: {message}")
        self.stats[f"errors_{kind}"] += 1
        self.site_count(site, "errors")
        self.count("errors", url=url, message=message, kind=kind)

    def store(self, record: dict) -> str:
        """Upsert an article; counts and returns "new" / "changed" / "unchanged"."""
        status = self.catalogue.upsert_article(record, self.run_id)
        self.site_count(record.get("source"), status)
        self.mark_done(record["url"])
        self.count(status, url=record["url"], title=record.get("title"))
        return status

    def emit(self, event: str, **data: Any) -> None:
        """Write a progress event as one JSON line on stdout (read by ``crawler.run``)."""
        if self.emit_progress:
            emit_line(event, data, self.snapshot())

    def snapshot(self) -> dict[str, int]:
        return dict(self.stats)

    def _save(self) -> None:
        if not self.run_dir:
            return
        for name, data in (("stats.json", self.snapshot()), ("sites.json", self.sites)):
            tmp = self.run_dir / (name + ".tmp")
            tmp.write_text(json.dumps(data, sort_keys=True))
            os.replace(tmp, self.run_dir / name)

    def close(self) -> None:
        self._save()
        if self._done_fh:
            self._done_fh.close()
            self._done_fh = None
        self.catalogue.close()


class _LedgerPipeline:
    """What every thidua item pipeline shares: built by Scrapy from the crawler, writes through the spider's ledger."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def ledger(self) -> RunLedger:
        """The ``RunLedger`` of the running spider."""
        return self.crawler.spider.ledger


class ValidationPipeline(_LedgerPipeline):
    """Drop articles without a title or text (counted as ``dropped`` and as an error)."""

    REQUIRED = ("url", "source", "title", "text")

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        missing = [k for k in self.REQUIRED if not (isinstance(adapter.get(k), str) and adapter.get(k).strip())]
        if missing:
            ledger = self.ledger
            ledger.bump("dropped")
            ledger.error(adapter.get("url"), f"article dropped: missing {', '.join(missing)}", kind="invalid",
                         site=adapter.get("source"))
            ledger.mark_done(adapter.get("url") or "")
            raise DropItem(f"{adapter.get('url')}: missing {', '.join(missing)}")
        return item


class CataloguePipeline(_LedgerPipeline):
    """Write each article through ``Catalogue.upsert_article`` (new / changed / unchanged)."""

    def process_item(self, item: Any) -> Any:
        record = item.catalogue_record() if hasattr(item, "catalogue_record") else ItemAdapter(item).asdict()
        self.ledger.store(record)
        return item
