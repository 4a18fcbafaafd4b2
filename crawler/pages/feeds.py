"""RSS/Atom feeds and XML sitemaps → links (discovery only; ``<lastmod>`` is not trusted).

>>> [l.kind for l in parse_feed("https://x.gov.vn/rss", '<rss><channel><item><link>https://x.gov.vn/tin-a1.html</link></item></channel></rss>')]
['article']
"""

from __future__ import annotations

import re

from lxml import etree

from .model import Link
from .urls import absolute, canonical_url

FEED_SNIFF = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|urlset|sitemapindex|rdf:RDF)\b", re.DOTALL)


def feed_type(text: str) -> str | None:
    """"rss" | "feed" | "urlset" | "sitemapindex" | "rdf:RDF" when the body is a feed or sitemap, else None."""
    m = FEED_SNIFF.match(text[:4096])
    return m.group(1) if m else None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_feed(url: str, text: str) -> list[Link]:
    """Article links of a feed or urlset; ``sitemap`` links of a sitemap index."""
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=etree.XMLParser(recover=True, resolve_entities=False))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    kind_root = _local(root.tag)
    links: list[Link] = []
    seen: set[str] = set()

    def add(href: str | None, kind: str, title: str | None = None) -> None:
        target = absolute(url, (href or "").strip())
        if target:
            canon = canonical_url(target)
            if canon not in seen:
                seen.add(canon)
                links.append(Link(canon, kind, title))

    for el in root.iter():
        name = _local(el.tag)
        if kind_root == "sitemapindex" and name == "loc":
            add(el.text, "sitemap")
        elif kind_root == "urlset" and name == "loc":
            add(el.text, "article")
        elif name in {"item", "entry"}:
            title = next((" ".join(c.itertext()).strip() for c in el if _local(c.tag) == "title"), None)
            for child in el:
                if _local(child.tag) == "link":
                    add(child.get("href") or child.text, "article", title or None)
                    break
    return links
