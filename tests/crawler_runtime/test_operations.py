"""Nightly-run operations: one run per catalogue (lock), the sample server on a free port, per-site health."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import crawl_command
from crawler.health import assess, health_summary
from crawler.lock import CatalogueBusy, holder, lock_path, run_lock
from crawler.run import SAMPLE_ORIGIN, crawl

from .conftest import articles

THIDUA = [sys.executable, "-c", "from pipeline import cli; cli()"]


def _runs(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT id, finished_at, new FROM crawl_runs ORDER BY id").fetchall()


# ------------------------------------------------------------------ the run lock
@contextlib.contextmanager
def held_elsewhere(db: Path, command: str):
    """Hold the catalogue's lock in another thread (as another run would) while the block runs."""
    got, done = threading.Event(), threading.Event()

    def hold() -> None:
        with run_lock(db, command):
            got.set()
            done.wait(120)

    thread = threading.Thread(target=hold)
    thread.start()
    assert got.wait(10)
    try:
        yield
    finally:
        done.set()
        thread.join(10)


def test_a_second_crawl_stops_naming_the_running_one(tmp_path: Path) -> None:
    db = tmp_path / "cat.db"
    with held_elsewhere(db, "thidua run"):
        result = CliRunner().invoke(crawl_command, ["--db", str(db), "--site", "baobinhduong"])
        assert result.exit_code == 1
        message = result.output.strip().splitlines()[-1]
        assert re.search(rf"catalogue {re.escape(str(db))} is in use by thidua run \(pid \d+ on [^,]+, started [0-9T:+-]+\); "
                         r"run again when it has finished, or pass --wait SECONDS", message), message
    assert not db.exists() or _runs(db) == []  # nothing was started, nothing written
    assert holder(db) is None  # released with the with-block


def test_a_waiting_crawl_runs_after_the_other_and_says_so(tmp_path: Path) -> None:
    """A writer holds the catalogue and crawls into it; the second crawl waits, then finds everything stored."""
    db = tmp_path / "cat.db"
    out: dict = {}
    with run_lock(db, "thidua crawl") as held:
        assert held.waited == 0.0
        thread = threading.Thread(target=lambda: out.update(crawl(db, sites=["gialai"], wait=120, command="second")))
        thread.start()
        time.sleep(1.5)
        assert thread.is_alive() and not out, "the second crawl must be waiting"
        first = crawl(db, sites=["gialai"])  # re-entrant: this process holds the lock
    thread.join(120)
    assert first["new"] == 2
    assert out["new"] == 0 and out["unchanged"] == 2 and out["errors"] == 0
    assert out["waited"] >= 1 and out["waited_for"].startswith("thidua crawl (pid ")
    assert [r[2] for r in _runs(db)] == [2, 0] and all(r[1] for r in _runs(db))
    assert len(articles(db)) == 2


def test_waiting_gives_up_after_the_given_time(tmp_path: Path) -> None:
    db = tmp_path / "cat.db"
    with held_elsewhere(db, "thidua run"), pytest.raises(CatalogueBusy, match=r"waited \d+ s; run again when it has finished$"):
        crawl(db, sites=["gialai"], wait=1)


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    db = tmp_path / "cat.db"
    code = f"from crawler.lock import run_lock\nimport time\nwith run_lock({str(db)!r}, 'thidua run'):\n    time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code])
    try:
        for _ in range(100):
            if lock_path(db).exists() and lock_path(db).read_text():
                break
            time.sleep(0.1)
        assert holder(db)["pid"] == proc.pid
    finally:
        proc.kill()
        proc.wait()
    assert holder(db) is None
    assert crawl(db, sites=["baobinhduong"])["new"] == 2


def test_two_overlapping_thidua_runs_leave_one_consistent_catalogue(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    procs = [subprocess.Popen([*THIDUA, "run", "--db", str(db), "--wait", "300"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outs]
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 24
        assert con.execute("select count(distinct url) from articles").fetchone()[0] == 24
        assert con.execute("select count(*) from crawl_runs where finished_at is null").fetchone()[0] == 0
        assert sorted(r[0] for r in con.execute("select new from crawl_runs")) == [0, 24]
        per_article = con.execute("select count(*), count(distinct article_id) from campaign_mentions").fetchone()
    assert per_article[0] > 0
    waited = [o[1] for o in outs if "waited" in o[1]]
    # the two may not have overlapped on a slow machine; when one waited it names the other
    for err in waited:
        assert re.search(r"waited \d+ s for thidua run \(pid \d+", err), err


# ------------------------------------------------------------------ the sample server's port
def test_two_sample_crawls_at_once_take_two_free_ports(tmp_path: Path) -> None:
    """Before, both bound 127.0.0.1:8765 and the second died with "Address already in use"."""
    results: dict[str, dict] = {}

    def run(name: str) -> None:
        results[name] = crawl(tmp_path / f"{name}.db", sites=["phuyen"], state_dir=tmp_path / f"state-{name}")

    threads = [threading.Thread(target=run, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert results["a"]["new"] == results["b"]["new"] == 2
    assert set(articles(tmp_path / "a.db")) == set(articles(tmp_path / "b.db"))
    assert all(url.startswith(SAMPLE_ORIGIN + "/phuyen/") for url in articles(tmp_path / "a.db"))


# ------------------------------------------------------------------ site health
CASES = [
    # counts, previous, flags
    (Counter(pages_fetched=6, parsed=2, dated=1, titled=2, new=2, **{"family:liferay": 6}), None, []),
    (Counter(pages_fetched=6, unchanged=2, **{"family:liferay": 6}), {"articles": 2}, []),  # all 304: healthy
    (Counter(pages_fetched=3, **{"family:liferay": 3}), {"articles": 5}, ["no_articles"]),
    (Counter(pages_fetched=6, parsed=2, dated=0, titled=2, new=2, **{"family:liferay": 6}), {"dated": 2}, ["lost_dates"]),
    (Counter(pages_fetched=6, parsed=2, dated=2, titled=0, new=2, **{"family:liferay": 6}), None, ["lost_titles"]),
    (Counter(pages_fetched=6, parsed=2, dated=2, titled=2, new=2, **{"family:custom_cms": 5, "family:liferay": 1}),
     None, ["changed_family"]),
    (Counter(pages_fetched=4, requests_failed=4, errors=4, parsed=1, dated=1, titled=1, new=1, **{"family:liferay": 4}),
     None, ["high_error_rate"]),
    (Counter(pages_fetched=40, errors=3, parsed=9, dated=9, titled=9, new=9, **{"family:liferay": 40}), None, []),
]


@pytest.mark.parametrize(("counts", "previous", "flags"), CASES)
def test_assess_flags(counts: Counter, previous: dict | None, flags: list[str]) -> None:
    report = assess("dongthap", "liferay", counts, previous)
    assert report["flags"] == flags
    assert bool(report["message"]) == bool(flags)


def test_family_change_against_the_last_run() -> None:
    report = assess("x", "generic", Counter(pages_fetched=5, new=1, parsed=1, dated=1, titled=1, **{"family:dnn": 5}),
                    {"detected_family": "liferay"})
    assert report["flags"] == ["changed_family"] and "pages look like dnn, not liferay" in report["message"]


def test_health_is_stored_and_shown_after_each_run(site_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "cat.db"
    first = crawl(db, sample_root=site_copy, sites=["gialai", "quangnam"], state_dir=tmp_path / "s")
    assert [r["flags"] for r in first["health"]] == [[], []]
    # gialai's template loses its date element; quangnam's articles disappear
    page = site_copy / "gialai/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr-255402.html"
    page.write_text(page.read_text(encoding="utf-8").replace('class="post-date"', 'class="ngay-dang"'), encoding="utf-8")
    for name in ("PORTAL177827.html", "PORTAL182771.html"):
        (site_copy / "quangnam" / name).unlink()
    with sqlite3.connect(db) as con:  # forget the articles so they are fetched again
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("DELETE FROM articles")
    second = crawl(db, sample_root=site_copy, sites=["gialai", "quangnam"], state_dir=tmp_path / "s")
    flags = {r["source_id"]: r["flags"] for r in second["health"]}
    assert flags == {"gialai": ["lost_dates"], "quangnam": ["no_articles"]}, second["health"]
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT run_id, source_id, flags, message FROM site_health ORDER BY run_id, source_id").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (first["run_id"], "gialai", ""), (first["run_id"], "quangnam", ""),
        (second["run_id"], "gialai", "lost_dates"), (second["run_id"], "quangnam", "no_articles")]
    assert rows[3][3] == "quangnam: no articles (2 last run)"
    shown = health_summary(second["health"])
    assert shown.splitlines()[0] == "site health: 0 ok, 2 flagged" and "! quangnam: no articles (2 last run)" in shown


def test_crawl_command_prints_the_health_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(crawl_command, ["--site", "baobinhduong", "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert "site health: 1 ok" in result.output
    with sqlite3.connect(tmp_path / "c.db") as con:
        row = con.execute("SELECT source_id, family, detected_family, articles, flags FROM site_health").fetchone()
    assert row == ("baobinhduong", "newspaper", "newspaper", 2, "")
    stats = json.loads(sqlite3.connect(tmp_path / "c.db").execute("SELECT stats FROM crawl_runs").fetchone()[0])
    assert "health" not in stats  # kept in its own table
