"""The HTML line filters (crawler/pages/clean.py) and the plain-text ones (extract/boilerplate.py) share
data/boilerplate.toml: one loader, one place to add a rule; HTML-only variants stay in clean.py."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from crawler.pages import clean
from crawler.pages.clean import HTML_DROP_PATTERNS, filter_lines, line_rules
from extract import boilerplate as bp
from extract.boilerplate import RULES_PATH, rule_strings, split_page

TITLE = "Sở Thông tin và Truyền thông tỉnh Gia Lai tổng kết phong trào thi đua năm 2020"
PARA1 = ("Sáng ngày 15/01/2021, Sở Thông tin và Truyền thông tỉnh Gia Lai tổ chức hội nghị tổng kết công tác thi đua, "
         "khen thưởng năm 2020 và ký kết giao ước thi đua năm 2021 với các đơn vị trong Cụm thi đua số 6.")
PARA2 = ("Tại hội nghị, Giám đốc Sở đề nghị các phòng, đơn vị tiếp tục đẩy mạnh phong trào thi đua yêu nước, "
         "gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong toàn ngành.")


def text_body(line: str) -> list[str]:
    """Body lines that split_page keeps from a saved page with ``line`` between two real paragraphs."""
    text = "\n".join([TITLE, PARA1, line, PARA2])
    return [text[s:e] for s, e in split_page(text).body]


def html_body(line: str) -> list[str]:
    return filter_lines([PARA1, line, PARA2])


@pytest.fixture
def rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the one loader at a copy of data/boilerplate.toml that the test may extend."""
    path = tmp_path / "boilerplate.toml"
    path.write_text(RULES_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(bp, "_rule_table", lambda _path=None: tomllib.loads(path.read_text(encoding="utf-8")))
    bp.rules.cache_clear()
    line_rules.cache_clear()
    yield path
    bp.rules.cache_clear()
    line_rules.cache_clear()


@pytest.mark.parametrize("chrome", [
    "Cơ quan chủ quản: Ủy ban nhân dân tỉnh Gia Lai, Sở Thông tin và Truyền thông",
    "Từ khóa: thi đua, khen thưởng, cụm thi đua số 6, Gia Lai",
    "Tác giả: Nguyễn Văn An, Phòng Thi đua - Khen thưởng",
    "Ghi rõ nguồn Cổng thông tin điện tử tỉnh Gia Lai khi phát hành lại thông tin",
    "Tổng truy cập: 1.234.567 lượt kể từ ngày khai trương cổng",
    "Số lượt xem bài viết này tính đến hôm nay là 1.234",
])
def test_a_shared_rule_drops_the_line_in_html_and_in_saved_text(chrome: str) -> None:
    assert html_body(chrome) == [PARA1, PARA2]
    assert text_body(chrome) == [TITLE, PARA1, PARA2]


def test_a_rule_added_once_to_the_rules_file_applies_to_both_paths(rules_file: Path) -> None:
    line = "Quét mã QR để đọc bài viết này trên điện thoại của bạn"
    assert html_body(line) == [PARA1, line, PARA2]
    assert text_body(line) == [TITLE, PARA1, line, PARA2]
    text = rules_file.read_text(encoding="utf-8")
    rules_file.write_text(text.replace("patterns = [\n  '^cỡ chữ',", "patterns = [\n  '^quét mã qr', '^cỡ chữ',", 1),
                          encoding="utf-8")
    bp.rules.cache_clear()
    line_rules.cache_clear()
    assert html_body(line) == [PARA1, PARA2]
    assert text_body(line) == [TITLE, PARA1, PARA2]


def test_html_only_variants_do_not_reach_saved_text_and_plain_text_rules_do_not_reach_html() -> None:
    download = "Tải xuống: Quyết định số 123/QĐ-UBND về việc khen thưởng các tập thể"
    assert html_body(download) == [PARA1, PARA2]
    assert text_body(download) == [TITLE, PARA1, download, PARA2]
    # a body sentence that opens like a share bar: saved page text drops it, article HTML keeps it
    share = "Chia sẻ kinh nghiệm tổ chức phong trào thi đua của các cụm, khối trong tỉnh"
    assert html_body(share) == [PARA1, share, PARA2]
    assert text_body(share) == [TITLE, PARA1, PARA2]
    assert not set(HTML_DROP_PATTERNS) & set(rule_strings("drop", plain_text=True))


def test_field_labels_shared_and_plain_text_only() -> None:
    shared = set(rule_strings("field_labels"))
    assert {"Tiêu đề", "Hình ảnh", "Approval Status"} <= shared and "Tin hoạt động" not in shared
    assert "Tin hoạt động" in rule_strings("field_labels", plain_text=True)
    assert line_rules().field_labels == {s.lower() for s in shared}
    run = ["Tiêu đề", "Hình ảnh", "Tóm tắt", "Nội dung"]
    assert filter_lines([PARA1, *run, PARA2]) == [PARA1, PARA2]


def test_shared_tail_ends_the_article_in_both_paths() -> None:
    for tail in ("Tin liên quan", "Các bài viết khác"):
        assert filter_lines([PARA1, tail, PARA2]) == [PARA1]
        assert text_body(tail) == [TITLE, PARA1]


def test_a_rules_file_without_the_section_is_named_in_the_error(tmp_path: Path) -> None:
    broken = tmp_path / "boilerplate.toml"
    broken.write_text("[drop]\nplain_text = ['^trang chủ']\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"boilerplate\.toml: no \[drop\] patterns"):
        rule_strings("drop", path=broken)
    with pytest.raises(ValueError, match=r"no \[tail\] patterns"):
        rule_strings("tail", path=broken)


def test_clean_module_keeps_no_copy_of_the_shared_rules() -> None:
    shared = set(rule_strings("drop")) | set(rule_strings("tail"))
    source = Path(clean.__file__).read_text(encoding="utf-8")
    assert not [p for p in shared if repr(p)[1:-1] in source or f'r"{p}"' in source]
