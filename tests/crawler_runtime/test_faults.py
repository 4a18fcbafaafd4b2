"""Faults are logged and counted, never crash the crawl, never leave a partial article."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.run import crawl

from .conftest import articles, errors

SETTINGS = {
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_TIMES": 1,
    "THIDUA_RETRY_BACKOFF": 0.1,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory: pytest.TempPathFactory, fault_server: str):
    tmp_path = tmp_path_factory.mktemp("faults")
    sites = tmp_path / "sites.toml"
    sites.write_text(
        "[[site]]\n"
        'id = "faults"\nname = "Sở TTTT thử lỗi"\nfamily = "custom_cms"\nprovince = "Gia Lai"\n'
        f'base_url = "{fault_server}"\nstart_paths = ["/tin-tuc/faults"]\nmax_pages = 1\nlive = true\n',
        encoding="utf-8",
    )
    db = tmp_path / "cat.db"
    stats = crawl(db, live=True, sites_file=sites, settings=SETTINGS, state_dir=tmp_path / "state")
    return db, stats, fault_server


def _errors_by_page(db: Path, run_id: int) -> dict[str, str]:
    out = {}
    for url, message in errors(db, run_id):
        out[url.rsplit("/", 1)[-1].split("?")[0].removeprefix("bai-")] = message
    return out


EXPECTED_KIND = {
    "timeout-100003": "timeout:",
    "error500-100004": "http: HTTP 500",
    "loop-100005": "redirect:",
    "truncated-100006": "dataloss:",
    "huge-100007": "size:",
    "bomb-100008": "size:",
    "charset-100002": "charset:",
}


@pytest.mark.parametrize("page", sorted(EXPECTED_KIND))
def test_fault_is_recorded_with_its_kind(fault_run, page):
    db, stats, _ = fault_run
    found = _errors_by_page(db, stats["run_id"])
    assert page in found, found
    assert found[page].startswith(EXPECTED_KIND[page]), found[page]


def test_fault_counts_match_the_error_log(fault_run):
    db, stats, _ = fault_run
    assert stats["errors"] == len(errors(db, stats["run_id"])) == len(EXPECTED_KIND)
    assert stats["errors_size"] == 2 and stats["errors_timeout"] == 1 and stats["errors_dataloss"] == 1
    assert stats["robots_forbidden"] == 1  # /private/ is disallowed, and that is not a fault


def test_only_complete_articles_are_stored(fault_run):
    db, stats, base = fault_run
    stored = articles(db)
    assert sorted(stored) == [f"{base}/tin-tuc/faults/bai-charset-100002", f"{base}/tin-tuc/faults/bai-ok-100001"]
    assert stats["new"] == 2


def test_wrong_declared_charset_still_decodes_vietnamese(fault_run):
    db, _, base = fault_run
    with sqlite3.connect(db) as con:
        title, text = con.execute("SELECT title, text FROM articles WHERE url = ?",
                                  [f"{base}/tin-tuc/faults/bai-charset-100002"]).fetchone()
    assert title == "Kon Tum ký kết giao ước thi đua Cụm số 6"
    assert "ký kết giao ước thi đua năm 2024" in text


def test_run_is_recorded_as_finished(fault_run):
    db, stats, _ = fault_run
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT finished_at, new, errors FROM crawl_runs WHERE id = ?", [stats["run_id"]]).fetchone()
    assert row[0] is not None and row[1:] == (2, len(EXPECTED_KIND))
