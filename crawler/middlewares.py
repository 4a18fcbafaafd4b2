"""Downloader middlewares: exponential backoff before each retry; dropping stopped sites; the sample origin.

Scrapy's RetryMiddleware re-schedules failed requests (timeouts, 5xx, refused
connections) at once; portals that are struggling deserve a pause.  This
middleware sits after it and, for a request with ``meta["retry_times"] = n``,
waits ``THIDUA_RETRY_BACKOFF * 2**(n-1)`` seconds (capped by
``THIDUA_RETRY_BACKOFF_MAX``) before letting the download start.

Example: with ``THIDUA_RETRY_BACKOFF = 1.0`` a request to
``https://dienbien.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx`` that timed out is
retried after 1 s, then 2 s.

    >>> backoff_delay(2, base=1.0, cap=30.0)
    2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler


def backoff_delay(retry_times: int, *, base: float, cap: float) -> float:
    """Seconds to wait before retry number ``retry_times`` (1-based); 0 for a first attempt."""
    if retry_times <= 0 or base <= 0:
        return 0.0
    return float(min(cap, base * 2 ** (retry_times - 1)))


class RetryBackoffMiddleware:
    """Delay retried requests exponentially (see module docstring)."""

    def __init__(self, base: float, cap: float):
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        settings = crawler.settings
        return cls(settings.getfloat("THIDUA_RETRY_BACKOFF", 1.0), settings.getfloat("THIDUA_RETRY_BACKOFF_MAX", 30.0))

    async def process_request(self, request: Request) -> None:
        delay = backoff_delay(request.meta.get("retry_times", 0), base=self.base, cap=self.cap)
        if delay:
            from twisted.internet import reactor

            await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))
        return None


class SiteStopped(IgnoreRequest):
    """The request's site was dropped for this run (it kept answering with bot walls)."""


class SiteStopMiddleware:
    """Drop queued requests of sites the spider has stopped (``spider.stopped_sites()``).

    After three CAPTCHA pages from ``https://snnmt.vinhlong.gov.vn`` the rest of
    that site's queue is not fetched: asking again would only be refused again.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteStopMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        stopped = spider.stopped_sites() if spider is not None and hasattr(spider, "stopped_sites") else ()
        site = request.meta.get("site")
        if site in stopped:
            raise SiteStopped(f"site {site} stopped after bot walls")
        return None


def use_offline_suffix_list() -> None:
    """Make Scrapy's cookie middleware use tldextract's bundled Public Suffix List.

    ``scrapy.downloadermiddlewares.cookies`` builds a module-level ``TLDExtract``
    that downloads the list from publicsuffix.org on first use; a crawler must
    not talk to hosts it was not asked to crawl (and the loopback tests have no
    network), so we swap in an instance with no remote URLs.
    """
    from scrapy.downloadermiddlewares import cookies
    from tldextract import TLDExtract

    cookies._split_domain = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)


class SampleOriginMiddleware:
    """Send requests for the sample site's fixed origin to the loopback server, wherever it listens.

    The bundled sample site's URLs are ``http://sample.thidua.test/<site>/…``
    (``crawler.run.SAMPLE_ORIGIN``, a reserved name that resolves nowhere), so
    they are the same from run to run and a second run is incremental; the
    server itself takes a free port.  This middleware routes those requests
    through the server as an HTTP proxy (``THIDUA_SAMPLE_PROXY``,
    ``http://127.0.0.1:<port>``), which answers absolute-URI requests like any
    other.
    """

    def __init__(self, proxy: str | None, hosts: list[str]):
        self.proxy = proxy
        self.hosts = {h.lower() for h in hosts}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SampleOriginMiddleware:
        return cls(crawler.settings.get("THIDUA_SAMPLE_PROXY"), crawler.settings.getlist("THIDUA_SAMPLE_HOSTS"))

    def process_request(self, request: Request) -> None:
        if self.proxy and urlsplit(request.url).hostname in self.hosts:
            request.meta["proxy"] = self.proxy
        return None
