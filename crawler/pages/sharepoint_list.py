"""Family A: SharePoint list portals (binhduong.gov.vn, quangninh, ministries).

Articles are list items (``/Lists/TinTucSuKien/DispForm.aspx?ID=63615``,
``/Trang/ChiTietTinTuc.aspx?nid=123``).  Listing pages such as
``/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2`` print whole article
bodies in a table, so they are always kind "listing", never "article".
Below the article, the display form prints "Manage Permissions",
"Version History", the field names and "Content Type: Tin Tức Mở Rộng":
pruned by ``.ms-formtoolbar``/``.ms-formtable`` and the line filters.

>>> SPEC.name
'sharepoint_list'
"""

from __future__ import annotations

from parsel import Selector

from .base import FamilySpec, parse_with_spec
from .model import PageParse

SPEC = FamilySpec(
    name="sharepoint_list",
    detail=(".news-detail", "#divArticleDetail", ".NewsDetail", ".ms-WPBody .detail"),
    title=(".news-detail .news-title", "#divArticleTitle", ".news-title", ".NewsDetail .title", "h1.title"),
    date=(".news-detail .news-date", "#txtDateString", ".news-date", ".ngaydang"),
    summary=("#divArticleDescription", ".news-summary"),
    body=(".news-detail .ms-rtestate-field", "#divArticleContent", "[id$='RichHtmlField']", ".news-content",
          ".ms-rtestate-field"),
    author=(".news-author", ".tacgia"),
    views=(".news-views", ".luotxem"),
    prune=(".news-attachments", ".news-views", ".news-share"),
    article_urls=(
        r"/Lists/[^/]+/(?:DispForm|ChiTiet\w*|View\w*)\.aspx\?(?:.*&)?(?:ID|ItemID)=\d+",
        r"/Trang/ChiTiet\w*\.aspx\?(?:.*&)?nid=\d+",
        r"/Pages/ChiTiet\w*\.aspx\?",
    ),
    listing_urls=(r"/Lists/[^/]+/(?:TongQuat|AllItems|DanhSach\w*|Category\w*)\.aspx", r"chuyenmuc\.aspx",
                  r"/Pages/ChuyenMuc/", r"/Trang/tin-tuc[^/]*\.aspx$"),
    always_listing_urls=(r"/Lists/[^/]+/(?:TongQuat|AllItems|DanhSach\w*)\.aspx",),
    listing_markers=(".ms-listviewtable", "table.news-list-table"),
    next_links=(".news-pager a.next", "a[id$='_btnNext']"),
    feed_urls=(r"/rss/.+\.aspx",),
)


def parse(url: str, sel: Selector) -> PageParse:
    """Parse a SharePoint list portal page."""
    return parse_with_spec(SPEC, url, sel)
