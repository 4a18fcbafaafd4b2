"""Keep every canonical fact's coverage current: mentions, articles, outlets, first report, status.

A :class:`Batch` is what the articles written in one transaction share
(``Catalogue.store_extractions``): the identity lookups already made, the
mention rows not yet written, and per fact the articles that reported it.
:func:`settle` brings the facts up to date once per batch, not once per
article:

* a fact that lost mentions (an article re-derived or deleted: ``cleared``)
  is recomputed from all its mentions, or deleted when none is left;
* a fact that only gained mentions is updated in place from what the batch
  added: one read of the current coverage of all such facts of a table, one
  ``executemany`` of the new values.  A popular unit's thousandth report
  costs what its first did, and a unit named by 300 articles of one batch
  is updated once.

Counting is the same as if the articles had been written one at a time:
``n_outlets`` grows by the sources that no other article reported the fact
from, ``first_*`` is the earliest report (:func:`first_key`), an award's
status is the furthest reported and ``proposed_on`` / ``conferred_on`` the
first day of each.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from catalog.schema_facts import FACT_TABLES

Touched = dict[str, set[int]]
Article = tuple[int, str | None, str | None]  # id, published, source
Added = dict[str, dict[int, dict[Article, list[dict[str, Any]]]]]  # table → fact → article → its mentions' attributes

SETTLE_ORDER = ("awards", "events", "cluster_roles", "people", "documents", "units")
_EXTRA = {"awards": ("status", "proposed_on", "conferred_on"), "units": ("name", "aliases"), "events": ("kinds",)}
_COVERAGE = ("n_mentions", "n_articles", "n_outlets", "first_article_id", "first_published", "first_source")
_IN_CHUNK = 500


def no_touched() -> Touched:
    return {t: set() for t in FACT_TABLES}


@dataclass
class Batch:
    """The articles written in one transaction: shared lookups, pending mention rows, coverage to settle."""

    db: sqlite_utils.Database
    # (table, identity values) → (fact id, columns known to be filled): a fact found once is not looked up again
    ids: dict[tuple[str, tuple[Any, ...]], tuple[int, frozenset[str]]] = field(default_factory=dict)
    rows: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = field(default_factory=dict)  # mention rows to insert
    added: Added = field(default_factory=dict)
    created: Touched = field(default_factory=no_touched)  # facts created by the batch
    cleared: Touched = field(default_factory=no_touched)  # facts that lost an article's mentions
    old_clusters: set[int] = field(default_factory=set)  # clusters that lost mentions (may be orphans)
    campaigns: set[int] = field(default_factory=set)  # campaigns whose canonical name may change
    campaign_names: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (campaign, variant)
    variant_mentions: Counter[int] = field(default_factory=Counter)  # variant → articles that named it
    articles: set[int] = field(default_factory=set)

    def row(self, table: str, cols: dict[str, Any]) -> None:
        """Queue one mention row of ``table``."""
        self.rows.setdefault((table, tuple(cols)), []).append(list(cols.values()))

    def flush(self, only: str | None = None) -> None:
        """Write the queued mention rows (of table ``only``): one executemany per table and column set."""
        for (table, cols) in [k for k in self.rows if only is None or k[0] == only]:
            self.db.conn.executemany(f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) VALUES "
                                     f"({', '.join('?' * len(cols))})", self.rows.pop((table, cols)))


def find_or_insert(db: sqlite_utils.Database, table: str, where: dict[str, Any], row: dict[str, Any]) -> tuple[int, bool]:
    """(id, created) of the row matching ``where`` (IS-equality), inserted with ``row`` when there is none;
    an existing row gets its empty columns filled from ``row``."""
    cols = [c for c, v in row.items() if v is not None]
    cond = " AND ".join(f"{_q(c)} IS ?" for c in where)
    hit = db.execute(f"SELECT {', '.join(['id', *map(_q, cols)])} FROM {table} WHERE {cond}",
                     list(where.values())).fetchone()
    if hit is None:
        full = {**where, **row}
        return int(db.execute(f"INSERT INTO {table} ({', '.join(_q(c) for c in full)}) VALUES "
                              f"({', '.join('?' * len(full))})", list(full.values())).lastrowid), True
    fills = {c: row[c] for c, have in zip(cols, hit[1:], strict=True) if have is None}
    if fills:
        db.execute(f"UPDATE {table} SET {', '.join(f'{_q(k)} = ?' for k in fills)} WHERE id = ?",
                   [*fills.values(), hit[0]])
    return int(hit[0]), False


def clear_mentions(db: sqlite_utils.Database, article_id: int) -> Touched:
    """Delete one article's mentions of canonical facts; returns the facts they pointed to."""
    touched = no_touched()
    for table, (mentions, fk) in FACT_TABLES.items():
        touched[table] = {r[0] for r in db.execute(f"SELECT DISTINCT {fk} FROM {mentions} WHERE article_id = ?",
                                                   [article_id])}
        if touched[table]:
            db.execute(f"DELETE FROM {mentions} WHERE article_id = ?", [article_id])
    return touched


def settle(db: sqlite_utils.Database, cleared: Touched, batch: Batch | None = None) -> None:
    """Delete facts left without mentions and bring the coverage (award status, unit names…) of the rest up to date.

    ``cleared`` facts lost mentions (or may have): they are recomputed from all their mentions.  Facts that only
    gained the mentions the ``batch`` added are updated in place, without reading their other mentions.
    Call after ``batch.flush()``.
    """
    for table in SETTLE_ORDER:
        gone = cleared.get(table, set())
        for fact_id in sorted(gone):
            _recompute(db, table, fact_id)
        if batch is not None:
            grown = {f: arts for f, arts in batch.added.get(table, {}).items() if f not in gone}
            if grown:
                _add_articles(db, table, grown, batch.articles)


def first_key(row: tuple[int | None, str | None, str | None]) -> tuple[bool, str, bool, str, int]:
    """Order of reports: dated first, by day; on one day a report with a time before one without; then id."""
    article_id, published = row[0] or 0, row[1] or ""
    return (not published, published[:10], len(published) <= 10, published, article_id)


def _recompute(db: sqlite_utils.Database, table: str, fact_id: int) -> None:
    mentions, fk = FACT_TABLES[table]
    rows = db.execute(
        f"SELECT m.article_id, a.published, a.source_id FROM {mentions} m JOIN articles a ON a.id = m.article_id"
        f" WHERE m.{fk} = ?", [fact_id]).fetchall()
    if not rows:
        db.execute(f"DELETE FROM {table} WHERE id = ?", [fact_id])
        return
    first = min(rows, key=first_key)
    db.execute(f"UPDATE {table} SET n_mentions = ?, n_articles = ?, n_outlets = ?, first_article_id = ?,"
               " first_published = ?, first_source = ? WHERE id = ?",
               [len(rows), len({r[0] for r in rows}), len({r[2] for r in rows}), first[0], first[1], first[2],
                fact_id])
    if table == "awards":
        _settle_award(db, fact_id)
    elif table == "units":
        _settle_unit(db, fact_id)
    elif table == "events":
        _settle_event(db, fact_id)


def _add_articles(db: sqlite_utils.Database, table: str, grown: dict[int, dict[Article, list[dict[str, Any]]]],
                  articles: set[int]) -> None:
    """Count the articles (of the batch ``articles``) that reported each fact for the first time."""
    mentions, fk = FACT_TABLES[table]
    extra = _EXTRA.get(table, ())
    cols = (*_COVERAGE, *extra)
    ids = sorted(grown)
    current: dict[int, tuple[Any, ...]] = {}
    for i in range(0, len(ids), _IN_CHUNK):
        current.update((r[0], r[1:]) for r in db.execute(
            f"SELECT id, {', '.join(cols)} FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids[i:i + _IN_CHUNK])]))
    # (fact, source) pairs that an article outside the batch reported: every mention from a batch article is new
    pairs = sorted({(f, a[2]) for f in ids if f in current and current[f][0] for a in grown[f]}, key=repr)
    reported = {(f, s) for f, s in db.execute(
        f"SELECT json_extract(p.value, '$[0]'), json_extract(p.value, '$[1]') FROM json_each(?) p WHERE EXISTS"
        f" (SELECT 1 FROM {mentions} m WHERE m.{fk} = json_extract(p.value, '$[0]')"
        " AND m.source_id IS json_extract(p.value, '$[1]')"
        " AND m.article_id NOT IN (SELECT value FROM json_each(?)))",
        [json.dumps(pairs, ensure_ascii=False), json.dumps(sorted(articles))])} if pairs else set()
    updates = []
    for fact_id in ids:
        if fact_id not in current:
            continue
        state = dict(zip(cols, current[fact_id], strict=True))
        per_article = grown[fact_id]
        reporters = list(per_article)
        sources = {a[2] for a in reporters}
        n_new = sum(len(m) for m in per_article.values())
        first = min(reporters, key=first_key)
        if state["n_mentions"] == 0:  # a new fact: these articles are all its coverage
            state.update(n_mentions=n_new, n_articles=len(reporters), n_outlets=len(sources))
            state.update(zip(_COVERAGE[3:], first, strict=True))
        else:
            fresh_sources = sum(1 for s in sources if (fact_id, s) not in reported)
            state.update(n_mentions=state["n_mentions"] + n_new, n_articles=state["n_articles"] + len(reporters),
                         n_outlets=state["n_outlets"] + fresh_sources)
            if first_key(first) < first_key((state["first_article_id"], state["first_published"], None)):
                state.update(zip(_COVERAGE[3:], first, strict=True))
        if extend := _EXTEND.get(table):
            extend(state, per_article)
        updates.append([*(state[c] for c in cols), fact_id])
    db.conn.executemany(f"UPDATE {table} SET {', '.join(f'{_q(c)} = ?' for c in cols)} WHERE id = ?", updates)


def _extend_award(state: dict[str, Any], per_article: dict[Article, list[dict[str, Any]]]) -> None:
    for (_, published, _), new in per_article.items():
        said = {m.get("status") for m in new}
        day = (published or "")[:10] or None
        for status, col in (("proposed", "proposed_on"), ("conferred", "conferred_on")):
            if status in said and day and (state[col] is None or day < state[col]):
                state[col] = day
        if "conferred" in said:
            state["status"] = "conferred"
        elif "proposed" in said and state["status"] != "conferred":
            state["status"] = "proposed"


def _extend_unit(state: dict[str, Any], per_article: dict[Article, list[dict[str, Any]]]) -> None:
    names = set(state["aliases"].split(" | ")) if state["aliases"] else set()
    names |= {m["alias"] for new in per_article.values() for m in new}
    ordered = sorted(names, key=lambda a: (-len(a), a))
    state.update(name=ordered[0], aliases=" | ".join(ordered))


def _extend_event(state: dict[str, Any], per_article: dict[Article, list[dict[str, Any]]]) -> None:
    kinds = json.loads(state["kinds"] or "[]")
    more = [k for new in per_article.values() for m in new for k in json.loads(m.get("kinds") or "[]")
            if k not in kinds]
    if more:
        state["kinds"] = json.dumps(kinds + list(dict.fromkeys(more)), ensure_ascii=False)


_EXTEND = {"awards": _extend_award, "units": _extend_unit, "events": _extend_event}


def _settle_award(db: sqlite_utils.Database, award_id: int) -> None:
    firsts = dict(db.execute(
        "SELECT m.status, min(substr(a.published, 1, 10)) FROM award_mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.award_id = ? AND m.status IS NOT NULL GROUP BY m.status", [award_id]).fetchall())
    statuses = {s for (s,) in db.execute("SELECT DISTINCT status FROM award_mentions WHERE award_id = ?", [award_id])}
    status = "conferred" if "conferred" in statuses else "proposed" if "proposed" in statuses else None
    db.execute("UPDATE awards SET status = ?, proposed_on = ?, conferred_on = ? WHERE id = ?",
               [status, firsts.get("proposed"), firsts.get("conferred"), award_id])


def _settle_unit(db: sqlite_utils.Database, unit_id: int) -> None:
    aliases = sorted({r[0] for r in db.execute("SELECT alias FROM unit_mentions WHERE unit_id = ?", [unit_id])},
                     key=lambda a: (-len(a), a))
    db.execute("UPDATE units SET name = ?, aliases = ? WHERE id = ?", [aliases[0], " | ".join(aliases), unit_id])


def _settle_event(db: sqlite_utils.Database, event_id: int) -> None:
    kinds: list[str] = []
    for (k,) in db.execute("SELECT kinds FROM event_mentions WHERE event_id = ? ORDER BY id", [event_id]):
        kinds += [x for x in json.loads(k or "[]") if x not in kinds]
    db.execute("UPDATE events SET kinds = ?, kind = coalesce(kind, ?) WHERE id = ?",
               [json.dumps(kinds, ensure_ascii=False), kinds[0] if kinds else None, event_id])


def _q(col: str) -> str:
    return f'"{col}"'
