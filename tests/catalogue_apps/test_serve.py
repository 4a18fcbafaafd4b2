"""catalog.serve: the Datasette app answers its canned queries on the fixture catalogue, read-only."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from catalog.export import CatalogueError
from catalog.serve import load_metadata, make_app


@pytest.fixture()
def app(db_path: Path):
    return make_app(db_path)


def get(app, path: str) -> tuple[int, Any]:
    async def fetch():
        response = await app.client.get(path)
        return response.status_code, (response.json() if ".json" in path else response.text)

    return asyncio.run(fetch())


def rows(app, path: str) -> list[dict]:
    status, data = get(app, path + ("&" if "?" in path else "?") + "_shape=array")
    assert status == 200, data
    return data


def test_clusters_by_year_with_members(app) -> None:
    assert rows(app, "/catalogue/clusters_by_year.json") == [{
        "year": 2021, "label": "Cụm thi đua số 6", "kind": "cụm", "number": 6,
        "organizer": "Bộ Thông tin và Truyền thông", "members": "Bình Định, Gia Lai, Kon Tum",
        "members_2025": "Gia Lai, Quảng Ngãi", "members_found": 3, "member_count": 3,
        "leader": "Sở TT&TT Kon Tum", "deputy": None, "articles": 1, "cluster_id": 1,
    }]
    assert rows(app, "/catalogue/clusters_by_year.json?year=2020") == []


def _awards(app, query: str) -> list[tuple]:
    return [(r["province"], r["year"], r["award"], r["status"], r["awards"], r["recipients"])
            for r in rows(app, "/catalogue/awards_by_province_year.json?" + query)]


def test_awards_by_province_and_year(app) -> None:
    assert _awards(app, "year=2021") == [
        ("Bà Rịa - Vũng Tàu", 2021, "Bằng khen", "conferred", 1, 1),
        ("Bình Dương", 2021, "Cờ thi đua", "conferred", 1, 1),
    ]
    assert _awards(app, "year=2020") == [
        ("Bình Định", 2020, "Bằng khen", "conferred", 1, 12),
        ("Gia Lai", 2020, "Cờ thi đua", "proposed", 1, 1),
        ("Kon Tum", 2020, "Bằng khen", "proposed", 1, 1),
    ]


def test_awards_successor_switch_reads_2025_units(app) -> None:
    assert _awards(app, "successor=1") == [
        ("Hồ Chí Minh", 2021, "Bằng khen", "conferred", 1, 1),
        ("Hồ Chí Minh", 2021, "Cờ thi đua", "conferred", 1, 1),
        ("Gia Lai", 2020, "Bằng khen", "conferred", 1, 12),
        ("Gia Lai", 2020, "Cờ thi đua", "proposed", 1, 1),
        ("Quảng Ngãi", 2020, "Bằng khen", "proposed", 1, 1),
    ]
    assert _awards(app, "successor=0&year=2021") == _awards(app, "year=2021")


@pytest.mark.parametrize("campaign", ["chung tay vi nguoi ngheo", "Chung tay vì người nghèo", "KHÔNG ĐỂ AI"])
def test_campaign_coverage_accent_insensitive(app, campaign: str) -> None:
    got = [(r["source"], r["date"], r["mentions"])
           for r in rows(app, f"/catalogue/campaign_coverage.json?campaign={campaign}")]
    assert got == [
        ("Sở TT&TT Gia Lai", "2021-03-02", 1),
        ("Cổng TTĐT tỉnh Kon Tum", "2021-03-04", 1),
        ("Cổng TTĐT tỉnh Bình Định", "2021-03-05", 1),
        ("Cổng TTĐT tỉnh Bình Định", "2021-03-10", 1),
    ]


def test_campaign_coverage_all_campaigns(app) -> None:
    got = rows(app, "/catalogue/campaign_coverage.json")
    assert [r["campaign"] for r in got].count("Dân vận khéo") == 1
    assert len(got) == 5


@pytest.mark.parametrize("q, expected_ids", [
    ("dan van", [5]),  # unaccented finds "Dân vận"
    ("Dân vận", [5]),
    ("chư prông", [1, 2]),  # only in the full release (the Bình Định copy was cut before it)
    ('"giao ước thi đua"', [6]),
    ("họa", []),  # accented: no match for "hòa"/"hoạ"-less texts
    ("...", []),  # nothing searchable: no rows, no error
])
def test_full_text_search(app, q: str, expected_ids: list[int]) -> None:
    got = rows(app, f"/catalogue/search.json?q={q}")
    assert sorted(r["id"] for r in got) == expected_ids
    for r in got:
        assert "[" in r["snippet"] and r["url"].startswith("https://")


def test_facets_and_bilingual_metadata(app) -> None:
    status, data = get(app, "/catalogue/awards.json")
    assert status == 200
    facets = data["facet_results"]
    assert {"province", "for_year", "award"} <= set(facets)
    assert {f["value"] for f in facets["province"]["results"]} == {
        "Bình Định", "Gia Lai", "Kon Tum", "Bình Dương", "Bà Rịa - Vũng Tàu"}
    status, data = get(app, "/catalogue/articles.json")
    assert {f["value"] for f in data["facet_results"]["source_id"]["results"]} == {
        "stttt-gialai", "kontum-portal", "binhdinh-portal", "stttt-binhduong"}
    status, page = get(app, "/catalogue/awards")
    assert "Khen thưởng / Awards" in page and "Năm thành tích / year of the achievement" in page


def test_app_is_read_only(app, db_path: Path) -> None:
    before = db_path.read_bytes()
    assert app.databases["catalogue"].is_mutable is False
    status, data = get(app, "/catalogue.json?sql=delete+from+awards")
    assert status == 400 and "SELECT" in data["error"]
    assert db_path.read_bytes() == before
    assert len(rows(app, "/catalogue/awards.json")) == 5


def test_metadata_follows_the_file_name() -> None:
    meta = load_metadata("thidua_2025")
    assert "thidua_2025" in meta["databases"] and "catalogue" not in meta["databases"]
    assert set(meta["databases"]["thidua_2025"]["queries"]) == {
        "clusters_by_year", "cluster_roles_by_year", "awards_by_province_year", "unit_award_history",
        "person_positions", "proposed_not_conferred", "fact_coverage", "campaign_coverage", "search"}
    assert meta["license"] and meta["source"] and meta["title"]


def test_bad_catalogue_paths(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="catalogue not found"):
        make_app(tmp_path / "nope.db")
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    with pytest.raises(CatalogueError, match="is not a thidua catalogue"):
        make_app(other)
