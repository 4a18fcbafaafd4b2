"""Family B: SharePoint "portal/Pages" sites by Tân Dân (``tandan-`` CSS prefix).

dienbien, ninhthuan, namdinh, mpi.gov.vn.  The date sits in the article
path (``/portal/Pages/2021-3-17/Hoi-nghi-…-8a5f2c.aspx``, unpadded), and
category listings page by ASP.NET postback: the pager anchors call
``__doPostBack('ctl00$…$rptPager$ctl02$lnkPage','')``.  ``parse`` returns the
form to POST for the next page in ``PageParse.form``.

>>> next_page_form(Selector(text='<form><input type="hidden" name="__VIEWSTATE" value="dDw="/>'
...     '<span class="current">1</span><a href="javascript:__doPostBack(&#39;ctl00$pager$ctl02&#39;,&#39;&#39;)">2</a></form>'))
{'__EVENTTARGET': 'ctl00$pager$ctl02', '__EVENTARGUMENT': '', '__VIEWSTATE': 'dDw='}
"""

from __future__ import annotations

import re

from parsel import Selector

from .base import NEXT_TEXT, FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="sharepoint_portal",
    detail=(".tandan-p-article", ".tandan-article-view", ".tandan-p-article-news"),
    title=(".tandan-p-article-news-title", ".tandan-title-view"),
    summary=(".tandan-p-article-news-summary", ".tandan-summary-view"),
    date=(".tandan-span-date-publish", ".tandan-date-view"),
    body=(".tandan-p-article-main", ".tandan-content-view", ".tandan-p-article .ms-rtestate-field"),
    author=(".tandan-p-article-author", ".tandan-author-view"),
    views=("#ctl00_PlaceHolderMain_ctl08_label", ".tandan-view-count"),
    prune=(".tandan-div-article-other", "#ctl00_PlaceHolderMain_ctl08_label", ".td-tags", ".tandan-p-article-author"),
    # /portal/Pages/2021-3-17/<slug>.aspx; Hưng Yên's older /portal/Pages/2015-08/<slug>.aspx; Bắc Kạn's
    # /Pages/<category>-546/<slug>--3c2369fe78807317.aspx
    article_urls=(r"/portal/Pages/\d{4}-\d{1,2}(?:-\d{1,2})?/[^/]+\.aspx", r"/Pages/[^/]+-\d+/[^/]+-[0-9a-f]{16}\.aspx$"),
    listing_urls=(r"/portal/Pages/(?!\d{4}-)[^/]+\.aspx$",),
    listing_markers=(".channel-news-title", ".tandan-list-news"),
)
# Hidden ASP.NET fields carried from one postback to the next
POSTBACK_FIELDS: tuple[str, ...] = ("__VIEWSTATE", "__VIEWSTATEGENERATOR", "__EVENTVALIDATION", "__REQUESTDIGEST",
                                    "__VIEWSTATEENCRYPTED")
_DO_POSTBACK = re.compile(r"__doPostBack\(\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]*)['\"]\s*\)")
PAGER_CURRENT: tuple[str, ...] = (".current", ".active", ".selected", "span.tandan-page-current", "[aria-current]")


def next_page_form(sel: Selector) -> dict | None:
    """Form fields that request the next page of a postback-paged listing, or None on the last page.

    The next page is the pager anchor whose text is current+1, or one labelled "Sau", "Tiếp", "›", "»".
    """
    current = None
    for q in PAGER_CURRENT:
        text = " ".join(sel.css(q + "::text").getall()).strip()
        if text.isdigit():
            current = int(text)
            break
    targets: list[tuple[str, str, str]] = []
    for a in sel.css("a[href*='__doPostBack']"):
        m = _DO_POSTBACK.search(a.attrib.get("href", ""))
        if m:
            targets.append((" ".join(a.css("::text").getall()).strip(), m.group(1), m.group(2)))
    chosen = None
    if current is not None:
        chosen = next((t for t in targets if t[0] == str(current + 1)), None)
    if chosen is None:
        chosen = next((t for t in targets if NEXT_TEXT.match(t[0])), None)
    if chosen is None:
        return None
    form = {"__EVENTTARGET": chosen[1], "__EVENTARGUMENT": chosen[2]}
    for name in POSTBACK_FIELDS:
        value = sel.css(f"input[name='{name}']::attr(value)").get()
        if value is not None:
            form[name] = value
    return form


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a tandan- portal page; listings carry the next postback form."""
    page = parse_with_spec(SPEC, url, sel)
    if page.kind == "listing":
        page.form = next_page_form(sel)
    return page
