"""Crawler processes sharing a Redis frontier crawl the sample site to the catalogue one process makes."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from unittest import mock

import pytest

from crawler.run import crawl

from .conftest import articles, fetches, finish, kill, pages, start

DELAY = 0.05  # the shared per-domain budget: the sample site is one domain


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """The sample site crawled by one process without Redis: its catalogue and its fetch log."""
    tmp = tmp_path_factory.mktemp("single")
    with mock.patch.dict(os.environ, {"THIDUA_SAMPLE_LOG": str(tmp / "access.log")}):
        crawl(tmp / "cat.db", state_dir=tmp / "state")
    return tmp / "cat.db", tmp / "access.log"


def _coordinator(url: str, tmp: Path, log: Path, *extra: str):
    return start(["crawl", "--frontier", url, "--db", str(tmp / "cat.db"), "--state-dir", str(tmp / "s-coord"),
                  *extra], tmp / "coordinator.out", THIDUA_SAMPLE_LOG=str(log))


def _joiner(url: str, tmp: Path, log: Path, name: str, *extra: str):
    return start(["crawl", "--frontier", url, "--join", "--wait", "60", "--state-dir", str(tmp / f"s-{name}"),
                  *extra], tmp / f"{name}.out", THIDUA_SAMPLE_LOG=str(log))


def _wait_for_fetches(log: Path, ports: int, at_least: int, timeout: float = 60) -> set[int]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if log.exists():
            seen = [f[1] for f in fetches(log)]
            if len(set(seen)) >= ports and len(seen) >= at_least:
                return set(seen)
        time.sleep(0.05)
    raise AssertionError(f"fewer than {at_least} fetches from {ports} crawler(s) in {timeout} s")


def test_two_crawlers_one_frontier_make_the_one_process_catalogue(single, redis_url, tmp_path):
    single_db, single_log = single
    log = tmp_path / "access.log"
    coordinator = _coordinator(redis_url, tmp_path, log, "--delay", str(DELAY))
    joiner = _joiner(redis_url, tmp_path, log, "joiner")
    out = finish(coordinator, tmp_path / "coordinator.out")
    finish(joiner, tmp_path / "joiner.out")

    assert articles(tmp_path / "cat.db") == articles(single_db)
    assert "new 24" in out and "errors 0" in out
    # no page fetched twice: the same fetches as one process, spread over both crawlers
    assert pages(log) == pages(single_log)
    assert max(pages(log).values()) <= max(pages(single_log).values())
    by_port = {}
    for _, port, _, path in fetches(log):
        by_port[port] = by_port.get(port, 0) + (not path.endswith("/robots.txt"))
    assert len(by_port) == 2 and min(by_port.values()) >= 5, by_port
    # one politeness budget for the domain, not one per process: fetches spaced by the delay across both
    times = sorted(t for t, *_ in fetches(log))
    assert times[-1] - times[0] >= 0.9 * DELAY * (len(times) - 1)
    # and no burst: any 10 consecutive gaps span most of 10 delays (a busy machine may delay one send)
    assert min(b - a for a, b in zip(times, times[10:], strict=False)) >= 0.6 * 10 * DELAY

    # the next run is incremental: listings read again, every known article answers 304, nothing new
    log.unlink()
    again = finish(_coordinator(redis_url, tmp_path, log), tmp_path / "coordinator.out")
    assert "new 0" in again and "unchanged 24" in again
    assert sum(1 for *_, path in fetches(log) if "robots" not in path) == sum(pages(single_log).values())
    with sqlite3.connect(tmp_path / "cat.db") as con:
        assert con.execute("SELECT count(*) FROM crawl_runs WHERE finished_at IS NOT NULL").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM articles WHERE last_seen_run = 2").fetchone()[0] == 24


@pytest.mark.parametrize("victim", ["joiner", "coordinator"])
def test_a_crawler_killed_mid_run_and_another_started_end_with_the_same_catalogue(single, redis_url, tmp_path,
                                                                                  victim):
    single_db, _ = single
    log = tmp_path / "access.log"
    coordinator = _coordinator(redis_url, tmp_path, log, "--delay", "0.1", "--lease", "2")
    joiner = _joiner(redis_url, tmp_path, log, "joiner")
    _wait_for_fetches(log, ports=2, at_least=15)
    if victim == "joiner":
        kill(joiner)
        replacement = _joiner(redis_url, tmp_path, log, "second")
        finish(coordinator, tmp_path / "coordinator.out")
        finish(replacement, tmp_path / "second.out")
    else:
        kill(coordinator)
        partial = articles(tmp_path / "cat.db")
        assert len(partial) < 24
        replacement = _coordinator(redis_url, tmp_path, log)  # the same command again resumes the run
        out = finish(replacement, tmp_path / "coordinator.out")
        finish(joiner, tmp_path / "joiner.out")
        assert "new 24" in out
    assert articles(tmp_path / "cat.db") == articles(single_db)
    with sqlite3.connect(tmp_path / "cat.db") as con:
        assert con.execute("SELECT count(*), count(finished_at) FROM crawl_runs").fetchone() == (1, 1)
