"""Load extractor records into the catalogue: facts, their evidence, JSONL files.

``replace_facts`` writes one record (the contract of
``shared/spec/extraction.md`` plus evidence) for one article, replacing what
that article contributed before.  Facts named by several articles
(clusters, members, roles, campaigns) are one row per natural key; every
fact row gets a ``mentions`` row tying it to the article, sentence and span.

``load_jsonl`` reads ``thidua extract --evidence`` output: a record whose
``source`` is a URL already in ``articles`` is attached to it, otherwise an
article row is made for the local file.

>>> from catalog.store import Catalogue
>>> cat = Catalogue(":memory:")
>>> _ = cat.upsert_article({"url": "file:///tmp/a.txt", "text": "Sở TTTT Gia Lai được tặng Cờ thi đua năm 2020."}, None)
>>> cat.store_extraction(1, {"provinces": ["Gia Lai"], "awards": [{"award": "Cờ thi đua", "province": "Gia Lai",
...     "for_year": 2020, "status": "conferred"}]}, "0.1.0")
True
>>> cat.db.execute("select fact_table, article_id from mentions order by id").fetchall()
[('article_provinces', 1), ('awards', 1)]
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from catalog import campaigns
from catalog.provinces import ProvinceIndex
from extract.normalize import match_key, normalize_name, normalize_text

LIST_FIELDS = ("provinces", "clusters", "campaigns", "themes", "awards", "events", "documents", "people")
# fact tables whose rows belong to one article (deleted with it) vs shared rows (garbage-collected)
ARTICLE_TABLES = ("article_provinces", "campaign_mentions", "themes", "awards", "events", "documents", "people")
SHARED_TABLES = ("cluster_roles", "cluster_members", "clusters")


class LoadError(ValueError):
    """A record or input file that cannot be loaded; one line naming the input."""


def validate_record(record: Any, where: str) -> None:
    """Check a record's shape (lists of objects where the contract has lists); raises LoadError."""
    if not isinstance(record, dict):
        raise LoadError(f"{where}: record must be a JSON object, got {type(record).__name__}")
    for name in LIST_FIELDS:
        value = record.get(name, [])
        if value is None:
            continue
        if not isinstance(value, list):
            raise LoadError(f"{where}: field {name!r} must be a list, got {type(value).__name__}")
        for i, item in enumerate(value):
            if name == "provinces":
                if not isinstance(item, str):
                    raise LoadError(f"{where}: provinces[{i}] must be a string")
            elif not isinstance(item, dict):
                raise LoadError(f"{where}: {name}[{i}] must be an object")
    ev = record.get("province_evidence")
    if ev is not None and not isinstance(ev, list):
        raise LoadError(f"{where}: province_evidence must be a list")


# -- writing one record ----------------------------------------------------------------------
def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _year(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def cluster_year(cluster: dict[str, Any], record: dict[str, Any]) -> int | None:
    """The emulation year a cluster is reported for: its roles' year, else the events', else publication.

    >>> cluster_year({"roles": [{"year": 2020}, {"year": 2020}, {"year": 2019}]}, {})
    2020
    >>> cluster_year({"roles": []}, {"events": [{"date": "2021-03-06"}], "published": "2021-03-12"})
    2021
    """
    years = Counter(y for r in cluster.get("roles") or [] if isinstance(r, dict) and (y := _int(r.get("year"))))
    if years:
        top = max(years.values())
        return max(y for y, n in years.items() if n == top)
    ev_years = [y for e in record.get("events") or [] if isinstance(e, dict) and (y := _year(e.get("date")))]
    if ev_years:
        return max(ev_years)
    return _year(record.get("published"))


@dataclass
class _Writer:
    db: sqlite_utils.Database
    article_id: int
    provinces: ProvinceIndex
    touched_campaigns: set[int] = field(default_factory=set)

    def mention(self, table: str, fact_id: int, evidence: Any) -> None:
        ev = evidence if isinstance(evidence, dict) else {}
        self.db.execute(
            'INSERT INTO mentions (fact_table, fact_id, article_id, sentence_index, sentence, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [table, fact_id, self.article_id, _int(ev.get("sentence_index")), ev.get("sentence"),
             _int(ev.get("start")), _int(ev.get("end"))])

    def insert(self, table: str, row: dict[str, Any], evidence: Any) -> int:
        cols = ", ".join(f'"{c}"' for c in row)
        cur = self.db.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        fact_id = int(cur.lastrowid)
        self.mention(table, fact_id, evidence)
        return fact_id

    def shared(self, table: str, unique: dict[str, Any], extra: dict[str, Any], evidence: Any) -> int:
        """Insert-or-find a shared row by its unique columns, fill its empty columns, add a mention."""
        where = " AND ".join(f'"{c}" IS ?' for c in unique)
        row = self.db.execute(f"SELECT id FROM {table} WHERE {where}", list(unique.values())).fetchone()
        if row is None:
            full = {**unique, **extra}
            cols = ", ".join(f'"{c}"' for c in full)
            fact_id = int(self.db.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(full))})",
                                          list(full.values())).lastrowid)
        else:
            fact_id = int(row[0])
            fills = {k: v for k, v in extra.items() if v is not None}
            if fills:
                sets = ", ".join(f'"{k}" = coalesce("{k}", ?)' for k in fills)
                self.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*fills.values(), fact_id])
        self.mention(table, fact_id, evidence)
        return fact_id

    # -- per field ---------------------------------------------------------------------
    def provinces_(self, record: dict[str, Any]) -> None:
        evidence = record.get("province_evidence") or []
        seen: set[str] = set()
        for i, name in enumerate(record.get("provinces") or []):
            cols = self.provinces.columns(name)
            if not cols["province"] or cols["province"] in seen:
                continue
            seen.add(cols["province"])
            ev = evidence[i] if i < len(evidence) else None
            self.insert("article_provinces", {"article_id": self.article_id, **cols}, ev)

    def clusters_(self, record: dict[str, Any]) -> None:
        for c in record.get("clusters") or []:
            year = cluster_year(c, record)
            kind = c.get("kind")
            number = _int(c.get("number"))
            organizer = normalize_name(c.get("organizer"))
            label = normalize_name(c.get("label"))
            ident = str(number) if number is not None else match_key(label) or match_key(" ".join(c.get("members") or []))
            members = {self.provinces.columns(n)["province"] for n in c.get("members") or [] if isinstance(n, str)}
            key, organizer = self._cluster_identity(organizer, f"|{kind or ''}|{ident}|{year or ''}", members - {None})
            units = [normalize_name(u) for u in c.get("member_units") or [] if isinstance(u, str)]
            ev = c.get("evidence")
            cluster_id = self.shared("clusters", {"key": key}, {
                "label": label, "kind": kind, "number": number, "organizer": organizer, "year": year,
                "member_count": _int(c.get("member_count")),
                "member_units": json.dumps(units, ensure_ascii=False) if units else None}, ev)
            member_ev = c.get("member_evidence") or []
            for i, name in enumerate(c.get("members") or []):
                if not isinstance(name, str):
                    continue
                cols = self.provinces.columns(name)
                m_ev = member_ev[i] if i < len(member_ev) and member_ev[i] else ev
                self.shared("cluster_members", {"cluster_id": cluster_id, "province": cols["province"], "year": year},
                            {"province_code": cols["province_code"], "province_2025": cols["province_2025"]}, m_ev)
            for r in c.get("roles") or []:
                if not isinstance(r, dict) or not r.get("role"):
                    continue
                unit = normalize_name(r.get("unit"))
                cols = self.provinces.columns(r.get("province"))
                self.shared("cluster_roles", {"cluster_id": cluster_id, "role": r["role"], "unit_key": match_key(unit),
                                              "year": _int(r.get("year"))},
                            {"unit": unit, **cols}, r.get("evidence") or ev)

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
        for c in record.get("campaigns") or []:
            name = normalize_name(c.get("name"))
            if not name:
                continue
            cid, vid = campaigns.assign(self.db, name)
            self.touched_campaigns.add(cid)
            row = self.db.execute("SELECT id FROM campaign_mentions WHERE campaign_id = ? AND article_id = ?",
                                  [cid, self.article_id]).fetchone()
            if row:  # the same movement twice in one article: one row, another piece of evidence
                self.mention("campaign_mentions", int(row[0]), c.get("evidence"))
                continue
            self.insert("campaign_mentions", {
                "campaign_id": cid, "variant_id": vid, "article_id": self.article_id, "kind": c.get("kind"),
                "launched_by": normalize_name(c.get("launched_by")), "period": c.get("period")}, c.get("evidence"))

    def simple(self, record: dict[str, Any]) -> None:
        a = self.article_id
        for t in record.get("themes") or []:
            if t.get("text"):
                self.insert("themes", {"article_id": a, "text": normalize_name(t["text"]), "kind": t.get("kind"),
                                       "year": _int(t.get("year"))}, t.get("evidence"))
        for w in record.get("awards") or []:
            if w.get("award"):
                self.insert("awards", {
                    "article_id": a, "award": normalize_name(w["award"]), "level": w.get("level"),
                    "conferred_by": normalize_name(w.get("conferred_by")), "recipient": normalize_name(w.get("recipient")),
                    **self.provinces.columns(w.get("province")), "count": _int(w.get("count")),
                    "for_year": _int(w.get("for_year")), "status": w.get("status")}, w.get("evidence"))
        for e in record.get("events") or []:
            kinds = e.get("kinds") or []
            self.insert("events", {
                "article_id": a, "kinds": json.dumps(list(kinds), ensure_ascii=False), "date": e.get("date"),
                "place": normalize_name(e.get("place")), **self.provinces.columns(e.get("province"))}, e.get("evidence"))
        for d in record.get("documents") or []:
            if d.get("number") or d.get("kind"):
                self.insert("documents", {"article_id": a, "kind": d.get("kind"), "number": d.get("number"),
                                          "date": d.get("date")}, d.get("evidence"))
        for p in record.get("people") or []:
            if p.get("name"):
                self.insert("people", {"article_id": a, "name": normalize_name(p["name"]),
                                       "position": normalize_name(p.get("position"))}, p.get("evidence"))


def clear_facts(db: sqlite_utils.Database, article_id: int) -> set[int]:
    """Remove what one article contributed; shared rows left without evidence are removed too.

    Returns the ids of campaigns whose variants may have changed.
    """
    shared = {t: [r[0] for r in db.execute(
        "SELECT DISTINCT fact_id FROM mentions WHERE article_id = ? AND fact_table = ?", [article_id, t])]
        for t in SHARED_TABLES}
    old_campaigns = {r[0]: r[1] for r in db.execute(
        "SELECT campaign_id, variant_id FROM campaign_mentions WHERE article_id = ?", [article_id])}
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    for t in ARTICLE_TABLES:
        db.execute(f"DELETE FROM {t} WHERE article_id = ?", [article_id])
    for t in SHARED_TABLES:  # roles and members before their clusters
        for fact_id in shared[t]:
            if db.execute("SELECT 1 FROM mentions WHERE fact_table = ? AND fact_id = ? LIMIT 1",
                          [t, fact_id]).fetchone():
                continue
            if t == "clusters" and (
                db.execute("SELECT 1 FROM cluster_members WHERE cluster_id = ? LIMIT 1", [fact_id]).fetchone()
                or db.execute("SELECT 1 FROM cluster_roles WHERE cluster_id = ? LIMIT 1", [fact_id]).fetchone()):
                continue
            db.execute(f"DELETE FROM {t} WHERE id = ?", [fact_id])
    for cid, vid in old_campaigns.items():
        if not db.execute("SELECT 1 FROM campaign_mentions WHERE variant_id = ? LIMIT 1", [vid]).fetchone():
            db.execute("DELETE FROM campaign_variants WHERE id = ?", [vid])
        if not db.execute("SELECT 1 FROM campaign_variants WHERE campaign_id = ? LIMIT 1", [cid]).fetchone():
            db.execute("DELETE FROM campaigns WHERE id = ?", [cid])
    return set(old_campaigns)


def replace_facts(db: sqlite_utils.Database, article_id: int, record: dict[str, Any],
                  provinces: ProvinceIndex | None = None) -> None:
    """Replace an article's facts with those of ``record`` (call inside a transaction)."""
    touched = clear_facts(db, article_id)
    w = _Writer(db, article_id, provinces or ProvinceIndex(db))
    w.provinces_(record)
    w.clusters_(record)
    w.campaigns_(record)
    w.simple(record)
    live = {cid for cid in touched | w.touched_campaigns
            if db.execute("SELECT 1 FROM campaigns WHERE id = ?", [cid]).fetchone()}
    campaigns.refresh_names(db, live)


# -- JSONL files -------------------------------------------------------------------------------
@dataclass
class LoadStats:
    """What a load did: records read, articles created, facts replaced, records already stored."""

    records: int = 0
    articles_created: int = 0
    stored: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"records": self.records, "new": self.articles_created, "stored": self.stored,
                "unchanged": self.unchanged}


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Parse and validate every line of a JSONL file before anything is stored; raises LoadError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{p}: is a directory, not a JSONL file") from None
    except OSError as e:
        raise LoadError(f"{p}: cannot read ({e.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LoadError(f"{p}: not UTF-8 (invalid byte at offset {e.start})") from None
    records = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise LoadError(f"{p}:{lineno}: malformed JSON ({e.msg} at column {e.colno})") from None
        validate_record(rec, f"{p}:{lineno}")
        if not isinstance(rec.get("source"), str) or not rec["source"].strip():
            raise LoadError(f"{p}:{lineno}: record without \"source\"")
        records.append(rec)
    return records


def _local_article(source: str, record: dict[str, Any], base: Path) -> dict[str, Any]:
    """An article item for a record whose source is a local file (text read from it when present)."""
    from extract.api import HTML_SUFFIXES, InputError, read_text_file

    path = Path(source)
    if not path.is_absolute() and not path.exists():
        path = base / path
    text = ""
    title = record.get("title")
    if path.is_file():
        try:
            if path.suffix.lower() in HTML_SUFFIXES:
                from crawler.pages import parse_page

                parsed = parse_page(path.resolve().as_uri(), path.read_bytes())
                art = parsed.article
                if art is not None:
                    title = title or art.title
                    text = "\n\n".join(x for x in (art.title, art.text) if x)
            else:
                text = read_text_file(path)
        except (InputError, ValueError, ImportError):
            text = ""
    url = path.resolve().as_uri() if path.exists() else f"file:{source}"
    return {"url": url, "source": None, "family": "local", "title": title, "published": record.get("published"),
            "author": record.get("author"), "views": record.get("views"),
            "attachments": record.get("attachments") or [], "text": normalize_text(text),
            "fetched_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}


def load_jsonl(cat: Any, path: str | Path, extractor_version: str | None = None) -> LoadStats:
    """Load ``thidua extract --evidence`` output into a Catalogue; one transaction for the whole file.

    Every line is parsed and validated first; a bad line stops the load with
    a LoadError naming the file and line, and nothing is stored.
    """
    from catalog.store import CatalogueError

    p = Path(path)
    records = read_jsonl(p)
    version = extractor_version or _extractor_version()
    stats = LoadStats()
    db = cat.db
    with db.atomic():
        run_id = cat.start_run("load", [str(p)])
        for lineno, rec in enumerate(records, 1):
            stats.records += 1
            source = rec["source"].strip()
            row = db.execute("SELECT id FROM articles WHERE url = ?", [source]).fetchone()
            if row is None:
                item = _local_article(source, rec, p.parent)
                row = db.execute("SELECT id FROM articles WHERE url = ?", [item["url"]]).fetchone()
                if row is None:
                    try:
                        cat.upsert_article(item, run_id)
                    except CatalogueError as e:
                        raise LoadError(f"{p}: record {lineno}: {e}") from None
                    stats.articles_created += 1
                    row = db.execute("SELECT id FROM articles WHERE url = ?", [item["url"]]).fetchone()
            if cat.store_extraction(int(row[0]), rec, version):
                stats.stored += 1
            else:
                stats.unchanged += 1
        cat.finish_run(run_id, stats.as_dict())
    return stats


def _extractor_version() -> str:
    try:
        from extract.api import EXTRACTOR_VERSION
    except ImportError:  # pragma: no cover - the extract stage is always installed with thidua
        return "unknown"
    return EXTRACTOR_VERSION
