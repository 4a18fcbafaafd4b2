"""Generalisation cases (issue #3): deadlines, history, ad-hoc drives, gifts, glued predicates, title-case names.

Each case is one sentence of the administrative-news register, placed in a
minimal page with a publication date, and checked through the public
``extract`` of the field module concerned.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extract.fields import campaigns, documents, events, people, themes
from extract.frontend import analyze


def page(sentence: str, published: str) -> str:
    """A minimal saved page: section label, date line, one body paragraph."""
    y, m, d = published.split("-")
    return f"Tin tức\nNgày đăng: {d}/{m}/{y}\n\n{sentence}"


# ------------------------------------------------------------------ events
EVENT_CASES = [
    # (sentence, published, expected [(kinds, date)])
    ("Chiều 3/5, Phó Chủ tịch UBND tỉnh yêu cầu các chủ đầu tư tháo gỡ vướng mắc, đồng thời phát động thi đua hoàn thành "
     "các công trình trước ngày 30/9 theo Kế hoạch số 45/KH-UBND.", "2024-05-06", []),
    ("Các sở, ngành báo cáo UBND tỉnh chậm nhất ngày 15/6 để tổng kết, đánh giá.", "2024-05-06", []),
    ("Sáng 20/1, Hội Chữ thập đỏ tỉnh trao tặng 200 suất quà Tết cho hộ nghèo tại huyện Tân Hiệp.", "2024-01-22", []),
    ("Ngày 15/3/2019, UBND tỉnh phát động phong trào thi đua “Đồng Nai chung sức xây dựng nông thôn mới”.", "2024-03-01", []),
    ("Tháng 4/2023, Bộ Tài chính đã ký kết giao ước thi đua với các đơn vị trực thuộc.", "2023-12-11", []),
    ("Năm 2015, Sở Y tế đã phát động phong trào “Xanh - Sạch - Đẹp” và tổ chức tổng kết vào năm 2020.", "2023-06-11", []),
    # positives: a dated ceremony, a dated launch of a movement, "ngày … tháng … năm", late December read in January
    ("Sáng 8/1, Công an tỉnh long trọng tổ chức Lễ phát động phong trào thi đua “Vì an ninh Tổ quốc” năm 2024.", "2024-01-09",
     [(["launch"], "2024-01-08")]),
    ("Ngày 15 tháng 3 năm 2022, Khối thi đua số 2 tổ chức ký kết giao ước thi đua năm học 2021 - 2022.", "2022-03-16",
     [(["pledge_signing"], "2022-03-15")]),
    ("Ngày 28/12, Cục Thuế tỉnh tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2020.", "2021-01-05",
     [(["review"], "2020-12-28")]),
    ("Chiều 10/10, Sở Nội vụ tổ chức Hội nghị sơ kết 9 tháng đầu năm, triển khai nhiệm vụ quý IV.", "2023-10-11",
     [(["midterm_review"], "2023-10-10")]),
    ("Sáng 3/4, Sở Y tế tổ chức Lễ phát động Tháng hành động vì an toàn thực phẩm năm 2024.", "2024-04-05", []),
    ("Sáng 3/4, Sở Nội vụ tổ chức Lễ trao quyết định bổ nhiệm Phó Giám đốc Sở Tài chính.", "2024-04-05", []),
    ("Sáng 3/4, UBND huyện tổ chức Lễ đón nhận Bằng xếp hạng di tích lịch sử cấp quốc gia đình Tân Phú.", "2024-04-05", []),
    ("Sáng 3/4, Sở Tư pháp tổ chức phát động đợt thi đua cao điểm chào mừng kỷ niệm 50 năm Ngày giải phóng miền Nam.", "2024-04-05",
     [(["launch"], "2024-04-03")]),
    ("Sáng 17/11, nhà trường tổ chức Lễ kỷ niệm 16 năm thành lập và đón nhận Huân chương Lao động hạng Nhì.", "2023-11-18",
     [(["award_ceremony"], "2023-11-17")]),
    # a conference of exemplary models / an emulation congress reviews its period and honours its models
    ("Sáng 22/5, tại Nhà văn hóa tỉnh, Công an tỉnh Hậu Giang tổ chức Hội nghị biểu dương điển hình tiên tiến giai đoạn "
     "2019 - 2024.", "2024-05-23", [(["review", "award_ceremony"], "2024-05-22")]),
    ("Ngày 9/9/2020, Bộ Chỉ huy Quân sự tỉnh Kon Tum long trọng tổ chức Đại hội thi đua quyết thắng giai đoạn 2015 - 2020.",
     "2020-09-10", [(["review", "award_ceremony"], "2020-09-09")]),
    # … one looked forward to is not held
    ("Ngày 5/3, Sở Tư pháp tổ chức hội nghị triển khai nhiệm vụ năm 2024, hướng tới Đại hội thi đua yêu nước toàn quốc "
     "lần thứ XI.", "2024-03-06", []),
    # what the congress also was, said in a sentence that goes on about it
    ("Sáng 14/8, UBND huyện Đức Trọng tổ chức Đại hội thi đua yêu nước lần thứ V. Cũng tại Đại hội, Chủ tịch UBND huyện "
     "đã phát động phong trào thi đua “Đức Trọng chung sức xây dựng nông thôn mới nâng cao”.", "2025-08-15",
     [(["review", "launch", "award_ceremony"], "2025-08-14")]),
]


@pytest.mark.parametrize("sentence,published,expected", EVENT_CASES, ids=[c[0][:30] for c in EVENT_CASES])
def test_event_cases(sentence, published, expected):
    got = [(e["kinds"], e["date"]) for e in events.extract(analyze(page(sentence, published)))]
    assert got == expected


@pytest.mark.parametrize("day,month,published,expected", [
    (30, 9, dt.date(2024, 5, 6), None),                  # a future day is a deadline or a plan
    (28, 12, dt.date(2021, 1, 5), dt.date(2020, 12, 28)),  # across the new year
    (3, 5, dt.date(2024, 5, 6), dt.date(2024, 5, 3)),
    (10, 5, dt.date(2024, 5, 6), dt.date(2024, 5, 10)),   # a few days' slack for late page dates
])
def test_resolve_date_does_not_push_future_days_into_last_year(day, month, published, expected):
    assert events.resolve_date(day, month, None, published, published.year) == expected


@pytest.mark.parametrize("text,expected", [
    ("hoàn thành các công trình trước ngày 30/9/2024", None),
    ("Ngày 15/3/2024, Sở tổ chức hội nghị", dt.date(2024, 3, 15)),
    ("báo cáo kết quả đến ngày 31/12/2024", None),
])
def test_sentence_date_skips_deadlines(text, expected):
    assert events.sentence_date(text, dt.date(2024, 5, 6), 2024) == expected


# ------------------------------------------------------------------ people
PEOPLE_CASES = [
    ("Dự có PGS.TS Nguyễn Văn Tuấn, Hiệu trưởng Trường Đại học Sư phạm Hà Nội 2 cùng đại diện các trường.",
     [("Nguyễn Văn Tuấn", "Hiệu trưởng Trường Đại học Sư phạm Hà Nội 2")]),
    ("Dự hội nghị có Thiếu tướng Nguyễn Văn Nam, Phó Tư lệnh Quân khu 5.",
     [("Nguyễn Văn Nam", "Phó Tư lệnh Quân khu 5")]),
    ("Có mặt ông Nguyễn Văn Phúc, Phó Vụ trưởng Vụ Giáo dục Đại học (Bộ Giáo dục và Đào tạo) và đại diện các trường.",
     [("Nguyễn Văn Phúc", "Phó Vụ trưởng Vụ Giáo dục Đại học (Bộ Giáo dục và Đào tạo)")]),
    ("Phát biểu tại buổi lễ, TS Đoàn Hoài Sơn, Hiệu trưởng Trường Đại học Hà Tĩnh điểm lại chặng đường 16 năm.",
     [("Đoàn Hoài Sơn", "Hiệu trưởng Trường Đại học Hà Tĩnh")]),
    ("Phát biểu tại hội nghị, ông Nguyễn Minh Trí, Phó Giám đốc Sở Giáo dục và Đào tạo đề nghị các trường đổi mới.",
     [("Nguyễn Minh Trí", "Phó Giám đốc Sở Giáo dục và Đào tạo")]),
    ("Đến dự có ông Lê Văn Thành - Phó Giám đốc Công an TP. Cần Thơ và bà Phạm Thị Hoa, Chủ tịch Công đoàn ngành Giáo dục tỉnh Bến Tre.",
     [("Lê Văn Thành", "Phó Giám đốc Công an TP. Cần Thơ"), ("Phạm Thị Hoa", "Chủ tịch Công đoàn ngành Giáo dục tỉnh Bến Tre")]),
    ("Theo bà Lê Thị Thanh Hương, Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Quảng Trị, nhiều hộ đã thoát nghèo.",
     [("Lê Thị Thanh Hương", "Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Quảng Trị")]),
    ("Đoàn do bà Robyn Mudie, Đại sứ Australia tại Việt Nam làm trưởng đoàn.",
     [("Robyn Mudie", "Đại sứ Australia tại Việt Nam")]),
    ("Trung tá Lê Văn Bình, Phó Trưởng Công an huyện Krông Pắc (tỉnh Đắk Lắk) đã trao quà.",
     [("Lê Văn Bình", "Phó Trưởng Công an huyện Krông Pắc (tỉnh Đắk Lắk)")]),
    ("Chủ tịch Hội đồng quản trị Vietcombank Phạm Quang Dũng phát biểu.",
     [("Phạm Quang Dũng", "Chủ tịch Hội đồng quản trị Vietcombank")]),
    ("Chủ tịch UBND tỉnh Y Thanh Hà Niê Kđăm dự hội nghị.",
     [("Y Thanh Hà Niê Kđăm", "Chủ tịch UBND tỉnh")]),
    ("Ông Lê Quang Hùng - Trưởng phòng Tổ chức cán bộ, Sở Giáo dục và Đào tạo tỉnh Quảng Nam cho biết.",
     [("Lê Quang Hùng", "Trưởng phòng Tổ chức cán bộ, Sở Giáo dục và Đào tạo tỉnh Quảng Nam")]),
    # a count after a place name is not part of the position
    ("Ông Trần Văn Nam, Giám đốc Sở Tài chính tỉnh Hà Tĩnh 5 năm liền được tặng Bằng khen.",
     [("Trần Văn Nam", "Giám đốc Sở Tài chính tỉnh Hà Tĩnh")]),
]


@pytest.mark.parametrize("sentence,expected", PEOPLE_CASES, ids=[c[1][0][0] for c in PEOPLE_CASES])
def test_people_cases(sentence, expected):
    got = [(p["name"], p["position"]) for p in people.extract(analyze("Tin tức\n\n" + sentence))]
    assert got == expected


# ------------------------------------------------------------------ campaigns
CAMPAIGN_CASES = [
    ("Bộ Chỉ huy tổ chức Hội nghị sơ kết 6 tháng đầu năm phong trào Thi đua Quyết thắng và cuộc vận động “Phát huy truyền thống”.",
     [("Quyết thắng", None, None, None), ("Phát huy truyền thống", None, None, None)]),
    ("Năm 2015, Sở Y tế đã phát động phong trào “Xanh - Sạch - Đẹp” trong các bệnh viện.",
     [("Xanh - Sạch - Đẹp", None, "Sở Y tế", None)]),
    ("Thủ tướng Chính phủ ký ban hành Chỉ thị số 14/CT-TTg phát động phong trào thi đua “Cả nước chung tay vì người nghèo”. "
     "Phong trào thi đua là phong trào thi đua đặc biệt, được triển khai sâu rộng.",
     [("Cả nước chung tay vì người nghèo", "đặc biệt", "Thủ tướng Chính phủ", None)]),
]

CAMPAIGN_CASES += [
    # a group joined by "và" does not lend its kind to the next movement
    ("Tỉnh triển khai các phong trào thi đua thường xuyên và phong trào thi đua “Cả nước thi đua xây dựng xã hội học tập, "
     "đẩy mạnh học tập suốt đời” giai đoạn 2023-2030.",
     [("Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời", None, None, "2023-2030")]),
    # an unquoted well-known name is read to its end, not to a shorter known prefix
    ("Hội Nông dân tỉnh triển khai phong trào nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững.",
     [("Nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững", None, None, None)]),
    # a list joined with "và", the launcher shared
    ("UBND tỉnh phát động phong trào thi đua “Đồng Tháp chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025 và cuộc vận động "
     "“Người Đồng Tháp ưu tiên dùng hàng Đồng Tháp”.",
     [("Đồng Tháp chung sức xây dựng nông thôn mới", None, "UBND tỉnh Đồng Tháp", "2021-2025"),
      ("Người Đồng Tháp ưu tiên dùng hàng Đồng Tháp", None, "UBND tỉnh Đồng Tháp", None)]),
]

CAMPAIGN_NEGATIVE = [
    "Phong trào khởi nghiệp đổi mới sáng tạo của tỉnh ngày càng lan tỏa.",
    "Phong trào văn nghệ, thể dục thể thao quần chúng tiếp tục phát triển mạnh mẽ ở cơ sở.",
    "Phó Chủ tịch UBND tỉnh đồng thời phát động thi đua hoàn thành các công trình trước ngày 30/9.",
    "Các địa phương tiếp tục truyền thông để người dân hưởng ứng cuộc vận động tiêm chủng.",
    "Các doanh nghiệp cũng thi đua giới thiệu sản phẩm, giải pháp mới tại Hội chợ Thương mại Lạng Sơn.",
    "Phong trào thi đua Ngành Thuế tỉnh Long An đạt nhiều kết quả.",
]


@pytest.mark.parametrize("text,expected", CAMPAIGN_CASES, ids=[c[1][0][0][:25] for c in CAMPAIGN_CASES])
def test_campaign_cases(text, expected):
    got = [(c["name"], c["kind"], c["launched_by"], c["period"]) for c in campaigns.extract(analyze("Tin tức\n\n" + text))]
    assert got == expected


def test_bulleted_list_of_movements():
    text = ("Tin tức\n\nSáng 3/4, Sở Nội vụ tổ chức hội nghị tổng kết công tác thi đua năm 2023 với nhiều nội dung quan trọng.\n"
            "Trong năm, các phong trào thi đua tiêu biểu của ngành được triển khai gồm:\n"
            "- Phong trào Toàn dân tham gia bảo vệ môi trường sống ở khu dân cư;\n"
            "- Phong trào thi đua “Dân vận khéo” trong cán bộ, công chức toàn ngành.\n"
            "Hội nghị đã thống nhất các nhiệm vụ trọng tâm năm 2024 của toàn ngành nội vụ.")
    got = [c["name"] for c in campaigns.extract(analyze(text))]
    assert got == ["Toàn dân tham gia bảo vệ môi trường sống ở khu dân cư", "Dân vận khéo"]


@pytest.mark.parametrize("sentence", CAMPAIGN_NEGATIVE, ids=[s[:25] for s in CAMPAIGN_NEGATIVE])
def test_not_campaigns(sentence):
    assert campaigns.extract(analyze("Tin tức\n\n" + sentence)) == []


# ------------------------------------------------------------------ themes
THEME_CASES = [
    # the year of a cited document's date is not the emulation year
    ("Năm học 2021 - 2022, toàn ngành thi đua với chủ đề “Đổi mới, sáng tạo” và thực hiện Chỉ thị số 800/CT-BGDĐT "
     "ngày 24 tháng 8 năm 2021 của Bộ Giáo dục và Đào tạo.", "2022-03-16", [("Đổi mới, sáng tạo", "chủ đề", 2021)]),
    ("Toàn ngành thi đua với chủ đề “Kỷ cương, liêm chính” theo Kế hoạch ban hành ngày 5 tháng 1 năm 2023.", "2024-02-01",
     [("Kỷ cương, liêm chính", "chủ đề", 2024)]),
]

THEME_NEGATIVE = [
    "Chương trình nghệ thuật với chủ đề “Mùa xuân dâng Đảng” thu hút đông đảo khán giả.",
    "Sở Văn hóa phát động cuộc thi sáng tác ảnh với chủ đề “Quê hương tươi đẹp”.",
    "Tuần lễ du lịch năm 2024 với khẩu hiệu “Điểm đến an toàn, thân thiện” diễn ra tại thành phố Hạ Long.",
    "Sở KH&CN tổ chức Hội thảo khoa học với chủ đề “Ứng dụng công nghệ số trong sản xuất nông nghiệp”.",
    "Sở Y tế khuyến cáo người dân thực hiện nghiêm thông điệp “5K: Khẩu trang – Khử khuẩn – Khoảng cách”.",
    "Các cơ sở y tế thực hiện Công văn số 1215/SYT-NVY về phòng, chống dịch với khẩu hiệu “Chống dịch như chống giặc”.",
    "Ban tổ chức cho biết Hội thi tìm hiểu pháp luật năm 2023 với chủ đề “Thượng tôn pháp luật” thu hút 500 thí sinh.",
]


@pytest.mark.parametrize("sentence,published,expected", THEME_CASES, ids=[c[2][0][0][:20] for c in THEME_CASES])
def test_theme_cases(sentence, published, expected):
    got = [(t["text"], t["kind"], t["year"]) for t in themes.extract(analyze(page(sentence, published)))]
    assert got == expected


@pytest.mark.parametrize("sentence", THEME_NEGATIVE, ids=[s[:25] for s in THEME_NEGATIVE])
def test_not_themes(sentence):
    assert themes.extract(analyze("Tin tức\n\n" + sentence)) == []


# ------------------------------------------------------------------ documents
DOC_CASES = [
    ("Các quyết định ban hành theo Luật Thi đua, Khen thưởng và Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.",
     [("Nghị định", "91/2017/NĐ-CP", "2017-07-31")]),
    ("Ngày 16 tháng 5 năm 2021, Thủ tướng Chính phủ ký ban hành Chỉ thị số 14/CT-TTg phát động phong trào thi đua.",
     [("Chỉ thị", "14/CT-TTg", "2021-05-16")]),
    # without a year the leading date is not taken as the document's date
    ("Ngày 21/7, Sở ban hành Kế hoạch số 87/KH-SKHCN và thực hiện Quyết định số 12/QĐ-UBND.",
     [("Kế hoạch", "87/KH-SKHCN", None), ("Quyết định", "12/QĐ-UBND", None)]),
]


@pytest.mark.parametrize("sentence,expected", DOC_CASES, ids=[c[1][0][1] for c in DOC_CASES])
def test_document_cases(sentence, expected):
    got = [(d["kind"], d["number"], d["date"]) for d in documents.extract(analyze("Tin tức\n\n" + sentence))]
    assert got == expected


def test_attachment_name_is_not_a_citation():
    assert documents.extract(analyze("Tin tức\n\nTập tin đính kèm: 2987-QD-UBND.pdf")) == []


# ------------------------------------------------------------------ near-miss articles: nothing but documents and people
def test_near_miss_articles_have_no_events_or_themes(analysed):
    for name, (a, _) in analysed.items():
        if name.startswith("nearmiss"):
            assert events.extract(a) == [], name
            assert themes.extract(a) == [], name


# ------------------------------------------------------------------ a quotation broken over a line break
_LEAD = "Tin tức\nNgày đăng: 03/04/2019\n\nLiên đoàn Lao động tỉnh tổ chức nhiều hoạt động thiết thực hướng về cơ sở trong tháng Công nhân năm nay.\n"


def test_quoted_name_wrapped_over_two_lines_is_one_campaign():
    text = (_LEAD + "Chiều 2/4, Liên đoàn Lao động tỉnh Phú Yên phát động phong trào thi đua “Công nhân, viên chức, lao động "
            "Phú Yên lao động giỏi, sáng tạo,\nvượt khó hoàn thành thắng lợi nhiệm vụ năm 2019” trong toàn tỉnh.")
    assert [c["name"] for c in campaigns.extract(analyze(text))] == [
        "Công nhân, viên chức, lao động Phú Yên lao động giỏi, sáng tạo, vượt khó hoàn thành thắng lợi nhiệm vụ năm 2019"]


def test_theme_wrapped_over_two_lines_is_one_theme():
    text = (_LEAD + "Năm 2019, công tác thi đua, khen thưởng của tỉnh được triển khai với chủ đề “Kỷ cương, trách nhiệm,\n"
            "hành động, sáng tạo, phát triển bền vững kinh tế biển”.")
    assert [(t["text"], t["year"]) for t in themes.extract(analyze(text))] == [
        ("Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển bền vững kinh tế biển", 2019)]


@pytest.mark.parametrize("first,second", [
    # the next line opens a sentence of its own (capital letter): not a continuation
    ("Sở Y tế phát động phong trào “Bệnh viện xanh, sạch, đẹp,", "Các đơn vị đăng ký thi đua trước ngày 30/4."),
    # the first line ends its sentence
    ("Sở Y tế phát động phong trào “Bệnh viện xanh, sạch, đẹp”.", "trong đó có 12 bệnh viện tuyến huyện tham gia."),
    # the next line goes on but opens a quotation of its own
    ("Sở Y tế phát động phong trào “Bệnh viện xanh, sạch, đẹp,", "cuộc vận động “Nói không với phong bì” cũng được duy trì."),
])
def test_lines_not_rejoined(first, second):
    from extract.constructions.quotes import rejoin_broken_quotes

    a = analyze(_LEAD + first + "\n" + second)
    assert len(rejoin_broken_quotes(a)) == len(a.sentences)
