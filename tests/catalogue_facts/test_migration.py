"""A catalogue written before the canonical facts (one row per article and mention) is converted on open:
the facts merge by identity, every piece of evidence is kept, nothing else changes."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import sqlite_utils

from catalog import schema
from catalog.store import Catalogue

TEXT = (
    "Ngày 15/01/2021, tại thành phố Pleiku, Cụm thi đua số 6 tổ chức Hội nghị tổng kết công tác thi đua năm 2020.\n"
    "Hội nghị thống nhất đề nghị Bộ trưởng tặng Cờ thi đua cho Sở TT&TT Gia Lai vì thành tích xuất sắc năm 2020.\n"
    "Sở TT&TT Kon Tum làm Cụm trưởng năm 2021; ông Nguyễn Văn Hùng, Giám đốc Sở TT&TT Gia Lai phát biểu."
)


def old_catalogue(path: Path) -> None:
    """Two outlets' copies of one article, stored the old way (m001–m004 only)."""
    db = sqlite_utils.Database(path)
    schema.migrations.apply(db)  # the core set only: per-article awards, events, documents, people
    db.execute("insert into sources (id, name) values ('stttt-gialai', 'Sở TT&TT Gia Lai'), ('baogialai', 'Báo Gia Lai')")
    for i, (url, source, recipient) in enumerate([
            ("https://stttt.gialai.gov.vn/cum-6.html", "stttt-gialai", "Sở TT&TT Gia Lai"),
            ("https://baogialai.com.vn/cum-6.html", "baogialai", "Sở Thông tin và Truyền thông tỉnh Gia Lai")], 1):
        db.execute("insert into articles (id, url, source_id, published, text, content_hash, extractor_version)"
                   " values (?, ?, ?, ?, ?, ?, 'old')",
                   [i, url, source, f"2021-01-1{5 + i}", TEXT, hashlib.sha256(TEXT.encode()).hexdigest()])

        def mention(table: str, fact_id: int, line: int, phrase: str, i: int = i) -> None:
            s = TEXT.split("\n")[line]
            start = TEXT.index(phrase)
            db.execute('insert into mentions (fact_table, fact_id, article_id, sentence_index, sentence, start, "end")'
                       " values (?, ?, ?, ?, ?, ?, ?)", [table, fact_id, i, line, s, start, start + len(phrase)])

        aid = db.execute("insert into awards (article_id, award, level, recipient, province, province_code,"
                         " for_year, status) values (?, 'Cờ thi đua', 'ministry', ?, 'Gia Lai', '64', 2020,"
                         " 'proposed')", [i, recipient]).lastrowid
        mention("awards", aid, 1, "Cờ thi đua cho Sở TT&TT Gia Lai")
        eid = db.execute("insert into events (article_id, kinds, date, place, province) values"
                         " (?, '[\"review\"]', '2021-01-15', 'thành phố Pleiku', 'Gia Lai')", [i]).lastrowid
        mention("events", eid, 0, "Ngày 15/01/2021")
        pid = db.execute("insert into people (article_id, name, position) values"
                         " (?, 'Nguyễn Văn Hùng', 'Giám đốc Sở TT&TT Gia Lai')", [i]).lastrowid
        mention("people", pid, 2, "Nguyễn Văn Hùng")
    db.execute("insert into clusters (id, key, label, kind, number, organizer, year) values"
               " (1, 'bộ thông tin và truyền thông|cụm|6|2021', 'Cụm thi đua số 6', 'cụm', 6,"
               " 'Bộ Thông tin và Truyền thông', 2021)")
    db.execute("insert into cluster_roles (id, cluster_id, role, unit, unit_key, province, year) values"
               " (1, 1, 'leader', 'Sở TT&TT Kon Tum', 'sở tt tt kon tum', 'Kon Tum', 2021)")
    for i in (1, 2):
        db.execute('insert into mentions (fact_table, fact_id, article_id, sentence_index, sentence) values'
                   " ('clusters', 1, ?, 0, 'Cụm thi đua số 6'), ('cluster_roles', 1, ?, 2, 'Sở TT&TT Kon Tum')", [i, i])
    db.close()


def test_old_catalogue_is_converted_without_losing_evidence(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_catalogue(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from awards").fetchone() == (2,)  # one per article, the old way
    with Catalogue(path) as cat:
        db = cat.db
        assert db.execute("select award, recipient, status, n_articles, n_outlets, proposed_on from awards").fetchall() \
            == [("Cờ thi đua", "Sở TT&TT Gia Lai", "proposed", 2, 2, "2021-01-16")]
        assert db.execute("select kind, date, n_articles from events").fetchall() == [("review", "2021-01-15", 2)]
        assert db.execute("select name, province, n_articles from people").fetchall() == [
            ("Nguyễn Văn Hùng", "Gia Lai", 2)]
        assert db.execute("select role, unit, n_articles from cluster_roles").fetchall() == [
            ("leader", "Sở TT&TT Kon Tum", 2)]
        # each old mention is now a mention of the canonical fact, with its sentence and span
        spans = db.execute('select a.id, a.text, m.start, m."end", m.recipient from award_mentions m'
                           " join articles a on a.id = m.article_id order by a.id").fetchall()
        assert [(i, text[s:e], r) for i, text, s, e, r in spans] == [
            (1, "Cờ thi đua cho Sở TT&TT Gia Lai", "Sở TT&TT Gia Lai"),
            (2, "Cờ thi đua cho Sở TT&TT Gia Lai", "Sở Thông tin và Truyền thông tỉnh Gia Lai")]
        assert db.execute("select count(*) from mentions where fact_table in"
                          " ('awards', 'events', 'people', 'documents', 'cluster_roles')").fetchone() == (0,)
        assert db.execute("select count(*) from mentions where fact_table = 'clusters'").fetchone() == (2,)
        tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
        assert not any(t.endswith("_v1") for t in tables)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    with Catalogue(path) as cat:  # opening again applies nothing more
        assert cat.db.execute("select count(*) from awards").fetchone() == (1,)
