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
    ('https://baocantho.com.vn/thoi-su/dbscl/', 3)
    >>> next_page_url("https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=2",
    ...     [("https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=3", "next")])
    'https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=3'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.pages import url_key

#: Query keys (lower-case) that carry a page number.
PAGE_KEYS = frozenset({"pageindex", "page", "p", "selectedpage", "paged", "trang", "pagenumber", "pageno"})
#: Suffix of Liferay portlet-namespaced paging keys (``_…_INSTANCE_x_cur``).
PAGE_KEY_SUFFIXES = ("_cur",)
#: Path forms: group "n" is the page number; the match is replaced by group "keep".
PATH_PATTERNS = (
    re.compile(r"(?P<keep>/)page-(?P<n>\d+)\.html?$", re.IGNORECASE),
    re.compile(r"(?P<keep>/)page/(?P<n>\d+)/?$", re.IGNORECASE),
    re.compile(r"(?P<keep>/)trang-(?P<n>\d+)(?:\.html?)?/?$", re.IGNORECASE),
    re.compile(r"(?P<keep>/PhanTrang/[^/]+/)(?P<n>\d+)/", re.IGNORECASE),
)


def _is_page_key(key: str) -> bool:
    low = key.lower()
    return low in PAGE_KEYS or low.endswith(PAGE_KEY_SUFFIXES)


def page_info(url: str) -> tuple[str, int]:
    """``(listing_key, page_number)``: the URL without its page number (IIS case-folded), and the number (1 if none)."""
    parts = urlsplit(url_key(url))
    number = 1
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if _is_page_key(key) and value.isdigit():
            number = int(value)
        else:
            query.append((key, value))
    path = parts.path
    for pattern in PATH_PATTERNS:
        m = pattern.search(path)
        if m:
            number = int(m.group("n"))
            path = path[: m.start()] + m.group("keep") + path[m.end():]
            break
    key = urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))
    return key, number


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
