"""Clusters: one table of cases per construction generalised from blind misses (own wording, other units/provinces).

Each case is (text, expected clusters) with expected = [(label, number, organizer, members, roles)], roles as
(role, province or unit, year).
"""

from __future__ import annotations

import pytest

from extract.constructions import lists
from extract.frontend import analyze

from .conftest import clusters_of


def _got(text: str) -> list[tuple]:
    out = []
    for c in clusters_of(analyze(text)):
        roles = {(r["role"], r["province"] or r["unit"], r["year"]) for r in c["roles"]}
        out.append((c["label"], c["number"], c["organizer"], set(c["members"]), roles))
    return out


# 1. members written as a table, one row per unit, after "gồm N đơn vị:"; the header row is skipped
TABLE = [
    ("Khối thi đua số 5 tổng kết công tác thi đua năm 2022 và ký kết giao ước thi đua năm 2023. Khối gồm 5 đơn vị:\n"
     "STT | Tên đơn vị | Ghi chú\n"
     "1 | Sở Tư pháp tỉnh Nghệ An | Khối trưởng\n"
     "2 | Sở Tư pháp tỉnh Hà Tĩnh | Khối phó\n"
     "3 | Sở Tư pháp tỉnh Quảng Bình | Thành viên\n"
     "4 | Sở Tư pháp tỉnh Quảng Trị | Thành viên\n"
     "5 | Sở Tư pháp tỉnh Thanh Hóa | Thành viên",
     [("Khối thi đua số 5", 5, None, {"Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thanh Hóa"},
       {("leader", "Nghệ An", 2022), ("deputy", "Hà Tĩnh", 2022)})]),
    ("Cụm thi đua số 12 gồm các đơn vị sau:\n"
     "TT | Đơn vị\n"
     "1 | Bảo hiểm xã hội tỉnh Gia Lai\n"
     "2 | Bảo hiểm xã hội tỉnh Kon Tum\n"
     "3 | Bảo hiểm xã hội tỉnh Đắk Nông\n"
     "Các đơn vị đã ký kết giao ước thi đua năm 2019.",
     [("Cụm thi đua số 12", 12, None, {"Gia Lai", "Kon Tum", "Đắk Nông"}, set())]),
]

# 2. a relative clause naming the container stands between the cluster and "gồm"
CONTAINER = [
    ("Cụm thi đua số 2 thuộc Khối thi đua Kho bạc Nhà nước các tỉnh do Kho bạc Nhà nước tổ chức, gồm Kho bạc "
     "Nhà nước các tỉnh: Sơn La, Điện Biên, Lai Châu và Hòa Bình.",
     [("Cụm thi đua số 2", 2, None, {"Sơn La", "Điện Biên", "Lai Châu", "Hòa Bình"}, set())]),
    ("Ngày 3/4/2019, Cụm thi đua các Đài Phát thanh và Truyền hình khu vực đồng bằng sông Hồng tổ chức hội nghị "
     "tổng kết năm 2018. Cụm thi đua thuộc Khối các đài địa phương do Bộ Thông tin và Truyền thông chỉ đạo, năm 2019 "
     "gồm 4 đài: Đài PT-TH Thái Bình, Đài PT-TH Nam Định, Đài PT-TH Hà Nam và Đài PT-TH Ninh Bình.",
     [("Cụm thi đua các Đài Phát thanh và Truyền hình khu vực đồng bằng sông Hồng", None, "Bộ Thông tin và Truyền thông",
       {"Thái Bình", "Nam Định", "Hà Nam", "Ninh Bình"}, set())]),
]

# 3. members after "các tỉnh / các trường trong (thuộc) Cụm:" in a sentence that also names the cluster
IN_CLUSTER = [
    ("Ngày 6/1/2021, Cụm thi đua số 3 ngành Thuế tổ chức hội nghị với sự tham dự của lãnh đạo Cục Thuế các tỉnh "
     "thuộc Cụm: Hà Nam, Nam Định và Ninh Bình.",
     [("Cụm thi đua số 3", 3, "Tổng cục Thuế", {"Hà Nam", "Nam Định", "Ninh Bình"}, set())]),
    ("Năm 2022, Cụm thi đua số 7 hoạt động hiệu quả. Các tỉnh trong Cụm gồm Sóc Trăng, Bạc Liêu và Cà Mau "
     "đã hoàn thành chỉ tiêu giao ước thi đua.",
     [("Cụm thi đua số 7", 7, None, {"Sóc Trăng", "Bạc Liêu", "Cà Mau"}, set())]),
]

# 4. a cluster's description with a region name holding "bằng"/"và" ("đồng bằng sông Hồng")
REGION = [
    ("Cụm thi đua các Sở Nội vụ khu vực đồng bằng sông Hồng tổ chức hội nghị tổng kết năm 2020.",
     [("Cụm thi đua các Sở Nội vụ khu vực đồng bằng sông Hồng", None, None, set(), set())]),
    ("Hội nghị tổng kết phong trào thi đua năm 2022 của Cụm thi đua các Đài Phát thanh và Truyền hình khu vực Bắc "
     "Trung Bộ và Duyên hải miền Trung. Hội nghị suy tôn Đài PT-TH Nghệ An và Đài PT-TH Quảng Nam là hai đơn vị "
     "dẫn đầu Cụm năm 2022.",
     [("Cụm thi đua các Đài Phát thanh và Truyền hình khu vực Bắc Trung Bộ và Duyên hải miền Trung", None, None,
       {"Nghệ An", "Quảng Nam"}, {("leading_unit", "Nghệ An", 2022), ("leading_unit", "Quảng Nam", 2022)})]),
]

# 5. the same cluster by description (title, apposition) and by number: one cluster, the numbered one
SAME_CLUSTER = [
    ("Khối thi đua các doanh nghiệp nhà nước tổng kết năm 2023\n"
     "Sáng 18/12/2023, Khối thi đua số 6 tổ chức hội nghị tổng kết công tác thi đua năm 2023. "
     "Công ty Điện lực Bắc Ninh là Khối trưởng, Công ty Cấp thoát nước Bắc Ninh là Khối phó.",
     [("Khối thi đua số 6", 6, None, set(), {("leader", "Bắc Ninh", 2023), ("deputy", "Bắc Ninh", 2023)})]),
    ("Sáng 20/12/2023, Khối thi đua số 3 - các sở, ngành kinh tế tổng hợp của tỉnh Bắc Giang tổ chức hội nghị tổng "
     "kết năm 2023. Cũng trong năm, Khối thi đua các sở, ngành kinh tế tổng hợp đã hoàn thành các chỉ tiêu giao ước. "
     "Sở Tài chính là Khối trưởng năm 2023; Sở Kế hoạch và Đầu tư là Khối phó.",
     [("Khối thi đua số 3", 3, "UBND tỉnh Bắc Giang", set(),
       {("leader", "Bắc Giang", 2023), ("deputy", "Bắc Giang", 2023)})]),
]

# 6. several leading units: an apposed list ("A và B, là các đơn vị dẫn đầu"), "suy tôn A và B là …"
LEADING_LIST = [
    ("Cụm thi đua số 6 tổng kết năm 2017. Hội nghị đề nghị tặng Cờ thi đua cho Sở Công Thương tỉnh Bình Phước và "
     "Sở Công Thương tỉnh Tây Ninh, là các đơn vị dẫn đầu Cụm năm 2017.",
     [("Cụm thi đua số 6", 6, None, {"Bình Phước", "Tây Ninh"},
       {("leading_unit", "Bình Phước", 2017), ("leading_unit", "Tây Ninh", 2017)})]),
    ("Khối thi đua số 2 tổng kết năm 2016: các đơn vị thống nhất suy tôn Cục Hải quan tỉnh Lạng Sơn, Cục Hải quan "
     "tỉnh Quảng Ninh là hai đơn vị dẫn đầu Khối.",
     [("Khối thi đua số 2", 2, None, {"Lạng Sơn", "Quảng Ninh"},
       {("leading_unit", "Lạng Sơn", 2016), ("leading_unit", "Quảng Ninh", 2016)})]),
]

# 7. one-province article: a unit without its own province is in that province (Tỉnh đoàn, Hội …, Bệnh viện …)
ONE_PROVINCE = [
    ("Ngày 10/12/2020, Khối thi đua số 8 do UBND tỉnh Tây Ninh tổ chức tổng kết năm 2020. Năm 2020, Hội Nông dân "
     "tỉnh là Khối trưởng, Tỉnh đoàn là Khối phó; năm 2021, Hội Cựu chiến binh tỉnh được bầu làm Khối trưởng.",
     [("Khối thi đua số 8", 8, "UBND tỉnh Tây Ninh", set(),
       {("leader", "Tây Ninh", 2020), ("deputy", "Tây Ninh", 2020), ("leader", "Tây Ninh", 2021)})]),
    ("Khối thi đua số 2 các bệnh viện tuyến tỉnh Phú Thọ tổng kết năm 2018. Bệnh viện Sản Nhi là Khối trưởng "
     "năm 2018.",
     [("Khối thi đua số 2", 2, None, set(), {("leader", "Phú Thọ", 2018)})]),
]

# 8. the role written "Trưởng Cụm" / "Phó Trưởng Cụm" / "đơn vị Trưởng cụm"
ROLE_WORDS = [
    ("Ngày 15/1/2022, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua năm 2021. Sở Nội vụ tỉnh Yên Bái "
     "là Trưởng Cụm, Sở Nội vụ tỉnh Lào Cai là Phó Trưởng Cụm năm 2021.",
     [("Cụm thi đua số 4", 4, None, {"Yên Bái", "Lào Cai"}, {("leader", "Yên Bái", 2021), ("deputy", "Lào Cai", 2021)})]),
    ("Cụm thi đua số 3 tổng kết năm 2019. Viện Kiểm sát nhân dân tỉnh Bình Định, đơn vị Trưởng cụm năm 2019 chủ trì "
     "hội nghị. Hội nghị nhất trí bầu Viện Kiểm sát nhân dân tỉnh Phú Yên làm Trưởng cụm, Viện Kiểm sát nhân dân tỉnh "
     "Quảng Ngãi làm Phó Trưởng cụm năm 2020.",
     [("Cụm thi đua số 3", 3, None, {"Bình Định", "Phú Yên", "Quảng Ngãi"},
       {("leader", "Bình Định", 2019), ("leader", "Phú Yên", 2020), ("deputy", "Quảng Ngãi", 2020)})]),
]

# 9. a rotation: holders of one role listed with a year each
ROTATION = [
    ("Cụm thi đua số 5 tổng kết năm 2020. Hội nghị thống nhất thứ tự luân phiên làm Cụm trưởng các năm tiếp theo: "
     "Sở Y tế Đắk Lắk (năm 2021), Sở Y tế Gia Lai (năm 2022), Sở Y tế Kon Tum (năm 2023).",
     [("Cụm thi đua số 5", 5, None, {"Đắk Lắk", "Gia Lai", "Kon Tum"},
       {("leader", "Đắk Lắk", 2021), ("leader", "Gia Lai", 2022), ("leader", "Kon Tum", 2023)})]),
    ("Khối thi đua số 4 tổng kết năm 2018. Khối phó các năm tới: Cục Hải quan Bình Định (2019), Cục Hải quan "
     "Khánh Hòa (2020).",
     [("Khối thi đua số 4", 4, None, {"Bình Định", "Khánh Hòa"},
       {("deputy", "Bình Định", 2019), ("deputy", "Khánh Hòa", 2020)})]),
]

# 10. a role handed over: the incoming unit holds it in the year written, the outgoing one held it the year before;
# the receiver may be the subject ("nhận bàn giao … từ"), also one given a role in apposition just before
HANDOVER = [
    ("Khối thi đua số 5 tổng kết năm 2021. Tại hội nghị, Cục Thuế tỉnh Hải Dương đã trao lại vai trò Khối trưởng "
     "năm 2022 cho Cục Thuế tỉnh Hưng Yên, Cục Thuế tỉnh Bắc Ninh làm Khối phó.",
     [("Khối thi đua số 5", 5, None, {"Hải Dương", "Hưng Yên", "Bắc Ninh"},
       {("leader", "Hưng Yên", 2022), ("leader", "Hải Dương", 2021), ("deputy", "Bắc Ninh", 2022)})]),
    ("Khối thi đua số 4 tổng kết năm 2018. Sở Y tế Nghệ An bàn giao cho Sở Y tế Hà Tĩnh nhiệm vụ Khối trưởng "
     "năm 2019.",
     [("Khối thi đua số 4", 4, None, {"Nghệ An", "Hà Tĩnh"}, {("leader", "Hà Tĩnh", 2019), ("leader", "Nghệ An", 2018)})]),
    ("Cụm thi đua số 2 ký kết giao ước thi đua năm 2024. Công an tỉnh Kon Tum, Cụm phó năm 2023, đã tiếp nhận "
     "nhiệm vụ Cụm trưởng từ Công an tỉnh Gia Lai.",
     [("Cụm thi đua số 2", 2, None, {"Kon Tum", "Gia Lai"},
       {("deputy", "Kon Tum", 2023), ("leader", "Kon Tum", 2024), ("leader", "Gia Lai", 2023)})]),
    ("Cụm thi đua số 4 tổng kết năm 2020. Bảo hiểm xã hội tỉnh Sóc Trăng, Cụm trưởng năm 2020, tiếp tục giữ vai trò "
     "Cụm trưởng năm 2021.",
     [("Cụm thi đua số 4", 4, None, {"Sóc Trăng"}, {("leader", "Sóc Trăng", 2020), ("leader", "Sóc Trăng", 2021)})]),
]

# 11. a member list holding an abbreviated "Tp." / "TP." (thành phố): its period does not end the list
ABBREVIATED_CITY = [
    ("Cụm thi đua số 6 gồm 5 đơn vị: Cục Thống kê Tp. Cần Thơ, Hậu Giang, Sóc Trăng, Bạc Liêu và Cà Mau. "
     "Cục Thống kê TP. Cần Thơ làm Cụm trưởng năm 2022.",
     [("Cụm thi đua số 6", 6, None, {"Cần Thơ", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau"},
       {("leader", "Cần Thơ", 2022)})]),
    ("Khối thi đua số 3 gồm Kho bạc Nhà nước TP. Đà Nẵng, Quảng Nam và Quảng Ngãi tổ chức hội nghị sơ kết năm 2019.",
     [("Khối thi đua số 3", 3, None, {"Đà Nẵng", "Quảng Nam", "Quảng Ngãi"}, set())]),
]

# 12. the year of a role written in the sentence before: roles announced without holders, or a dated role
# followed by its partner; an election in the next sentence keeps its own (pledge) year
YEAR_BEFORE = [
    ("Cụm thi đua số 5 tổng kết công tác thi đua năm 2022. Hội nghị đã bầu Cụm trưởng, Cụm phó năm 2023. Theo đó, "
     "Sở Y tế Gia Lai làm Cụm trưởng, Sở Y tế Kon Tum làm Cụm phó.",
     [("Cụm thi đua số 5", 5, None, {"Gia Lai", "Kon Tum"}, {("leader", "Gia Lai", 2023), ("deputy", "Kon Tum", 2023)})]),
    ("Khối thi đua số 9 tổng kết năm 2017 và ký kết giao ước năm 2018. Khối trưởng năm 2018 là Liên đoàn Lao động "
     "tỉnh Vĩnh Long. Khối phó là Liên đoàn Lao động tỉnh Trà Vinh.",
     [("Khối thi đua số 9", 9, None, {"Vĩnh Long", "Trà Vinh"},
       {("leader", "Vĩnh Long", 2018), ("deputy", "Trà Vinh", 2018)})]),
    ("Cụm thi đua số 1 tổng kết công tác thi đua năm 2015. Năm 2015, Sở Tư pháp Lào Cai làm Cụm trưởng. Hội nghị bầu "
     "Sở Tư pháp Yên Bái làm Cụm trưởng.",
     [("Cụm thi đua số 1", 1, None, {"Lào Cai", "Yên Bái"}, {("leader", "Lào Cai", 2015), ("leader", "Yên Bái", 2016)})]),
]

# 13. a description coordinating unit categories with a comma ("các huyện, thị xã"): the comma does not end the label
COORDINATED_CATEGORIES = [
    ("Sáng 10/1/2023, Khối thi đua các huyện, thị xã tỉnh Quảng Trị tổ chức hội nghị tổng kết năm 2022.",
     [("Khối thi đua các huyện, thị xã tỉnh Quảng Trị", None, "UBND tỉnh Quảng Trị", set(), set())]),
    ("Ngày 8/1/2019, Khối thi đua các doanh nghiệp, hợp tác xã tỉnh Sơn La ký kết giao ước thi đua năm 2019.",
     [("Khối thi đua các doanh nghiệp, hợp tác xã tỉnh Sơn La", None, "UBND tỉnh Sơn La", set(), set())]),
]

# 14. "dẫn đầu / lá cờ đầu" said of the cluster itself, or as a goal, is no unit's role; an apposed one is
LEAD_NOT_HELD = [
    ("Cụm thi đua số 3 tổng kết công tác thi đua năm 2021. Ông Trần Văn Nam, Giám đốc Sở Tư pháp tỉnh Sóc Trăng, đề nghị "
     "các thành viên đoàn kết để Cụm luôn là lá cờ đầu trong phong trào thi đua của ngành.",
     [("Cụm thi đua số 3", 3, None, set(), set())]),
    ("Cụm thi đua số 6 tổng kết năm 2022. Sở Y tế tỉnh Hà Giang quyết tâm phấn đấu là đơn vị dẫn đầu Cụm năm 2023.",
     [("Cụm thi đua số 6", 6, None, set(), set())]),
    ("Cụm thi đua số 6 tổng kết năm 2022. Bộ trưởng trao Cờ thi đua cho Sở Y tế tỉnh Hà Giang, đơn vị dẫn đầu Cụm năm 2022.",
     [("Cụm thi đua số 6", 6, None, {"Hà Giang"}, {("leading_unit", "Hà Giang", 2022)})]),
]

CASES = COORDINATED_CATEGORIES + LEAD_NOT_HELD + YEAR_BEFORE + HANDOVER + ABBREVIATED_CITY + ROTATION + TABLE + CONTAINER + IN_CLUSTER + REGION + SAME_CLUSTER + LEADING_LIST + ONE_PROVINCE + ROLE_WORDS


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_construction(text, expected):
    assert _got(text) == expected


NEGATIVE = [
    # a table after a colon in ordinary administrative news
    "Sáng 5/1/2019, UBND huyện Tân Phú tổ chức hội nghị tổng kết năm 2018. Danh sách các xã đạt chuẩn nông thôn mới:\n"
    "STT | Xã | Kết quả\n1 | Xã Phú Lập | Đạt\n2 | Xã Phú Thịnh | Đạt",
    # an apposed list "dẫn đầu" outside any cluster
    "Công an tỉnh Bình Dương và Công an tỉnh Đồng Nai, là hai đơn vị dẫn đầu cả nước về cải cách hành chính năm 2020.",
    # "các tỉnh trong cụm" of an industrial park cluster, not an emulation one
    "Các tỉnh trong cụm liên kết du lịch gồm Ninh Bình, Thanh Hóa và Nghệ An đã ký kết chương trình hợp tác.",
    # a handover outside any cluster role
    "Sáng 9/9/2021, Sở Xây dựng tỉnh Hà Nam bàn giao nhà tình nghĩa cho gia đình chính sách tại huyện Lý Nhân.",
]


def test_role_not_carried_to_a_role_the_subject_does_not_take():
    """ "A là Cụm trưởng, đề nghị Cụm phó phối hợp": the deputy is not A."""
    got = _got("Cụm thi đua số 8 tổng kết năm 2019. Sở Tư pháp tỉnh Cà Mau là Cụm trưởng, đề nghị Cụm phó phối hợp "
               "chuẩn bị hội nghị.")
    assert got == [("Cụm thi đua số 8", 8, None, {"Cà Mau"}, {("leader", "Cà Mau", 2019)})]


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_no_cluster(text):
    assert clusters_of(analyze(text)) == []


def test_container_block_after_thuoc_is_not_a_cluster_but_cua_cum_is():
    assert [c["label"] for c in clusters_of(analyze(
        "Khối thi đua số 2 thuộc Khối thi đua các cơ quan Trung ương đã hoàn thành kế hoạch năm 2020."))] == [
        "Khối thi đua số 2"]
    assert [c["label"] for c in clusters_of(analyze(
        "Hội nghị tổng kết năm 2021 của Cụm thi đua các Sở Xây dựng khu vực Tây Nguyên diễn ra tại Đắk Lắk."))] == [
        "Cụm thi đua các Sở Xây dựng khu vực Tây Nguyên"]


def test_thuoc_a_place_and_ve_a_domain_go_on_inside_a_clusters_name():
    """"… các xã thuộc huyện Yên Thế", "… quản lý nhà nước về văn hóa" are part of the name; "thuộc Khối …" and
    "về dự hội nghị" still end it."""
    got = [c["label"] for c in clusters_of(analyze(
        "Ủy ban nhân dân xã Tân Sỏi là đơn vị dẫn đầu Cụm thi đua các xã thuộc huyện Yên Thế năm 2019; "
        "Sở Du lịch dẫn đầu Khối thi đua các cơ quan quản lý nhà nước về văn hóa - xã hội."))]
    assert got == ["Cụm thi đua các xã thuộc huyện Yên Thế", "Khối thi đua các cơ quan quản lý nhà nước về văn hóa - xã hội"]
    assert [c["label"] for c in clusters_of(analyze(
        "Đại diện Khối thi đua các doanh nghiệp tỉnh về dự hội nghị tổng kết năm 2022 tại Hà Nội."))] == [
        "Khối thi đua các doanh nghiệp tỉnh"]


def test_table_rows_give_items_from_the_unit_cell():
    a = analyze("Cụm thi đua số 9 gồm 3 đơn vị:\nSTT | Đơn vị | Nhiệm vụ\n1 | Cục Thống kê tỉnh Trà Vinh | Cụm trưởng\n"
                "2 | Cục Thống kê tỉnh Vĩnh Long | Thành viên\n3 | Cục Thống kê tỉnh Bến Tre | Thành viên")
    items = lists.bullet_items(a, 0)
    assert [(i.text, i.province) for i in items] == [
        ("Cục Thống kê tỉnh Trà Vinh", "Trà Vinh"), ("Cục Thống kê tỉnh Vĩnh Long", "Vĩnh Long"),
        ("Cục Thống kê tỉnh Bến Tre", "Bến Tre")]


# 15. an enterprise's name holding "và" is one holder; "và" before another unit still joins two
@pytest.mark.parametrize("text,expected", [
    ("Khối thi đua các doanh nghiệp tỉnh Nam Định tổng kết công tác thi đua năm 2019. Hội nghị suy tôn Công ty Cổ phần "
     "Xây dựng và Thương mại Nam Định là đơn vị dẫn đầu Khối năm 2019.",
     [("leading_unit", "Công ty Cổ phần Xây dựng và Thương mại Nam Định", 2019)]),
    ("Khối thi đua các doanh nghiệp tỉnh Nam Định tổng kết năm 2019. Năm 2020, Công ty TNHH MTV Xổ số kiến thiết Nam Định "
     "làm Khối trưởng, Công ty Cổ phần Đầu tư và Phát triển nhà Nam Định làm Khối phó.",
     [("leader", "Công ty TNHH MTV Xổ số kiến thiết Nam Định", 2020),
      ("deputy", "Công ty Cổ phần Đầu tư và Phát triển nhà Nam Định", 2020)]),
    ("Khối thi đua các doanh nghiệp tỉnh Hưng Yên tổng kết năm 2021. Hội nghị suy tôn Công ty Cổ phần Cấp nước Hưng Yên "
     "và Công ty Điện lực Hưng Yên là hai đơn vị dẫn đầu Khối năm 2021.",
     [("leading_unit", "Công ty Cổ phần Cấp nước Hưng Yên", 2021), ("leading_unit", "Công ty Điện lực Hưng Yên", 2021)]),
], ids=["suy-ton-firm", "leader-deputy-firms", "two-firms"])
def test_firm_names_with_va(text, expected):
    [c] = clusters_of(analyze(text))
    assert [(r["role"], r["unit"], r["year"]) for r in c["roles"]] == expected


def test_members_after_a_reorganisation_clause():
    from extract.frontend import analyze

    text = ("Sau khi sắp xếp đơn vị hành chính, Cụm thi đua số 2 được kiện toàn theo Quyết định số 45/QĐ-BTC ngày "
            "3/9/2025 của Bộ trưởng Bộ Tài chính, gồm Sở Tài chính 3 tỉnh: Cà Mau, An Giang và Vĩnh Long.")
    assert [c["members"] for c in clusters_of(analyze(text))] == [["Cà Mau", "An Giang", "Vĩnh Long"]]
