"""A checked Redis connection from a ``redis://HOST:PORT/DB`` URL, and the lease queue built on it.

Bad input fails with one line naming the URL (:class:`RedisURLError`)::

    >>> parse_url("redis://127.0.0.1:6379/2", "--frontier")
    ('127.0.0.1', 6379, 2)
    >>> parse_url("http://127.0.0.1:6379", "--queue")
    Traceback (most recent call last):
    ...
    distributed.redisconn.RedisURLError: --queue http://127.0.0.1:6379: not a Redis URL (expected redis://HOST:PORT/DB)

:class:`LeaseQueue` is the reliable-queue pattern both the crawl frontier and the
extraction queue use: a sorted set of ready members (lowest score first), and a
lease per member taken, with a deadline on the Redis server's clock.  A taker
renews its leases while it works and acknowledges each when its output is safe;
a lease whose deadline passes (its taker died) is put back by :meth:`LeaseQueue.reap`,
which any process may call.  Every move is one Lua script, so no member is ever
in neither place nor in both.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import redis

#: Key prefix of everything thidua keeps in a Redis database.
PREFIX = "thidua"


class RedisURLError(ValueError):
    """A malformed or unreachable Redis URL; the message is one line naming it."""


def parse_url(url: str, option: str = "--frontier") -> tuple[str, int, int]:
    """``(host, port, db)`` of ``redis://HOST[:PORT][/DB]``; raises :class:`RedisURLError`."""
    bad = RedisURLError(f"{option} {url}: not a Redis URL (expected redis://HOST:PORT/DB)")
    try:
        parts = urlsplit(str(url))
        port = parts.port or 6379
    except ValueError:
        raise bad from None
    if parts.scheme != "redis" or not parts.hostname or parts.query or parts.fragment:
        raise bad
    path = parts.path.strip("/")
    if path and not path.isdigit():
        raise bad
    return parts.hostname, port, int(path or 0)


def connect(url: str, option: str = "--frontier", timeout: float = 5.0) -> redis.Redis:
    """A connection to the Redis of ``url``, checked with PING; raises :class:`RedisURLError` naming ``url``."""
    host, port, db = parse_url(url, option)
    client = redis.Redis(host=host, port=port, db=db, socket_connect_timeout=timeout, socket_timeout=30,
                         retry_on_timeout=True)
    try:
        client.ping()
    except redis.RedisError as exc:
        client.close()
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise RedisURLError(f"{option} {url}: cannot reach Redis ({reason})") from None
    return client


# KEYS: ready, leases, leased[, values hash]   ARGV: lease ms, how many
# with a values hash, each member's value in it follows its token and member (false where it has none)
_LEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local items = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1, 'WITHSCORES')
local out = {}
for i = 1, #items, 2 do
  local member, score = items[i], items[i + 1]
  redis.call('ZREM', KEYS[1], member)
  local token = redis.sha1hex(member)
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), token)
  redis.call('HSET', KEYS[3], token, score .. '\\n' .. member)
  out[#out + 1] = token
  out[#out + 1] = member
  if KEYS[4] then out[#out + 1] = redis.call('HGET', KEYS[4], member) end
end
return out
"""
# KEYS: leases   ARGV: lease ms, tokens...
_RENEW = """
local t = redis.call('TIME')
local deadline = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
local n = 0
for i = 2, #ARGV do n = n + redis.call('ZADD', KEYS[1], 'XX', 'CH', deadline, ARGV[i]) end
return n
"""
# KEYS: ready, leases, leased, reaped counter   ARGV: max
_REAP = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
for _, token in ipairs(expired) do
  local data = redis.call('HGET', KEYS[3], token)
  if data then
    local cut = string.find(data, '\\n', 1, true)
    redis.call('ZADD', KEYS[1], tonumber(string.sub(data, 1, cut - 1)), string.sub(data, cut + 1))
    redis.call('HDEL', KEYS[3], token)
  end
  redis.call('ZREM', KEYS[2], token)
end
if #expired > 0 then redis.call('INCRBY', KEYS[4], #expired) end
return #expired
"""


class LeaseQueue:
    """Members with scores in ``<name>:ready``; taken ones leased in ``<name>:leases`` / ``<name>:leased``."""

    def __init__(self, server: redis.Redis, name: str, lease_seconds: float = 60.0):
        self.server = server
        self.ready, self.leases, self.leased = name + ":ready", name + ":leases", name + ":leased"
        self.reaped = name + ":reaped"
        self.lease_ms = max(1, int(lease_seconds * 1000))
        self._lease = server.register_script(_LEASE)
        self._renew = server.register_script(_RENEW)
        self._reap = server.register_script(_REAP)

    @property
    def keys(self) -> tuple[str, ...]:
        return self.ready, self.leases, self.leased, self.reaped

    def put(self, member: bytes | str, score: float) -> None:
        self.server.zadd(self.ready, {member: score})

    def take(self, n: int = 1) -> list[tuple[bytes, bytes]]:
        """Lease up to ``n`` members (lowest scores first): ``[(token, member), …]``."""
        flat = self._lease(keys=[self.ready, self.leases, self.leased], args=[self.lease_ms, n])
        return list(zip(flat[::2], flat[1::2], strict=True))

    def take_with(self, values: str, n: int = 1) -> list[tuple[bytes, bytes, bytes | None]]:
        """``take`` that also reads each member's value in the hash ``values``, in the same round trip:
        ``[(token, member, value or None), …]``."""
        flat = self._lease(keys=[self.ready, self.leases, self.leased, values], args=[self.lease_ms, n])
        return list(zip(flat[::3], flat[1::3], flat[2::3], strict=True))

    def ack(self, *tokens: bytes) -> None:
        """The work of these leases is safe: forget them."""
        if tokens:
            with self.server.pipeline() as pipe:
                pipe.zrem(self.leases, *tokens).hdel(self.leased, *tokens).execute()

    def deliver(self, key: str, value: str, token: bytes, *, forget: tuple[str, bytes] | None = None) -> None:
        """Push a lease's result onto the list ``key``, then forget the lease: one transaction, one round trip,
        so a worker killed before it leaves the lease to expire and never drops a result it acknowledged.
        ``forget=(hash, field)`` deletes the work's input in the same transaction."""
        with self.server.pipeline() as pipe:
            pipe.rpush(key, value).zrem(self.leases, token).hdel(self.leased, token)
            if forget:
                pipe.hdel(*forget)
            pipe.execute()

    def renew(self, tokens) -> int:
        """Push the deadline of these (still held) leases one lease period ahead; returns how many were held."""
        tokens = list(tokens)
        return int(self._renew(keys=[self.leases], args=[self.lease_ms, *tokens])) if tokens else 0

    def reap(self, limit: int = 1000) -> int:
        """Put every lease past its deadline back among the ready members; returns how many."""
        return int(self._reap(keys=[self.ready, self.leases, self.leased, self.reaped], args=[limit]))

    def counts(self) -> tuple[int, int]:
        """``(ready, leased)``."""
        with self.server.pipeline() as pipe:
            ready, leased = pipe.zcard(self.ready).zcard(self.leases).execute()
        return int(ready), int(leased)

    def idle(self) -> bool:
        """Nothing ready and nothing leased (after putting back expired leases)."""
        self.reap()
        return self.counts() == (0, 0)

    def clear(self) -> None:
        self.server.delete(*self.keys)


def wait_for(predicate, timeout: float, interval: float = 0.2) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass; returns its last value."""
    end = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= end:
            return False
        time.sleep(interval)
