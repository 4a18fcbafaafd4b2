"""``thidua crawl --frontier redis://HOST:PORT/DB``: one crawl run shared by processes on any number of machines.

Two roles, one command:

* the **coordinator** (``thidua crawl --frontier URL --db CATALOGUE``), on the machine that has the
  catalogue: it holds the catalogue's run lock, opens the run (``Catalogue.start_run``), clears the
  frontier's per-run state (request queue, dupefilter, claims) and seeds the catalogue's HTTP validators
  into Redis, publishes the run (sites, profile, politeness) in ``thidua:crawl:run``, crawls like any
  other process, and is the **only writer**: a thread drains the items every process pushed
  (``RedisLedger``) into the catalogue with the same ``Catalogue`` calls the one-process pipeline makes.
  When the whole frontier is idle it writes the last items, the site health and the run's counts, and
  deletes the run's keys.
* a **joiner** (``thidua crawl --frontier URL --join``), anywhere: it reads the published run and crawls
  it; it needs no catalogue.

Killing any process loses nothing: its leased requests go back to the queue when their lease runs
out, its items are already in Redis, and the coordinator, run again with the same arguments, resumes
the run where it stands.  A second run (a later night) starts with an empty dupefilter and the
catalogue's validators, so listings are read again, unchanged articles answer 304, and new ones are found.
"""

from __future__ import annotations

import json
import socket
import tempfile
import threading
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from catalog.store import Catalogue, CatalogueError, now_iso
from crawler.health import record_health
from crawler.lock import run_lock
from crawler.pipelines import STAT_KEYS
from crawler.run import SAMPLE_ORIGIN, CrawlError, CrawlInterrupted, Progress, run_process
from crawler.server import SAMPLE_ROOT, serve_sample_site
from crawler.settings import build_settings
from crawler.sites import LIVE_SITES, Site, load_sites, select_sites, with_overrides
from distributed.frontier import KEYS
from distributed.redisconn import connect, wait_for

#: Items the writer stores per transaction.
WRITE_BATCH = 200
DEFAULT_LEASE = 60.0


def crawl_frontier(frontier: str, db_path: str | Path | None = None, *, join: bool = False,
                   sites: list[str] | tuple[str, ...] | None = None, live: bool = False, max_pages: int | None = None,
                   since: str | None = None, delay: float | None = None, lease: float = DEFAULT_LEASE,
                   wait: float | None = None, progress: Progress | None = None, settings: dict[str, Any] | None = None,
                   state_dir: str | Path | None = None, sample_root: str | Path = SAMPLE_ROOT,
                   sites_file: str | Path | None = None, command: str = "thidua crawl --frontier") -> dict[str, Any]:
    """Crawl on the shared frontier ``frontier``: as the coordinator and writer of ``db_path``, or (``join``)
    as one more crawler of the run already published there.  Returns the run's stats (as ``crawler.run.crawl``;
    a joiner's are the run's counts so far).  Raises ``RedisURLError`` for a bad or unreachable URL,
    :class:`~crawler.run.CrawlError` when there is no run to join or the frontier serves another catalogue,
    :class:`~crawler.run.CrawlInterrupted` when this process's crawl stopped early (run it again to resume)."""
    server = connect(frontier, "--frontier")
    state_root = Path(state_dir) if state_dir else Path(tempfile.gettempdir()) / "thidua-frontier"
    if join:
        if not wait_for(lambda: server.exists(KEYS.run), wait or 0):
            raise CrawlError(f"--frontier {frontier}: no crawl run to join; start one with "
                             f"thidua crawl --frontier {frontier} --db CATALOGUE")
        run = json.loads(server.get(KEYS.run) or "null") or {}
        code, reason = _crawl_process(frontier, run, state_root, progress, sample_root)
        if code != 0 or reason != "finished":
            raise CrawlInterrupted(f"crawl run {run.get('run_id')} on {frontier}: this process stopped before the "
                                   f"run finished (exit {code}, reason {reason or 'killed'}); the others go on")
        return {**_counts(server), "run_id": run.get("run_id"), "joined": True}
    if db_path is None:
        raise CrawlError(f"--frontier {frontier}: pass --db CATALOGUE to coordinate the run, or --join to join one")
    db_path = Path(db_path)
    if not db_path.parent.is_dir():
        raise CrawlError(f"{db_path}: directory {db_path.parent} does not exist")
    profile = "live" if live else "sample"
    with run_lock(db_path, command, wait) as held:
        with Catalogue(db_path) as cat:
            run, resumed = _open_run(server, cat, db_path, frontier, lambda: _choose(
                live, sites, max_pages, since, sites_file, sample_root), profile, delay, lease, settings)
        writer = Writer(server, db_path, run["run_id"])
        writer.start()
        try:
            code, reason = _crawl_process(frontier, run, state_root, progress, sample_root, resumed=resumed)
        finally:
            writer.finish()
        if code != 0 or reason != "finished":
            raise CrawlInterrupted(
                f"crawl run {run['run_id']} on {frontier} stopped before finishing (exit {code}, reason "
                f"{reason or 'killed'}); run the same command again to resume (the frontier keeps the queue)")
        stats = _close_run(server, db_path, run)
    stats.update(resumed=resumed)
    if held.waited_for:
        stats.update(waited=held.waited, waited_for=held.waited_for)
    return stats


def _choose(live: bool, ids, max_pages, since, sites_file, sample_root) -> list[Site]:
    if live:
        chosen = [s for s in load_sites(sites_file or LIVE_SITES) if s.live]
    else:
        chosen = load_sites(sites_file or Path(sample_root) / "sites.toml", base_url=SAMPLE_ORIGIN)
    return with_overrides(select_sites(chosen, ids), max_pages=max_pages, since=since)


def _catalogue_id(db_path: Path) -> str:
    return f"{socket.gethostname()}:{db_path.resolve()}"


def _open_run(server, cat: Catalogue, db_path: Path, frontier: str, choose, profile: str, delay: float | None,
              lease: float, settings: dict[str, Any] | None) -> tuple[dict, bool]:
    """The run published on the frontier: this catalogue's unfinished one (resumed), or a new one."""
    old = json.loads(server.get(KEYS.run) or "null")
    if old:
        if old.get("catalogue") != _catalogue_id(db_path):
            raise CrawlError(f"--frontier {frontier} is in use by crawl run {old.get('run_id')} of "
                             f"{old.get('catalogue')} (started {old.get('started')}); use another Redis database")
        row = cat.db.execute("SELECT finished_at FROM crawl_runs WHERE id = ?", [old.get("run_id")]).fetchone()
        if row == (None,):
            return old, True
    server.delete(*KEYS.all())  # the run key first: a late joiner pushes nothing into a run that is over
    chosen = choose()
    for s in chosen:
        cat.upsert_source(s.id, s.name, s.base_url, s.family, s.province)
    run_id = cat.start_run("crawl", [s.id for s in chosen])
    seed_validators(server, cat)
    if delay is None:
        delay = float(build_settings(profile, settings).get("DOWNLOAD_DELAY") or 0)
    run = {"run_id": run_id, "catalogue": _catalogue_id(db_path), "started": now_iso(), "profile": profile,
           "sites": [s.to_dict() for s in chosen], "settings": settings or {}, "delay": delay, "lease": lease}
    server.set(KEYS.run, json.dumps(run, ensure_ascii=False))
    return run, False


def seed_validators(server, cat: Catalogue, batch: int = 2000) -> int:
    """Copy every article's ETag / Last-Modified from the catalogue into Redis (``thidua:crawl:validators``), where
    crawlers on any machine find them for conditional GETs; returns how many."""
    server.delete(KEYS.validators)
    n = 0
    rows = cat.db.execute("SELECT url, etag, last_modified FROM articles WHERE etag IS NOT NULL OR last_modified IS NOT NULL")
    while chunk := rows.fetchmany(batch):
        server.hset(KEYS.validators, mapping={url: json.dumps([etag, lm]) for url, etag, lm in chunk})
        n += len(chunk)
    return n


def _crawl_process(frontier: str, run: dict, state_root: Path, progress: Progress | None, sample_root,
                   resumed: bool = False) -> tuple[int, str | None]:
    """Run this machine's Scrapy process on the frontier's run; the sample site is served locally if crawled."""
    sites = [Site.from_dict(s) for s in run["sites"]]
    settings = dict(run.get("settings") or {})
    serving = serve_sample_site(Path(sample_root)) if run["profile"] == "sample" else nullcontext(None)
    with serving as proxy:
        if proxy:
            settings.update(THIDUA_SAMPLE_PROXY=proxy, THIDUA_SAMPLE_HOSTS=[urlsplit(SAMPLE_ORIGIN).hostname])
        state_root.mkdir(parents=True, exist_ok=True)
        run_dir = Path(tempfile.mkdtemp(prefix=f"run{run['run_id']}-", dir=state_root))
        job = {"db": "", "run_id": run["run_id"], "run_dir": str(run_dir), "profile": run["profile"],
               "sites": [s.to_dict() for s in sites], "settings": settings,
               "frontier": {"url": frontier, "lease": run.get("lease"), "delay": run.get("delay")}}
        return run_process(job, run_dir / "crawl.log", progress, {"run_id": run["run_id"], "resumed": resumed,
                                                                 "sites": [s.id for s in sites], "frontier": frontier})


class Writer(threading.Thread):
    """The run's single writer: items from every crawler (Redis list) → the catalogue, a batch per transaction.

    A batch is removed from the list only after its transaction commits, so a writer killed part-way
    writes it again on resume; storing an article twice is ``unchanged`` the second time.
    """

    def __init__(self, server, db_path: Path, run_id: int):
        super().__init__(name="thidua-writer", daemon=True)
        self.server, self.db_path, self.run_id = server, db_path, run_id
        self.stopping = threading.Event()
        self.error: BaseException | None = None
        self.written = 0

    def run(self) -> None:
        try:
            with Catalogue(self.db_path) as cat:
                while True:
                    n = self.write_batch(cat)
                    if n == 0:
                        if self.stopping.is_set():
                            break
                        self.stopping.wait(0.05)
        except BaseException as exc:  # surfaced by finish()
            self.error = exc

    def write_batch(self, cat: Catalogue) -> int:
        raw = self.server.lrange(KEYS.items, 0, WRITE_BATCH - 1)
        if not raw:
            return 0
        counts: Counter[str] = Counter()
        sites: Counter[str] = Counter()
        with cat.db.atomic():
            for entry in raw:
                op = json.loads(entry)
                if op["op"] == "store":
                    record = op["record"]
                    try:
                        status = cat.upsert_article(record, self.run_id)
                    except CatalogueError as exc:
                        cat.record_error(self.run_id, record.get("url"), f"invalid: {exc}")
                        counts.update(["errors", "errors_invalid"])
                        continue
                    counts[status] += 1
                    sites[f"{record.get('source')}\t{status}"] += 1
                elif op["op"] == "touch":
                    cat.touch(op["url"], self.run_id)
                elif op["op"] == "error":
                    cat.record_error(self.run_id, op.get("url"), op["message"])
        with self.server.pipeline() as pipe:
            for key, n in counts.items():
                pipe.hincrby(KEYS.stats, key, n)
            for key, n in sites.items():
                pipe.hincrby(KEYS.sites, key, n)
            pipe.ltrim(KEYS.items, len(raw), -1)
            pipe.execute()
        self.written += len(raw)
        return len(raw)

    def finish(self) -> None:
        """Write what is left in the list, then stop; re-raises the writer's error."""
        self.stopping.set()
        self.join()
        if self.error is not None:
            raise CrawlError(f"catalogue writer failed: {type(self.error).__name__}: {self.error}")


def _counts(server) -> dict[str, int]:
    stats = {k: 0 for k in STAT_KEYS}
    stats.update({k.decode(): int(v) for k, v in server.hgetall(KEYS.stats).items()})
    return stats


def _close_run(server, db_path: Path, run: dict) -> dict[str, Any]:
    """The frontier is idle and every item written: counts, site health, finish_run, then forget the run's keys."""
    run_id = run["run_id"]
    stats = _counts(server)
    site_counts: dict[str, Counter] = {}
    for field, n in server.hgetall(KEYS.sites).items():
        site, _, key = field.decode().partition("\t")
        site_counts.setdefault(site, Counter())[key] = int(n)
    with Catalogue(db_path) as cat:
        # exact even when a writer restart stored a batch twice (the second time counts as unchanged)
        stats["new"] = cat.db.execute("SELECT count(*) FROM articles WHERE first_seen_run = ?", [run_id]).fetchone()[0]
        stats["changed"] = cat.db.execute("SELECT count(DISTINCT article_id) FROM article_revisions"
                                          " WHERE replaced_by_run = ?", [run_id]).fetchone()[0]
        stats["run_id"] = run_id
        stats["health"] = record_health(cat, run_id, [Site.from_dict(s) for s in run["sites"]], site_counts)
        cat.finish_run(run_id, {k: v for k, v in stats.items() if k != "health"})
    server.delete(*KEYS.all())
    return stats
