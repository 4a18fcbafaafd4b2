"""Per-site crawl configuration from ``data/sites.toml`` and the sample site's ``sites.toml``.

Every portal is data, not code: one ``[[site]]`` table each.  Real portals give an
absolute ``base_url`` and ``live = true``; the bundled sample sites give a
``base_path`` under the loopback server, resolved with ``base_url=`` at load time.

Schema (keys; * = required)::

    id*          short unique slug             "binhduong"
    name*        display name                  "Cổng TTĐT tỉnh Bình Dương"
    family*      CMS family (crawler.pages)    "sharepoint_list"
    province     province name                 "Bình Dương"
    base_url     absolute site root (live)     "https://www.binhduong.gov.vn"
    base_path    path under the sample server  "/binhduong"
    start_paths* listing pages (paths or URLs) ["/Lists/TinTucSuKien/TongQuat.aspx"]
    feed_paths   RSS/Atom feeds                ["/rss/tin-tuc.rss"]
    sitemap_paths  sitemaps                    ["/sitemap.xml"]
    robots_sitemaps  read Sitemap: lines of robots.txt (bool, default false)
    allowed_domains  hosts the crawl may visit (default: base_url's host and www./non-www.)
    max_pages    pagination depth per listing  (int ≥ 1, default 3)
    since        date cut-off "YYYY-MM-DD"     (articles older are skipped)
    live         a real portal (bool, default false)
    outlet       "portal" | "newspaper" | "ministry" (default "portal")
    legacy_tls   old TLS server: allow TLS 1.0 / SHA-1 / short keys for this
                 site's domains only (bool, default false)
    checked      start paths checked against real URLs (../shared/fixtures/real-urls.tsv)
                 rather than guessed (bool, default false; documentation only)
    notes        free text: where the paths come from, what is known

Example::

    >>> site = site_from_table({"id": "dienbien", "name": "Cổng TTĐT tỉnh Điện Biên",
    ...     "family": "sharepoint_portal", "base_url": "https://dienbien.gov.vn",
    ...     "start_paths": ["/portal/Pages/Tin-tuc-su-kien.aspx"]}, "sites.toml", 1)
    >>> site.start_urls
    ('https://dienbien.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx',)
    >>> site.allowed_domains
    ('dienbien.gov.vn', 'www.dienbien.gov.vn')
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
LIVE_SITES = ROOT / "data" / "sites.toml"
SAMPLE_ROOT = ROOT / "data" / "sample_site"
SAMPLE_SITES = SAMPLE_ROOT / "sites.toml"

#: CMS families understood by crawler.pages (portals.md §1).
FAMILIES = (
    "sharepoint_list",
    "sharepoint_portal",
    "liferay",
    "webcenter",
    "dnn",
    "cms_generic",
    "custom_cms",
    "newspaper",
    "sharepoint_lacviet",
    "nukeviet",
    "websphere",
    "generic",
)
OUTLETS = ("portal", "newspaper", "ministry")

_KNOWN_KEYS = {
    "id", "name", "family", "province", "base_url", "base_path", "start_paths", "feed_paths",
    "sitemap_paths", "robots_sitemaps", "allowed_domains", "max_pages", "since", "live", "outlet",
    "notes", "legacy_tls", "checked",
}
DEFAULT_MAX_PAGES = 3


class SiteConfigError(ValueError):
    """A sites.toml entry is invalid; the message names the file and the entry."""


@dataclass(frozen=True)
class Site:
    """One crawlable site, fully resolved to absolute URLs."""

    id: str
    name: str
    family: str
    base_url: str  # absolute, no trailing slash
    start_urls: tuple[str, ...]
    feed_urls: tuple[str, ...] = ()
    sitemap_urls: tuple[str, ...] = ()
    robots_sitemaps: bool = False
    allowed_domains: tuple[str, ...] = ()
    path_prefix: str = "/"  # links must stay under this path
    max_pages: int = DEFAULT_MAX_PAGES
    since: str | None = None  # YYYY-MM-DD
    province: str | None = None
    live: bool = False
    outlet: str = "portal"
    legacy_tls: bool = False

    def allows(self, url: str) -> bool:
        """True when ``url`` is inside this site's domains and path prefix.

        >>> s = Site("qn", "Quảng Nam", "webcenter", "http://127.0.0.1:8765/quangnam",
        ...          ("http://127.0.0.1:8765/quangnam/",), allowed_domains=("127.0.0.1",),
        ...          path_prefix="/quangnam/")
        >>> s.allows("http://127.0.0.1:8765/quangnam/chi-tiet?dDocName=PORTAL1"), s.allows("http://127.0.0.1:8765/dnn/")
        (True, False)
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        host = (parts.hostname or "").lower()
        if not any(host == d or host.endswith("." + d) for d in self.allowed_domains):
            return False
        path = parts.path or "/"
        return (path + "/").lower().startswith(self.path_prefix.lower()) if self.path_prefix != "/" else True

    def own_url(self, url: str) -> str:
        """``url`` on the site's own scheme and host when it is one of the site's variants (http/https, www).

        Portals link to themselves both ways; stored articles keep one form, the one
        ``base_url`` names, so the catalogue never holds a page twice.

        >>> s = Site("bd", "Bình Dương", "custom_cms", "https://binhduong.gov.vn", ())
        >>> s.own_url("http://www.binhduong.gov.vn/tin-tuc/2025/04/88-lay-y-kien")
        'https://binhduong.gov.vn/tin-tuc/2025/04/88-lay-y-kien'
        >>> s.own_url("https://baobinhduong.vn/a-1.html")
        'https://baobinhduong.vn/a-1.html'
        """
        parts, base = urlsplit(url), urlsplit(self.base_url)
        host, own = (parts.hostname or ""), (base.hostname or "")
        if parts.scheme not in ("http", "https") or host.removeprefix("www.") != own.removeprefix("www."):
            return url
        if parts.port not in (None, 80, 443) and parts.port != base.port:
            return url
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict (for handing the site to the crawl subprocess)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Site:
        """Inverse of :meth:`to_dict`."""
        tuples = ("start_urls", "feed_urls", "sitemap_urls", "allowed_domains")
        return cls(**{k: tuple(v) if k in tuples else v for k, v in data.items()})


def _fail(source: str, index: int, site_id: Any, message: str) -> SiteConfigError:
    label = f"[[site]] #{index}" + (f" (id={site_id!r})" if site_id else "")
    return SiteConfigError(f"{source}: {label}: {message}")


def _str_list(table: dict, key: str, fail) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"{key!r} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _default_domains(host: str) -> tuple[str, ...]:
    bare = host[4:] if host.startswith("www.") else host
    if bare.replace(".", "").isdigit() or bare == "localhost":
        return (bare,)
    return (bare, "www." + bare)


def site_from_table(table: dict[str, Any], source: str, index: int, base_url: str | None = None) -> Site:
    """Validate one ``[[site]]`` table and resolve it to a :class:`Site`.

    ``base_url`` is the loopback server's root, used for tables with ``base_path``.
    Raises :class:`SiteConfigError` naming ``source`` and the entry.
    """
    site_id = table.get("id")

    def fail(message: str) -> SiteConfigError:
        return _fail(source, index, site_id, message)

    unknown = set(table) - _KNOWN_KEYS
    if unknown:
        raise fail(f"unknown key(s) {sorted(unknown)}")
    for key in ("id", "name", "family"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise fail(f"missing or empty {key!r}")
    if not site_id.replace("_", "").replace("-", "").isalnum():
        raise fail("'id' must be a slug (letters, digits, '-', '_')")
    family = table["family"]
    if family not in FAMILIES:
        raise fail(f"unknown family {family!r} (expected one of {', '.join(FAMILIES)})")
    outlet = table.get("outlet", "portal")
    if outlet not in OUTLETS:
        raise fail(f"unknown outlet {outlet!r} (expected one of {', '.join(OUTLETS)})")

    if "base_url" in table and "base_path" in table:
        raise fail("give either 'base_url' or 'base_path', not both")
    if "base_url" in table:
        root = table["base_url"]
        if not isinstance(root, str) or urlsplit(root).scheme not in ("http", "https") or not urlsplit(root).hostname:
            raise fail(f"'base_url' must be an absolute http(s) URL, got {root!r}")
    elif "base_path" in table:
        path = table["base_path"]
        if not isinstance(path, str) or not path.startswith("/"):
            raise fail(f"'base_path' must start with '/', got {path!r}")
        if base_url is None:
            raise fail("'base_path' needs the sample server's base URL (load it with base_url=...)")
        root = base_url.rstrip("/") + path
    else:
        raise fail("missing 'base_url' (live portal) or 'base_path' (sample site)")
    root = root.rstrip("/")
    root_parts = urlsplit(root)
    prefix = (root_parts.path.rstrip("/") + "/") if "base_path" in table else "/"

    def resolve(paths: list[str]) -> tuple[str, ...]:
        out = []
        for p in paths:
            if urlsplit(p).scheme:
                out.append(p)
            elif "base_path" in table and not (p + "/").startswith(prefix):
                out.append(urljoin(root + "/", p.lstrip("/")))  # relative to the site's base_path
            else:
                out.append(urljoin(root + "/", p))
        return tuple(out)

    start = resolve(_str_list(table, "start_paths", fail))
    feeds = resolve(_str_list(table, "feed_paths", fail))
    sitemaps = resolve(_str_list(table, "sitemap_paths", fail))
    robots = table.get("robots_sitemaps", False)
    if not isinstance(robots, bool):
        raise fail("'robots_sitemaps' must be true or false")
    if not (start or feeds or sitemaps or robots):
        raise fail("no start URLs: give 'start_paths', 'feed_paths' or 'sitemap_paths'")

    host = (root_parts.hostname or "").lower()
    domains = tuple(d.lower() for d in _str_list(table, "allowed_domains", fail)) or _default_domains(host)
    probe = Site(site_id, table["name"], family, root, (), allowed_domains=domains, path_prefix=prefix)
    for url in start + feeds + sitemaps:
        if not probe.allows(url):
            raise fail(f"start URL {url!r} is outside the site's domains {list(domains)} / path {prefix!r}")

    max_pages = table.get("max_pages", DEFAULT_MAX_PAGES)
    if isinstance(max_pages, bool) or not isinstance(max_pages, int) or max_pages < 1:
        raise fail(f"'max_pages' must be an integer ≥ 1, got {max_pages!r}")
    since = table.get("since")
    if since is not None:
        since = parse_since(since, lambda m: fail(m))
    live = table.get("live", False)
    if not isinstance(live, bool):
        raise fail("'live' must be true or false")
    legacy_tls = table.get("legacy_tls", False)
    if not isinstance(legacy_tls, bool):
        raise fail("'legacy_tls' must be true or false")
    if not isinstance(table.get("checked", False), bool):
        raise fail("'checked' must be true or false")
    province = table.get("province")
    if province is not None and not isinstance(province, str):
        raise fail("'province' must be a string")
    return Site(
        id=site_id, name=table["name"].strip(), family=family, base_url=root, start_urls=start,
        feed_urls=feeds, sitemap_urls=sitemaps, robots_sitemaps=robots, allowed_domains=domains,
        path_prefix=prefix, max_pages=max_pages, since=since, province=province, live=live, outlet=outlet,
        legacy_tls=legacy_tls,
    )


def parse_since(value: Any, fail=None) -> str:
    """Normalise a date cut-off to ``YYYY-MM-DD``; accepts a date or ISO string.

    >>> parse_since("2024-3-5")
    '2024-03-05'
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            y, m, d = (int(x) for x in value.strip()[:10].split("-"))
            return dt.date(y, m, d).isoformat()
        except ValueError:
            pass
    message = f"'since' must be a date YYYY-MM-DD, got {value!r}"
    raise fail(message) if fail else SiteConfigError(message)


def load_sites(path: str | Path, *, base_url: str | None = None) -> list[Site]:
    """Load and validate every ``[[site]]`` of a sites.toml file.

    Raises :class:`SiteConfigError` (one line, naming the file and entry) on any problem.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SiteConfigError(f"{path}: file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SiteConfigError(f"{path}: not valid TOML: {exc}") from None
    tables = data.get("site")
    if not isinstance(tables, list) or not tables:
        raise SiteConfigError(f"{path}: no [[site]] tables")
    sites: list[Site] = []
    seen: set[str] = set()
    for index, table in enumerate(tables, 1):
        site = site_from_table(table, str(path), index, base_url=base_url)
        if site.id in seen:
            raise _fail(str(path), index, site.id, "duplicate id")
        seen.add(site.id)
        sites.append(site)
    return sites


def select_sites(sites: list[Site], ids: list[str] | tuple[str, ...] | None) -> list[Site]:
    """Keep the sites named in ``ids`` (all when empty); unknown ids raise one clear error."""
    if not ids:
        return list(sites)
    known = {s.id: s for s in sites}
    missing = [i for i in ids if i not in known]
    if missing:
        raise SiteConfigError(f"unknown site id(s) {', '.join(missing)}; known: {', '.join(sorted(known))}")
    return [known[i] for i in dict.fromkeys(ids)]


def with_overrides(sites: list[Site], *, max_pages: int | None = None, since: str | None = None) -> list[Site]:
    """Apply run-wide ``--max-pages`` / ``--since`` overrides to every site."""
    changes: dict[str, Any] = {}
    if max_pages is not None:
        if max_pages < 1:
            raise SiteConfigError(f"--max-pages must be ≥ 1, got {max_pages}")
        changes["max_pages"] = max_pages
    if since is not None:
        changes["since"] = parse_since(since)
    return [replace(s, **changes) for s in sites] if changes else list(sites)
