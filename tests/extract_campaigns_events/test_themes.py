"""Themes: chủ đề / khẩu hiệu / phương châm of an emulation year or plan."""

from __future__ import annotations

import pytest

from extract.fields import themes
from extract.frontend import analyze

from .conftest import article_paths, strip


@pytest.mark.parametrize("name", [p.stem for p in article_paths()])
def test_article_themes(analysed, name):
    a, expected = analysed[name]
    assert strip(themes.extract(a)) == expected["themes"]


CASES = [
    ("Năm 2024, ngành Thuế tỉnh Nghệ An phát động phong trào thi đua với chủ đề “Kỷ cương, liêm chính, hiện đại”.",
     [("Kỷ cương, liêm chính, hiện đại", "chủ đề", 2024)]),
    # colon-introduced, no quotes, year after the cue
    ("Các Sở Y tế thống nhất chủ đề thi đua năm 2021: Đoàn kết, đổi mới, vượt khó, hoàn thành xuất sắc nhiệm vụ.",
     [("Đoàn kết, đổi mới, vượt khó, hoàn thành xuất sắc nhiệm vụ", "chủ đề", 2021)]),
    # phương châm → khẩu hiệu; a quoted theme containing a full stop
    ("Cụm thi đua số 4 thi đua theo phương châm hành động “Đã nói là làm. Đã cam kết phải thực hiện” trong năm 2022.",
     [("Đã nói là làm. Đã cam kết phải thực hiện", "khẩu hiệu", 2022)]),
    ("Khối thi đua các trường đại học thi đua với khẩu hiệu thi đua: “Dạy thực chất - Học thực chất”; năm 2018 là năm bản lề.",
     [("Dạy thực chất - Học thực chất", "khẩu hiệu", 2018)]),
]

NEGATIVE = [
    "Hội thảo với chủ đề “Chuyển đổi số trong giáo dục” thu hút 200 đại biểu tham gia thi đua.",
    "Các cơ quan báo chí tuyên truyền với tinh thần “Nhân cái đẹp, dẹp cái xấu”.",
    "Người dân cần thực hiện tốt thông điệp 5K “Khẩu trang - Khử khuẩn - Khoảng cách - Không tập trung - Khai báo y tế”.",
    "Chương trình nghệ thuật với chủ đề “Mùa xuân trên quê hương” diễn ra tối 12/2.",
    "Ngày hội đọc sách với chủ đề “Sách - Người bạn đồng hành” được tổ chức tại thư viện tỉnh.",
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[1][0][0][:25] for c in CASES])
def test_sentence_cases(sentence, expected):
    got = [(t["text"], t["kind"], t["year"]) for t in themes.extract(analyze("Tin tức\n\n" + sentence))]
    assert got == expected


@pytest.mark.parametrize("sentence", NEGATIVE, ids=[s[:25] for s in NEGATIVE])
def test_not_themes(sentence):
    assert themes.extract(analyze("Tin tức\n\n" + sentence)) == []


def test_article_context_allows_a_slogan_without_thi_dua_in_its_sentence():
    text = ("Cụm thi đua số 5 tổng kết công tác thi đua năm 2019\n\n"
            "Sáng 12/1, Cụm thi đua số 5 tổ chức hội nghị tổng kết. "
            "Lãnh đạo Bộ đề nghị các đơn vị thực hiện phương châm “Kỷ cương, trách nhiệm, hiệu quả” trong năm 2020.")
    got = [(t["text"], t["year"]) for t in themes.extract(analyze(text))]
    assert got == [("Kỷ cương, trách nhiệm, hiệu quả", 2020)]


def emulation_page(sentence: str) -> str:
    """A page whose title makes it an emulation article, with ``sentence`` as its body."""
    return "Tin tức\n\nKhối thi đua các sở tổng kết công tác năm\nNgày đăng: 20/12/2021\n\n" + sentence


# ------------------------------------------------------------------ owners and bare slogans (issue #3, blind set)
OWNER_AND_BARE_CASES = [
    # the owner of the theme between cue and quote: "chủ đề năm Y của <owner>:"
    ("Các đơn vị thống nhất thực hiện chủ đề năm 2022 của tỉnh: “Kỷ cương, hành động, phục hồi, tăng tốc”.",
     [("Kỷ cương, hành động, phục hồi, tăng tốc", "chủ đề", 2022)]),
    ("Thực hiện chủ đề điều hành năm 2020 của UBND tỉnh Sơn La là “Đoàn kết, kỷ cương, sáng tạo”, các sở đã hoàn thành chỉ tiêu.",
     [("Đoàn kết, kỷ cương, sáng tạo", "chủ đề", 2020)]),
    # an unquoted dashed slogan right after the cue
    ("Năm 2016, Cục Thuế thực hiện khẩu hiệu thi đua Kỷ cương - Liêm chính - Hiện đại - Hiệu quả trong toàn ngành.",
     [("Kỷ cương - Liêm chính - Hiện đại - Hiệu quả", "khẩu hiệu", 2016)]),
    ("Các trường phát động thi đua năm học 2019 với chủ đề Đổi mới - Sáng tạo - Chất lượng, hướng tới kỷ niệm ngày 20/11.",
     [("Đổi mới - Sáng tạo - Chất lượng", "chủ đề", 2019)]),
    # an unquoted capitalised comma list, running to the end of the clause
    ("Khối thi đua chọn chủ đề năm 2021 là Đoàn kết, trách nhiệm, đổi mới, hiệu quả.",
     [("Đoàn kết, trách nhiệm, đổi mới, hiệu quả", "chủ đề", 2021)]),
]

OWNER_AND_BARE_NEGATIVE = [
    # the owner is a festival
    "Chủ đề năm 2023 của Lễ hội Hoa anh đào là “Sắc xuân vùng cao”.",
    # a list of places after "chủ đề", and a two-part dashed compound
    "Hội nghị thi đua bàn chủ đề Hà Giang, Cao Bằng, Lạng Sơn liên kết phát triển.",
    "Các sở thảo luận thi đua theo chủ đề Kinh tế - Xã hội của năm.",
]


@pytest.mark.parametrize("sentence,expected", OWNER_AND_BARE_CASES, ids=[c[1][0][0][:25] for c in OWNER_AND_BARE_CASES])
def test_owner_and_bare_slogans(sentence, expected):
    got = [(t["text"], t["kind"], t["year"]) for t in themes.extract(analyze(emulation_page(sentence)))]
    assert got == expected


@pytest.mark.parametrize("sentence", OWNER_AND_BARE_NEGATIVE, ids=[s[:25] for s in OWNER_AND_BARE_NEGATIVE])
def test_owner_and_bare_not_themes(sentence):
    assert themes.extract(analyze(emulation_page(sentence))) == []
