"""Per-site legacy TLS: old provincial servers that modern OpenSSL refuses.

Some portals still run TLS 1.0 with SHA-1 signatures or short DH keys; OpenSSL 3
refuses them at its default security level ("legacy sigalg disallowed",
"dh key too small").  The Bắc Giang scrapers in portals.md mount an adapter with
``DEFAULT@SECLEVEL=1``; under OpenSSL 3 TLS 1.0/1.1 need ``@SECLEVEL=0``.  A site
opts in with ``legacy_tls = true`` in the sites file, and only its hosts get the
weak settings — every other site keeps the default context.

:class:`LegacyTLSDownloadHandler` is Scrapy's HTTP/1.1 handler whose context
factory is wrapped by :class:`PerHostTLSPolicy`; the hosts come from the
``THIDUA_LEGACY_TLS_HOSTS`` setting (``crawler.run`` fills it from the sites).

Example: with ``THIDUA_LEGACY_TLS_HOSTS = ["bacgiang.gov.vn"]`` a request to
``https://sotttt.bacgiang.gov.vn/`` negotiates TLS 1.0 at security level 0,
while ``https://dongthap.gov.vn/`` uses the default context.

    >>> host_matches("sotttt.bacgiang.gov.vn", ("bacgiang.gov.vn",)), host_matches("dongthap.gov.vn", ("bacgiang.gov.vn",))
    (True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from OpenSSL import SSL
from scrapy.core.downloader.contextfactory import _ScrapyCertificateOptions, _ScrapyClientContextFactory
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from twisted.internet.ssl import CertificateOptions, TLSVersion
from twisted.web.iweb import IPolicyForHTTPS
from zope.interface import implementer

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

#: Ciphers and protocol floor for legacy hosts (OpenSSL 3 needs level 0 for TLS 1.0/1.1 and SHA-1).
LEGACY_CIPHERS = "DEFAULT:@SECLEVEL=0"
LEGACY_MIN_VERSION = TLSVersion.TLSv1_0


def host_matches(host: str, domains: Iterable[str]) -> bool:
    """True when ``host`` is one of ``domains`` or a subdomain of one."""
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


@implementer(IPolicyForHTTPS)
class PerHostTLSPolicy:
    """Hand legacy hosts a permissive TLS creator and everyone else the default one."""

    def __init__(self, default: IPolicyForHTTPS, legacy: IPolicyForHTTPS, hosts: Iterable[str]):
        self.default = default
        self.legacy = legacy
        self.hosts = tuple(h.lower() for h in hosts)

    def creatorForNetloc(self, hostname: bytes, port: int):  # noqa: N802 (Twisted's name)
        chosen = self.legacy if host_matches(hostname.decode("ascii"), self.hosts) else self.default
        return chosen.creatorForNetloc(hostname, port)


class _LegacyCertificateOptions(_ScrapyCertificateOptions):
    """Certificate options whose context is set to security level 0 after Twisted chose the ciphers.

    (Twisted's ``AcceptableCiphers`` keeps cipher names only, so an ``@SECLEVEL``
    directive in ``DOWNLOADER_CLIENT_TLS_CIPHERS`` never reaches OpenSSL.)
    """

    def _makeContext(self, *args: Any, **kwargs: Any) -> SSL.Context:  # noqa: N802 (Twisted's name)
        ctx = super()._makeContext(*args, **kwargs)
        ctx.set_cipher_list(LEGACY_CIPHERS.encode("ascii"))
        return ctx


class LegacyContextFactory(_ScrapyClientContextFactory):
    """A non-verifying context factory that accepts TLS 1.0+ at OpenSSL security level 0."""

    def __init__(self) -> None:
        super().__init__(method=None, tls_min_version=LEGACY_MIN_VERSION, verify_certificates=False)

    def _get_cert_options(self) -> CertificateOptions:
        return _LegacyCertificateOptions(**self._get_cert_options_kwargs())


class LegacyTLSDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler with per-host legacy TLS (see module docstring)."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        hosts = crawler.settings.getlist("THIDUA_LEGACY_TLS_HOSTS")
        if hosts:
            self._contextFactory = PerHostTLSPolicy(self._contextFactory, LegacyContextFactory(), hosts)
