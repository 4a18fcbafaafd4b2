"""Family J: NukeViet 4 sites (Bình Định and Tây Ninh departments, tintucbinhdinh, tdkt.quangtri).

NukeViet names itself in ``<meta name="generator" content="NukeViet v4.x">``.
Articles: ``/vi/news/<category>/<slug>-30572.html`` (language prefix) or, on
sites with one language, ``/<category>/<slug>-3784.html``; the print and save
views ``/savefile/<cat>/<slug>-1451.html`` and ``index.php?nv=news&op=savefile/…``
are copies of an article, never the article (their ``<link rel=canonical>``
drops ``/savefile/``).  Category listings ``/vi/news/<category>/`` page as
``/vi/news/<category>/page-2/``.  Slugs of old Tây Ninh posts lost their
accented letters (``l-y--ki-n-d-lu-n-x-h-i``): only the id at the end counts.

The default theme prints the date as "Thứ năm - 04/01/2024 15:20" in
``.news_column .h5``, and a view counter right after it (a text dump gives
"15:202130": time and views glued), the lead in ``.hometext`` and the body in
``#news-bodyhtml``; the author in ``.news_column .text-right``.

>>> SPEC.body[0]
'#news-bodyhtml'
"""

from __future__ import annotations

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="nukeviet",
    detail=(".news_column", "#news-detail"),
    title=(".news_column h1.title", ".news_column h1", "h1.title"),
    date=(".news_column .h5 .time", ".news_column span.h5", ".news_column .time"),
    summary=(".news_column .hometext",),
    body=("#news-bodyhtml", ".news_column .bodytext"),
    author=(".news_column p.text-right", ".news_column .author"),
    views=(".news_column .views", ".news_column .hitstotal"),
    prune=(".news_column .related", ".news-tags", ".socialicon"),
    article_urls=(r"^(?!.*/savefile/)(?!.*op=savefile)(?:.*/news/)?.*/[^/]+-\d+\.html$",),
    listing_urls=(r"/news/[^/.]+/?$", r"/page-\d+/?$", r"/news/?$", r"[?&]nv=news(?!.*op=savefile)"),
    listing_markers=(".news_column .h3 a", ".news_column h3 a", "ul.pagination"),
    next_links=("ul.pagination li a[rel='next']", "ul.pagination li:last-child a"),
    feed_urls=(r"/rss/?$", r"/rss/[^/]+/?$"),
)


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a NukeViet page."""
    return parse_with_spec(SPEC, url, sel)
