"""Write canonical facts: find or create each fact by its identity, record the mention.

One :class:`FactWriter` per article and record, inside a
:class:`catalog.coverage.Batch` (the articles written in one transaction).
Loading is idempotent by construction: a fact is found by its identity (see
:mod:`catalog.identity` and :data:`catalog.schema_facts.IDENTITY`), so
loading an article twice, or a copy from another outlet, adds mentions,
never facts.  Re-deriving an article (new extractor version, revised text)
first removes its own mentions (:func:`catalog.coverage.clear_mentions`),
writes the new ones, then :func:`catalog.coverage.settle` deletes the facts
left without any mention and brings the coverage and status of every fact
the batch touched up to date.

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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlite_utils

from catalog import stories
from catalog.coverage import Batch, Touched, find_or_insert
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


@dataclass
class FactWriter:
    """Writes one article's canonical facts and their mentions."""

    db: sqlite_utils.Database
    article_id: int
    content_hash: str  # of the article's text, to find its story when a fact needs it
    source_id: str | None  # the article's outlet, kept on each mention
    provinces: ProvinceIndex
    units: UnitIndex
    published: str | None = None  # of the article, for the first report of each fact
    batch: Batch | None = None  # the transaction's batch; a writer of its own when None (settle it yourself)
    _story_id: int | None = None

    def __post_init__(self) -> None:
        if self.batch is None:
            self.batch = Batch(self.db)

    @property
    def touched(self) -> Touched:
        """The facts this writer's batch mentioned so far."""
        assert self.batch is not None
        return {t: set(self.batch.added.get(t, {})) for t in FACT_TABLES}

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
        assert self.batch is not None
        mentions, fk = FACT_TABLES[table]
        ev = evidence if isinstance(evidence, dict) else {}
        self.batch.row(mentions, {
            fk: fact_id, "article_id": self.article_id, "source_id": self.source_id,
            "sentence_index": as_int(ev.get("sentence_index")),
            "sentence": ev.get("sentence") if isinstance(ev.get("sentence"), str) else None,
            "start": as_int(ev.get("start")), "end": as_int(ev.get("end")), **attrs})
        article = (self.article_id, self.published, self.source_id)
        self.batch.added.setdefault(table, {}).setdefault(fact_id, {}).setdefault(article, []).append(attrs)

    def _find_or_insert(self, table: str, where: dict[str, Any], row: dict[str, Any]) -> int:
        """The id of the row matching ``where`` (IS-equality), inserted with ``row`` when there is none;
        an existing row gets its empty columns filled from ``row``.  Within a batch a fact found once is
        not looked up again unless ``row`` could fill a column not known to be filled."""
        assert self.batch is not None
        cache_key = (table, tuple(where.values()))
        cols = [c for c, v in row.items() if v is not None]
        known = self.batch.ids.get(cache_key)
        if known is not None and known[1].issuperset(cols):
            return known[0]
        fact_id, created = find_or_insert(self.db, table, where, row)
        if created:
            self.batch.created.setdefault(table, set()).add(fact_id)
        self.batch.ids[cache_key] = (fact_id, frozenset(cols) | (known[1] if known else frozenset()))
        return fact_id

    def flush(self) -> None:
        """Write the mention rows queued so far."""
        assert self.batch is not None
        self.batch.flush()

    # -- units -----------------------------------------------------------------------------
    def unit(self, name: str, province: str | None, evidence: Any, as_what: str) -> int:
        """The unit named ``name`` (in ``province``), with a mention of this alias."""
        uid = self.units.identify(name, province)
        p = uid.province
        unit_id = self._find_or_insert("units", {"key": uid.key}, {
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
        event_id, their_kinds = self._match_event(kinds, date, place, cols["province"], cluster_id)
        if event_id is None:
            event_id = int(self.db.execute(
                "INSERT INTO events (kind, kinds, date, place, province, province_code, province_2025, cluster_id,"
                " story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [kinds[0] if kinds else None, json.dumps(kinds, ensure_ascii=False), date, place, *cols.values(),
                 cluster_id, None if date else self.story_id]).lastrowid)
            assert self.batch is not None
            self.batch.created["events"].add(event_id)
        else:
            if cluster_id is not None:
                self.db.execute("UPDATE events SET cluster_id = coalesce(cluster_id, ?) WHERE id = ?",
                                [cluster_id, event_id])
            if more := [k for k in kinds if k not in their_kinds]:  # the next report matches on these kinds too
                self.db.execute("UPDATE events SET kinds = ? WHERE id = ?",
                                [json.dumps(their_kinds + more, ensure_ascii=False), event_id])
        self._mention("events", event_id, e.get("evidence"), kinds=json.dumps(kinds, ensure_ascii=False),
                      date=date or (e.get("date") if isinstance(e.get("date"), str) else None), place=place)
        return event_id

    def _match_event(self, kinds: list[str], date: str | None, place: str | None, province: str | None,
                     cluster_id: int | None) -> tuple[int | None, list[str]]:
        """The stored event this report is of (and its kinds), else (None, [])."""
        if date:
            lo, hi = window(date)
            rows = self.db.execute("SELECT id, kinds, date, cluster_id, place FROM events WHERE province IS ?"
                                   " AND date BETWEEN ? AND ?", [province, lo, hi]).fetchall()
        else:
            rows = self.db.execute("SELECT id, kinds, date, cluster_id, place FROM events WHERE story_id = ?"
                                   " AND date IS NULL AND province IS ?", [self.story_id, province]).fetchall()
        best: tuple[tuple[int, int, int], int, list[str]] | None = None
        for eid, kinds_json, their_date, their_cluster, their_place in rows:
            their_kinds = json.loads(kinds_json or "[]")
            if not kinds_overlap(kinds, their_kinds):
                continue
            if cluster_id is not None and their_cluster is not None and cluster_id != their_cluster:
                continue
            if province is None and place_key(place) != place_key(their_place):
                continue
            gap = abs(_days(date) - _days(their_date)) if date else 0
            rank = (0 if their_cluster == cluster_id else 1, gap, eid)
            if best is None or rank < best[0]:
                best = (rank, eid, their_kinds)
        return (best[1], best[2]) if best else (None, [])

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
        assert self.batch is not None
        self.batch.flush("person_mentions")  # the batch's earlier mentions count too
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
