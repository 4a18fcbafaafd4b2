"""Which CMS family built a page: fingerprints from the URL and the HTML (portals.md §5.2).

Every fingerprint that matches adds its weight; the best-scoring family wins,
ties going to the family listed first.  No match → "generic".

>>> detect_family("https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL174180", "")
'webcenter'
>>> detect_family("https://example.vn/", '<div class="tandan-p-article-main"></div><div id="ctl00_x"></div>')
'sharepoint_portal'
"""

from __future__ import annotations

import re

# family → ((where, regex, weight), …); where is "url" or "html"
FINGERPRINTS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "webcenter": (
        ("url", r"/webcenter/", 3), ("url", r"[?&]dDocName=", 3), ("url", r"_afrLoop|_adf\.ctrl-state", 3),
        ("html", r"2008,\s*Oracle and", 4), ("html", r"_afrLoop|AdfLoopbackUtils", 3),
        ("html", r"/webcenter/(?:portal|documentContent)", 2), ("html", r"\baf_[a-zA-Z]+\b", 1),
    ),
    "liferay": (
        ("url", r"/-/asset_publisher/", 4), ("url", r"[?&]p_p_id=", 3), ("url", r"_INSTANCE_\w+_cur=", 3),
        ("html", r"/-/asset_publisher/", 3), ("html", r"\bp_p_id", 2), ("html", r"journal-content-article", 2),
        ("html", r"_WAR_\w+portlet", 2), ("html", r"portlet-title|portlet-boundary", 1), ("html", r"(?-i:\bLiferay\.[A-Z]\w+)", 2),
        ("url", r"/-/view_content/\d+", 4), ("html", r"/-/view_content/\d+", 2),
    ),
    "sharepoint_portal": (
        ("url", r"/portal/Pages/", 3), ("html", r"class=[\"'][^\"']*\btandan-", 5),
    ),
    "sharepoint_list": (
        ("url", r"/Lists/[^/]+/", 4), ("url", r"/_layouts/", 3), ("url", r"/Trang/[^/]+\.aspx", 2),
        ("html", r"ms-rtestate-field", 2), ("html", r"\bctl00_", 1), ("html", r"/_layouts/", 1),
        ("html", r"ctl00_SPWebPartManager1", 2), ("html", r"ms-formtable|ms-listviewtable", 2),
    ),
    "sharepoint_lacviet": (
        ("url", r"/Lists/Posts/(?:Post|AllPosts\d*)\.aspx", 5), ("html", r"LacViet|lacviet\.cms", 4),
        ("html", r"/Lists/Posts/Post\.aspx\?", 3), ("html", r"Union_block|lv_topnews", 2),
    ),
    "nukeviet": (
        ("html", r"<meta[^>]+content=[\"']NukeViet", 8), ("url", r"/vi/news/|[?&]nv=news", 4),
        ("html", r"/themes/[\w-]+/(?:css|js)/|nv_base_siteurl|nukeviet", 2),
    ),
    "websphere": (
        ("url", r"/wps/portal/", 6), ("url", r"!ut/p/z\d/", 3), ("html", r"/wps/(?:portal|contenthandler|wcm)/", 3),
        ("html", r"wpthemeControl|ibmPortalControl|com\.ibm\.", 2),
    ),
    "dnn": (
        ("url", r"[?&/]tabid[=/]\d+", 4), ("html", r"/Portals/\d+/", 2), ("html", r"\bdnn_ctr\d+", 3),
        ("html", r"DotNetNuke|dnn\.js|/DesktopModules/", 2),
    ),
    "cms_generic": (
        ("url", r"/wp-content/|/node/\d+|/item/\d+-|option=com_", 3),
        ("html", r"/wp-content/|/wp-includes/|wp-json", 3), ("html", r"content=[\"']Joomla", 4),
        ("html", r"content=[\"']Drupal|Drupal\.settings|data-drupal", 4), ("html", r"/components/com_k2/|itemFullText", 3),
    ),
    "newspaper": (
        ("url", r"-a\d+\.html$", 3), ("html", r"id=[\"']newscontents[\"']", 4), ("html", r"id=[\"']dcontent[\"']", 4),
        ("html", r"href=[\"'][^\"']*-a\d+\.html[\"']", 2),
    ),
    "custom_cms": (
        ("html", r"class=[\"'][^\"']*\btitle-detail\b", 2), ("html", r"class=[\"'][^\"']*\b(?:article|common)-content\b", 2),
        ("html", r"class=[\"'][^\"']*\bpost-date\b", 1), ("html", r"wrapper-pagination|article-title common-title", 3),
        ("url", r"/tin-tuc/chi-tiet\?id=\d+", 3),
    ),
}
FAMILIES: tuple[str, ...] = tuple(FINGERPRINTS) + ("generic",)
_COMPILED = {
    family: tuple((where, re.compile(rx, re.IGNORECASE), weight) for where, rx, weight in rules)
    for family, rules in FINGERPRINTS.items()
}
HTML_SNIFF_CHARS = 300_000


def family_scores(url: str, html: str) -> dict[str, int]:
    """Fingerprint score of every family (0 when nothing matched)."""
    html = html[:HTML_SNIFF_CHARS]
    return {
        family: sum(weight for where, rx, weight in rules if rx.search(url if where == "url" else html))
        for family, rules in _COMPILED.items()
    }


def detect_family(url: str, html: str) -> str:
    """Family name for a page ("sharepoint_list", "liferay", …) or "generic"."""
    scores = family_scores(url, html)
    best = max(scores.values())
    if best <= 0:
        return "generic"
    return next(family for family, score in scores.items() if score == best)
