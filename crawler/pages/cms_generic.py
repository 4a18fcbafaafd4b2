"""Family F: WordPress, Joomla (incl. K2) and Drupal sites run by provincial agencies.

Joomla prints "Thứ ba, 25 Tháng 1 2022 16:22" and "7331 Lượt xem";
Drupal prints "Submitted by Ban biên tập on 18 October 2019" (English
locale).  WordPress has ``.entry-content`` and a ``/feed``.

>>> SPEC.body[0]
'.entry-content'
"""

from __future__ import annotations

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="cms_generic",
    detail=("article.post", "article.node", ".item-page", ".itemView", "article", "#content"),
    title=("h1.entry-title", ".entry-header h1", "h2.itemTitle", ".item-page h2", ".page-header h2", "h1.page-title",
           "h1.node-title", "h1.node__title", "article h1", "#page-title"),
    date=("time.entry-date", ".entry-date", ".posted-on", ".itemDateCreated", "dd.create", ".create", "dd.published",
          ".submitted", ".field--name-created", ".node__meta", ".article-info"),
    summary=(".itemIntroText",),
    body=(".entry-content", ".itemFullText", "[itemprop='articleBody']", ".field--name-body", ".field-name-body",
          ".node__content", ".node .content"),
    author=(".entry-meta .author .fn", ".byline .author", ".itemAuthor", "dd.createdby", ".submitted .username",
            ".node__meta .username"),
    views=(".itemHits", "dd.hits", ".hits", ".post-views"),
    prune=(".sharedaddy", ".jp-relatedposts", ".itemSocialSharing", ".itemRelated", ".links", ".post-navigation",
           ".wp-caption-text", ".itemImageCaption"),
    article_urls=(r"/\d{4}/\d{2}/(?:\d{2}/)?[^/]+/?$", r"[?&]p=\d+$", r"/item/\d+-", r"option=com_content.*view=article",
                  r"/node/\d+$", r"/\d+-[^/]+\.html$"),
    listing_urls=(r"/category/", r"/page/\d+/?$", r"/tag/", r"/itemlist/", r"view=category", r"/taxonomy/term/\d+"),
    listing_markers=("body.archive", "body.category", "body.blog", ".itemListView", ".blog-featured", ".view-taxonomy-term"),
    next_links=("a.next.page-numbers", ".pagination-next a", ".pager-next a", ".nav-previous a"),
    feed_urls=(r"/feed/?$",),
)


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a WordPress / Joomla / Drupal page."""
    return parse_with_spec(SPEC, url, sel)
