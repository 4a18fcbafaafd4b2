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
