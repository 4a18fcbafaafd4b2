"""The fixture catalogue of overlapping articles holds exactly the distinct facts written down by hand."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def q(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params or []).fetchall()


def test_awards_are_facts_with_status_history(db_path: Path, fx) -> None:
    rows = q(db_path, "select award, coalesce(province, count), for_year, status, proposed_on, conferred_on,"
                      " n_articles, n_outlets from awards")
    assert {(a, p, y): tuple(rest) for a, p, y, *rest in rows} == fx.EXPECTED.awards


def test_award_mentions_keep_what_each_article_said(db_path: Path) -> None:
    history = q(db_path, "select status, date, source from award_status_history"
                         " where year = 2020 and award = 'Cờ thi đua' order by date, article_id")
    assert history == [("proposed", "2021-01-15", "stttt-gialai"), ("proposed", "2021-01-16", "kontum-portal"),
                       ("proposed", "2021-01-16", "baogialai"), ("conferred", "2021-03-20", "mic"),
                       ("conferred", "2022-04-10", "stttt-gialai"), ("conferred", "2026-01-21", "stttt-gialai")]
    # the abbreviated, the full and the post-merger spelling are one recipient
    recipients = q(db_path, "select distinct m.recipient from award_mentions m join awards w on w.id = m.award_id"
                            " where w.for_year = 2020 and w.award = 'Cờ thi đua' order by 1")
    assert recipients == [("Sở TT&TT Gia Lai",), ("Sở TTTT Gia Lai",), ("Sở Thông tin và Truyền thông tỉnh Gia Lai",)]


def test_events(db_path: Path, fx) -> None:
    rows = q(db_path, "select kind, date, n_articles from events")
    assert sorted(rows, key=str) == sorted(fx.EXPECTED.events, key=str)
    assert len(rows) == len(fx.EXPECTED.events) == 5
    # the two undated launches are in different stories; the dated ceremony reported by two outlets is one
    assert q(db_path, "select count(distinct story_id) from events where date is null") == [(2,)]


def test_roles_people_documents_units_stories(db_path: Path, fx) -> None:
    roles = q(db_path, "select cluster, year, role, province from cluster_roles_by_year")
    assert set(roles) == fx.EXPECTED.roles and len(roles) == 3
    assert set(q(db_path, "select name, province from people")) == fx.EXPECTED.people
    assert dict(q(db_path, "select number, n_articles from documents")) == fx.EXPECTED.documents
    assert dict(q(db_path, "select province, count(*) from units group by province")) == fx.EXPECTED.units
    assert q(db_path, "select count(*) from stories") == [(fx.EXPECTED.stories,)]
    copies = q(db_path, "select count(distinct s.story_id) from article_stories s join articles a on a.id = s.article_id"
                        " where a.title = 'Cụm thi đua số 6 tổng kết năm 2020'")
    assert copies == [(1,)]  # A1, its copy with chrome and a new lead, and its copy with the tail cut


def test_one_official_two_positions_and_a_namesake(db_path: Path) -> None:
    rows = q(db_path, "select person_id, province, position, first_seen, last_seen, articles from person_positions"
                      " where person = 'Nguyễn Văn Hùng' order by person_id, first_seen")
    gia_lai = [r for r in rows if r[1] == "Gia Lai"]
    assert [r[2:] for r in gia_lai] == [("Giám đốc Sở TT&TT Gia Lai", "2021-01-15", "2021-01-16", 2),
                                        ("Phó Chủ tịch UBND tỉnh Gia Lai", "2022-04-10", "2022-04-10", 1)]
    assert len({r[0] for r in gia_lai}) == 1
    assert [r[1:3] for r in rows if r[1] == "Kon Tum"] == [
        ("Kon Tum", "Giám đốc Sở Thông tin và Truyền thông tỉnh Kon Tum")]


def test_every_fact_has_evidence_and_every_mention_a_fact(db_path: Path) -> None:
    for table, mentions, fk in [("awards", "award_mentions", "award_id"), ("events", "event_mentions", "event_id"),
                                ("cluster_roles", "cluster_role_mentions", "cluster_role_id"),
                                ("people", "person_mentions", "person_id"),
                                ("documents", "document_mentions", "document_id"), ("units", "unit_mentions", "unit_id")]:
        assert q(db_path, f"select id from {table} where id not in (select {fk} from {mentions})") == [], table
        assert q(db_path, f"select id from {mentions} where {fk} not in (select id from {table})") == [], mentions
        assert q(db_path, f"select count(*) from {table} where n_mentions != (select count(*) from {mentions} m"
                          f" where m.{fk} = {table}.id)") == [(0,)], table


def test_spans_point_at_the_reported_words(db_path: Path) -> None:
    rows = q(db_path, 'select a.text, m.start, m."end", m.recipient from award_mentions m'
                      " join articles a on a.id = m.article_id where m.recipient is not null")
    assert rows and all(rec.split()[-1] in text[s:e] or "đón nhận" in text[s:e] for text, s, e, rec in rows)


@pytest.mark.parametrize("name, params, expected", [
    ("awards_by_province_year", {}, [
        ("Bình Định", 2020, "Bằng khen", "ministry", "conferred", 1, 1, 1),
        ("Gia Lai", 2020, "Cờ thi đua", "ministry", "conferred", 1, 1, 6),
        ("Kon Tum", 2020, "Bằng khen", "ministry", "proposed", 1, 1, 3),
        ("Gia Lai", None, "Cờ thi đua", "ministry", "conferred", 1, 1, 1)]),
    ("awards_by_province_year", {"successor": "1", "year": "2020"}, [
        ("Gia Lai", 2020, "Bằng khen", "ministry", "conferred", 1, 1, 1),
        ("Gia Lai", 2020, "Cờ thi đua", "ministry", "conferred", 1, 1, 6),
        ("Quảng Ngãi", 2020, "Bằng khen", "ministry", "proposed", 1, 1, 3)]),
    ("awards_by_province_year", {"level": "province"}, []),
    ("cluster_roles_by_year", {"cluster": "6"}, [
        ("Cụm thi đua số 6", 6, "Bộ Thông tin và Truyền thông", 2021, "deputy",
         "Sở Thông tin và Truyền thông tỉnh Bình Định", "Bình Định", 3, 3),
        ("Cụm thi đua số 6", 6, "Bộ Thông tin và Truyền thông", 2021, "leader",
         "Sở Thông tin và Truyền thông tỉnh Kon Tum", "Kon Tum", 3, 3),
        ("Cụm thi đua số 6", 6, "Bộ Thông tin và Truyền thông", 2026, "leader",
         "Sở Thông tin và Truyền thông tỉnh Gia Lai", "Gia Lai", 1, 1)]),
    ("unit_award_history", {"unit": "Sở TT&TT Gia Lai"}, [
        ("Sở Thông tin và Truyền thông tỉnh Gia Lai", "Gia Lai", None, "Cờ thi đua", "ministry", "conferred", None,
         "2022-04-09", "Bộ Thông tin và Truyền thông", 1, 1),
        ("Sở Thông tin và Truyền thông tỉnh Gia Lai", "Gia Lai", 2020, "Cờ thi đua", "ministry", "conferred",
         "2021-01-15", "2021-03-20", "Bộ Thông tin và Truyền thông", 6, 4)]),
    ("unit_award_history", {"unit": "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH KON TUM"}, [
        ("Sở Thông tin và Truyền thông tỉnh Kon Tum", "Kon Tum", 2020, "Bằng khen", "ministry", "proposed",
         "2021-01-15", None, "Bộ Thông tin và Truyền thông", 3, 3)]),
    ("person_positions", {"person": "nguyen van hung"}, [
        ("Nguyễn Văn Hùng", "Gia Lai", "Giám đốc Sở TT&TT Gia Lai", "Giám đốc", "Sở Thông tin và Truyền thông tỉnh Gia Lai",
         "2021-01-15", "2021-01-16", 2),
        ("Nguyễn Văn Hùng", "Gia Lai", "Phó Chủ tịch UBND tỉnh Gia Lai", "Phó Chủ tịch", "UBND tỉnh Gia Lai",
         "2022-04-10", "2022-04-10", 1),
        ("Nguyễn Văn Hùng", "Kon Tum", "Giám đốc Sở Thông tin và Truyền thông tỉnh Kon Tum", "Giám đốc",
         "Sở Thông tin và Truyền thông tỉnh Kon Tum", "2021-03-20", "2021-03-20", 1)]),
    ("proposed_not_conferred", {}, [
        ("Sở Thông tin và Truyền thông tỉnh Kon Tum", "Kon Tum", 2020, "Bằng khen", "ministry", "2021-01-15",
         "stttt-gialai", 3),
        (None, None, 2020, "Bằng khen", "ministry", "2021-01-15", "stttt-gialai", 3)]),
    ("proposed_not_conferred", {"province": "quang ngai"}, [
        ("Sở Thông tin và Truyền thông tỉnh Kon Tum", "Kon Tum", 2020, "Bằng khen", "ministry", "2021-01-15", "stttt-gialai", 3)]),
])
def test_canned_queries_count_the_hand_written_facts(db_path: Path, name: str, params: dict, expected: list) -> None:
    from catalog.canned import run

    columns, rows = run(db_path, name, params)
    width = len(expected[0]) if expected else 0
    assert [tuple(r[:width]) for r in rows] == expected


def test_fact_coverage_names_outlets_and_who_was_first(db_path: Path) -> None:
    from catalog.canned import run

    columns, rows = run(db_path, "fact_coverage", {"fact": "awards"})
    got = [dict(zip(columns, r, strict=True)) for r in rows]
    assert len(got) == 5
    assert (got[0]["label"], got[0]["articles"], got[0]["outlets"], got[0]["first_outlet"], got[0]["first_published"]) \
        == ("Cờ thi đua — Sở TT&TT Gia Lai — Gia Lai — 2020", 6, 4, "Sở Thông tin và Truyền thông tỉnh Gia Lai",
            "2021-01-15T16:00:00+07:00")
    columns, rows = run(db_path, "fact_coverage", {"fact": "events", "q": "award_ceremony"})
    assert [(r[2], r[4], r[6]) for r in rows] == [(2, 2, "Báo Gia Lai điện tử")]  # the paper reported a day earlier
