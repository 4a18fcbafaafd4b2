"""The real saved pages of ``../shared/fixtures/real-html``: where they are and how their capture is undone.

The pages were captured by tools that changed them (``SOURCES.md`` there):

* HTTrack (sotttt.hanoi.gov.vn, 2022) rewrote internal links to relative
  ``.html`` files: ``../tin-tuc-su-kien.html`` for ``/vi/tin-tuc-su-kien``, and
  a link with a query to ``bao-chi-xuat-ban7bc7.html?…`` (four hex digits of a
  hash before ``.html``, the query kept);
* the Wayback Machine (*.daknong.gov.vn, 2017–2018) prefixed links with
  ``http://web.archive.org/web/<timestamp>[im_|cs_|js_]/`` (or the site-relative
  ``/web/<timestamp>/``), and injected its rewrite scripts in ``<head>`` and
  comments after ``</html>``.

This module undoes exactly that and nothing else, so the parsers see the
server's own markup at the page's original URL.  It is test-harness code: the
parsers never learn about HTTrack or the Wayback Machine.  Used by
``tests/crawler_pages/test_real_pages.py`` and ``bench/real_pages.py``.

>>> undo_httrack_href("../bao-chi-xuat-ban0aae.html?p_p_id=101&_101_cur=32", "http://sotttt.hanoi.gov.vn/vi/bao-chi-xuat-ban/x.html")
'http://sotttt.hanoi.gov.vn/vi/bao-chi-xuat-ban?p_p_id=101&_101_cur=32'
>>> undo_wayback_href("http://web.archive.org/web/20170604124127/http://stc.daknong.gov.vn/TinTuc/tintuc/Lists/Posts/Post.aspx?ItemId=222")
'http://stc.daknong.gov.vn/TinTuc/tintuc/Lists/Posts/Post.aspx?ItemId=222'
"""

from __future__ import annotations

import html as htmllib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
#: ``THIDUA_SHARED`` overrides where ../shared is (the default: beside the clone).
SHARED = Path(os.environ.get("THIDUA_SHARED") or ROOT.parent / "shared")
REAL_HTML = SHARED / "fixtures" / "real-html"
REAL_URLS = SHARED / "fixtures" / "real-urls.tsv"
MISSING_REASON = f"real pages not found ({REAL_HTML}); they live in ../shared/fixtures, which is absent here"

_HREF = re.compile(r"""(?P<attr>\b(?:href|src|action)\s*=\s*)(?P<q>["'])(?P<url>.*?)(?P=q)""", re.IGNORECASE | re.DOTALL)
_HTTRACK_HASHED = re.compile(r"[0-9a-f]{4}\.html$")
_WAYBACK_PREFIX = re.compile(r"^(?:(?:https?:)?//web\.archive\.org)?/web/\d{14}(?:[a-z]{2}_)?/", re.IGNORECASE)
_WAYBACK_ROOTED = re.compile(r"^(?:https?:)?//web\.archive\.org/(?!web/|static/|_static/)", re.IGNORECASE)
_WAYBACK_RELATIVE = re.compile(r"^(?:\.\./)+\d{14}(?:[a-z]{2}_)?/(?P<scheme>https?)(?:%253A|_|%3A)?/+", re.IGNORECASE)
_WAYBACK_HEAD = re.compile(r"(<head[^>]*>).*?<!-- End Wayback Rewrite JS Include -->", re.IGNORECASE | re.DOTALL)
_WAYBACK_TAIL = re.compile(r"</html>\s*<!--\s*FILE ARCHIVED ON.*\Z", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class RealPage:
    """One saved page: its file under real-html, its original URL and capture tool."""

    file: str  # relative to real-html
    url: str  # the original URL (SOURCES.md)
    capture: str  # "httrack" | "wayback"
    mirror_path: str = ""  # HTTrack: the file's path inside the mirror (for resolving its relative links)

    @property
    def path(self) -> Path:
        return REAL_HTML / self.file

    def body(self) -> bytes:
        """The page bytes with the capture's changes undone."""
        raw = self.path.read_bytes()
        text = raw.decode("utf-8")
        text = undo_httrack(text, self.mirror_url) if self.capture == "httrack" else undo_wayback(text, self.url)
        return text.encode("utf-8")

    @property
    def mirror_url(self) -> str:
        return "http://sotttt.hanoi.gov.vn/" + self.mirror_path


def undo_httrack_href(href: str, mirror_url: str) -> str:
    """The original URL of a link HTTrack rewrote, given the saved file's own place in the mirror."""
    raw = htmllib.unescape(href).strip()
    if not raw or raw.startswith(("#", "javascript:", "mailto:")) or urlsplit(raw).scheme in ("http", "https"):
        return raw
    parts = urlsplit(urljoin(mirror_url, raw))
    path = parts.path
    if parts.query and _HTTRACK_HASHED.search(path):
        path = path[: -len("xxxx.html")]  # "bao-chi-xuat-ban7bc7.html?q" was "bao-chi-xuat-ban?q"
    elif path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html") and "/-/view_content/" not in path:
        path = path[: -len(".html")]  # HTTrack added .html; Liferay's view_content URLs had it already
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def undo_wayback_href(href: str, page_url: str = "") -> str:
    """The original URL of a link the Wayback Machine prefixed.

    A site-relative link it failed to place (``/TinTuc/…`` became ``http://web.archive.org/TinTuc/…``)
    goes back onto the page's own host.
    """
    raw = htmllib.unescape(href).strip()
    stripped = _WAYBACK_PREFIX.sub("", raw)
    if stripped != raw:
        return stripped
    if page_url and _WAYBACK_ROOTED.match(raw):
        return urljoin(page_url, "/" + _WAYBACK_ROOTED.sub("", raw))
    m = _WAYBACK_RELATIVE.match(raw)
    if m:  # "../../../../20180903114337cs_/http%253A/host/x.css" (assets saved beside the page)
        return f"{m['scheme']}://" + unquote(unquote(raw[m.end():]))
    return raw


def _rewrite(text: str, fix) -> str:
    def sub(m: re.Match) -> str:
        return f"{m['attr']}{m['q']}{htmllib.escape(fix(m['url']), quote=True)}{m['q']}"

    return _HREF.sub(sub, text)


def undo_httrack(text: str, mirror_url: str) -> str:
    """Page text with HTTrack's relative ``.html`` links turned back into the site's URLs."""
    return _rewrite(text, lambda href: undo_httrack_href(href, mirror_url))


def undo_wayback(text: str, page_url: str = "") -> str:
    """Page text without the Wayback scripts and archive comments, links back on the original host."""
    text = _WAYBACK_HEAD.sub(r"\1", text, count=1)
    text = _WAYBACK_TAIL.sub("</html>\n", text)
    return _rewrite(text, lambda href: undo_wayback_href(href, page_url))


_HANOI = "http://sotttt.hanoi.gov.vn"
_VC = "/-/view_content/"
PAGES: dict[str, RealPage] = {
    p.file: p
    for p in (
        RealPage("sotttt.hanoi.gov.vn/home.html", f"{_HANOI}/", "httrack", "index.html"),
        RealPage("sotttt.hanoi.gov.vn/listing-tin-tuc-su-kien.html", f"{_HANOI}/vi/tin-tuc-su-kien", "httrack",
                 "vi/tin-tuc-su-kien.html"),
        RealPage("sotttt.hanoi.gov.vn/listing-bao-chi-xuat-ban.html", f"{_HANOI}/vi/bao-chi-xuat-ban", "httrack",
                 "vi/bao-chi-xuat-ban.html"),
        RealPage("sotttt.hanoi.gov.vn/listing-bao-chi-xuat-ban-page32.html",
                 f"{_HANOI}/vi/bao-chi-xuat-ban?p_p_id=101&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
                 "&p_p_col_id=column-1&p_p_col_pos=1&p_p_col_count=2&_101_delta=15&_101_keywords="
                 "&_101_advancedSearch=false&_101_andOperator=true&p_r_p_564233524_resetCur=false&_101_cur=32",
                 "httrack", "vi/bao-chi-xuat-ban0aae.html"),
        RealPage("sotttt.hanoi.gov.vn/listing-cong-nghe-thong-tin.html", f"{_HANOI}/vi/cong-nghe-thong-tin", "httrack",
                 "vi/cong-nghe-thong-tin.html"),
        *(
            RealPage(f"sotttt.hanoi.gov.vn/{name}.html", f"{_HANOI}/{path}", "httrack", path)
            for name, path in (
                ("article-4411392-thong-tin-dt", f"vi/thong-tin-dt{_VC}4411392-cong-thong-tin-dien-tu-la-kenh-cung-cap-"
                 "thong-tin-thong-nhat-tap-trung-cua-co-quan-nha-nuoc-tren-moi-truong-mang.html"),
                ("article-4381291-thong-tin-dt", f"vi/thong-tin-dt{_VC}4381291-thanh-lap-so-chi-huy-phong-chong-dich-"
                 "covid-19-so-tt-tt.html"),
                ("article-984576-tin-tuc-su-kien", f"vi/tin-tuc-su-kien{_VC}984576-dam-bao-thong-tin-lien-lac-dip-le-"
                 "30-4-1-5-thoi-gian-dien-ra-cuoc-bau-cu-dai-bieu-quoc-hoi-khoa-xiv-va-dai-bieu-hdnd-cac-cap-nhiem-ky-"
                 "2016-2021.html"),
                ("article-984523-bao-chi-xuat-ban", f"vi/bao-chi-xuat-ban{_VC}984523-cap-19-an-pham-bao-tap-chi-cho-vung-"
                 "dan-toc-thieu-so-va-mien-nui-vung-dac-biet-kho-khan-nam-2016.html"),
                ("article-984505-cong-nghe-thong-tin", f"vi/cong-nghe-thong-tin{_VC}984505-thanh-lap-ban-chi-dao-ung-dung-"
                 "cong-nghe-thong-tin-thanh-pho-ha-noi.html"),
                ("article-744162-thanh-tra", f"vi/thanh-tra{_VC}744162-ket-luan-thanh-tra-viec-chap-hanh-phap-luat-"
                 "trong-linh-vuc-tt-tt.html"),
                ("article-1661235-dssdt", f"dssdt{_VC}1661235-de-nghi-tam-ngung-cung-cap-dich-vu-doi-voi-cac-so-dien-"
                 "thoai-qcrv-sai-quy-dinh.html"),
            )
        ),
        RealPage("stp.daknong.gov.vn/home-wayback-20180312.html", "http://stp.daknong.gov.vn/Pages/default.aspx", "wayback"),
        RealPage("thanhtra.daknong.gov.vn/home-wayback-20170614.html", "http://thanhtra.daknong.gov.vn/Pages/default.aspx",
                 "wayback"),
        RealPage("stc.daknong.gov.vn/home-wayback-20170604.html", "http://stc.daknong.gov.vn/Pages/default.aspx", "wayback"),
        RealPage("krongno.daknong.gov.vn/home-wayback-20180330.html", "http://krongno.daknong.gov.vn/Pages/Home.aspx",
                 "wayback"),
        RealPage("dakrlap.daknong.gov.vn/home-wayback-20180903.html", "http://dakrlap.daknong.gov.vn/Pages/default.aspx",
                 "wayback"),
        RealPage("stnmt.daknong.gov.vn/home-wayback-20180903.html", "http://stnmt.daknong.gov.vn/Pages/default.aspx",
                 "wayback"),
        RealPage("gianghia.daknong.gov.vn/home-wayback-20180903.html", "http://gianghia.daknong.gov.vn/Pages/default.aspx",
                 "wayback"),
    )
}


H = "http://sotttt.hanoi.gov.vn"
LISTING_STATE = "_101_advancedSearch=false&_101_andOperator=true"


def _next(path: str, delta: int, cur: int) -> str:
    return f"{H}/vi/{path}?{LISTING_STATE}&_101_cur={cur}&_101_delta={delta}&_101_keywords="


# What each page shows, read off it by hand (used by test_real_pages.py and bench/real_pages.py): file →
# family, kind, title, published, author, views, article links (distinct article ids in the page's own
# hrefs, the page itself left out), next link.
EXPECTED: dict[str, tuple] = {
    "sotttt.hanoi.gov.vn/home.html": ("liferay", "listing", None, None, None, None, 42, None),
    "sotttt.hanoi.gov.vn/listing-tin-tuc-su-kien.html": (
        "liferay", "listing", None, None, None, None, 20, _next("tin-tuc-su-kien", 20, 2)),
    "sotttt.hanoi.gov.vn/listing-bao-chi-xuat-ban.html": (
        "liferay", "listing", None, None, None, None, 15, _next("bao-chi-xuat-ban", 15, 2)),
    "sotttt.hanoi.gov.vn/listing-bao-chi-xuat-ban-page32.html": (
        "liferay", "listing", None, None, None, None, 15, _next("bao-chi-xuat-ban", 15, 33)),
    "sotttt.hanoi.gov.vn/listing-cong-nghe-thong-tin.html": (
        "liferay", "listing", None, None, None, None, 10, _next("cong-nghe-thong-tin", 10, 2)),
    "sotttt.hanoi.gov.vn/article-4411392-thong-tin-dt.html": (
        "liferay", "article",
        "Cổng thông tin điện tử là kênh cung cấp thông tin thống nhất, tập trung của cơ quan nhà nước trên môi trường mạng",
        "2022-07-19T09:08:00+07:00", "Phạm Văn Linh", None, 5, None),
    "sotttt.hanoi.gov.vn/article-4381291-thong-tin-dt.html": (
        "liferay", "article", "Thành lập Sở Chỉ huy phòng, chống dịch Covid-19 Sở TT&TT", "2021-07-25T14:35:00+07:00",
        "Lê Xuân Hải", None, 5, None),
    # "Nguyễn Tiến Sỹ" signs the body; the author field shows the account "Pho Ban bien tap"
    "sotttt.hanoi.gov.vn/article-984576-tin-tuc-su-kien.html": (
        "liferay", "article",
        "Đảm bảo thông tin liên lạc dịp lễ 30/4-1/5, thời gian diễn ra cuộc bầu cử đại biểu Quốc hội khóa XIV và đại "
        "biểu HĐND các cấp nhiệm kỳ 2016-2021", "2016-04-29T15:25:00+07:00", "Nguyễn Tiến Sỹ", 1111, 6, None),
    # the author field holds an account name ("Pho Ban bien tap", "admin admin"): no author is shown
    "sotttt.hanoi.gov.vn/article-984523-bao-chi-xuat-ban.html": (
        "liferay", "article",
        "Cấp 19 ấn phẩm báo, tạp chí cho vùng dân tộc thiểu số và miền núi, vùng đặc biệt khó khăn năm 2016",
        "2016-04-29T15:19:00+07:00", None, None, 6, None),
    "sotttt.hanoi.gov.vn/article-984505-cong-nghe-thong-tin.html": (
        "liferay", "article", "Thành lập Ban chỉ đạo Ứng dụng công nghệ thông tin thành phố Hà Nội",
        "2016-04-29T15:14:00+07:00", None, None, 6, None),
    "sotttt.hanoi.gov.vn/article-744162-thanh-tra.html": (
        "liferay", "article", "Kết luận thanh tra việc chấp hành pháp luật trong lĩnh vực TT&TT",
        "2015-11-02T00:00:00+07:00", None, 1589, 6, None),
    "sotttt.hanoi.gov.vn/article-1661235-dssdt.html": (
        "liferay", "article", "Đề nghị tạm ngừng cung cấp dịch vụ đối với các số điện thoại QCRV sai quy định",
        "2017-04-26T02:30:00+07:00", None, None, 6, None),
    "stp.daknong.gov.vn/home-wayback-20180312.html": ("sharepoint_lacviet", "listing", None, None, None, None, 12, None),
    "thanhtra.daknong.gov.vn/home-wayback-20170614.html": ("sharepoint_lacviet", "listing", None, None, None, None, 11, None),
    "stc.daknong.gov.vn/home-wayback-20170604.html": ("sharepoint_lacviet", "listing", None, None, None, None, 14, None),
    "krongno.daknong.gov.vn/home-wayback-20180330.html": ("sharepoint_lacviet", "listing", None, None, None, None, 32, None),
    "dakrlap.daknong.gov.vn/home-wayback-20180903.html": ("sharepoint_lacviet", "listing", None, None, None, None, 46, None),
    "stnmt.daknong.gov.vn/home-wayback-20180903.html": ("sharepoint_lacviet", "listing", None, None, None, None, 30, None),
    # 40 ids in hrefs, one of them (ItemID=469) inside an HTML comment
    "gianghia.daknong.gov.vn/home-wayback-20180903.html": ("sharepoint_lacviet", "listing", None, None, None, None, 39, None),
}

#: real-urls.tsv's family guesses → crawler families (WordPress, Joomla and Drupal are one family here).
FAMILY_OF_GUESS = {
    "newspaper": "newspaper", "custom": "custom_cms", "wordpress": "cms_generic", "joomla": "cms_generic",
    "drupal": "cms_generic", "sharepoint_portal": "sharepoint_portal", "sharepoint_list": "sharepoint_list",
    "liferay": "liferay", "webcenter": "webcenter", "dnn": "dnn", "nukeviet": "nukeviet", "websphere": "websphere",
    "unknown": "generic",
}

def available() -> bool:
    """True when ../shared/fixtures/real-html is present."""
    return REAL_HTML.is_dir()


def listed_files() -> set[str]:
    """Every saved page under real-html (so a page added there without an expectation fails a test)."""
    return {str(p.relative_to(REAL_HTML)) for p in REAL_HTML.rglob("*.html")}
