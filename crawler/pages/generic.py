"""Fallback for unknown platforms: trafilatura finds the main text and metadata.

Links are classified with every family's URL patterns.  A page is an
article when trafilatura finds a title and at least ``MIN_TEXT_CHARS`` of
text that is not mostly links.

>>> MIN_TEXT_CHARS
400
"""

from __future__ import annotations

import trafilatura
from parsel import Selector

from extract.normalize import normalize_text

from . import (
    cms_generic,
    custom_cms,
    dnn,
    lacviet,
    liferay,
    newspaper,
    nukeviet,
    sharepoint_list,
    sharepoint_portal,
    urlshapes,
    webcenter,
    websphere,
)
from .attachments import find_attachments
from .base import FamilySpec, clean_title, collect_links
from .clean import filter_lines
from .dates import date_from_url, parse_date
from .meta import DATE_META, clean_byline, meta_values
from .model import ArticlePage, PageParse
from .urls import canonical_url

MIN_TEXT_CHARS = 400
_FAMILIES = (sharepoint_list, sharepoint_portal, liferay, webcenter, dnn, cms_generic, custom_cms, newspaper, lacviet,
             nukeviet, websphere)
SPEC = FamilySpec(
    name="generic",
    article_urls=tuple(p for f in _FAMILIES for p in f.SPEC.article_urls),
    listing_urls=tuple(p for f in _FAMILIES for p in f.SPEC.listing_urls),
    feed_urls=tuple(p for f in _FAMILIES for p in f.SPEC.feed_urls),
)


#: Every family's spec by name, this fallback's included.
SPECS: dict[str, FamilySpec] = {f.SPEC.name: f.SPEC for f in _FAMILIES} | {SPEC.name: SPEC}


def looks_like_article_url(url: str) -> bool:
    """True when some family's article URL pattern or a shared article shape matches ``url`` (``-a172345.html``, ``dDocName=``, …)."""
    return urlshapes.classify(canonical_url(url), SPEC.article_urls) == "article"


def parse(url: str, sel: Selector, html: str = "") -> PageParse:
    """Parse any page with trafilatura."""
    html = html or sel.get()
    links = collect_links(SPEC, url, sel)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True)
    text = ""
    if doc is not None and doc.text:
        title_key = (normalize_text(doc.title or "")).lower()
        paras = [p for p in filter_lines([p for p in doc.text.split("\n") if p.strip()]) if p.lower() != title_key]
        text = normalize_text("\n\n".join(paras))
    n_articles = sum(1 for link in links if link.kind == "article")
    if doc is None or len(text) < MIN_TEXT_CHARS or not doc.title:
        kind = "listing" if n_articles >= 3 or any(link.kind == "next" for link in links) else "other"
        return PageParse(kind=kind, article=None, links=links, family=SPEC.name)
    published = next((d for d in map(parse_date, meta_values(sel, DATE_META)) if d), None)
    published = published or parse_date(doc.date) or date_from_url(url)
    article = ArticlePage(
        url=canonical_url(url),
        title=clean_title(doc.title),
        published=published,
        author=clean_byline(doc.author),
        views=None,  # counters cannot be told from site-wide visitor counts without a family
        attachments=find_attachments(sel, url),
        text=text,
        summary=None,
    )
    return PageParse(kind="article", article=article, links=links, family=SPEC.name)
