"""URL rules and date lines against ../shared/fixtures/real-urls.tsv (456 real URLs from 267 hosts).

Each row gives the URL's kind (article, listing, other, document), the family
guessed from it and the date line as the page printed it.  A URL is classified
the way ``collect_links`` classifies a link on a page of its family; the issue
asks for ≥ 95 % of article URLs classified as articles and ≥ 95 % of listing
URLs as listings.  Every row's misses are printed when the rate falls short.
"""

from __future__ import annotations

import csv
import functools

import pytest

from crawler.pages import FAMILIES, url_key
from crawler.pages.base import classify_url
from crawler.pages.dates import parse_date
from crawler.pages.generic import SPECS

from . import realpages
from .realpages import FAMILY_OF_GUESS

pytestmark = pytest.mark.skipif(not realpages.REAL_URLS.is_file(), reason=realpages.MISSING_REASON)

MIN_RATE = 0.95


@functools.cache
def rows() -> list[dict]:
    with realpages.REAL_URLS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_every_family_guess_maps_to_a_crawler_family() -> None:
    assert {r["family_guess"] for r in rows()} <= set(FAMILY_OF_GUESS)
    assert set(FAMILY_OF_GUESS.values()) <= set(FAMILIES)


@pytest.mark.parametrize("kind", ["article", "listing"])
def test_url_classification_rate(kind: str) -> None:
    wanted = [r for r in rows() if r["kind"] == kind]
    misses = [(classify_url(SPECS[FAMILY_OF_GUESS[r["family_guess"]]], r["url"]), r["url"]) for r in wanted]
    misses = [m for m in misses if m[0] != kind]
    rate = 1 - len(misses) / len(wanted)
    assert len(wanted) > 100
    assert rate >= MIN_RATE, f"{kind}: {rate:.3f}; misses:\n" + "\n".join(f"{k}\t{u}" for k, u in misses)


def test_print_and_video_views_are_never_followed_as_articles() -> None:
    views = [r["url"] for r in rows() if r["kind"] == "other" and any(
        m in r["url"] for m in ("savefile", "/video/", "nvideo", "/ban-in/", "/print/"))]
    assert len(views) >= 8
    assert [u for u in views if classify_url(SPECS[FAMILY_OF_GUESS["newspaper"]], u) == "article"] == []


def test_date_lines_are_read_right() -> None:
    dated = [r for r in rows() if r["date_line"] and r["published"]]
    wrong = [(r["date_line"], r["published"], parse_date(r["date_line"])) for r in dated]
    wrong = [w for w in wrong if (w[2] or "")[:10] != w[1]]
    assert len(dated) >= 90
    assert wrong == []


def test_no_two_real_urls_share_a_key() -> None:
    """456 distinct pages: canonicalisation must not merge any two of them."""
    urls = [r["url"] for r in rows()]
    keys = {url_key(u) for u in urls}
    assert len(keys) == len(set(urls))
