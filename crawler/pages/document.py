"""Whole-document repairs before parsing: pages with several ``<html>`` roots, visible text.

Some CMSs emit two documents in one response (baotayninh: a menu fragment's
``<html>…</html>`` followed by the article's).  lxml stops at the first
``</html>``, so the article would vanish; we keep the root with the most text.

>>> page = "<html><body>Trang chủ</body></html><html><body><h1>Hội nghị tổng kết Cụm thi đua số 4</h1></body></html>"
>>> largest_root(page)
'<html><body><h1>Hội nghị tổng kết Cụm thi đua số 4</h1></body></html>'
"""

from __future__ import annotations

import re

_HTML_OPEN = re.compile(r"<html[\s>]", re.IGNORECASE)
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def visible_text(html: str) -> str:
    """The page's text without scripts, styles and tags, whitespace collapsed."""
    return " ".join(_TAG.sub(" ", _SCRIPT_STYLE.sub(" ", html)).split())


def largest_root(html: str) -> str:
    """``html`` itself, or — when it holds several ``<html>`` roots — the one with the most visible text."""
    starts = [m.start() for m in _HTML_OPEN.finditer(html)]
    if len(starts) < 2:
        return html
    chunks = [html[a:b] for a, b in zip(starts, starts[1:] + [len(html)], strict=True)]
    return max(chunks, key=lambda chunk: len(visible_text(chunk)))
