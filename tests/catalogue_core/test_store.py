"""Store API: sources, runs, new/changed/unchanged, revisions, seen, pending extraction."""

from __future__ import annotations

import json

import pytest

from catalog.store import Catalogue, CatalogueError, content_hash


def test_reopen_applies_no_migration_twice(db_path):
    Catalogue(db_path).close()
    cat = Catalogue(db_path)
    names = [r[0] for r in cat.db.execute("select name from _sqlite_migrations order by id")]
    assert names == ["m001_core", "m002_facts", "m003_views", "m004_fts", "m_crawler_site_health",
                     "f001_canonical_facts", "f002_fact_views", "f003_campaign_variant_index", "f004_award_count_index",
                     "f005_campaign_variant_counts"]
    assert cat.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert cat.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert cat.db["provinces"].count == 63


def test_new_unchanged_changed_keeps_revision(cat, make_item, article_text):
    run = cat.start_run("crawl", ["stttt-gialai"])
    assert cat.upsert_article(make_item(), run) == "new"
    assert cat.upsert_article(make_item(views=150), run) == "unchanged"
    assert cat.db.execute("select views from articles").fetchone()[0] == 150
    edited = article_text.replace("Cụm phó", "Cụm phó năm 2020")
    run2 = cat.start_run("crawl", ["stttt-gialai"])
    assert cat.upsert_article(make_item(text=edited), run2) == "changed"
    rows = cat.db.execute("select text, first_seen_run, last_seen_run, content_hash from articles").fetchall()
    assert len(rows) == 1
    assert rows[0][0].endswith("phát biểu tại hội nghị.") and "Cụm phó năm 2020" in rows[0][0]
    assert rows[0][1:3] == (run, run2)
    assert rows[0][3] == content_hash(edited)
    rev = cat.db.execute("select text, content_hash, replaced_by_run from article_revisions").fetchall()
    assert rev == [(article_text, content_hash(article_text), run2)]


def test_text_is_normalised_before_hashing(cat, make_item):
    cat.upsert_article(make_item(text="Khánh Hoà  thi đua\u00a0"), None)
    assert cat.upsert_article(make_item(text="Khánh Hòa thi đua"), None) == "unchanged"
    assert cat.db.execute("select text from articles").fetchone()[0] == "Khánh Hòa thi đua"


def test_seen(cat, make_item):
    assert cat.seen("https://stttt.gialai.gov.vn/tin-tuc/cum-6.html") is None
    cat.upsert_article(make_item(), None)
    s = cat.seen("https://stttt.gialai.gov.vn/tin-tuc/cum-6.html")
    assert s["article_id"] == 1 and s["etag"] == '"abc"'
    assert s["last_modified"] == "Thu, 12 Mar 2020 04:01:19 GMT"
    assert len(s["content_hash"]) == 64 and s["fetched_at"] == "2024-05-01T08:00:00+00:00"


def test_runs_and_errors(cat):
    cat.upsert_source("stttt-gialai", "Sở TTTT Gia Lai", "https://stttt.gialai.gov.vn", "dnn", "Gia Lai")
    run = cat.start_run("crawl", ["stttt-gialai"])
    cat.record_error(run, "https://stttt.gialai.gov.vn/x", "HTTP 500\nServer Error")
    cat.finish_run(run, {"pages_fetched": 12, "new": 3, "changed": 1, "unchanged": 7, "errors": 1, "robots_denied": 2})
    row = cat.db.execute("select kind, sources, pages_fetched, new, changed, unchanged, errors, stats, finished_at"
                         " from crawl_runs").fetchone()
    assert row[:7] == ("crawl", '["stttt-gialai"]', 12, 3, 1, 7, 1)
    assert json.loads(row[7])["robots_denied"] == 2 and row[8]
    assert cat.db.execute("select url, message from crawl_errors").fetchall() == [
        ("https://stttt.gialai.gov.vn/x", "HTTP 500 Server Error")]
    with pytest.raises(CatalogueError, match="crawl run 99"):
        cat.finish_run(99, {})


def test_attachments_unique_and_unknown_source_created(cat, make_item):
    cat.upsert_article(make_item(source="new-portal"), None)
    cat.upsert_article(make_item(source="new-portal"), None)
    assert cat.db.execute("select url, name from attachments").fetchall() == [
        ("https://stttt.gialai.gov.vn/tin-tuc/cum-6.html.pdf", "Kế hoạch 15/KH")]
    assert cat.db.execute("select id from sources").fetchall() == [("new-portal",)]


def test_pending_extraction_and_stale_after_change(cat, make_item, make_record, article_text):
    cat.upsert_article(make_item(), None)
    cat.upsert_article(make_item(url="https://x.gov.vn/2", text="Tin khác về thi đua."), None)
    pending = list(cat.pending_extraction("0.1.0"))
    assert [p["article_id"] for p in pending] == [1, 2]
    assert set(pending[0]) == {"article_id", "url", "title", "text", "published"}
    assert cat.store_extraction(1, make_record(), "0.1.0") is True
    assert [p["article_id"] for p in cat.pending_extraction("0.1.0")] == [2]
    assert [p["article_id"] for p in cat.pending_extraction("0.2.0")] == [1, 2]
    cat.upsert_article(make_item(text=article_text + "\nCập nhật."), None)
    assert cat.db.execute("select facts_stale from articles where id = 1").fetchone()[0] == 1
    assert [p["article_id"] for p in cat.pending_extraction("0.1.0")] == [1, 2]


@pytest.mark.parametrize("item, message", [
    ({"text": "x"}, "without url"),
    ({"url": "https://x.gov.vn/1"}, "https://x.gov.vn/1: article item without text"),
    ({"url": "https://x.gov.vn/1", "text": "x", "attachments": "a.pdf"}, "attachments must be a list"),
])
def test_bad_items_rejected_and_nothing_stored(cat, item, message):
    with pytest.raises(CatalogueError, match=message):
        cat.upsert_article(item, None)
    assert cat.db["articles"].count == 0
    assert cat.db.execute("select count(*) from articles_fts").fetchone()[0] == 0


def test_missing_directory_is_one_line_error(tmp_path):
    with pytest.raises(CatalogueError, match="does not exist"):
        Catalogue(tmp_path / "no" / "such" / "c.db")


def test_not_a_database_file_is_left_alone(tmp_path):
    bogus = tmp_path / "catalogue.db"
    bogus.write_bytes(b"Cum thi dua so 6\n" * 200)
    with pytest.raises(CatalogueError, match="cannot open as a thidua catalogue"):
        Catalogue(bogus)
    assert bogus.read_bytes() == b"Cum thi dua so 6\n" * 200


def test_touch_and_validators_survive_a_fetch_without_them(tmp_path):
    from catalog.store import Catalogue

    with Catalogue(tmp_path / "c.db") as cat:
        r1 = cat.start_run("crawl", ["s"])
        item = {"url": "http://127.0.0.1/a", "source": "s", "title": "Tổng kết thi đua", "text": "Nội dung bài viết.",
                "etag": '"abc"', "last_modified": "Mon, 01 Jan 2024 00:00:00 GMT"}
        assert cat.upsert_article(item, r1) == "new"
        r2 = cat.start_run("crawl", ["s"])
        assert cat.upsert_article({**item, "etag": None, "last_modified": None}, r2) == "unchanged"
        assert cat.seen(item["url"])["etag"] == '"abc"'
        r3 = cat.start_run("crawl", ["s"])
        assert cat.touch(item["url"], r3) is True
        assert cat.touch("http://127.0.0.1/unknown", r3) is False
        assert cat.db.execute("select last_seen_run from articles").fetchone()[0] == r3
