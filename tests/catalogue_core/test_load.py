"""Storing extraction records: every fact with a mention, idempotent re-load, replacement, JSONL loading."""

from __future__ import annotations

import json

import pytest

from catalog.load import LoadError, load_jsonl
from catalog.store import Catalogue, CatalogueError

FACT_TABLES = ("article_provinces", "clusters", "cluster_members", "cluster_roles", "campaign_mentions", "themes",
               "awards", "events", "documents", "people", "units")


def snapshot(db) -> dict:
    tables = FACT_TABLES + ("campaigns", "campaign_variants", "mentions", "award_mentions", "unit_mentions", "articles")
    out = {}
    for t in tables:
        cols = "*" if t != "articles" else "id, url, text, content_hash, extraction_hash"
        out[t] = db.execute(f"select {cols} from {t} order by id").fetchall()
    return out


def test_every_fact_has_a_mention_with_its_span(cat, make_item, make_record, article_text):
    cat.upsert_article(make_item(), None)
    cat.store_extraction(1, make_record(), "0.1.0")
    counts = {t: cat.db[t].count for t in FACT_TABLES}
    # units: the Gia Lai, Phú Yên and Đắk Lắk departments ("Sở TTTT Gia Lai" in the roles and the position,
    # "Sở Thông tin và Truyền thông Gia Lai" in the awards are one unit)
    assert counts == {"article_provinces": 4, "clusters": 1, "cluster_members": 4, "cluster_roles": 2,
                      "campaign_mentions": 1, "themes": 0, "awards": 3, "events": 1, "documents": 0, "people": 1,
                      "units": 3}
    for t in FACT_TABLES:
        orphans = cat.db.execute(
            f"select id from {t} where id not in (select fact_id from evidence where fact_table = ?)", [t]).fetchall()
        assert orphans == [], t
    text = cat.db.execute("select text from articles where id = 1").fetchone()[0]
    assert text == article_text
    spans = cat.db.execute('select m.start, m."end", p.name from person_mentions m join people p on p.id = m.person_id'
                           ).fetchall()
    assert [(text[s:e], n) for s, e, n in spans] == [("Nguyễn Văn Hùng", "Nguyễn Văn Hùng")]
    prov = cat.db.execute("select m.start, m.\"end\", m.sentence_index, a.province from mentions m"
                          " join article_provinces a on a.id = m.fact_id where fact_table = 'article_provinces'"
                          " order by a.id").fetchall()
    assert [(text[s:e], i) for s, e, i, _ in prov] == [("Gia Lai", 0), ("Phú Yên", 0), ("Đắk Lắk", 1), ("Lâm Đồng", 3)]


def test_cluster_year_members_roles_and_views(cat, make_item, make_record):
    cat.upsert_article(make_item(), None)
    cat.store_extraction(1, make_record(), "0.1.0")
    row = cat.db.execute("select label, number, year, members, members_2025, leader, deputy, articles"
                         " from clusters_by_year").fetchone()
    assert row == ("Cụm thi đua số 6", 6, 2020, "Gia Lai, Lâm Đồng, Phú Yên, Đắk Lắk",
                   "Gia Lai, Lâm Đồng, Đắk Lắk", "Sở TTTT Gia Lai", "Sở TTTT Phú Yên", 1)
    awards = cat.db.execute("select province, province_2025, year, award, awards from awards_by_province_year"
                            " order by province").fetchall()
    assert ("Phú Yên", "Đắk Lắk", 2019, "Cờ thi đua", 1) in awards
    cov = cat.db.execute("select campaign, source, date, mentions from campaign_coverage").fetchall()
    assert cov == [("Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau", "stttt-gialai",
                    "2020-03-12", 1)]


def test_same_cluster_from_two_articles_is_one_row(cat, make_item, make_record):
    cat.upsert_article(make_item(), None)
    cat.upsert_article(make_item(url="https://mic.gov.vn/cum-6.htm", source="mic"), None)
    cat.store_extraction(1, make_record(), "0.1.0")
    cat.store_extraction(2, make_record(), "0.1.0")
    assert cat.db["clusters"].count == 1 and cat.db["cluster_members"].count == 4
    assert cat.db.execute("select articles from clusters_by_year").fetchone()[0] == 2
    # re-extracting article 1 without clusters keeps the cluster (article 2 still names it)
    cat.store_extraction(1, {**make_record(), "clusters": []}, "0.2.0")
    assert cat.db["clusters"].count == 1 and cat.db.execute("select articles from clusters_by_year").fetchone()[0] == 1
    cat.store_extraction(2, {**make_record(), "clusters": []}, "0.2.0")
    assert cat.db["clusters"].count == 0 and cat.db["cluster_members"].count == 0 and cat.db["cluster_roles"].count == 0


def test_store_extraction_is_idempotent(cat, make_item, make_record):
    cat.upsert_article(make_item(), None)
    assert cat.store_extraction(1, make_record(), "0.1.0") is True
    before = snapshot(cat.db)
    assert cat.store_extraction(1, make_record(), "0.1.0") is False
    assert snapshot(cat.db) == before
    # a new extractor version rewrites, with the same content
    assert cat.store_extraction(1, make_record(), "0.2.0") is True
    after = snapshot(cat.db)
    for t in FACT_TABLES:
        assert len(after[t]) == len(before[t]), t


def test_bad_record_leaves_previous_facts(cat, make_item, make_record):
    cat.upsert_article(make_item(), None)
    cat.store_extraction(1, make_record(), "0.1.0")
    before = snapshot(cat.db)
    with pytest.raises(LoadError, match="awards"):
        cat.store_extraction(1, {**make_record(), "awards": "Cờ thi đua"}, "0.2.0")
    with pytest.raises(CatalogueError, match="article 7"):
        cat.store_extraction(7, make_record(), "0.2.0")
    assert snapshot(cat.db) == before


def test_load_jsonl_links_known_url_and_creates_local_articles(cat, make_item, make_record, tmp_path, article_text):
    cat.upsert_article(make_item(), None)
    local = tmp_path / "seed-003.txt"
    local.write_text(article_text.replace("Khánh", "Khánh"), encoding="utf-8")
    jsonl = tmp_path / "facts.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        make_record(), make_record(source=str(local))]) + "\n", encoding="utf-8")
    stats = load_jsonl(cat, jsonl)
    assert stats.as_dict() == {"records": 2, "new": 1, "stored": 2, "unchanged": 0}
    urls = [r[0] for r in cat.db.execute("select url from articles order by id")]
    assert urls == ["https://stttt.gialai.gov.vn/tin-tuc/cum-6.html", local.resolve().as_uri()]
    assert cat.db.execute("select text from articles where id = 2").fetchone()[0] == article_text
    before = snapshot(cat.db)
    stats = load_jsonl(cat, jsonl)
    assert stats.as_dict() == {"records": 2, "new": 0, "stored": 0, "unchanged": 2}
    assert snapshot(cat.db) == before


def test_malformed_jsonl_stores_nothing(cat, make_record, tmp_path):
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text(json.dumps(make_record(), ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"bad.jsonl:2: malformed JSON"):
        load_jsonl(cat, jsonl)
    assert cat.db["articles"].count == 0 and cat.db["crawl_runs"].count == 0


def test_reopened_file_still_consistent_after_failed_load(db_path, make_record, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(make_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    with Catalogue(db_path) as cat:
        load_jsonl(cat, good)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(make_record(source="https://other.gov.vn/1"), ensure_ascii=False) + "\n"
                   + json.dumps({"source": "x", "provinces": "Gia Lai"}) + "\n", encoding="utf-8")
    with Catalogue(db_path) as cat, pytest.raises(LoadError, match="bad.jsonl:2: field 'provinces' must be a list"):
        load_jsonl(cat, bad)
    with Catalogue(db_path) as cat:
        assert cat.db["articles"].count == 1 and cat.db["awards"].count == 3
        assert cat.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _cluster_variant(record: dict, **changes) -> dict:
    clusters = [{**record["clusters"][0], **changes}]
    return {**record, "clusters": clusters}


@pytest.mark.parametrize("organised_first", [True, False], ids=["organised-first", "bare-first"])
def test_cluster_told_with_and_without_its_organizer_is_one_row(cat, make_item, make_record, organised_first):
    cat.upsert_article(make_item(), None)
    cat.upsert_article(make_item(url="https://baogialai.com.vn/cum-6.html", source="baogialai"), None)
    organised, bare = make_record(), _cluster_variant(make_record(), organizer=None, members=["Gia Lai", "Phú Yên"])
    first, second = (organised, bare) if organised_first else (bare, organised)
    cat.store_extraction(1, first, "0.1.0")
    cat.store_extraction(2, second, "0.1.0")
    rows = cat.db.execute("select organizer, number, year from clusters").fetchall()
    assert rows == [("Bộ Thông tin và Truyền thông", 6, 2020)]
    assert cat.db.execute("select articles from clusters_by_year").fetchone()[0] == 2


def test_bare_cluster_with_other_members_stays_apart(cat, make_item, make_record):
    cat.upsert_article(make_item(), None)
    cat.upsert_article(make_item(url="https://congan.hagiang.gov.vn/cum-6.html", source="ca-hagiang"), None)
    cat.store_extraction(1, make_record(), "0.1.0")
    cat.store_extraction(2, _cluster_variant(make_record(), organizer=None, members=["Hà Giang", "Cao Bằng"]), "0.1.0")
    assert sorted(r[0] or "" for r in cat.db.execute("select organizer from clusters")) == [
        "", "Bộ Thông tin và Truyền thông"]
