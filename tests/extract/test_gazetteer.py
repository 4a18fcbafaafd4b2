import pytest

from extract.gazetteer import gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở TT&TT TP.HCM và Bà Rịa -Vũng Tàu", ["Hồ Chí Minh", "Bà Rịa - Vũng Tàu"]),
        ("BR-VT, Tp. Hồ Chí Minh và Thừa Thiên - Huế", ["Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Thừa Thiên Huế"]),
        ("Sở TTTT Đắc Lắc, Đăk Nông và Kontum", ["Đắk Lắk", "Đắk Nông", "Kon Tum"]),
        ("tỉnh Hoà Bình, THANH HÓA và Bắc Cạn", ["Hòa Bình", "Thanh Hóa", "Bắc Kạn"]),
        ("UBND thành phố Cần Thơ và TP Hà Nội", ["Cần Thơ", "Hà Nội"]),
        # not provinces: the President, peace, a city below province level, the country
        ("học tập tấm gương đạo đức Hồ Chí Minh vì hòa bình của Việt Nam", []),
        ("tại thành phố Điện Biên Phủ và thành phố Lào Cai", []),
    ],
)
def test_find_provinces(text, expected):
    assert [m.name for m in gazetteer().find_provinces(text)] == expected


def test_city_resolves_to_province():
    g = gazetteer()
    assert [(m.name, m.province) for m in g.find_cities("tại thành phố Phan Rang, Tháp Chàm")] == [
        ("Phan Rang - Tháp Chàm", "Ninh Thuận")
    ]
    assert g.province_of_place("trung tâm thành phố Điện Biên Phủ") == "Điện Biên"
    assert g.province_of_place("TP. Buôn Ma Thuột") == "Đắk Lắk"


def test_offsets_point_into_the_text():
    text = "Cụm gồm Sở TT&TT Bình Dương, Đồng Nai và Tây Ninh."
    for m in gazetteer().find_provinces(text):
        assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Bộ TT&TT", "Bộ Thông tin và Truyền thông"),
        ("Bộ trưởng Bộ TTTT", "Bộ Thông tin và Truyền thông"),
        ("Ủy ban nhân dân tỉnh Long An", "UBND tỉnh Long An"),
        ("Chủ tịch UBND tỉnh Long An", "UBND tỉnh Long An"),
        ("UBND TP Hà Nội", "UBND thành phố Hà Nội"),
        ("Sở TTTT tỉnh Gia Lai", "Sở Thông tin và Truyền thông Gia Lai"),
        ("Sở KH&CN TP.HCM", "Sở Khoa học và Công nghệ Hồ Chí Minh"),
        ("Thủ tướng", "Thủ tướng Chính phủ"),
    ],
)
def test_canonical_authority(surface, expected):
    assert gazetteer().canonical_authority(surface) == expected


def test_authority_without_province_takes_the_default():
    assert gazetteer().canonical_authority("UBND tỉnh", default_province="Bình Dương") == "UBND tỉnh Bình Dương"


def test_find_authorities_stops_at_the_province():
    found = gazetteer().find_authorities("Năm 2020, Sở TTTT Gia Lai làm Cụm trưởng; Bộ Văn hóa, Thể thao và Du lịch")
    assert [(m.surface, m.name) for m in found] == [
        ("Sở TTTT Gia Lai", "Sở Thông tin và Truyền thông Gia Lai"),
        ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ Văn hóa, Thể thao và Du lịch"),
    ]


def test_successor_2025():
    g = gazetteer()
    assert g.successor("Bình Dương") == "Hồ Chí Minh"
    assert g.successor("Hà Giang") == "Tuyên Quang"
    assert len(g.provinces) == 63
