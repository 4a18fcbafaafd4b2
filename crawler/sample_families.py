"""Sample-site pages of the families found on real hosts later: LacViet, NukeViet, WebSphere, Liferay 6.2 view_content.

Each builder renders one imitation portal from corpus articles, with the
markup the family's page class reads (taken from the real saved pages where
there are some: ``../shared/fixtures/real-html``) and the URL hazards real
links have: LacViet links to one post with and without ``PublishedDate`` and in
lower case, WebSphere appends ``;jsessionid=`` to its state URLs, Liferay 6.2
repeats its search-container defaults on pager links, NukeViet links each
article's print copy (``/savefile/``) that must never be fetched.

>>> sorted(BUILDERS)
['angiang', 'binhdinh', 'daknong', 'hanoi']
"""

from __future__ import annotations

from crawler.sample_base import (
    COUNTER,
    Builder,
    Site,
    _contact,
    _dmy,
    _footer,
    _hm,
    _n,
    _paras,
    _slug,
    _views,
    _weekday,
    e,
)


def _ampm(when: tuple[int, ...] | None) -> str:
    """ "3:25 PM" as Liferay 6.2 prints the time."""
    if not when or len(when) < 5:
        return "12:00 AM"
    hour = when[3] % 12 or 12
    return f"{hour}:{when[4]:02d} {'PM' if when[3] >= 12 else 'AM'}"


# ---------------------------------------------------------------- SharePoint 2010 LacViet
def build_lacviet(b: Builder, site: Site) -> None:
    base, blog = site.base, f"{site.base}/TinTuc/tintuc"
    ids = {src.id: _n(site, src, 200) for src in site.articles}

    def post(src, variant: str = "") -> str:
        stamp = f"{src.when[0]}-{src.when[1]:02d}-{src.when[2]:02d}T00:00:00Z" if src.when else "2020-01-01T00:00:00Z"
        if variant == "lower":  # how the "topnews" blocks link: lower-case path, ItemID, the date
            return f"{blog}/lists/posts/post.aspx?CategoryId=1&amp;ItemID={ids[src.id]}&amp;PublishedDate={stamp}"
        if variant == "dated":
            return f"{blog}/Lists/Posts/Post.aspx?CategoryId=1&amp;ItemId={ids[src.id]}&amp;PublishedDate={stamp}"
        return f"{blog}/Lists/Posts/Post.aspx?CategoryId=1&amp;ItemId={ids[src.id]}"

    def shell(title: str, main: str) -> str:
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html lang="en-us" dir="ltr"><head><meta name="GENERATOR" content="Microsoft SharePoint"/>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>{e(title)} - Website {e(site.name)}</title>
<link rel="stylesheet" type="text/css" href="{base}/_layouts/LacVietBio/css/news_css.css"/></head>
<body><form method="post" action="default.aspx" id="aspnetForm"><div id="s4-workspace">
<div class="tmenu"><a href="{base}/Pages/default.aspx">Trang chủ</a> <a href="{blog}/Lists/Posts/AllPosts.aspx">{e(site.category)}</a>
<a href="{base}/Pages/lien-he.aspx">Liên hệ</a></div>
<div id="MSOZoneCell_WebPartWPQ2">{main}</div>{COUNTER}{_footer(site)}</div></form></body></html>"""

    for src in site.articles:
        when = f"{_hm(src.when)} {_dmy(src.when)}".strip() if src.when else ""
        author = f' | <span class="ms-PostAuthor">{e(src.author)}</span>' if src.author else ""
        others = "".join(f'<li><a href="{post(o, "dated")}">{e(o.title)}</a></li>' for o in site.articles if o is not src)
        main = f"""<div class="ms-PostWrapper"><h2 class="ms-PostTitle">{e(src.title)}</h2>
<div class="ms-PostBody">{_paras(src, site, byline="none")}</div>
<div class="ms-PostFooter">Đăng lúc {e(when)}{author} | <span class="lv-post-views">Lượt xem: {_views(site, src)}</span></div>
<div class="lv-post-other"><h3>Tin khác</h3><ul>{others}</ul></div></div>"""
        b.page(f"{blog}/Lists/Posts/Post.aspx", f"daknong/post-{ids[src.id]}.html", shell(src.title, main),
               {"CategoryId": "1", "ItemId": str(ids[src.id])})
    for n, src in enumerate(site.articles, start=1):
        pager = ""
        if n < len(site.articles):
            nxt = f"{blog}/Lists/Posts/AllPosts.aspx?CategoryId=1&amp;Paged=TRUE&amp;p_ID={ids[src.id]}&amp;PageFirstRow={n + 1}"
            pager = f'<div class="lv-pager"><a class="next" href="{nxt}">Trang sau</a></div>'
        main = (f'<div class="lv-post-list"><h3><a href="{post(src)}">{e(src.title)}</a></h3>'
                f"<p>{e(src.lead[:200])}…</p></div>{pager}")
        query = {"CategoryId": "1"} if n == 1 else {"CategoryId": "1", "Paged": "TRUE", "p_ID": str(ids[site.articles[n - 2].id]),
                                                    "PageFirstRow": str(n)}
        b.page(f"{blog}/Lists/Posts/AllPosts.aspx", f"daknong/allposts-{n}.html", shell(site.category, main), query)
    union = "".join(f'<li><div class="Union_block"><h2><a href="{post(s, "dated")}">{e(s.title)}</a></h2>'
                    f'<p class="hot-content1">{e(s.lead[:160])}</p></div></li>' for s in site.articles[:1])
    items = "".join(f'<tr><td class="LItem"><a class="LItem" href="{post(s, "lower")}">{e(s.title)}</a></td></tr>'
                    for s in site.articles)
    b.page(f"{base}/Pages/default.aspx", "daknong/default.html",
           shell("Trang chủ", f'<ul id="UnionNews_main_mode2">{union}</ul><table>{items}</table>'))
    b.page(f"{base}/Pages/lien-he.aspx", "daknong/lien-he.html", shell("Liên hệ", _contact(site)))
    b.site(site, [f"{base}/Pages/default.aspx", f"{blog}/Lists/Posts/AllPosts.aspx?CategoryId=1"], [])


# ---------------------------------------------------------------- NukeViet 4
def build_nukeviet(b: Builder, site: Site) -> None:
    cat = f"{site.base}/vi/news/thi-dua-khen-thuong"
    urls = {src.id: f"{cat}/{_slug(src.title)[:70]}-{_n(site, src, 1000)}.html" for src in site.articles}

    def shell(title: str, main: str) -> str:
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(title)} - {e(site.name)}</title>
<meta name="generator" content="NukeViet v4.5"><link rel="stylesheet" href="{site.base}/themes/default/css/style.css">
<link rel="alternate" type="application/rss+xml" title="Tin tức" href="{site.base}/vi/news/rss/"></head>
<body><header><a href="{site.base}/">{e(site.name)}</a><nav><a href="{cat}/">{e(site.category)}</a>
<a href="{site.base}/vi/contact/">Liên hệ</a></nav></header><div class="container">{main}</div>{COUNTER}{_footer(site)}</body></html>"""

    for src in site.articles:
        when = f"{_weekday(src.when, words=True)} - {_dmy(src.when)} {_hm(src.when)}".strip() if src.when else ""
        author = f'<p class="h5 text-right"><strong>Tác giả: </strong>{e(src.author)}</p>' if src.author else ""
        savefile = urls[src.id].replace("/vi/news/", "/vi/news/savefile/")
        main = f"""<div class="news_column panel panel-default"><div class="panel-body">
<h1 class="title margin-bottom-lg">{e(src.title)}</h1>
<div class="row margin-bottom-lg"><span class="h5">{e(when)}</span><span class="hitstotal">Lượt xem: {_views(site, src)}</span>
<a href="{savefile}" title="Lưu bài viết này">Lưu</a></div>
<div class="hometext m-bottom">{e(src.lead)}</div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{_paras(src, site, byline="none")}</div>{author}</div></div>"""
        b.page(urls[src.id], f"binhdinh/{_slug(src.title)[:50]}.html", shell(src.title, main))
    for n, src in enumerate(site.articles, start=1):
        pages = "".join(f'<li class="active"><a href="#">{k}</a></li>' if k == n else
                        f'<li><a href="{cat}/{"" if k == 1 else f"page-{k}/"}">{k}</a></li>'
                        for k in range(1, len(site.articles) + 1))
        main = (f'<div class="news_column panel panel-default"><div class="panel-body"><h3><a href="{urls[src.id]}">'
                f'{e(src.title)}</a></h3><p>{e(src.lead[:200])}</p></div></div><ul class="pagination">{pages}</ul>')
        b.page(f"{cat}/" if n == 1 else f"{cat}/page-{n}/", f"binhdinh/list-{n}.html", shell(site.category, main))
    latest = "".join(f'<li><a href="{urls[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(f"{site.base}/", "binhdinh/index.html", shell("Trang chủ", f'<ul class="news-latest">{latest}</ul>'))
    b.page(f"{site.base}/vi/contact/", "binhdinh/contact.html", shell("Liên hệ", _contact(site)))
    b.site(site, [f"{site.base}/", f"{cat}/"], [])


# ---------------------------------------------------------------- IBM WebSphere Portal + WCM
def build_websphere(b: Builder, site: Site) -> None:
    portal = f"{site.base}/wps/portal/Home"
    listing = f"{portal}/tin-tuc/!ut/p/z1/04_Sj9CPykssy0xPLMnMz0vMAfIjo8zi/"
    urls = {src.id: f"{portal}/trang-chu/trang-tin-chi-tiet/!ut/p/z0/fcw9D4Iw{_n(site, src, 40000):x}GATgv8LC2LRFvjqSs/"
            for src in site.articles}
    session = ";jsessionid=0000hG5Tq2Xz:1bd2c"  # appended to every state URL on the page

    def shell(title: str, main: str) -> str:
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(title)} - {e(site.name)}</title>
<link rel="stylesheet" href="{site.base}/wps/contenthandler/!ut/p/digest!x/war/theme.css"></head>
<body class="lotusui30"><div class="wpthemeFrame"><header><a href="{portal}/trang-chu/">{e(site.name)}</a>
<a href="{listing}{session}">{e(site.category)}</a> <a href="{portal}/lien-he/">Liên hệ</a></header>
<div class="wpthemeControl"><div class="ibmPortalControl">{main}</div></div>{COUNTER}{_footer(site)}</div></body></html>"""

    for src in site.articles:
        when = f"{_dmy(src.when)} {_hm(src.when)}".strip() if src.when else ""
        author = f'<div class="wcm-author">{e(src.author)}</div>' if src.author else ""
        main = f"""<div class="wcm-detail"><h1 class="wcm-title">{e(src.title)}</h1><div class="wcm-date">Ngày đăng: {e(when)}</div>
<div class="wcm-summary">{e(src.lead)}</div><div class="wcm-body">{_paras(src, site, byline="none")}</div>{author}
<div class="wcm-related"><h3>Tin liên quan</h3>{"".join(f'<a href="{urls[o.id]}{session}">{e(o.title)}</a>' for o in site.articles if o is not src)}</div></div>"""
        b.page(urls[src.id], f"angiang/chi-tiet-{_n(site, src, 40000):x}.html", shell(src.title, main))
    for n, src in enumerate(site.articles, start=1):
        pager = (f'<div class="wcm-pager"><a class="next" href="{listing}{session}?page={n + 1}">Trang sau</a></div>'
                 if n < len(site.articles) else "")
        main = f'<div class="wcm-list"><a href="{urls[src.id]}{session}">{e(src.title)}</a><p>{e(src.lead[:200])}</p></div>{pager}'
        b.page(listing, f"angiang/tin-tuc-{n}.html", shell(site.category, main), None if n == 1 else {"page": str(n)})
    latest = "".join(f'<li><a href="{urls[s.id]}{session}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(f"{portal}/trang-chu/", "angiang/trang-chu.html", shell("Trang chủ", f'<ul class="wcm-list">{latest}</ul>'))
    b.page(f"{portal}/lien-he/", "angiang/lien-he.html", shell("Liên hệ", _contact(site)))
    b.site(site, [f"{portal}/trang-chu/", listing], [])


# ---------------------------------------------------------------- Liferay 6.2, asset publisher "view_content"
def build_liferay62(b: Builder, site: Site) -> None:
    cat = f"{site.base}/vi/tin-tuc-su-kien"
    detail = {src.id: f"{cat}/-/view_content/{_n(site, src, 980000)}-{_slug(src.title)[:80]}.html" for src in site.articles}
    state = "_101_advancedSearch=false&_101_andOperator=true&_101_delta=1&_101_keywords="

    def shell(title: str, main: str) -> str:
        return f"""<!DOCTYPE html><html class="aui ltr" dir="ltr" lang="vi-VN"><head><title>{e(title)} - {e(site.category)} - {e(site.name)}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type"/>
<script>var Liferay = {{ ThemeDisplay: {{ getPlid: function() {{ return "10181"; }} }} }};</script></head>
<body><div id="wrapper"><nav><a href="{site.base}/vi">Trang chủ</a> <a href="{cat}">{e(site.category)}</a>
<a href="{site.base}/vi/lien-he">Liên hệ</a></nav>
<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" id="p_p_id_101_"><section class="portlet">
<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Tin tức nổi bật</span></h1></header>
<div class="portlet-content"><div class="portlet-body">{main}</div></div></section></div>{COUNTER}{_footer(site)}</div></body></html>"""

    for src in site.articles:
        when = f"Ngày đăng {_dmy(src.when)} | {_ampm(src.when)}" if src.when else "Ngày đăng"
        related = "".join(f'<li><a href="{detail[o.id].rsplit("/", 1)[-1]}">{e(o.title)}</a></li>' for o in site.articles if o is not src)
        main = f"""<div class="asset-full-content-title">{e(src.title)}</div>
<div class="assetPublishDate block_timer">{e(when)} &nbsp;|&nbsp;View count: {_views(site, src)}</div>
<div class="asset-full-content show-asset-title"><div class="asset-content" id="_101_{_n(site, src, 980000)}">
<div class="journal-content-article">{_paras(src, site)}
<p align="right" class="view-content-author"><strong><em>Pho Ban bien tap</em></strong></p></div></div></div>
<div class="asset-control-detail"><span class="print-action"><a href="javascript:_101_printPage_0();">In bài viết</a></span></div>
<div class="related_asset"><div class="related_asset_title">Các tin khác</div><ul class="related_asset_list">{related}</ul></div>"""
        b.page(detail[src.id], f"hanoi/view-content-{_n(site, src, 980000)}.html", shell(src.title, main))
    for n, src in enumerate(site.articles, start=1):
        pages = "".join(
            f'<li><a href="{cat}?p_p_id=101&amp;p_p_lifecycle=0&amp;p_p_state=normal&amp;{state.replace("&", "&amp;")}'
            f'&amp;p_r_p_564233524_resetCur=false&amp;_101_cur={k}">{k}</a></li>' for k in range(1, len(site.articles) + 1))
        main = f"""<div class="asset-abstract"><h3 class="asset-title"><a href="{detail[src.id]}">{e(src.title)}</a></h3>
<div class="assetPublishDate block_timer">{e(_dmy(src.when))} | {e(_ampm(src.when))}</div><div class="asset-summary">{e(src.lead[:240])}</div></div>
<div class="taglib-page-iterator"><ul class="lfr-menu-list">{pages}</ul></div>"""
        if n == 1:
            b.page(cat, "hanoi/tin-tuc-su-kien-1.html", shell(site.category, main))
        # the crawler asks for the canonical URL: p_p_* and the resetCur flag dropped, the defaults kept
        query = dict(pair.split("=", 1) for pair in state.split("&")) | {"_101_cur": str(n)}
        b.page(cat, f"hanoi/tin-tuc-su-kien-{n}.html", shell(site.category, main), query)
    latest = "".join(f'<li><a href="{detail[s.id]}">{e(s.title)}</a></li>' for s in site.articles)
    b.page(f"{site.base}/vi", "hanoi/vi.html", shell("Trang chủ", f'<ul class="asset-abstract">{latest}</ul>'))
    b.page(f"{site.base}/vi/lien-he", "hanoi/lien-he.html", shell("Liên hệ", _contact(site)))
    b.site(site, [f"{site.base}/vi", cat], [])


#: Sample site id → builder (two sample sites are Liferay: dongthap in sample_site, hanoi here).
BUILDERS = {
    "daknong": build_lacviet,
    "binhdinh": build_nukeviet,
    "angiang": build_websphere,
    "hanoi": build_liferay62,
}
