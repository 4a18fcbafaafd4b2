"""What a page parser returns: the page kind, the article (if any) and its links.

>>> PageParse(kind="listing", article=None, links=[Link("https://stttt.gialai.gov.vn/tin-tuc/thi-dua-123", "article")]).links[0].kind
'article'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .botwall import BotWall

PAGE_KINDS = ("article", "listing", "interstitial", "botwall", "other")
LINK_KINDS = ("article", "listing", "next", "feed", "sitemap")


@dataclass
class Link:
    """A link worth following; ``url`` is absolute and canonical (see ``canonical_url``)."""

    url: str
    kind: str  # article | listing | next | feed | sitemap
    text: str | None = None


@dataclass
class ArticlePage:
    """One news article: metadata plus the normalised main text (paragraphs split by blank lines).

    ``published`` is ISO 8601: ``2021-10-14T11:00:00+07:00`` when the page
    gives a time, ``2021-10-14`` otherwise.  ``attachments`` are
    ``{"url": absolute url, "name": link text or file name}``.
    """

    url: str
    title: str | None
    published: str | None
    author: str | None
    views: int | None
    attachments: list[dict] = field(default_factory=list)
    text: str = ""
    summary: str | None = None


@dataclass
class PageParse:
    """Result of ``parse_page``.

    ``form`` is set on ASP.NET postback listings: POST these fields to the
    page's own URL to get the next page.  ``afr_loop`` is set on Oracle ADF
    interstitials: re-request the URL with ``_afrLoop=<afr_loop>``.  ``wall``
    is set on bot walls (kind "botwall"): the page stands in for the content
    and nothing on it is parsed.  ``detected_family`` is what the page's
    fingerprints say (``detect_family``), even when a family was forced: a
    site whose pages stop looking like its configured family changed template.
    """

    kind: str  # article | listing | interstitial | botwall | other
    article: ArticlePage | None
    links: list[Link] = field(default_factory=list)
    form: dict | None = None
    afr_loop: str | None = None
    family: str = ""
    wall: BotWall | None = None
    detected_family: str = ""
