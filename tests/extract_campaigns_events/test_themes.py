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
