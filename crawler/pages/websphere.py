"""Family K: IBM WebSphere Portal with Web Content Manager (An Giang, Hội Nông dân, Long An party sites).

URLs carry the portal's navigation state after ``!ut/p/z0/`` (or ``z1/``): an
opaque, compressed string that differs with every click, sometimes followed by
its readable form ``/p0/IZ7_…=CZ6_…=MECTX!QCPlib-…QCP<uuid>==/`` or by
``?uri=nm:oid:Z6_…`` (a content item).  The state is part of the page's
identity (two articles differ only there), so ``canonical_url`` keeps it and
drops only ``;jsessionid=``.  An article is recognised by a detail page name
before the state (``/trang-tin-chi-tiet/!ut/…``), by a WCM content path
(``MECTX!…QCP<uuid>``, ``uri=nm:oid:``), or by a friendly slug ending in an id
(``/wps/portal/<category>/<slug>-223``).

No WebSphere page has been saved: the content selectors follow WCM's usual
presentation templates (``.wcm-title``, ``.wcm-date``, ``.wcm-body`` inside
``.wpthemeControl``/``.ibmPortalControl``), as the sample site renders them;
trafilatura takes over on an article URL they do not fit.

>>> bool(__import__("re").search(SPEC.article_urls[0], "https://x.gov.vn/wps/portal/Home/trang-tin-chi-tiet/!ut/p/z0/fcw9D4IwGATgv8/"))
True
"""

from __future__ import annotations

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="websphere",
    detail=(".wcm-detail", ".wpthemeControl .ibmPortalControl", ".ibmPortalControl"),
    title=(".wcm-detail .wcm-title", ".wcm-title", ".ibmPortalControl h1"),
    date=(".wcm-detail .wcm-date", ".wcm-date", ".ibmPortalControl .date"),
    summary=(".wcm-summary",),
    body=(".wcm-body", ".wcm-detail .content"),
    author=(".wcm-author",),
    prune=(".wcm-related", ".wcm-share"),
    article_urls=(
        r"/wps/portal/.*(?:chi-?tiet|detail)[^/]*/!ut/p/",
        r"/wps/portal/.*MECTX!.*QCP[0-9a-f]{8}-[0-9a-f]{4}-",
        r"/wps/portal/.*[?&]uri=nm(?::|%3A)oid",
        r"/wps/portal/(?!.*!ut/)[^?]*/[^/?]+-\d+/?$",
    ),
    listing_urls=(r"/wps/portal/(?!.*(?:chi-?tiet|detail|MECTX!|uri=nm))",),
    listing_markers=(".wcm-list",),
    next_links=(".wcm-pager a.next", ".wpthemePager a.next"),
)


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a WebSphere Portal page."""
    return parse_with_spec(SPEC, url, sel)
