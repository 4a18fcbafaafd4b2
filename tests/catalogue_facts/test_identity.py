"""Identity rules one by one: units, documents, stories."""

from __future__ import annotations

import pytest

from catalog.identity import document_key
from catalog.store import Catalogue
from catalog.stories import fingerprint, same_story
from catalog.units import UnitIndex, split_position


@pytest.fixture(scope="module")
def units() -> UnitIndex:
    return UnitIndex(Catalogue(":memory:").db)


@pytest.mark.parametrize("a, a_province, b, b_province", [
    ("Sở TT&TT Gia Lai", None, "Sở Thông tin và Truyền thông tỉnh Gia Lai", None),
    ("Sở TTTT Gia Lai", None, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Gia Lai"),
    ("Sở TT-TT tỉnh Gia Lai", None, "Sở Thông tin và Truyền thông tỉnh Gia Lai (cũ)", "Gia Lai"),  # after 2025
    ("Sở Thong tin va Truyen thong Gia Lai", None, "Sở TT&TT Gia Lai", "Gia Lai"),
    ("UBND tỉnh Bình Định", None, "Ủy ban nhân dân tỉnh Bình Định", None),
    ("Sở LĐ-TB&XH TP Cần Thơ", None, "Sở Lao động - Thương binh và Xã hội thành phố Cần Thơ", None),
    ("Sở GD&ĐT Thừa Thiên Huế", None, "Sở Giáo dục và Đào tạo tỉnh Thừa Thiên - Huế", None),
    ("Công an tỉnh Hà Giang", None, "CA tỉnh Hà Giang", None),
])
def test_same_unit(units: UnitIndex, a: str, a_province: str | None, b: str, b_province: str | None) -> None:
    assert units.key(a, a_province) == units.key(b, b_province)


@pytest.mark.parametrize("a, b", [
    ("Sở TT&TT Gia Lai", "Sở TT&TT Kon Tum"),
    ("Sở TT&TT Gia Lai", "UBND tỉnh Gia Lai"),
    ("Sở TT&TT Gia Lai", "Sở KH&CN Gia Lai"),
    ("Sở TT&TT Bình Định", "Sở TT&TT Gia Lai"),  # merged into Gia Lai in 2025, still another unit
    ("Bộ Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"),
])
def test_different_units(units: UnitIndex, a: str, b: str) -> None:
    assert units.key(a) != units.key(b)


def test_unit_province_and_its_2025_successor(units: UnitIndex) -> None:
    unit = units.identify("Sở TT&TT Bình Định")
    assert (unit.province.name, unit.province.province_2025) == ("Bình Định", "Gia Lai")
    assert units.identify("Bộ Thông tin và Truyền thông").province is None


@pytest.mark.parametrize("position, title, unit", [
    ("Giám đốc Sở TT&TT Gia Lai", "Giám đốc", "Sở TT&TT Gia Lai"),
    ("Phó Giám đốc Sở Thông tin và Truyền thông", "Phó Giám đốc", "Sở Thông tin và Truyền thông"),
    ("Thứ trưởng Bộ Thông tin và Truyền thông", "Thứ trưởng", "Bộ Thông tin và Truyền thông"),
    ("Chủ tịch UBND tỉnh Kon Tum", "Chủ tịch", "UBND tỉnh Kon Tum"),
    ("Phó Chủ tịch", "Phó Chủ tịch", None),
    (None, None, None),
])
def test_split_position(position: str | None, title: str | None, unit: str | None) -> None:
    assert split_position(position) == (title, unit)


@pytest.mark.parametrize("a, b, same", [
    ("01/CT-BTTTT", "1/CT-BTTTT", True),
    ("15/QĐ-UBND", "15/qd-ubnd", True),
    ("245/QĐ-BTTTT", "0245 / QĐ – BTTTT", True),
    ("245/QĐ-BTTTT", "245/QĐ-UBND", False),
    ("102/KH-UBND", "1020/KH-UBND", False),
])
def test_document_numbers(a: str, b: str, same: bool) -> None:
    assert (document_key(a) == document_key(b)) is same


RELEASE = [
    "Ngày 15/01/2021, tại thành phố Pleiku, Cụm thi đua số 6 tổ chức Hội nghị tổng kết công tác thi đua năm 2020.",
    "Hội nghị thống nhất đề nghị Bộ trưởng tặng Cờ thi đua cho Sở TT&TT Gia Lai vì thành tích xuất sắc năm 2020.",
    "Sở TT&TT Kon Tum làm Cụm trưởng năm 2021, Sở TT&TT Bình Định làm Cụm phó, các thành viên thống nhất như vậy.",
    "Phát biểu tại hội nghị, ông Nguyễn Văn Hùng đề nghị các đơn vị tiếp tục đổi mới nội dung và hình thức thi đua.",
]


@pytest.mark.parametrize("copy, same", [
    ("Trang chủ\nTin hoạt động\n" + "\n".join(RELEASE) + "\nLượt xem: 20", True),  # chrome around it
    ("(Theo Sở TT&TT Gia Lai) Cổng TTĐT tỉnh Kon Tum đăng lại tin về hội nghị Cụm thi đua số 6 năm nay.\n"
     + "\n".join(RELEASE), True),  # a new lead
    ("\n".join(RELEASE[:3]), True),  # the tail cut
    ("\n".join(r.upper().replace(",", " ,") for r in RELEASE), True),  # case and spacing
    (RELEASE[1] + "\nNgày 20/3/2021, Bộ trưởng ký quyết định tặng Cờ thi đua cho các đơn vị dẫn đầu các cụm thi đua.\n"
     "Các đơn vị được tặng cờ đều có nhiều mô hình hay, cách làm sáng tạo trong chuyển đổi số của ngành năm qua.\n"
     "Lễ trao cờ sẽ được tổ chức tại từng địa phương trong tháng tư theo kế hoạch của Văn phòng Bộ ban hành.", False),
])
def test_story_copies(copy: str, same: bool) -> None:
    assert same_story(fingerprint("\n".join(RELEASE)), fingerprint(copy)) is same
