"""Fixtures for the crawl runtime tests: a copy of the sample site, free ports, a fault server.

Everything listens on 127.0.0.1 only and every fault is bounded (sleeps ≤ 3 s,
bodies ≤ 50 MB announced / a few MB actually sent).
"""

from __future__ import annotations

import contextlib
import gzip
import shutil
import socket
import sqlite3
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawler.server import SAMPLE_ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A writable copy of data/sample_site."""
    return Path(shutil.copytree(SAMPLE_ROOT, tmp_path / "site"))


def articles(db: Path) -> dict[str, tuple]:
    """url → (source, title, published, content_hash) of every stored article."""
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT url, source_id, title, published, content_hash FROM articles").fetchall()
    return {r[0]: r[1:] for r in rows}


def errors(db: Path, run_id: int) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT url, message FROM crawl_errors WHERE run_id = ? ORDER BY id", [run_id]).fetchall()


# --------------------------------------------------------------------------- fault server
ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - Sở TTTT</title></head>
<body><header class="site-header"><a class="logo" href="/">Sở Thông tin và Truyền thông tỉnh Gia Lai</a></header>
<main><div class="detail">
<h1 class="title-detail">{title}</h1>
<div class="post-date">Cập nhật lúc: 09:30:00 - 15/04/2024  Số lượt xem: 12</div>
<div class="article-content common-content"><p>{body}</p>
<p>Phong trào thi đua yêu nước năm 2024 được triển khai sâu rộng tới các cơ quan, đơn vị trong tỉnh.</p></div>
</div></main></body></html>"""

LISTING = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin hoạt động</title></head>
<body><main><h2>Tin hoạt động</h2>{items}</main></body></html>"""
ITEM = '<div class="article-item"><a class="article-title common-title" href="{href}">{text}</a></div>'

FAULTS = ("ok-100001", "charset-100002", "timeout-100003", "error500-100004", "loop-100005",
          "truncated-100006", "huge-100007", "bomb-100008")
HUGE = 50 * 1024 * 1024


def article_html(title: str, body: str) -> bytes:
    return ARTICLE.format(title=title, body=body).encode("utf-8")


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bomb: bytes = b""

    def log_message(self, *args):
        return

    def _send(self, status, body, ctype="text/html; charset=utf-8", extra=None, length=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        name = path.rsplit("/", 1)[-1].removeprefix("bai-")
        try:
            if path == "/robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path == "/tin-tuc/faults":
                hrefs = [f"/tin-tuc/faults/bai-{n}" for n in FAULTS] + ["/private/bai-mat-100009"]
                items = "".join(ITEM.format(href=h, text=f"Bài {h.rsplit('-', 1)[-1]}") for h in hrefs)
                self._send(200, LISTING.format(items=items).encode("utf-8"))
            elif name == "ok-100001":
                self._send(200, article_html("Gia Lai phát động thi đua yêu nước năm 2024",
                                             "Sáng 15/4, UBND tỉnh Gia Lai tổ chức Lễ phát động phong trào thi đua."))
            elif name == "charset-100002":
                body = article_html("Kon Tum ký kết giao ước thi đua Cụm số 6",
                                    "Ngày 14/4, các tỉnh Cụm thi đua số 6 ký kết giao ước thi đua năm 2024.")
                self._send(200, body, "text/html; charset=iso-8859-1")
            elif name == "timeout-100003":
                time.sleep(3)
                self._send(200, article_html("Quá hạn", "Trang này đến quá muộn."))
            elif name == "error500-100004":
                self._send(500, b"<h1>Internal Server Error</h1>")
            elif name.startswith("loop-100005"):
                target = "/tin-tuc/faults/bai-loop-100005b" if name == "loop-100005" else "/tin-tuc/faults/bai-loop-100005"
                self._send(302, b"", extra={"Location": target})
            elif name == "truncated-100006":
                body = article_html("Bài bị cắt cụt giữa chừng", "Nội dung dài " * 200)
                self._send(200, body[:400], length=len(body) + 20000)
                self.close_connection = True
            elif name == "huge-100007":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(HUGE))
                self.end_headers()
                chunk = b"<p>" + b"x" * 65530 + b"</p>"
                for _ in range(16):  # at most ~1 MB actually sent; the client gives up first
                    self.wfile.write(chunk)
                self.close_connection = True
            elif name == "bomb-100008":
                self._send(200, self.bomb, extra={"Content-Encoding": "gzip"})
            else:
                self._send(404, b"not found")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


@pytest.fixture(scope="module")
def fault_server():
    """Serve the fault site; yields its base URL."""
    handler = type("Handler", (FaultHandler,), {"bomb": gzip.compress(b"\0" * (40 * 1024 * 1024), 9)})
    with loopback_server(handler) as base:
        yield base


QUICK = {"DOWNLOAD_TIMEOUT": 5, "RETRY_TIMES": 0, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}


def crawl_live_sites(tmp: Path, base: str, sites: list[dict], **kwargs) -> tuple[Path, dict]:
    """Write ``sites`` (id, name, start_paths, extra keys) as a live sites file on ``base``; crawl it quickly."""
    from crawler.run import crawl

    tables = []
    for site in sites:
        extra = {k: v for k, v in site.items() if k not in ("id", "name", "start_paths")}
        lines = [f'id = "{site["id"]}"', f'name = "{site["name"]}"', 'family = "custom_cms"', f'base_url = "{base}"',
                 "start_paths = [" + ", ".join(f'"{p}"' for p in site["start_paths"]) + "]", "max_pages = 1",
                 "live = true", *(f"{k} = {str(v).lower() if isinstance(v, bool) else v}" for k, v in extra.items())]
        tables.append("[[site]]\n" + "\n".join(lines) + "\n")
    sites_file = tmp / "sites.toml"
    sites_file.write_text("".join(tables), encoding="utf-8")
    db = tmp / "cat.db"
    return db, crawl(db, live=True, sites_file=sites_file, settings=QUICK, state_dir=tmp / "state", **kwargs)


@contextlib.contextmanager
def loopback_server(handler: type[BaseHTTPRequestHandler], tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 (over TLS with ``tls``) in a thread; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
