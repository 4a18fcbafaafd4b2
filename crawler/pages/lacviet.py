"""Family I: SharePoint 2010 sites built with LacViet CMS (the Đắk Nông departments and districts, 2014–2019).

News lives in SharePoint blog sub-sites: an article is a blog post
``/<section>/<blog>/Lists/Posts/Post.aspx?CategoryId=1&ItemId=222`` and a
category listing ``…/Lists/Posts/AllPosts.aspx?CategoryId=26``.  Links to one
post come with and without ``&PublishedDate=2016-11-10T10:05:00Z`` and in any
letter case (``lists/posts/post.aspx?…&ItemID=``): ``canonical_url`` drops the
date and ``url_key`` folds the case, so they are one page.  Home pages
(``/Pages/default.aspx``, ``/Pages/Home.aspx``) are listings of LacViet
"UnionNews" and "topnews" blocks (``.Union_block h2 a``,
``.lv_topnews_mode3_ul_li_divTitle a``, ``td.LItem a.LItem``); the saved pages
under ``../shared/fixtures/real-html/*.daknong.gov.vn`` are seven of them.

No post page of a LacViet site has been saved: the article selectors are
SharePoint 2010's own blog template (``.ms-PostTitle``, ``.ms-PostBody``,
``.ms-PostFooter`` with "Đăng lúc …"), which LacViet's post form keeps; the
sample site's pages use them.  ``AllPosts.aspx`` pages with SharePoint's
``Paged=TRUE&p_ID=…&PageFirstRow=N`` pager.

>>> SPEC.article_urls[0]
'/Lists/Posts/Post\\\\.aspx\\\\?'
"""

from __future__ import annotations

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="sharepoint_lacviet",
    detail=(".ms-PostWrapper", ".ms-blogpostview", ".lv-post-detail"),
    title=(".ms-PostTitle", "h2.ms-PostTitle", ".lv-post-title"),
    date=(".ms-PostFooter", ".ms-PostDate", ".lv-post-date"),
    summary=(".ms-PostSummary", ".lv-post-summary"),
    body=(".ms-PostBody", ".lv-post-body"),
    author=(".ms-PostAuthor", ".lv-post-author"),
    views=(".lv-post-views",),
    prune=(".ms-PostFooter", ".ms-blogcommentsarea", ".lv-post-other"),
    article_urls=(r"/Lists/Posts/Post\.aspx\?",),
    listing_urls=(r"/Lists/Posts/AllPosts\d*\.aspx", r"/Lists/Posts/Category\.aspx", r"/Pages/(?:default|Home)\.aspx$"),
    listing_markers=(".Union_block", ".lv_topnews_mode3_ul_li_divTitle", "td.LItem", ".lv-post-list"),
    next_links=(".lv-pager a.next", "a[id$='_NextPage']"),
    shared_article_shapes=False,
)


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a LacViet SharePoint page (home pages and AllPosts listings are listings)."""
    return parse_with_spec(SPEC, url, sel)
