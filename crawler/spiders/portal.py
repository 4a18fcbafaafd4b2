"""The one spider: discovery only, driven by sites.toml; parsing is ``crawler.pages.parse_page``.

For each site it fetches the listings, RSS feeds and sitemaps it was given,
follows article links that stay inside the site (domain and path), and pages
through listings — a parser's "next" link or a same-listing link with a higher
page number (``PageIndex``, ``…_cur``, ``selectedPage``, ``page-N.html``), or an
ASP.NET postback (``FormRequest`` with ``PageParse.form``) — until ``max_pages``,
a page with no new article IDs, a WebCenter page wrapping back to page 1's first
item, or articles older than ``since``.  An ADF interstitial is re-requested with
``_afrLoop`` in the same cookie jar.  A JavaScript cookie stub that sets a literal
cookie is answered once with that cookie; CAPTCHAs, block pages and computed
stubs are logged as ``botwall`` errors, and after ``THIDUA_BOTWALL_LIMIT`` (3) of
them the site is dropped for the rest of the run.  Articles already in the catalogue are
fetched conditionally (``If-None-Match`` / ``If-Modified-Since``); a 304 counts as
unchanged.  Every failure goes to the run ledger (``crawl_errors`` + counters).

Example (what ``crawler.run`` does in its subprocess)::

    process.crawl(PortalSpider, sites=[site.to_dict() for site in sites])

with settings ``THIDUA_DB``, ``THIDUA_RUN_ID`` and ``THIDUA_RUN_DIR``; a listing
``http://sample.thidua.test/gialai/tin-tuc/tin-hoat-dong`` yields requests for
``…/tin-hoat-dong/hoi-nghi-tong-ket-cum-thi-dua-so-6-…-255402`` and ``…?page=2``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import scrapy
from OpenSSL import SSL
from scrapy import signals
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError
from twisted.internet.error import TimeoutError as TxTimeoutError
from twisted.web._newclient import ResponseFailed

from crawler.encoding import DecodeError, decode_html
from crawler.items import ArticleItem
from crawler.middlewares import SiteStopped
from crawler.pages import canonical_url, parse_page, url_key
from crawler.pipelines import RunLedger
from crawler.sites import Site
from crawler.spiders.feeds import gunzip_limited, sitemaps_from_robots
from crawler.spiders.paging import next_page_url
from crawler.spiders.shared import LocalShared

PRIORITY = {"article": 10, "sitemap": 5, "feed": 5, "listing": 0, "robots": 5}
MAX_AFR_LOOPS = 3
#: A cookie stub gets its cookie back once; a second stub is a wall.
MAX_STUB_TRIES = 1
#: Bot walls (CAPTCHA, block page, unresolvable stub) after which a site is dropped for the run.
DEFAULT_BOTWALL_LIMIT = 3
#: Error statuses whose body is read anyway: challenge and block pages come with them.
WALL_STATUSES = (403, 429, 503)
# Request meta carried over when the same URL is asked again (ADF loop, cookie stub)
_CARRIED_META = ("site", "kind", "chain", "page", "cookiejar", "canon", "handle_httpstatus_list", "afr_tries",
                 "wall_tries")


def with_query(url: str, key: str, value: str) -> str:
    """``url`` with query ``key`` set to ``value`` (replacing an old value).

    >>> with_query("https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=2", "_afrLoop", "5473")
    'https://quangnam.gov.vn/webcenter/portal/ubnd/pages_tin-tuc?selectedPage=2&_afrLoop=5473'
    """
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != key] + [(key, value)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return name.lower()


def _header(response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def describe_failure(failure) -> tuple[str, str]:
    """``(kind, message)`` for a download failure, e.g. ``("timeout", "timed out after 10 s")``."""
    exc = failure.value
    if failure.check(HttpError):
        return "http", f"HTTP {exc.response.status}"
    if failure.check(DownloadTimeoutError, TxTimeoutError, TCPTimedOutError):
        return "timeout", f"timed out: {exc}"
    if failure.check(ResponseDataLossError):
        return "dataloss", "truncated body (Content-Length larger than the body received); not stored"
    if failure.check(ResponseFailed):
        reasons = " ".join(repr(r.value) for r in getattr(exc, "reasons", []))
        if "DataLoss" in reasons or "PotentialDataLoss" in reasons:
            return "dataloss", "truncated body (Content-Length larger than the body received); not stored"
        return "connection", f"response failed: {reasons or exc}"
    if failure.check(DownloadCancelledError, CancelledError):
        return "size", f"download cancelled (body larger than DOWNLOAD_MAXSIZE?): {exc}"
    if failure.check(IgnoreRequest):
        text = str(exc)
        if "max redirections" in text.lower() or "redirect" in text.lower():
            return "redirect", text
        if "DOWNLOAD_MAXSIZE" in text or "decompress" in text.lower():
            return "size", text
        return "ignored", text
    if failure.check(SSL.Error) or "OpenSSL.SSL.Error" in repr(exc) or "SSL routines" in str(exc):
        reasons = re.findall(r"'SSL routines', '[^']*', '([^']+)'", repr(exc)) or [str(exc)[:120]]
        return "tls", (f"TLS handshake failed ({'; '.join(dict.fromkeys(reasons))}); "
                       "if the portal runs an old server, set legacy_tls = true for it in the sites file")
    if failure.check(DNSLookupError, ConnectionRefusedError, CannotResolveHostError, DownloadConnectionRefusedError):
        return "connection", str(exc)
    return "fetch", f"{type(exc).__name__}: {exc}"


class PortalSpider(scrapy.Spider):
    """Crawl the configured sites (see module docstring)."""

    name = "portal"

    def __init__(self, sites: list[dict] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.sites = [Site.from_dict(s) if isinstance(s, dict) else s for s in (sites or [])]
        self.sites_by_id = {s.id: s for s in self.sites}
        self.ledger: RunLedger | None = None
        self.shared = LocalShared(self._state)

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if settings.get("THIDUA_FRONTIER"):  # a crawl shared by several processes (distributed.frontier)
            from distributed.frontier import RedisLedger, RedisShared
            from distributed.redisconn import connect

            server = connect(settings.get("THIDUA_FRONTIER"))
            spider.shared = RedisShared(server)
            spider.ledger = RedisLedger(server, settings.getint("THIDUA_RUN_ID"), settings.get("THIDUA_RUN_DIR"),
                                        emit_progress=settings.getbool("THIDUA_PROGRESS"))
        else:
            spider.ledger = RunLedger(
                settings.get("THIDUA_DB"),
                settings.getint("THIDUA_RUN_ID"),
                settings.get("THIDUA_RUN_DIR"),
                emit_progress=settings.getbool("THIDUA_PROGRESS"),
            )
        crawler.signals.connect(spider._on_closed, signal=signals.spider_closed)
        return spider

    # -- state kept across a paused/resumed job (JOBDIR pickles self.state) -------
    def _state(self) -> dict:
        if not hasattr(self, "state") or self.state is None:
            self.state = {}
        return self.state

    def _on_closed(self, spider, reason: str) -> None:
        if self.ledger:
            self.ledger.emit("closed", reason=reason)
            run_dir = self.ledger.run_dir
            self.ledger.close()
            if run_dir:
                (run_dir / "closed.txt").write_text(reason)

    # -- requests ------------------------------------------------------------------
    def _request(self, url: str, site: Site, kind: str, chain: str, page: int = 1, **extra: Any):
        meta = {"site": site.id, "kind": kind, "chain": chain, "page": page, "cookiejar": site.id,
                "handle_httpstatus_list": list(WALL_STATUSES)}
        meta.update(extra.pop("meta", {}))
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=meta,
                              priority=PRIORITY[kind], **extra)

    def _article_request(self, url: str, site: Site, chain: str):
        canon = site.own_url(canonical_url(url))
        if self.ledger.is_done(canon):
            return None
        claim = self.shared.claim(url_key(url))
        if claim is None:
            return None
        headers = {}
        seen = self.ledger.seen(canon)
        if seen:
            if seen.get("etag"):
                headers["If-None-Match"] = seen["etag"]
            if seen.get("last_modified"):
                headers["If-Modified-Since"] = seen["last_modified"]
        # dont_filter: we dedupe articles ourselves (url_key + done.txt), and a redirect
        # loop back to this URL must reach REDIRECT_MAX_TIMES and be reported, not vanish
        # in the dupefilter.
        return self._request(url, site, "article", chain, headers=headers, dont_filter=True,
                             meta={"canon": canon, "handle_httpstatus_list": [304, *WALL_STATUSES], **claim})

    async def start(self):
        for site in self.sites:
            if site.robots_sitemaps:
                parts = urlsplit(site.base_url)
                robots = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
                yield self._request(robots, site, "robots", robots, meta={"dont_obey_robotstxt": True})
            for url in site.sitemap_urls:
                yield self._request(url, site, "sitemap", url)
            for url in site.feed_urls:
                yield self._request(url, site, "feed", url)
            for url in site.start_urls:
                yield self._request(url, site, "listing", url)

    # -- responses -------------------------------------------------------------------
    def parse(self, response):
        meta = response.meta
        site = self.sites_by_id[meta["site"]]
        kind = meta["kind"]
        self.ledger.count("pages_fetched", url=response.url, kind=kind, status=response.status)
        self.ledger.site_count(site.id, "pages_fetched")
        if site.id in self.stopped_sites():  # already in flight when the site was stopped
            self.ledger.count("skipped_stopped_site", url=response.url)
            if kind == "article":
                self.ledger.mark_done(meta.get("canon") or canonical_url(response.url))
            return
        try:
            yield from self._parse(response, site, kind)
        except Exception as exc:  # a parser bug must not stop the crawl
            self.ledger.error(response.url, f"{type(exc).__name__}: {exc}", kind="parse", site=response.meta.get("site"))
            if kind == "article":
                self.ledger.mark_done(meta.get("canon") or canonical_url(response.url))

    def _parse(self, response, site: Site, kind: str):
        meta = response.meta
        if response.status == 304:
            self.ledger.bump("not_modified")
            self.ledger.site_count(site.id, "unchanged")
            self.ledger.count("unchanged", url=response.url)
            self.ledger.touch(meta.get("canon") or canonical_url(response.url))
            self.ledger.mark_done(meta.get("canon") or canonical_url(response.url))
            return
        if kind == "robots":
            for url in sitemaps_from_robots(response.body, response.url):
                if site.allows(url):
                    yield self._request(url, site, "sitemap", url)
            return
        body = gunzip_limited(response.body) if kind == "sitemap" else response.body
        headers = {"Content-Type": _header(response, "Content-Type") or ""}
        try:
            page = parse_page(response.url, body, headers, family=site.family)
        except DecodeError as exc:
            self.ledger.error(response.url, f"not a text page: {exc}", kind="decode", site=response.meta.get("site"))
            if kind == "article":
                self.ledger.mark_done(meta.get("canon") or canonical_url(response.url))
            return
        if response.status >= 400 and page.kind != "botwall":  # an error page, not a wall
            self.ledger.error(response.url, f"HTTP {response.status}", kind="http", site=response.meta.get("site"))
            if kind == "article":
                self.ledger.mark_done(meta.get("canon") or canonical_url(response.url))
            return
        self._check_charset(response, body)
        if page.detected_family and page.kind != "botwall":
            self.ledger.site_count(site.id, f"family:{page.detected_family}")

        if page.kind == "botwall":
            yield from self._face_wall(response, site, page.wall)
        elif page.kind == "interstitial":
            yield from self._follow_interstitial(response, site, page)
        elif page.kind == "article" and page.article is not None:
            item = self._article_item(response, site, page)
            if item is not None:
                yield item
        else:
            if kind == "article":
                self.ledger.mark_done(meta.get("canon") or canonical_url(response.url))
            yield from self._follow_links(response, site, page)

    def _check_charset(self, response, body: bytes) -> None:
        content_type = _header(response, "Content-Type") or ""
        if "charset=" not in content_type.lower():
            return
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip()
        try:
            _, used = decode_html(body, declared)
        except DecodeError:
            return
        if _codec(used) != _codec(declared):
            self.ledger.error(response.url, f"declared charset {declared} but the body is {used}; decoded as {used}",
                              kind="charset", site=response.meta.get("site"))

    def _follow_interstitial(self, response, site: Site, page):
        tries = response.meta.get("afr_tries", 0)
        if not page.afr_loop or tries >= MAX_AFR_LOOPS:
            self.ledger.error(response.url, f"ADF interstitial did not resolve after {tries} re-request(s)",
                              kind="interstitial", site=response.meta.get("site"))
            if response.meta["kind"] == "article":
                self.ledger.mark_done(response.meta.get("canon") or canonical_url(response.url))
            return
        meta = {k: v for k, v in response.meta.items() if k in _CARRIED_META}
        meta["afr_tries"] = tries + 1
        conditional = {k: response.request.headers.get(k) for k in ("If-None-Match", "If-Modified-Since")
                       if response.request.headers.get(k)}
        yield scrapy.Request(with_query(response.url, "_afrLoop", page.afr_loop), callback=self.parse,
                             errback=self.on_error, meta=meta, headers=conditional, dont_filter=True,
                             priority=response.request.priority, cookies=self._session_cookies(response))

    def _face_wall(self, response, site: Site, wall):
        """Send a literal stub cookie back once; otherwise log the wall and stop the site after a few."""
        meta = response.meta
        tries = meta.get("wall_tries", 0)
        if wall.cookie and tries < MAX_STUB_TRIES:
            keep = {k: v for k, v in meta.items() if k in _CARRIED_META}
            keep["wall_tries"] = tries + 1
            cookies = {**(self._session_cookies(response) or {}), wall.cookie[0]: wall.cookie[1]}
            yield scrapy.Request(response.url, callback=self.parse, errback=self.on_error, meta=keep,
                                 cookies=cookies, dont_filter=True, priority=response.request.priority)
            return
        self.ledger.error(response.url, f"{wall.reason}; not parsed", kind="botwall", site=response.meta.get("site"))
        if meta["kind"] == "article":
            self.ledger.mark_done(meta.get("canon") or canonical_url(response.url))
        walls = self.shared.add_wall(site.id)
        limit = self.crawler.settings.getint("THIDUA_BOTWALL_LIMIT", DEFAULT_BOTWALL_LIMIT)
        if walls >= limit and self.shared.stop_site(site.id):
            self.ledger.bump("sites_stopped")
            self.ledger.emit("site_stopped", site=site.id, reason=f"{walls} bot walls")
            self.logger.warning("site %s stopped after %d bot walls (last: %s)", site.id, walls, wall.reason)

    def stopped_sites(self) -> set[str]:
        """Sites that answered with bot walls too often in this run; their requests are dropped."""
        return self.shared.stopped()

    def _session_cookies(self, response) -> dict[str, str] | None:
        """In a shared crawl, a request that continues a session (ADF loop, cookie stub, postback) may be
        taken by another process: it carries the session's cookies (those sent, those just set) itself."""
        if not self.shared.distributed:
            return None
        cookies: dict[str, str] = {}
        sent = response.request.headers.get("Cookie") if response.request is not None else None
        for pair in (sent or b"").decode("latin-1").split(";"):
            name, eq, value = pair.strip().partition("=")
            if eq and name:
                cookies[name] = value
        for header in response.headers.getlist("Set-Cookie"):
            name, eq, value = header.decode("latin-1").split(";", 1)[0].strip().partition("=")
            if eq and name:
                cookies[name] = value
        return cookies

    def _article_item(self, response, site: Site, page) -> ArticleItem | None:
        art = page.article
        canon = response.meta.get("canon") or site.own_url(canonical_url(art.url or response.url))
        self.ledger.site_count(site.id, "parsed")
        self.ledger.site_count(site.id, "dated", 1 if art.published else 0)
        self.ledger.site_count(site.id, "titled", 1 if art.title else 0)
        if site.since and art.published and art.published[:10] < site.since:
            self.ledger.mark_done(canon)
            self.shared.mark_old(response.meta["chain"])
            self.ledger.count("skipped_old", url=canon, published=art.published)
            return None
        return ArticleItem(
            url=canon, source=site.id, family=page.family or site.family, title=art.title, text=art.text or "",
            published=art.published, author=art.author, views=art.views, attachments=list(art.attachments or []),
            summary=art.summary, etag=_header(response, "ETag"), last_modified=_header(response, "Last-Modified"),
            fetched_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), fetched_url=response.url,
        )

    def _follow_links(self, response, site: Site, page):
        meta = response.meta
        chain_key = meta["chain"]
        article_urls: list[str] = []
        for link in page.links:
            if not site.allows(link.url):
                continue
            if link.kind == "article":
                article_urls.append(canonical_url(link.url))
                request = self._article_request(link.url, site, chain_key)
                if request is not None:
                    yield request
            elif link.kind == "sitemap" and meta["kind"] == "sitemap":
                yield self._request(link.url, site, "sitemap", link.url)
        if page.kind != "listing" or meta["kind"] not in ("listing",):
            return
        yield from self._paginate(response, site, page, article_urls)

    def _paginate(self, response, site: Site, page, article_urls: list[str]):
        meta = response.meta
        number = meta["page"]
        chain = meta["chain"]
        new_ids = self.shared.new_ids(chain, number, article_urls)
        if number == 1:
            self.shared.set_first(chain, article_urls[0] if article_urls else None)
        reason = None
        if number >= site.max_pages:
            reason = "max_pages"
        elif not new_ids:
            reason = "no new article IDs"
        elif number > 1 and article_urls and article_urls[0] == self.shared.first(chain):
            reason = "wrapped to page 1"
        elif self.shared.is_old(chain):
            reason = "older than since"
        if reason:
            self.ledger.emit("listing_end", url=response.url, page=number, reason=reason)
            return
        next_url = next_page_url(response.url, [(link.url, link.kind) for link in page.links])
        if next_url and site.allows(next_url):
            yield self._request(next_url, site, "listing", meta["chain"], number + 1)
        elif page.form:
            yield scrapy.FormRequest(
                response.url, formdata={k: str(v) for k, v in page.form.items()}, callback=self.parse,
                errback=self.on_error, priority=PRIORITY["listing"], cookies=self._session_cookies(response),
                meta={"site": site.id, "kind": "listing", "chain": meta["chain"], "page": number + 1,
                      "cookiejar": site.id},
            )

    # -- failures --------------------------------------------------------------------
    def on_error(self, failure):
        request = failure.request
        kind, message = describe_failure(failure)
        if failure.check(SiteStopped):
            self.ledger.count("skipped_stopped_site", url=request.url)
        elif kind == "ignored" and "robots.txt" in message:
            self.ledger.count("robots_forbidden", url=request.url)
        else:
            first_url = (request.meta.get("redirect_urls") or [request.url])[0]  # the URL we asked for
            self.ledger.error(first_url, message, kind=kind, site=request.meta.get("site"))
            self.ledger.site_count(request.meta.get("site"), "requests_failed")
        if request.meta.get("kind") == "article":
            self.ledger.mark_done(request.meta.get("canon") or canonical_url(request.url))
        elif failure.check(HttpError) and failure.value.response.status in (404, 410):
            yield from self._start_from_home(request)

    def _start_from_home(self, request):
        """A configured start listing is gone (portals move their menus): fall back to the site's home page once."""
        meta = request.meta
        site = self.sites_by_id.get(meta.get("site"))
        if site is None or meta.get("kind") != "listing" or meta.get("page", 1) != 1 or meta.get("chain") != request.url:
            return
        home = site.base_url + "/"
        if home in site.start_urls or not self.shared.first_fallback(site.id):
            return
        self.ledger.emit("start_fallback", site=site.id, missing=request.url, home=home)
        self.logger.warning("%s: start page %s is gone; starting from %s (update start_paths in the sites file)",
                            site.id, request.url, home)
        yield self._request(home, site, "listing", home)
