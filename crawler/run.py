"""Run a crawl: ``crawl(db_path, ...)`` → run stats; each crawl in a fresh Scrapy process.

Twisted's reactor cannot restart inside one process, so ``crawl`` writes a job
file and runs ``python -m crawler.run JOB.json`` as a subprocess, reading its
progress events (JSON lines on stdout).  With ``sample=True`` it first serves
the bundled sample site on 127.0.0.1, on a free port; the site's URLs keep one
fixed origin, :data:`SAMPLE_ORIGIN`, reached through the server as a proxy
(``crawler.middlewares.SampleOriginMiddleware``), so they are the same from run
to run and a second run is incremental.

One crawl at a time per catalogue: ``crawl`` holds ``<catalogue>.lock``
(:mod:`crawler.lock`) and a second one stops with :class:`~crawler.lock.CatalogueBusy`
naming the first, or waits for it with ``wait=SECONDS``.  After the crawl it
writes each site's health (:mod:`crawler.health`) into the catalogue.

Runs are resumable.  Each selection of sites has a state directory
``<state_dir>/job-<key>/`` holding ``run.json`` (the catalogue run id), Scrapy's
``JOBDIR`` (request queue, seen fingerprints, spider state), ``done.txt`` and
``stats.json``.  A crawl that stops part-way (Ctrl-C, SIGTERM, a kill) raises
:class:`CrawlInterrupted` and keeps that directory; the next ``crawl`` with the
same sites and state dir continues the same run and ends with the same
catalogue as an uninterrupted crawl.  After a clean finish the run is closed
with ``Catalogue.finish_run`` and its state directory removed.

Example::

    >>> stats = crawl("data/catalogue.db", sites=["gialai", "quangnam"])   # doctest: +SKIP
    >>> stats["new"], stats["errors"]                                      # doctest: +SKIP
    (4, 0)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from contextlib import nullcontext, suppress
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from catalog.store import Catalogue
from crawler.health import record_health
from crawler.lock import run_lock
from crawler.server import SAMPLE_ROOT, serve_sample_site
from crawler.sites import LIVE_SITES, Site, load_sites, select_sites, with_overrides

#: The bundled sample site's URLs: a reserved name (RFC 2606 ``.test``) that no resolver answers.
SAMPLE_ORIGIN = "http://sample.thidua.test"
#: 0 = a free port, chosen by the system.
DEFAULT_SAMPLE_PORT = 0
Progress = Callable[[dict], None]


class CrawlError(RuntimeError):
    """A crawl could not start or run; the message is one line."""


class CrawlInterrupted(CrawlError):
    """The crawl process stopped before finishing; run again with the same state dir to resume."""


def _job_key(db_path: Path, sites: list[Site], profile: str) -> str:
    ident = json.dumps([str(db_path.resolve()), profile, sorted(s.id for s in sites)])
    return hashlib.sha1(ident.encode()).hexdigest()[:12]


def _open_run(cat: Catalogue, run_dir: Path, sites: list[Site]) -> tuple[int, bool]:
    """Return ``(run_id, resumed)``; prepares ``run_dir`` for a fresh or resumed job."""
    run_file = run_dir / "run.json"
    if run_file.exists():
        try:
            run_id = int(json.loads(run_file.read_text())["run_id"])
            if cat.db.execute("SELECT finished_at FROM crawl_runs WHERE id = ?", [run_id]).fetchone() == (None,):
                closed = run_dir / "closed.txt"
                if not closed.exists():
                    # hard kill: Scrapy's queue files may be torn; done.txt/stats.json carry the run on
                    shutil.rmtree(run_dir / "jobdir", ignore_errors=True)
                closed.unlink(missing_ok=True)
                return run_id, True
        except (ValueError, KeyError, TypeError):
            pass
        shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True, exist_ok=True)
    run_id = cat.start_run("crawl", [s.id for s in sites])
    tmp = run_dir / "run.json.tmp"
    tmp.write_text(json.dumps({"run_id": run_id, "sites": [s.id for s in sites]}))
    os.replace(tmp, run_file)
    return run_id, False


def crawl(
    db_path: str | Path,
    *,
    sites: list[str] | tuple[str, ...] | None = None,
    sample: bool = True,
    live: bool = False,
    state_dir: str | Path | None = None,
    max_pages: int | None = None,
    since: str | None = None,
    progress: Progress | None = None,
    settings: dict[str, Any] | None = None,
    sample_root: str | Path = SAMPLE_ROOT,
    sample_port: int = DEFAULT_SAMPLE_PORT,
    sites_file: str | Path | None = None,
    wait: float | None = None,
    command: str = "thidua crawl",
) -> dict[str, Any]:
    """Crawl the sample sites (default) or the live portals into the catalogue at ``db_path``.

    ``sites`` picks site ids; ``max_pages``/``since`` override every site's
    pagination depth and date cut-off; ``settings`` overrides Scrapy settings;
    ``progress`` gets each progress event (a dict with ``event`` and ``stats``).
    Returns the run stats (``run_id``, ``pages_fetched``, ``new``, ``changed``,
    ``unchanged``, ``not_modified``, ``errors``, ``errors_<kind>``, ``dropped``,
    ``skipped_old``, ``resumed``, ``health``: one dict per site, see
    :func:`crawler.health.assess`; ``waited``/``waited_for`` when another run held
    the catalogue).  Raises :class:`CrawlInterrupted` when the crawl stops early,
    ``SiteConfigError`` for bad site configuration, :class:`~crawler.lock.CatalogueBusy`
    when another run holds the catalogue (after ``wait`` seconds, if given).
    """
    if live == sample and live:
        sample = False
    if not live and not sample:
        raise CrawlError("nothing to crawl: pass sample=True (bundled site) or live=True (real portals)")
    db_path = Path(db_path)
    if not db_path.parent.is_dir():
        raise CrawlError(f"{db_path}: directory {db_path.parent} does not exist")
    state_root = Path(state_dir) if state_dir else db_path.parent / ".crawl-state"
    profile = "live" if live else "sample"
    with run_lock(db_path, command, wait) as held:
        server = nullcontext(None) if live else serve_sample_site(Path(sample_root), port=sample_port)
        try:
            proxy = server.__enter__()
        except OSError as exc:
            raise CrawlError(f"cannot serve the sample site on 127.0.0.1:{sample_port}: {exc}") from None
        try:
            settings = dict(settings or {})
            if live:
                chosen = [s for s in load_sites(sites_file or LIVE_SITES) if s.live]
            else:
                chosen = load_sites(sites_file or Path(sample_root) / "sites.toml", base_url=SAMPLE_ORIGIN)
                settings.update(THIDUA_SAMPLE_PROXY=proxy, THIDUA_SAMPLE_HOSTS=[urlsplit(SAMPLE_ORIGIN).hostname])
            chosen = with_overrides(select_sites(chosen, sites), max_pages=max_pages, since=since)
            stats = _run(db_path, chosen, profile, state_root, settings, progress)
        finally:
            server.__exit__(None, None, None)
    if held.waited_for:
        stats.update(waited=held.waited, waited_for=held.waited_for)
    return stats


def _run(db_path: Path, sites: list[Site], profile: str, state_root: Path, settings: dict[str, Any],
         progress: Progress | None) -> dict[str, Any]:
    run_dir = state_root / f"job-{_job_key(db_path, sites, profile)}"
    with Catalogue(db_path) as cat:
        for s in sites:
            cat.upsert_source(s.id, s.name, s.base_url, s.family, s.province)
        run_id, resumed = _open_run(cat, run_dir, sites)
    job = {
        "db": str(db_path), "run_id": run_id, "run_dir": str(run_dir), "profile": profile,
        "sites": [s.to_dict() for s in sites], "settings": settings,
    }
    log_path = state_root / "crawl.log"
    code, reason = run_process(job, log_path, progress, {"run_id": run_id, "resumed": resumed,
                                                         "sites": [s.id for s in sites]})
    if code != 0 or reason != "finished":
        raise CrawlInterrupted(
            f"crawl run {run_id} stopped before finishing (exit {code}, reason {reason or 'killed'}); "
            f"run again with the same sites and state dir ({state_root}) to resume; log: {log_path}")
    stats = json.loads((run_dir / "stats.json").read_text())
    stats.update(run_id=run_id, resumed=resumed)
    site_stats = json.loads((run_dir / "sites.json").read_text()) if (run_dir / "sites.json").exists() else {}
    with Catalogue(db_path) as cat:
        stats["health"] = record_health(cat, run_id, sites, site_stats)
        cat.finish_run(run_id, {k: v for k, v in stats.items() if k != "health"})
    shutil.rmtree(run_dir, ignore_errors=True)
    return stats


def run_process(job: dict[str, Any], log_path: Path, progress: Progress | None,
                started: dict[str, Any]) -> tuple[int, str | None]:
    """Run the Scrapy crawl of ``job`` (``job["run_dir"]`` holds it) in a subprocess; returns its exit code and
    the spider's close reason (None when it was killed).  Progress events are read from its stdout."""
    run_dir = Path(job["run_dir"])
    job_file = run_dir / "job.json"
    job_file.write_text(json.dumps(job, ensure_ascii=False))
    (run_dir / "closed.txt").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen([sys.executable, "-m", "crawler.run", str(job_file)], stdout=subprocess.PIPE,
                                stderr=log, text=True, encoding="utf-8", env=env)
        if progress:
            progress({"event": "started", "pid": proc.pid, **started, "stats": {}})
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if progress and line.startswith("{"):
                    with suppress(json.JSONDecodeError):
                        progress(json.loads(line))
            code = proc.wait()
        except BaseException:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
            raise
    closed = run_dir / "closed.txt"
    return code, (closed.read_text().strip() if closed.exists() else None)


def run_job(job_file: str | Path) -> int:
    """Subprocess entry point: run one Scrapy crawl described by ``job_file``."""
    from scrapy.crawler import CrawlerProcess

    from crawler.middlewares import use_offline_suffix_list
    from crawler.settings import build_settings
    from crawler.spiders.portal import PortalSpider

    use_offline_suffix_list()

    job = json.loads(Path(job_file).read_text(encoding="utf-8"))
    run_dir = Path(job["run_dir"])
    settings = build_settings(job["profile"], job.get("settings"))
    legacy_hosts = sorted({d for s in job["sites"] if s.get("legacy_tls") for d in s["allowed_domains"]})
    settings.update(
        THIDUA_LEGACY_TLS_HOSTS=legacy_hosts,
        THIDUA_DB=job["db"], THIDUA_RUN_ID=job["run_id"], THIDUA_RUN_DIR=str(run_dir), THIDUA_PROGRESS=True,
    )
    if job.get("frontier"):  # a crawl shared by several processes: the queue and run state are in Redis
        from distributed.frontier import scrapy_settings

        settings.update(scrapy_settings(job["frontier"]))
        settings["DOWNLOADER_MIDDLEWARES"] = {**settings["DOWNLOADER_MIDDLEWARES"],
                                              "distributed.frontier.DomainBudgetMiddleware": 570}
    else:
        settings["JOBDIR"] = str(run_dir / "jobdir")
    process = CrawlerProcess(settings)
    process.crawl(PortalSpider, sites=job["sites"])
    process.start()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m crawler.run JOB.json", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(run_job(sys.argv[1]))
