"""Read-only SQL: writes refused (keyword check and authorizer), database unchanged, clear errors."""

from __future__ import annotations

import hashlib

import pytest

from catalog.query import QueryError, run_query


@pytest.fixture
def loaded(cat, db_path, make_item, make_record):
    cat.upsert_article(make_item(), None)
    cat.store_extraction(1, make_record(), "0.1.0")
    cat.close()
    return db_path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_select_views_and_fts(loaded):
    cols, rows = run_query(loaded, "select province_2025, sum(awards) from awards_by_province_year group by 1 order by 1")
    assert cols == ["province_2025", "sum(awards)"] and rows == [("Gia Lai", 1), ("Đắk Lắk", 2)]
    _, rows = run_query(loaded, "select rowid from articles_fts where articles_fts match 'folded : \"dak lak\"'")
    assert rows == [(1,)]
    _, rows = run_query(loaded, "/* plan */ explain query plan select * from articles where url = 'x'")
    assert "sqlite_autoindex_articles_1" in rows[0][-1]


@pytest.mark.parametrize("sql, message", [
    ("delete from awards", "not DELETE"),
    ("  update articles set title = 'x'", "not UPDATE"),
    ("drop table awards", "not DROP"),
    ("pragma journal_mode = delete", "not PRAGMA"),
    ("attach database 'x.db' as x", "not ATTACH"),
    ("with x as (select 1) delete from awards", "tries to change the database"),
    ("with x as (select 1) insert into sources (id) values ('x')", "tries to change the database"),
    ("select 1; delete from awards", "one statement at a time"),
    ("", "empty SQL statement"),
    ("select * from no_such_table", "no such table: no_such_table"),
])
def test_refused_and_database_unchanged(loaded, sql, message):
    before = digest(loaded)
    with pytest.raises(QueryError, match=message):
        run_query(loaded, sql)
    assert digest(loaded) == before
    assert run_query(loaded, "select count(*) from awards")[1] == [(3,)]


def test_missing_database(tmp_path):
    with pytest.raises(QueryError, match="no such database file"):
        run_query(tmp_path / "nope.db", "select 1")
    assert not (tmp_path / "nope.db").exists()


def test_not_a_database(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("Cụm thi đua số 6\n" * 100, encoding="utf-8")
    with pytest.raises(QueryError, match="cannot open as an SQLite database"):
        run_query(bogus, "select 1")
