"""Clusters (cụm / khối thi đua): whole-article expectations and sentence-level cases."""

from __future__ import annotations

import pytest

from extract import patterns
from extract.constructions import lists, numerals
from extract.frontend import analyze

from .conftest import article_names, clusters_of


def _roles(c: dict) -> set[tuple]:
    return {(r["role"], r["unit"], r["province"], r["year"]) for r in c["roles"]}


@pytest.mark.parametrize("name", article_names())
def test_article_clusters(name, analysed):
    a, expected = analysed(name)
    got = clusters_of(a)
    assert len(got) == len(expected["clusters"]), [c["label"] for c in got]
    for exp, c in zip(expected["clusters"], got):
        assert c["label"] == exp["label"]
        assert (c["kind"], c["number"], c["organizer"]) == (exp["kind"], exp["number"], exp["organizer"])
        assert set(c["members"]) == set(exp["members"])
        assert c["member_count"] == exp["member_count"]
        assert c["member_units"] == exp["member_units"]
        assert _roles(c) == _roles(exp)


@pytest.mark.parametrize("name", article_names())
def test_evidence_points_into_the_text(name, analysed):
    a, _ = analysed(name)
    for c in clusters_of(a):
        ev = c["evidence"]
        assert ev["sentence"] == a.sentences[ev["sentence_index"]].text
        assert a.text[ev["start"]:ev["end"]].lower().startswith(("cụm", "khối", "sở", "đài", "công an"))
        for r in c["roles"]:
            assert a.text[r["evidence"]["start"]:r["evidence"]["end"]] == r["unit"]


# (sentence(s), expected [(label, kind, number, organizer, members, roles)])
CASES = [
    ("Sở Y tế tỉnh Hậu Giang được suy tôn là đơn vị dẫn đầu Cụm thi đua số 9 năm 2022.",
     [("Cụm thi đua số 9", "cụm", 9, None, {"Hậu Giang"}, {("leading_unit", "Hậu Giang", 2022)})]),
    ("Khối trưởng Khối thi đua số 4 năm 2021 là Sở Xây dựng tỉnh Nam Định.",
     [("Khối thi đua số 4", "khối", 4, None, {"Nam Định"}, {("leader", "Nam Định", 2021)})]),
    ("Báo Long An được UBND tỉnh tặng Cờ thi đua vì dẫn đầu Khối thi đua các cơ quan, đơn vị của tỉnh Long An năm 2019.",
     [("Khối thi đua các cơ quan, đơn vị của tỉnh Long An", "khối", None, "UBND tỉnh Long An", set(),
       {("leading_unit", "Long An", 2019)})]),
    ("Khối thi đua các cơ quan Đảng, Mặt trận và các đoàn thể tỉnh Sóc Trăng tổ chức hội nghị tổng kết phong trào thi đua năm 2021.",
     [("Khối thi đua các cơ quan Đảng, Mặt trận và các đoàn thể tỉnh Sóc Trăng", "khối", None, "UBND tỉnh Sóc Trăng", set(), set())]),
    ("Sáng 12/1, Bộ TT&TT công bố quyết định giao Cụm trưởng, Cụm phó năm 2022 cho các Đài PT-TH: Cụm 1 gồm Hà Giang "
     "(Cụm trưởng), Lai Châu (Cụm phó); Cụm 2 gồm Bắc Giang (Cụm trưởng), Thái Nguyên (Cụm phó).",
     [("Cụm 1", "cụm", 1, None, {"Hà Giang", "Lai Châu"}, {("leader", "Hà Giang", 2022), ("deputy", "Lai Châu", 2022)}),
      ("Cụm 2", "cụm", 2, None, {"Bắc Giang", "Thái Nguyên"}, {("leader", "Bắc Giang", 2022), ("deputy", "Thái Nguyên", 2022)})]),
    ("Ngày 25/2/2022, Cụm 7 tổ chức hội nghị tổng kết phong trào thi đua năm 2021. Sở TT&TT Tây Ninh - đơn vị Cụm trưởng "
     "năm 2021 chủ trì hội nghị. Hội nghị thống nhất giao Sở TT&TT Bình Phước làm Cụm trưởng năm 2022.",
     [("Cụm 7", "cụm", 7, None, {"Tây Ninh", "Bình Phước"}, {("leader", "Tây Ninh", 2021), ("leader", "Bình Phước", 2022)})]),
    # the year of an election without a year is the pledge year; a leading unit's is the reviewed year
    ("Hội nghị tổng kết phong trào thi đua năm 2023 và ký kết giao ước thi đua năm 2024 của Cụm thi đua số 5. "
     "Hội nghị suy tôn Sở Tư pháp tỉnh Hòa Bình dẫn đầu Cụm, bầu Sở Tư pháp tỉnh Sơn La làm Cụm trưởng.",
     [("Cụm thi đua số 5", "cụm", 5, None, {"Hòa Bình", "Sơn La"}, {("leading_unit", "Hòa Bình", 2023), ("leader", "Sơn La", 2024)})]),
    # old tone placement and "lần lượt"
    ("Cụm thi đua số 2 thống nhất chọn Sở Nội vụ Thanh Hoá và Sở Nội vụ Khánh Hoà lần lượt làm Cụm trưởng và Cụm phó năm 2020.",
     [("Cụm thi đua số 2", "cụm", 2, None, {"Thanh Hóa", "Khánh Hòa"}, {("leader", "Thanh Hóa", 2020), ("deputy", "Khánh Hòa", 2020)})]),
    # a described group that signs a pledge, no word "cụm"
    ("Sáng 3/3/2019, Sở Tư pháp 5 tỉnh Bắc Trung Bộ gồm Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình và Quảng Trị ký kết giao ước thi đua năm 2019.",
     [("Sở Tư pháp 5 tỉnh Bắc Trung Bộ", "cụm", None, None, {"Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị"}, set())]),
    ("Sáng 5/3/2021, Liên đoàn Lao động 6 tỉnh Bắc Trung Bộ gồm Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị và "
     "Thừa Thiên Huế ký kết giao ước thi đua năm 2021.",
     [("Liên đoàn Lao động 6 tỉnh Bắc Trung Bộ", "cụm", None, None,
       {"Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế"}, set())]),
    ("Ngày 20/1/2023, Cụm thi đua số 4 tổ chức hội nghị tổng kết phong trào thi đua năm 2022. Tham dự có lãnh đạo "
     "Sở TT&TT các tỉnh thành viên Cụm: Yên Bái, Tuyên Quang, Hà Giang và Phú Thọ.",
     [("Cụm thi đua số 4", "cụm", 4, None, {"Yên Bái", "Tuyên Quang", "Hà Giang", "Phú Thọ"}, set())]),
    ("Ông Nguyễn Văn A, Giám đốc Sở TT&TT Gia Lai, Cụm trưởng Cụm thi đua số 6 phát biểu khai mạc hội nghị tổng kết "
     "phong trào thi đua năm 2019.",
     [("Cụm thi đua số 6", "cụm", 6, None, {"Gia Lai"}, {("leader", "Gia Lai", 2019)})]),
    ("Tại hội nghị, Cụm thi đua các trường cao đẳng khu vực miền Trung gồm 8 trường đã bầu Trường Cao đẳng Kỹ thuật "
     "Đà Nẵng làm Cụm trưởng năm 2024.",
     [("Cụm thi đua các trường cao đẳng khu vực miền Trung", "cụm", None, None, set(), {("leader", "Đà Nẵng", 2024)})]),
    ("Cụm thi đua số 6 ngành Thông tin và Truyền thông do Sở TT&TT Kon Tum làm Cụm trưởng năm 2018.",
     [("Cụm thi đua số 6", "cụm", 6, "Bộ Thông tin và Truyền thông", {"Kon Tum"}, {("leader", "Kon Tum", 2018)})]),
]

NEGATIVE = [
    "Tỉnh có 25 cụm công nghiệp và 3 khu kinh tế, trong đó cụm 7 đã lấp đầy.",
    "Học sinh khối 10 và khối 11 thi đua học tốt chào mừng ngày Nhà giáo Việt Nam.",
    "Các cụm, khối thi đua của tỉnh sớm tổ chức tổng kết năm 2021.",
    "Các Cụm trưởng, Khối trưởng chịu trách nhiệm tổng hợp kết quả chấm điểm, bình xét và suy tôn đơn vị dẫn đầu.",
    "Bắc Giang dẫn đầu cả nước về chỉ số cải cách hành chính năm 2022.",
    "Sở TT&TT 4 tỉnh gồm Bình Phước, Tây Ninh, Bình Dương và Đồng Nai ký kết chương trình phối hợp về chuyển đổi số.",
    "Khối đại đoàn kết toàn dân tộc được củng cố; khối lượng công việc năm 2023 rất lớn.",
    "Cụm thi đua số 3 thuộc Khối thi đua các Sở TT&TT đã hoàn thành kế hoạch.",  # only the cụm: see test below
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_cases(text, expected):
    got = clusters_of(analyze(text))
    assert [(c["label"], c["kind"], c["number"], c["organizer"]) for c in got] == [e[:4] for e in expected]
    for c, e in zip(got, expected):
        assert set(c["members"]) == e[4]
        assert {(r["role"], r["province"], r["year"]) for r in c["roles"]} == e[5]


@pytest.mark.parametrize("text", NEGATIVE[:-1], ids=[t[:40] for t in NEGATIVE[:-1]])
def test_no_cluster(text):
    assert clusters_of(analyze(text)) == []


def test_container_block_is_not_a_second_cluster():
    assert [c["label"] for c in clusters_of(analyze(NEGATIVE[-1]))] == ["Cụm thi đua số 3"]


def test_split_list_keeps_names_with_commas_and_and():
    items = lists.split_list("Sở Y tế, Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội và Báo Long An")
    assert [(i.text, i.province) for i in items] == [
        ("Sở Y tế", None), ("Sở Văn hóa, Thể thao và Du lịch", None),
        ("Sở Lao động - Thương binh và Xã hội", None), ("Báo Long An", "Long An")]


def test_split_list_prefix_and_counts():
    assert [(i.text, i.province) for i in lists.split_list("các Sở TT&TT: Cà Mau, Bến Tre và Bạc Liêu")] == [
        ("Sở TT&TT Cà Mau", "Cà Mau"), ("Sở TT&TT Bến Tre", "Bến Tre"), ("Sở TT&TT Bạc Liêu", "Bạc Liêu")]
    assert [(i.count, i.noun) for i in lists.split_list("02 tập thể và 05 cá nhân")] == [(2, "tập thể"), (5, "cá nhân")]


def test_emulation_years_from_either_side():
    assert numerals.emulation_years(analyze("Ký kết giao ước thi đua năm 2024.")).review == 2023
    y = numerals.emulation_years(analyze("Tổng kết phong trào thi đua năm học 2022-2023."))
    assert (y.review, y.pledge) == (2023, 2024)


def test_rule_patterns_compile_and_load_in_the_span_ruler():
    from extract.nlp import nlp

    assert patterns.find_rules("CLUSTER_ROLE", "Sở X làm Cụm phó")[0].id == "deputy"
    doc = nlp()("Sở TTTT Gia Lai làm Cụm trưởng năm 2020.")
    assert any(sp.label_ == "CLUSTER_ROLE" for sp in doc.spans["rules"])
