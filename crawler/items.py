"""Items the portal spider yields: one article page, ready for the catalogue.

The fields are the keys ``Catalogue.upsert_article`` reads (see
ARCHITECTURE.md); ``content_hash`` is computed by the catalogue, not here.

Example::

    >>> item = ArticleItem(
    ...     url="http://127.0.0.1:8765/giaivn/tin-tuc/thi-dua-yeu-nuoc-12.html",
    ...     source="gialai", family="custom_cms",
    ...     title="Gia Lai phát động phong trào thi đua yêu nước năm 2024",
    ...     text="Sáng 12/3, UBND tỉnh Gia Lai tổ chức Lễ phát động phong trào thi đua…",
    ...     published="2024-03-12T09:15:00+07:00")
    >>> item.catalogue_record()["title"]
    'Gia Lai phát động phong trào thi đua yêu nước năm 2024'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Keys handed to ``Catalogue.upsert_article``.
CATALOGUE_KEYS = (
    "url",
    "source",
    "family",
    "title",
    "published",
    "author",
    "views",
    "attachments",
    "text",
    "summary",
    "etag",
    "last_modified",
    "fetched_at",
)


@dataclass
class ArticleItem:
    """One article page as fetched: canonical URL, parsed fields, HTTP validators."""

    url: str  # canonical URL (crawler.pages.canonical_url) — the catalogue's key
    source: str  # site id from sites.toml
    family: str  # CMS family that parsed it
    title: str | None
    text: str  # normalised main text, paragraphs separated by blank lines
    published: str | None = None  # ISO 8601 (+07:00 when a time is known)
    author: str | None = None
    views: int | None = None
    attachments: list[dict] = field(default_factory=list)  # [{"url", "name"}]
    summary: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = ""  # ISO 8601 UTC
    fetched_url: str = ""  # the URL actually downloaded (may carry session tokens)

    def catalogue_record(self) -> dict:
        """The dict passed to ``Catalogue.upsert_article`` (no transport-only fields)."""
        data = asdict(self)
        return {key: data[key] for key in CATALOGUE_KEYS}
