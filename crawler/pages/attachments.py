"""Attachment links (decisions, plans, signed PDFs) kept as references, not text.

>>> from parsel import Selector
>>> sel = Selector(text='<div>Kế hoạch: <a href="/Lists/TinTucSuKien/Attachments/63615/4500-KH.signed.pdf">Tải về</a></div>')
>>> find_attachments(sel, "https://binhduong.gov.vn/Lists/TinTucSuKien/DispForm.aspx?ID=63615")
[{'url': 'https://binhduong.gov.vn/Lists/TinTucSuKien/Attachments/63615/4500-KH.signed.pdf', 'name': '4500-KH.signed.pdf'}]
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from parsel import Selector

from extract.normalize import normalize_name

from .urls import absolute

ATTACHMENT_EXTENSIONS: tuple[str, ...] = (
    ".signed.pdf", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".7z", ".odt", ".rtf",
)
# Paths that serve files whatever their extension (portals.md §5.10)
ATTACHMENT_PATHS: tuple[str, ...] = (
    r"/Lists/[^/]+/Attachments/\d+/",
    r"/documents/\d+/",
    r"/webcenter/documentContent\?",
    r"/Upload/FileUpload/",
    r"/Portals/\d+/.+\.\w{2,4}$",
    r"/upload/\d+/fck/",
    r"/wp-content/uploads/.+\.(?:pdf|docx?|xlsx?|zip|rar)$",
    r"/DesktopModules/.+/Download",
)
ANCHOR_TEXTS: tuple[str, ...] = (r"^tải về", r"^tải xuống", r"^download", r"file đính kèm", r"tệp đính kèm", r"văn bản đính kèm")
IMAGE_EXTENSIONS: tuple[str, ...] = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg")

_PATH_RES = tuple(re.compile(p, re.IGNORECASE) for p in ATTACHMENT_PATHS)
_ANCHOR_RE = re.compile("|".join(ANCHOR_TEXTS), re.IGNORECASE)
_GENERIC_NAME = re.compile(r"^(tải về|tải xuống|download|file đính kèm|tệp đính kèm|xem|tại đây|click|\W*)$", re.IGNORECASE)


def _file_name(url: str) -> str:
    parts = urlsplit(url)
    doc = re.search(r"dDocName=([^&]+)", parts.query)
    if doc:
        return unquote(doc.group(1))
    return unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])


def is_attachment_url(url: str) -> bool:
    """True for links to files: by extension (.pdf, .signed.pdf, .docx …) or by a known file path."""
    path = unquote(urlsplit(url).path).lower()
    if path.endswith(IMAGE_EXTENSIONS):
        return False
    if path.endswith(ATTACHMENT_EXTENSIONS):
        return True
    return any(rx.search(url) for rx in _PATH_RES)


def find_attachments(scope: Selector, page_url: str) -> list[dict]:
    """``[{"url", "name"}]`` for file links inside ``scope`` (usually the article container)."""
    out: list[dict] = []
    seen: set[str] = set()
    for a in scope.css("a[href]"):
        url = absolute(page_url, a.attrib.get("href"))
        if not url:
            continue
        text = normalize_name(" ".join(a.css("::text").getall())) or ""
        path = unquote(urlsplit(url).path).lower()
        if path.endswith(IMAGE_EXTENSIONS):
            continue
        if not (is_attachment_url(url) or _ANCHOR_RE.search(text)):
            continue
        if url in seen:
            continue
        seen.add(url)
        name = text if text and not _GENERIC_NAME.match(text) else _file_name(url)
        out.append({"url": url, "name": name})
    return out
