"""URL shapes shared by every family: what an article, a listing and a print view look like (data).

A link is classified in tiers, first match wins (:func:`classify`):

1. ``NEVER_FOLLOW`` — print and save views (``/savefile/``, ``print.aspx``), video and photo
   pages: copies or players, no article text;
2. ``LISTING_MARKERS`` — tag, keyword, search, topic and author pages (``/tag/``,
   ``-tag17670.html``, ``/tu-khoa/``, ``/tim-kiem/``), whatever else the URL says;
3. the family's own article patterns (``FamilySpec.article_urls``);
4. ``PAGED`` — a page number (``?page=452``, ``/trang-2.html``, ``/p/5``, ``-p12.html``);
5. ``ARTICLE_SHAPES`` — the id schemes of portals and papers (``-a158031.html``,
   ``-post814667.html``, ``/202104/<slug>-3052452/``, ``/tin-tuc/200/129281/<slug>``,
   ``viewer.aspx?mabb=252483``) and a last path segment of ``LONG_SLUG_WORDS`` words or more;
6. the family's listing patterns;
7. ``CATEGORY_SHAPES`` — a site root, ``Default.aspx``, or a short path of short
   segments (``/chinh-tri/chinh-quyen``): a category.

The shapes were read off ``../shared/fixtures/real-urls.tsv`` (real-urls.md
lists them per family) and are checked against it in
``tests/crawler_pages/test_url_rules.py``.

>>> classify("https://baokontum.com.vn/thoi-su-chinh-tri-21.html?page=452")
'listing'
>>> classify("https://baogialai.com.vn/dai-hoi-thi-dua-yeu-nuoc-tinh-gia-lai-post143898.html")
'article'
>>> classify("https://dbnd.hagiang.gov.vn/index.php?nv=news&op=savefile/VP/Ky-ket-5868") is None
True
"""

from __future__ import annotations

import functools
import re
from urllib.parse import unquote, urlsplit

NEVER_FOLLOW: tuple[str, ...] = (
    r"/savefile/", r"[?&]op=savefile", r"/print/", r"/bm/print/\d+", r"/trang-in-\d+", r"/print\.aspx", r"/ban-in/",
    r"[?&](?:print|in)=(?:1|true)\b",
    # video and photo pages: a player or a gallery, no article text
    r"/(?:video|tin-video|nvideo|kho-video|thu-vien-video|xem-albumphoto|phong-su-anh|photo|album)/", r"/radio-episode-",
)
LISTING_MARKERS: tuple[str, ...] = (
    r"/(?:tu-khoa|tukhoa|topic|tac-gia|author|search|tim-kiem|timkiem)(?:/|\?|$)",
    r"/tag(?:s|-video)?(?:/(?![^/]+/[^/]+/)|\?|$)",  # not /tag/24h./phap-luat/<slug>-56595/ (an article)
    r"[-/]p?tag\d*(?:\.html?)?(?:\?|$)", r"\.tag(?:\?|$)", r"-author\d+$",
    r"/s/[^/]+$", r"[^/]*\+[^/]*\.html?$", r"/search\.aspx", r"[?&](?:q|key|keyword|keywords|tukhoa|searchtext)=",
    r"/chuyen-?muc(?:/|$)(?!.*-\d{5,}\.\w+$)", r"/chuyenmuc/", r"/ReloadSubject/", r"/vi-vn/trang/",
)
PAGED: tuple[str, ...] = (
    r"[?&](?:page|pageindex|trang|p|paged|pagenumber|pageno|currentpage|selectedpage|start|limitstart|pagefirstrow)=\d+",
    r"_cur=\d+", r"/page[-/]\d+(?:/|\.html?$|$)", r"/trang-\d+(?:\.html?)?/?$", r"/p/\d+/?$", r"-p\d+\.html?$",
    r"/PhanTrang/", r"/currentpage/\d+",
)
ARTICLE_SHAPES: tuple[str, ...] = (
    r"-a\d{3,}\.html?$",
    r"[-/]post\d{2,}\.(?:html?|tpo|info|vov\d?|ldo|bld)$",
    r"-[a-z]?\d{3,}\.(?:html?|aspx|ldo|bld|tpo|tld|vgp|vov\d?|bcb|info|cand)$",
    r"-(?:i|d|c\d+-)\d{5,}(?:\.\w+)?/?$",
    r"-\d{5,}/?$",
    r"/(?:19|20)\d{2}(?:0[1-9]|1[0-2])/[^/]+/?$",  # /202104/<slug>-3052452/, /201409/<slug>-2360016
    r"/(?:19|20)\d{2}/\d{1,2}/(?:\d{1,2}/)?[^/]+/?$",  # /2025/04/<slug>, /2013/1/138480
    r"/\d{4,}/[^/]+/?$",  # /tin-tuc/200/129281/<slug>, /noi-dung/2658/<Slug>, /17/187878/<Slug>.aspx
    r"/\d{5,}\.(?:html?|aspx|vgp)$",  # /<slug>/155697.htm
    r"/\d+-\d+-\d{5,}$",  # /<slug>/506432-16570-573701
    r"/(?:[^/-]+-){5,}[^/]+/\d{4,}/?$",  # /<long slug>/107881
    r"\d+p\d+c\d+/[^/]+\.htm$",  # baoninhthuan /news/124241p31c171/<slug>.htm
    r"/(?:chi-?tiet|bai-viet|noi-dung|tin-bai|detailview|read|news/detail)/",
    r"/ID/\d+/",
    r"[?&](?:mabb|newsid|newsviews|nid|itemid|articleid|userkey)=[^&]+", r"[?&]id=\d+$", r"[?&]x=\d+/",
)
CATEGORY_SHAPES: tuple[str, ...] = (
    r"^https?://[^/]+/?$",
    r"^https?://[^/]+/(?:default|index|home|trang-chu)(?:\.(?:aspx|php|html?))?$",
)
#: A last path segment of this many words (``-`` separated, after percent-decoding) is an article slug.
LONG_SLUG_WORDS = 8
#: A path of at most this many segments, each of at most ``SHORT_WORDS`` words and no id, is a category.
SHORT_SEGMENTS = 3
SHORT_WORDS = 4

_EXT = re.compile(r"\.(?:html?|aspx|php)$", re.IGNORECASE)


@functools.cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def matches(url: str, patterns: tuple[str, ...]) -> bool:
    """True when any pattern matches ``url`` (case-insensitive)."""
    return bool(patterns) and bool(_compiled(patterns).search(url))


def _segments(url: str) -> list[str]:
    return [unquote(s) for s in urlsplit(url).path.split("/") if s]


def long_slug(url: str) -> bool:
    """True when the URL's last path segment is a slug of ``LONG_SLUG_WORDS`` words or more."""
    segments = _segments(url)
    if not segments:
        return False
    last = _EXT.sub("", segments[-1])
    return len([w for w in re.split(r"[-_]+", last) if w]) >= LONG_SLUG_WORDS


def short_category(url: str) -> bool:
    """True for ``/chinh-tri/chinh-quyen``, ``/tin-tuc/tin-hoat-dong.html``: few short segments, no digits, no query."""
    parts = urlsplit(url)
    segments = _segments(url)
    if parts.query or not segments or len(segments) > SHORT_SEGMENTS:
        return False
    for segment in segments:
        words = [w for w in re.split(r"[-_]+", _EXT.sub("", segment)) if w]
        if len(words) > SHORT_WORDS or re.search(r"\d{3,}", segment):
            return False
    return True


def classify(url: str, article_urls: tuple[str, ...] = (), listing_urls: tuple[str, ...] = (),
             article_shapes: bool = True) -> str | None:
    """``"article"``, ``"listing"`` or None for a canonical URL, a family's own patterns taking part (see module doc).

    ``article_shapes=False`` skips tier 5, for a family whose article URLs are all of its own shape.
    """
    if matches(url, NEVER_FOLLOW):
        return None
    if matches(url, LISTING_MARKERS):
        return "listing"
    if matches(url, article_urls):
        return "article"
    if matches(url, PAGED):
        return "listing"
    if article_shapes and (matches(url, ARTICLE_SHAPES) or long_slug(url)):
        return "article"
    if matches(url, listing_urls) or matches(url, CATEGORY_SHAPES) or short_category(url):
        return "listing"
    return None
