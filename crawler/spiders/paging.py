"""Listing pagination: which link is *this* listing's next page? Pure functions over URLs.

Portals page their listings with a query key (``PageIndex``, ``Page``, ``page``,
``p``, ``selectedPage``, a Liferay portlet's ``…_cur``) or a path segment
(``/page-3.html``, ``/page/3/``, ``/PhanTrang/<cat>/3/``).  A link is the next
page when it is the same listing (same URL once the page number is removed) with
a higher page number; parsers' "next" links are checked the same way, so a
mislabelled link to the home page, or a WebCenter link wrapping back to page 1,
is never followed.

Example::

    >>> page_info("https://baocantho.com.vn/thoi-su/dbscl/page-3.html")
    ('https://baocantho.com.vn/thoi-su/dbscl', 3)
    >>> next_page_url("https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=2",
    ...     [("https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=3", "next")])
    'https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=3'
"""

from __future__ import annotations

from collections.abc import Iterable

from crawler.pages.urls import page_info

__all__ = ["next_page_url", "page_info"]

def next_page_url(current: str, links: Iterable[tuple[str, str]]) -> str | None:
    """The next page of listing ``current`` among ``(url, kind)`` links, or None.

    Candidates are links of kind "next" or "listing" that are the same listing
    with a higher page number; "next" wins, then the lowest number.
    """
    base, number = page_info(current)
    best: tuple[int, int, str] | None = None
    for url, kind in links:
        if kind not in ("next", "listing"):
            continue
        other_base, other_number = page_info(url)
        if other_base != base or other_number <= number:
            continue
        rank = (0 if kind == "next" else 1, other_number, url)
        if best is None or rank < best:
            best = rank
    return best[2] if best else None
