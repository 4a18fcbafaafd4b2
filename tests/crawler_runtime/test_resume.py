"""A crawl killed part-way and restarted ends with the same catalogue as an uninterrupted one."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from crawler.run import SAMPLE_ORIGIN, CrawlInterrupted, crawl

from .conftest import articles

SLOW = {"DOWNLOAD_DELAY": 0.15, "DOWNLOAD_DELAY_JITTER": 0}  # leaves time to kill mid-run
KILL_AFTER = 4


def _by_path(db: Path) -> dict[str, tuple]:
    return {url.removeprefix(SAMPLE_ORIGIN): row for url, row in articles(db).items()}


def _killer(sig: int):
    state = {"pid": None, "stored": 0, "killed": False}

    def progress(event: dict) -> None:
        if event["event"] == "started":
            state["pid"] = event["pid"]
        elif event["event"] == "new":
            state["stored"] += 1
            if state["stored"] >= KILL_AFTER and not state["killed"]:
                state["killed"] = True
                os.kill(state["pid"], sig)

    return progress, state


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("whole")
    from .conftest import free_port

    port = free_port()
    stats = crawl(tmp / "cat.db", sample_port=port, state_dir=tmp / "state", settings=SLOW)
    return tmp / "cat.db", port, stats


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_crawl_resumes_to_the_same_catalogue(uninterrupted, tmp_path: Path, sig):
    whole_db, port, whole_stats = uninterrupted
    db = tmp_path / "cat.db"
    progress, state = _killer(sig)
    with pytest.raises(CrawlInterrupted, match="resume"):
        crawl(db, sample_port=port, state_dir=tmp_path / "state", settings=SLOW, progress=progress)
    assert state["killed"]
    partial = _by_path(db)
    assert KILL_AFTER <= len(partial) < len(_by_path(whole_db))
    assert any((tmp_path / "state").iterdir()), "the interrupted job's state is kept"

    resumed = crawl(db, state_dir=tmp_path / "state", settings=SLOW)  # another free port: the URLs do not change

    assert resumed["resumed"] is True
    assert _by_path(db) == _by_path(whole_db)
    assert resumed["new"] == whole_stats["new"] and resumed["errors"] == 0
    with sqlite3.connect(db) as con:
        runs = con.execute("SELECT id, finished_at, new FROM crawl_runs").fetchall()
    assert len(runs) == 1 and runs[0][1] is not None and runs[0][2] == whole_stats["new"]
    assert not [p for p in (tmp_path / "state").iterdir() if p.name.startswith("job-")], "state removed after finishing"


def test_a_finished_crawl_starts_a_new_run(uninterrupted, tmp_path: Path):
    _, port, _ = uninterrupted
    db = tmp_path / "cat.db"
    first = crawl(db, sample_port=port, sites=["phuyen"], state_dir=tmp_path / "s")
    second = crawl(db, sites=["phuyen"], state_dir=tmp_path / "s")  # any free port
    assert second["run_id"] == first["run_id"] + 1 and second["resumed"] is False
    assert (first["new"], second["new"], second["unchanged"]) == (2, 0, 2)
