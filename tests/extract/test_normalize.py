import unicodedata

import pytest

from extract.normalize import fix_tone_placement, fold, match_key, normalize_name, normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ðảng bộ tỉnh Ðắk Lắk", "Đảng bộ tỉnh Đắk Lắk"),  # U+00D0 Eth → Đ
        (unicodedata.normalize("NFD", "Thi đua yêu nước Khánh Hòa"), "Thi đua yêu nước Khánh Hòa"),
        ("Hoà Bình, Thanh Hoá, Khánh Hoà", "Hòa Bình, Thanh Hóa, Khánh Hòa"),  # old tone placement
        ("thuỷ lợi, Thuý, HOÀ", "thủy lợi, Thúy, HÒA"),
        ("hoàn thành, quý, khuỷu tay, hoạt động", "hoàn thành, quý, khuỷu tay, hoạt động"),  # must not change
        ("Sở\u00a0TT&TT\u200b  tỉnh   Gia Lai", "Sở TT&TT tỉnh Gia Lai"),
        ("«Cả nước chung tay vì người nghèo»", "“Cả nước chung tay vì người nghèo”"),
        ("Tá»•ng káº¿t thi Ä‘ua", "Tổng kết thi đua"),  # UTF-8 read as cp1252
        ("dòng 1\r\n\r\n\r\n\r\ndòng 2  ", "dòng 1\n\ndòng 2"),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_normalize_is_idempotent():
    text = "Sở Thông tin và Truyền thông tỉnh Hoà Bình phát động “phong trào” thi đua năm 2023."
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_fold_and_keys():
    assert fold("Thi đua Khánh Hoà") == "thi dua khanh hoa"
    assert fold("XUẤT SẮC") == "xuat sac"
    assert match_key("Bà Rịa –  Vũng Tàu") == match_key("bà rịa-vũng tàu") == "bà rịa vũng tàu"
    assert normalize_name("  Sở\nTT&TT ") == "Sở TT&TT"
    assert fix_tone_placement("Quý Thuỳ") == "Quý Thùy"


def test_mojibake_words_inside_good_text_are_repaired():
    garbled = "Hội nghị thống nhất Ä‘ề nghị UBND tỉnh tặng Cờ thi Ä‘ua cho Trường Cao Ä‘ẳng Y tế Hà Tĩnh."
    assert normalize_text(garbled) == (
        "Hội nghị thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Trường Cao đẳng Y tế Hà Tĩnh.")


def test_leftover_html_entities_are_unescaped_but_ampersands_kept():
    assert normalize_text("Sở GD&amp;ĐT Bắc Ninh&nbsp;|&nbsp;Lượt xem: 120 &quot;Dạy tốt&quot;") == (
        'Sở GD&ĐT Bắc Ninh | Lượt xem: 120 "Dạy tốt"')
    assert normalize_text("Sở TT&TT và Sở KH&CN") == "Sở TT&TT và Sở KH&CN"


def test_stylised_letters_and_digits_are_folded_before_matching():
    from extract.gazetteer import gazetteer
    from extract.normalize import normalize_text

    text = normalize_text("Đoàn công tác của 𝐓𝐡à𝐧𝐡 𝐩𝐡ố 𝐇à 𝐍ộ𝐢 thăm ＴＰ ＨＣＭ và tỉnh ᴛʜᴀɴʜ ʜóᴀ năm 𝟐𝟎𝟐𝟒 …")
    assert "năm 2024 …" in text  # the ellipsis and the rest keep their form
    assert [m.name for m in gazetteer().find_provinces(text)] == ["Hà Nội", "Hồ Chí Minh", "Thanh Hóa"]


def test_a_province_with_its_later_syllables_in_another_case_where_a_province_is_expected():
    from extract.gazetteer import gazetteer

    g = gazetteer()
    assert [m.name for m in g.find_provinces("Chi nhánh khu vực Thừa Thiên Huế - Quảng trị")] == ["Thừa Thiên Huế", "Quảng Trị"]
    assert [m.name for m in g.find_provinces("Hội Nông dân tỉnh Bắc giang")] == ["Bắc Giang"]
    assert g.find_provinces("Long an toàn về người và tài sản") == []
