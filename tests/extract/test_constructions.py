"""The construction layer (extract.constructions): periods, predicates, authorities, lists, years."""

from __future__ import annotations

import pytest

from extract.constructions import numerals, structure, units


@pytest.mark.parametrize("text,expected", [
    ("phát động phong trào thi đua giai đoạn 2021 – 2025", "2021-2025"),
    ("từ năm 2019 đến năm 2025", "2019-2025"),
    ("(2016-2020)", "2016-2020"),
    ("năm 2024", None),
])
def test_find_period(text, expected):
    assert numerals.find_period(text) == expected


@pytest.mark.parametrize("name,expected", [
    ("Sở Y tế đã", "Sở Y tế"),
    ("Trường Đại học Hà Tĩnh điểm", "Trường Đại học Hà Tĩnh"),
    ("Ban Chỉ đạo", "Ban Chỉ đạo"),          # capitalised words are part of the name
    ("Cục Hải quan tỉnh Lạng Sơn", "Cục Hải quan tỉnh Lạng Sơn"),
])
def test_cut_predicate(name, expected):
    assert units.cut_predicate(name) == expected


def test_authority_before_reads_the_subject_of_the_verb():
    t = "Năm 2015, Sở Y tế đã phát động phong trào"
    assert units.authority_before(t, t.index("phát động"), None) == "Sở Y tế"


def test_expand_org_takes_the_fuller_form_written_elsewhere():
    text = "Cục Thuế tỉnh Long An tổ chức hội nghị. Cục Thuế phát động thi đua."
    assert units.expand_org("Cục Thuế", text) == "Cục Thuế tỉnh Long An"


# --- document structure: lines hard-wrapped inside a sentence ---------------------------------------

@pytest.mark.parametrize("text,joined", [
    # a name cut by the wrap, and a role in brackets cut after its first word
    ("đại diện các đơn vị trong khối gồm Hội Cựu chiến binh tỉnh (Khối\ntrưởng), Liên\nđoàn lao động tỉnh.",
     "đại diện các đơn vị trong khối gồm Hội Cựu chiến binh tỉnh (Khối trưởng), Liên đoàn lao động tỉnh."),
    # a conjunction left at the end of the line
    ("Tham dự có Sở Tư pháp, Sở Nội vụ, Sở Tài chính và\nThanh tra tỉnh.",
     "Tham dự có Sở Tư pháp, Sở Nội vụ, Sở Tài chính và Thanh tra tỉnh."),
    # a year after "năm"
    ("thông qua báo cáo tổng kết phong trào thi đua của khối năm\n2021.", "thông qua báo cáo tổng kết phong trào thi đua của khối năm 2021."),
])
def test_wrapped_lines_are_rejoined(text, joined):
    out = structure.rejoin_wrapped_lines(text)
    assert out == joined and len(out) == len(text)


@pytest.mark.parametrize("text", [
    "Tin hoạt động\nHội nghị tổng kết năm 2020 của Cụm thi đua số 4",         # a section label above a title
    "Cụm trưởng năm 2021:\n- Sở Y tế tỉnh Hòa Bình;\n- Sở Y tế tỉnh Sơn La.",    # list items start with bullets
    "STT | Đơn vị | Điểm\n1 | Sở Tư pháp | 95",                                 # table rows
    "Khối thi đua số 3 tổng kết năm 2023\n12/01/2024 | Lượt xem: 45",          # a title above its date line
    "Hội nghị đã kết thúc.\nhôm sau, các đơn vị ký kết giao ước.",             # a sentence that ended
])
def test_lines_that_are_not_wrapped_stay_apart(text):
    assert structure.rejoin_wrapped_lines(text) == text


def test_topic_year_of_an_undated_article():
    from extract.frontend import analyze

    a = analyze("Trong năm 2018, các đơn vị của khối đã hoàn thành chỉ tiêu. Năm 2018 cũng là năm khối kỷ niệm "
                "20 năm thành lập (1998).")
    assert numerals.topic_year(a) == 2018
    assert numerals.emulation_years(a).current == 2018
