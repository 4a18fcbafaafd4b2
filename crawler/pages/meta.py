"""View counters, bylines and <meta> tags on article pages.

>>> parse_views("Lượt người xem:  Views:   887")
887
>>> parse_views("Thứ ba, 25 Tháng 1 2022 16:22 / 7331 Lượt xem")
7331
>>> clean_byline("Tác giả : Tin, ảnh: Ý THIÊN |")
'Ý THIÊN'
"""

from __future__ import annotations

import re

from parsel import Selector

from extract.normalize import normalize_name

# "Lượt xem: 76", "Số lượt xem: 141", "Lượt người xem: Views: 887", "Xem: 92", "Lượt đọc: 12"
VIEW_PATTERNS: tuple[str, ...] = (
    r"(?:s[ốo]\s+)?l[ưu][ợo]t\s+(?:ng[ưu][ờo]i\s+)?(?:xem|đọc|truy\s+cập)\s*:?\s*(?:views?\s*:?\s*)?(?P<n>\d[\d.,]*)",
    r"(?<![\w])(?:xem|views?|hits?|view\s+count)\s*:\s*(?P<n>\d[\d.,]*)",
    r"(?P<n>\d[\d.,]*)\s*(?:l[ưu][ợo]t\s+xem|views?|hits?)\b",
)
_VIEW_RES = tuple(re.compile(p, re.IGNORECASE) for p in VIEW_PATTERNS)

# Labels that introduce an author, strongest first.  Removed repeatedly ("Tác giả : Tin, ảnh: Ý THIÊN").
BYLINE_LABELS: tuple[str, ...] = (
    r"tác\s+giả", r"tin,?\s*ảnh", r"tin\s+và\s+ảnh", r"bài,?\s*ảnh", r"bài\s+và\s+ảnh", r"bài", r"tin",
    r"người\s+viết", r"người\s+đăng", r"phóng\s+viên", r"nguồn", r"theo", r"author", r"by", r"đăng\s+bởi",
    r"submitted\s+by",
)
BYLINE_LINE = re.compile(
    r"^\s*(?:" + "|".join(BYLINE_LABELS[:10] + BYLINE_LABELS[10:13]) + r")\s*:", re.IGNORECASE
)
_LABEL_PREFIX = re.compile(r"^\s*(?:" + "|".join(BYLINE_LABELS) + r")\s*:\s*", re.IGNORECASE)
_DATE_OR_TIME = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?")
_SUBMITTED = re.compile(
    r"^\s*(?:submitted\s+by|posted\s+by|written\s+by|đăng\s+bởi)\s+(?P<name>.+?)(?:\s+(?:on|vào|lúc)\b.*)?$", re.IGNORECASE
)
_SPLITTERS = re.compile(r"\s*[|/]\s*")
MAX_BYLINE_WORDS = 12
# CMS login names printed where an author belongs ("admin admin", Liferay's "Pho Ban bien tap" — a role
# typed without diacritics as an account name): never a byline.  "Ban biên tập" spelt properly is kept.
ACCOUNT_NAMES = re.compile(
    r"^(?:admin(?:istrator)?(?:\s+admin)?|webmaster|quan\s+tri(?:\s+vien)?|quản\s+trị(?:\s+viên)?"
    r"|(?:pho\s+|truong\s+)?ban\s+bien\s+tap|btv)$",
    re.IGNORECASE,
)

# <meta> names holding the publication date, best first
DATE_META: tuple[str, ...] = (
    "meta[property='article:published_time']::attr(content)",
    "meta[itemprop='datePublished']::attr(content)",
    "*[itemprop='datePublished']::attr(datetime)",
    "meta[name='pubdate']::attr(content)",
    "meta[name='publishdate']::attr(content)",
    "meta[name='dc.date.issued' i]::attr(content)",
    "meta[name='dc.date' i]::attr(content)",
    "meta[name='date']::attr(content)",
    "meta[property='og:published_time']::attr(content)",
    "time[datetime]::attr(datetime)",
)
AUTHOR_META: tuple[str, ...] = (
    "meta[name='author']::attr(content)",
    "meta[property='article:author']::attr(content)",
    "*[itemprop='author'] *[itemprop='name']::text",
    "*[rel='author']::text",
)


def _int(raw: str) -> int | None:
    digits = re.sub(r"[.,\s]", "", raw)
    return int(digits) if digits.isdigit() else None


def parse_views(text: str | None) -> int | None:
    """View count in a metadata text ("Số lượt xem: 141", "7331 Lượt xem", "Xem: 92"), or None."""
    if not text:
        return None
    text = " ".join(text.split())
    for rx in _VIEW_RES:
        m = rx.search(text)
        if m:
            return _int(m["n"])
    return None


def clean_byline(text: str | None) -> str | None:
    """Author name from a byline or "date | author" line; None if nothing name-like remains.

    >>> clean_byline("14/10/2021 | Yến Nhi")
    'Yến Nhi'
    >>> clean_byline("Người đăng:   Đoàn Thị Phước Tâm")
    'Đoàn Thị Phước Tâm'
    """
    if not text:
        return None
    text = normalize_name(text) or ""
    submitted = _SUBMITTED.match(text)
    if submitted:
        text = submitted["name"]
    parts = [p for p in _SPLITTERS.split(text) if p]
    for part in parts:
        part = _DATE_OR_TIME.sub(" ", part).strip(" -–,.:;()")
        previous = None
        while previous != part:
            previous = part
            part = _LABEL_PREFIX.sub("", part).strip(" -–,.:;|")
        if not part or not re.search(r"[^\W\d_]", part):
            continue
        if len(part.split()) > MAX_BYLINE_WORDS or parse_views(part) is not None or ACCOUNT_NAMES.match(part):
            continue
        return part
    return None


def meta_values(sel: Selector, queries: tuple[str, ...]) -> list[str]:
    """Non-empty values of the given ``::attr``/``::text`` CSS queries, in order."""
    out = []
    for query in queries:
        for value in sel.css(query).getall():
            value = value.strip()
            if value:
                out.append(value)
    return out
