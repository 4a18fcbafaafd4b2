"""Article body HTML → clean paragraphs: container-scoped pruning, then line filters.

Pruning removes nodes by CSS (scripts, share bars, captions, related lists);
the line filters drop what survives inside the container: SharePoint
display-form chrome, visitor counters, bylines, captions, footers; a "tail"
line ("Tin khác", "Tin liên quan", "Manage Permissions") ends the article.
The line rules are those of ``data/boilerplate.toml`` shared with the
plain-text path (``extract.boilerplate.rule_strings``) plus a few HTML-only
variants (``HTML_DROP_PATTERNS``).

>>> from parsel import Selector
>>> sel = Selector(text="<div id='b'><p>Sáng 20/2, Sở Thông tin và Truyền thông tổ chức hội nghị.</p>"
...                     "<p>Ảnh: Minh họa</p><p>Tin liên quan</p><p>Một tin khác</p></div>")
>>> body_text(sel.css("#b")[0])
'Sáng 20/2, Sở Thông tin và Truyền thông tổ chức hội nghị.'
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

from lxml import etree
from parsel import Selector

from extract.boilerplate import compile_patterns, rule_strings
from extract.normalize import normalize_text

BLOCK_TAGS: frozenset[str] = frozenset(
    ["p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "pre", "hr", "form", "center", "address", "fieldset", "details", "summary", "caption"]
)
SKIP_TAGS: frozenset[str] = frozenset(
    ["script", "style", "noscript", "iframe", "svg", "button", "select", "option", "input", "textarea", "template", "head", "object", "embed", "video", "audio", "canvas", "map"]
)
# Nodes that are never article text, wherever they sit inside a body container.
PRUNE_SELECTORS: tuple[str, ...] = (
    "figcaption", ".caption", ".image-caption", ".img-caption", ".PhotoCMS_Caption", "td.pCaption",
    ".share", ".share-bar", ".social", ".addthis_toolbox", ".sharing", ".fb-like", ".zalo-share-button",
    ".related", ".related-news", ".tin-lien-quan", ".other-news", ".tinkhac", ".tandan-div-article-other",
    "#ctl00_PlaceHolderMain_ctl08_label", ".td-tags", ".tags", ".comment", ".comments", "#comments",
    ".print", ".font-size", ".fontsize", ".toolbar", ".breadcrumb", ".pagination", ".visitor-counter",
    ".ms-formtoolbar", ".ms-formtable", ".ms-descriptiontext", "[style*='display:none']", "[style*='display: none']",
)

# Line filters: the shared rules of data/boilerplate.toml (also applied to saved page text by
# extract/boilerplate.py; add new rules there) plus these HTML-only drop variants, all matched
# case-insensitively on normalised lines.  A line matching a drop pattern is chrome; once the
# body has started, a line matching a tail pattern ends it; a run of SharePoint display-form
# field labels (the file's [field_labels]) is chrome.
HTML_DROP_PATTERNS: tuple[str, ...] = (
    r"luợt (người )?xem\s*:",  # counter label spelt with u
    r"^(views?|content type|version)\s+:",  # "Views : 12", "Version : 3.0"
    r"^attachments",
    r"^(\(ảnh|video|clip)\s*:",  # caption lines
    r"^(tin|bài) ảnh\s*:",  # byline without the comma
    r"^tải xuống",
    r"^gửi bình luận",
)
MIN_FIELD_LABEL_RUN = 3


@dataclass(frozen=True)
class LineRules:
    """Compiled line filters of the HTML path."""

    drop: re.Pattern[str]
    tail: re.Pattern[str]
    field_labels: frozenset[str]


@functools.cache
def line_rules() -> LineRules:
    """Shared rules of ``data/boilerplate.toml`` plus the HTML-only patterns above, compiled once."""
    return LineRules(
        drop=compile_patterns(rule_strings("drop") + HTML_DROP_PATTERNS),
        tail=compile_patterns(rule_strings("tail")),
        field_labels=frozenset(s.lower() for s in rule_strings("field_labels")),
    )


_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_PARA = "\x00P"
_BR = "\x00L"


def _tag(el: etree._Element) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _walk(el: etree._Element, out: list[str]) -> None:
    tag = _tag(el)
    if not tag or tag in SKIP_TAGS:
        if el.tail:
            out.append(el.tail)
        return
    block = tag in BLOCK_TAGS
    if tag == "br":
        out.append(_BR)
    if block:
        out.append(_PARA)
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
    if block:
        out.append(_PARA)
    if el.tail:
        out.append(el.tail)


def element_lines(el: etree._Element) -> list[str]:
    """Text of an element as a list of paragraphs (block boundaries) with ``<br>`` kept as "\\n"."""
    pieces: list[str] = []
    _walk(el, pieces)
    raw = _WS.sub(" ", "".join(pieces))
    paras = []
    for para in raw.split(_PARA):
        lines = [line.strip() for line in para.split(_BR)]
        para = "\n".join(line for line in lines if line)
        if para:
            paras.append(para)
    return paras


def prune(el: etree._Element, selectors: tuple[str, ...] = ()) -> etree._Element:
    """A copy of ``el`` without the nodes matched by PRUNE_SELECTORS and ``selectors`` (tails kept)."""
    el = copy.deepcopy(el)
    sel = Selector(root=el)
    for query in PRUNE_SELECTORS + tuple(selectors):
        for node in sel.css(query):
            drop_node(node.root)
    return el


def drop_node(node: etree._Element) -> None:
    """Remove ``node`` from its tree, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        prev = node.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def is_chrome(line: str) -> bool:
    """True for a line that is page chrome (counter, share bar, SharePoint field, caption …)."""
    return bool(line_rules().drop.search(line))


def is_tail(line: str) -> bool:
    """True for a line that ends the article ("Tin khác", "Tin liên quan", "Manage Permissions")."""
    return bool(line_rules().tail.search(line))


def filter_lines(paras: list[str]) -> list[str]:
    """Drop chrome lines and SharePoint field-label runs; stop at the first tail line."""
    field_labels = line_rules().field_labels
    kept: list[str] = []
    labels: list[str] = []
    for para in paras:
        line = normalize_text(para)
        if not line:
            continue
        if is_tail(line):
            if kept:
                break
            continue
        if line.lower() in field_labels:
            labels.append(line)
            continue
        if labels:
            if len(labels) < MIN_FIELD_LABEL_RUN:
                kept.extend(labels)
            labels = []
        if is_chrome(line):
            continue
        kept.append(line)
    if labels and len(labels) < MIN_FIELD_LABEL_RUN:
        kept.extend(labels)
    return kept


def body_text(node: Selector | etree._Element, drop: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> str:
    """Normalised main text of a body container: paragraphs separated by blank lines.

    ``drop`` are extra CSS selectors to prune; ``exclude`` are lines (e.g. the
    title, an extracted byline) removed wherever they appear.
    """
    root = prune(node.root if isinstance(node, Selector) else node, drop)
    paras = filter_lines(element_lines(root))
    skip = {normalize_text(x).lower() for x in exclude if x}
    return normalize_text("\n\n".join(p for p in paras if p.lower() not in skip))
