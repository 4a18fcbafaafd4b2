"""Family D: Oracle WebCenter / ADF portals (quangnam.gov.vn, mof, sbv, anle.toaan).

The first response is often the ADF "loop" interstitial ("Copyright (c)
2008, Oracle and/or its affiliates", a script adding ``_afrLoop=<n>``): it is
kind "interstitial" with ``PageParse.afr_loop`` set, and the crawler
re-requests the same URL with ``_afrLoop=<n>`` (keeping cookies).
Articles carry ``dDocName=PORTAL174180``; listings page with
``selectedPage=N``, which wraps back to page 1 past the last page (the
spider stops when page N's first item equals page 1's).

>>> afr_loop_value("<script>/* Copyright (c) 2008, Oracle and/or its affiliates. */ var _afrLoop='5473321178';</script>")
'5473321178'
"""

from __future__ import annotations

import re

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="webcenter",
    detail=(".chi-tiet-tin", ".news-detail", ".content-detail"),
    title=(".chi-tiet-tin h1", ".news-detail h1", ".tieu-de", ".news-title", ".content-title"),
    date=(".ngay-dang", ".news-date", ".chi-tiet-tin .date"),
    summary=(".tom-tat", ".news-summary"),
    body=(".noi-dung", ".news-content", ".content-detail .body", "#contentDetail"),
    author=(".tac-gia", ".news-author"),
    prune=(".tin-khac", ".af_commandImageLink"),
    article_urls=(r"[?&]dDocName=(?!.*documentContent)[^&]+",),
    listing_urls=(r"[?&]selectedPage=\d+",),
    listing_markers=("table.table-bordered a[href*='dDocName=']",),
    next_links=(".af_table_navbar a.next", "a.next-page"),
)
INTERSTITIAL_MARKERS: tuple[str, ...] = (r"2008,\s*Oracle and", r"_afrLoop", r"AdfLoopbackUtils", r"_afrWindowMode")
AFR_LOOP_PATTERNS: tuple[str, ...] = (
    r"_afrLoop\s*=\s*['\"]?(\d+)",
    r"['\"]_afrLoop['\"]\s*,\s*['\"](\d+)['\"]",
    r"_afrLoop['\"]?\s*[:=]\s*['\"](\w+)['\"]",
    r"[?&]_afrLoop=(\w+)",
)
MAX_INTERSTITIAL_TEXT = 600  # visible characters: a loop page shows almost nothing


def afr_loop_value(html: str) -> str | None:
    """The ``_afrLoop`` token of an ADF loop page, or None."""
    for pattern in AFR_LOOP_PATTERNS:
        m = re.search(pattern, html)
        if m:
            return m.group(1)
    return None


def is_interstitial(html: str, sel: Selector) -> bool:
    """True for the ADF loop page: Oracle loop script and (almost) no visible text."""
    if not any(re.search(p, html) for p in INTERSTITIAL_MARKERS[:3]):
        return False
    visible = " ".join(t.strip() for t in sel.xpath("//body//text()[not(ancestor::script)][not(ancestor::noscript)]").getall())
    return len(visible.strip()) <= MAX_INTERSTITIAL_TEXT and afr_loop_value(html) is not None


def parse(url: str, sel: Selector, html: str = "") -> PageParse:
    """Parse a WebCenter page; interstitials return ``kind="interstitial"`` with ``afr_loop``."""
    html = html or sel.get()
    if is_interstitial(html, sel):
        return PageParse(kind="interstitial", article=None, links=[], afr_loop=afr_loop_value(html), family=SPEC.name)
    return parse_with_spec(SPEC, url, sel)
