"""The manifest-driven loopback server: routes, 404, robots.txt, 304, ADF loop, postback."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest

from crawler.server import SAMPLE_ROOT, ManifestError, serve_sample_site


@pytest.fixture(scope="module")
def base():
    with serve_sample_site(SAMPLE_ROOT) as url:
        yield url


def get(url, headers=None, data=None, opener=None):
    req = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with (opener or urllib.request.build_opener()).open(req, timeout=5) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_manifest_route_and_404(base):
    status, headers, body = get(base + "/gialai/tin-tuc/tin-hoat-dong?page=2")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body == (SAMPLE_ROOT / "gialai" / "tin-hoat-dong-2.html").read_bytes()
    assert get(base + "/gialai/tin-tuc/tin-hoat-dong?page=9")[0] == 404
    assert get(base + "/khong-co-trang-nay")[0] == 404


def test_sharepoint_paths_are_case_insensitive(base):
    assert get(base + "/binhduong/lists/tintucsukien/tongquat.aspx?pageindex=2")[2] == get(
        base + "/binhduong/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2")[2]


def test_robots_txt(base):
    status, _, body = get(base + "/robots.txt")
    assert status == 200 and body.startswith(b"User-agent: *")


def test_conditional_get(base):
    url = base + "/baobinhduong/thoi-su/page-2.html"
    status, headers, _ = get(url)
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    assert get(url, {"If-None-Match": headers["ETag"]})[0] == 304
    assert get(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(url, {"If-None-Match": '"other"'})[0] == 200


def test_adf_loop_needs_the_token_and_the_session_cookie(base):
    url = base + "/quangnam/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL182771"
    loop = (SAMPLE_ROOT / "quangnam" / "PORTAL182771.loop.html").read_bytes()
    page = (SAMPLE_ROOT / "quangnam" / "PORTAL182771.html").read_bytes()
    assert get(url)[2] == loop
    assert get(url + "&_afrLoop=123")[2] == loop  # no session cookie yet
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    assert get(url, opener=opener)[2] == loop
    assert get(url + "&_afrLoop=123", opener=opener)[2] == page


def test_postback_serves_the_page_named_by_eventtarget(base):
    manifest = json.loads((SAMPLE_ROOT / "manifest.json").read_text(encoding="utf-8"))
    route = next(r for r in manifest if r.get("behavior") == "postback")
    for target, rel in route["files_by_target"].items():
        data = urllib.parse.urlencode({"__EVENTTARGET": target, "__VIEWSTATE": "x"}).encode()
        assert get(base + route["path"], data=data)[2] == (SAMPLE_ROOT / rel).read_bytes()
    data = urllib.parse.urlencode({"__EVENTTARGET": "ctl00$nope"}).encode()
    assert get(base + route["path"], data=data)[0] == 404


def test_bad_manifest_is_one_clear_error(tmp_path):
    (tmp_path / "manifest.json").write_text('[{"path": "/x", "behavior": "teleport", "file": "x.html"}]')
    with pytest.raises(ManifestError, match=r"manifest.json: route #0 \(/x\): unknown behavior 'teleport'"), \
            serve_sample_site(tmp_path):
        pass
    with pytest.raises(ManifestError, match="manifest not found"), serve_sample_site(tmp_path / "missing"):
        pass


def test_absolute_uri_requests_are_served_as_a_proxy_would(base):
    """The crawler reaches the fixed sample origin through the server on whatever port it took."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": base}))
    status, _, body = get("http://sample.thidua.test/gialai/tin-tuc/tin-hoat-dong?page=2", opener=opener)
    assert status == 200 and body == (SAMPLE_ROOT / "gialai" / "tin-hoat-dong-2.html").read_bytes()
    assert get("http://sample.thidua.test/khong-co-trang-nay", opener=opener)[0] == 404


def test_the_server_takes_a_free_port_by_default():
    with serve_sample_site(SAMPLE_ROOT) as one, serve_sample_site(SAMPLE_ROOT) as two:
        assert one != two and get(one + "/robots.txt")[0] == get(two + "/robots.txt")[0] == 200
