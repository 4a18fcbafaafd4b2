"""Extraction on many machines: ``thidua extract-queue`` feeds and writes, ``thidua extract-worker`` extracts.

The queue is a Redis reliable queue (:class:`~distributed.redisconn.LeaseQueue`): article ids ready in a
sorted set (by id), their texts in a hash.  A worker leases an id (moved atomically to the leases with a
deadline, the *visibility timeout*), extracts the article, pushes the record to the results list and only
then acknowledges the lease.  A worker killed mid-article never acknowledges it: when the deadline passes
the writer (or any worker) puts the id back and another worker extracts it.  A record pushed twice (a
worker killed between its push and its ack) is stored once: ``Catalogue.store_extraction`` is idempotent.

The writer (:func:`serve_extraction`) is the one process that has the catalogue.  It feeds the pending
articles (``Catalogue.pending_extraction``) a window at a time, so Redis holds a bounded number of texts,
and stores the workers' records in batches, one transaction each, through ``Catalogue.store_extractions``
(the path ``thidua run`` takes with its local process pool), in the same order (article id).  The catalogue
stays the truth about what is pending: a writer that stops part-way leaves the rest pending, and the next
one starts a fresh job.

Workers load the models before they take work (``extract.api.warm_up``) and say so
(``thidua:extract:ready``), so a benchmark can time extraction alone.  ``THIDUA_EXTRACT_SLEEP=SECONDS`` makes a
worker sleep that long per article after leasing it — a test hook that leaves time to kill it mid-article.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections import deque
from pathlib import Path
from typing import Any

from catalog.store import Catalogue, now_iso
from distributed.redisconn import PREFIX, LeaseQueue, RedisURLError, connect, wait_for

NAME = f"{PREFIX}:extract"
JOB, TEXTS, RESULTS, READY = f"{NAME}:job", f"{NAME}:texts", f"{NAME}:results", f"{NAME}:ready"
TASKS = f"{NAME}:tasks"
#: Articles in Redis at once (ready, leased or waiting to be stored).
WINDOW = 2000
STORE_BATCH = 100  # results read from Redis at a time
#: Records are stored together (one transaction, facts looked up and settled once) when this many are in
#: hand or this long after the last store: one at a time, the writer would spend twice the CPU per record.
HOLD_RECORDS, HOLD_SECONDS = 200, 1.0
#: Texts sent to Redis per round trip while feeding: the workers start on the first ones while the rest go.
FEED_CHUNK = 50
#: The writer waits at most this long for results before it looks again at what it holds; expired leases
#: are put back every REAP_SECONDS (a lease lasts a minute by default).
POLL_SECONDS, REAP_SECONDS = 0.05, 1.0
#: A worker reads the job (its state, extractor version and lease) this often while there is work.
JOB_SECONDS = 0.5
DEFAULT_LEASE = 60.0


def serve_extraction(queue_url: str, db_path: str | Path, *, lease: float = DEFAULT_LEASE, local_workers: int = 0,
                     window: int = WINDOW, progress=None) -> dict[str, Any]:
    """Extract every pending article of the catalogue at ``db_path`` through the queue at ``queue_url``; this
    process alone writes.  ``local_workers`` worker processes are started here too (0: the workers are
    elsewhere, ``thidua extract-worker``).  Returns ``{"stored", "failed", "reaped", "seconds"}``."""
    from extract.api import EXTRACTOR_VERSION

    server = connect(queue_url, "--queue")
    db_path = Path(db_path)
    if not db_path.is_file():
        raise RedisURLError(f"{db_path}: no such catalogue")
    procs = _start_local_workers(queue_url, local_workers)
    try:
        with Catalogue(db_path) as cat:
            pending = cat.pending_extraction(EXTRACTOR_VERSION)
            tasks = LeaseQueue(server, TASKS, lease)
            server.delete(JOB, TEXTS, RESULTS, *tasks.keys)  # a fresh job: the catalogue, not Redis, knows what is pending
            job = {"id": f"{socket.gethostname()}:{os.getpid()}:{time.time():.0f}", "version": EXTRACTOR_VERSION,
                   "catalogue": str(db_path.resolve()), "lease": lease, "state": "running", "started": now_iso()}
            server.set(JOB, json.dumps(job))
            stats = _write_loop(server, cat, tasks, pending, EXTRACTOR_VERSION, window, progress)
            server.set(JOB, json.dumps({**job, "state": "done"}))
            stats["reaped"] = int(server.get(tasks.reaped) or 0)
    finally:
        for p in procs:
            p.join(timeout=60)
            if p.is_alive():
                p.kill()
    return stats


def _start_local_workers(queue_url: str, n: int) -> list:
    if n <= 0:
        return []
    import multiprocessing as mp

    from extract.api import warm_up

    warm_up()  # loaded once, shared by the forked workers
    procs = [mp.get_context("fork").Process(target=work, args=(queue_url,), kwargs={"wait": 60.0}, daemon=True)
             for _ in range(n)]
    for p in procs:
        p.start()
    return procs


def _write_loop(server, cat: Catalogue, tasks: LeaseQueue, pending, version: str, window: int, progress) -> dict:
    """Store results in the order the articles were fed (article id), as the local pool does: facts take ids
    and first reports in that order, so the catalogue is the one a single process makes.  A writer stopped
    while it holds records leaves their articles pending: the next job extracts them again."""
    order: deque[int] = deque()  # fed, not yet stored
    outstanding: set[int] = set()
    arrived: dict[int, dict] = {}
    stored = failed = 0
    exhausted = False
    held: list[dict] = []  # in order, waiting to be stored together
    start = last_store = last_result = time.monotonic()
    reaped_at = start
    while True:
        if not exhausted and len(outstanding) < window:
            exhausted = _feed(server, tasks, pending, order, outstanding, window)
        # one round trip: wait (briefly) for results and take up to a batch of them, then count what is left
        # to lease; the workers delete each text with their result (``deliver``)
        with server.pipeline(transaction=False) as pipe:
            popped, left = pipe.blmpop(POLL_SECONDS, 1, RESULTS, direction="LEFT", count=STORE_BATCH) \
                .zcard(tasks.ready).execute()
        raw = popped[1] if popped else []
        for entry in raw:
            result = json.loads(entry)
            article_id = int(result["article_id"])
            if article_id in outstanding and article_id not in arrived:  # else a second record for one already
                arrived[article_id] = result                               # in hand (its first worker was slow)
                last_result = time.monotonic()
        ready = []
        while order and order[0] in arrived:
            ready.append(arrived.pop(order.popleft()))
        for result in ready:
            outstanding.discard(int(result["article_id"]))
        held += ready
        done = exhausted and not outstanding
        # at the tail (everything fed and nothing left to lease) the workers are on their last articles: store
        # what arrives at once, so the job does not end with one long store that no worker overlaps
        tail = exhausted and not left
        if held and (len(held) >= HOLD_RECORDS or time.monotonic() - last_store >= HOLD_SECONDS or done or tail):
            good = []
            with cat.db.atomic():
                for result in held:
                    if result.get("error") or result.get("version") != version:
                        failed += 1
                        why = result.get("error") or f"extractor version {result.get('version')}"
                        cat.record_error(None, result.get("url"), f"extraction: {why}")
                    else:
                        good.append((int(result["article_id"]), result["record"]))
                cat.store_extractions(good, version)  # one batch: facts looked up once, coverage settled once
            stored += len(good)
            held, last_store = [], time.monotonic()
            if progress:
                progress(stored + failed)
        if done and not held:
            break
        if not tail and len(raw) < STORE_BATCH:
            time.sleep(POLL_SECONDS)  # let results gather: a round trip and a decode loop per few, not per one
        if time.monotonic() - reaped_at >= REAP_SECONDS:  # leases of dead workers go back, results coming or not
            tasks.reap()
            reaped_at = time.monotonic()
    # seconds: the whole job, through the last store; extracted_seconds: until the last record arrived
    return {"stored": stored, "failed": failed, "seconds": round(time.monotonic() - start, 3),
            "extracted_seconds": round(last_result - start, 3)}


def _feed(server, tasks: LeaseQueue, pending, order: deque[int], outstanding: set[int], window: int) -> bool:
    """Put pending articles into the queue up to the window, :data:`FEED_CHUNK` per round trip; True when
    there are no more."""
    with server.pipeline(transaction=False) as pipe:
        while len(outstanding) < window:
            art = next(pending, None)
            if art is None:
                pipe.execute()
                return True
            art_id = int(art["article_id"])
            outstanding.add(art_id)
            order.append(art_id)
            pipe.hset(TEXTS, str(art_id), json.dumps(art, ensure_ascii=False))
            pipe.zadd(tasks.ready, {str(art_id): art_id})
            if len(pipe) >= 2 * FEED_CHUNK:
                pipe.execute()
        pipe.execute()
    return False


def _job(server) -> dict | None:
    raw = server.get(JOB)
    return json.loads(raw) if raw else None


def work(queue_url: str, *, forever: bool = False, wait: float = 0.0, limit: int | None = None) -> int:
    """Extract articles from the queue until its job is done (or, ``forever``, keep waiting for the next job);
    returns how many this worker extracted.  ``wait``: seconds to wait for a job to appear."""
    from extract.api import EXTRACTOR_VERSION, extract_text, warm_up

    server = connect(queue_url, "--queue")
    warm_up()
    server.incr(READY)
    if not wait_for(lambda: _job(server) is not None, wait if not forever else float("inf"), 0.05):
        raise RedisURLError(f"--queue {queue_url}: no extraction job; start one with thidua extract-queue "
                            f"--queue {queue_url} --db CATALOGUE")
    sleep = float(os.environ.get("THIDUA_EXTRACT_SLEEP") or 0)
    done = 0
    tasks: LeaseQueue | None = None
    checked = 0.0  # when the job was last read: again every JOB_SECONDS, and whenever the queue is empty
    while limit is None or done < limit:
        if tasks is None or time.monotonic() - checked >= JOB_SECONDS:
            job, checked = _job(server), time.monotonic()
            if job is None or job.get("state") == "done":
                if not forever:
                    break
                tasks = None
                time.sleep(0.2)
                continue
            if job["version"] != EXTRACTOR_VERSION:
                raise RedisURLError(f"--queue {queue_url}: the job wants extractor {job['version']}, "
                                    f"this worker has {EXTRACTOR_VERSION}")
            if tasks is None or tasks.lease_ms != int(job["lease"] * 1000):
                tasks = LeaseQueue(server, TASKS, job["lease"])
        got = tasks.take_with(TEXTS)  # the lease and the text, one round trip
        if not got:
            tasks.reap()
            checked = 0.0
            time.sleep(0.02)
            continue
        token, member, raw = got[0]
        if raw is None:  # already delivered (a slow first worker finished it)
            tasks.ack(token)
            continue
        art = json.loads(raw)
        if sleep:
            time.sleep(sleep)
        try:
            record = extract_text(art["text"], source=art["url"], published=art.get("published"),
                                  title=art.get("title"), evidence=True)
            result = {"article_id": art["article_id"], "version": EXTRACTOR_VERSION, "record": record}
        except Exception as exc:  # one bad article must not stop the worker; the writer logs it
            result = {"article_id": art["article_id"], "url": art.get("url"),
                      "error": f"{type(exc).__name__}: {exc}"[:500]}
        # the record, then the ack, in one round trip: a worker killed before it leaves the lease to expire
        tasks.deliver(RESULTS, json.dumps(result, ensure_ascii=False, default=str), token, forget=(TEXTS, member))
        done += 1
    return done
