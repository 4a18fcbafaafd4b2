"""Family G: new custom CMSs after 2023–2026 migrations (Gia Lai, Lào Cai, Đắk Lắk, Đồng Tháp new).

Gia Lai: ``h1.title-detail``, ``.post-date``, ``.article-brief``,
``.article-content``; listings of ``a.article-title.common-title`` paged by
``.wrapper-pagination a.next-pages``.  Lào Cai and Quảng Nam (new) end
article slugs with the id (``/tin-tuc/hoi-nghi-…-258090``); Đồng Tháp new
uses ``/tin-tuc/chi-tiet?id=7742453``.

>>> SPEC.title[0]
'h1.title-detail'
"""

from __future__ import annotations

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="custom_cms",
    detail=(".article-detail", ".post-detail", ".detail-news", ".news-detail"),
    title=("h1.title-detail", ".title-detail", "h1.article-title", ".post-title h1", ".detail-title"),
    date=(".post-date", ".article-date", ".date-detail", ".publish-date", ".time-post"),
    summary=(".article-brief", ".common-brief", ".detail-sapo", ".sapo"),
    body=(".article-content", ".common-content", ".detail-content", ".post-content", ".content-detail"),
    author=(".article-author", ".post-author", ".author-detail"),
    views=(".post-views", ".view-count"),
    prune=(".related-articles", ".box-related", ".article-tags"),
    article_urls=(r"/[a-z0-9]+(?:-[a-z0-9]+)+-\d{4,}(?:\.html?)?$", r"/tin-tuc/chi-tiet\?id=\d+", r"/bai-viet/[^/]+",
                  r"/chi-tiet/[^/]+"),
    listing_urls=(r"/tin-tuc/[a-z0-9-]+/?$", r"/chuyen-muc/", r"[?&]page=\d+"),
    listing_markers=("a.article-title.common-title", ".list-news-category"),
    next_links=(".wrapper-pagination a.next-pages", "a.next-page"),
)


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a new custom-CMS page."""
    return parse_with_spec(SPEC, url, sel)
