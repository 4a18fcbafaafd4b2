"""Legacy TLS per site: a TLS 1.0-only portal on 127.0.0.1 is refused by default and read with legacy_tls = true."""

from __future__ import annotations

import datetime as dt
import ssl
import warnings
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from crawler.tls import PerHostTLSPolicy

from .conftest import ITEM, LISTING, article_html, articles, crawl_live_sites, errors, loopback_server

TITLE = "Bắc Giang trao Cờ thi đua cho các đơn vị dẫn đầu phong trào thi đua năm 2023"


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=7)).sign(key, hashes.SHA256()))
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class OldPortal(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        return

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            body = b"User-agent: *\nAllow: /\n"
        elif path == "/tin-tuc/thi-dua":
            body = LISTING.format(items=ITEM.format(href="/tin-tuc/thi-dua/bai-co-thi-dua-30001", text=TITLE)).encode()
        elif path == "/tin-tuc/thi-dua/bai-co-thi-dua-30001":
            body = article_html(TITLE, "Ngày 20/1, UBND tỉnh Bắc Giang tổ chức hội nghị tổng kết công tác thi đua.")
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def old_portal(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An HTTPS server that speaks only TLS 1.0 (OpenSSL security level 0), like a 2012 IIS."""
    cert, key = _self_signed(tmp_path_factory.mktemp("tls"))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = context.maximum_version = ssl.TLSVersion.TLSv1
    context.load_cert_chain(cert, key)
    with loopback_server(OldPortal, tls=context) as base:
        yield base


def _crawl(tmp: Path, base: str, legacy: bool) -> tuple[Path, dict]:
    site = {"id": "bacgiang", "name": "Cổng TTĐT tỉnh Bắc Giang", "start_paths": ["/tin-tuc/thi-dua"], "legacy_tls": legacy}
    return crawl_live_sites(tmp, base, [site])


def test_old_tls_server_is_refused_by_default_with_a_tls_error(old_portal, tmp_path):
    db, stats = _crawl(tmp_path, old_portal, legacy=False)
    assert articles(db) == {}
    found = errors(db, stats["run_id"])
    assert found and all(message.startswith("tls: ") and "legacy_tls" in message for _, message in found)
    assert stats["errors_tls"] == len(found)


def test_legacy_tls_site_is_crawled(old_portal, tmp_path):
    db, stats = _crawl(tmp_path, old_portal, legacy=True)
    stored = articles(db)
    assert list(stored) == [f"{old_portal}/tin-tuc/thi-dua/bai-co-thi-dua-30001"]
    assert stored[f"{old_portal}/tin-tuc/thi-dua/bai-co-thi-dua-30001"][1] == TITLE
    assert stats["errors"] == 0


class _Recorder:
    def __init__(self, name: str):
        self.name, self.hosts = name, []

    def creatorForNetloc(self, hostname: bytes, port: int):  # noqa: N802
        self.hosts.append(hostname.decode())
        return self.name


def test_only_the_legacy_sites_hosts_get_the_weak_context():
    default, legacy = _Recorder("default"), _Recorder("legacy")
    policy = PerHostTLSPolicy(default, legacy, ["bacgiang.gov.vn", "www.bacgiang.gov.vn"])
    assert policy.creatorForNetloc(b"bacgiang.gov.vn", 443) == "legacy"
    assert policy.creatorForNetloc(b"sotttt.bacgiang.gov.vn", 443) == "legacy"
    assert policy.creatorForNetloc(b"dongthap.gov.vn", 443) == "default"
    assert policy.creatorForNetloc(b"notbacgiang.gov.vn", 443) == "default"
    assert default.hosts == ["dongthap.gov.vn", "notbacgiang.gov.vn"]
