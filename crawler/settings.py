"""Scrapy settings for thidua's crawl runtime: polite by default, strict about faults.

Two profiles share one base: ``live`` (real portals: robots.txt, 1–2 requests per
domain, a delay and AutoThrottle) and ``sample`` (the bundled loopback site: no
delay).  Both cap body size and decompressed size, time out, retry with backoff,
and fail on truncated bodies (``DOWNLOAD_FAIL_ON_DATALOSS``) so a cut-off page is
logged, counted as an error and never stored.

Example::

    >>> s = build_settings("sample", {"DOWNLOAD_TIMEOUT": 5})
    >>> s["DOWNLOAD_DELAY"], s["ROBOTSTXT_OBEY"], s["DOWNLOAD_TIMEOUT"]
    (0, True, 5)
"""

from __future__ import annotations

from typing import Any

BOT_NAME = "thidua"
USER_AGENT = "thidua/0.1 (+research crawler; contact in README)"

#: Settings used by every crawl.  Keys are Scrapy's own, plus ``THIDUA_*`` ones
#: read by our middlewares and pipeline.
BASE: dict[str, Any] = {
    "BOT_NAME": BOT_NAME,
    "USER_AGENT": USER_AGENT,
    "SPIDER_MODULES": ["crawler.spiders"],
    "NEWSPIDER_MODULE": "crawler.spiders",
    "ROBOTSTXT_OBEY": True,
    "COOKIES_ENABLED": True,  # ADF sessions (JSESSIONID) and ASP.NET postbacks need them
    "CONCURRENT_REQUESTS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
    "DOWNLOAD_TIMEOUT": 30,
    "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,  # also caps decompressed bodies (gzip bombs)
    "DOWNLOAD_WARNSIZE": 2 * 1024 * 1024,
    "DOWNLOAD_FAIL_ON_DATALOSS": True,  # truncated body → error, never a partial article
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 2,
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
    "REDIRECT_MAX_TIMES": 5,  # redirect loops give up quickly
    "METAREFRESH_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "FEED_EXPORT_ENCODING": "utf-8",
    # Scrapy's HTTP/1.1 handler, with OpenSSL security level 0 for the hosts of sites marked legacy_tls
    "DOWNLOAD_HANDLERS": {"https": "crawler.tls.LegacyTLSDownloadHandler"},
    "THIDUA_LEGACY_TLS_HOSTS": [],
    "DOWNLOADER_MIDDLEWARES": {
        "crawler.middlewares.SiteStopMiddleware": 50,
        "crawler.middlewares.SampleOriginMiddleware": 60,
        "crawler.middlewares.RetryBackoffMiddleware": 560,
    },
    "ITEM_PIPELINES": {
        "crawler.pipelines.ValidationPipeline": 100,
        "crawler.pipelines.CataloguePipeline": 300,
    },
    # First retry waits THIDUA_RETRY_BACKOFF seconds, then doubles, capped.
    "THIDUA_RETRY_BACKOFF": 1.0,
    "THIDUA_RETRY_BACKOFF_MAX": 30.0,
    # Bot walls (CAPTCHA, block page, unresolvable cookie stub) before a site is dropped for the run.
    "THIDUA_BOTWALL_LIMIT": 3,
}

#: Real portals: be slow and adaptive.
LIVE: dict[str, Any] = {
    "DOWNLOAD_DELAY": 1.0,
    "DOWNLOAD_DELAY_JITTER": 0.5,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 1.0,
    "AUTOTHROTTLE_MAX_DELAY": 30.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
}

#: The bundled loopback sample site: no delay, still obeys robots.txt.
SAMPLE: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_TIMEOUT": 10,
    "THIDUA_RETRY_BACKOFF": 0.2,
    "THIDUA_RETRY_BACKOFF_MAX": 2.0,
}

PROFILES = {"live": LIVE, "sample": SAMPLE}


def build_settings(profile: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the settings dict for ``profile`` ("live" or "sample") plus ``overrides``.

    >>> build_settings("live")["USER_AGENT"]
    'thidua/0.1 (+research crawler; contact in README)'
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown crawl profile {profile!r} (expected one of {sorted(PROFILES)})")
    settings = {**BASE, **PROFILES[profile]}
    settings.update(overrides or {})
    return settings


# Module-level names so ``scrapy crawl portal`` (scrapy.cfg → crawler.settings)
# sees the live profile.
globals().update(build_settings("live"))
