"""parse_page entry point: family detection, headers, encodings of saved pages, feeds, errors."""

from __future__ import annotations

import unicodedata

import pytest

from crawler.encoding import DecodeError
from crawler.pages import FAMILIES, detect_family, parse_page

from .conftest import HOST, SAMPLE


@pytest.mark.parametrize("url,html,family", [
    ("https://binhduong.gov.vn/Lists/TinTucSuKien/DispForm.aspx?ID=1", '<div class="ms-rtestate-field"></div>', "sharepoint_list"),
    ("https://dienbien.gov.vn/portal/Pages/2020-5-29/a.aspx", '<div id="ctl00_x" class="tandan-p-article-main">', "sharepoint_portal"),
    ("https://dongthap.gov.vn/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/1", "", "liferay"),
    ("https://bacgiang.gov.vn/web/guest/tin-tuc", '<div id="p_p_id_101_INSTANCE_x" class="journal-content-article">', "liferay"),
    ("https://anle.toaan.gov.vn/x", "<script>/* Copyright (c) 2008, Oracle and/or its affiliates */ _afrLoop</script>", "webcenter"),
    ("https://skhdt.longan.gov.vn/tabid/36/default.aspx", '<div id="dnn_ctr1482_ContentPane"><img src="/Portals/0/a.jpg">', "dnn"),
    ("https://bvdkla.longan.gov.vn/2019/10/18/a/", '<link href="/wp-content/themes/x.css">', "cms_generic"),
    ("https://tuyentruyen.langson.gov.vn/node/1973", '<meta name="Generator" content="Drupal 8">', "cms_generic"),
    ("https://baocantho.com.vn/a-a123.html", '<div id="newscontents"></div>', "newspaper"),
    ("https://gialai.gov.vn/tin-tuc/a", '<h1 class="title-detail">A</h1><div class="article-content"></div>', "custom_cms"),
    ("https://example.org/a", "<p>Xin chào</p>", "generic"),
])
def test_detect_family(url: str, html: str, family: str) -> None:
    assert detect_family(url, html) == family


def test_unknown_family_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown page family 'joomla'"):
        parse_page("https://x.vn/", b"<p>x</p>", family="joomla")


def test_binary_body_raises_decode_error() -> None:
    with pytest.raises(DecodeError):
        parse_page("https://x.vn/a.pdf", (SAMPLE / "binhduong/attachments").iterdir().__next__().read_bytes())


def test_windows_1258_sample_page_parses_to_nfc_text(manifest) -> None:
    route = next(r for r in manifest if r["content_type"] == "text/html")
    body = (SAMPLE / route["file"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    page = parse_page(f"{HOST}{route['path']}?tabid={route['query']['tabid']}&ID={route['query']['ID']}", body,
                      {"Content-Type": "text/html"})
    assert page.kind == "article" and page.family == "dnn"
    assert page.article.text.startswith("(BDIZA) - Nhằm huy động sức mạnh của cả hệ thống chính trị")
    assert page.article.text == unicodedata.normalize("NFC", page.article.text)
    assert page.article.title.startswith("Kế hoạch phát động phong trào thi đua đặc biệt")


def test_nfd_sample_page_parses_to_nfc_text() -> None:
    path = SAMPLE / "phuyen/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-ttt.html"
    raw = path.read_text(encoding="utf-8")
    assert raw != unicodedata.normalize("NFC", raw)
    page = parse_page(HOST + "/phuyen/2020/03/12/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr/", raw.encode())
    assert page.article.title == "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6: Năm 2020, Sở TTTT Gia Lai làm Cụm trưởng, Sở TTTT Phú Yên làm Cụm phó"
    assert "Sở TTTT Đắk Lắk và Phú Yên" in page.article.text


def test_forced_family_overrides_detection() -> None:
    body = (SAMPLE / "gialai/index.html").read_bytes()
    assert parse_page(HOST + "/gialai/", body).family == "generic"
    forced = parse_page(HOST + "/gialai/", body, family="custom_cms")
    assert forced.family == "custom_cms" and {l.kind for l in forced.links} >= {"article", "listing"}


def test_rss_feed_becomes_a_listing_of_article_links() -> None:
    page = parse_page(HOST + "/phuyen/feed/", (SAMPLE / "phuyen/feed.xml").read_bytes(),
                      {"content-type": "application/rss+xml; charset=utf-8"})
    assert page.kind == "listing" and page.family == "feed"
    assert [l.kind for l in page.links] == ["article", "article"]
    assert all(l.url.startswith(HOST + "/phuyen/20") for l in page.links)


def test_sitemap_index_yields_sitemap_links() -> None:
    body = b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' \
        b"<sitemap><loc>https://bocongan.gov.vn/sitemap-1.xml</loc><lastmod>2020-01-01</lastmod></sitemap>" \
        b"<sitemap><loc>https://bocongan.gov.vn/sitemap-1.xml</loc></sitemap></sitemapindex>"
    page = parse_page("https://bocongan.gov.vn/sitemap.xml", body)
    assert [(l.kind, l.url) for l in page.links] == [("sitemap", "https://bocongan.gov.vn/sitemap-1.xml")]


def test_generic_fallback_extracts_an_article_with_trafilatura() -> None:
    paras = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết phong trào thi đua yêu nước, "
                    f"khen thưởng các tập thể và cá nhân có thành tích xuất sắc trong năm.</p>" for i in range(6))
    html = (f'<html><head><title>Tổng kết thi đua năm 2023 - Cổng thông tin điện tử tỉnh X</title>'
            f'<meta property="article:published_time" content="2023-12-20T08:00:00+07:00"></head>'
            f"<body><nav><a href='/'>Trang chủ</a></nav><article><h1>Tổng kết thi đua năm 2023</h1>{paras}</article>"
            f"<footer>Cơ quan chủ quản: UBND tỉnh</footer></body></html>")
    page = parse_page("https://example.org/tong-ket", html.encode())
    assert page.family == "generic" and page.kind == "article"
    assert page.article.title == "Tổng kết thi đua năm 2023"
    assert page.article.published == "2023-12-20T08:00:00+07:00"
    assert page.article.text.startswith("Đoạn 0: Ủy ban nhân dân tỉnh") and "Cơ quan chủ quản" not in page.article.text


def test_families_list_is_complete() -> None:
    assert set(FAMILIES) == {"sharepoint_list", "sharepoint_portal", "liferay", "webcenter", "dnn", "cms_generic",
                             "custom_cms", "newspaper", "sharepoint_lacviet", "nukeviet", "websphere", "generic"}
