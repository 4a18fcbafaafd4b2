"""A loopback HTTP server for the bundled sample site, driven by its manifest.

``data/sample_site/manifest.json`` lists routes::

    {"path": "/quangnam/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet",
     "query": {"dDocName": "PORTAL174180"}, "method": "GET",
     "file": "quangnam/chi-tiet-PORTAL174180.html",
     "content_type": "text/html; charset=utf-8", "behavior": "adf_loop",
     "interstitial": "quangnam/adf-loop.html"}

Anything not in the manifest is 404.  Behaviours:

* ``adf_loop`` — serve the interstitial (and set a ``JSESSIONID`` cookie) unless the
  request carries ``_afrLoop`` *and* the session cookie; then serve ``file``.
* ``postback`` — a POST whose ``__EVENTTARGET`` form field names a key of
  ``files_by_target`` gets that file (ASP.NET paging).

Every file response has ``ETag`` (content hash) and ``Last-Modified`` (file mtime)
and honours ``If-None-Match`` / ``If-Modified-Since`` with 304.  ``/robots.txt``
comes from the manifest or ``<root>/robots.txt``, else allows everything except
``/_private/``.  The server only reads files.  A request line with an absolute
URI (``GET http://sample.thidua.test/gialai/… HTTP/1.1``, as sent to a proxy)
is served by its path, so crawls reach the sample origin through it whatever
port it took.

Example::

    >>> with serve_sample_site(SAMPLE_ROOT) as base_url:      # doctest: +SKIP
    ...     urllib.request.urlopen(base_url + "/robots.txt").read()
    b'User-agent: *\\nDisallow: /_private/\\n'
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

SAMPLE_ROOT = Path(__file__).resolve().parent.parent / "data" / "sample_site"
DEFAULT_ROBOTS = b"User-agent: *\nDisallow: /_private/\n"
#: ADF per-session tokens: ignored when matching a request to a route.
SESSION_PARAMS = frozenset({"_afrloop", "_afrwindowmode", "_afrwindowid", "_adf.ctrl-state"})
MAX_POST_BYTES = 1024 * 1024


class ManifestError(ValueError):
    """The manifest is missing or malformed (message names the file and route)."""


@dataclass(frozen=True)
class Route:
    """One manifest entry."""

    path: str
    query: tuple[tuple[str, str], ...]
    method: str
    file: str
    content_type: str
    behavior: str | None = None
    interstitial: str | None = None
    files_by_target: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def _query_key(pairs) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k.lower(), v) for k, v in pairs if k.lower() not in SESSION_PARAMS))


def load_manifest(root: Path) -> list[Route]:
    """Read and validate ``root/manifest.json`` into routes."""
    path = Path(root) / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{path}: manifest not found") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: not valid JSON: {exc}") from None
    if isinstance(data, dict):
        data = data.get("routes", [])
    if not isinstance(data, list):
        raise ManifestError(f"{path}: expected a list of routes")
    routes = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or not entry["path"].startswith("/"):
            raise ManifestError(f"{path}: route #{index}: needs a 'path' starting with '/'")
        behavior = entry.get("behavior")
        if behavior not in (None, "adf_loop", "postback"):
            raise ManifestError(f"{path}: route #{index} ({entry['path']}): unknown behavior {behavior!r}")
        interstitial = entry.get("interstitial") or entry.get("interstitial_file")
        if behavior == "adf_loop" and not interstitial:
            raise ManifestError(f"{path}: route #{index} ({entry['path']}): adf_loop needs 'interstitial'")
        targets = entry.get("files_by_target") or {}
        if behavior == "postback" and not targets:
            raise ManifestError(f"{path}: route #{index} ({entry['path']}): postback needs 'files_by_target'")
        if not entry.get("file") and behavior != "postback":
            raise ManifestError(f"{path}: route #{index} ({entry['path']}): missing 'file'")
        query = entry.get("query") or {}
        routes.append(
            Route(
                path=entry["path"],
                query=_query_key((str(k), str(v)) for k, v in query.items()),
                method=(entry.get("method") or "GET").upper(),
                file=entry.get("file") or "",
                content_type=entry.get("content_type") or "text/html; charset=utf-8",
                behavior=behavior,
                interstitial=interstitial,
                files_by_target=dict(targets),
            )
        )
    return routes


class _Index:
    """Routes keyed by (method, path, query) with a case-insensitive path fallback."""

    def __init__(self, routes: list[Route]):
        self.exact: dict[tuple, Route] = {}
        self.folded: dict[tuple, Route] = {}
        for r in routes:
            self.exact.setdefault((r.method, r.path, r.query), r)
            self.folded.setdefault((r.method, r.path.lower(), r.query), r)
            if r.behavior == "postback":  # the listing is also reachable by GET (page 1)
                self.exact.setdefault(("GET", r.path, r.query), r)
                self.folded.setdefault(("GET", r.path.lower(), r.query), r)

    def find(self, method: str, path: str, query: tuple) -> Route | None:
        return self.exact.get((method, path, query)) or self.folded.get((method, path.lower(), query))


def _make_handler(root: Path, index: _Index, robots: bytes, access_log: Path | None = None):
    root = root.resolve()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "thidua-sample/0.1"

        def log_message(self, format, *args):  # noqa: A002 - stdlib signature
            return

        def log_request(self, code="-", size="-") -> None:
            if access_log is not None:  # one line per answer, appended whole (O_APPEND): servers may share a log
                port = self.server.server_address[1]
                line = f"{time.time():.6f} {port} {self.command} {self.path} {getattr(code, 'value', code)}\n"
                fd = os.open(access_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    os.write(fd, line.encode("utf-8", "replace"))
                finally:
                    os.close(fd)

        # -- helpers -------------------------------------------------------
        def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _send_file(self, rel: str, content_type: str, headers: dict[str, str] | None = None) -> None:
            path = (root / rel).resolve()
            if root not in path.parents or not path.is_file():
                self._send(404, b"not found\n")
                return
            body = path.read_bytes()
            stat = path.stat()
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            last_modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
            validators = {"ETag": etag, "Last-Modified": last_modified, **(headers or {})}
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if inm is not None:
                if etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*":
                    self._send(304, b"", content_type, validators)
                    return
            elif ims:
                try:
                    since = email.utils.parsedate_to_datetime(ims).timestamp()
                except (TypeError, ValueError):
                    since = None
                if since is not None and int(stat.st_mtime) <= since:
                    self._send(304, b"", content_type, validators)
                    return
            self._send(200, body, content_type, validators)

        def _session(self) -> str | None:
            cookie = SimpleCookie(self.headers.get("Cookie", ""))
            return cookie["JSESSIONID"].value if "JSESSIONID" in cookie else None

        # -- dispatch ------------------------------------------------------
        def _handle(self) -> None:
            parts = urlsplit(self.path)
            pairs = parse_qsl(parts.query, keep_blank_values=True)
            if parts.path == "/robots.txt":
                self._send(200, robots)
                return
            form: dict[str, str] = {}
            if self.command == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_POST_BYTES:
                    self._send(413, b"request body too large\n")
                    return
                raw = self.rfile.read(length).decode("utf-8", "replace")
                form = dict(parse_qsl(raw, keep_blank_values=True))
            method = "GET" if self.command == "HEAD" else self.command
            route = index.find(method, parts.path, _query_key(pairs))
            if route is None:
                self._send(404, b"not found\n")
                return
            if route.behavior == "postback" and self.command == "POST":
                target = form.get("__EVENTTARGET", "")
                rel = route.files_by_target.get(target)
                if rel is None:
                    self._send(404, f"unknown __EVENTTARGET {target!r}\n".encode())
                    return
                self._send_file(rel, route.content_type)
                return
            if route.behavior == "postback" and not route.file:
                first = next(iter(route.files_by_target.values()))
                self._send_file(first, route.content_type)
                return
            if route.behavior == "adf_loop":
                has_loop = any(k == "_afrLoop" and v for k, v in pairs)
                if not (has_loop and self._session()):
                    session = self._session() or secrets.token_hex(8)
                    cookie = f"JSESSIONID={session}; Path=/; HttpOnly"
                    self._send_file(route.interstitial, route.content_type, {"Set-Cookie": cookie})
                    return
            self._send_file(route.file, route.content_type)

        def do_GET(self) -> None:  # noqa: N802 - stdlib naming
            self._handle()

        def do_HEAD(self) -> None:  # noqa: N802
            self._handle()

        def do_POST(self) -> None:  # noqa: N802
            self._handle()

    return Handler


def _robots(root: Path, routes: list[Route]) -> bytes:
    for r in routes:
        if r.path == "/robots.txt" and r.file:
            return (root / r.file).read_bytes()
    path = root / "robots.txt"
    return path.read_bytes() if path.is_file() else DEFAULT_ROBOTS


@contextmanager
def serve_sample_site(root: Path = SAMPLE_ROOT, host: str = "127.0.0.1", port: int = 0,
                      access_log: str | Path | None = None) -> Iterator[str]:
    """Serve ``root`` (a manifest-driven static site) in a background thread.

    Yields the base URL, e.g. ``"http://127.0.0.1:8765"``; the server stops on exit.  With ``access_log``
    (default: the environment's ``THIDUA_SAMPLE_LOG``) every answer appends ``TIME PORT METHOD PATH STATUS``
    to that file.
    Raises :class:`ManifestError` for a bad manifest and ``OSError`` if the port is taken.
    """
    root = Path(root)
    routes = load_manifest(root)
    access_log = access_log or os.environ.get("THIDUA_SAMPLE_LOG") or None
    handler = _make_handler(root, _Index(routes), _robots(root, routes), Path(access_log) if access_log else None)
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        bound_host, bound_port = server.server_address[:2]
        yield f"http://{bound_host}:{bound_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    """``python -m crawler.server [ROOT] [--port N]``: serve the sample site until Ctrl-C."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("root", nargs="?", default=str(SAMPLE_ROOT))
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    try:
        with serve_sample_site(Path(args.root), port=args.port) as base_url:
            print(f"serving {args.root} at {base_url} (Ctrl-C to stop)", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    except (ManifestError, OSError) as exc:
        print(f"error: {exc}")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
