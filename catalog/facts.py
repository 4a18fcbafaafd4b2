"""Write canonical facts: find or create each fact by its identity, record the mention, keep coverage current.

One :class:`FactWriter` per article and record.  Loading is idempotent by
construction: a fact is found by its identity (see :mod:`catalog.identity`
and :data:`catalog.schema_facts.IDENTITY`), so loading an article twice, or
a copy from another outlet, adds mentions, never facts.  Re-deriving an
article (new extractor version, revised text) first removes its own mentions
(:func:`clear_mentions`), writes the new ones, then :func:`settle` deletes
the facts left without any mention and recomputes the coverage and status of
every fact it touched.

>>> from catalog.store import Catalogue
>>> cat = Catalogue(":memory:")
>>> for url, source in (("https://a.gov.vn/1", "a"), ("https://b.gov.vn/1", "b")):
...     _ = cat.upsert_article({"url": url, "source": source, "text": "Sở TT&TT Gia Lai đón nhận Cờ thi đua."}, None)
>>> cat.store_extraction(1, {"awards": [{"award": "Cờ thi đua", "recipient": "Sở TT&TT Gia Lai",
...     "level": "ministry", "for_year": 2020, "status": "conferred"}]}, "1")
True
>>> cat.store_extraction(2, {"awards": [{"award": "Cờ thi đua", "province": "Gia Lai", "level": "ministry",
...     "recipient": "Sở Thông tin và Truyền thông tỉnh Gia Lai", "for_year": 2020, "status": "conferred"}]}, "1")
True
>>> cat.db.execute("select count(*), sum(n_mentions), max(n_outlets) from awards").fetchone()
(1, 2, 2)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import sqlite_utils

from catalog import stories
from catalog.identity import (
    award_key,
    document_key,
    kinds_overlap,
    name_key,
    place_key,
    window,
)
from catalog.provinces import ProvinceIndex
from catalog.records import as_date, as_int
from catalog.schema_facts import FACT_TABLES
from catalog.units import UnitIndex, is_unit_name, split_position
from extract.normalize import fold, match_key
from extract.normalize import normalize_name as _normalize_name

normalize_name = lru_cache(maxsize=65536)(_normalize_name)  # names repeat across a catalogue
Touched = dict[str, set[int]]
Added = dict[str, dict[int, list[dict[str, Any]]]]


def no_touched() -> Touched:
    return {t: set() for t in FACT_TABLES}


@dataclass
class FactWriter:
    """Writes one article's canonical facts and their mentions."""

    db: sqlite_utils.Database
    article_id: int
    content_hash: str  # of the article's text, to find its story when a fact needs it
    source_id: str | None  # the article's outlet, kept on each mention
    provinces: ProvinceIndex
    units: UnitIndex
    touched: Touched = field(default_factory=no_touched)
    added: Added = field(default_factory=dict)  # table → fact id → attributes of each mention added
    _unit_ids: dict[str, int] = field(default_factory=dict)  # unit key → id, within this article
    _pending: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = field(default_factory=dict)  # mention rows
    _story_id: int | None = None
    created: Touched = field(default_factory=no_touched)  # facts this article created

    @property
    def story_id(self) -> int:
        """The article's story (syndicated copies), found on first use: only facts without an identity
        of their own (undated events, count-only awards, documents without a number) need it."""
        if self._story_id is None:
            (text,) = self.db.execute("SELECT text FROM articles WHERE id = ?", [self.article_id]).fetchone()
            self._story_id = stories.story_of(self.db, self.article_id, text, self.content_hash)
        return self._story_id

    # -- plumbing ------------------------------------------------------------------------
    def _mention(self, table: str, fact_id: int, evidence: Any, **attrs: Any) -> None:
        mentions, fk = FACT_TABLES[table]
        ev = evidence if isinstance(evidence, dict) else {}
        cols = {fk: fact_id, "article_id": self.article_id, "source_id": self.source_id,
                "sentence_index": as_int(ev.get("sentence_index")),
                "sentence": ev.get("sentence") if isinstance(ev.get("sentence"), str) else None,
                "start": as_int(ev.get("start")), "end": as_int(ev.get("end")), **attrs}
        self._pending.setdefault((mentions, tuple(cols)), []).append(list(cols.values()))
        self.touched[table].add(fact_id)
        self.added.setdefault(table, {}).setdefault(fact_id, []).append(attrs)

    def _find_or_insert(self, table: str, where: dict[str, Any], row: dict[str, Any]) -> int:
        """The id of the row matching ``where`` (IS-equality), inserted with ``row`` when there is none;
        an existing row gets its empty columns filled from ``row``."""
        cond = " AND ".join(f"{_q(c)} IS ?" for c in where)
        cols = [c for c, v in row.items() if v is not None]
        hit = self.db.execute(f"SELECT {', '.join(['id', *map(_q, cols)])} FROM {table} WHERE {cond}",
                              list(where.values())).fetchone()
        if hit is None:
            full = {**where, **row}
            fact_id = int(self.db.execute(f"INSERT INTO {table} ({', '.join(_q(c) for c in full)}) VALUES "
                                          f"({', '.join('?' * len(full))})", list(full.values())).lastrowid)
            if table in self.created:
                self.created[table].add(fact_id)
            return fact_id
        fills = {c: row[c] for c, have in zip(cols, hit[1:], strict=True) if have is None}
        if fills:
            sets = ", ".join(f"{_q(k)} = ?" for k in fills)
            self.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*fills.values(), hit[0]])
        return int(hit[0])

    def flush(self) -> None:
        """Write the mention rows gathered so far (one executemany per table)."""
        for (mentions, cols), rows in self._pending.items():
            self.db.conn.executemany(f"INSERT INTO {mentions} ({', '.join(_q(c) for c in cols)}) VALUES "
                                     f"({', '.join('?' * len(cols))})", rows)
        self._pending.clear()

    # -- units -----------------------------------------------------------------------------
    def unit(self, name: str, province: str | None, evidence: Any, as_what: str) -> int:
        """The unit named ``name`` (in ``province``), with a mention of this alias."""
        uid = self.units.identify(name, province)
        p = uid.province
        unit_id = self._unit_ids.get(uid.key)
        if unit_id is None:
            unit_id = self._unit_ids[uid.key] = self._find_or_insert("units", {"key": uid.key}, {
                "name": name, "province": p.name if p else None, "province_code": p.code if p else None,
                "province_2025": p.province_2025 if p else None})
        self._mention("units", unit_id, evidence, alias=name, as_what=as_what)
        return unit_id

    def _province_cols(self, name: str | None, fallback: Any = None) -> dict[str, str | None]:
        cols = self.provinces.columns(name)
        if cols["province"] is None and fallback is not None:
            return {"province": fallback.name, "province_code": fallback.code, "province_2025": fallback.province_2025}
        return cols

    # -- awards ------------------------------------------------------------------------------
    def award(self, w: dict[str, Any]) -> int | None:
        award = normalize_name(w.get("award"))
        if not award:
            return None
        level, year, count = w.get("level"), as_int(w.get("for_year")), as_int(w.get("count"))
        recipient = normalize_name(w.get("recipient"))
        ev = w.get("evidence")
        unit_id = None
        story_id = None
        if recipient:
            uid = self.units.identify(recipient, w.get("province"))
            cols = self._province_cols(w.get("province"), uid.province)
            key = award_key("r:" + uid.key, award, level, year)
            if is_unit_name(recipient):
                unit_id = self.unit(recipient, w.get("province"), ev, "recipient")
        else:  # a count only: one award only inside the copies of one story
            cols = self._province_cols(w.get("province"))
            story_id = self.story_id
            key = award_key(f"s:{self.story_id}|{count or ''}|{cols['province_code'] or cols['province'] or ''}",
                            award, level, year)
        award_id = self._find_or_insert("awards", {"key": key}, {
            "award": award, "level": level, "conferred_by": normalize_name(w.get("conferred_by")),
            "recipient": recipient, "unit_id": unit_id, **cols, "count": count, "for_year": year,
            "story_id": story_id})
        status = w.get("status") if w.get("status") in ("proposed", "conferred") else None
        self._mention("awards", award_id, ev, status=status, recipient=recipient,
                      conferred_by=normalize_name(w.get("conferred_by")))
        return award_id

    # -- events ------------------------------------------------------------------------------
    def event(self, e: dict[str, Any], cluster_id: int | None) -> int:
        kinds = [k for k in e.get("kinds") or [] if isinstance(k, str)]
        date = as_date(e.get("date"))
        place = normalize_name(e.get("place"))
        cols = self.provinces.columns(e.get("province"))
        event_id = self._match_event(kinds, date, place, cols["province"], cluster_id)
        if event_id is None:
            event_id = int(self.db.execute(
                "INSERT INTO events (kind, kinds, date, place, province, province_code, province_2025, cluster_id,"
                " story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [kinds[0] if kinds else None, json.dumps(kinds, ensure_ascii=False), date, place, *cols.values(),
                 cluster_id, None if date else self.story_id]).lastrowid)
            self.created["events"].add(event_id)
        elif cluster_id is not None:
            self.db.execute("UPDATE events SET cluster_id = coalesce(cluster_id, ?) WHERE id = ?", [cluster_id, event_id])
        self._mention("events", event_id, e.get("evidence"), kinds=json.dumps(kinds, ensure_ascii=False),
                      date=date or (e.get("date") if isinstance(e.get("date"), str) else None), place=place)
        return event_id

    def _match_event(self, kinds: list[str], date: str | None, place: str | None, province: str | None,
                     cluster_id: int | None) -> int | None:
        if date:
            lo, hi = window(date)
            rows = self.db.execute("SELECT id, kinds, date, cluster_id, place FROM events WHERE province IS ?"
                                   " AND date BETWEEN ? AND ?", [province, lo, hi]).fetchall()
        else:
            rows = self.db.execute("SELECT id, kinds, date, cluster_id, place FROM events WHERE story_id = ?"
                                   " AND date IS NULL AND province IS ?", [self.story_id, province]).fetchall()
        best: tuple[tuple[int, int, int], int] | None = None
        for eid, their_kinds, their_date, their_cluster, their_place in rows:
            if not kinds_overlap(kinds, json.loads(their_kinds or "[]")):
                continue
            if cluster_id is not None and their_cluster is not None and cluster_id != their_cluster:
                continue
            if province is None and place_key(place) != place_key(their_place):
                continue
            gap = abs(_days(date) - _days(their_date)) if date else 0
            rank = (0 if their_cluster == cluster_id else 1, gap, eid)
            if best is None or rank < best[0]:
                best = (rank, eid)
        return best[1] if best else None

    # -- cluster roles -----------------------------------------------------------------------
    def role(self, cluster_id: int, r: dict[str, Any], fallback_evidence: Any) -> int | None:
        if not r.get("role"):
            return None
        unit = normalize_name(r.get("unit"))
        ev = r.get("evidence") or fallback_evidence
        unit_id = None
        if unit:
            uid = self.units.identify(unit, r.get("province"))
            unit_key, cols = uid.key, self._province_cols(r.get("province"), uid.province)
            unit_id = self.unit(unit, r.get("province"), ev, "cluster role")
        else:
            cols = self.provinces.columns(r.get("province"))
            unit_key = f"|{cols['province_code'] or match_key(cols['province'])}"
        role_id = self._find_or_insert(
            "cluster_roles", {"cluster_id": cluster_id, "role": r["role"], "unit_key": unit_key,
                              "year": as_int(r.get("year"))},
            {"unit": unit, "unit_id": unit_id, **cols})
        self._mention("cluster_roles", role_id, ev, unit=unit)
        return role_id

    # -- people --------------------------------------------------------------------------------
    def person(self, p: dict[str, Any]) -> int | None:
        name = normalize_name(p.get("name"))
        if not name:
            return None
        position = normalize_name(p.get("position"))
        title, unit_name = split_position(position)
        ev = p.get("evidence")
        unit_id, province = None, None
        if unit_name:
            province = self.units.identify(unit_name).province
            unit_id = self.unit(unit_name, None, ev, "position")
        nkey = name_key(name)
        person_id = None
        if province is None:
            person_id = self._person_without_province(nkey, unit_id)
        if person_id is None:
            person_id = self._find_or_insert("people", {"key": f"{nkey}|{province.code if province else ''}"}, {
                "name": name, "name_key": nkey, "province": province.name if province else None,
                "province_code": province.code if province else None,
                "province_2025": province.province_2025 if province else None})
        self._mention("people", person_id, ev, name=name, position=position, title=title, unit_id=unit_id)
        return person_id

    def _person_without_province(self, nkey: str, unit_id: int | None) -> int | None:
        """A same-name person holding the same unit, else the only same-name person, else None."""
        self.flush()  # this article's earlier mentions count too
        if unit_id is not None:
            row = self.db.execute("SELECT p.id FROM people p JOIN person_mentions m ON m.person_id = p.id"
                                  " WHERE p.name_key = ? AND m.unit_id = ? ORDER BY p.id LIMIT 1",
                                  [nkey, unit_id]).fetchone()
            if row:
                return int(row[0])
        rows = self.db.execute("SELECT id FROM people WHERE name_key = ? LIMIT 2", [nkey]).fetchall()
        return int(rows[0][0]) if len(rows) == 1 else None

    # -- documents ---------------------------------------------------------------------------
    def document(self, d: dict[str, Any]) -> int | None:
        number = normalize_name(d.get("number")) if isinstance(d.get("number"), str) else None
        kind = normalize_name(d.get("kind")) if isinstance(d.get("kind"), str) else None
        date = as_date(d.get("date"))
        if not number and not kind:
            return None
        if number:
            key, story_id = "n:" + document_key(number), None
        else:
            key, story_id = f"s:{self.story_id}|{fold(match_key(kind))}|{date or ''}", self.story_id
        doc_id = self._find_or_insert("documents", {"key": key},
                                      {"kind": kind, "number": number, "date": date, "story_id": story_id})
        self._mention("documents", doc_id, d.get("evidence"), kind=kind, number=number, date=date)
        return doc_id


def _q(col: str) -> str:
    return f'"{col}"'


def _days(date: str | None) -> int:
    import datetime as dt

    return dt.date.fromisoformat(date).toordinal() if date else 0


# -- removing and settling -------------------------------------------------------------------------
def clear_mentions(db: sqlite_utils.Database, article_id: int) -> Touched:
    """Delete one article's mentions of canonical facts; returns the facts they pointed to."""
    touched = no_touched()
    for table, (mentions, fk) in FACT_TABLES.items():
        touched[table] = {r[0] for r in db.execute(f"SELECT DISTINCT {fk} FROM {mentions} WHERE article_id = ?",
                                                   [article_id])}
        if touched[table]:
            db.execute(f"DELETE FROM {mentions} WHERE article_id = ?", [article_id])
    return touched


_SETTLE_ORDER = ("awards", "events", "cluster_roles", "people", "documents", "units")


def settle(db: sqlite_utils.Database, touched: Touched, added: Added | None = None,
           article: tuple[int, str | None, str | None] | None = None, created: Touched | None = None) -> None:
    """Delete facts left without mentions and bring the coverage (award status, unit names…) of the rest up to date.

    ``touched`` facts lost mentions (or may have): they are recomputed from all their mentions.  Facts that
    only gained the mentions in ``added`` from ``article`` (id, published, source) are updated in place,
    without reading their other mentions: a popular unit's thousandth report costs what its first did.
    """
    added = added or {}
    for table in _SETTLE_ORDER:
        for fact_id in sorted(touched.get(table, ())):
            _recompute(db, table, fact_id)
        if article is None:
            continue
        fresh = (created or {}).get(table, set())
        for fact_id, new in added.get(table, {}).items():
            if fact_id not in touched.get(table, ()):
                _add_article(db, table, fact_id, new, article, fact_id in fresh)


def _recompute(db: sqlite_utils.Database, table: str, fact_id: int) -> None:
    mentions, fk = FACT_TABLES[table]
    rows = db.execute(
        f"SELECT m.article_id, a.published, a.source_id FROM {mentions} m JOIN articles a ON a.id = m.article_id"
        f" WHERE m.{fk} = ?", [fact_id]).fetchall()
    if not rows:
        db.execute(f"DELETE FROM {table} WHERE id = ?", [fact_id])
        return
    first = min(rows, key=_first_key)
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


_EXTRA = {"awards": ("status", "proposed_on", "conferred_on"), "units": ("aliases",), "events": ("kinds",)}


def _add_article(db: sqlite_utils.Database, table: str, fact_id: int, new: list[dict[str, Any]],
                 article: tuple[int, str | None, str | None], fresh: bool = False) -> None:
    """Count one more article's mentions of a fact (the article reported it for the first time).

    ``fresh``: the article created the fact, so nothing needs reading first.
    """
    mentions, fk = FACT_TABLES[table]
    article_id, published, source = article
    extra = _EXTRA.get(table, ())
    if fresh:
        row = (0, 0, 0, None, None, *(new[0].get("kinds") if c == "kinds" else None for c in extra))
    else:
        row = db.execute(f"SELECT n_mentions, n_articles, n_outlets, first_article_id, first_published"
                         f"{''.join(', ' + c for c in extra)} FROM {table} WHERE id = ?", [fact_id]).fetchone()
    sets: dict[str, Any] = {}
    if row[0] == 0:  # a new fact: this article is all its coverage
        sets.update(n_mentions=len(new), n_articles=1, n_outlets=1, first_article_id=article_id,
                    first_published=published, first_source=source)
    else:
        sets.update(n_mentions=row[0] + len(new), n_articles=row[1] + 1)
        if _first_key((article_id, published, source)) < _first_key((row[3], row[4], None)):
            sets.update(first_article_id=article_id, first_published=published, first_source=source)
    current = dict(zip(extra, row[5:], strict=True))
    day = (published or "")[:10] or None
    if table == "awards":
        said = {m.get("status") for m in new}
        for status, col in (("proposed", "proposed_on"), ("conferred", "conferred_on")):
            if status in said and day and (current[col] is None or day < current[col]):
                sets[col] = day
        status = "conferred" if "conferred" in said or current["status"] == "conferred" else \
            "proposed" if "proposed" in said or current["status"] == "proposed" else None
        if status != current["status"]:
            sets["status"] = status
    elif table == "units":
        names = set(current["aliases"].split(" | ")) if current["aliases"] else set()
        if not {m["alias"] for m in new} <= names:
            ordered = sorted(names | {m["alias"] for m in new}, key=lambda a: (-len(a), a))
            sets.update(name=ordered[0], aliases=" | ".join(ordered))
    elif table == "events":
        kinds = json.loads(current["kinds"] or "[]")
        more = [k for m in new for k in json.loads(m.get("kinds") or "[]") if k not in kinds]
        if more:
            sets["kinds"] = json.dumps(kinds + list(dict.fromkeys(more)), ensure_ascii=False)
    outlets = "" if row[0] == 0 else (  # one more outlet unless another article of this source reported it
        f", n_outlets = n_outlets + NOT EXISTS (SELECT 1 FROM {mentions} WHERE {fk} = ? AND source_id IS ?"
        f" AND article_id != ?)")
    db.execute(f"UPDATE {table} SET {', '.join(f'{_q(c)} = ?' for c in sets)}{outlets} WHERE id = ?",
               [*sets.values(), *([fact_id, source, article_id] if outlets else []), fact_id])


def _first_key(row: tuple[int | None, str | None, str | None]) -> tuple[bool, str, bool, str, int]:
    """Order of reports: dated first, by day; on one day a report with a time before one without; then id."""
    article_id, published = row[0] or 0, row[1] or ""
    return (not published, published[:10], len(published) <= 10, published, article_id)


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
