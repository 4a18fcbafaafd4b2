"""``thidua crawl``: a thin click shell over :func:`crawler.run.crawl`.

The lead wires ``COMMANDS`` into ``pipeline.py``'s click group.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import click
from rich.console import Console
from rich.live import Live
from rich.text import Text

from crawler.health import health_summary
from crawler.lock import CatalogueBusy
from crawler.run import DEFAULT_SAMPLE_PORT, CrawlError, crawl
from crawler.sites import SiteConfigError

_SHOWN = ("pages_fetched", "new", "changed", "unchanged", "errors")


def _status_line(event: dict) -> Text:
    stats = event.get("stats") or {}
    counts = "  ".join(f"{k}={stats.get(k, 0)}" for k in _SHOWN)
    url = str(event.get("url") or "")
    return Text.assemble(("crawling ", "bold"), (counts, "cyan"), "  ", (url[-70:], "dim"))


@click.command("crawl")
@click.option("--live", is_flag=True, help="Crawl the real portals of data/sites.toml instead of the bundled sample site.")
@click.option("--site", "site_ids", multiple=True, metavar="ID", help="Only this site id (repeatable).")
@click.option("--db", "db_path", default="data/catalogue.db", show_default=True, type=click.Path(dir_okay=False),
              help="Catalogue SQLite file (created if missing).")
@click.option("--max-pages", type=click.IntRange(min=1), help="Pagination depth per listing (overrides sites.toml).")
@click.option("--since", metavar="YYYY-MM-DD", help="Skip articles published before this date.")
@click.option("--state-dir", type=click.Path(file_okay=False), help="Resumable job state (default: .crawl-state beside the DB).")
@click.option("--port", default=DEFAULT_SAMPLE_PORT, show_default=True,
              help="Loopback port for the sample site (0: any free port; its URLs do not depend on it).")
@click.option("--wait", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="If another run holds the catalogue, wait up to SECONDS for it instead of stopping "
                   "(with --join: wait up to SECONDS for a run to join).")
@click.option("--frontier", metavar="redis://HOST:PORT/DB",
              help="Share the crawl with other processes and machines through this Redis (see --join).")
@click.option("--join", is_flag=True, help="With --frontier: crawl the run another process coordinates; no catalogue here.")
@click.option("--delay", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="With --frontier: seconds between two requests to one domain, across all processes "
                   "(default: the profile's download delay, 1 s live).")
@click.option("--lease", type=click.FloatRange(min=0.5), default=60.0, show_default=True, metavar="SECONDS",
              help="With --frontier: a request taken by a process that dies goes back to the queue after SECONDS.")
def crawl_command(live: bool, site_ids: tuple[str, ...], db_path: str, max_pages: int | None, since: str | None,
                  state_dir: str | None, port: int, wait: float | None, frontier: str | None, join: bool,
                  delay: float | None, lease: float) -> None:
    """Crawl portals into the catalogue; a second run fetches only what is new or changed.

    Without --live the bundled sample site is served on 127.0.0.1 and crawled.
    An interrupted crawl (Ctrl-C) resumes when run again with the same sites
    and state dir.  One run at a time per catalogue: a second one stops with a
    message naming the running one, or waits for it with --wait.  Each run
    ends with a per-site health report (also in the table site_health).

    With --frontier, processes on any number of machines share one request
    queue, seen-URL filter and per-domain politeness budget in Redis: the one
    started with --db coordinates the run and alone writes the catalogue; the
    others are started with --join.  Killed processes lose nothing; run the
    coordinator again to resume.

    Example:

    \b
        thidua crawl --site gialai --site quangnam --db data/catalogue.db --max-pages 5
        thidua crawl --live --frontier redis://10.0.0.5:6379/0 --db data/catalogue.db   # coordinator
        thidua crawl --frontier redis://10.0.0.5:6379/0 --join                          # other machines
    """
    if join and not frontier:
        raise click.UsageError("--join needs --frontier redis://HOST:PORT/DB")
    if frontier:
        from distributed.crawl import crawl_frontier

        stats = crawl_with_progress(None if join else Path(db_path), func=partial(crawl_frontier, frontier),
                                    join=join, sites=list(site_ids) or None, live=live, max_pages=max_pages,
                                    since=since, delay=delay, lease=lease, wait=wait, state_dir=state_dir)
    else:
        stats = crawl_with_progress(Path(db_path), sites=list(site_ids) or None, sample=not live, live=live,
                                    state_dir=state_dir, max_pages=max_pages, since=since, sample_port=port, wait=wait)
    if stats.get("joined"):
        click.echo(f"joined crawl run {stats['run_id']}; the run so far: "
                   + ", ".join(f"{k} {stats.get(k, 0)}" for k in _SHOWN))
        return
    click.echo(crawl_summary(stats))
    if stats.get("health"):
        click.echo(health_summary(stats["health"]))


def crawl_with_progress(db_path: Path | None, func=crawl, **kwargs) -> dict:
    """``crawl(...)`` (or ``func``) with a live status line on stderr; crawl errors become one-line CLI errors."""
    from distributed.redisconn import RedisURLError

    console = Console(stderr=True)
    with Live(Text("starting crawl…"), console=console, transient=True, refresh_per_second=8) as live_view:
        def progress(event: dict) -> None:
            live_view.update(_status_line(event))

        try:
            return func(db_path, progress=progress, **kwargs)
        except (CrawlError, SiteConfigError, CatalogueBusy, RedisURLError) as exc:
            raise click.ClickException(str(exc)) from None


def crawl_summary(stats: dict) -> str:
    """One line: the run id, its counts, the errors by kind and sites stopped by bot walls.

    >>> crawl_summary({"run_id": 3, "new": 2, "errors": 3, "errors_botwall": 3, "sites_stopped": 1})
    'crawl run 3: pages_fetched 0, new 2, changed 0, unchanged 0, errors 3 (botwall 3), sites stopped 1'
    """
    line = f"crawl run {stats['run_id']}: " + ", ".join(f"{k} {stats.get(k, 0)}" for k in _SHOWN)
    kinds = sorted((k.removeprefix("errors_"), v) for k, v in stats.items() if k.startswith("errors_") and v)
    if kinds:
        line += " (" + ", ".join(f"{kind} {n}" for kind, n in kinds) + ")"
    if stats.get("sites_stopped"):
        line += f", sites stopped {stats['sites_stopped']}"
    if stats.get("waited_for"):
        line += f" (waited {stats['waited']:.0f} s for {stats['waited_for']})"
    return line


COMMANDS = [crawl_command]
