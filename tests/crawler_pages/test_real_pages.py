"""Every real saved page of ../shared/fixtures/real-html, parsed field by field.

The expectations were read off each page by hand (the rendered heading, the
date line, the author line and counter as the page prints them); link counts
are the distinct article ids in the page's own hrefs (``/-/view_content/<id>``,
``Post.aspx?…ItemId=<id>``), the page itself left out.  Capture artefacts
(HTTrack's ``.html`` links, Wayback's prefixes and scripts) are undone by
``realpages`` before parsing; the parsers never see them.
"""

from __future__ import annotations

import functools
import re

import pytest

from crawler.pages import parse_page, url_key

from . import realpages
from .realpages import EXPECTED, PAGES, RealPage

pytestmark = pytest.mark.skipif(not realpages.available(), reason=realpages.MISSING_REASON)

# The first and last lines of each article's text, as the page shows them.
TEXT_ENDS = {
    "article-4411392-thong-tin-dt": ("Mới đây, Chính phủ đã ban hành Nghị định số 42/2022/NĐ-CP", "Xem văn bản chi tiết tại đây./."),
    "article-4381291-thong-tin-dt": ("Sở Thông tin và Truyền thông (TT&TT) Hà Nội vừa quyết định thành lập Sở Chỉ huy",
                                     "mạng xã hội, trang thông tin điện tử..."),
    "article-984576-tin-tuc-su-kien": ("Thực hiện Chỉ thị 05/CT-UBND ngày 01/02/2016 của UBND Thành phố",
                                       "khi được UBND Thành phố, Sở Thông tin và Truyền thông yêu cầu."),
    "article-984523-bao-chi-xuat-ban": ("Nhằm tăng cường công tác thông tin, tuyên truyền", "có hiệu lực từ ngày 19/4/2016./."),
    "article-984505-cong-nghe-thong-tin": ("Ngày 21/04/2016, UBND Thành phố đã có Quyết định số 1943/QĐ-UBND",
                                           "các Quyết định kiện toàn thành viên ban chỉ đạo./."),
    "article-744162-thanh-tra": ("Ngày 19/10, Chánh Thanh tra Sở Thông tin và Truyền thông đã ký ban hành Kết luận",
                                 "để ngăn chặn và xử lý kịp thời các hành vi vi phạm./."),
    "article-1661235-dssdt": ("Công văn số 725/STTTT-BCVT ngày 20/4/2017", "Chi tiết xem file đính kèm./."),
}
# Lines that belong to the page around the article, never to its text.
CHROME = ("Pho Ban bien tap", "admin admin", "View count", "Ngày đăng", "In bài viết", "Gửi mail", "Các tin khác",
          "Other News", "Trang chủ")
FIELDS = ("family", "kind", "title", "published", "author", "views", "articles", "next")


@functools.cache
def parsed(file: str):
    page = PAGES[file]
    return parse_page(page.url, page.body())


def test_every_saved_page_has_expectations() -> None:
    assert realpages.listed_files() == set(EXPECTED) == set(PAGES)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_real_page_field(file: str, field: str) -> None:
    family, kind, title, published, author, views, n_articles, next_url = EXPECTED[file]
    page = parsed(file)
    art = page.article
    if field == "family":
        assert page.family == family
    elif field == "kind":
        assert page.kind == kind
        assert (art is not None) == (kind == "article")
    elif field == "title":
        assert (art.title if art else None) == title
    elif field == "published":
        assert (art.published if art else None) == published
    elif field == "author":
        assert (art.author if art else None) == author
    elif field == "views":
        assert (art.views if art else None) == views
    elif field == "articles":
        found = [link for link in page.links if link.kind == "article"]
        assert len(found) == n_articles, [link.url for link in found]
        assert len({url_key(link.url) for link in found}) == n_articles  # one link per page
        assert url_key(PAGES[file].url) not in {url_key(link.url) for link in found}
    elif field == "next":
        assert [link.url for link in page.links if link.kind == "next"] == ([next_url] if next_url else [])


@pytest.mark.parametrize("name", sorted(TEXT_ENDS))
def test_real_article_text(name: str) -> None:
    art = parsed(f"sotttt.hanoi.gov.vn/{name}.html").article
    first, last = TEXT_ENDS[name]
    assert art.text.startswith(first), art.text[:120]
    assert art.text.endswith(last), art.text[-120:]
    assert not [c for c in CHROME if c in art.text]


def test_liferay_article_links_are_view_content_pages_on_the_site() -> None:
    page = parsed("sotttt.hanoi.gov.vn/listing-tin-tuc-su-kien.html")
    urls = [link.url for link in page.links if link.kind == "article"]
    H = "http://sotttt.hanoi.gov.vn"
    assert all(re.fullmatch(rf"{H}/vi/tin-tuc-su-kien/-/view_content/\d+-[a-z0-9-]+\.html", u) for u in urls), urls
    assert urls[0] == (f"{H}/vi/tin-tuc-su-kien/-/view_content/4430301-thong-bao-danh-sach-du-va-khong-du-tieu-chuan-"
                       "dieu-kien-du-ky-thi-tuyen-cong-chuc-nam-2022.html")


def test_lacviet_post_links_merge_their_date_and_case_variants() -> None:
    page = parsed("gianghia.daknong.gov.vn/home-wayback-20180903.html")
    posts = {link.url for link in page.links if link.kind == "article"}
    assert "http://gianghia.daknong.gov.vn/tin-tuc-su-kien/tin-trong-tinh/Lists/Posts/Post.aspx?CategoryId=6&ItemId=118" in posts
    assert not [u for u in posts if "PublishedDate" in u]
    listings = {link.url for link in page.links if link.kind == "listing"}
    assert "http://gianghia.daknong.gov.vn/tin-tuc-su-kien/thong-bao/Lists/Posts/AllPosts.aspx" in listings


@pytest.mark.parametrize("file", sorted(PAGES))
def test_harness_undoes_the_capture(file: str) -> None:
    body = PAGES[file].body().decode("utf-8")
    hrefs = re.findall(r'href="([^"]+)"', body)
    assert not [h for h in hrefs if "web.archive.org" in h or h.startswith("/web/")]
    assert "WB_wombat_Init" not in body and "FILE ARCHIVED ON" not in body
    assert not [h for h in hrefs if re.search(r"[0-9a-f]{4}\.html\?", h)]  # HTTrack's hashed query files


def test_harness_undo_is_exact() -> None:
    H = "http://sotttt.hanoi.gov.vn"
    page = RealPage("x.html", f"{H}/vi/bao-chi-xuat-ban", "httrack", "vi/bao-chi-xuat-ban.html")
    assert realpages.undo_httrack_href("../index.html", page.mirror_url) == f"{H}/"
    assert realpages.undo_httrack_href("tin-tuc-su-kien.html", page.mirror_url) == f"{H}/vi/tin-tuc-su-kien"
    assert realpages.undo_wayback_href("/web/20180312211947/http://stp.daknong.gov.vn/pages/default.aspx") == (
        "http://stp.daknong.gov.vn/pages/default.aspx")


def test_liferay_pager_and_menu_links_are_listings() -> None:
    """Page 32 of a listing: its pager's other pages and the site's menu categories are listing links, never articles."""
    page = parsed("sotttt.hanoi.gov.vn/listing-bao-chi-xuat-ban-page32.html")
    listings = {link.url for link in page.links if link.kind == "listing"}
    pager = "http://sotttt.hanoi.gov.vn/vi/bao-chi-xuat-ban?_101_advancedSearch=false&_101_andOperator=true&_101_cur={}&_101_delta=15&_101_keywords="
    assert {pager.format(n) for n in (1, 31, 34)} <= listings
    assert {"http://sotttt.hanoi.gov.vn/vi/cong-nghe-thong-tin", "http://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien"} <= listings
    assert not [u for u in listings if "/-/view_content/" in u]
