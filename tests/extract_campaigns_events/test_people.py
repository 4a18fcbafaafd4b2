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
    # a title with lower-case words, after a teacher's honorific; court and hospital titles
    ("Cô Lê Thị Mai, Tổng phụ trách Đội Trường Tiểu học Kim Đồng chia sẻ kinh nghiệm tổ chức phong trào.",
     [("Lê Thị Mai", "Tổng phụ trách Đội Trường Tiểu học Kim Đồng")]),
    ("Thầy Vũ Đức Thắng, Tổng phụ trách Đội, cho biết các chi đội đã đăng ký thi đua.",
     [("Vũ Đức Thắng", "Tổng phụ trách Đội")]),
    ("Ông Nguyễn Văn Nam, Phó Chánh án Tòa án nhân dân tỉnh Thái Bình trình bày báo cáo.",
     [("Nguyễn Văn Nam", "Phó Chánh án Tòa án nhân dân tỉnh Thái Bình")]),
    ("Bà Trần Thị Hoa, Kế toán trưởng Bệnh viện Đa khoa tỉnh Nam Định nhận Bằng khen.",
     [("Trần Thị Hoa", "Kế toán trưởng Bệnh viện Đa khoa tỉnh Nam Định")]),
    # a late leader beside an official present: only the official
    ("Nhân kỷ niệm 110 năm Ngày sinh Đại tướng Võ Nguyên Giáp, Thiếu tướng Lê Văn An, Chính ủy Quân khu 5 dâng hương.",
     [("Lê Văn An", "Chính ủy Quân khu 5")]),
]

NEGATIVE = [
    "Ông Nguyễn Văn Bình cho biết đơn vị đã hoàn thành kế hoạch năm 2023.",
    "Lãnh đạo Sở TTTT các tỉnh Gia Lai, Kon Tum và Phú Yên ký giao ước thi đua.",
    "Đại diện Sở TT&TT Bà Rịa - Vũng Tàu, Giám đốc các Sở và Bộ trưởng Bộ TTTT cùng dự.",
    "Tác giả: Tin, ảnh: Ý Thiên. Người đăng: Đoàn Thị Phước Tâm.",
    # historical leaders in commemorative language are not officials taking part
    "Các trường đẩy mạnh học tập và làm theo lời dạy của Chủ tịch Hồ Chí Minh đối với ngành Giáo dục.",
    "Đoàn viên ôn lại thân thế, sự nghiệp của cố Thủ tướng Phạm Văn Hùng, Chủ tịch danh dự Hội Khuyến học.",
    "Lực lượng Công an thi đua thực hiện Sáu điều Bác Hồ dạy, noi gương Chủ tịch Tôn Đức Thắng, Chủ tịch nước.",
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
