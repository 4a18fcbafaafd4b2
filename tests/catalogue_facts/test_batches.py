"""Many records per transaction (``Catalogue.store_extractions``) give the catalogue that one record at a time
gives: the same facts, the same coverage (mentions, articles, outlets, first report), status history, names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from catalog.records import LoadError
from catalog.store import Catalogue

ORDERS = {"as published": None, "reversed": ["A7", "A6", "A5", "A4", "A3", "A2", "A1"],
          "follow-ups first": ["A4", "A5", "A7", "A1", "A6", "A2", "A3"]}


def everything(db_path: Path) -> dict[str, list[tuple]]:
    """Every fact with all its columns but ids (which follow the load order), and every mention."""
    queries = {
        "awards": "select a.key, award, level, conferred_by, recipient, u.key, a.province, a.province_2025, count,"
                  " for_year, status, proposed_on, conferred_on, a.n_mentions, a.n_articles, a.n_outlets,"
                  " fa.url, a.first_published, a.first_source from awards a left join units u on u.id = a.unit_id"
                  " left join articles fa on fa.id = a.first_article_id",
        "events": "select e.kind, kinds, date, place, e.province, c.key, e.n_mentions, e.n_articles, e.n_outlets,"
                  " fa.url, e.first_published, e.first_source from events e left join clusters c on c.id = e.cluster_id"
                  " left join articles fa on fa.id = e.first_article_id",
        "roles": "select c.key, role, unit, unit_key, r.province, r.year, r.n_mentions, r.n_articles, r.n_outlets,"
                 " r.first_published, r.first_source from cluster_roles r join clusters c on c.id = r.cluster_id",
        "people": "select key, name, province, n_mentions, n_articles, n_outlets, first_published, first_source"
                  " from people",
        "documents": "select key, kind, number, date, n_mentions, n_articles, n_outlets, first_published,"
                     " first_source from documents",
        "units": "select key, name, aliases, province, n_mentions, n_articles, n_outlets, first_published,"
                 " first_source from units",
        "clusters": "select key, label, organizer, year, member_count from clusters",
        "members": "select c.key, m.province, m.year from cluster_members m join clusters c on c.id = m.cluster_id",
        "campaigns": "select name, key from campaigns",
        "variants": "select name, n_mentions from campaign_variants",
        "award_mentions": "select a.url, w.key, m.status, m.recipient, m.sentence, m.start from award_mentions m"
                          " join articles a on a.id = m.article_id join awards w on w.id = m.award_id",
        "unit_mentions": "select a.url, u.key, m.alias, m.as_what from unit_mentions m"
                         " join articles a on a.id = m.article_id join units u on u.id = m.unit_id",
        "person_mentions": "select a.url, p.key, m.position from person_mentions m"
                           " join articles a on a.id = m.article_id join people p on p.id = m.person_id",
        "generic_mentions": "select a.url, m.fact_table, m.sentence from mentions m join articles a on a.id = m.article_id",
    }
    with sqlite3.connect(db_path) as conn:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}


@pytest.fixture(scope="module")
def one_at_a_time(tmp_path_factory: pytest.TempPathFactory, fx) -> dict[str, list[tuple]]:
    path = tmp_path_factory.mktemp("single") / "c.db"
    fx.build(path)
    return everything(path)


@pytest.mark.parametrize("order", ORDERS)
def test_a_batch_gives_what_one_record_at_a_time_gives(tmp_path: Path, fx, order) -> None:
    single = tmp_path / "single.db"
    fx.build(single, order=ORDERS[order])
    expected = everything(single)
    for batch in (1, 2, 3, 7):
        path = tmp_path / f"batch{batch}.db"
        fx.build(path, order=ORDERS[order], batch=batch)
        got = everything(path)
        for table, rows in expected.items():
            assert got[table] == rows, (batch, table)


def test_the_facts_are_there_and_counted_once(tmp_path: Path, fx) -> None:
    path = tmp_path / "c.db"
    fx.build(path, batch=7)
    with sqlite3.connect(path) as conn:
        flag = conn.execute("select status, proposed_on, conferred_on, n_articles, n_outlets from awards"
                            " where award = 'Cờ thi đua' and for_year = 2020").fetchall()
        assert flag == [("conferred", "2021-01-15", "2021-03-20", 6, 4)]
        assert conn.execute("select count(*) from awards").fetchone()[0] == len(fx.EXPECTED.awards)
        assert conn.execute("select count(*) from events").fetchone()[0] == len(fx.EXPECTED.events)


def test_a_new_extractor_version_in_one_batch_rederives_the_same_facts(tmp_path: Path, fx, one_at_a_time) -> None:
    path = tmp_path / "c.db"
    fx.build(path)
    fx.build(path, version="test-2", batch=7)  # every article re-derived in one transaction
    assert everything(path) == one_at_a_time


def test_an_article_twice_in_one_call_is_stored_as_its_last_record(tmp_path: Path, fx, one_at_a_time) -> None:
    path = tmp_path / "c.db"
    ids = fx.build(path)
    records = fx.records()
    published = {a[0]: a[3] for a in fx.ARTICLES}
    with Catalogue(path) as cat:
        empty = {"provinces": [], "awards": []}
        n = cat.store_extractions([(ids["A4"], empty), (ids["A1"], {**records["A1"], "published": published["A1"]}),
                                   (ids["A4"], {**records["A4"], "published": published["A4"]})], "test-2")
    assert n == 3
    assert everything(path) == one_at_a_time


def test_a_bad_record_stops_its_batch_and_keeps_the_batches_before(tmp_path: Path, fx) -> None:
    path = tmp_path / "c.db"
    ids = fx.build(path)
    records = fx.records()
    with sqlite3.connect(path) as conn:
        before = conn.execute("select id, extractor_version from articles order by id").fetchall()
    good = [(ids[n], records[n]) for n in ("A1", "A2")]
    with Catalogue(path) as cat, pytest.raises(LoadError, match=f"article {ids['A3']}"):
        cat.store_extractions([*good, (ids["A3"], {"awards": "not a list"}), (ids["A4"], records["A4"])], "test-2",
                              batch=2)
    with sqlite3.connect(path) as conn:
        after = dict(conn.execute("select id, extractor_version from articles").fetchall())
    assert [after[ids[n]] for n in ("A1", "A2")] == ["test-2", "test-2"]  # the first batch is stored
    assert all(after[i] == v for i, v in before if i not in (ids["A1"], ids["A2"]))  # nothing of the second
