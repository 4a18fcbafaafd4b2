"""One run at a time per catalogue: an exclusive lock beside the database file.

``thidua run`` and ``thidua crawl`` hold ``<catalogue>.lock`` (``flock``) for
the whole job.  A second run on the same catalogue either stops at once with a
message naming the running one (pid, command, start time) or, with
``wait=SECONDS``, waits for it and says how long it waited.  The lock is the
open file's ``flock``: the kernel drops it when the holder exits, even after a
kill, so a crashed run never leaves a stale lock; the JSON inside only names
the holder for the message.  The lock is re-entrant inside one thread
(``thidua run`` holds it and calls ``crawl``, which asks for it again); another
thread of the same process waits like another process would.

Example::

    >>> import tempfile, pathlib
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "catalogue.db"
    >>> with run_lock(db, "thidua run") as held:
    ...     held.waited, held.waited_for, holder(db)["command"]
    (0.0, None, 'thidua run')
    >>> holder(db) is None
    True
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Seconds between two attempts while waiting for a running job.
POLL_SECONDS = 0.5
_HELD: dict[tuple[str, int], tuple[int, int]] = {}  # (lock path, thread) → (fd, depth) held


class CatalogueBusy(RuntimeError):
    """Another run holds the catalogue; the message (one line) names it."""


def lock_path(db_path: str | Path) -> Path:
    """The lock file of a catalogue: ``data/catalogue.db`` → ``data/catalogue.db.lock``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def holder(db_path: str | Path) -> dict | None:
    """Who holds the catalogue's lock (pid, command, started, host), or None when it is free."""
    path = lock_path(db_path)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDWR)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read(path)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        data = {}
    return data if isinstance(data, dict) else {}


def describe(info: dict) -> str:
    """ "thidua run (pid 4242 on host-1, started 2026-12-03T01:00:00+00:00)" for a holder record."""
    who = info.get("command") or "another thidua job"
    where = f"pid {info.get('pid', '?')}" + (f" on {info['host']}" if info.get("host") else "")
    since = f", started {info['started']}" if info.get("started") else ""
    return f"{who} ({where}{since})"


@dataclass(frozen=True)
class Held:
    """What ``run_lock`` yields: seconds spent waiting, and for whom (``describe`` of the other run)."""

    waited: float = 0.0
    waited_for: str | None = None


@contextmanager
def run_lock(db_path: str | Path, command: str, wait: float | None = None) -> Iterator[Held]:
    """Hold the catalogue's run lock; yields a :class:`Held` (how long it waited for another run, and whom).

    ``wait=None`` (or 0) fails at once with :class:`CatalogueBusy` when another
    run holds the lock; ``wait=N`` waits up to N seconds for it, then fails.
    """
    path = lock_path(db_path)
    key = (str(path.resolve()), threading.get_ident())
    if key in _HELD:  # this thread already holds it (thidua run → crawl)
        fd, depth = _HELD[key]
        _HELD[key] = (fd, depth + 1)
        try:
            yield Held()
        finally:
            fd, depth = _HELD[key]
            _HELD[key] = (fd, depth - 1)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    start = time.monotonic()
    other: str | None = None
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                other = other or describe(_read(path))
                waited = time.monotonic() - start
                if not wait or waited >= wait:
                    advice = (f"waited {waited:.0f} s; " if wait else "") + (
                        "run again when it has finished" + ("" if wait else ", or pass --wait SECONDS to wait for it"))
                    raise CatalogueBusy(f"catalogue {db_path} is in use by {other}; {advice}") from None
                time.sleep(POLL_SECONDS)
        waited = time.monotonic() - start
        record = {"pid": os.getpid(), "command": command, "host": socket.gethostname(),
                  "started": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(record).encode("utf-8"), 0)
        _HELD[key] = (fd, 1)
        try:
            yield Held(round(waited, 1), other)
        finally:
            del _HELD[key]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
