"""Family C: Liferay portals (Đồng Tháp, bacgiang, moh, moit, sotttt.hanoi, vpubnd.daknong).

Articles live under ``/-/asset_publisher/<instance>/content/…`` or, on Liferay
6.2 sites with the asset publisher's "view_content" action (sotttt.hanoi,
vpubnd.daknong), ``/<category>/-/view_content/<id>-<slug>.html``.  The portlet
header ``h1.portlet-title`` names the category, never the article; 6.2 puts
the title in ``.asset-full-content-title`` and prints "Ngày đăng 29/04/2016 |
3:25 PM | View count: 1111" in ``.assetPublishDate`` (the same class dates each
item of a listing).  The date element also carries the counter ("16/03/2021 |
Lượt xem: 76"): parse the date first, then the views.  ``.view-content-author``
is the article's author field.  Listings page with portlet-namespaced
``…_INSTANCE_<id>_cur=N`` or ``_101_cur=N``; RSS sits at
``/-/asset_publisher/<id>/rss``.

>>> SPEC.title[0]
'.title-news h1'
"""

from __future__ import annotations

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="liferay",
    detail=(".asset-full-content", ".news-detail", ".journal-content-article"),
    title=(".title-news h1", ".title-detail h1", ".asset-full-content-title", ".asset-full-content .asset-title",
           ".header-title", ".news-title"),
    date=(".date-news", ".news-date", ".asset-full-content .date", ".publish-date", ".metadata-publish-date",
          ".assetPublishDate"),
    summary=(".sapo", ".asset-summary", ".news-sapo"),
    body=(".journal-content-article", ".asset-content", ".news-content"),
    author=(".view-content-author", ".news-author", ".metadata-author"),
    prune=(".taglib-ratings", ".taglib-social-bookmarks", ".entry-links", ".view-content-author"),
    article_urls=(r"/-/asset_publisher/[^/]+/content/", r"/web/guest/-/", r"/-/(?!asset_publisher)[\w-]+$",
                  r"/-/view_content/\d+(?:-[^/?]*)?$", r"/-/view-article/\d+/\d+", r"/extAssetPublisher/content/\d+/",
                  r"/xem-chi-tiet/-/asset_publisher/"),
    listing_urls=(r"_cur=\d+", r"_cateId=\d+", r"[?&]categoryId=\d+"),
    listing_markers=(".asset-abstract", ".taglib-page-iterator", ".lfr-pagination-buttons"),
    next_links=(".lfr-pagination-buttons li.next a", ".lfr-pagination-buttons a.next"),
    feed_urls=(r"/-/asset_publisher/[^/]+/rss",),
)


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a Liferay page."""
    return parse_with_spec(SPEC, url, sel)
