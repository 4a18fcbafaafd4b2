"""URL canonicalisation for portal pages: drop session and tracking noise, keep identity.

>>> canonical_url("HTTPS://QuangNam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL174180&_afrLoop=123&_adf.ctrl-state=x_4#top")
'https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL174180'
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query keys that identify a session, a window or a tracking campaign, never a document.
DROP_KEYS: frozenset[str] = frozenset(
    {
        "_afrloop", "_afrwindowmode", "_afrwindowid", "_adf.ctrl-state", "_afrpage", "jsessionid",
        "redirect", "fbclid", "gclid", "zarsrc", "sessionid", "phpsessid", "aspsessionid",
        # SharePoint: the page to return to after a form, and the site manager's context
        "source", "smtcontext", "smtcontextexpanded",
    }
)
# Keys dropped on some pages only: (path regex, keys).  A LacViet blog post is linked with and without
# the date it was published (``Post.aspx?CategoryId=1&ItemId=222&PublishedDate=2017-01-06T15:40:00Z``);
# on ``AllPosts.aspx`` the same key pages the listing, so it stays there.  Liferay's ``…_resetCur`` is a
# render flag.
DROP_KEYS_ON: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"/lists/posts/post\.aspx$", re.IGNORECASE), frozenset({"publisheddate"})),
)
_DROP_KEY_PATTERNS = (re.compile(r"^p_r_p_\d+_resetcur$"),)
DROP_PREFIXES: tuple[str, ...] = ("utm_", "p_p_")
# Keys that identify a document; kept verbatim (listed for documentation and tests).
IDENTITY_KEYS: tuple[str, ...] = ("dDocName", "ID", "ItemID", "nid", "id")
_PATH_SESSION = re.compile(r";(?:jsessionid|sessionid)=[^/?#]*", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# IIS serves these case-insensitively (SharePoint, DNN, ASP.NET)
_IIS_PATH = re.compile(r"\.(aspx|ashx|asmx)$|/_layouts/|/lists/|/tabid/", re.IGNORECASE)


def _escapes(path: str) -> str:
    """The path's percent-encoding written one way (w3lib): ``%c4%83`` and ``ă`` both become ``%C4%83``.

    Escapes that change meaning (``%2F``, ``%25``) and bytes that are not UTF-8 stay as they are.
    """
    return urlsplit(canonicalize_url(urlunsplit(("http", "h", path, "", "")))).path or "/"


def _drop(key: str, path: str = "") -> bool:
    low = key.lower()
    if low in DROP_KEYS or low.startswith(DROP_PREFIXES) or any(p.match(low) for p in _DROP_KEY_PATTERNS):
        return True
    return any(low in keys and rx.search(path) for rx, keys in DROP_KEYS_ON)


def canonical_url(url: str) -> str:
    """Canonical form of a page URL, used as the page's identity.

    Strips ADF session tokens (``_afrLoop``, ``_afrWindowMode``, ``_afrWindowId``,
    ``_adf.ctrl-state``), ``jsessionid`` (query or ``;jsessionid=`` path
    parameter), Liferay ``p_p_*`` (``p_p_auth``, ``p_p_id``, …) and ``redirect``,
    SharePoint's ``Source``, ``utm_*``, ``fbclid`` and the fragment; lower-cases
    scheme and host, drops a trailing dot of the host (``kinhtemoitruong.vn.``)
    and default ports (``:443`` on https, ``:80`` on http), writes the path's
    percent-encoding one way (non-ASCII and lower-case escapes become upper-case
    UTF-8 escapes, ``%c4%83`` = ``%C4%83`` = ``ă``) and sorts the query.
    Identity keys (``dDocName``, ``ID``, ``ItemID``, ``nid``, ``id``) and paging
    keys (``PageIndex``, ``…_cur``, ``selectedPage``) are kept.  The scheme and a
    ``www.`` stay as given, so the URL can still be fetched; :func:`url_key` is
    the identity that folds them.

    >>> canonical_url("https://dongthap.gov.vn/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/15646298?p_p_id=x&redirect=%2F&utm_source=fb")
    'https://dongthap.gov.vn/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/15646298'
    """
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host
    if parts.username:
        netloc = f"{parts.username}@{host}"
    if port and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    path = _escapes(_PATH_SESSION.sub("", parts.path) or "/")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _drop(k, path)]
    query.sort(key=lambda kv: (kv[0], kv[1]))
    return urlunsplit((scheme, netloc, path, urlencode(query, quote_via=quote, safe="/:,"), ""))


def url_key(url: str) -> str:
    """Identity of a page: ``canonical_url`` with http/https, ``www.`` and case (where the server ignores it) folded.

    One page is served as ``http://`` and ``https://``, on ``www.baokontum.com.vn``
    and ``baokontum.com.vn``: the key is written ``https://`` and without
    ``www.``.  IIS-hosted portals (SharePoint, DNN, ASP.NET) answer
    ``/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2`` and
    ``/lists/tintucsukien/tongquat.aspx?pageindex=2`` with the same page.  The
    key is for comparing, not for fetching.

    >>> url_key("http://www.binhduong.gov.vn/lists/tintucsukien/tongquat.aspx?pageindex=2") == url_key(
    ...     "https://binhduong.gov.vn:443/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2")
    True
    """
    canon = canonical_url(url)
    parts = urlsplit(canon)
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    netloc = parts.netloc[4:] if parts.netloc.startswith("www.") else parts.netloc
    if not _IIS_PATH.search(parts.path):
        return urlunsplit((scheme, netloc, parts.path, parts.query, ""))
    query = sorted((k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit((scheme, netloc, parts.path.lower(), urlencode(query, quote_via=quote, safe="/:,"), ""))


def absolute(base: str, href: str | None) -> str | None:
    """Absolute http(s) URL for ``href`` on page ``base``; None for javascript:, mailto:, tel:, empty."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#") or re.match(r"(?i)(javascript|mailto|tel|data|about):", href):
        return None
    url = urljoin(base, href)
    # file: for pages read from disk (`thidua extract page.html`)
    return url if urlsplit(url).scheme in {"http", "https", "file"} else None


def same_host(a: str, b: str) -> bool:
    """True when two URLs share a host name (ports ignored)."""
    return (urlsplit(a).hostname or "").lower() == (urlsplit(b).hostname or "").lower()


def query_value(url: str, key: str) -> str | None:
    """Value of the first query key matching ``key`` case-insensitively, or ending with ``key`` if it starts with "_"."""
    for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if k.lower() == key.lower() or (key.startswith("_") and k.lower().endswith(key.lower())):
            return v
    return None


#: Query keys (lower-case) that carry a page number.
PAGE_KEYS = frozenset(
    {"pageindex", "page", "p", "selectedpage", "paged", "trang", "pagenumber", "pageno", "currentpage",
     "start", "limitstart",  # Joomla pages by item offset: still increasing
     "pagefirstrow"}  # SharePoint list views page by first row (1, 16, 31): still increasing
)
#: Query keys that say how a listing is shown, not which listing it is: ignored when deciding
#: whether two URLs are pages of one listing.  Liferay's search container repeats its defaults on
#: every pager link (``_101_delta=15&_101_keywords=&_101_advancedSearch=false``) and SharePoint's
#: list views carry a cursor (``Paged=TRUE&p_ID=581&p_PublishedDate=…``).
PAGING_STATE_KEYS = re.compile(
    r"^(?:_\w+_(?:delta|keywords|advancedsearch|andoperator|orderbycol|orderbytype)|p_r_p_\d+_resetcur|paged|p_(?!p_)\w+)$",
    re.IGNORECASE,
)
#: Suffix of Liferay portlet-namespaced paging keys (``_…_INSTANCE_x_cur``).
PAGE_KEY_SUFFIXES = ("_cur",)
#: Path forms: group "n" is the page number; the match is replaced by group "keep".
PATH_PATTERNS = (
    re.compile(r"(?P<keep>/)page-(?P<n>\d+)\.html?$", re.IGNORECASE),
    re.compile(r"(?P<keep>/)page/(?P<n>\d+)/?$", re.IGNORECASE),
    re.compile(r"(?P<keep>/)page-(?P<n>\d+)/?$", re.IGNORECASE),  # NukeViet: /vi/news/<cat>/page-2/
    re.compile(r"(?P<keep>/)trang-(?P<n>\d+)(?:\.html?)?/?$", re.IGNORECASE),
    re.compile(r"(?P<keep>/PhanTrang/[^/]+/)(?P<n>\d+)/", re.IGNORECASE),
)


_LISTING_TAIL = re.compile(r"(?:\.html?|/)$", re.IGNORECASE)


def _is_page_key(key: str) -> bool:
    low = key.lower()
    return low in PAGE_KEYS or low.endswith(PAGE_KEY_SUFFIXES)


def page_info(url: str) -> tuple[str, int]:
    """``(listing_key, page_number)``: the URL without its page number (IIS case-folded), and the number (1 if none).

    >>> page_info("https://baocantho.com.vn/thoi-su/dbscl/page-3.html")
    ('https://baocantho.com.vn/thoi-su/dbscl', 3)
    >>> page_info("https://baocantho.com.vn/thoi-su/dbscl.html")
    ('https://baocantho.com.vn/thoi-su/dbscl', 1)
    """
    parts = urlsplit(url_key(url))
    number = 1
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if _is_page_key(key) and value.isdigit():
            number = int(value)
        elif PAGING_STATE_KEYS.match(key):
            continue
        else:
            query.append((key, value))
    path = parts.path
    for pattern in PATH_PATTERNS:
        m = pattern.search(path)
        if m:
            number = int(m.group("n"))
            path = path[: m.start()] + m.group("keep") + path[m.end():]
            break
    # "/thoi-su.html", "/thoi-su/" and "/thoi-su" are one listing
    path = _LISTING_TAIL.sub("", path) or "/"
    key = urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))
    return key, number
