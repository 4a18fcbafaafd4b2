"""The crawler on real pages and real URLs: per-family pages parsed right, URL classification, canonical merges.

Reads ``../shared/fixtures/real-html`` (every saved page, its capture undone by
the test harness ``tests/crawler_pages/realpages.py``) against the expectations
of ``tests/crawler_pages/test_real_pages.py``, and ``../shared/fixtures/real-urls.tsv``.

Prints, as bars:

* per family: pages whose every checked field (family, kind, title, published,
  author, views, article links, next link) is right / all pages;
* URL classification: article URLs classified as articles, listing URLs as
  listings (the issue's floor is 95 % each);
* canonical merges: links on the real pages that ``url_key`` merged into one
  page (raw distinct hrefs → distinct pages), the variants of each real URL
  (http/https, www., :443, trailing dot, ;jsessionid=, p_p_auth=, percent-encoding)
  merged back onto it, and real URLs wrongly merged with each other (must be 0).

Run:  ``python bench/real_pages.py``  (exit 1 when ../shared is absent or a floor fails)
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.pages import parse_page, url_key  # noqa: E402
from crawler.pages.base import classify_url  # noqa: E402
from crawler.pages.generic import SPECS  # noqa: E402
from crawler.pages.urls import absolute  # noqa: E402

FLOOR = 0.95
BAR = 30


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def bar(done: int, total: int) -> str:
    share = done / total if total else 0.0
    filled = round(share * BAR)
    return f"{'█' * filled}{'·' * (BAR - filled)} {done:>3}/{total:<3} {share:6.1%}"


def page_right(page, expected: tuple) -> bool:
    family, kind, title, published, author, views, n_articles, next_url = expected
    art = page.article
    got = (page.family, page.kind, art.title if art else None, art.published if art else None,
           art.author if art else None, art.views if art else None,
           len([link for link in page.links if link.kind == "article"]),
           next((link.url for link in page.links if link.kind == "next"), None))
    return got == (family, kind, title, published, author, views, n_articles, next_url)


def variants(url: str) -> list[str]:
    """The hazards of real-urls.md applied to one URL (each a different string for the same page)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    other_scheme = "http" if parts.scheme == "https" else "https"
    www = host[4:] if host.startswith("www.") else "www." + host
    out = [
        urlunsplit((other_scheme, host, parts.path, parts.query, "")),
        urlunsplit((parts.scheme, www, parts.path, parts.query, "")),
        urlunsplit((parts.scheme, host + ".", parts.path, parts.query, "")),
        urlunsplit((parts.scheme, f"{host}:{443 if parts.scheme == 'https' else 80}", parts.path, parts.query, "")),
        urlunsplit((parts.scheme, parts.netloc, parts.path + ";jsessionid=0A1B2C3D4E5F", parts.query, "")),
        urlunsplit((parts.scheme, parts.netloc, parts.path, (parts.query + "&" if parts.query else "") + "p_p_auth=Zq81xPa0", "")),
    ]
    decoded = unquote(parts.path)
    if decoded != parts.path or any(ord(c) > 127 for c in parts.path):  # a Vietnamese path: raw, lower-case escapes
        out.append(urlunsplit((parts.scheme, parts.netloc, decoded, parts.query, "")))
        lower = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), quote(decoded, safe="/%:@!$&'()*+,;=-._~"))
        out.append(urlunsplit((parts.scheme, parts.netloc, lower, parts.query, "")))
    return [v for v in out if v != url]


def main() -> int:
    harness = _load("realpages", ROOT / "tests" / "crawler_pages" / "realpages.py")
    if not harness.available() or not harness.REAL_URLS.is_file():
        print(f"real_pages: {harness.MISSING_REASON}", file=sys.stderr)
        return 1
    expectations, fit = harness.EXPECTED, harness.FAMILY_OF_GUESS

    # 1. real pages, per family
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    raw_links: set[str] = set()
    merged_links: set[str] = set()
    for file, page in harness.PAGES.items():
        body = page.body()
        parsed = parse_page(page.url, body)
        family = expectations[file][0]
        total[family] += 1
        right[family] += page_right(parsed, expectations[file])
        for href in re.findall(rb'href="([^"]+)"', body):
            target = absolute(page.url, href.decode("utf-8", "replace").replace("&amp;", "&"))
            if target and urlsplit(target).hostname == urlsplit(page.url).hostname and (
                    classify_url(SPECS[family], target) == "article"):
                raw_links.add(target.split("#")[0])
                merged_links.add(url_key(target))
    print("pages parsed right, per family (every field of test_real_pages.py)")
    for family in sorted(total):
        print(f"  {family:20} {bar(right[family], total[family])}")

    # 2. URL classification
    with harness.REAL_URLS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    print("\nURL classification (real-urls.tsv)")
    rates = {}
    for kind in ("article", "listing"):
        wanted = [r for r in rows if r["kind"] == kind]
        good = sum(classify_url(SPECS[fit[r["family_guess"]]], r["url"]) == kind for r in wanted)
        rates[kind] = good / len(wanted)
        print(f"  {kind + ' URLs':20} {bar(good, len(wanted))}")
    by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["kind"] in ("article", "listing"):
            fam = fit[r["family_guess"]]
            by_family[fam][1] += 1
            by_family[fam][0] += classify_url(SPECS[fam], r["url"]) == r["kind"]
    for fam, (good, n) in sorted(by_family.items()):
        print(f"    {fam:18} {bar(good, n)}")

    # 3. canonical merges
    urls = [r["url"] for r in rows]
    keys = {url_key(u) for u in urls}
    tried = merged = 0
    missed = []
    for u in urls:
        for v in variants(u):
            tried += 1
            merged += url_key(v) == url_key(u)
            if url_key(v) != url_key(u):
                missed.append(v)
    print("\ncanonical merges")
    print(f"  article links on the real pages: {len(raw_links)} distinct hrefs → {len(merged_links)} pages "
          f"({len(raw_links) - len(merged_links)} merged)")
    print(f"  variants of real URLs merged     {bar(merged, tried)}")
    print(f"  real URLs merged with another    {len(urls) - len(keys)} of {len(urls)} (must be 0)")
    for v in missed[:10]:
        print(f"    not merged: {v}")
    ok = all(rate >= FLOOR for rate in rates.values()) and len(keys) == len(set(urls)) and merged == tried
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
