"""Pagination detection, feeds helpers, ADF query rewriting and retry backoff."""

from __future__ import annotations

import gzip

import pytest

from crawler.middlewares import backoff_delay
from crawler.spiders.feeds import gunzip_limited, sitemaps_from_robots
from crawler.spiders.paging import next_page_url, page_info
from crawler.spiders.portal import with_query


@pytest.mark.parametrize(
    ("url", "number"),
    [
        ("https://binhduong.gov.vn/lists/tintucsukien/tongquat.aspx?pageindex=221", 221),
        ("https://eng.binhduong.gov.vn/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=252", 252),
        ("https://moh.gov.vn/tin-tong-hop?_101_INSTANCE_k206Q9qkZOqn_delta=20&_101_INSTANCE_k206Q9qkZOqn_cur=3", 3),
        ("https://anle.toaan.gov.vn/webcenter/portal/anle/chitietnghiencuu?selectedPage=7", 7),
        ("https://baocantho.com.vn/thoi-su/dbscl/page-3.html", 3),
        ("https://mic.gov.vn/Pages/ChuyenMuc/PhanTrang/1747/2/Buu-chinh.html", 2),
        ("https://phuyen.gov.vn/category/tin-trong-nganh/page/2/", 2),
        ("https://gialai.gov.vn/tin-tuc/tin-dia-phuong", 1),
    ],
)
def test_page_number(url, number):
    assert page_info(url)[1] == number


def test_same_listing_across_casings_and_pages():
    a = page_info("https://binhduong.gov.vn/lists/tintucsukien/tongquat.aspx?pageindex=2")[0]
    b = page_info("https://binhduong.gov.vn/Lists/TinTucSuKien/TongQuat.aspx")[0]
    assert a == b
    assert page_info("https://mic.gov.vn/Pages/ChuyenMuc/PhanTrang/1747/2/Buu-chinh.html")[0] != page_info(
        "https://mic.gov.vn/Pages/ChuyenMuc/PhanTrang/1748/2/Buu-chinh.html")[0]


def test_next_page_prefers_next_links_and_rejects_wrong_ones():
    cur = "https://gialai.gov.vn/tin-tuc/tin-hoat-dong?page=2"
    links = [
        ("https://gialai.gov.vn/", "next"),  # mislabelled: another page entirely
        ("https://gialai.gov.vn/tin-tuc/tin-hoat-dong?page=1", "listing"),  # backwards
        ("https://gialai.gov.vn/tin-tuc/tin-hoat-dong?page=4", "listing"),
        ("https://gialai.gov.vn/tin-tuc/tin-hoat-dong?page=3", "listing"),
        ("https://gialai.gov.vn/tin-tuc/khac?page=3", "next"),  # another listing
    ]
    assert next_page_url(cur, links) == "https://gialai.gov.vn/tin-tuc/tin-hoat-dong?page=3"
    assert next_page_url(cur, links + [("https://gialai.gov.vn/tin-tuc/tin-hoat-dong?page=5", "next")]).endswith("page=5")
    wrap = "https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=3"
    assert next_page_url(wrap, [("https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=1", "next")]) is None


def test_robots_sitemaps_and_gzip_limits():
    robots = b"User-agent: *\nDisallow:\nSitemap: https://daklak.gov.vn/sitemap.xml\nsitemap: /sitemap-2.xml\n"
    assert sitemaps_from_robots(robots, "https://daklak.gov.vn/robots.txt") == [
        "https://daklak.gov.vn/sitemap.xml", "https://daklak.gov.vn/sitemap-2.xml"]
    assert gunzip_limited(gzip.compress(b"<urlset/>")) == b"<urlset/>"
    with pytest.raises(ValueError, match="larger than 1000 bytes"):
        gunzip_limited(gzip.compress(b"\0" * 5000), limit=1000)


def test_afr_loop_query_replaces_the_old_token():
    url = "https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL174180&_afrLoop=1"
    assert with_query(url, "_afrLoop", "99").endswith("?dDocName=PORTAL174180&_afrLoop=99")


def test_backoff_doubles_and_caps():
    assert [backoff_delay(n, base=1.0, cap=5.0) for n in range(5)] == [0.0, 1.0, 2.0, 4.0, 5.0]
