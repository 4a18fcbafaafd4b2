"""View counters, bylines, attachments and the boilerplate line filters."""

from __future__ import annotations

import pytest
from parsel import Selector

from crawler.pages.attachments import find_attachments
from crawler.pages.clean import body_text, filter_lines
from crawler.pages.meta import clean_byline, parse_views


@pytest.mark.parametrize("text,views", [
    ("Lượt xem: 76", 76), ("7331 Lượt xem", 7331), ("Số lượt xem:   141", 141), ("Lượt người xem:  Views:   887", 887),
    ("Tin đăng ngày: 6/2/2020 - Xem: 92", 92), ("16/03/2021 | Lượt xem: 1.234", 1234), ("Hôm nay: 32", None),
    ("Tổng truy cập: 69.045", None), ("", None),
])
def test_parse_views(text: str, views: int | None) -> None:
    assert parse_views(text) == views


@pytest.mark.parametrize("text,author", [
    ("Tác giả : Tin, ảnh: Ý THIÊN |", "Ý THIÊN"), ("14/10/2021 | Yến Nhi", "Yến Nhi"), ("Nguồn: Báo Bình Dương", "Báo Bình Dương"),
    ("Người đăng:   Đoàn Thị Phước Tâm", "Đoàn Thị Phước Tâm"), ("Tin, ảnh: Minh Hạnh", "Minh Hạnh"),
    ("Submitted by Ban biên tập on 18 October 2019", "Ban biên tập"), ("08/09/2021", None), ("Lượt xem: 12", None),
    ("Theo đó, phong trào thi đua được triển khai cho các cơ quan, đơn vị, địa phương, tổ chức, doanh nghiệp trên địa bàn", None),
])
def test_clean_byline(text: str, author: str | None) -> None:
    assert clean_byline(text) == author


def test_attachments_by_extension_path_and_anchor_text() -> None:
    sel = Selector(text="""<div>
      <a href="/Lists/TinTucSuKien/Attachments/63615/giao%20duc.jpg">ảnh</a>
      <a href="/Lists/TinTucSuKien/Attachments/63615/QD%20khen%20thuong">Quyết định khen thưởng</a>
      <a href="4500-KH.signed.pdf">Tải về</a>
      <a href="/webcenter/documentContent?dDocName=PORTAL470982">Tải về</a>
      <a href="/Upload/FileUpload/bao-cao.xlsx">Báo cáo tổng kết</a>
      <a href="/handler?id=9">File đính kèm</a>
      <a href="/tin-tuc/khac-123">Tin khác</a></div>""")
    got = find_attachments(sel, "https://binhduong.gov.vn/Lists/TinTucSuKien/DispForm.aspx?ID=63615")
    assert got == [
        {"url": "https://binhduong.gov.vn/Lists/TinTucSuKien/Attachments/63615/QD%20khen%20thuong", "name": "Quyết định khen thưởng"},
        {"url": "https://binhduong.gov.vn/Lists/TinTucSuKien/4500-KH.signed.pdf", "name": "4500-KH.signed.pdf"},
        {"url": "https://binhduong.gov.vn/webcenter/documentContent?dDocName=PORTAL470982", "name": "PORTAL470982"},
        {"url": "https://binhduong.gov.vn/Upload/FileUpload/bao-cao.xlsx", "name": "Báo cáo tổng kết"},
        {"url": "https://binhduong.gov.vn/handler?id=9", "name": "handler"},
    ]


def test_sharepoint_display_form_chrome_and_field_label_runs_are_dropped() -> None:
    lines = ["Theo đó, phát động phong trào sâu rộng trong tập thể và cá nhân.", "Version HistoryVersion History",
             "Tiêu đề", "Hình ảnh", "Tóm tắt", "Nội dung", "Content Type: Tin Tức Mở Rộng", "Version:",
             "Created at by", "Last modified at by"]
    assert filter_lines(lines) == ["Theo đó, phát động phong trào sâu rộng trong tập thể và cá nhân."]


def test_a_single_label_like_line_inside_the_body_is_kept() -> None:
    lines = ["Đoạn một của bài viết về thi đua.", "Nội dung", "Đoạn hai của bài viết."]
    assert filter_lines(lines) == lines


@pytest.mark.parametrize("chrome", [
    "Cỡ chữ: Font size: Giảm (A-) Mặc định (A) Tăng (A+)", "Lượt người xem: Views: 194", "Chia sẻ:", "Share:",
    "Đang online: 1", "Hôm nay: 1", "Trong tuần: 1", "perm_identity Trong ngày: 32", "Ảnh: Minh họa", "anh tin bai",
    "image", "Giấy phép số 12/GP-TTĐT", "Ghi rõ nguồn 'http://daklak.gov.vn' khi phát hành lại thông tin", "Kế hoạch: Tải về 4500-KH.signed.pdf",
    "Tác giả : Tin, ảnh: Ý THIÊN |", "Manage PermissionsManage Permissions",
])
def test_chrome_lines_are_dropped(chrome: str) -> None:
    assert filter_lines(["Ngày 12/3/2021 Cụm thi đua số 7 tổ chức hội nghị.", chrome]) == [
        "Ngày 12/3/2021 Cụm thi đua số 7 tổ chức hội nghị."]


@pytest.mark.parametrize("tail", ["Tin khác", "Tin liên quan", "Các tin khác", "Thống kê truy cập", "Thư viện ảnh"])
def test_tail_lines_end_the_article(tail: str) -> None:
    assert filter_lines(["Đoạn đầu.", tail, "Một tin khác rất dài vẫn bị bỏ qua."]) == ["Đoạn đầu."]


def test_body_text_paragraphs_captions_scripts_and_br() -> None:
    sel = Selector(text="""<div id="b"><script>var x = 1;</script><p>Đoạn một<br>dòng hai</p>
      <figure><img src="a.jpg"><figcaption>Lãnh đạo tỉnh trao Bằng khen</figcaption></figure>
      <div class="share">Facebook Zalo</div><p>Ðoạn   hai hoà\u00a0bình.</p></div>""")
    assert body_text(sel.css("#b")[0]) == "Đoạn một\ndòng hai\n\nĐoạn hai hòa bình."
