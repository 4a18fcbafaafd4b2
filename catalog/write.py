"""Write one extraction record for one article: replace what that article contributed before.

``replace_facts`` is the single entry point (``Catalogue.store_extractions``
calls it for each article of a batch inside one transaction, then
:func:`finish`).  Provinces, clusters, their members, campaigns and themes
are written here with their evidence in the generic ``mentions`` table;
awards, events, cluster roles, people, documents and units are canonical
facts written by :class:`catalog.facts.FactWriter`.

>>> from catalog.store import Catalogue
>>> cat = Catalogue(":memory:")
>>> _ = cat.upsert_article({"url": "file:///tmp/a.txt", "text": "Sở TTTT Gia Lai được tặng Cờ thi đua năm 2020."}, None)
>>> cat.store_extraction(1, {"provinces": ["Gia Lai"], "awards": [{"award": "Cờ thi đua", "province": "Gia Lai",
...     "recipient": "Sở TTTT Gia Lai", "for_year": 2020, "status": "conferred"}]}, "0.1.0")
True
>>> cat.db.execute("select fact_table, article_id from mentions order by id").fetchall()
[('article_provinces', 1)]
>>> cat.db.execute("select award, recipient, status, n_mentions from awards").fetchall()
[('Cờ thi đua', 'Sở TTTT Gia Lai', 'conferred', 1)]
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from catalog import campaigns, stories
from catalog.coverage import Batch, clear_mentions, find_or_insert, no_touched, settle
from catalog.facts import FactWriter
from catalog.provinces import ProvinceIndex
from catalog.records import as_int, as_year
from catalog.units import UnitIndex
from extract.normalize import match_key, normalize_name

# generic fact tables whose rows belong to one article (deleted with it) vs shared rows (garbage-collected)
ARTICLE_TABLES = ("article_provinces", "campaign_mentions", "themes")
SHARED_TABLES = ("cluster_members", "clusters")


def cluster_year(cluster: dict[str, Any], record: dict[str, Any]) -> int | None:
    """The emulation year a cluster is reported for: its roles' year, else the events', else publication.

    >>> cluster_year({"roles": [{"year": 2020}, {"year": 2020}, {"year": 2019}]}, {})
    2020
    >>> cluster_year({"roles": []}, {"events": [{"date": "2021-03-06"}], "published": "2021-03-12"})
    2021
    """
    years = Counter(y for r in cluster.get("roles") or [] if isinstance(r, dict) and (y := as_int(r.get("year"))))
    if years:
        top = max(years.values())
        return max(y for y, n in years.items() if n == top)
    ev_years = [y for e in record.get("events") or [] if isinstance(e, dict) and (y := as_year(e.get("date")))]
    if ev_years:
        return max(ev_years)
    return as_year(record.get("published"))


@dataclass
class _Writer:
    db: sqlite_utils.Database
    article_id: int
    provinces: ProvinceIndex
    facts: FactWriter
    batch: Batch
    cluster_ids: list[int] = field(default_factory=list)

    def mention(self, table: str, fact_id: int, evidence: Any) -> None:
        ev = evidence if isinstance(evidence, dict) else {}
        self.batch.row("mentions", {
            "fact_table": table, "fact_id": fact_id, "article_id": self.article_id,
            "sentence_index": as_int(ev.get("sentence_index")), "sentence": ev.get("sentence"),
            "start": as_int(ev.get("start")), "end": as_int(ev.get("end"))})

    def insert(self, table: str, row: dict[str, Any], evidence: Any) -> int:
        cols = ", ".join(f'"{c}"' for c in row)
        cur = self.db.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        fact_id = int(cur.lastrowid)
        self.mention(table, fact_id, evidence)
        return fact_id

    def shared(self, table: str, unique: dict[str, Any], extra: dict[str, Any], evidence: Any) -> int:
        """Insert-or-find a shared row by its unique columns, fill its empty columns, add a mention."""
        fact_id, _ = find_or_insert(self.db, table, unique, extra)
        self.mention(table, fact_id, evidence)
        return fact_id

    # -- per field ---------------------------------------------------------------------
    def provinces_(self, record: dict[str, Any]) -> None:
        evidence = record.get("province_evidence") or []
        seen: set[str] = set()
        rows: list[tuple[dict[str, Any], Any]] = []
        for i, name in enumerate(record.get("provinces") or []):
            cols = self.provinces.columns(name)
            if not cols["province"] or cols["province"] in seen:
                continue
            seen.add(cols["province"])
            rows.append((cols, evidence[i] if i < len(evidence) else None))
        if not rows:
            return
        self.db.conn.executemany(
            "INSERT INTO article_provinces (article_id, province, province_code, province_2025) VALUES (?, ?, ?, ?)",
            [(self.article_id, c["province"], c["province_code"], c["province_2025"]) for c, _ in rows])
        ids = dict(self.db.execute("SELECT province, id FROM article_provinces WHERE article_id = ?",
                                   [self.article_id]).fetchall())
        for cols, ev in rows:
            self.mention("article_provinces", ids[cols["province"]], ev)

    def clusters_(self, record: dict[str, Any]) -> None:
        for c in record.get("clusters") or []:
            year = cluster_year(c, record)
            kind = c.get("kind")
            number = as_int(c.get("number"))
            organizer = normalize_name(c.get("organizer"))
            label = normalize_name(c.get("label"))
            ident = str(number) if number is not None else match_key(label) or match_key(" ".join(c.get("members") or []))
            members = {self.provinces.columns(n)["province"] for n in c.get("members") or [] if isinstance(n, str)}
            key, organizer = self._cluster_identity(organizer, f"|{kind or ''}|{ident}|{year or ''}", members - {None})
            units = [normalize_name(u) for u in c.get("member_units") or [] if isinstance(u, str)]
            ev = c.get("evidence")
            cluster_id = self.shared("clusters", {"key": key}, {
                "label": label, "kind": kind, "number": number, "organizer": organizer, "year": year,
                "member_count": as_int(c.get("member_count")),
                "member_units": json.dumps(units, ensure_ascii=False) if units else None}, ev)
            if cluster_id not in self.cluster_ids:
                self.cluster_ids.append(cluster_id)
            member_ev = c.get("member_evidence") or []
            stored = self._members(cluster_id, year, members)
            for i, name in enumerate(c.get("members") or []):
                if not isinstance(name, str):
                    continue
                cols = self.provinces.columns(name)
                m_ev = member_ev[i] if i < len(member_ev) and member_ev[i] else ev
                hit = stored.get((cols["province"], year))
                if hit is None or (hit[1] is None and cols["province_code"]) or (hit[2] is None and cols["province_2025"]):
                    mid = self.shared("cluster_members", {"cluster_id": cluster_id, "province": cols["province"],
                                                          "year": year},
                                      {"province_code": cols["province_code"], "province_2025": cols["province_2025"]},
                                      m_ev)
                    stored[(cols["province"], year)] = (mid, cols["province_code"], cols["province_2025"])
                else:  # already a member that year: another piece of evidence
                    self.mention("cluster_members", hit[0], m_ev)
            for r in c.get("roles") or []:
                if isinstance(r, dict):
                    self.facts.role(cluster_id, r, ev)

    def _members(self, cluster_id: int, year: int | None, provinces: set[str | None]) -> dict[tuple, tuple]:
        """The stored members among ``provinces`` of a cluster: (province, year) → (id, code, successor)."""
        sql = "SELECT id, province, year, province_code, province_2025 FROM cluster_members WHERE cluster_id = ?"
        args: list[Any] = [cluster_id]
        if None not in provinces:  # only the rows this report can meet (a cluster gathers members over years)
            sql += " AND province IN (SELECT value FROM json_each(?)) AND year IS ?"
            args += [json.dumps(sorted(provinces), ensure_ascii=False), year]
        return {(p, y): (mid, code, succ) for mid, p, y, code, succ in self.db.execute(sql, args)}

    def _cluster_identity(self, organizer: str | None, suffix: str, members: set[str]) -> tuple[str, str | None]:
        """The key of a cluster row, joining one told with and without its organizer.

        "Cụm thi đua số 6" in a provincial paper and "Cụm thi đua số 6 (Bộ TT&TT)" on the ministry's
        portal are one row when their members agree: a bare mention takes the only organised row of
        that kind, number and year; an organised mention adopts a bare row stored earlier.
        """
        def compatible(cluster_id: int) -> bool:
            stored = {r[0] for r in self.db.execute("SELECT province FROM cluster_members WHERE cluster_id = ?",
                                                    [cluster_id])}
            return not members or not stored or bool(members & stored)

        key = match_key(organizer) + suffix
        if organizer:
            bare = self.db.execute("SELECT id FROM clusters WHERE key = ?", [suffix]).fetchone()
            taken = self.db.execute("SELECT 1 FROM clusters WHERE key = ?", [key]).fetchone()
            if bare and not taken and compatible(int(bare[0])):
                self.db.execute("UPDATE clusters SET key = ?, organizer = ? WHERE id = ?", [key, organizer, bare[0]])
            return key, organizer
        rows = [r for r in self.db.execute("SELECT id, key, organizer FROM clusters WHERE organizer IS NOT NULL"
                                           " AND substr(key, -?) = ?", [len(suffix), suffix])
                if r[1] != suffix and compatible(int(r[0]))]
        if len(rows) == 1:
            return rows[0][1], rows[0][2]
        return key, organizer

    def campaigns_(self, record: dict[str, Any]) -> None:
        mine: dict[int, int] = {}  # campaign → this article's campaign_mentions row
        for c in record.get("campaigns") or []:
            name = normalize_name(c.get("name"))
            if not name:
                continue
            if name not in self.batch.campaign_names:
                self.batch.campaign_names[name] = campaigns.assign(self.db, name)
            cid, vid = self.batch.campaign_names[name]
            self.batch.campaigns.add(cid)  # its canonical name is settled when the batch ends
            if cid in mine:  # the same movement twice in one article: one row, another piece of evidence
                self.mention("campaign_mentions", mine[cid], c.get("evidence"))
                continue
            mine[cid] = self.insert("campaign_mentions", {
                "campaign_id": cid, "variant_id": vid, "article_id": self.article_id, "kind": c.get("kind"),
                "launched_by": normalize_name(c.get("launched_by")), "period": c.get("period")}, c.get("evidence"))
            self.batch.variant_mentions[vid] += 1

    def themes_(self, record: dict[str, Any]) -> None:
        for t in record.get("themes") or []:
            if t.get("text"):
                self.insert("themes", {"article_id": self.article_id, "text": normalize_name(t["text"]),
                                       "kind": t.get("kind"), "year": as_int(t.get("year"))}, t.get("evidence"))

    def canonical(self, record: dict[str, Any]) -> None:
        for w in record.get("awards") or []:
            self.facts.award(w)
        cluster = self.cluster_ids[0] if len(self.cluster_ids) == 1 else None
        for e in record.get("events") or []:
            self.facts.event(e, cluster)
        for d in record.get("documents") or []:
            self.facts.document(d)
        for p in record.get("people") or []:
            self.facts.person(p)


def _clear_generic(db: sqlite_utils.Database, article_id: int) -> tuple[set[int], set[int]]:
    """Remove one article's generic facts; returns (campaign ids touched, cluster ids that lost mentions)."""
    shared: dict[str, set[int]] = {t: set() for t in SHARED_TABLES}
    for table, fact_id in db.execute("SELECT fact_table, fact_id FROM mentions WHERE article_id = ?", [article_id]):
        if table in shared:
            shared[table].add(fact_id)
    old_campaigns = {r[0]: r[1] for r in db.execute(
        "SELECT campaign_id, variant_id FROM campaign_mentions WHERE article_id = ?", [article_id])}
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    for t in ARTICLE_TABLES:
        db.execute(f"DELETE FROM {t} WHERE article_id = ?", [article_id])
    for fact_id in sorted(shared["cluster_members"]):
        if not db.execute("SELECT 1 FROM mentions WHERE fact_table = 'cluster_members' AND fact_id = ? LIMIT 1",
                          [fact_id]).fetchone():
            db.execute("DELETE FROM cluster_members WHERE id = ?", [fact_id])
    for cid, vid in old_campaigns.items():
        db.execute("UPDATE campaign_variants SET n_mentions = n_mentions - 1 WHERE id = ?", [vid])
        if not db.execute("SELECT 1 FROM campaign_mentions WHERE variant_id = ? LIMIT 1", [vid]).fetchone():
            db.execute("DELETE FROM campaign_variants WHERE id = ?", [vid])
        if not db.execute("SELECT 1 FROM campaign_variants WHERE campaign_id = ? LIMIT 1", [cid]).fetchone():
            db.execute("DELETE FROM campaigns WHERE id = ?", [cid])
    return set(old_campaigns), set(shared["clusters"])


def _drop_orphan_clusters(db: sqlite_utils.Database, cluster_ids: set[int]) -> None:
    """Clusters left without mentions, members or roles go; events that named them keep no cluster."""
    for cid in sorted(cluster_ids):
        if (db.execute("SELECT 1 FROM mentions WHERE fact_table = 'clusters' AND fact_id = ? LIMIT 1", [cid]).fetchone()
                or db.execute("SELECT 1 FROM cluster_members WHERE cluster_id = ? LIMIT 1", [cid]).fetchone()
                or db.execute("SELECT 1 FROM cluster_roles WHERE cluster_id = ? LIMIT 1", [cid]).fetchone()):
            continue
        db.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id = ?", [cid])
        db.execute("DELETE FROM clusters WHERE id = ?", [cid])


def replace_facts(db: sqlite_utils.Database, article_id: int, record: dict[str, Any], *,
                  provinces: ProvinceIndex | None = None, units: UnitIndex | None = None,
                  first_time: bool = False, batch: Batch | None = None,
                  article: tuple[str, str | None, str | None] | None = None) -> None:
    """Replace an article's facts with those of ``record`` (call inside a transaction).

    ``first_time``: the article never had facts stored, so there is nothing of its own to clear.
    ``batch``: the articles written in this transaction; their mentions are written and the facts' coverage
    settled by :func:`finish`.  Without one, the article is a batch of its own, finished here.  One batch
    holds an article once.  ``article``: its (content_hash, published, source_id), when the caller has them.
    """
    own = batch is None
    batch = batch or Batch(db)
    if article_id in batch.articles:
        raise ValueError(f"article {article_id} is already written in this batch")
    batch.articles.add(article_id)
    if article is None:
        article = db.execute("SELECT content_hash, published, source_id FROM articles WHERE id = ?",
                             [article_id]).fetchone()
    content_hash, published, source_id = article
    if not first_time:
        batch.flush()  # what the batch wrote so far is in the tables before this article's share is taken out
        _flush_variant_mentions(db, batch)
        batch.campaign_names.clear()  # variants and campaigns may go with this article's share
        for table, ids in clear_mentions(db, article_id).items():
            batch.cleared[table] |= ids
        old_campaigns, old_clusters = _clear_generic(db, article_id)
        batch.campaigns |= old_campaigns
        batch.old_clusters |= old_clusters
    provinces = provinces or ProvinceIndex(db)
    facts = FactWriter(db, article_id, content_hash, source_id, provinces, units or UnitIndex(db, provinces),
                       published=published, batch=batch)
    w = _Writer(db, article_id, provinces, facts, batch)
    w.provinces_(record)
    w.clusters_(record)
    w.campaigns_(record)
    w.themes_(record)
    w.canonical(record)
    if own:
        finish(db, batch)


def finish(db: sqlite_utils.Database, batch: Batch) -> None:
    """Write a batch's mentions, settle the coverage of its facts, drop what lost its last mention."""
    batch.flush()
    _flush_variant_mentions(db, batch)
    settle(db, batch.cleared, batch)
    _drop_orphan_clusters(db, batch.old_clusters)
    campaigns.refresh_names(db, {cid for cid in batch.campaigns
                                 if db.execute("SELECT 1 FROM campaigns WHERE id = ?", [cid]).fetchone()})


def _flush_variant_mentions(db: sqlite_utils.Database, batch: Batch) -> None:
    db.conn.executemany("UPDATE campaign_variants SET n_mentions = n_mentions + ? WHERE id = ?",
                        [(n, vid) for vid, n in batch.variant_mentions.items()])
    batch.variant_mentions.clear()


def remove_facts(db: sqlite_utils.Database, article_id: int) -> None:
    """Remove everything one article contributed, and its story membership (call inside a transaction)."""
    touched = clear_mentions(db, article_id)
    old_campaigns, old_clusters = _clear_generic(db, article_id)
    settle(db, touched)
    _drop_orphan_clusters(db, old_clusters)
    campaigns.refresh_names(db, {cid for cid in old_campaigns
                                 if db.execute("SELECT 1 FROM campaigns WHERE id = ?", [cid]).fetchone()})
    stories.forget(db, article_id)


__all__ = ["Batch", "cluster_year", "finish", "no_touched", "remove_facts", "replace_facts"]
