"""The shared page engine: a family is a ``FamilySpec`` of selectors and URL patterns (data).

Each family module declares a ``SPEC`` and, where the platform needs it, a
small ``parse`` that adds one behaviour (ADF interstitials, ASP.NET
postbacks) around :func:`parse_with_spec`.

>>> spec = FamilySpec(name="demo", title=("h1.title-detail",), body=(".article-content",), date=(".post-date",))
>>> html = ('<h1 class="title-detail">Hội nghị tổng kết Cụm thi đua số 6</h1><div class="post-date">12/03/2020</div>'
...         '<div class="article-content"><p>' + "Sáng ngày 06/3, tại tỉnh Đắk Lắk, Bộ TTTT tổ chức hội nghị. " * 5 + '</p></div>')
>>> page = parse_with_spec(spec, "https://stttt.gialai.gov.vn/tin-tuc/hoi-nghi-1.html", Selector(text=html))
>>> page.kind, page.article.title, page.article.published
('article', 'Hội nghị tổng kết Cụm thi đua số 6', '2020-03-12')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsel import Selector

from extract.normalize import normalize_name, normalize_text

from . import urlshapes
from .attachments import find_attachments, is_attachment_url
from .clean import body_text as clean_body_text
from .clean import drop_node, element_lines, prune
from .dates import date_from_url, parse_date
from .meta import AUTHOR_META, BYLINE_LINE, DATE_META, clean_byline, meta_values, parse_views
from .model import ArticlePage, Link, PageParse
from .urls import absolute, canonical_url, page_info, same_host, url_key


@dataclass(frozen=True)
class FamilySpec:
    """Selectors (CSS, tried in order) and URL patterns (regex) for one CMS family."""

    name: str
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    detail: tuple[str, ...] = ()  # article wrapper: scope for views, author, attachments
    summary: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    views: tuple[str, ...] = ()
    prune: tuple[str, ...] = ()  # nodes removed from the body before text extraction
    article_urls: tuple[str, ...] = ()
    listing_urls: tuple[str, ...] = ()
    listing_markers: tuple[str, ...] = ()  # CSS; present → the page is a listing
    always_listing_urls: tuple[str, ...] = ()  # listings that carry whole bodies (binhduong TongQuat.aspx)
    next_links: tuple[str, ...] = ()  # CSS for "next page" anchors
    feed_urls: tuple[str, ...] = ()
    min_body_chars: int = 150
    # False when every article URL of the family has its own shape (LacViet's Post.aspx): the shared
    # article shapes of ``urlshapes`` would take the site's static pages (Pages/danhba-2806.aspx) for articles
    shared_article_shapes: bool = True


# Anchor texts that mean "next page" on Vietnamese portals
NEXT_TEXT = re.compile(r"^(sau|tiếp|tiếp theo|trang sau|trang tiếp|next|›|»|>|>>|sau\s*›|tiếp\s*»|next\s*›)$", re.IGNORECASE)
FEED_URLS: tuple[str, ...] = (r"/rss(?:/|\.|$|\?)", r"/feed/?$", r"\.rss$", r"/-/asset_publisher/[^/]+/rss", r"[?&]feed=rss")
SITEMAP_URLS: tuple[str, ...] = (r"sitemap[^/]*\.xml$", r"/sitemap/?$")
# " - CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …" and the like at the end of <title>
TITLE_SUFFIX = re.compile(
    r"\s+[-|–—:]\s+(?:cổng|trang|báo|sở|ubnd|ủy ban|portal|website|bộ|tỉnh|thành phố)\b.*$", re.IGNORECASE
)
MAX_TITLE_WORDS = 60


def _first_text(sel: Selector, queries: tuple[str, ...]) -> str | None:
    for query in queries:
        for node in sel.css(query):
            text = normalize_name(" ".join(node.css("::text").getall()))
            if text:
                return text
    return None


def _first_node(sel: Selector, queries: tuple[str, ...], min_chars: int = 1) -> Selector | None:
    for query in queries:
        for node in sel.css(query):
            if len(" ".join(node.css("::text").getall()).strip()) >= min_chars:
                return node
    return None


def _matches(url: str, patterns: tuple[str, ...]) -> bool:
    return any(re.search(p, url, re.IGNORECASE) for p in patterns)


def clean_title(title: str | None) -> str | None:
    """Title without a site-name suffix ("Tin A - CỔNG THÔNG TIN ĐIỆN TỬ TỈNH NINH THUẬN" → "Tin A")."""
    title = normalize_name(title)
    if not title:
        return None
    title = TITLE_SUFFIX.sub("", title).strip()
    if len(title.split()) > MAX_TITLE_WORDS:
        return None
    return title or None


def collect_links(spec: FamilySpec, url: str, sel: Selector) -> list[Link]:
    """Followable same-host links, classified by the family's URL patterns; canonical and de-duplicated.

    Two links to one page (``url_key``: http/https, ``www.``, letter case on IIS) are one link, with the
    URL of the first one met.
    """
    # Hold the lxml elements themselves: ids of transient proxies get reused.
    next_nodes = {n.root for q in spec.next_links + ("a[rel~='next']",) for n in sel.css(q)}
    here = canonical_url(url)
    here_base, here_page = page_info(here)
    found: dict[str, Link] = {}
    rank = {"next": 0, "article": 1, "feed": 2, "sitemap": 3, "listing": 4}

    def add(link: Link) -> None:
        key = url_key(link.url)
        old = found.get(key)
        if old is None:
            found[key] = link
        elif rank[link.kind] < rank[old.kind] or not old.text:
            kind = link.kind if rank[link.kind] < rank[old.kind] else old.kind
            found[key] = Link(old.url, kind, old.text or link.text)

    for node in sel.css("link[rel~='alternate'][href]"):
        if re.search(r"rss|atom", node.attrib.get("type", ""), re.IGNORECASE):
            target = absolute(url, node.attrib["href"])
            if target:
                add(Link(canonical_url(target), "feed", normalize_name(node.attrib.get("title"))))
    for node in sel.css("link[rel~='next'][href]"):
        target = absolute(url, node.attrib["href"])
        if target and same_host(target, url) and page_info(target)[0] == here_base:
            add(Link(canonical_url(target), "next", None))

    for a in sel.css("a[href]"):
        target = absolute(url, a.attrib.get("href"))
        if not target or not same_host(target, url) or is_attachment_url(target):
            continue
        canon = canonical_url(target)
        if canon == here:
            continue
        raw_text = " ".join(" ".join(a.css("::text").getall()).split())
        text = normalize_name(raw_text) or None
        kind = None
        base, number = page_info(canon)
        same_listing = base == here_base
        if same_listing and number > here_page and (a.root in next_nodes or NEXT_TEXT.match(raw_text)) or same_listing and number == here_page + 1:
            kind = "next"
        elif _matches(canon, spec.feed_urls + FEED_URLS):
            kind = "feed"
        elif _matches(canon, SITEMAP_URLS):
            kind = "sitemap"
        else:
            kind = classify_url(spec, canon) or ("listing" if same_listing else None)
        if kind:
            add(Link(canon, kind, text))
    return list(found.values())


def classify_url(spec: FamilySpec, url: str) -> str | None:
    """"article", "listing" or None for a link on a page of family ``spec`` (``urlshapes.classify``).

    >>> classify_url(FamilySpec(name="demo"), "https://baolamdong.vn/xahoi/202104/cum-thi-dua-so-1-3052452/")
    'article'
    """
    return urlshapes.classify(canonical_url(url), spec.article_urls, spec.listing_urls, spec.shared_article_shapes)


def _right_aligned_byline(body) -> str | None:
    """Take a short right-aligned last paragraph as the byline, removing it from ``body``."""
    candidates = Selector(root=body).css("[style*='right'], [align='right'], .author, .tac-gia, .byline")
    for node in reversed(candidates):
        text = normalize_name(" ".join(node.css("::text").getall()))
        style = (node.attrib.get("style") or "").replace(" ", "").lower()
        if "right" in style and "text-align:right" not in style:
            continue
        name = clean_byline(text)
        if name:
            drop_node(node.root)
            return name
    return None


def _trailing_byline(lines: list[str]) -> str | None:
    """Author from a "Tác giả:", "Tin, ảnh:", "Nguồn:" line among the last lines of the body."""
    for line in reversed(lines[-4:]):
        line = normalize_name(line) or ""
        if BYLINE_LINE.match(line):
            name = clean_byline(line)
            if name:
                return name
    return None


def extract_article(spec: FamilySpec, url: str, sel: Selector) -> ArticlePage | None:
    """The article on the page, or None when the family's body container is missing or too short."""
    body = _first_node(sel, spec.body, spec.min_body_chars)
    if body is None:
        return None
    detail = _first_node(sel, spec.detail) or body
    title = normalize_name(_first_text(sel, spec.title))
    if title and len(title.split()) > MAX_TITLE_WORDS:
        title = None
    if not title:
        title = clean_title(_first_text(sel, ("meta[property='og:title']::attr(content)",))) or clean_title(
            sel.css("title::text").get()
        )
    date_texts = [
        t for q in spec.date for n in sel.css(q)
        for t in (n.attrib.get("datetime"), normalize_name(" ".join(n.css("::text").getall()))) if t
    ]  # a machine-readable datetime="…" attribute first, then the printed text
    published = next((d for d in map(parse_date, date_texts) if d), None)
    published = published or next((d for d in map(parse_date, meta_values(sel, DATE_META)) if d), None)
    published = published or date_from_url(url)

    view_texts = [_first_text(sel, spec.views) or ""] + date_texts + ["\n".join(element_lines(detail.root))]
    views = next((v for v in map(parse_views, view_texts) if v is not None), None)

    root = prune(body.root, spec.prune)
    author = clean_byline(_first_text(sel, spec.author))
    right = _right_aligned_byline(root)
    lines = element_lines(root)
    author = author or _trailing_byline(lines) or right
    if not author:
        detail_text = " ".join(element_lines(detail.root))
        poster = re.search(r"người đăng\s*:\s*(.+?)(?:\s{2,}|$|\|)", detail_text, re.IGNORECASE)
        author = clean_byline(poster.group(1)) if poster else None
    author = author or clean_byline(next(iter(meta_values(sel, AUTHOR_META)), None))

    summary = _first_text(sel, spec.summary)
    text = clean_body_text(root, exclude=(title or "",))
    if summary:
        summary = normalize_text(summary)
        if summary and summary not in text:
            text = f"{summary}\n\n{text}" if text else summary
    if not text:
        return None
    return ArticlePage(
        url=canonical_url(url),
        title=title,
        published=published,
        author=author,
        views=views,
        attachments=find_attachments(detail if detail is not body else body, url),
        text=text,
        summary=summary or None,
    )


def parse_with_spec(spec: FamilySpec, url: str, sel: Selector) -> PageParse:
    """Classify the page (listing markers and URL patterns first) and parse it."""
    links = collect_links(spec, url, sel)
    canon = canonical_url(url)
    url_article = _matches(canon, spec.article_urls)
    forced = _matches(canon, spec.always_listing_urls)
    markers = any(sel.css(q) for q in spec.listing_markers)
    if forced or (markers and not url_article):
        return PageParse(kind="listing", article=None, links=links, family=spec.name)
    article = extract_article(spec, url, sel)
    if article is not None:
        return PageParse(kind="article", article=article, links=links, family=spec.name)
    n_articles = sum(1 for link in links if link.kind == "article")
    listing_like = _matches(canon, spec.listing_urls) or any(link.kind == "next" for link in links)
    kind = "listing" if n_articles >= 3 or (listing_like and n_articles) else "other"
    return PageParse(kind=kind, article=None, links=links, family=spec.name)
