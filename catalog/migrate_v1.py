"""Convert a catalogue of per-article fact rows (migrations m001–m004) into canonical facts.

Migration ``f001_canonical_facts`` renames the old tables ``<table>_v1``;
``Catalogue`` calls :func:`convert_pending` when it opens the file, which
converts them in one transaction (an interrupted conversion runs again).  Every old row, with its evidence from the generic
``mentions`` table, is written again through :class:`catalog.facts.FactWriter`
for its article, so what identity merges, merges, and no reported fact is
lost.  The old tables and their generic mention rows are dropped afterwards.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import sqlite_utils

from catalog.coverage import no_touched, settle
from catalog.facts import FactWriter
from catalog.provinces import ProvinceIndex
from catalog.units import UnitIndex

_EVIDENCE = 'SELECT fact_id, sentence_index, sentence, start, "end" FROM mentions WHERE fact_table = ? ORDER BY id'


def _evidence(db: sqlite_utils.Database, table: str) -> dict[int, dict[str, Any]]:
    """fact id → its first evidence in the generic mentions table."""
    out: dict[int, dict[str, Any]] = {}
    for fact_id, idx, sentence, start, end in db.execute(_EVIDENCE, [table]):
        out.setdefault(fact_id, {"sentence_index": idx, "sentence": sentence, "start": start, "end": end})
    return out


def _role_articles(db: sqlite_utils.Database) -> dict[int, list[tuple[int, dict[str, Any]]]]:
    """old role id → [(article id, evidence)] for every article that reported it."""
    out: dict[int, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for fact_id, article_id, idx, sentence, start, end in db.execute(
            'SELECT fact_id, article_id, sentence_index, sentence, start, "end" FROM mentions'
            " WHERE fact_table = 'cluster_roles' ORDER BY id"):
        out[fact_id].append((article_id, {"sentence_index": idx, "sentence": sentence, "start": start, "end": end}))
    return out


def convert_pending(db: sqlite_utils.Database) -> bool:
    """Convert the ``*_v1`` tables left by migration f001, if any; True when there were some."""
    from catalog.schema_facts import V1_TABLES

    pending = [f"{t}_v1" for t in V1_TABLES if db[f"{t}_v1"].exists()]
    if not pending:
        return False
    with db.atomic():
        convert(db, pending)
    return True


def convert(db: sqlite_utils.Database, v1_tables: list[str]) -> None:
    """Re-write the rows of the ``*_v1`` tables as canonical facts, then drop them."""
    per_article: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for table in ("awards", "events", "documents", "people"):  # one v1 row per article's report
        if f"{table}_v1" not in v1_tables:
            continue
        ev = _evidence(db, table)
        for r in db.query(f"SELECT * FROM {table}_v1 ORDER BY id"):
            fact = {**r, "evidence": ev.get(r["id"])}
            if table == "events":
                fact["kinds"] = json.loads(r["kinds"] or "[]")
            per_article[r["article_id"]][table].append(fact)
    if "cluster_roles_v1" in v1_tables:
        reports = _role_articles(db)
        for r in db.query("SELECT * FROM cluster_roles_v1 ORDER BY id"):
            for article_id, evidence in reports.get(r["id"], []):
                per_article[article_id]["roles"].append({**r, "evidence": evidence})

    provinces = ProvinceIndex(db)
    units = UnitIndex(db, provinces)
    touched = no_touched()
    for article_id in sorted(per_article):
        facts = per_article[article_id]
        content_hash, source_id = db.execute("SELECT content_hash, source_id FROM articles WHERE id = ?",
                                             [article_id]).fetchone()
        w = FactWriter(db, article_id, content_hash, source_id, provinces, units)
        clusters = {r["cluster_id"] for r in facts["roles"]}
        for r in facts["roles"]:
            w.role(r["cluster_id"], r, r["evidence"])
        for a in facts["awards"]:
            w.award(a)
        article_clusters = [c for (c,) in db.execute(
            "SELECT DISTINCT fact_id FROM mentions WHERE fact_table = 'clusters' AND article_id = ?", [article_id])]
        cluster = article_clusters[0] if len(article_clusters) == 1 else (min(clusters) if len(clusters) == 1 else None)
        for e in facts["events"]:
            w.event(e, cluster)
        for d in facts["documents"]:
            w.document(d)
        for p in facts["people"]:
            w.person(p)
        w.flush()
        for t, ids in w.touched.items():
            touched[t] |= ids
    settle(db, touched)
    for t in v1_tables:
        db.execute(f"DROP TABLE {t}")
        db.execute("DELETE FROM mentions WHERE fact_table = ?", [t.removesuffix("_v1")])
