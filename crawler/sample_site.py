"""Generate the bundled offline sample site (``data/sample_site``) from the dev corpus texts.

Every article of ``<corpus>/*.txt`` is split into category, title, date line,
body paragraphs, captions, attachments and byline by simple line heuristics
(:func:`split_source`), then rendered as pages of twelve imitation portals,
one per CMS family (two Liferay: 6.x ``asset_publisher`` and 6.2 ``view_content``;
the four added later are in ``crawler.sample_families``), each under its own
path prefix (``/binhduong/…``).
Nothing is read from the gold ``*.json`` files.  Output: the HTML/XML/PDF
files, ``manifest.json`` (routes for the loopback server) and ``sites.toml``.

Run:  ``python -m crawler.sample_site /work/shared/corpus/dev data/sample_site``

>>> src = split_source("seed-x", "Tin Tức\\nThứ 4, Ngày 08/09/2021, 09:00\\nKế hoạch phát động phong trào thi đua đặc biệt toàn tỉnh\\n"
...                    "Cỡ chữ: Font size: Giảm (A-)\\n\\nTheo đó, phong trào thi đua được triển khai cho các cơ quan, đơn vị.\\n\\nBan Quản lý\\nTin khác")
>>> src.category, src.title, src.when, src.author, len(src.paragraphs)
('Tin Tức', 'Kế hoạch phát động phong trào thi đua đặc biệt toàn tỉnh', (2021, 9, 8, 9, 0, 0), 'Ban Quản lý', 1)
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import unicodedata
from pathlib import Path

from crawler import sample_families
from crawler.encoding import encode_cp1258
from crawler.sample_base import (
    COUNTER,
    PDF_BYTES,
    VIEWSTATE,
    Builder,
    Site,
    SourceArticle,
    _contact,
    _dmy,
    _footer,
    _hm,
    _intro,
    _n,
    _paras,
    _rfc822,
    _slug,
    _views,
    _weekday,
    e,
    split_source,
)

SITE_TABLE: tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...] = (
    # id, name, family, province, category, preferred corpus ids (placement by topic and province)
    ("binhduong", "Cổng thông tin điện tử tỉnh Bình Dương", "sharepoint_list", "Bình Dương", "Tin hoạt động sở ngành",
     ("seed-000", "seed-002")),
    ("ninhthuan", "Sở Thông tin và Truyền thông tỉnh Ninh Thuận", "sharepoint_portal", "Ninh Thuận", "Tin hoạt động",
     ("seed-001", "seed-003")),
    ("dongthap", "Sở Thông tin và Truyền thông tỉnh Đồng Tháp", "liferay", "Đồng Tháp", "Tin trong ngành",
     ("seed-004", "seed-001")),
    ("gialai", "Sở Thông tin và Truyền thông tỉnh Gia Lai", "custom_cms", "Gia Lai", "Tin hoạt động",
     ("seed-003", "seed-004")),
    ("quangnam", "Cổng thông tin điện tử tỉnh Quảng Nam", "webcenter", "Quảng Nam", "Tin trong ngành",
     ("seed-001", "seed-003")),
    ("thudaumot", "Cổng thông tin điện tử thành phố Thủ Dầu Một", "dnn", "Bình Dương", "Tin tỉnh Bình Dương",
     ("seed-000", "seed-002")),
    ("phuyen", "Sở Thông tin và Truyền thông tỉnh Phú Yên", "cms_generic", "Phú Yên", "Tin trong ngành",
     ("seed-003", "seed-001")),
    ("baobinhduong", "Báo Bình Dương điện tử", "newspaper", "Bình Dương", "Thời sự",
     ("seed-002", "seed-000")),
    # families found on real hosts later (crawler.sample_families)
    ("daknong", "Sở Thông tin và Truyền thông tỉnh Đắk Nông", "sharepoint_lacviet", "Đắk Nông", "Tin tức",
     ("seed-001", "seed-004")),
    ("binhdinh", "Sở Nội vụ tỉnh Bình Định", "nukeviet", "Bình Định", "Thi đua - Khen thưởng",
     ("seed-003", "seed-000")),
    ("angiang", "Sở Nội vụ tỉnh An Giang", "websphere", "An Giang", "Tin thi đua",
     ("seed-004", "seed-002")),
    ("hanoi", "Sở Thông tin và Truyền thông Hà Nội", "liferay", "Hà Nội", "Tin tức sự kiện",
     ("seed-002", "seed-001")),
)
CP1258_PAGE = ("thudaumot", "seed-002")  # saved as Windows-1258 with a meta charset
NFD_PAGE = ("phuyen", "seed-003")  # text in decomposed (NFD) form


def build_sharepoint_list(b: Builder, site: Site) -> None:
    base, lst = site.base, f"{site.base}/Lists/TinTucSuKien"
    ids = {src.id: _n(site, src, 63000) for src in site.articles}
    nav = (f'<div class="top-nav"><ul><li><a href="{base}/Pages/default.aspx">Trang chủ</a></li>'
           f'<li><a href="{lst}/TongQuat.aspx">Tin tức - Sự kiện</a></li>'
           f'<li><a href="{base}/Pages/gioi-thieu.aspx">Giới thiệu</a></li>'
           f'<li><a href="{base}/Pages/lien-he.aspx">Liên hệ</a></li></ul></div>')

    def shell(title: str, action: str, main: str) -> str:
        return f"""<!DOCTYPE html>
<html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=10"><meta charset="utf-8">
<title>{e(title)} - {e(site.name).upper()}</title>
<link rel="stylesheet" type="text/css" href="{base}/_layouts/15/1033/styles/Themable/corev15.css">
<script type="text/javascript" src="{base}/_layouts/15/init.js"></script></head>
<body><form method="post" action="{e(action)}" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{VIEWSTATE}">
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header"><a href="{base}/Pages/default.aspx"><img src="{base}/PublishingImages/banner.jpg" alt="{e(site.name)}"></a></div>
{nav}
<div id="ctl00_PlaceHolderMain_ctl00" class="ms-webpart-zone">
{main}
</div>
{COUNTER}
{_footer(site)}
</div></div></form></body></html>"""

    for src in site.articles:
        i = ids[src.id]
        others = "".join(f'<li><a href="{lst}/DispForm.aspx?ID={ids[o.id]}">{e(o.title)}</a></li>'
                         for o in site.articles if o is not src)
        att = "".join(
            f'<div>{e(label)}: <a href="{lst}/Attachments/{i}/{e(name)}">Tải về</a> {e(name)}</div>'
            for label, name in src.attachments)
        author_line = f"{_dmy(src.when)} | {src.author}" if src.author and src.paragraphs else _dmy(src.when)
        date_line = f"{_weekday(src.when)}, Ngày {_dmy(src.when)}, {_hm(src.when)}".rstrip(", ") if src.when else ""
        labels = ("Tiêu đề", "Hình ảnh", "Hình ảnh mô tả", "Tóm tắt", "Nội dung", "Link thay thế nội dung", "Ngày xuất bản",
                  "Tin nổi bật", "Phân loại", "Loại bài viết", "Tin liên quan", "Trạng thái", "Từ khóa", "Tác giả",
                  "Approval Status", "Attachments")
        formtable = "".join(f'<tr><td class="ms-formlabel"><h3 class="ms-standardheader">{lab}</h3></td>'
                            f'<td class="ms-formbody"></td></tr>' for lab in labels)
        main = f"""<div id="ctl00_SPWebPartManager1_g_6a0c5b1e_4f3d_4c7e_9a51_0d2f3b7c8e11" class="ms-WPBody">
<div class="news-detail">
<div class="news-category"><a href="{lst}/TongQuat.aspx">{e(src.category or site.category)}</a></div>
<div class="news-date">{e(date_line)}</div>
<h2 class="news-title">{e(src.title)}</h2>
<div class="font-size">Cỡ chữ: Font size: <a href="#">Giảm (A-)</a> <a href="#">Mặc định (A)</a> <a href="#">Tăng (A+)</a></div>
<div class="news-author">{e(author_line)}</div>
<div class="ms-rtestate-field">
{_paras(src, site, byline="none" if "|" in author_line else "right")}
</div>
<div class="news-attachments">{att}</div>
<div class="news-views">Lượt người xem: Views: {_views(site, src)}</div>
<div class="news-share">Chia sẻ: Share: <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a></div>
<div class="other-news"><h3>Tin khác</h3><ul>{others}</ul></div>
</div></div>
<table class="ms-formtoolbar"><tr><td><a href="#">Manage Permissions</a></td><td>|</td><td><a href="#">Version History</a></td></tr></table>
<table class="ms-formtable">{formtable}</table>
<table class="ms-formtoolbar"><tr><td>Content Type: Tin Tức Mở Rộng<br>Version: <br>Created at  by <br>Last modified at  by</td></tr></table>"""
        b.page(f"{lst}/DispForm.aspx", f"binhduong/dispform-{i}.html", shell(src.title, f"DispForm.aspx?ID={i}", main),
               {"ID": str(i)})
        for label, name in src.attachments:
            b.route(f"{lst}/Attachments/{i}/{name}", b.write(f"binhduong/attachments/{i}-{_slug(name)}.pdf", PDF_BYTES),
                    content_type="application/pdf")

    # listing pages that carry whole bodies (the real TongQuat.aspx does), one item per page
    pages = site.articles
    for n, src in enumerate(pages, start=1):
        i = ids[src.id]
        pager = " ".join(
            f'<span class="current">{k}</span>' if k == n else f'<a href="{lst}/TongQuat.aspx?PageIndex={k}">{k}</a>'
            for k in range(1, len(pages) + 1))
        if n < len(pages):
            pager += f' <a class="next" href="{lst}/TongQuat.aspx?PageIndex={n + 1}">Sau ›</a>'
        body = "".join(f"<p>{e(p)}</p>" for p in src.paragraphs)
        main = f"""<div class="ms-WPBody"><h2 class="ms-webpart-titleText">{e(site.category)}</h2>
<table class="ms-listviewtable" summary="Tin tức sự kiện"><tr><th>Tiêu đề</th><th>Tóm tắt</th><th>Nội dung</th></tr>
<tr><td class="ms-vb-title"><a href="{lst}/DispForm.aspx?ID={i}">{e(src.title)}</a></td>
<td>{e(_dmy(src.when))}</td><td class="ms-vb2"><div class="ms-rtestate-field">{body}</div></td></tr></table>
<div class="news-pager">{pager}</div></div>"""
        html_ = shell(site.category, "TongQuat.aspx", main)
        if n == 1:
            b.page(f"{lst}/TongQuat.aspx", "binhduong/tongquat-1.html", html_)
        b.page(f"{lst}/TongQuat.aspx", f"binhduong/tongquat-{n}.html", html_, {"PageIndex": str(n)})
    latest = "".join(f'<li><a href="{lst}/DispForm.aspx?ID={ids[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(f"{base}/Pages/default.aspx", "binhduong/default.html",
           shell("Trang chủ", "default.aspx", f'<div class="ms-WPBody"><h3>Tin mới</h3><ul class="tin-moi">{latest}</ul></div>'))
    b.page(f"{base}/Pages/gioi-thieu.aspx", "binhduong/gioi-thieu.html", shell("Giới thiệu", "gioi-thieu.aspx", _intro(site)))
    b.page(f"{base}/Pages/lien-he.aspx", "binhduong/lien-he.html", shell("Liên hệ", "lien-he.aspx", _contact(site)))
    b.site(site, [f"{base}/Pages/default.aspx", f"{lst}/TongQuat.aspx"], [])


def build_sharepoint_portal(b: Builder, site: Site) -> None:
    base = f"{site.base}/portal"
    cat_path = f"{base}/Pages/Tin-hoat-dong.aspx"
    urls = {}
    for src in site.articles:
        if not src.when:
            raise ValueError(f"{src.id}: a tandan- portal article needs a date for its URL")
        y, m, d = src.when[:3]
        urls[src.id] = f"{base}/Pages/{y}-{m}-{d}/{_slug(src.title)[:60].title().replace('-', '-')}-{_n(site, src, 1000):x}.aspx"
    nav = (f'<ul class="tandan-menu"><li><a href="{base}/Pages/default.aspx">Trang chủ</a></li>'
           f'<li><a href="{cat_path}">{e(site.category)}</a></li><li><a href="{base}/Pages/Gioi-thieu.aspx">Giới thiệu</a></li>'
           f'<li><a href="{base}/Pages/Lien-he.aspx">Liên hệ</a></li></ul>')

    def shell(title: str, action: str, main: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{e(title)} - CỔNG THÔNG TIN ĐIỆN TỬ {e(site.name).upper()}</title>
<link rel="stylesheet" href="{site.base}/Style Library/tandan/css/tandan-portal.css"></head>
<body><form method="post" action="{e(action)}" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{VIEWSTATE}">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="BAB98CB3">
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAVx2dTz8K1mX0bQ"></div>
<script type="text/javascript">function __doPostBack(t, a) {{ var f = document.forms['aspnetForm'];
f.__EVENTTARGET.value = t; f.__EVENTARGUMENT.value = a; f.submit(); }}</script>
<div class="tandan-header"><img src="{site.base}/portal/Photos/banner.jpg" alt="{e(site.name)}"></div>
<div class="tandan-nav">{nav}</div>
<div id="ctl00_PlaceHolderMain_g_2b1f" class="tandan-main">{main}</div>
<div class="tandan-sidebar">{COUNTER}</div>
{_footer(site)}
</form></body></html>"""

    for src in site.articles:
        url = urls[src.id]
        others = "".join(f'<li><a href="{urls[o.id]}">{e(o.title)}</a></li>' for o in site.articles if o is not src)
        main = f"""<div class="tandan-p-article">
<div class="tandan-p-article-news-title">{e(src.title)}</div>
<span class="tandan-span-date-publish">Đăng ngày {e(_dmy(src.when))}</span>
<div class="tandan-p-article-news-summary">{e(src.lead)}</div>
<div class="tandan-p-article-main">{_paras(src, site).replace(f"<p>{e(src.lead)}</p>", "", 1)}</div>
<div class="td-tags">Từ khóa: <a href="#">thi đua</a> <a href="#">khen thưởng</a></div>
<span id="ctl00_PlaceHolderMain_ctl08_label">Lượt xem: {_views(site, src)}</span>
<div class="tandan-div-article-other"><h3>Các tin khác</h3><ul>{others}</ul></div></div>"""
        b.page(url, f"ninhthuan/{url.rsplit('/', 2)[-2]}-{_n(site, src, 1000):x}.html", shell(src.title, url.rsplit("/", 1)[-1], main))

    target = "ctl00$PlaceHolderMain$g_2b1f$rptPager$ctl{:02d}$lnkPage"
    files_by_target = {}
    for n, src in enumerate(site.articles, start=1):
        pager = " ".join(
            f'<span class="current">{k}</span>' if k == n else
            f'<a href="javascript:__doPostBack(&#39;{target.format(k - 1)}&#39;,&#39;&#39;)">{k}</a>'
            for k in range(1, len(site.articles) + 1))
        main = f"""<div class="tandan-list-news"><h2>{e(site.category)}</h2>
<div class="channel-news-item"><div class="channel-news-title"><a href="{urls[src.id]}">{e(src.title)}</a></div>
<div class="channel-news-date">{e(_dmy(src.when))}</div><div class="channel-news-summary">{e(src.lead[:240])}…</div></div>
<div class="tandan-pager">{pager}</div></div>"""
        rel = b.write(f"ninhthuan/tin-hoat-dong-{n}.html", shell(site.category, "Tin-hoat-dong.aspx", main))
        files_by_target[target.format(n - 1)] = rel
        if n == 1:
            b.route(cat_path, rel)
    b.route(cat_path, files_by_target[target.format(0)], method="POST", behavior="postback", files_by_target=files_by_target)
    latest = "".join(f'<li><a href="{urls[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(f"{base}/Pages/default.aspx", "ninhthuan/default.html",
           shell("Trang chủ", "default.aspx", f'<div class="tandan-hot-news"><ul>{latest}</ul></div>'))
    b.page(f"{base}/Pages/Gioi-thieu.aspx", "ninhthuan/gioi-thieu.html", shell("Giới thiệu", "Gioi-thieu.aspx", _intro(site)))
    b.page(f"{base}/Pages/Lien-he.aspx", "ninhthuan/lien-he.html", shell("Liên hệ", "Lien-he.aspx", _contact(site)))
    b.site(site, [f"{base}/Pages/default.aspx", cat_path], [])


def build_liferay(b: Builder, site: Site) -> None:
    web = f"{site.base}/web/sotttt"
    cat = f"{web}/tin-trong-nganh"
    inst = "nf7Qy5mlPXqs"
    ns = f"_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_{inst}_"
    detail = {src.id: f"{web}/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/{_n(site, src, 15640000)}"
              for src in site.articles}
    rss = f"{cat}/-/asset_publisher/{inst}/rss"
    nav = (f'<nav class="navigation"><ul><li><a href="{web}/trang-chu">Trang chủ</a></li><li><a href="{cat}">{e(site.category)}</a></li>'
           f'<li><a href="{web}/gioi-thieu">Giới thiệu</a></li><li><a href="{web}/lien-he">Liên hệ</a></li></ul></nav>')

    def shell(title: str, main: str) -> str:
        return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN"><head><meta charset="utf-8"><title>{e(title)} - {e(site.name)}</title>
<link rel="alternate" type="application/rss+xml" title="{e(site.category)}" href="{rss}">
<script>var Liferay = {{ ThemeDisplay: {{ getPlid: function() {{ return "20135"; }} }} }};</script></head>
<body class="portal-popup"><div id="wrapper"><header id="banner"><img src="{site.base}/documents/34223/0/banner.jpg/8d1c2f0e-4b7a-4f7e-9e4c-1a2b3c4d5e6f?t=1615880000000" alt=""></header>
{nav}
<div id="p_p_id_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_{inst}_" class="portlet-boundary portlet-asset-publisher">
<section class="portlet"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">{e(site.category)}</span></h1></header>
<div class="portlet-content"><div class="portlet-body">{main}</div></div></section></div>
{COUNTER}{_footer(site)}</div></body></html>"""

    for src in site.articles:
        when = f"{_weekday(src.when, words=True)}, {_dmy(src.when)} {_hm(src.when)}".strip() if src.when else ""
        date_el = f"{when} | Lượt xem: {_views(site, src)}" if when else f"Lượt xem: {_views(site, src)}"
        atts = "".join(f'<li><a href="{site.base}/documents/34223/0/{e(name)}/5f0b7c1e-3d2a-4e5b-8c9d-0a1b2c3d4e5f">{e(label)}</a></li>'
                       for label, name in src.attachments)
        main = f"""<div class="asset-full-content">
<div class="title-news"><h1>{e(src.title)}</h1></div>
<div class="date-news">{e(date_el)}</div>
<div class="journal-content-article">{_paras(src, site)}</div>
<ul class="attachments">{atts}</ul>
<div class="taglib-social-bookmarks"><a href="#">Chia sẻ</a></div></div>
<div class="entry-links"><h4>Tin liên quan</h4>{"".join(f'<a href="{detail[o.id]}?redirect=%2Fweb%2Fsotttt">{e(o.title)}</a>' for o in site.articles if o is not src)}</div>"""
        b.page(detail[src.id], f"dongthap/content-{detail[src.id].rsplit('/', 1)[-1]}.html", shell(src.title, main))
    for n, src in enumerate(site.articles, start=1):
        links = []
        for k in range(1, len(site.articles) + 1):
            href = f"{cat}?p_p_id=com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_{inst}&amp;p_p_lifecycle=0&amp;{ns}cur={k}"
            links.append(f'<li class="active"><span>{k}</span></li>' if k == n else f'<li><a href="{href}">{k}</a></li>')
        if n < len(site.articles):
            href = f"{cat}?p_p_id=com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_{inst}&amp;p_p_lifecycle=0&amp;{ns}cur={n + 1}"
            links.append(f'<li class="next"><a href="{href}">Sau</a></li>')
        main = f"""<div class="asset-abstract"><h3 class="asset-title"><a href="{detail[src.id]}?redirect=%2Fweb%2Fsotttt%2Ftin-trong-nganh">{e(src.title)}</a></h3>
<div class="asset-summary">{e(src.lead[:240])}…</div></div>
<div class="taglib-page-iterator"><ul class="lfr-pagination-buttons pager">{"".join(links)}</ul></div>"""
        html_ = shell(site.category, main)
        if n == 1:
            b.page(cat, "dongthap/tin-trong-nganh-1.html", html_)
        b.page(cat, f"dongthap/tin-trong-nganh-{n}.html", html_, {f"{ns}cur": str(n)})
    items = "".join(
        f"<item><title>{e(s.title)}</title><link>{detail[s.id]}</link><description>{e(s.lead[:200])}</description>"
        + (f"<pubDate>{_rfc822(s.when)}</pubDate>" if s.when else "") + "</item>" for s in site.articles)
    b.page(rss, "dongthap/rss.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{e(site.category)}'
           f"</title>{items}</channel></rss>", content_type="application/rss+xml; charset=utf-8")
    latest = "".join(f'<li><a href="{detail[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(f"{web}/trang-chu", "dongthap/trang-chu.html", shell("Trang chủ", f'<ul class="tin-noi-bat">{latest}</ul>'))
    b.page(f"{web}/gioi-thieu", "dongthap/gioi-thieu.html", shell("Giới thiệu", _intro(site)))
    b.page(f"{web}/lien-he", "dongthap/lien-he.html", shell("Liên hệ", _contact(site)))
    b.site(site, [f"{web}/trang-chu", cat], [rss])



def build_custom_cms(b: Builder, site: Site) -> None:
    cat = f"{site.base}/tin-tuc/tin-hoat-dong"
    urls = {src.id: f"{site.base}/tin-tuc/tin-hoat-dong/{_slug(src.title)[:70]}-{_n(site, src, 250000)}" for src in site.articles}
    nav = (f'<ul class="main-menu"><li><a href="{site.base}/">Trang chủ</a></li><li><a href="{cat}">{e(site.category)}</a></li>'
           f'<li><a href="{site.base}/gioi-thieu">Giới thiệu</a></li><li><a href="{site.base}/lien-he">Liên hệ</a></li></ul>')

    def shell(title: str, main: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} | {e(site.name)}</title>
<meta property="og:title" content="{e(title)}"></head>
<body><header class="site-header"><a class="logo" href="{site.base}/">{e(site.name)}</a>{nav}</header>
<main class="container">{main}</main>
<aside class="sidebar"><div class="box-counter"><h4>Số Lượt Truy Cập</h4>
<p><i class="material-icons">perm_identity</i> Trong ngày: 32</p><p><i class="material-icons">accessibility</i> Hôm qua: 79</p>
<p><i class="material-icons">supervisor_account</i> Tổng truy cập: 69.045</p></div></aside>
{_footer(site)}</body></html>"""

    for src in site.articles:
        meta = []
        if src.when:
            hms = f"{_hm(src.when)}:{src.when[5]:02d} - " if len(src.when) > 3 else ""
            meta.append(f"Cập nhật lúc: {hms}{_dmy(src.when)}")
        meta.append(f"Số lượt xem: {_views(site, src)}")
        if src.poster:
            meta.append(f"Người đăng: {src.poster}")
        related = "".join(f'<li><a href="{urls[o.id]}">{e(o.title)}</a></li>' for o in site.articles if o is not src)
        main = f"""<div class="article-detail">
<h1 class="title-detail">{e(src.title)}</h1>
<div class="post-date">{"  ".join(e(m) for m in meta)}</div>
<div class="article-content common-content">{_paras(src, site, byline="label")}</div>
<div class="box-related related-articles"><h3>Tin liên quan</h3><ul>{related}</ul></div></div>"""
        b.page(urls[src.id], f"gialai/{urls[src.id].rsplit('/', 1)[-1]}.html", shell(src.title, main))
    for n, src in enumerate(site.articles, start=1):
        nxt = f'<a class="next-pages" href="{cat}?page={n + 1}">Trang sau</a>' if n < len(site.articles) else ""
        prev = f'<a class="prev-pages" href="{cat}?page={n - 1}">Trang trước</a>' if n > 1 else ""
        main = f"""<h2 class="category-title">{e(site.category)}</h2><div class="list-news-category">
<div class="article-item"><a class="article-title common-title" href="{urls[src.id]}">{e(src.title)}</a>
<p class="article-brief common-brief">{e(src.lead[:240])}…</p></div></div>
<div class="wrapper-pagination">{prev}<span class="active">{n}</span>{nxt}</div>"""
        html_ = shell(site.category, main)
        if n == 1:
            b.page(cat, "gialai/tin-hoat-dong-1.html", html_)
        b.page(cat, f"gialai/tin-hoat-dong-{n}.html", html_, {"page": str(n)})
    sitemap = "".join(f"<url><loc>{u}</loc><lastmod>2020-01-01</lastmod></url>" for u in urls.values())
    b.page(f"{site.base}/sitemap.xml", "gialai/sitemap.xml",
           f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>',
           content_type="application/xml; charset=utf-8")
    latest = "".join(f'<li><a href="{u}">{e(s.title)}</a></li>' for s, u in zip(site.articles, urls.values(), strict=True))
    b.page(f"{site.base}/", "gialai/index.html", shell("Trang chủ", f'<ul class="featured-news">{latest}</ul>'))
    b.page(f"{site.base}/gioi-thieu", "gialai/gioi-thieu.html", shell("Giới thiệu", _intro(site)))
    b.page(f"{site.base}/lien-he", "gialai/lien-he.html", shell("Liên hệ", _contact(site)))
    b.site(site, [f"{site.base}/", cat], [f"{site.base}/sitemap.xml"])


def build_webcenter(b: Builder, site: Site) -> None:
    portal = f"{site.base}/webcenter/portal/ubnd"
    cat = f"{portal}/pages_tin-tuc"
    docs = {src.id: f"PORTAL{_n(site, src, 174000)}" for src in site.articles}
    detail = f"{cat}/chi-tiet"

    def shell(title: str, main: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="vi-VN" dir="ltr"><head><meta charset="utf-8"><title>{e(title)} - {e(site.name)}</title>
<link rel="stylesheet" href="{site.base}/webcenter/portal/skins/ubnd/ubnd.css"></head>
<body><div id="T:pt_ps1" class="af_panelStretchLayout"><div class="header"><img src="{site.base}/webcenter/images/banner.jpg" alt=""></div>
<div class="af_navigationPane"><a class="af_commandNavigationItem" href="{portal}/pages_home">Trang chủ</a>
<a class="af_commandNavigationItem" href="{cat}?_adf.ctrl-state=1a2b3c_4">{e(site.category)}</a>
<a class="af_commandNavigationItem" href="{portal}/pages_gioi-thieu">Giới thiệu</a>
<a class="af_commandNavigationItem" href="{portal}/pages_lien-he">Liên hệ</a></div>
<div id="T:oc_5868747166region1" class="content">{main}</div>{COUNTER}{_footer(site)}</div></body></html>"""

    def loop_page(token: str) -> str:
        return f"""<html><head><title></title><script type="text/javascript">
/* Copyright (c) 2008, Oracle and/or its affiliates. All rights reserved. */
var _afrLoop = '{token}';
function _addParam(query, name, value) {{ return query + (query ? "&" : "?") + name + "=" + value; }}
var query = _addParam(window.location.search.substring(1), "_afrLoop", _afrLoop);
query = _addParam(query, "_afrWindowMode", "0");
window.location.replace(window.location.pathname + query);
</script></head><body><noscript>This page uses JavaScript and requires a JavaScript enabled browser.</noscript></body></html>"""

    def adf(path: str, rel: str, content: str, query: dict | None = None) -> None:
        token = str(int(hashlib.sha1(rel.encode()).hexdigest()[:8], 16))
        loop_rel = b.write(rel.replace(".html", ".loop.html"), loop_page(token))
        b.page(path, rel, content, query, behavior="adf_loop", interstitial=loop_rel)

    for src in site.articles:
        atts = "".join(f'<a href="{site.base}/webcenter/documentContent?dDocName={docs[src.id]}_{k}">{e(label)}</a>'
                       for k, (label, _name) in enumerate(src.attachments, start=1))
        main = f"""<div class="chi-tiet-tin"><h1>{e(src.title)}</h1>
<div class="ngay-dang">{e(_dmy(src.when))} {e(_hm(src.when))}</div>
<div class="noi-dung">{_paras(src, site, byline="none")}</div>
{f'<div class="tac-gia">{e(src.author)}</div>' if src.author else ""}
<div class="file-dinh-kem">{atts}</div>
<div class="tin-khac"><h3>Tin khác</h3>{"".join(f'<a href="{detail}?dDocName={docs[o.id]}&amp;_afrLoop=9911&amp;_afrWindowMode=0">{e(o.title)}</a>' for o in site.articles if o is not src)}</div></div>"""
        adf(detail, f"quangnam/{docs[src.id]}.html", shell(src.title, main), {"dDocName": docs[src.id]})
    pages = []
    for n, src in enumerate(site.articles, start=1):
        main = f"""<table class="table table-bordered table-striped"><tr><td><a href="{detail}?dDocName={docs[src.id]}">{e(src.title)}</a></td>
<td>{e(_dmy(src.when))}</td></tr></table>
<div class="af_table_navbar"><span class="current">{n}</span> <a class="next" href="{cat}?selectedPage={n + 1}">Tiếp</a></div>"""
        pages.append(shell(site.category, main))
        adf(cat, f"quangnam/tin-tuc-{n}.html", pages[-1], {"selectedPage": str(n)})
        if n == 1:
            adf(cat, "quangnam/tin-tuc.html", pages[-1])
    # ADF wraps back to page 1 past the last page (the pager still shows "Tiếp")
    adf(cat, f"quangnam/tin-tuc-{len(pages) + 1}.html", pages[0], {"selectedPage": str(len(pages) + 1)})
    latest = "".join(f'<li><a href="{detail}?dDocName={docs[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    adf(f"{portal}/pages_home", "quangnam/home.html", shell("Trang chủ", f"<ul>{latest}</ul>"))
    adf(f"{portal}/pages_gioi-thieu", "quangnam/gioi-thieu.html", shell("Giới thiệu", _intro(site)))
    adf(f"{portal}/pages_lien-he", "quangnam/lien-he.html", shell("Liên hệ", _contact(site)))
    for src in site.articles:
        for k, _att in enumerate(src.attachments, start=1):
            b.route(f"{site.base}/webcenter/documentContent", b.write(f"quangnam/files/{docs[src.id]}_{k}.pdf", PDF_BYTES),
                    {"dDocName": f"{docs[src.id]}_{k}"}, content_type="application/pdf")
    b.site(site, [f"{portal}/pages_home", cat], [])


def build_dnn(b: Builder, site: Site) -> None:
    tab_list, tab_detail = 22641, 22642
    ids = {src.id: _n(site, src, 5000) for src in site.articles}
    home = f"{site.base}/Default.aspx"

    def shell(title: str, main: str, charset: str = "utf-8") -> str:
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi-VN"><head id="Head"><meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{e(title)} - {e(site.name)}</title><script src="{site.base}/js/dnn.js"></script></head>
<body id="Body"><form method="post" action="{home}" id="Form">
<div id="dnn_ControlPanel"></div><div class="banner"><img src="{site.base}/Portals/0/banner.jpg" alt="" /></div>
<div id="dnn_dnnNAV_ctldnnNAV" class="menu"><a href="{home}?tabid=1">Trang chủ</a> <a href="{home}?tabid={tab_list}">{e(site.category)}</a>
<a href="{home}?tabid=30">Giới thiệu</a> <a href="{home}?tabid=31">Liên hệ</a></div>
<div id="dnn_ContentPane"><div class="DnnModule DnnModule-NewsArticles"><div id="dnn_ctr1482_ContentPane">{main}</div></div></div>
<div id="dnn_RightPane">{COUNTER}</div>{_footer(site)}</form></body></html>"""

    for src in site.articles:
        i = ids[src.id]
        atts = "".join(f'<li><a href="{site.base}/Portals/0/VanBan/{e(name)}">{e(label)}</a></li>' for label, name in src.attachments)
        main = f"""<div class="newsDetail"><h2 class="detailTitle">{e(src.title)}</h2>
<div class="date">Ngày đăng: {e(_dmy(src.when))} | Lượt xem: {_views(site, src)}</div>
<div class="detailContent">{_paras(src, site, byline="tinanh")}</div>
<ul class="detailFiles">{atts}</ul>
<div class="otherNews"><h4>Tin khác</h4>{"".join(f'<a href="{home}?tabid={tab_detail}&amp;ID={ids[o.id]}">{e(o.title)}</a>' for o in site.articles if o is not src)}</div></div>"""
        rel = f"thudaumot/detail-{i}.html"
        if (site.id, src.id) == CP1258_PAGE:
            content = shell(src.title, main, charset="windows-1258")
            b.route(home, b.write(rel, encode_cp1258(content)), {"tabid": str(tab_detail), "ID": str(i)}, content_type="text/html")
        else:
            b.page(home, rel, shell(src.title, main), {"tabid": str(tab_detail), "ID": str(i)})
        for _label, name in src.attachments:
            b.route(f"{site.base}/Portals/0/VanBan/{name}", b.write(f"thudaumot/files/{_slug(name)}.pdf", PDF_BYTES),
                    content_type="application/pdf")
    for n, src in enumerate(site.articles, start=1):
        nxt = f'<a class="next" href="{home}?tabid={tab_list}&amp;Page={n + 1}">Trang sau</a>' if n < len(site.articles) else ""
        main = f"""<div class="newsList"><div class="item"><a class="title" href="{home}?tabid={tab_detail}&amp;ID={ids[src.id]}">{e(src.title)}</a>
<span class="date">{e(_dmy(src.when))}</span></div></div><div class="pager">Trang {n} {nxt}</div>"""
        html_ = shell(site.category, main)
        if n == 1:
            b.page(home, "thudaumot/list-1.html", html_, {"tabid": str(tab_list)})
        b.page(home, f"thudaumot/list-{n}.html", html_, {"tabid": str(tab_list), "Page": str(n)})
    latest = "".join(f'<li><a href="{home}?tabid={tab_detail}&amp;ID={ids[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(home, "thudaumot/home.html", shell("Trang chủ", f"<ul>{latest}</ul>"), {"tabid": "1"})
    b.page(home, "thudaumot/gioi-thieu.html", shell("Giới thiệu", _intro(site)), {"tabid": "30"})
    b.page(home, "thudaumot/lien-he.html", shell("Liên hệ", _contact(site)), {"tabid": "31"})
    b.site(site, [f"{home}?tabid=1", f"{home}?tabid={tab_list}"], [])


def build_wordpress(b: Builder, site: Site) -> None:
    cat = f"{site.base}/category/tin-trong-nganh/"
    urls = {}
    for src in site.articles:
        y, m, d = src.when[:3] if src.when else (2020, 1, 1)
        urls[src.id] = f"{site.base}/{y}/{m:02d}/{d:02d}/{_slug(src.title)[:70]}/"

    def shell(title: str, main: str, body_class: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="UTF-8"><title>{e(title)} &#8211; {e(site.name)}</title>
<link rel="alternate" type="application/rss+xml" title="{e(site.name)} &raquo; Feed" href="{site.base}/feed/">
<link rel="stylesheet" href="{site.base}/wp-content/themes/twentytwenty/style.css"><script src="{site.base}/wp-includes/js/jquery/jquery.min.js"></script></head>
<body class="{body_class}"><header id="site-header"><div class="site-title"><a href="{site.base}/">{e(site.name)}</a></div>
<nav class="primary-menu-wrapper"><ul><li><a href="{site.base}/">Trang chủ</a></li><li><a href="{cat}">{e(site.category)}</a></li>
<li><a href="{site.base}/gioi-thieu/">Giới thiệu</a></li><li><a href="{site.base}/lien-he/">Liên hệ</a></li></ul></nav></header>
<main id="site-content">{main}</main>
<aside class="widget-area">{COUNTER}</aside>{_footer(site)}</body></html>"""

    for src in site.articles:
        iso_ = ""
        if src.when:
            y, m, d = src.when[:3]
            iso_ = f"{y}-{m:02d}-{d:02d}" + (f"T{_hm(src.when)}:{src.when[5]:02d}+07:00" if len(src.when) > 3 else "")
        atts = "".join(f'<p><a href="{site.base}/wp-content/uploads/{src.when[0] if src.when else 2020}/{e(name)}">{e(label)}</a></p>'
                       for label, name in src.attachments)
        main = f"""<article class="post type-post status-publish format-standard"><header class="entry-header">
<h1 class="entry-title">{e(src.title)}</h1><div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{iso_}">{e(_dmy(src.when))}</time></span>
{f'<span class="byline"><span class="author vcard"><a class="url fn n" href="{site.base}/author/bbt/">{e(src.author)}</a></span></span>' if src.author else ""}</div></header>
<div class="entry-content">{_paras(src, site, byline="none")}{atts}</div>
<div class="sharedaddy"><h3>Chia sẻ:</h3><a href="#">Facebook</a></div></article>
<nav class="post-navigation">{"".join(f'<a href="{urls[o.id]}">{e(o.title)}</a>' for o in site.articles if o is not src)}</nav>"""
        content = shell(src.title, main, "post-template-default single single-post")
        if (site.id, src.id) == NFD_PAGE:
            content = unicodedata.normalize("NFD", content)
        b.page(urls[src.id].rstrip("/") + "/", f"phuyen/{_slug(src.title)[:50]}.html", content)
        for _label, name in src.attachments:
            y = src.when[0] if src.when else 2020
            b.route(f"{site.base}/wp-content/uploads/{y}/{name}", b.write(f"phuyen/uploads/{_slug(name)}.pdf", PDF_BYTES),
                    content_type="application/pdf")
    for n, src in enumerate(site.articles, start=1):
        nxt = f'<a class="next page-numbers" href="{cat}page/{n + 1}/">Trang sau &raquo;</a>' if n < len(site.articles) else ""
        main = f"""<h1 class="archive-title">{e(site.category)}</h1><article class="post"><h2 class="entry-title"><a href="{urls[src.id]}">{e(src.title)}</a></h2>
<div class="entry-summary"><p>{e(src.lead[:240])}…</p></div></article><nav class="pagination"><span class="page-numbers current">{n}</span>{nxt}</nav>"""
        html_ = shell(site.category, main, "archive category")
        b.page(cat if n == 1 else f"{cat}page/{n}/", f"phuyen/category-{n}.html", html_)
    items = "".join(f"<item><title>{e(s.title)}</title><link>{urls[s.id]}</link>"
                    + (f"<pubDate>{_rfc822(s.when)}</pubDate>" if s.when else "") + "</item>" for s in site.articles)
    b.page(f"{site.base}/feed/", "phuyen/feed.xml", f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
           f"<title>{e(site.name)}</title>{items}</channel></rss>", content_type="application/rss+xml; charset=utf-8")
    latest = "".join(f'<li><a href="{urls[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(f"{site.base}/", "phuyen/index.html", shell("Trang chủ", f"<ul>{latest}</ul>", "home blog"))
    b.page(f"{site.base}/gioi-thieu/", "phuyen/gioi-thieu.html", shell("Giới thiệu", _intro(site), "page"))
    b.page(f"{site.base}/lien-he/", "phuyen/lien-he.html", shell("Liên hệ", _contact(site), "page"))
    b.site(site, [f"{site.base}/", cat], [f"{site.base}/feed/"])


def build_newspaper(b: Builder, site: Site) -> None:
    cat = f"{site.base}/thoi-su"
    urls = {src.id: f"{site.base}/{_slug(src.title)[:70]}-a{_n(site, src, 240000)}.html" for src in site.articles}

    def shell(title: str, main: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{e(title)} - Báo Bình Dương Online</title>
{"" if not title else f'<meta property="og:title" content="{e(title)}">'}</head>
<body><div class="top-bar">Thứ Hai, 01/01/2024</div><div class="header"><a href="{site.base}/">{e(site.name)}</a></div>
<div class="menu"><a href="{site.base}/">Trang chủ</a> <a href="{cat}/">{e(site.category)}</a> <a href="{site.base}/gioi-thieu.html">Giới thiệu</a>
<a href="{site.base}/lien-he.html">Liên hệ</a></div>
<div class="main">{main}</div><div class="right">{COUNTER}</div>{_footer(site)}</body></html>"""

    for src in site.articles:
        when = f"{_weekday(src.when, words=True)}, {_dmy(src.when)}, {_hm(src.when)} (GMT+7)".replace(",  (", " (") if src.when else ""
        main = f"""<div class="detail"><h1 class="title">{e(src.title)}</h1><div class="date">{e(when)}</div>
<h2 class="sapo">{e(src.lead)}</h2>
<div id="newscontents">{_paras(src, site, byline="right").replace(f"<p>{e(src.lead)}</p>", "", 1)}</div>
<div class="box-related"><h3>Tin liên quan</h3>{"".join(f'<a href="{urls[o.id]}">{e(o.title)}</a>' for o in site.articles if o is not src)}</div></div>"""
        b.page(urls[src.id], f"baobinhduong/{urls[src.id].rsplit('/', 1)[-1]}", shell(src.title, main))
    for n, src in enumerate(site.articles, start=1):
        nxt = f'<a class="next" href="{cat}/page-{n + 1}.html">»</a>' if n < len(site.articles) else ""
        main = f"""<div class="list-news"><div class="item"><a href="{urls[src.id]}">{e(src.title)}</a><p>{e(src.lead[:200])}…</p></div></div>
<div class="paging"><span>{n}</span>{nxt}</div>"""
        html_ = shell(site.category, main)
        if n == 1:
            b.page(f"{cat}/", "baobinhduong/thoi-su-1.html", html_)
        b.page(f"{cat}/page-{n}.html", f"baobinhduong/thoi-su-{n}.html", html_)
    latest = "".join(f'<li><a href="{urls[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(f"{site.base}/", "baobinhduong/index.html", shell("", f"<ul>{latest}</ul>"))
    b.page(f"{site.base}/gioi-thieu.html", "baobinhduong/gioi-thieu.html", shell("Giới thiệu", _intro(site)))
    b.page(f"{site.base}/lien-he.html", "baobinhduong/lien-he.html", shell("Liên hệ", _contact(site)))
    b.site(site, [f"{site.base}/", f"{cat}/"], [])


BUILDERS = {
    "sharepoint_list": build_sharepoint_list,
    "sharepoint_portal": build_sharepoint_portal,
    "liferay": build_liferay,
    "custom_cms": build_custom_cms,
    "webcenter": build_webcenter,
    "dnn": build_dnn,
    "cms_generic": build_wordpress,
    "newspaper": build_newspaper,
}

def load_corpus(corpus: Path) -> list[SourceArticle]:
    """Every ``*.txt`` of the corpus directory, split (gold ``*.json`` files are ignored)."""
    if not corpus.is_dir():
        raise ValueError(f"corpus directory not found: {corpus}")
    files = sorted(corpus.glob("*.txt"))
    if not files:
        raise ValueError(f"no .txt articles in corpus directory: {corpus}")
    out = []
    for path in files:
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}: not UTF-8 text ({exc.reason})") from exc
        out.append(split_source(path.stem, raw))
    return out


def place(articles: list[SourceArticle]) -> list[Site]:
    """Put articles on sites: the placement table first, unplaced articles round-robin."""
    by_id = {a.id: a for a in articles}
    sites = [Site(sid, name, fam, prov, f"/{sid}", cat) for sid, name, fam, prov, cat, _ids in SITE_TABLE]
    placed: set[str] = set()
    for site, row in zip(sites, SITE_TABLE, strict=True):
        for aid in row[5]:
            if aid in by_id:
                site.articles.append(by_id[aid])
                placed.add(aid)
    rest = [a for a in articles if a.id not in placed]
    dated = [s for s in sites if s.family != "sharepoint_portal"]
    for k, art in enumerate(rest):
        dated[k % len(dated)].articles.append(art)
    for site in sites:
        if site.family == "sharepoint_portal":
            site.articles = [a for a in site.articles if a.when] or site.articles
    return [s for s in sites if s.articles]


def build(corpus: Path, out: Path) -> dict:
    """Render every site into ``out`` (replacing it); return summary counts."""
    articles = load_corpus(corpus)
    sites = place(articles)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    b = Builder(tmp)
    for site in sites:
        (sample_families.BUILDERS.get(site.id) or BUILDERS[site.family])(b, site)
    (tmp / "manifest.json").write_text(json.dumps(b.routes, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    header = ("# Bundled sample sites (generated by `python -m crawler.sample_site`; do not edit by hand).\n"
              "# Served by crawler/server.py from data/sample_site/manifest.json under one loopback host.\n\n")
    (tmp / "sites.toml").write_text(header + "\n\n".join(b.sites_toml) + "\n", encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return {"sites": len(sites), "articles": len(articles), "routes": len(b.routes)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m crawler.sample_site CORPUS_DIR OUT_DIR", file=sys.stderr)
        return 2
    try:
        stats = build(Path(args[0]), Path(args[1]))
    except ValueError as exc:
        print(f"sample_site: {exc}", file=sys.stderr)
        return 1
    print(f"sample_site: {stats['sites']} sites, {stats['articles']} corpus articles, {stats['routes']} routes → {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
