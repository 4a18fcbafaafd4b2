"""Extraction workers on a Redis queue store, through the one writer, what one process's pool stores."""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
import redis

from crawler.run import crawl
from distributed.extraction import RESULTS, TASKS
from distributed.redisconn import LeaseQueue
from pipeline import extract_pending

from .conftest import finish, kill, start


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The sample site crawled (no extraction yet), and the same catalogue extracted by one process."""
    tmp = tmp_path_factory.mktemp("crawled")
    crawl(tmp / "crawled.db", state_dir=tmp / "state")
    shutil.copy(tmp / "crawled.db", tmp / "reference.db")
    assert extract_pending(str(tmp / "reference.db"), jobs=1, progress=False) == 24
    return tmp / "crawled.db", tmp / "reference.db"


def _extractions(db: Path) -> dict[str, tuple]:
    """url → (extractor version, hash of the stored record) for every article."""
    with sqlite3.connect(db) as con:
        return {r[0]: r[1:] for r in con.execute("SELECT url, extractor_version, extraction_hash FROM articles")}


def _facts(db: Path) -> dict[str, list]:
    with sqlite3.connect(db) as con:
        out = {}
        for table in ("awards", "events", "clusters", "campaigns", "article_provinces"):
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] not in ("id", "rowid")]
            out[table] = sorted(map(repr, con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
    return out


def _copy(src: Path, tmp: Path) -> Path:
    db = tmp / "cat.db"
    shutil.copy(src, db)
    return db


def test_two_workers_store_what_one_process_stores(crawled, redis_url, tmp_path):
    source, reference = crawled
    db = _copy(source, tmp_path)
    writer = start(["extract-queue", "--queue", redis_url, "--db", str(db)], tmp_path / "writer.out")
    workers = [start(["extract-worker", "--queue", redis_url, "--wait", "60"], tmp_path / f"w{i}.out")
               for i in range(2)]
    out = finish(writer, tmp_path / "writer.out")
    counts = [int(re.search(r"extracted (\d+)", finish(w, tmp_path / f"w{i}.out")).group(1))
              for i, w in enumerate(workers)]
    assert "extracted 24 article(s)" in out and "failed 0" in out
    assert sum(counts) == 24
    assert _extractions(db) == _extractions(reference)
    assert _facts(db) == _facts(reference) and _facts(db)["awards"]


def test_a_worker_killed_mid_article_loses_nothing(crawled, redis_url, tmp_path):
    source, reference = crawled
    db = _copy(source, tmp_path)
    server = redis.Redis.from_url(redis_url)
    leases = LeaseQueue(server, TASKS)
    writer = start(["extract-queue", "--queue", redis_url, "--db", str(db), "--lease", "2"], tmp_path / "writer.out")
    slow = start(["extract-worker", "--queue", redis_url, "--wait", "60"], tmp_path / "slow.out",
                 THIDUA_EXTRACT_SLEEP="30")
    deadline = time.monotonic() + 120
    while server.zcard(leases.leases) == 0:  # the slow worker has leased its first article and sleeps on it
        assert time.monotonic() < deadline, "the worker never leased an article"
        time.sleep(0.05)
    held = server.zrange(leases.leases, 0, -1)
    kill(slow)
    killed_at = time.monotonic()
    assert server.zcard(leases.ready) == 23 and server.llen(RESULTS) == 0  # nothing came back from it
    other = start(["extract-worker", "--queue", redis_url, "--wait", "60"], tmp_path / "other.out")
    out = finish(writer, tmp_path / "writer.out")
    finish(other, tmp_path / "other.out")

    assert "extracted 24 article(s)" in out and "leases expired and retried 1" in out
    assert time.monotonic() - killed_at >= 1.5  # the article waited out its visibility timeout
    assert held and server.zcard(leases.leases) == 0
    assert _extractions(db) == _extractions(reference)
    assert _facts(db) == _facts(reference)


def test_lease_queue_take_renew_ack_reap(redis_url):
    server = redis.Redis.from_url(redis_url)
    queue = LeaseQueue(server, "test:q", lease_seconds=0.3)
    for n in (3, 1, 2):
        queue.put(f"a{n}", n)
    (t1, m1), (t2, m2) = queue.take(2)
    assert (m1, m2) == (b"a1", b"a2") and queue.counts() == (1, 2)
    queue.ack(t1)
    time.sleep(0.2)
    assert queue.renew([t2]) == 1
    time.sleep(0.2)
    assert queue.reap() == 0  # renewed: still held
    time.sleep(0.25)
    assert queue.reap() == 1 and queue.counts() == (2, 0)  # expired: back among the ready, in score order
    assert [m for _, m in queue.take(5)] == [b"a2", b"a3"]
    assert not queue.idle() and int(server.get(queue.reaped)) == 1


def test_lease_with_its_input_and_deliver_forgetting_it(redis_url):
    """A worker leases an id and reads its text in one round trip, and its result, the ack and the removal of
    the text go together: a second worker leasing the same id after a slow first one finds no text."""
    server = redis.Redis.from_url(redis_url)
    queue = LeaseQueue(server, "test:w", lease_seconds=0.2)
    server.hset("test:w:texts", mapping={"7": "bảy", "8": "tám"})
    queue.put("7", 7)
    queue.put("8", 8)
    queue.put("9", 9)  # no text: already delivered by someone else
    (tok7, m7, text7), (tok8, m8, text8), (tok9, m9, text9) = queue.take_with("test:w:texts", 3)
    assert (m7, text7, m8, text8, m9, text9) == (b"7", "bảy".encode(), b"8", "tám".encode(), b"9", None)
    queue.deliver("test:w:results", "record 7", tok7, forget=("test:w:texts", m7))
    assert server.lrange("test:w:results", 0, -1) == [b"record 7"]
    assert server.hkeys("test:w:texts") == [b"8"] and queue.counts() == (0, 2)
    time.sleep(0.25)
    assert queue.reap() == 2
    assert [(m, v) for _, m, v in queue.take_with("test:w:texts", 5)] == [(b"8", "tám".encode()), (b"9", None)]
