"""Family E: DotNetNuke portals (thudaumot.binhduong, trungtamnuocsach.vinhlong, skhdt.longan).

Pages are addressed by ``Default.aspx?tabid=22641&ID=5151`` (or
``/tabid/36/ID/5151/default.aspx``); modules are ``dnn_ctr<N>_…`` and the
article sits in ``.detailContent`` / ``.Normal``; dates are dd/mm/yyyy
in ``.date`` or ``.ngaydang``.

>>> SPEC.body[0]
'.detailContent'
"""

from __future__ import annotations

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="dnn",
    detail=(".newsDetail", ".detail", "div[id^='dnn_ctr'][id$='_ContentPane']"),
    title=(".detailTitle", ".newsDetail .title", "span[id$='_lblTitle']", ".title-detail", ".Head"),
    date=(".newsDetail .date", ".ngaydang", "span[id$='_lblDate']", ".date"),
    summary=(".detailSummary", ".sapo", "span[id$='_lblSummary']"),
    body=(".detailContent", ".Content .Normal", "#ContentPlaceHolder1 .Normal"),
    author=(".detailAuthor", "span[id$='_lblAuthor']"),
    prune=(".otherNews", ".detailTools"),
    # query keys come sorted after canonical_url, so both keys are matched by lookahead
    article_urls=(r"^(?=.*[?&]tabid=\d+)(?=.*[?&](?:ID|ItemID|NewsID|ArticleID)=\d+)", r"/tabid/\d+/.*(?:ID|ArticleID)/\d+"),
    listing_urls=(r"^(?!.*[?&](?:ID|ItemID|NewsID|ArticleID)=)(?=.*[?&]tabid=\d+)", r"/tabid/\d+/[^/]*\.aspx$"),
    listing_markers=(".newsList", ".DnnListing"),
    next_links=(".PagingTable a.next", "a.rgPageNext", ".pager a.next"),
)


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a DNN page."""
    return parse_with_spec(SPEC, url, sel)
