"""People: officials named with a position beside them."""

from __future__ import annotations

import pytest

from extract.fields import people
from extract.frontend import analyze

from .conftest import article_paths, strip


@pytest.mark.parametrize("name", [p.stem for p in article_paths()])
def test_article_people(analysed, name):
    a, expected = analysed[name]
    assert strip(people.extract(a)) == expected["people"]


CASES = [
    ("Phát biểu tại hội nghị, Phó Chủ tịch UBND tỉnh Nguyễn Văn Hòa đề nghị các sở tiếp tục đổi mới công tác thi đua.",
     [("Nguyễn Văn Hòa", "Phó Chủ tịch UBND tỉnh")]),
    ("Dự hội nghị có đồng chí Trần Văn Hải, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Nam; bà Lê Thị Thu, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch và ông Y Dhăm Ênuôl - Giám đốc Sở Nội vụ tỉnh Đắk Lắk.",
     [("Trần Văn Hải", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Nam"),
      ("Lê Thị Thu", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
      ("Y Dhăm Ênuôl", "Giám đốc Sở Nội vụ tỉnh Đắk Lắk")]),
    ("Đại tá Phạm Văn Hùng, Giám đốc Công an tỉnh Hà Tĩnh phát biểu chỉ đạo hội nghị.",
     [("Phạm Văn Hùng", "Giám đốc Công an tỉnh Hà Tĩnh")]),
    ("Giám đốc Sở Y tế, bà Hồ Thị Minh cho biết toàn ngành đã hoàn thành các chỉ tiêu.",
     [("Hồ Thị Minh", "Giám đốc Sở Y tế")]),
    ("Thứ trưởng Bộ TT&TT Phan Tâm trao Cờ thi đua cho Sở TT&TT Bà Rịa - Vũng Tàu.",
     [("Phan Tâm", "Thứ trưởng Bộ TT&TT")]),
    ("Bà Nguyễn Thị Lan, Phó Cục trưởng Cục Thuế TP.HCM đến dự và phát biểu.",
     [("Nguyễn Thị Lan", "Phó Cục trưởng Cục Thuế TP.HCM")]),
]

NEGATIVE = [
    "Ông Nguyễn Văn Bình cho biết đơn vị đã hoàn thành kế hoạch năm 2023.",
    "Lãnh đạo Sở TTTT các tỉnh Gia Lai, Kon Tum và Phú Yên ký giao ước thi đua.",
    "Đại diện Sở TT&TT Bà Rịa - Vũng Tàu, Giám đốc các Sở và Bộ trưởng Bộ TTTT cùng dự.",
    "Tác giả: Tin, ảnh: Ý Thiên. Người đăng: Đoàn Thị Phước Tâm.",
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[1][0][0] for c in CASES])
def test_sentence_cases(sentence, expected):
    got = [(p["name"], p["position"]) for p in people.extract(analyze("Tin tức\n\n" + sentence))]
    assert got == expected


@pytest.mark.parametrize("sentence", NEGATIVE, ids=[s[:25] for s in NEGATIVE])
def test_not_people(sentence):
    assert people.extract(analyze("Tin tức\n\n" + sentence)) == []


def test_positions_csv_titles_are_normalised_and_unique():
    from extract.normalize import normalize_name

    rows, _, _ = people.positions()
    assert all(normalize_name(t) == t for t in rows)
    assert {"Giám đốc", "Phó Chủ tịch", "Đại tá"} <= set(rows)
