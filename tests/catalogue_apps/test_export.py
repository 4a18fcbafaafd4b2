"""catalog.export: every table and view round-trips through CSV and JSON; clear errors."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from catalog.export import CatalogueError, export, list_tables, parse_csv, read_export, write_csv

FORMATS = ["csv", "json"]


def stored_rows(db_path: Path, name: str) -> list[dict]:
    conn = sqlite3.connect(db_path)
    try:
        cur = conn.execute(f'select * from "{name}"')
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur]
    finally:
        conn.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_table_and_view_round_trips(db_path: Path, fmt: str, tmp_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    names = list_tables(conn)
    conn.close()
    for expected in ("articles", "awards", "provinces", "clusters_by_year", "awards_by_province_year",
                     "campaign_coverage", "mentions"):
        assert expected in names
    for name in names:
        out = tmp_path / f"{name}.{fmt}"
        count = export(db_path, name, fmt, out)
        rows = stored_rows(db_path, name)
        assert count == len(rows), name
        assert read_export(out, fmt) == rows, name


def test_exported_rows_keep_types_and_vietnamese_text(db_path: Path) -> None:
    rows = read_export(export(db_path, "provinces", "csv"), "csv")
    hanoi = next(r for r in rows if r["name"] == "Hà Nội")
    assert hanoi["code"] == "01"  # text code, not the number 1
    awards = read_export(export(db_path, "awards", "csv"), "csv")
    counted = next(r for r in awards if r["count"] is not None)
    assert counted["count"] == 12 and isinstance(counted["for_year"], int)
    assert any(r["recipient"] is None for r in awards)
    articles = read_export(export(db_path, "articles", "json"), "json")
    assert any("“Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”" in a["text"] for a in articles)


def test_csv_is_ordinary_csv_for_other_readers(db_path: Path) -> None:
    text = export(db_path, "awards_by_province_year", "csv")
    reader = list(csv.DictReader(io.StringIO(text)))
    assert {r["province"] for r in reader} == {"Bà Rịa - Vũng Tàu", "Bình Dương", "Bình Định", "Gia Lai", "Kon Tum"}
    assert list(reader[0]) == ["province", "province_2025", "year", "award", "level", "status", "awards", "recipients",
                               "mentions"]


def test_json_is_a_list_of_objects(db_path: Path) -> None:
    data = json.loads(export(db_path, "clusters_by_year", "json"))
    assert data == [{
        "cluster_id": 1, "label": "Cụm thi đua số 6", "kind": "cụm", "number": 6,
        "organizer": "Bộ Thông tin và Truyền thông", "year": 2021, "member_count": 3,
        "members": "Bình Định, Gia Lai, Kon Tum", "members_2025": "Gia Lai, Quảng Ngãi", "members_found": 3,
        "leader": "Sở TT&TT Kon Tum", "deputy": None, "articles": 1,
    }]


@pytest.mark.parametrize("values", [
    ["", None, "01", 1, -2, 1.5, 1e-07, 'nói "thi đua", rồi\r\nxuống dòng', b"\x00\xff", "x'00'", " "],
    [None],
    [""],
])
def test_csv_keeps_null_empty_numbers_blobs_apart(values: list) -> None:
    buffer = io.StringIO()
    header = [f"c{i}" for i in range(len(values))]
    assert write_csv(header, [values, values], buffer) == 2
    assert parse_csv(buffer.getvalue()) == [header, values, values]


@pytest.mark.parametrize("bad", ['"a","b"\r\n"x",3z\r\n', '"a"\r\n"unterminated\r\n', '"a"\r\n"x"y\r\n'])
def test_malformed_csv_is_reported(bad: str) -> None:
    with pytest.raises(CatalogueError, match="CSV"):
        parse_csv(bad)


def test_unknown_table_lists_available_and_keeps_existing_file(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "awards.csv"
    out.write_text("previous export\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        export(db_path, "khen_thuong", "csv", out)
    message = str(err.value)
    assert message.startswith("unknown table or view: 'khen_thuong'; available: ")
    assert "awards_by_province_year" in message and "\n" not in message
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["awards.csv"]  # no temporary file left


def test_table_names_are_case_insensitive(db_path: Path) -> None:
    assert read_export(export(db_path, "AWARDS", "json"), "json") == stored_rows(db_path, "awards")


def test_missing_catalogue_and_bad_format(tmp_path: Path, db_path: Path) -> None:
    with pytest.raises(CatalogueError, match="catalogue not found"):
        export(tmp_path / "none.db", "awards", "csv")
    assert not (tmp_path / "none.db").exists()
    (tmp_path / "notes.db").write_text("not sqlite", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not a SQLite catalogue"):
        export(tmp_path / "notes.db", "awards", "csv")
    with pytest.raises(CatalogueError, match="unknown export format: 'xlsx'"):
        export(db_path, "awards", "xlsx")  # type: ignore[arg-type]


def test_export_never_writes_to_the_catalogue(db_path: Path, tmp_path: Path) -> None:
    before = db_path.read_bytes()
    export(db_path, "articles", "json", tmp_path / "a.json")
    assert db_path.read_bytes() == before
