"""A real Redis server for the distributed tests: ``redis-server`` on 127.0.0.1, a free port, a temporary
directory, no persistence.  Skipped, saying why, where the binary is missing (Debian: ``apt-get install
redis-server``, which ``.ci/run`` does).  Never a mock.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

REDIS_SERVER = shutil.which("redis-server")
THIDUA = [sys.executable, "-c", "from pipeline import cli; cli()"]
_databases = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def redis_port(tmp_path_factory):
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run installs it)")
    import redis

    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen([REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(workdir),
                             "--save", "", "--appendonly", "no", "--databases", "64"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("redis-server did not start")
    yield port
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def redis_url(redis_port) -> str:
    """A URL of an empty database of the test server, one per test."""
    import redis

    db = next(_databases)
    redis.Redis(port=redis_port, db=db).flushdb()
    return f"redis://127.0.0.1:{redis_port}/{db}"


def start(args: list[str], log: Path, **env: str) -> subprocess.Popen:
    """``thidua ARGS`` in its own process group (so a kill takes its crawl subprocess too)."""
    out = log.open("w")
    return subprocess.Popen([*THIDUA, *args], stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, **env}, cwd=Path(__file__).resolve().parents[2])


def kill(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def finish(proc: subprocess.Popen, log: Path, timeout: float = 240) -> str:
    code = proc.wait(timeout=timeout)
    text = log.read_text()
    assert code == 0, text[-3000:]
    return text


def articles(db: Path) -> dict[str, str]:
    """url → content hash of every stored article."""
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT url, content_hash FROM articles"))


def fetches(log: Path) -> list[tuple[float, int, str, str]]:
    """(time, server port, method, path) of every answer the sample servers logged."""
    out = []
    for line in log.read_text().splitlines():
        t, port, method, path, _status = line.split(" ")
        out.append((float(t), int(port), method, path))
    return out


def pages(log: Path) -> Counter:
    """How often each page was fetched (robots.txt aside: every process reads it once)."""
    return Counter((m, p) for _, _, m, p in fetches(log) if not p.endswith("/robots.txt"))
