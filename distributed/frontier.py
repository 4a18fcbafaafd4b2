"""The Scrapy side of a shared crawl frontier: scrapy-redis with leases, one per-domain budget, shared run state.

Every crawler process of a run (``thidua crawl --frontier redis://…``) uses:

* :class:`FrontierScheduler` — scrapy-redis's ``Scheduler`` whose queue (:class:`FrontierQueue`, its
  ``PriorityQueue``) hands out *leases*: a request taken from the shared sorted set is held under a
  deadline that the process renews while it works, and acknowledged only when Scrapy has finished
  with it (the engine removed it from its in-progress set: its response parsed, its items pushed, its
  follow-up requests queued).  A process killed mid-request stops renewing; any other process puts the
  request back after the lease runs out.  Enqueueing checks the dupefilter (scrapy-redis's
  ``RFPDupeFilter``, one key per run) and an article's claim (its ``url_key``) and pushes, in one Lua
  script: a request is never seen-but-lost.  The spider closes only when the whole frontier is idle:
  nothing ready, nothing leased by anyone.
* :class:`DomainBudgetMiddleware` — one politeness budget per domain across all processes: each request
  reserves the domain's next free slot, ``THIDUA_DOMAIN_DELAY`` seconds after the previous one, on the
  Redis server's clock (one Lua script), and waits for it.
* :class:`RedisShared` and :class:`RedisLedger` — the spider's run state (listing chains, bot walls,
  stopped sites) and its ledger (counters, errors, items) in Redis; the items go to a list that the
  coordinator alone writes into the catalogue (``distributed.crawl``).
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from distributed.redisconn import PREFIX, LeaseQueue

#: Seconds between two heartbeats of a crawl process (lease renewal, reaping, waking its engine).
BEAT_SECONDS = 0.5


class Keys:
    """The Redis keys of the crawl run on one frontier (one run per Redis database)."""

    def __init__(self, prefix: str = PREFIX + ":crawl"):
        self.prefix = prefix
        for name in ("run", "dupefilter", "claims", "chains", "chainmeta", "walls", "stopped", "fallback",
                     "stats", "sites", "items", "validators"):
            setattr(self, name, f"{prefix}:{name}")
        self.requests = f"{prefix}:requests"

    def budget(self, host: str) -> str:
        return f"{self.prefix}:budget:{host}"

    def all(self) -> list[str]:
        """Every key of the run, the run record first (a joiner checks it before it pushes anything)."""
        queue = [self.requests + s for s in (":ready", ":leases", ":leased", ":reaped")]
        return [self.run, self.dupefilter, self.claims, self.chains, self.chainmeta, self.walls, self.stopped,
                self.fallback, self.stats, self.sites, self.items, self.validators, *queue]


KEYS = Keys()


def scrapy_settings(frontier: dict[str, Any]) -> dict[str, Any]:
    """Settings that put a crawl process on the frontier ``{"url", "lease", "delay"}``."""
    return {
        "SCHEDULER": "distributed.frontier.FrontierScheduler",
        "SCHEDULER_QUEUE_CLASS": "distributed.frontier.FrontierQueue",
        "DUPEFILTER_CLASS": "distributed.frontier.FrontierDupeFilter",
        "SCHEDULER_QUEUE_KEY": KEYS.requests,
        "SCHEDULER_DUPEFILTER_KEY": KEYS.dupefilter,
        "SCHEDULER_PERSIST": True,  # the coordinator clears the run's keys when the run is over
        "REDIS_URL": frontier["url"],
        "THIDUA_FRONTIER": frontier["url"],
        "THIDUA_LEASE": float(frontier.get("lease") or 60.0),
        "THIDUA_DOMAIN_DELAY": float(frontier.get("delay") or 0.0),
    }


# KEYS: run, dupefilter, claims, ready   ARGV: fingerprint or '', claim or '', score, data
_ENQUEUE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[1] ~= '' and redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
if ARGV[2] ~= '' and redis.call('SADD', KEYS[3], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[4], tonumber(ARGV[3]), ARGV[4])
return 1
"""


class FrontierQueue(PriorityQueue):
    """scrapy-redis's priority queue (a sorted set, score = -priority) whose pops are leases."""

    def __init__(self, server, spider, key, serializer=None):
        super().__init__(server, spider, key, serializer)
        self.lease = LeaseQueue(server, self.key, spider.settings.getfloat("THIDUA_LEASE", 60.0))
        self.key = self.lease.ready
        self._enqueue = server.register_script(_ENQUEUE)

    def push_unique(self, request, fingerprint: str | None, claim: str | None) -> int:
        """Push unless the dupefilter has the fingerprint or the claim is taken, atomically: 1 pushed,
        0 a duplicate, -1 the run is over."""
        return int(self._enqueue(keys=[KEYS.run, KEYS.dupefilter, KEYS.claims, self.key],
                                 args=[fingerprint or "", claim or "", -request.priority, self._encode_request(request)]))

    def take(self):
        """``(token, request)`` of the highest-priority ready request, leased; or None."""
        got = self.lease.take(1)
        return (got[0][0], self._decode_request(got[0][1])) if got else None


class FrontierDupeFilter(RFPDupeFilter):
    """scrapy-redis's dupefilter on the run's key; the coordinator, not a closing process, clears it."""

    def close(self, reason: str = "") -> None:
        return None


def _derived(request) -> bool:
    """A redirect or a retry of a request already claimed: it carries the claim but must not be refused."""
    return bool(request.meta.get("redirect_urls") or request.meta.get("retry_times"))


class FrontierScheduler(Scheduler):
    """scrapy-redis's scheduler with leases, atomic seen-and-push, and a frontier-wide idle test."""

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.inflight = {}  # request object → lease token
        scheduler.heartbeat = None
        return scheduler

    def open(self, spider):
        super().open(spider)
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is None or not hasattr(slot, "remove_request") or not hasattr(slot, "nextcall"):
            raise RuntimeError("this Scrapy version's engine has no slot to acknowledge leases from; "
                               "distributed.frontier supports Scrapy 2.13–2.19")
        self._slot = slot
        finished = slot.remove_request

        def remove_request(request):  # the engine is done with the request and everything it produced
            token = self.inflight.pop(request, None)
            if token is not None:
                self.queue.lease.ack(token)
            finished(request)

        slot.remove_request = remove_request
        self.crawler.signals.connect(self._on_idle, signal=signals.spider_idle)
        self._renewed = time.monotonic()
        self.heartbeat = task.LoopingCall(self._beat)
        self.heartbeat.start(BEAT_SECONDS, now=False)

    def _beat(self) -> None:
        """Renew this process's leases (every quarter lease), put back expired ones (dead processes'), and wake
        the engine: work another process queued, or a frontier that became idle, is seen within a beat."""
        try:
            lease = self.queue.lease
            if time.monotonic() - self._renewed >= lease.lease_ms / 4000:
                lease.renew(self.inflight.values())
                self._renewed = time.monotonic()
            lease.reap()
            self._slot.nextcall.schedule()
        except Exception as exc:  # Redis gone for a moment: the next beat tries again
            self.spider.logger.warning("frontier heartbeat failed: %s", exc)

    def _on_idle(self, spider) -> None:
        if not self.queue.lease.idle():
            raise DontCloseSpider("the shared frontier still has work")

    def close(self, reason):
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        if self.inflight:  # shut down with requests in hand: give them back now rather than at lease expiry
            lease = self.queue.lease
            self.server.zadd(lease.leases, {t: 0 for t in self.inflight.values()}, xx=True)
            lease.reap()
            self.inflight.clear()
        super().close(reason)

    def enqueue_request(self, request):
        fingerprint = None if request.dont_filter else self.df.request_fingerprint(request)
        claim = None if _derived(request) else request.meta.get("claim")
        added = self.queue.push_unique(request, fingerprint, claim)
        if added > 0 and self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return added > 0

    def next_request(self):
        got = self.queue.take()
        if got is None:
            return None
        token, request = got
        self.inflight[request] = token
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


# KEYS: budget key   ARGV: delay ms   → ms to wait for this request's slot
_BUDGET = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nxt < now then nxt = now end
redis.call('SET', KEYS[1], nxt + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 60000)
return nxt - now
"""


class DomainBudgetMiddleware:
    """One request per ``THIDUA_DOMAIN_DELAY`` seconds per domain, across every process of the run."""

    def __init__(self, server, delay: float):
        self.delay_ms = int(delay * 1000)
        self.script = server.register_script(_BUDGET)

    @classmethod
    def from_crawler(cls, crawler):
        from distributed.redisconn import connect

        return cls(connect(crawler.settings.get("THIDUA_FRONTIER")), crawler.settings.getfloat("THIDUA_DOMAIN_DELAY"))

    async def process_request(self, request) -> None:
        host = (urlsplit(request.url).hostname or "").lower()
        if self.delay_ms <= 0 or not host:
            return None
        wait_ms = int(self.script(keys=[KEYS.budget(host)], args=[self.delay_ms]))
        if wait_ms > 0:
            from twisted.internet import reactor

            await maybe_deferred_to_future(task.deferLater(reactor, wait_ms / 1000, lambda: None))
        return None


# KEYS: chains hash   ARGV: chain, page number, urls…   → the urls first seen on this page or a later one
_CHAIN_NEW = """
local new = {}
for i = 3, #ARGV do
  local field = ARGV[1] .. '\\t' .. ARGV[i]
  redis.call('HSETNX', KEYS[1], field, ARGV[2])
  if tonumber(redis.call('HGET', KEYS[1], field)) >= tonumber(ARGV[2]) then new[#new + 1] = ARGV[i] end
end
return new
"""


class RedisShared:
    """The spider's run state shared by every process (``crawler.spiders.shared.LocalShared`` in one process).

    A listing chain's article ids remember the page that first showed them, so a page parsed again
    (its first taker died) finds the same new ids as the first time.
    """

    distributed = True

    def __init__(self, server):
        self.server = server
        self._chain_new = server.register_script(_CHAIN_NEW)
        self._stopped: tuple[float, set[str]] = (0.0, set())

    def claim(self, key: str) -> dict | None:
        return {"claim": key}  # taken by the scheduler, atomically with the push

    def new_ids(self, chain: str, page: int, urls: list[str]) -> list[str]:
        if not urls:
            return []
        return [u.decode() for u in self._chain_new(keys=[KEYS.chains], args=[chain, page, *urls])]

    def set_first(self, chain: str, url: str | None) -> None:
        self.server.hset(KEYS.chainmeta, chain + "\tfirst", url or "")

    def first(self, chain: str) -> str | None:
        value = self.server.hget(KEYS.chainmeta, chain + "\tfirst")
        return value.decode() or None if value else None

    def mark_old(self, chain: str) -> None:
        self.server.hset(KEYS.chainmeta, chain + "\told", 1)

    def is_old(self, chain: str) -> bool:
        return bool(self.server.hexists(KEYS.chainmeta, chain + "\told"))

    def add_wall(self, site: str) -> int:
        return int(self.server.hincrby(KEYS.walls, site, 1))

    def stop_site(self, site: str) -> bool:
        self._stopped = (0.0, set())
        return bool(self.server.sadd(KEYS.stopped, site))

    def stopped(self) -> set[str]:
        at, sites = self._stopped
        if time.monotonic() - at > 1.0:  # asked for every request: read at most once a second
            sites = {s.decode() for s in self.server.smembers(KEYS.stopped)}
            self._stopped = (time.monotonic(), sites)
        return sites

    def first_fallback(self, site: str) -> bool:
        return bool(self.server.sadd(KEYS.fallback, site))


class RedisLedger:
    """``crawler.pipelines.RunLedger`` for a process of a shared crawl: counters in Redis, catalogue writes
    (articles, 304 touches, errors) pushed to the run's item list for the single writer."""

    def __init__(self, server, run_id: int, run_dir=None, emit_progress: bool = False):
        from pathlib import Path

        self.server = server
        self.run_id = run_id
        self.run_dir = Path(run_dir) if run_dir else None
        self.emit_progress = emit_progress
        self._snapshot: tuple[float, dict[str, int]] = (0.0, {})

    def seen(self, url: str) -> dict | None:
        """The catalogue's validators for ``url`` (seeded into Redis when the run started)."""
        value = self.server.hget(KEYS.validators, url)
        if not value:
            return None
        etag, last_modified = json.loads(value)
        return {"etag": etag, "last_modified": last_modified}

    def touch(self, url: str) -> None:
        self._push({"op": "touch", "url": url})

    def is_done(self, url: str) -> bool:
        return False  # a URL is requested once per run: the claim set is the run's memory

    def mark_done(self, url: str) -> None:
        return None

    def bump(self, key: str, n: int = 1) -> None:
        self.server.hincrby(KEYS.stats, key, n)

    def count(self, key: str, n: int = 1, **event: Any) -> None:
        self.bump(key, n)
        self.emit(key, **event)

    def site_count(self, site: str | None, key: str, n: int = 1) -> None:
        if site:
            self.server.hincrby(KEYS.sites, f"{site}\t{key}", n)

    def error(self, url: str | None, message: str, kind: str = "fetch", site: str | None = None) -> None:
        message = " ".join(str(message).split())[:500]
        self._push({"op": "error", "url": url, "message": f"{kind}: {message}"})
        self.bump(f"errors_{kind}")
        self.site_count(site, "errors")
        self.count("errors", url=url, message=message, kind=kind)

    def store(self, record: dict) -> str:
        """Queue an article for the writer, which counts it new / changed / unchanged."""
        self._push({"op": "store", "record": record})
        self.emit("queued", url=record["url"], title=record.get("title"))
        return "queued"

    def _push(self, op: dict) -> None:
        self.server.rpush(KEYS.items, json.dumps(op, ensure_ascii=False, default=str))

    def emit(self, event: str, **data: Any) -> None:
        if self.emit_progress:
            from crawler.pipelines import emit_line

            emit_line(event, data, self.snapshot())

    def snapshot(self) -> dict[str, int]:
        at, stats = self._snapshot
        if time.monotonic() - at > 0.25:
            stats = {k.decode(): int(v) for k, v in self.server.hgetall(KEYS.stats).items()}
            self._snapshot = (time.monotonic(), stats)
        return dict(stats)

    def close(self) -> None:
        return None
