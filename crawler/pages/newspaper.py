"""Family H: provincial newspapers (baocantho, baobinhduong, baoangiang, baophutho, baothanhhoa).

Articles end in ``-a\\d+.html``; bodies sit in ``#newscontents`` or
``#dcontent``.  Some papers encrypt part of the body and decode it in JS:
such an article is returned with empty ``text`` rather than falling back to
the sidebar.

>>> SPEC.body[:2]
('#newscontents', '#dcontent')
"""

from __future__ import annotations

import re

from parsel import Selector

from extract.normalize import normalize_name

from .base import FamilySpec, clean_title, parse_with_spec
from .dates import parse_date
from .model import ArticlePage, PageParse
from .urls import canonical_url

SPEC = FamilySpec(
    name="newspaper",
    detail=(".detail", ".article-detail", ".news-detail", "article"),
    title=(".detail h1", "h1.title", "h1.article-title", ".detail-title h1", ".title-detail"),
    date=(".detail .date", ".post-time", ".detail-time", ".publish-date", ".date"),
    summary=(".sapo", ".lead", "h2.summary"),
    body=("#newscontents", "#dcontent", ".detail-content", ".article-body"),
    author=(".detail .author", ".tacgia", ".detail-author"),
    prune=(".box-related", ".tinlienquan", ".detail-tools"),
    article_urls=(r"-a\d+\.html$", r"/\d{6}/[^/]+/?$", r"/tin-bai/[^/]+/[^/]+"),
    listing_urls=(r"/page-\d+\.html$",),
    listing_markers=(".list-news", ".category-news"),
    next_links=(".paging a.next", ".pagination a.next"),
)
ENCRYPTED_MARKERS: tuple[str, ...] = (r"data-encrypted", r"decryptContent\(", r"CryptoJS")


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a newspaper page; JS-encrypted bodies give an article with empty text."""
    page = parse_with_spec(SPEC, url, sel)
    if page.kind != "article" and any(re.search(p, url) for p in SPEC.article_urls):
        body = sel.css("#dcontent, #newscontents")
        if body and any(re.search(p, body.get()) for p in ENCRYPTED_MARKERS):
            title = clean_title(normalize_name(" ".join(sel.css("h1 ::text").getall())))
            published = parse_date(" ".join(sel.css(".date ::text").getall()))
            page.kind = "article"
            page.article = ArticlePage(url=canonical_url(url), title=title, published=published, author=None,
                                       views=None, attachments=[], text="")
    return page
