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
    ("https://binhduong.gov.vn/Lists/TinTucSuKien/DispForm.aspx?ID=63615&Source=x",
     "https://binhduong.gov.vn/Lists/TinTucSuKien/DispForm.aspx?ID=63615&Source=x"),
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
