"""thidua: crawl → extract → catalogue → query, as one command-line tool.

Each stage keeps its commands beside its code (``crawler/cli.py``,
``extract/cli.py``, ``catalog/cli.py``); this module assembles them and runs
the whole job (``thidua run``).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

STAGE_CLIS = ("extract.cli", "crawler.cli", "catalog.cli", "catalog.cli_apps", "distributed.cli")


def read_page(url: str, body: bytes) -> tuple[str | None, str]:
    """(title, text) of a saved portal page by the crawler's parser; the catalogue's loader is handed this."""
    from crawler.pages import parse_page

    art = parse_page(url, body).article
    if art is None:
        return None, ""
    return art.title, "\n\n".join(x for x in (art.title, art.text) if x)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="thidua")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """thidua — a catalogue of Vietnamese emulation and commendation news.

    Example:

        thidua run            # crawl the bundled sample site, extract, load data/catalogue.db
    """
    ctx.obj = {"read_page": read_page}  # the stages meet here: catalog never imports crawler


for _module in STAGE_CLIS:
    try:
        _mod = importlib.import_module(_module)
    except ModuleNotFoundError as _e:  # a stage still being written
        if not _module.startswith(str(_e.name)):
            raise
        continue
    for _cmd in getattr(_mod, "COMMANDS", []):
        cli.add_command(_cmd)


DEFAULT_DB = "data/catalogue.db"


def _extract_article(art: dict) -> tuple[int, dict]:
    from extract.api import extract_text

    return art["article_id"], extract_text(art["text"], source=art["url"], published=art.get("published"),
                                           title=art.get("title"), evidence=True)


def extract_pending(db_path: str, *, jobs: int = 0, progress: bool = True) -> int:
    """Extract every catalogued article not yet extracted by this extractor version; returns the count.

    ``jobs`` worker processes extract (0: one per core); this process alone writes the catalogue, in article
    order, so a run stopped part-way leaves every stored record whole and the rest pending.
    """
    from catalog.store import Catalogue
    from extract.api import EXTRACTOR_VERSION, in_workers

    cat = Catalogue(db_path)
    pending = list(cat.pending_extraction(EXTRACTOR_VERSION))
    if not pending:
        return 0
    results = in_workers(_extract_article, pending, jobs)
    if progress:
        from rich.progress import track

        results = track(results, total=len(pending), description="Extracting", console=None)
    cat.store_extractions(results, EXTRACTOR_VERSION)  # in batches: one transaction each
    return len(pending)


def summary(db_path: str) -> dict[str, int]:
    """Counts shown at the end of a run; awards and events are distinct facts, not mentions."""
    import sqlite_utils

    db = sqlite_utils.Database(db_path)

    def count(sql: str) -> int:
        try:
            return db.execute(sql).fetchone()[0]
        except Exception:  # a table that this catalogue version does not have
            return 0

    return {
        "articles": count("select count(*) from articles"),
        "campaigns": count("select count(*) from campaigns"),
        "clusters": count("select count(*) from clusters"),
        "awards": count("select count(*) from awards"),
        "events": count("select count(*) from events"),
        "provinces": count("select count(distinct province) from article_provinces"),
    }


@cli.command("run")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="Catalogue database to create or update.")
@click.option("--live", is_flag=True, help="Crawl the real portals of data/sites.toml instead of the bundled sample.")
@click.option("--max-pages", type=int, default=None, help="Listing pages to follow per site.")
@click.option("-j", "--jobs", type=int, default=0, show_default=True,
              help="Extraction worker processes (0 = one per core; with --queue: local workers beside the "
                   "remote ones, 0 = none).")
@click.option("--wait", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="If another run holds the catalogue, wait up to SECONDS for it instead of stopping.")
@click.option("--frontier", metavar="redis://HOST:PORT/DB",
              help="Crawl on a shared Redis frontier with `thidua crawl --frontier URL --join` processes elsewhere.")
@click.option("--queue", "queue_url", metavar="redis://HOST:PORT/DB",
              help="Extract through a Redis queue served to `thidua extract-worker --queue URL` processes elsewhere.")
def run_cmd(db: str, live: bool, max_pages: int | None, jobs: int, wait: float | None, frontier: str | None,
            queue_url: str | None) -> None:
    """Crawl, extract and load the catalogue, then print a summary.

    With no options it crawls the bundled sample site (served on 127.0.0.1),
    extracts every new or changed article and loads data/catalogue.db.
    Running it again adds nothing that is already there.  One run at a time
    per catalogue: a second one stops with a message naming the running one,
    or waits for it with --wait (a nightly job: see README, "Nightly runs").

    With --frontier and --queue the crawl and the extraction are shared with
    processes on other machines (see README, "Past one machine"); without them
    nothing needs Redis.

    Example:

        thidua run
        thidua query "select title, published from articles order by published"
    """
    from rich.console import Console

    from crawler.cli import crawl_summary, crawl_with_progress
    from crawler.health import health_summary
    from crawler.lock import CatalogueBusy, run_lock
    from distributed.redisconn import RedisURLError

    console = Console(stderr=True)
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    try:
        from distributed.redisconn import connect

        for url, option in ((frontier, "--frontier"), (queue_url, "--queue")):
            if url:  # checked before anything runs: a bad URL stops the run with nothing done
                connect(url, option).close()
        with run_lock(db, "thidua run", wait) as held:
            if held.waited_for:
                console.print(f"waited {held.waited:.0f} s for {held.waited_for} to finish")
            console.print(f"[bold]thidua run[/]: crawling {'the live portals' if live else 'the bundled sample site'} → {db}")
            if frontier:
                from functools import partial

                from distributed.crawl import crawl_frontier

                stats = crawl_with_progress(Path(db), func=partial(crawl_frontier, frontier), live=live,
                                            max_pages=max_pages)
            else:
                stats = crawl_with_progress(Path(db), sample=not live, live=live, max_pages=max_pages)
            console.print(crawl_summary(stats))
            console.print(health_summary(stats.get("health") or []), highlight=False)
            if queue_url:
                from distributed.cli import extraction_summary
                from distributed.extraction import serve_extraction

                console.print(f"extracting through {queue_url}: start workers with thidua extract-worker --queue {queue_url}")
                console.print(extraction_summary(serve_extraction(queue_url, db, local_workers=jobs), queue_url))
            else:
                n = extract_pending(db, jobs=jobs)
                console.print(f"extracted {n} new or changed article(s)")
            counts = summary(db)
    except (CatalogueBusy, RedisURLError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo("  ".join(f"{k}: {v}" for k, v in counts.items()))
