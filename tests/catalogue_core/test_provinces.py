"""Province resolution and the 2025 successor columns."""

from __future__ import annotations

import pytest

from catalog.provinces import ProvinceIndex


@pytest.mark.parametrize("name, expected", [
    ("Bình Dương", ("Bình Dương", "74", "Hồ Chí Minh")),
    ("Hà Giang", ("Hà Giang", "02", "Tuyên Quang")),
    ("TP HCM", ("Hồ Chí Minh", "79", "Hồ Chí Minh")),
    ("Thanh Hoá", ("Thanh Hóa", "38", "Thanh Hóa")),
    ("tỉnh Đắk Nông", ("Đắk Nông", "67", "Lâm Đồng")),
    ("Dak Lak", ("Đắk Lắk", "66", "Đắk Lắk")),
    ("Bà Rịa – Vũng Tàu", ("Bà Rịa - Vũng Tàu", "77", "Hồ Chí Minh")),
    ("Huế", ("Thừa Thiên Huế", "46", "Huế")),
])
def test_resolve(cat, name, expected):
    assert tuple(ProvinceIndex(cat.db).resolve(name)) == expected


def test_unknown_name_kept_without_code(cat):
    idx = ProvinceIndex(cat.db)
    assert idx.resolve("Phan Rang") is None
    assert idx.columns("Phan Rang") == {"province": "Phan Rang", "province_code": None, "province_2025": None}


def test_facts_read_as_2025_successor(cat, make_item, make_record):
    cat.upsert_article(make_item(), None)
    rec = make_record()
    rec["awards"][0]["province"] = "Quảng Nam"
    rec["events"][0]["province"] = "Kiên Giang"
    cat.store_extraction(1, rec, "0.1.0")
    assert cat.db.execute("select province, province_2025 from awards order by id limit 1").fetchone() == (
        "Quảng Nam", "Đà Nẵng")
    assert cat.db.execute("select province_code, province_2025 from events").fetchone() == ("91", "An Giang")
    merged = cat.db.execute("select province_2025, count(*) from article_provinces group by 1 order by 1").fetchall()
    assert merged == [("Gia Lai", 1), ("Lâm Đồng", 1), ("Đắk Lắk", 2)]  # Phú Yên → Đắk Lắk
    fk = cat.db.execute("select count(*) from awards a join provinces p on p.code = a.province_code").fetchone()[0]
    assert fk == 3
