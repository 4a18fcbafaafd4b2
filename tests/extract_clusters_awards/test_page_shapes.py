"""Constructions of real saved pages met in the sixth and seventh blind sets, in other wording:
award lists laid out as headings, results tables read by rank, a second cluster named in passing,
given names that are province names, military and Front conferrers, units located by their district."""

from __future__ import annotations

import pytest

from extract.boilerplate import split_page
from extract.constructions.tables import rank_table
from extract.fields import awards, people, provinces, themes
from extract.frontend import analyze

from .conftest import clusters_of

LEAD = ("Ngày 21/4/2023, tại thành phố Đông Hà, Trường Chính trị tỉnh Quảng Trị long trọng tổ chức lễ kỷ niệm "
        "45 năm Ngày thành lập và đón nhận các hình thức khen thưởng của Trung ương và của tỉnh.\n")


def _awards(text: str) -> list[tuple]:
    return sorted(((x["award"], x["level"], x["recipient"], x["province"], x["count"], x["status"])
                   for x in awards.extract(analyze(text))), key=str)


def test_award_headings_with_recipients_one_per_line():
    text = LEAD + ("Theo các quyết định khen thưởng, tại buổi lễ các tập thể và cá nhân của nhà trường vinh dự đón nhận:\n"
                   "1. Huân chương Lao động hạng Nhì của Chủ tịch nước\n"
                   "Trường Chính trị tỉnh Quảng Trị, vì thành tích xuất sắc từ năm 2018 đến năm 2022.\n\n"
                   "2. Bằng khen của Chủ tịch UBND tỉnh\n"
                   "Khoa Lý luận cơ sở;\n"
                   "Phòng Quản lý đào tạo;\n"
                   "06 cá nhân có thành tích xuất sắc năm 2022.\n\n"
                   "Phát biểu tại buổi lễ, đồng chí Hoàng Nam, Phó Bí thư Tỉnh ủy, ghi nhận những đóng góp của nhà trường "
                   "trong đào tạo, bồi dưỡng cán bộ của tỉnh.\n")
    assert _awards(text) == sorted([
        ("Huân chương Lao động", "state", "Trường Chính trị tỉnh Quảng Trị", "Quảng Trị", None, "conferred"),
        ("Bằng khen", "province", "Khoa Lý luận cơ sở", "Quảng Trị", None, "conferred"),
        ("Bằng khen", "province", "Phòng Quản lý đào tạo", "Quảng Trị", None, "conferred"),
        ("Bằng khen", "province", None, None, 6, "conferred"),
    ], key=str)


def test_lettered_headings_under_a_proposal_are_proposals():
    text = ("Ngày 10/1/2024, Khối thi đua số 4 các sở ngành tỉnh Hà Giang tổ chức hội nghị tổng kết công tác thi đua, "
            "khen thưởng năm 2023 và ký kết giao ước thi đua năm 2024.\n"
            "Qua bình xét, hội nghị thống nhất đề nghị khen thưởng như sau:\n"
            "a) Cờ thi đua của UBND tỉnh:\n"
            "Sở Xây dựng.\n"
            "b) Bằng khen của Chủ tịch UBND tỉnh:\n"
            "Sở Giao thông vận tải;\n"
            "Sở Công Thương.\n")
    got = [(x["award"], x["recipient"], x["status"]) for x in awards.extract(analyze(text))]
    assert sorted(got) == sorted([("Cờ thi đua", "Sở Xây dựng", "proposed"),
                                  ("Bằng khen", "Sở Giao thông vận tải", "proposed"),
                                  ("Bằng khen", "Sở Công Thương", "proposed")])


def test_a_heading_without_a_list_intro_or_verb_gives_nothing():
    text = LEAD + ("Các hình thức khen thưởng của tỉnh được quy định tại Luật Thi đua, khen thưởng năm 2022.\n"
                   "Bằng khen của Chủ tịch UBND tỉnh\n"
                   "Mẫu bằng khen được in trên giấy trắng, khổ A3.\n")
    assert _awards(text) == []


TABLE_ARTICLE = (
    "Ngày 15/12/2022, tại thành phố Cao Lãnh, Cụm thi đua số 8 ngành Tư pháp tổ chức hội nghị tổng kết công tác "
    "thi đua, khen thưởng năm 2022 và ký kết giao ước thi đua năm 2023.\n"
    "Kết quả chấm điểm thi đua năm 2022 của các Sở Tư pháp trong Cụm như sau:\n"
    "TT | Đơn vị | Số điểm | Thứ hạng\n"
    "1 | Sở Tư pháp Đồng Tháp | 94,5 | 2\n"
    "2 | Sở Tư pháp An Giang | 97 | 1\n"
    "3 | Sở Tư pháp Vĩnh Long | 92,25 | 3\n"
    "4 | Sở Tư pháp Tiền Giang | 90 | 4\n"
    "Hội nghị thống nhất suy tôn đơn vị đứng thứ nhất là đơn vị dẫn đầu Cụm năm 2022, đề nghị Bộ trưởng Bộ Tư pháp "
    "tặng Cờ thi đua cho đơn vị dẫn đầu và tặng Bằng khen cho hai đơn vị xếp thứ hai và thứ ba.\n")


def test_results_table_ranks_give_leader_and_award_recipients():
    a = analyze(TABLE_ARTICLE)
    assert {r: u.province for r, u in rank_table(a).items()} == {1: "An Giang", 2: "Đồng Tháp", 3: "Vĩnh Long",
                                                                   4: "Tiền Giang"}
    got = sorted((x["award"], x["province"], x["status"]) for x in awards.extract(a))
    assert got == [("Bằng khen", "Vĩnh Long", "proposed"), ("Bằng khen", "Đồng Tháp", "proposed"),
                   ("Cờ thi đua", "An Giang", "proposed")]
    (c,) = clusters_of(a)
    assert ("leading_unit", "An Giang", 2022) in {(r["role"], r["province"], r["year"]) for r in c["roles"]}


def test_table_rows_survive_boilerplate_but_menus_do_not():
    text = "Trang chủ | Giới thiệu | Tin tức | Liên hệ\n" + TABLE_ARTICLE
    body = [text[s:e] for s, e in split_page(text).body]
    assert "2 | Sở Tư pháp An Giang | 97 | 1" in body
    assert not any(line.startswith("Trang chủ") for line in body)


def test_a_cluster_named_in_a_guests_title_does_not_take_the_next_sentences():
    text = ("Ngày 20/3/2021, Cụm thi đua số 4 ngành Y tế gồm Sở Y tế các tỉnh Nam Định, Thái Bình, Ninh Bình và Hà Nam "
            "tổ chức hội nghị tổng kết năm 2020.\n"
            "Dự hội nghị có ông Lê Văn Tâm, Giám đốc Sở Y tế Hưng Yên, Cụm trưởng Cụm thi đua số 3 ngành Y tế năm 2021.\n"
            "Năm 2021, Sở Y tế Ninh Bình làm Cụm trưởng, Sở Y tế Hà Nam làm Cụm phó.\n")
    got = {c["label"]: (sorted(c["members"]), sorted((r["role"], r["province"], r["year"]) for r in c["roles"]))
           for c in clusters_of(analyze(text))}
    assert got["Cụm thi đua số 4"][1] == [("deputy", "Hà Nam", 2021), ("leader", "Ninh Bình", 2021)]
    assert got["Cụm thi đua số 3"] == (["Hưng Yên"], [("leader", "Hưng Yên", 2021)])


def test_universities_named_after_provinces_are_member_units_not_provinces():
    text = ("Ngày 12/1/2024, Khối thi đua các trường đại học vùng Tây Bắc thuộc Bộ Giáo dục và Đào tạo tổ chức hội nghị "
            "tổng kết năm 2023. Khối gồm 3 trường: Trường Đại học Tây Bắc, Trường Đại học Điện Biên và Trường Đại học "
            "Hòa Bình.\n")
    (c,) = clusters_of(analyze(text))
    assert c["members"] == []
    assert c["member_units"] == ["Trường Đại học Tây Bắc", "Trường Đại học Điện Biên", "Trường Đại học Hòa Bình"]


@pytest.mark.parametrize("text, expected", [
    ("Dự lễ có bà Nguyễn Thị Thái Bình, Phó Chủ tịch Hội Nông dân tỉnh Nam Định.", ["Nam Định"]),
    ("Ông Trần Văn Long An, Chủ tịch xã, phát biểu tại Hội nghị ở tỉnh Đồng Tháp.", ["Đồng Tháp"]),
    ("Đoàn Thanh Niên Quảng Ninh tổ chức hội trại.", ["Quảng Ninh"]),
])
def test_a_given_name_that_is_a_province_is_no_province(text, expected):
    assert [p["name"] for p in provinces.extract(analyze(text))] == expected


def test_a_preposition_ends_no_title():
    text = ("Tại buổi lễ, ông Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh, trao Bằng khen của Chủ tịch UBND tỉnh cho "
            "Đoàn Thanh niên Sở Y tế.")
    assert [p["name"] for p in people.extract(analyze(text))] == ["Nguyễn Văn Hùng"]


@pytest.mark.parametrize("text, expected", [
    # a military command confers at its own level, not a ministry's
    ("Hội nghị đề nghị Bộ Tư lệnh Quân khu 7 tặng Cờ thi đua cho Bộ CHQS tỉnh Tây Ninh.",
     [("Cờ thi đua", "other", "Bộ CHQS tỉnh Tây Ninh", "Tây Ninh", None, "proposed")]),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh công nhận danh hiệu “Đơn vị quyết thắng” cho 5 đồn biên phòng tỉnh Lạng Sơn.",
     [("Đơn vị quyết thắng", "other", None, None, 5, "conferred")]),
    # the Front's central committee written with its abbreviation
    ("Hội nghị đề nghị Ủy ban Trung ương MTTQ Việt Nam tặng Bằng khen cho Ủy ban MTTQ Việt Nam tỉnh Kon Tum.",
     [("Bằng khen", "other", "Ủy ban MTTQ Việt Nam tỉnh Kon Tum", "Kon Tum", None, "proposed")]),
    # a commune's unit located by its district; a person's position closed by a district
    ("Thừa ủy quyền của Chủ tịch nước, ông A trao Huân chương Chiến công hạng Ba cho Công an xã Tân Phú, huyện Châu "
     "Thành, tỉnh Long An.",
     [("Huân chương Chiến công", "state", "Công an xã Tân Phú, huyện Châu Thành, tỉnh Long An", "Long An", None,
       "conferred")]),
    ("Bà Lò Thị Mai, Chủ tịch Hội LHPN xã Chiềng Sinh, thành phố Sơn La, được tặng Bằng khen của Thủ tướng Chính phủ.",
     [("Bằng khen", "government", "Lò Thị Mai", None, None, "conferred")]),
    # "cũng" between the conferrer and the verb
    ("Chủ tịch UBND tỉnh Lào Cai cũng tặng Bằng khen cho 4 tập thể.",
     [("Bằng khen", "province", None, None, 4, "conferred")]),
    # "dẫn đầu" after a count is a description, not a reference to an honoured unit
    ("Chủ tịch UBND tỉnh trao Cờ thi đua của UBND tỉnh Hưng Yên cho 18 tập thể dẫn đầu các khối thi đua của tỉnh.",
     [("Cờ thi đua", "province", None, None, 18, "conferred")]),
    # a firm name ending in a dash code, then a person
    ("Tỉnh đoàn trao Bằng khen cho Đoàn Thanh niên Công ty Than Mạo Khê - TKV và anh Vũ Văn Nam, Bí thư Chi đoàn.",
     [("Bằng khen", "other", "Vũ Văn Nam", None, None, "conferred"),
      ("Bằng khen", "other", "Đoàn Thanh niên Công ty Than Mạo Khê", None, None, "conferred")]),
])
def test_conferrers_and_recipients(text, expected):
    assert _awards(text) == sorted(expected, key=str)


def test_a_unit_and_its_defined_abbreviation_are_one_recipient():
    text = ("Hội Nông dân tỉnh Yên Bái đón nhận Huân chương Lao động hạng Ba\n"
            "Sáng 14/10/2022, Hội Cựu chiến binh (CCB) tỉnh Yên Bái đã đón nhận Huân chương Lao động hạng Ba của Chủ "
            "tịch nước.\n"
            "Thừa ủy quyền của Chủ tịch nước, lãnh đạo tỉnh trao Huân chương Lao động hạng Ba cho Hội CCB tỉnh Yên Bái.\n")
    assert len(awards.extract(analyze(text))) == 1


def test_a_year_opening_the_sentence_dates_roles_after_a_semicolon():
    text = ("Ngày 8/12/2023, Cụm thi đua số 2 của Quân khu 4 tổ chức hội nghị tổng kết phong trào Thi đua Quyết thắng "
            "năm 2023.\n"
            "Năm 2024, các đơn vị thống nhất khẩu hiệu hành động “Kỷ cương - Sáng tạo”; Bộ CHQS tỉnh Quảng Bình làm "
            "Cụm trưởng, Bộ CHQS tỉnh Quảng Trị làm Cụm phó.\n")
    (c,) = clusters_of(analyze(text))
    assert sorted((r["role"], r["province"], r["year"]) for r in c["roles"]) == [
        ("deputy", "Quảng Trị", 2024), ("leader", "Quảng Bình", 2024)]


def test_a_motto_in_an_article_about_a_movement_without_the_word_thi_dua():
    text = ("Tuyên dương 30 gương thanh niên tiêu biểu năm 2023\n"
            "Ngày 26/3/2024, Tỉnh đoàn Hà Nam tổ chức tổng kết phong trào “Thanh niên tình nguyện” năm 2023.\n"
            "Các cơ sở Đoàn thực hiện phương châm hành động năm 2024 “Xung kích - Tình nguyện - Sáng tạo”.\n")
    assert [(t["text"], t["kind"], t["year"]) for t in themes.extract(analyze(text))] == [
        ("Xung kích - Tình nguyện - Sáng tạo", "khẩu hiệu", 2024)]
