"""Discovery helpers the page parsers do not cover: robots.txt ``Sitemap:`` lines and ``.xml.gz`` sitemaps.

RSS/Atom feeds and sitemaps themselves are parsed by ``crawler.pages.parse_page``
(kind "listing" with article/sitemap links; ``<lastmod>`` is never trusted —
bocongan.gov.vn and tingia have frozen values, portals.md §1 G).

Example::

    >>> sitemaps_from_robots(b"User-agent: *\\nDisallow:\\nSitemap: https://daklak.gov.vn/sitemap.xml\\n",
    ...                      "https://daklak.gov.vn/robots.txt")
    ['https://daklak.gov.vn/sitemap.xml']
"""

from __future__ import annotations

import gzip
import io
from urllib.parse import urljoin

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed


def gunzip_limited(body: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes:
    """Decompress a gzip body (``sitemap.xml.gz``), refusing more than ``limit`` bytes (gzip bombs).

    >>> gunzip_limited(gzip.compress(b"<urlset/>"))
    b'<urlset/>'
    """
    if not body.startswith(b"\x1f\x8b"):
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"gzip body larger than {limit} bytes once decompressed")
    return data


def sitemaps_from_robots(body: bytes, base_url: str) -> list[str]:
    """Absolute URLs of the ``Sitemap:`` lines of a robots.txt, in order, de-duplicated."""
    out: dict[str, None] = {}
    for line in body.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            out.setdefault(urljoin(base_url, value.strip()), None)
    return list(out)
