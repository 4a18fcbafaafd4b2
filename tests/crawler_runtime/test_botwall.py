"""Bot walls in a real crawl: a literal cookie stub is answered, CAPTCHAs are logged, a walled site is stopped."""

from __future__ import annotations

import sqlite3
from http.server import BaseHTTPRequestHandler

import pytest

from .conftest import ITEM, LISTING, article_html, articles, crawl_live_sites, loopback_server

STUB = ('<html><body><script>document.cookie="D1N=9f8e7d6c5b4a; path=/";'
        'window.location.reload(true);</script></body></html>')
COMPUTED = ('<html><body><script>var k=(17*3).toString(16);document.cookie="D1N="+k+"; path=/";'
            'location.reload();</script></body></html>')
CAPTCHA = ('<html><head><title>Just a moment...</title></head><body><h2>Checking your browser before accessing '
           'the site.</h2><div id="challenge-stage" class="cf-challenge"></div></body></html>')
BLOCKED = ('<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult '
           'with your administrator.<br>Your support ID is: 9912345678901234567</body></html>')
WALLED = [f"captcha-2000{i}" for i in range(1, 5)] + ["blocked-20005", "blocked-20006"]


class WallHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[tuple[str, str]]  # (path, Cookie header)

    def log_message(self, *args):
        return

    def _send(self, body: bytes, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        self.seen.append((path, self.headers.get("Cookie", "")))
        name = path.rsplit("/", 1)[-1].removeprefix("bai-")
        if path == "/robots.txt":
            self._send(b"User-agent: *\nAllow: /\n")
        elif path in ("/stub/tin-tuc/moi", "/wall/tin-tuc/moi"):
            names = ["stub-10001", "computed-10002"] if path.startswith("/stub") else WALLED
            items = "".join(ITEM.format(href=f"{path}/bai-{n}", text=f"Bài {n}") for n in names)
            self._send(LISTING.format(items=items).encode("utf-8"))
        elif name == "stub-10001":
            if "D1N=9f8e7d6c5b4a" in self.headers.get("Cookie", ""):
                self._send(article_html("Lâm Đồng tổng kết phong trào thi đua Cụm các tỉnh Tây Nguyên",
                                        "Ngày 9/1, Cụm thi đua các tỉnh Tây Nguyên tổng kết công tác năm 2023."))
            else:
                self._send(STUB.encode())
        elif name == "computed-10002":
            self._send(COMPUTED.encode())
        elif name.startswith("captcha"):
            self._send(CAPTCHA.encode())
        elif name.startswith("blocked"):
            self._send(BLOCKED.encode(), 403 if name.endswith("6") else 200)
        else:
            self._send(b"not found", 404)


@pytest.fixture(scope="module")
def wall_run(tmp_path_factory: pytest.TempPathFactory):
    handler = type("Handler", (WallHandler,), {"seen": []})
    with loopback_server(handler) as base:
        yield _crawl(tmp_path_factory, base, handler)


def _crawl(tmp_path_factory: pytest.TempPathFactory, base: str, handler):
    sites = [{"id": sid, "name": f"Báo thử {sid}", "start_paths": [f"/{sid}/tin-tuc/moi"]} for sid in ("stub", "wall")]
    db, stats = crawl_live_sites(tmp_path_factory.mktemp("walls"), base, sites)
    return db, stats, base, handler.seen


def _errors(db, run_id) -> list[tuple[str, str, str]]:
    """(url, kind, message) of the run's errors; the catalogue stores "kind: message"."""
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT url, message FROM crawl_errors WHERE run_id = ?", [run_id]).fetchall()
    return [(url, *text.split(": ", 1)) for url, text in rows]


def test_literal_cookie_stub_is_answered_with_its_cookie(wall_run):
    db, _, base, seen = wall_run
    stored = articles(db)
    assert list(stored) == [f"{base}/stub/tin-tuc/moi/bai-stub-10001"]
    assert stored[f"{base}/stub/tin-tuc/moi/bai-stub-10001"][1].startswith("Lâm Đồng tổng kết")
    asks = [cookie for path, cookie in seen if path.endswith("stub-10001")]
    assert len(asks) == 2 and "D1N=9f8e7d6c5b4a" not in asks[0] and "D1N=9f8e7d6c5b4a" in asks[1]


def test_computed_stub_and_captchas_are_botwall_errors_never_articles(wall_run):
    db, stats, base, _ = wall_run
    errors = _errors(db, stats["run_id"])
    walls = [(url, message) for url, kind, message in errors if kind == "botwall"]
    assert (f"{base}/stub/tin-tuc/moi/bai-computed-10002",
            "JavaScript cookie stub computes its cookie in script; not parsed") in walls
    assert all("/wall/" in url or "computed" in url for url, _ in walls)
    assert stats["errors_botwall"] == len(walls)


def test_walled_site_is_stopped_after_three_walls(wall_run):
    db, stats, base, seen = wall_run
    wall_errors = [url for url, kind, _ in _errors(db, stats["run_id"]) if kind == "botwall" and "/wall/" in url]
    assert len(wall_errors) == 3  # THIDUA_BOTWALL_LIMIT
    assert stats["sites_stopped"] == 1
    # every walled article is either logged as a wall or skipped because its site stopped
    assert len(wall_errors) + stats["skipped_stopped_site"] == len(WALLED)
    # the stub site kept going: its article was stored after the wall site stopped or before
    assert not any("/wall/" in url for url in articles(db))
