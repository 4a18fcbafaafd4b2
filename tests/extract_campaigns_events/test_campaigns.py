"""Campaigns: named movements only, with kind, launcher and period."""

from __future__ import annotations

import pytest

from extract.fields import campaigns
from extract.frontend import analyze

from .conftest import article_paths, strip

ARTICLES = [p.stem for p in article_paths()]


@pytest.mark.parametrize("name", ARTICLES)
def test_article_campaigns(analysed, name):
    a, expected = analysed[name]
    assert strip(campaigns.extract(a)) == expected["campaigns"]


def test_near_miss_articles_have_no_campaigns(analysed):
    for name, (a, _) in analysed.items():
        if name.startswith("nearmiss"):
            assert campaigns.extract(a) == [], name


CASES = [
    # (sentence, expected [(name, kind, launched_by, period)])
    ("UBND tỉnh Long An ban hành Kế hoạch phát động phong trào thi đua đặc biệt “Chung sức vượt qua đại dịch” giai đoạn 2021 - 2022.",
     [("Chung sức vượt qua đại dịch", "đặc biệt", "UBND tỉnh Long An", "2021-2022")]),
    ("Các đơn vị hưởng ứng phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” do Thủ tướng Chính phủ phát động.",
     [("Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau", None, "Thủ tướng Chính phủ", None)]),
    # unclosed and mismatched quotes
    ("Sở thực hiện tốt các phong trào thi đua chuyên đề, như: phong trào “Dân vận khéo; phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển“.",
     [("Dân vận khéo", "chuyên đề", None, None), ("Doanh nghiệp Việt Nam hội nhập và phát triển", "chuyên đề", None, None)]),
    # unquoted well-known movement
    ("Toàn ngành tích cực tham gia Phong trào chung sức xây dựng nông thôn mới giai đoạn 2021-2025.",
     [("Chung sức xây dựng nông thôn mới", None, None, "2021-2025")]),
    # "X là phong trào thi đua thường xuyên"
    ("Phong trào thi đua “Vì an ninh Tổ quốc” là phong trào thi đua thường xuyên của lực lượng Công an.",
     [("Vì an ninh Tổ quốc", "thường xuyên", None, None)]),
    # possessive "có phong trào"
    ("Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh có phong trào: “Mỗi thầy cô giáo là một tấm gương tự học”.",
     [("Mỗi thầy cô giáo là một tấm gương tự học", None, "Sở Giáo dục và Đào tạo Hà Tĩnh", None)]),
]

NEGATIVE = [
    "Năm 2020, các đơn vị hưởng ứng phong trào thi đua yêu nước và các phong trào thi đua của ngành.",
    "Tích cực hưởng ứng phát động phong trào thi đua năm 2021 của Bộ Thông tin và Truyền thông với chủ đề: “Thi đua đổi mới, sáng tạo”.",
    "Toàn ngành triển khai thực hiện mục tiêu, nhiệm vụ của Đại hội Thi đua yêu nước toàn quốc lần thứ X.",
    "Nhà trường đã tổ chức phong trào thể dục thể thao và hội thi văn nghệ với tinh thần “Vui - Khỏe - Bổ ích”.",
    "Thông qua phong trào thi đua nhằm động viên, khuyến khích cán bộ, công chức hoàn thành nhiệm vụ.",
    "Cơ quan báo chí tuyên truyền với tinh thần “Nhân cái đẹp, dẹp cái xấu, lấy tích cực đẩy lùi tiêu cực”.",
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[1][0][0][:30] for c in CASES])
def test_sentence_cases(sentence, expected):
    got = [(c["name"], c["kind"], c["launched_by"], c["period"]) for c in campaigns.extract(analyze("Tin tức\n\n" + sentence))]
    assert got == expected


@pytest.mark.parametrize("sentence", NEGATIVE, ids=[s[:30] for s in NEGATIVE])
def test_generic_mentions_are_not_campaigns(sentence):
    assert campaigns.extract(analyze("Tin tức\n\n" + sentence)) == []


def test_kind_inherited_from_previous_sentence():
    text = ("Tin tức\n\nBên cạnh các phong trào thi đua thường xuyên, các đơn vị chú trọng phát động các phong trào thi đua theo chuyên đề. "
            "Điển hình như Sở Y tế tỉnh Sơn La có phong trào “Lương y phải như từ mẫu”.")
    got = campaigns.extract(analyze(text))
    assert [(c["name"], c["kind"], c["launched_by"]) for c in got] == [("Lương y phải như từ mẫu", "chuyên đề", "Sở Y tế Sơn La")]


def test_evidence_points_into_the_normalised_text():
    a = analyze("Tin tức\n\nCông đoàn ngành phát động phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2019.")
    (c,) = campaigns.extract(a)
    ev = c["evidence"]
    assert "Lao động giỏi, lao động sáng tạo" in a.text[ev["start"]: ev["end"]]
    assert a.sentences[ev["sentence_index"]].text == ev["sentence"]


def test_quoted_spans_tolerates_mismatched_quotes():
    t = 'phong trào "Xanh - Sạch - Đẹp“ và phong trào “Người tốt, việc tốt"'
    assert [t[s:e] for s, e, _ in campaigns.quoted_spans(t)] == ["Xanh - Sạch - Đẹp", "Người tốt, việc tốt"]


# ------------------------------------------------------------------ lists of quoted names (issue #3, blind set)
LIST_CASES = [
    # a plural group with its kind, a predicate, then "như:" and names separated by ";"
    ("Các phong trào thi đua chuyên đề được Hội Liên hiệp Phụ nữ các cấp triển khai sâu rộng như: “Phụ nữ khởi nghiệp”; "
     "“Chi hội 5 không, 3 sạch”; “Mẹ đỡ đầu”.",
     [("Phụ nữ khởi nghiệp", "chuyên đề", None), ("Chi hội 5 không, 3 sạch", "chuyên đề", None), ("Mẹ đỡ đầu", "chuyên đề", None)]),
    # "gồm" without colon, names joined by "," and "và"
    ("Hội Nông dân huyện duy trì những phong trào thi đua thường xuyên gồm “Nông dân sản xuất giỏi”, "
     "“Nông dân chung sức xây dựng nông thôn mới” và “Nông dân tham gia bảo đảm quốc phòng, an ninh”.",
     [("Nông dân sản xuất giỏi", "thường xuyên", None), ("Nông dân chung sức xây dựng nông thôn mới", "thường xuyên", None),
      ("Nông dân tham gia bảo đảm quốc phòng, an ninh", "thường xuyên", None)]),
    # a list after a direct cue, no kind; and a list of cuộc vận động
    ("Bên cạnh đó, các phong trào “Cựu chiến binh làm kinh tế giỏi”, “Cựu chiến binh gương mẫu” được hội viên hưởng ứng.",
     [("Cựu chiến binh làm kinh tế giỏi", None, None), ("Cựu chiến binh gương mẫu", None, None)]),
    # "theo đợt" is a kind outside the contract: null, and not inherited from the group before it
    ("Nhà trường triển khai các phong trào thi đua chuyên đề: “Trường học số”; “Thư viện xanh”; và phong trào thi đua "
     "theo đợt “Hoa điểm 10 dâng thầy cô” chào mừng ngày 20/11.",
     [("Trường học số", "chuyên đề", None), ("Thư viện xanh", "chuyên đề", None), ("Hoa điểm 10 dâng thầy cô", None, None)]),
    # launcher given inside the group predicate: "do … phát động như"
    ("Các phong trào thi đua do Bộ Giáo dục và Đào tạo phát động như “Học sinh 3 tốt”, “Sinh viên 5 tốt” được duy trì.",
     [("Học sinh 3 tốt", None, "Bộ Giáo dục và Đào tạo"), ("Sinh viên 5 tốt", None, "Bộ Giáo dục và Đào tạo")]),
]

LIST_NEGATIVE = [
    # the list belongs to something else: resolutions, models, titles, arts and sports
    "Các phong trào thi đua được gắn với việc thực hiện các nghị quyết của Đảng như: “Nghị quyết Trung ương 4 khóa XII”.",
    "Nhiều phong trào thi đua được cụ thể hóa bằng các mô hình như: “Camera an ninh”, “Tuyến đường tự quản”.",
    "Trong dịp Tết, các phong trào văn nghệ, thể thao được tổ chức như: “Hội diễn nghệ thuật quần chúng”, “Giải cờ tướng”.",
    # a quoted list not introduced by a movement cue
    "Các đơn vị phải thực hiện nghiêm “3 công khai”, “4 đúng” trong thu chi ngân sách năm 2023.",
]


@pytest.mark.parametrize("sentence,expected", LIST_CASES, ids=[c[1][0][0][:30] for c in LIST_CASES])
def test_quoted_lists_of_movements(sentence, expected):
    got = [(c["name"], c["kind"], c["launched_by"]) for c in campaigns.extract(analyze("Tin tức\n\n" + sentence))]
    assert got == expected


@pytest.mark.parametrize("sentence", LIST_NEGATIVE, ids=[s[:30] for s in LIST_NEGATIVE])
def test_quoted_lists_of_other_things(sentence):
    assert campaigns.extract(analyze("Tin tức\n\n" + sentence)) == []


def test_provincial_launcher_takes_the_article_province():
    text = ("Tin tức\n\nTuổi trẻ Hà Tĩnh ra quân tình nguyện hè\nNgày đăng: 02/06/2020\n\n"
            "Đoàn viên, thanh niên tỉnh Hà Tĩnh hưởng ứng phong trào thi đua “Thanh niên tình nguyện vì cộng đồng” "
            "do Tỉnh đoàn phát động.")
    (c,) = campaigns.extract(analyze(text))
    assert (c["name"], c["launched_by"]) == ("Thanh niên tình nguyện vì cộng đồng", "Tỉnh đoàn Hà Tĩnh")


def test_cuoc_van_dong_counts_in_an_emulation_article_only():
    body = "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” tiếp tục được các tiểu thương hưởng ứng."
    emulation = "Tin tức\n\nSở Công Thương tổng kết công tác thi đua, khen thưởng năm 2022\nNgày đăng: 10/01/2023\n\n" + body
    trade = "Tin tức\n\nChợ phiên hàng Việt về nông thôn\nNgày đăng: 10/01/2023\n\n" + body
    assert [c["name"] for c in campaigns.extract(analyze(emulation))] == ["Người Việt Nam ưu tiên dùng hàng Việt Nam"]
    assert campaigns.extract(analyze(trade)) == []


def test_bullet_lines_after_a_list_header():
    text = ("Tin tức\n\nCục Thuế tổng kết thi đua năm 2018\nNgày đăng: 08/01/2019\n\n"
            "Năm 2018, Cục Thuế tỉnh Hậu Giang thực hiện các phong trào thi đua theo chuyên đề sau:\n"
            "- “Cán bộ thuế nói không với tiêu cực”;\n"
            "- “Hóa đơn điện tử vì doanh nghiệp”.\n"
            "Kết quả, 100% phòng đạt danh hiệu Tập thể lao động tiên tiến.\n"
            "- “Không thuộc danh sách”.")
    got = [(c["name"], c["kind"]) for c in campaigns.extract(analyze(text))]
    assert got == [("Cán bộ thuế nói không với tiêu cực", "chuyên đề"), ("Hóa đơn điện tử vì doanh nghiệp", "chuyên đề")]
