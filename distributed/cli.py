"""``thidua extract-queue`` (the catalogue's side: feed, write) and ``thidua extract-worker`` (any machine)."""

from __future__ import annotations

import click

from distributed.extraction import DEFAULT_LEASE
from distributed.redisconn import RedisURLError


@click.command("extract-worker")
@click.option("--queue", "queue_url", required=True, metavar="redis://HOST:PORT/DB", help="The extraction queue.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes on this machine (forked after the models are loaded).")
@click.option("--forever", is_flag=True, help="Keep waiting for the next job instead of exiting when this one is done.")
@click.option("--wait", type=click.FloatRange(min=0), default=0.0, metavar="SECONDS",
              help="Wait up to SECONDS for a job to appear.")
def extract_worker(queue_url: str, jobs: int, forever: bool, wait: float) -> None:
    """Extract articles from a Redis queue fed by `thidua extract-queue` (or `thidua run --queue`).

    Records go back through Redis to the one process that writes the
    catalogue.  A worker killed mid-article loses nothing: the article goes
    back to the queue when its lease (the job's --lease) runs out.

    Example:

        thidua extract-worker --queue redis://10.0.0.5:6379/1 -j 4 --wait 600
    """
    from distributed.extraction import work

    try:
        if jobs == 1:
            n = work(queue_url, forever=forever, wait=wait)
        else:
            n = _fork_workers(queue_url, jobs, forever, wait)
    except RedisURLError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"extracted {n} article(s) from {queue_url}")


def _fork_workers(queue_url: str, jobs: int, forever: bool, wait: float) -> int:
    import multiprocessing as mp

    from distributed.extraction import work
    from extract.api import warm_up

    warm_up()
    with mp.get_context("fork").Pool(jobs) as pool:
        results = [pool.apply_async(work, (queue_url,), {"forever": forever, "wait": wait}) for _ in range(jobs)]
        return sum(r.get() for r in results)


@click.command("extract-queue")
@click.option("--queue", "queue_url", required=True, metavar="redis://HOST:PORT/DB", help="The extraction queue.")
@click.option("--db", "db_path", default="data/catalogue.db", show_default=True, type=click.Path(dir_okay=False),
              help="The catalogue whose pending articles are extracted (this process alone writes it).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes to start here as well (0: only the remote `thidua extract-worker`s).")
@click.option("--lease", type=click.FloatRange(min=0.5), default=DEFAULT_LEASE, show_default=True, metavar="SECONDS",
              help="Visibility timeout: an article leased by a worker that dies goes back to the queue after SECONDS.")
@click.option("--wait", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="If another run holds the catalogue, wait up to SECONDS for it instead of stopping.")
def extract_queue(queue_url: str, db_path: str, jobs: int, lease: float, wait: float | None) -> None:
    """Extract the catalogue's pending articles with workers anywhere: feed them to a Redis queue, store the records.

    Start workers on other machines with `thidua extract-worker --queue URL`.
    Stops when every pending article is stored; a stopped job leaves the
    rest pending in the catalogue, and the next one takes them up.

    Example:

        thidua extract-queue --queue redis://10.0.0.5:6379/1 --db data/catalogue.db -j 2
    """
    from crawler.lock import CatalogueBusy, run_lock
    from distributed.extraction import serve_extraction

    try:
        with run_lock(db_path, "thidua extract-queue", wait):
            stats = serve_extraction(queue_url, db_path, lease=lease, local_workers=jobs)
    except (RedisURLError, CatalogueBusy) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(extraction_summary(stats, queue_url))


def extraction_summary(stats: dict, queue_url: str) -> str:
    """One line: what the queue's workers extracted and the writer stored.

    >>> extraction_summary({"stored": 16, "failed": 0, "reaped": 1, "seconds": 2.5}, "redis://h:6379/1")
    'extracted 16 article(s) through redis://h:6379/1 in 2.5 s (failed 0, leases expired and retried 1)'
    """
    return (f"extracted {stats['stored']} article(s) through {queue_url} in {stats['seconds']:.1f} s "
            f"(failed {stats['failed']}, leases expired and retried {stats.get('reaped', 0)})")


COMMANDS = [extract_worker, extract_queue]
