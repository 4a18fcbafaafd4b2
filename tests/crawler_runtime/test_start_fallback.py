"""A start listing that is gone (404) sends the crawl to the site's home page once, and says so."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest

from .conftest import ITEM, LISTING, article_html, articles, crawl_live_sites, errors, loopback_server

HOME_ARTICLES = {
    "/tin-tuc/tong-ket-cum-thi-dua-so-2-40001": "Lào Cai tổng kết phong trào thi đua Cụm thi đua số 2 năm 2024",
    "/tin-tuc/phat-dong-thi-dua-40002": "Phát động phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh",
}


class MovedPortal(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[str]

    def log_message(self, *args):
        return

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        self.seen.append(path)
        status, body = 200, b""
        if path == "/robots.txt":
            body = b"User-agent: *\nAllow: /\n"
        elif path == "/":
            items = "".join(ITEM.format(href=href, text=title) for href, title in HOME_ARTICLES.items())
            body = LISTING.format(items=items).encode("utf-8")
        elif path in HOME_ARTICLES:
            body = article_html(HOME_ARTICLES[path], "Ngày 10/1, các tỉnh trong Cụm thi đua số 2 tổng kết năm 2024.")
        else:
            status, body = 404, b"<h1>404 - Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def moved_run(tmp_path_factory: pytest.TempPathFactory):
    handler = type("Handler", (MovedPortal,), {"seen": []})
    with loopback_server(handler) as base:
        yield _crawl(tmp_path_factory, base, handler)


def _crawl(tmp_path_factory: pytest.TempPathFactory, base: str, handler):
    events: list[dict] = []
    site = {"id": "laocai", "name": "Sở TT&TT Lào Cai", "start_paths": ["/chuyen-muc/thi-dua-khen-thuong", "/tin-tuc-su-kien"]}
    db, stats = crawl_live_sites(tmp_path_factory.mktemp("moved"), base, [site], progress=events.append)
    return db, stats, base, handler.seen, events


def test_missing_start_pages_are_errors_and_home_is_crawled_once(moved_run):
    db, stats, base, seen, _ = moved_run
    assert sorted(articles(db)) == sorted(base + path for path in HOME_ARTICLES)
    assert seen.count("/") == 1  # two missing start pages, one fallback
    assert sorted(url for url, message in errors(db, stats["run_id"])) == [
        f"{base}/chuyen-muc/thi-dua-khen-thuong", f"{base}/tin-tuc-su-kien"]


def test_the_fallback_is_reported_as_a_progress_event(moved_run):
    *_, events = moved_run
    fallbacks = [e for e in events if e.get("event") == "start_fallback"]
    assert len(fallbacks) == 1 and fallbacks[0]["site"] == "laocai"
