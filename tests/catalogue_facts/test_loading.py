"""Loading is idempotent: twice, in another order, from another outlet, by a new extractor version; deleting or
revising an article touches only its own mentions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from catalog.store import Catalogue

FACTS = ("awards", "events", "cluster_roles", "people", "documents", "units", "clusters", "stories")
MENTIONS = ("award_mentions", "event_mentions", "cluster_role_mentions", "person_mentions", "document_mentions",
            "unit_mentions", "mentions")


def counts(db_path: Path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in FACTS + MENTIONS}


def facts(db_path: Path) -> dict[str, list[tuple]]:
    """Every fact table's rows by identity (ids left out: they depend on load order)."""
    with sqlite3.connect(db_path) as conn:
        return {
            "awards": sorted(conn.execute("select key, status, proposed_on, conferred_on, n_mentions, n_articles,"
                                          " n_outlets, first_source from awards where key not like 's:%'").fetchall()),
            "count_awards": sorted(conn.execute("select award, count, for_year, status, n_articles from awards"
                                                " where key like 's:%'").fetchall()),
            "events": sorted(conn.execute("select kind, date, province, n_articles, first_source from events")
                             .fetchall(), key=str),
            "roles": sorted(conn.execute("select role, unit_key, year, n_articles from cluster_roles").fetchall()),
            "people": sorted(conn.execute("select key, n_articles from people").fetchall()),
            "documents": sorted(conn.execute("select key, n_articles from documents").fetchall()),
            "units": sorted(conn.execute("select key, name, n_mentions from units").fetchall()),
        }


def test_loading_twice_changes_nothing(tmp_path: Path, fx) -> None:
    path = tmp_path / "c.db"
    fx.build(path)
    before, rows = counts(path), facts(path)
    fx.build(path)  # same URLs, same records, same version: nothing is rewritten
    assert counts(path) == before and facts(path) == rows


def test_another_order_gives_the_same_facts(tmp_path: Path, fx, db_path: Path) -> None:
    path = tmp_path / "reversed.db"
    fx.build(path, order=["A7", "A6", "A5", "A4", "A3", "A2", "A1"])
    assert counts(path) == counts(db_path)
    assert facts(path) == facts(db_path)


def test_the_same_article_from_another_outlet_adds_mentions_not_facts(tmp_path: Path, fx) -> None:
    path = tmp_path / "c.db"
    fx.build(path)
    before = counts(path)
    _, _, _, published, title, text = next(a for a in fx.ARTICLES if a[0] == "A4")
    with Catalogue(path) as cat:
        url = "https://baokontum.com.vn/thi-dua-khen-thuong/co-thi-dua-2020-15873.html"
        cat.upsert_article({"url": url, "source": "baokontum", "published": "2021-03-21", "title": title,
                            "text": text}, None)
        new_id = cat.seen(url)["article_id"]
        cat.store_extraction(new_id, fx.records()["A4"], "test-1")
    after = counts(path)
    for t in FACTS:
        assert after[t] == before[t], t
    assert after["award_mentions"] == before["award_mentions"] + 2
    with sqlite3.connect(path) as conn:
        assert conn.execute("select n_articles, n_outlets from awards where for_year = 2020 and award = 'Cờ thi đua'"
                            ).fetchone() == (7, 5)


def test_a_new_extractor_version_rederives_without_duplicates_or_orphans(tmp_path: Path, fx) -> None:
    path = tmp_path / "c.db"
    fx.build(path)
    with sqlite3.connect(path) as conn:
        ids_before = conn.execute("select key, id from awards order by key").fetchall()
    before, rows = counts(path), facts(path)
    fx.build(path, version="test-2")
    assert counts(path) == before and facts(path) == rows
    with sqlite3.connect(path) as conn:
        assert conn.execute("select key, id from awards order by key").fetchall() == ids_before  # ids are stable
        assert conn.execute("select count(*) from articles where extractor_version != 'test-2'").fetchone() == (0,)


def test_deleting_an_article_removes_only_its_mentions(tmp_path: Path, fx) -> None:
    path = tmp_path / "c.db"
    fx.build(path)
    before = facts(path)
    with Catalogue(path) as cat:
        assert cat.delete_article("https://mic.gov.vn/Pages/TinTuc/146001/co-thi-dua-2020.html") is True
        assert cat.delete_article("https://mic.gov.vn/nothing-here.html") is False
    after = facts(path)
    flag = next(r for r in after["awards"] if r[0].endswith("|co thi dua|ministry|2020"))
    # the Gia Lai flag was proposed (A1) and conferred (A4, A5, A7): with A4 gone it still is, reported later
    assert flag[1:4] == ("conferred", "2021-01-15", "2022-04-10")
    assert not any("|52|bang khen" in r[0] for r in after["awards"])  # Bình Định's Bằng khen: A4 only
    assert [k for k, _ in after["people"]] == ["nguyễn văn hùng|64"]  # the namesake and the deputy minister go
    assert ("n:245/qd-btttt", 2) in after["documents"]
    assert not any(k.startswith("bo thong tin") for k, _, _ in after["units"])
    assert after["events"] == before["events"] and after["roles"] == before["roles"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from articles").fetchone() == (6,)
        assert conn.execute("select count(*) from evidence where article_id not in (select id from articles)"
                            ).fetchone() == (0,)


def test_a_revised_article_updates_its_own_mentions(tmp_path: Path, fx) -> None:
    path = tmp_path / "c.db"
    ids = fx.build(path)
    _, url, source, published, title, text = next(a for a in fx.ARTICLES if a[0] == "A5")
    revised = text.replace("Đến dự buổi lễ có ông Nguyễn Văn Hùng", "Đến dự buổi lễ có đại diện lãnh đạo tỉnh")
    record = {**fx.records()["A5"], "people": []}
    with Catalogue(path) as cat:
        assert cat.upsert_article({"url": url, "source": source, "published": published, "title": title,
                                   "text": revised}, None) == "changed"
        cat.store_extraction(ids["A5"], record, "test-1")
    with sqlite3.connect(path) as conn:
        positions = conn.execute("select position from person_positions where person = 'Nguyễn Văn Hùng'"
                                 " and province = 'Gia Lai'").fetchall()
        assert positions == [("Giám đốc Sở TT&TT Gia Lai",)]
        assert conn.execute("select count(*) from units where key like 'uy ban nhan dan|%'").fetchone() == (0,)
        assert conn.execute("select n_articles from awards where for_year = 2020 and award = 'Cờ thi đua'"
                            ).fetchone() == (6,)
