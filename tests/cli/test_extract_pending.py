"""`thidua run` extracts on all cores: worker processes extract, one process writes, the catalogue is the same."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from catalog.store import Catalogue
from pipeline import extract_pending

ARTICLES = sorted((Path(__file__).resolve().parents[1] / "extract_clusters_awards" / "articles").glob("*.txt"))[:6]


def _catalogue(path: Path) -> None:
    cat = Catalogue(str(path))
    run = cat.start_run("crawl", ["test"])
    for n, art in enumerate(ARTICLES):
        text = art.read_text(encoding="utf-8")
        cat.upsert_article({"url": f"https://sotttt.example.gov.vn/tin-tuc/{n}.html", "source": "example",
                            "family": "generic", "title": text.splitlines()[0], "published": "2023-03-01",
                            "text": text, "raw_text": text, "fetched_at": "2023-03-02T00:00:00"}, run)
    cat.finish_run(run, {})


def _facts(path: Path) -> dict[str, list]:
    db = sqlite3.connect(path)
    out = {}
    for table in ("awards", "clusters", "campaigns", "events", "article_provinces"):
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] not in ("id", "rowid")]
        out[table] = sorted(map(repr, db.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
    return out


def test_parallel_extraction_stores_what_one_process_stores(tmp_path):
    assert len(ARTICLES) >= 4
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    _catalogue(one)
    _catalogue(two)
    assert extract_pending(str(one), jobs=1, progress=False) == len(ARTICLES)
    assert extract_pending(str(two), jobs=2, progress=False) == len(ARTICLES)
    facts = _facts(one)
    assert facts["awards"] and facts["clusters"]
    assert _facts(two) == facts
    assert extract_pending(str(two), jobs=2, progress=False) == 0  # nothing left pending
