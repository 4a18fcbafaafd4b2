"""The generated sample site (data/sample_site) parsed route by route: kinds, fields, chrome removed."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

import pytest

from crawler.pages import parse_page

from .conftest import HOST, SAMPLE

T0 = ("Ngành Thông tin và Truyền thông tỉnh Bình Dương phát động thi đua đoàn kết, chung sức, đồng lòng phòng, "
      "chống và chiến thắng đại dịch Covid-19")
T1 = "Hội nghị tổng kết phong trào thi đua khen thưởng Cụm 7 ngành thông tin và truyền thông"
T2 = ('Kế hoạch phát động phong trào thi đua đặc biệt "Toàn tỉnh đoàn kết, chung sức, đồng lòng thi đua phòng, '
      'chống và chiến thắng đại dịch Covid-19".')
T3 = "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6: Năm 2020, Sở TTTT Gia Lai làm Cụm trưởng, Sở TTTT Phú Yên làm Cụm phó"
T4 = "Sở Thông tin và Truyền thông 7 tỉnh miền núi phía bắc ký kết thực hiện các phong trào thi đua năm 2023"
START = {T0: "TTĐT - Sở Thông tin và Truyền thông Bình Dương ban hành", T1: "Ngày 12/3/2021 tại thành phố Phan Rang",
         T2: "(BDIZA) - Nhằm huy động sức mạnh", T3: "Sáng ngày 06/3, tại tỉnh Đắk Lắk",
         T4: "Sáng 20/2, tại trung tâm thành phố Điện Biên Phủ"}
END = {T0: "phòng, chống đại dịch.", T1: "hãy thi đua hoàn thành trong 1 năm”./.",
       T2: "tiếp thêm sức mạnh trong công tác phòng, chống dịch.", T3: "gương người tốt, việc tốt…",
       T4: "phong trào thi đua các đơn vị khu vực miền núi phía bắc năm 2022."}
CHROME = ("Lượt xem", "Lượt người xem", "Manage Permissions", "Content Type", "Tin khác", "Tin liên quan", "Cỡ chữ",
          "Số lượt truy cập", "Hôm nay", "Tổng truy cập", "Chia sẻ", "Giấy phép số", "Tải về", "Ảnh minh họa",
          "Lãnh đạo Sở TTTT các tỉnh bắt tay", "Đại diện lãnh đạo các sở thông tin và truyền thông trong khu vực")

# (path with query, family, title, published, author, views, attachment names)
ARTICLES = [
    ("/binhduong/Lists/TinTucSuKien/DispForm.aspx?ID=67516", "sharepoint_list", T0, "2021-10-14T11:00:00+07:00", "Yến Nhi", 887, ["ke-hoach.pdf"]),
    ("/binhduong/Lists/TinTucSuKien/DispForm.aspx?ID=68067", "sharepoint_list", T2, "2021-09-08T09:00:00+07:00",
     "Ban Quản lý các Khu công nghiệp Bình Dương", 194, ["4500-KH.signed.pdf"]),
    ("/ninhthuan/portal/Pages/2021-3-17/Hoi-Nghi-Tong-Ket-Phong-Trao-Thi-Dua-Khen-Thuong-Cum-7-Nganh-25c3.aspx",
     "sharepoint_portal", T1, "2021-03-17", "Quốc Trạng", None, []),
    ("/ninhthuan/portal/Pages/2020-3-12/Hoi-Nghi-Tong-Ket-Cum-Thi-Dua-So-6-Nam-2020-So-Tttt-Gia-Lai--1a7b.aspx",
     "sharepoint_portal", T3, "2020-03-12", "Ý THIÊN", None, []),
    ("/dongthap/web/sotttt/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/15645551", "liferay", T4, None, None, None, []),
    ("/dongthap/web/sotttt/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/15647132", "liferay", T1, "2021-03-17", "Quốc Trạng", None, []),
    ("/gialai/tin-tuc/tin-hoat-dong/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr-255402", "custom_cms", T3,
     "2020-03-12T11:01:19+07:00", "Ý THIÊN", 141, []),
    ("/gialai/tin-tuc/tin-hoat-dong/so-thong-tin-va-truyen-thong-7-tinh-mien-nui-phia-bac-ky-ket-thuc-hien-257163", "custom_cms", T4,
     None, None, None, []),
    ("/quangnam/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL177827", "webcenter", T1, "2021-03-17", "Quốc Trạng", None, []),
    ("/quangnam/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL182771", "webcenter", T3, "2020-03-12T11:01:00+07:00", "Ý THIÊN", None, []),
    ("/thudaumot/Default.aspx?tabid=22642&ID=6038", "dnn", T0, "2021-10-14", "Yến Nhi", None, ["Kế hoạch"]),
    ("/thudaumot/Default.aspx?tabid=22642&ID=6869", "dnn", T2, "2021-09-08", "Ban Quản lý các Khu công nghiệp Bình Dương", None, ["Kế hoạch"]),
    ("/phuyen/2020/03/12/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr/", "cms_generic", T3,
     "2020-03-12T11:01:19+07:00", "Ý THIÊN", None, []),
    ("/phuyen/2021/03/17/hoi-nghi-tong-ket-phong-trao-thi-dua-khen-thuong-cum-7-nganh-thong-tin/", "cms_generic", T1,
     "2021-03-17", "Quốc Trạng", None, []),
    ("/baobinhduong/ke-hoach-phat-dong-phong-trao-thi-dua-dac-biet-toan-tinh-doan-ket-chun-a247557.html", "newspaper", T2,
     "2021-09-08T09:00:00+07:00", "Ban Quản lý các Khu công nghiệp Bình Dương", None, []),
    ("/baobinhduong/nganh-thong-tin-va-truyen-thong-tinh-binh-duong-phat-dong-thi-dua-doan-a240077.html", "newspaper", T0,
     "2021-10-14T11:00:00+07:00", "Yến Nhi", None, []),
    # families added for real hosts (crawler.sample_families)
    ("/daknong/TinTuc/tintuc/Lists/Posts/Post.aspx?CategoryId=1&ItemId=2250", "sharepoint_lacviet", T1, "2021-03-17", "Quốc Trạng", 1906, []),
    ("/daknong/TinTuc/tintuc/Lists/Posts/Post.aspx?CategoryId=1&ItemId=1073", "sharepoint_lacviet", T4, None, None, 1907, []),
    ("/binhdinh/vi/news/thi-dua-khen-thuong/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr-1396.html",
     "nukeviet", T3, "2020-03-12T11:01:00+07:00", "Ý THIÊN", 1680, []),
    ("/binhdinh/vi/news/thi-dua-khen-thuong/nganh-thong-tin-va-truyen-thong-tinh-binh-duong-phat-dong-thi-dua-doan-8765.html",
     "nukeviet", T0, "2021-10-14T11:00:00+07:00", "Yến Nhi", 1063, []),
    ("/angiang/wps/portal/Home/trang-chu/trang-tin-chi-tiet/!ut/p/z0/fcw9D4Iwabd0GATgv8LC2LRFvjqSs/", "websphere", T4, None, None, None, []),
    ("/angiang/wps/portal/Home/trang-chu/trang-tin-chi-tiet/!ut/p/z0/fcw9D4Iwbf44GATgv8LC2LRFvjqSs/", "websphere", T2,
     "2021-09-08T09:00:00+07:00", "Ban Quản lý các Khu công nghiệp Bình Dương", None, []),
    ("/hanoi/vi/tin-tuc-su-kien/-/view_content/987036-hoi-nghi-tong-ket-phong-trao-thi-dua-khen-thuong-cum-7-nganh-thong-tin-va-truyen.html",
     "liferay", T1, "2021-03-17T00:00:00+07:00", "Quốc Trạng", 875, []),
    ("/hanoi/vi/tin-tuc-su-kien/-/view_content/987425-ke-hoach-phat-dong-phong-trao-thi-dua-dac-biet-toan-tinh-doan-ket-chung-suc-dong.html",
     "liferay", T2, "2021-09-08T09:00:00+07:00", "Ban Quản lý các Khu công nghiệp Bình Dương", 876, []),
]
FIELDS = ("family", "title", "published", "author", "views", "attachments", "start", "end", "chrome")


@functools.cache
def _routes() -> dict[str, dict]:
    import json

    out = {}
    for r in json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8")):
        key = r["path"] + ("?" + urlencode(r["query"]) if r["query"] else "")
        out.setdefault((r["method"], key), r)
    return out


@functools.cache
def parse_route(key: str, method: str = "GET"):
    route = _routes()[(method, key)]
    return parse_page(HOST + key, (SAMPLE / route["file"]).read_bytes(), {"Content-Type": route["content_type"]})


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("row", ARTICLES, ids=lambda r: r[0].split("/")[1] + "-" + r[0][-12:])
def test_sample_article_field(row, field) -> None:
    path, family, title, published, author, views, attachments = row
    page = parse_route(path)
    assert page.kind == "article"
    art = page.article
    if field == "family":
        assert page.family == family
    elif field == "title":
        assert art.title == title
    elif field == "published":
        assert art.published == published
    elif field == "author":
        assert art.author == author
    elif field == "views":
        if views is None:
            assert art.views is None or art.views > 0
        else:
            assert art.views == views
    elif field == "attachments":
        assert [a["name"] for a in art.attachments] == attachments
    elif field == "start":
        assert art.text.startswith(START[title]), art.text[:100]
    elif field == "end":
        assert art.text.endswith(END[title]), art.text[-100:]
    elif field == "chrome":
        found = [c for c in CHROME if c in art.text]
        assert not found, found


LISTINGS = [
    "/binhduong/Lists/TinTucSuKien/TongQuat.aspx", "/binhduong/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2",
    "/ninhthuan/portal/Pages/Tin-hoat-dong.aspx",
    "/dongthap/web/sotttt/tin-trong-nganh",
    "/dongthap/web/sotttt/tin-trong-nganh/-/asset_publisher/nf7Qy5mlPXqs/rss",
    "/gialai/tin-tuc/tin-hoat-dong", "/gialai/tin-tuc/tin-hoat-dong?page=2", "/gialai/sitemap.xml",
    "/quangnam/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=2", "/thudaumot/Default.aspx?tabid=22641",
    "/phuyen/category/tin-trong-nganh/", "/phuyen/feed/", "/baobinhduong/thoi-su/page-2.html",
    "/daknong/TinTuc/tintuc/Lists/Posts/AllPosts.aspx?CategoryId=1", "/daknong/Pages/default.aspx",
    "/binhdinh/vi/news/thi-dua-khen-thuong/", "/binhdinh/vi/news/thi-dua-khen-thuong/page-2/",
    "/angiang/wps/portal/Home/tin-tuc/!ut/p/z1/04_Sj9CPykssy0xPLMnMz0vMAfIjo8zi/", "/hanoi/vi/tin-tuc-su-kien",
]
OTHERS = ["/binhduong/Pages/lien-he.aspx", "/ninhthuan/portal/Pages/Gioi-thieu.aspx", "/dongthap/web/sotttt/lien-he",
          "/gialai/gioi-thieu", "/quangnam/webcenter/portal/ubnd/pages_lien-he", "/thudaumot/Default.aspx?tabid=31",
          "/phuyen/gioi-thieu/", "/baobinhduong/lien-he.html", "/daknong/Pages/lien-he.aspx", "/binhdinh/vi/contact/",
          "/angiang/wps/portal/Home/lien-he/", "/hanoi/vi/lien-he"]


@pytest.mark.parametrize("key", LISTINGS)
def test_listing_pages_are_never_articles(key: str) -> None:
    page = parse_route(key)
    assert page.kind == "listing" and page.article is None
    assert any(link.kind == "article" for link in page.links)


@pytest.mark.parametrize("key", OTHERS)
def test_intro_and_contact_pages_are_other(key: str) -> None:
    page = parse_route(key)
    assert page.kind == "other" and page.article is None


def test_listing_with_whole_bodies_has_article_links_but_no_article() -> None:
    page = parse_route("/binhduong/Lists/TinTucSuKien/TongQuat.aspx")
    html = (SAMPLE / "binhduong/tongquat-1.html").read_text(encoding="utf-8")
    assert "TTĐT - Sở Thông tin và Truyền thông Bình Dương ban hành" in html  # the whole body is on the listing
    assert page.kind == "listing"
    assert (f"{HOST}/binhduong/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2", "next") in {(l.url, l.kind) for l in page.links}


def test_postback_listing_returns_next_form_and_last_page_none(manifest) -> None:
    first = parse_route("/ninhthuan/portal/Pages/Tin-hoat-dong.aspx")
    post = next(r for r in manifest if r["behavior"] == "postback")
    assert first.form["__EVENTTARGET"] in post["files_by_target"]
    assert first.form["__VIEWSTATE"] and "__EVENTVALIDATION" in first.form
    second_file = post["files_by_target"][first.form["__EVENTTARGET"]]
    second = parse_page(HOST + post["path"], (SAMPLE / second_file).read_bytes())
    assert second.kind == "listing" and second.form is None
    assert {l.kind for l in second.links} >= {"article"}


def test_adf_routes_serve_interstitial_first(manifest) -> None:
    adf = [r for r in manifest if r["behavior"] == "adf_loop"]
    assert adf
    for route in adf:
        page = parse_page(HOST + route["path"], (SAMPLE / route["interstitial"]).read_bytes())
        assert page.kind == "interstitial" and page.afr_loop and page.afr_loop.isdigit()


def test_webcenter_listing_wraps_past_the_end() -> None:
    p1 = parse_route("/quangnam/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=1")
    p2 = parse_route("/quangnam/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=2")
    p3 = parse_route("/quangnam/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=3")
    first = lambda p: next(l.url for l in p.links if l.kind == "article")  # noqa: E731
    assert first(p1) != first(p2)
    assert first(p3) == first(p1)  # ADF wrapped back to page 1
    assert any(l.kind == "next" and l.url.endswith("selectedPage=3") for l in p2.links)


def test_liferay_links_are_canonical_without_portlet_noise() -> None:
    page = parse_route("/dongthap/web/sotttt/tin-trong-nganh")
    urls = [l.url for l in page.links]
    assert all("p_p_id" not in u and "redirect=" not in u for u in urls)
    assert any(l.kind == "next" and l.url.endswith("_cur=2") for l in page.links)
    assert any(l.kind == "feed" for l in page.links)


# (first page of a listing, its page 2 as linked, its last page): every GET-paged family
PAGERS = [
    ("/binhduong/Lists/TinTucSuKien/TongQuat.aspx", "/binhduong/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2",
     "/binhduong/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2"),
    ("/dongthap/web/sotttt/tin-trong-nganh",
     "/dongthap/web/sotttt/tin-trong-nganh?_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_nf7Qy5mlPXqs_cur=2",
     "/dongthap/web/sotttt/tin-trong-nganh?_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_nf7Qy5mlPXqs_cur=2"),
    ("/gialai/tin-tuc/tin-hoat-dong", "/gialai/tin-tuc/tin-hoat-dong?page=2", "/gialai/tin-tuc/tin-hoat-dong?page=2"),
    ("/quangnam/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=1", "/quangnam/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=2",
     "/quangnam/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=3"),
    ("/thudaumot/Default.aspx?tabid=22641", "/thudaumot/Default.aspx?Page=2&tabid=22641", "/thudaumot/Default.aspx?tabid=22641&Page=2"),
    ("/phuyen/category/tin-trong-nganh/", "/phuyen/category/tin-trong-nganh/page/2/", "/phuyen/category/tin-trong-nganh/page/2/"),
    ("/baobinhduong/thoi-su/", "/baobinhduong/thoi-su/page-2.html", "/baobinhduong/thoi-su/page-2.html"),
    ("/daknong/TinTuc/tintuc/Lists/Posts/AllPosts.aspx?CategoryId=1",
     "/daknong/TinTuc/tintuc/Lists/Posts/AllPosts.aspx?CategoryId=1&PageFirstRow=2&Paged=TRUE&p_ID=2250",
     "/daknong/TinTuc/tintuc/Lists/Posts/AllPosts.aspx?CategoryId=1&Paged=TRUE&p_ID=2250&PageFirstRow=2"),
    ("/binhdinh/vi/news/thi-dua-khen-thuong/", "/binhdinh/vi/news/thi-dua-khen-thuong/page-2/",
     "/binhdinh/vi/news/thi-dua-khen-thuong/page-2/"),
    ("/angiang/wps/portal/Home/tin-tuc/!ut/p/z1/04_Sj9CPykssy0xPLMnMz0vMAfIjo8zi/",
     "/angiang/wps/portal/Home/tin-tuc/!ut/p/z1/04_Sj9CPykssy0xPLMnMz0vMAfIjo8zi/?page=2",
     "/angiang/wps/portal/Home/tin-tuc/!ut/p/z1/04_Sj9CPykssy0xPLMnMz0vMAfIjo8zi/?page=2"),
    ("/hanoi/vi/tin-tuc-su-kien",
     "/hanoi/vi/tin-tuc-su-kien?_101_advancedSearch=false&_101_andOperator=true&_101_cur=2&_101_delta=1&_101_keywords=",
     "/hanoi/vi/tin-tuc-su-kien?_101_advancedSearch=false&_101_andOperator=true&_101_delta=1&_101_keywords=&_101_cur=2"),
]


@pytest.mark.parametrize(("first", "second", "last"), PAGERS, ids=lambda k: k.split("/")[1])
def test_next_link_is_exactly_page_two(first: str, second: str, last: str) -> None:
    """Home links in the header, "Trang chủ" in an ADF nav pane: only the pager's next counts."""
    assert [l.url for l in parse_route(first).links if l.kind == "next"] == [HOST + second]
    # the last page has no next, whatever its pager says (WebCenter's wraps back to page 1)
    assert not [l.url for l in parse_route(last).links if l.kind == "next"]
