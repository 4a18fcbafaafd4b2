"""Pure page parsers for Vietnamese provincial portals: bytes in, ``PageParse`` out, no I/O.

One module per CMS family (``sharepoint_list``, ``sharepoint_portal``,
``liferay``, ``webcenter``, ``dnn``, ``cms_generic``, ``custom_cms``,
``newspaper``, ``lacviet`` (SharePoint 2010 LacViet), ``nukeviet``, ``websphere``) plus a trafilatura ``generic`` fallback.  Shared helpers:
``dates`` (every date format seen on portals), ``meta`` (views, bylines),
``clean`` (body text and line filters), ``attachments``, ``urls``
(``canonical_url``), ``feeds`` (RSS and sitemaps), ``fingerprint``.

>>> html = '''<html><body><div class="tandan-p-article">
... <div class="tandan-p-article-news-title">Hội nghị tổng kết phong trào thi đua Cụm 7</div>
... <span class="tandan-span-date-publish">Đăng ngày 17/03/2021</span>
... <div class="tandan-p-article-main"><p>Ngày 12/3/2021 tại thành phố Phan Rang - Tháp Chàm, Cụm thi đua số 7
... ngành Thông tin và Truyền thông tổ chức Hội nghị tổng kết phong trào thi đua năm 2020.</p></div>
... </div></body></html>'''
>>> page = parse_page("https://stttt.ninhthuan.gov.vn/portal/Pages/2021-3-17/Hoi-nghi-tong-ket-9a1b.aspx", html.encode())
>>> page.family, page.kind, page.article.published
('sharepoint_portal', 'article', '2021-03-17')
"""

from __future__ import annotations

import re

from parsel import Selector

from ..encoding import DecodeError, decode_html
from . import (
    cms_generic,
    custom_cms,
    dnn,
    generic,
    lacviet,
    liferay,
    newspaper,
    nukeviet,
    sharepoint_list,
    sharepoint_portal,
    webcenter,
    websphere,
)
from .botwall import BotWall, detect_botwall
from .document import largest_root
from .feeds import feed_type, parse_feed
from .fingerprint import FAMILIES, detect_family
from .model import ArticlePage, Link, PageParse
from .urls import canonical_url, url_key

__all__ = [
    "ArticlePage", "BotWall", "DecodeError", "FAMILIES", "Link", "PageParse", "canonical_url", "detect_family", "parse_page",
    "url_key",
]

_PARSERS = {
    "sharepoint_list": sharepoint_list.parse,
    "sharepoint_portal": sharepoint_portal.parse,
    "liferay": liferay.parse,
    "dnn": dnn.parse,
    "cms_generic": cms_generic.parse,
    "custom_cms": custom_cms.parse,
    "newspaper": newspaper.parse,
    "sharepoint_lacviet": lacviet.parse,
    "nukeviet": nukeviet.parse,
    "websphere": websphere.parse,
}


def _header(headers: dict | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        if str(key).lower() == name:
            if isinstance(value, list | tuple):
                value = value[0] if value else None
            if isinstance(value, bytes):
                value = value.decode("latin-1")
            return value
    return None


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return m.group(1) if m else None


def parse_page(url: str, body: bytes, headers: dict | None = None, family: str | None = None) -> PageParse:
    """Parse one fetched page.

    ``headers`` may hold ``Content-Type`` (its charset is honoured after
    verification).  ``family`` forces a parser (a name from ``FAMILIES``);
    by default it is detected from the URL and HTML.  RSS/Atom feeds and XML
    sitemaps come back as kind "listing" whose links are articles (or
    sitemaps); a JS cookie stub, CAPTCHA or block page as kind "botwall"
    (``PageParse.wall``).  Raises ``DecodeError`` for binary bodies and ``ValueError``
    for an unknown ``family``.
    """
    if family is not None and family not in FAMILIES:
        raise ValueError(f"unknown page family {family!r}; expected one of {', '.join(FAMILIES)}")
    text, _encoding = decode_html(body, _charset(_header(headers, "content-type")))
    wall = detect_botwall(text)
    if wall is not None:
        return PageParse(kind="botwall", article=None, family=family or "", wall=wall)
    kind = feed_type(text)
    if kind:
        return PageParse(kind="listing", article=None, links=parse_feed(url, text), family="feed")
    text = largest_root(text)
    sel = Selector(text=text or "<html></html>", base_url=url)
    detected = detect_family(url, text)
    page = _parse_as(family or detected, url, sel, text)
    page.detected_family = detected
    return page


def _parse_as(family: str, url: str, sel: Selector, text: str) -> PageParse:
    if family == "webcenter":
        return webcenter.parse(url, sel, text)
    if family == "generic":
        return generic.parse(url, sel, text)
    page = _PARSERS[family](url, sel)
    if page.kind == "other" and generic.looks_like_article_url(url):
        # the family's selectors found nothing (a redesign, an unknown template): trafilatura decides
        fallback = generic.parse(url, sel, text)
        if fallback.kind == "article":
            return fallback
    return page
