"""A malformed or unreachable --frontier / --queue: one line naming the URL, a non-zero exit, nothing touched."""

from __future__ import annotations

import hashlib
import subprocess

import pytest

from catalog.store import Catalogue

from .conftest import THIDUA, free_port

BAD = ["redis//127.0.0.1:6379/0", "http://127.0.0.1:6379/0", "redis://127.0.0.1:6379/db", "redis://:6379/0",
       "redis://127.0.0.1:99999/0"]


@pytest.fixture
def catalogue(tmp_path):
    db = tmp_path / "cat.db"
    with Catalogue(db) as cat:
        run = cat.start_run("crawl", ["x"])
        cat.upsert_article({"url": "https://example.gov.vn/tin/1", "source": "x", "title": "Tin 1",
                            "text": "Sở TTTT Gia Lai làm Cụm trưởng năm 2020."}, run)
        cat.finish_run(run, {})
    return db


def _digest(db) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*THIDUA, *args], capture_output=True, text=True, timeout=60)


def _commands(url: str, db) -> list[list[str]]:
    return [["crawl", "--frontier", url, "--db", str(db)], ["crawl", "--frontier", url, "--join"],
            ["extract-worker", "--queue", url], ["extract-queue", "--queue", url, "--db", str(db)],
            ["run", "--db", str(db), "--queue", url], ["run", "--db", str(db), "--frontier", url]]


def _one_line_naming(url: str, catalogue, says: str) -> None:
    """Every command given ``url`` stops with one line naming it (saying ``says``); the catalogue is untouched."""
    before = _digest(catalogue)
    for args in _commands(url, catalogue):
        result = _run(*args)
        assert result.returncode != 0, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and url in lines[0] and says in lines[0], (args, result.stderr)
    assert _digest(catalogue) == before


@pytest.mark.parametrize("url", BAD)
def test_a_malformed_url_is_one_line_naming_it(url, catalogue):
    _one_line_naming(url, catalogue, "not a Redis URL")


def test_an_unreachable_redis_is_one_line_naming_it(catalogue):
    _one_line_naming(f"redis://127.0.0.1:{free_port()}/0", catalogue, "cannot reach Redis")


def test_nothing_to_join(redis_url):
    result = _run("crawl", "--frontier", redis_url, "--join")
    assert result.returncode != 0
    assert f"--frontier {redis_url}: no crawl run to join" in result.stderr
    result = _run("extract-worker", "--queue", redis_url)
    assert result.returncode != 0 and f"--queue {redis_url}: no extraction job" in result.stderr
