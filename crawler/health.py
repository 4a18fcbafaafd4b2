"""Per-site health after each crawl: how a team learns that a portal changed its template.

Each crawl counts, per site, the pages fetched, the requests that failed, the
articles parsed (with a date, with a title), stored (new / changed /
unchanged) and the CMS family each page's fingerprints point to.  From those
counts and the site's previous report :func:`assess` raises flags:

* ``no_articles`` — the site yielded no article at all this run;
* ``lost_dates`` / ``lost_titles`` — articles were parsed but none had a date
  (a title), e.g. the date element was renamed;
* ``changed_family`` — most pages no longer look like the configured family
  (for a site configured ``generic``: like last run's), e.g. a Liferay portal
  moved to a new CMS;
* ``high_error_rate`` — at least ``ERROR_RATE`` of the site's requests failed.

:func:`record_health` stores one ``site_health`` row per site and run (flags
empty for a healthy site) and returns the reports; the crawl summary prints
the flagged ones.

>>> from collections import Counter
>>> r = assess("gialai", "custom_cms", Counter(pages_fetched=9, parsed=4, dated=0, titled=4, new=4,
...            **{"family:custom_cms": 9}), previous={"dated": 3, "detected_family": "custom_cms"})
>>> r["flags"], r["message"]
(['lost_dates'], 'gialai: none of 4 articles has a date (3 had one last run)')
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from catalog.store import Catalogue, now_iso

from .sites import Site

#: Share of failed requests (errors / requests) that flags a site, once it has MIN_ERRORS errors.
ERROR_RATE = 0.25
MIN_ERRORS = 3
#: Pages fingerprinted before the family is judged.
MIN_PAGES_FOR_FAMILY = 2
FLAGS = ("no_articles", "lost_dates", "lost_titles", "changed_family", "high_error_rate")


def detected_family(counts: Counter) -> str | None:
    """The family most of the site's pages fingerprinted as, or None with too few pages."""
    families = Counter({k.removeprefix("family:"): v for k, v in counts.items() if k.startswith("family:")})
    if sum(families.values()) < MIN_PAGES_FOR_FAMILY:
        return None
    return families.most_common(1)[0][0]


def assess(site_id: str, family: str, counts: Counter, previous: dict | None = None) -> dict[str, Any]:
    """The health report of one site for one run: its counts, flags and a one-line message."""
    articles = sum(counts.get(k, 0) for k in ("new", "changed", "unchanged"))
    parsed, dated, titled = counts.get("parsed", 0), counts.get("dated", 0), counts.get("titled", 0)
    errors = counts.get("errors", 0)
    requests = counts.get("pages_fetched", 0) + counts.get("requests_failed", 0)
    detected = detected_family(counts)
    flags: list[str] = []
    notes: list[str] = []
    before = previous or {}
    if articles == 0:
        flags.append("no_articles")
        was = f" ({before['articles']} last run)" if before.get("articles") else ""
        notes.append(f"no articles{was}")
    if parsed and not dated:
        flags.append("lost_dates")
        was = f" ({before['dated']} had one last run)" if before.get("dated") else ""
        notes.append(f"none of {parsed} articles has a date{was}")
    if parsed and not titled:
        flags.append("lost_titles")
        notes.append(f"none of {parsed} articles has a title")
    expected = before.get("detected_family") if family == "generic" else family  # generic: compare with last run
    if detected and expected and detected != expected:
        flags.append("changed_family")
        notes.append(f"pages look like {detected}, not {expected}")
    if errors >= MIN_ERRORS and requests and errors / requests >= ERROR_RATE:
        flags.append("high_error_rate")
        notes.append(f"{errors} of {requests} requests failed")
    return {
        "source_id": site_id, "family": family, "detected_family": detected, "pages": counts.get("pages_fetched", 0),
        "requests": requests, "errors": errors, "articles": articles, "new": counts.get("new", 0), "parsed": parsed,
        "dated": dated, "titled": titled, "flags": flags,
        "message": f"{site_id}: " + "; ".join(notes) if notes else "",
    }


def _previous(cat: Catalogue, site_id: str, run_id: int) -> dict | None:
    row = cat.db.execute(
        "SELECT articles, dated, detected_family FROM site_health WHERE source_id = ? AND run_id < ? "
        "ORDER BY run_id DESC LIMIT 1", [site_id, run_id]).fetchone()
    return {"articles": row[0], "dated": row[1], "detected_family": row[2]} if row else None


def record_health(cat: Catalogue, run_id: int, sites: list[Site], counts: dict[str, dict]) -> list[dict]:
    """Assess every crawled site, store one ``site_health`` row each for ``run_id``; return the reports."""
    reports = []
    for site in sites:
        report = assess(site.id, site.family, Counter(counts.get(site.id, {})), _previous(cat, site.id, run_id))
        reports.append(report)
    rows = [{**r, "run_id": run_id, "flags": ",".join(r["flags"]), "checked_at": now_iso()} for r in reports]
    with cat.db.atomic():
        cat.db.execute("DELETE FROM site_health WHERE run_id = ?", [run_id])  # a resumed run reports once
        if rows:
            cat.db["site_health"].insert_all(rows)
    return reports


def health_summary(reports: list[dict]) -> str:
    """One line per flagged site after a short count, or "site health: N sites ok".

    >>> health_summary([{"source_id": "a", "flags": [], "message": ""},
    ...                 {"source_id": "b", "flags": ["no_articles"], "message": "b: no articles"}])
    'site health: 1 ok, 1 flagged\\n  ! b: no articles'
    """
    flagged = [r for r in reports if r["flags"]]
    head = f"site health: {len(reports) - len(flagged)} ok" + (f", {len(flagged)} flagged" if flagged else "")
    return "\n".join([head] + [f"  ! {r['message']}" for r in flagged])
