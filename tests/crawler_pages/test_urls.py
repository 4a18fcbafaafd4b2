"""canonical_url and url_key: session noise stripped, identity kept."""

from __future__ import annotations

import pytest

from crawler.pages import canonical_url, url_key

CASES = [
    ("HTTPS://QuangNam.GOV.vn:443/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL174180&_afrLoop=2386139&_afrWindowMode=0&_afrWindowId=null&_adf.ctrl-state=1a2b_4#top",
     "https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL174180"),
    ("https://dongthap.gov.vn/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/15646298?p_p_id=101&p_p_lifecycle=0&redirect=%2Fweb%2Fguest",
     "https://dongthap.gov.vn/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/15646298"),
    ("https://moh.gov.vn/tin-tong-hop?p_p_id=101_INSTANCE_k206Q9qkZOqn&_101_INSTANCE_k206Q9qkZOqn_delta=20&_101_INSTANCE_k206Q9qkZOqn_cur=3",
     "https://moh.gov.vn/tin-tong-hop?_101_INSTANCE_k206Q9qkZOqn_cur=3&_101_INSTANCE_k206Q9qkZOqn_delta=20"),
    ("http://skhdt.longan.gov.vn/Default.aspx;jsessionid=ABC123?tabid=22641&ID=5151",
     "http://skhdt.longan.gov.vn/Default.aspx?ID=5151&tabid=22641"),
    ("https://baocantho.com.vn/khen-thuong-a123456.html?utm_source=facebook&utm_medium=social&fbclid=IwAR0",
     "https://baocantho.com.vn/khen-thuong-a123456.html"),
    # SharePoint's Source= is the page a form returns to, never the item's identity
    ("https://binhduong.gov.vn/Lists/TinTucSuKien/DispForm.aspx?ID=63615&Source=%2FPages%2Fdefault.aspx",
     "https://binhduong.gov.vn/Lists/TinTucSuKien/DispForm.aspx?ID=63615"),
    ("https://quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=12345&ItemID=7", "https://quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?ItemID=7&nid=12345"),
    ("https://dongthap.gov.vn/tin-tuc/chi-tiet?id=7742453&jsessionid=z", "https://dongthap.gov.vn/tin-tuc/chi-tiet?id=7742453"),
    ("http://example.gov.vn:8080", "http://example.gov.vn:8080/"),
    ("https://stttt.gialai.gov.vn/tin-tuc/thi đua-1", "https://stttt.gialai.gov.vn/tin-tuc/thi%20%C4%91ua-1"),
]


@pytest.mark.parametrize("raw,canon", CASES)
def test_canonical_url(raw: str, canon: str) -> None:
    assert canonical_url(raw) == canon


@pytest.mark.parametrize("raw,_canon", CASES)
def test_canonical_url_is_idempotent(raw: str, _canon: str) -> None:
    assert canonical_url(canonical_url(raw)) == canonical_url(raw)


def test_identity_keys_distinguish_pages() -> None:
    a = canonical_url("https://x.gov.vn/chi-tiet?dDocName=PORTAL1&_afrLoop=1")
    b = canonical_url("https://x.gov.vn/chi-tiet?dDocName=PORTAL2&_afrLoop=1")
    assert a != b


def test_url_key_folds_case_on_iis_paths_only() -> None:
    assert url_key("https://binhduong.gov.vn/lists/tintucsukien/tongquat.aspx?pageindex=221") == url_key(
        "https://binhduong.gov.vn/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=221")
    assert url_key("https://stttt.gialai.gov.vn/Tin-Tuc/A") != url_key("https://stttt.gialai.gov.vn/tin-tuc/a")


# Variants of one page seen in ../shared/fixtures/real-urls.tsv (real-urls.md, "canonicalisation hazards"):
# each pair must get one url_key.
SAME_PAGE = [
    ("http://baocantho.com.vn/cum-thi-dua-so-1-a158031.html", "https://baocantho.com.vn/cum-thi-dua-so-1-a158031.html"),
    ("https://www.sggp.org.vn/gia-lai-chu-trong-post814667.html", "https://sggp.org.vn/gia-lai-chu-trong-post814667.html"),
    ("https://binhduong.gov.vn:443/tin-tuc/2025/04/88-lay-y-kien", "https://binhduong.gov.vn/tin-tuc/2025/04/88-lay-y-kien"),
    ("http://yenbai.gov.vn:80/chi-tiet-tin-tuc.aspx?ItemID=28247&l=Tintrongtinh",
     "https://www.yenbai.gov.vn/chi-tiet-tin-tuc.aspx?ItemID=28247&l=Tintrongtinh"),
    ("https://kinhtemoitruong.vn./thu-tuong-tang-bang-khen-71931.tag", "https://kinhtemoitruong.vn/thu-tuong-tang-bang-khen-71931.tag"),
    ("http://hoinongdanag.org.vn/wps/portal/phong-trao-nong-dan/danh-sach-223;jsessionid=56E8C816949824B621269A2834EBECCF",
     "http://hoinongdanag.org.vn/wps/portal/phong-trao-nong-dan/danh-sach-223"),
    ("https://hkhkt.bacninh.gov.vn/trang-chu?p_p_id=newsbycategory_WAR_bacninhportlet&_newsbycategory_WAR_bacninhportlet_cateId=9389855&p_p_auth=1H7ZLD1n",
     "https://hkhkt.bacninh.gov.vn/trang-chu?_newsbycategory_WAR_bacninhportlet_cateId=9389855&p_p_auth=Zq81xPa0"),
    ("https://nhandan.org.vn/ho%c3%a0ng-sa", "https://nhandan.org.vn/ho%C3%A0ng-sa"),
    ("https://thvl.vn/thời-sự-thvl/tin-dia-phuong/", "https://thvl.vn/th%E1%BB%9Di-s%E1%BB%B1-thvl/tin-dia-phuong/"),
    ("https://baotintuc.vn/tags/lê+ngọc+châu.htm", "https://baotintuc.vn/tags/l%C3%AA+ng%E1%BB%8Dc+ch%C3%A2u.htm"),
    # LacViet links to one post with and without its date, in any letter case
    ("http://stc.daknong.gov.vn/TinTuc/tintuc/Lists/Posts/Post.aspx?CategoryId=1&ItemId=222",
     "http://stc.daknong.gov.vn/TinTuc/tintuc/lists/posts/post.aspx?CategoryId=1&ItemID=222&PublishedDate=2017-01-06T15:40:00Z"),
]
# Different pages that a careless canonicaliser would merge.
DIFFERENT_PAGES = [
    ("https://x.gov.vn/chi-tiet?dDocName=PORTAL1", "https://x.gov.vn/chi-tiet?dDocName=PORTAL2"),
    ("https://stttt.gialai.gov.vn/Tin-Tuc/A", "https://stttt.gialai.gov.vn/tin-tuc/a"),  # case matters off IIS
    ("https://baoninhthuan.com.vn/ho%CC%A3i-nghi%CC%A3", "https://baoninhthuan.com.vn/h%E1%BB%99i-ngh%E1%BB%8B"),  # NFD ≠ NFC bytes
    ("https://sonv.longan.gov.vn/a%25u00e1", "https://sonv.longan.gov.vn/a%u00e1"),  # a double escape is what the server has
    ("https://x.vn/a%2Fb", "https://x.vn/a/b"),  # an escaped slash is not a path separator
    ("https://m.kienthuc.net.vn/tin-1974491.html", "https://kienthuc.net.vn/tin-1974491.html"),  # a mobile host is its own site
    ("http://stc.daknong.gov.vn/TinTuc/tintuc/Lists/Posts/AllPosts.aspx?CategoryId=26&PublishedDate=2017-03-16T14:50:00Z",
     "http://stc.daknong.gov.vn/TinTuc/tintuc/Lists/Posts/AllPosts.aspx?CategoryId=26"),  # the date pages a listing
    ("https://atpic.angiang.gov.vn/wps/portal/!ut/p/z0/fYyxCsIw/", "https://atpic.angiang.gov.vn/wps/portal/!ut/p/z0/fcw9D4Iw/"),
    ("https://baokontum.com.vn/thoi-su-chinh-tri-21.html?page=452", "https://baokontum.com.vn/thoi-su-chinh-tri-21.html?page=457"),
]


@pytest.mark.parametrize("a,b", SAME_PAGE)
def test_variants_of_one_page_share_a_key(a: str, b: str) -> None:
    assert url_key(a) == url_key(b)


@pytest.mark.parametrize("a,b", DIFFERENT_PAGES)
def test_different_pages_keep_different_keys(a: str, b: str) -> None:
    assert url_key(a) != url_key(b)
    assert canonical_url(a) != canonical_url(b)


def test_canonical_url_keeps_scheme_and_www_for_fetching() -> None:
    assert canonical_url("http://www.baokontum.com.vn/a-1.html") == "http://www.baokontum.com.vn/a-1.html"
