"""The catalogue's SQLite schema, applied with ``sqlite_utils.Migrations``.

Every table is described in :data:`TABLE_DOCS` (one line each, reused as
Datasette table descriptions).  Migrations are idempotent: opening a database
twice applies nothing the second time.  Facts shared between articles
(clusters, their members and roles, campaigns and their name variants) are
one row per natural key; their provenance lives in ``mentions``.

>>> import sqlite_utils
>>> db = sqlite_utils.Database(memory=True)
>>> apply(db)
>>> db["provinces"].count
63
>>> db.execute("select province_2025 from provinces where name = 'Bình Dương'").fetchone()[0]
'Hồ Chí Minh'
"""

from __future__ import annotations

import csv
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

PROVINCES_CSV = Path(__file__).resolve().parent.parent / "data" / "gazetteers" / "provinces.csv"

TABLE_DOCS: dict[str, str] = {
    "sources": "News portals crawled (id from data/sites.toml, CMS family, province of the portal), e.g. stttt-gialai.",
    "crawl_runs": "One row per crawl or load run: kind, sources, start/finish times and counts (pages_fetched, new, changed, unchanged, errors).",
    "crawl_errors": "Pages a run could not fetch or parse: run, URL and a one-line message.",
    "articles": "One row per canonical article URL: metadata, normalised text, content hash, first/last run that saw it and extraction state.",
    "article_revisions": "Earlier versions of an article, kept when a re-crawl found different text.",
    "attachments": "Files linked from an article (url, name), e.g. Kế hoạch 15/KH-STTTT.pdf.",
    "provinces": "The 63 provincial units before mid-2025 (GSO code, name, type, region) with their 2025 successor (province_2025, code_2025) and aliases.",
    "article_provinces": "Provinces an article body names (canonical name, GSO code and 2025 successor).",
    "clusters": "Emulation clusters / blocks (cụm, khối thi đua): one row per organizer, kind, number (or label) and emulation year.",
    "cluster_members": "Province members of a cluster in a year (cluster × province × year).",
    "cluster_roles": "Cluster roles held in a year: leader (Cụm trưởng), deputy (Cụm phó), leading_unit (đơn vị dẫn đầu).",
    "campaigns": "Canonical named emulation movements (phong trào thi đua); name variants grouped by fuzzy matching.",
    "campaign_variants": "Every spelling of a campaign name seen in articles, linked to its canonical campaign.",
    "campaign_mentions": "A campaign named in an article: kind, launched_by, period as that article states them.",
    "themes": "Themes (chủ đề) and slogans (khẩu hiệu) of an emulation year stated in an article.",
    "awards": "Awards proposed or conferred (Cờ thi đua, Bằng khen, ...): level, conferrer, recipient, province, year, status.",
    "events": "Meetings and acts reported: kinds (review, pledge_signing, launch, ...), date, place, province.",
    "documents": "Directives, plans and decisions cited by number, e.g. Chỉ thị 01/CT-BTTTT.",
    "people": "Named officials with the position stated beside them.",
    "mentions": "Evidence: links every fact row (fact_table, fact_id) to its article, sentence and character span in the normalised text.",
    "site_health": "Per-site crawl health of each run (crawler.health): pages, errors, articles, dated, titled, detected family and flags (no_articles, lost_dates, lost_titles, changed_family, high_error_rate).",
    "articles_fts": "Full-text index of articles (FTS5, rowid = articles.id): column exact (normalised, lower-case) and folded (no diacritics, đ→d). Use catalog.search.",
}

VIEW_DOCS: dict[str, str] = {
    "clusters_by_year": "Each cluster and year with its member provinces (historical and 2025 names) and leader.",
    "awards_by_province_year": "Award counts per province (and its 2025 successor), year, award and status.",
    "campaign_coverage": "Each campaign's mentions per source and publication date.",
}

migrations = Migrations("thidua.catalog")

# One province block reused by every fact table that names a province:
# the canonical historical name, its GSO code and the 2025 successor's name.
_PROVINCE_COLS = """
    province TEXT,
    province_code TEXT REFERENCES provinces(code),
    province_2025 TEXT"""


@migrations()
def m001_core(db: sqlite_utils.Database) -> None:
    """Sources, runs, articles and their revisions, attachments, provinces."""
    for sql in _CORE_DDL:
        db.execute(sql)
    load_provinces(db)


@migrations()
def m002_facts(db: sqlite_utils.Database) -> None:
    """Fact tables, evidence (mentions) and their indexes."""
    for sql in _FACT_DDL:
        db.execute(sql)


@migrations()
def m003_views(db: sqlite_utils.Database) -> None:
    """Views over clusters, awards and campaigns."""
    for sql in _VIEWS_DDL:
        db.execute(sql)


@migrations()
def m004_fts(db: sqlite_utils.Database) -> None:
    """The Vietnamese-aware full-text index (see catalog.fts)."""
    from catalog.fts import create_fts

    create_fts(db)


# --- crawler: per-site health of each crawl run (issue 10).  Kept apart so it merges cleanly. ---
@migrations()
def m_crawler_site_health(db: sqlite_utils.Database) -> None:
    """One row per site and crawl run: counts and health flags (written by crawler.health)."""
    db.execute("""CREATE TABLE IF NOT EXISTS site_health (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
        source_id TEXT NOT NULL,
        family TEXT,
        detected_family TEXT,
        pages INTEGER, requests INTEGER, errors INTEGER,
        articles INTEGER, new INTEGER, parsed INTEGER, dated INTEGER, titled INTEGER,
        flags TEXT NOT NULL DEFAULT '',
        message TEXT,
        checked_at TEXT NOT NULL,
        UNIQUE (run_id, source_id)
    )""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_site_health_source ON site_health(source_id, run_id)")
# --- end crawler ---


_CORE_DDL = [
    """CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT,
        base_url TEXT,
        family TEXT,
        province TEXT
    )""",
    """CREATE TABLE crawl_runs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        sources TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        pages_fetched INTEGER,
        new INTEGER,
        changed INTEGER,
        unchanged INTEGER,
        errors INTEGER,
        stats TEXT
    )""",
    """CREATE TABLE crawl_errors (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES crawl_runs(id),
        url TEXT,
        message TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_crawl_errors_run ON crawl_errors(run_id)",
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        source_id TEXT REFERENCES sources(id),
        family TEXT,
        title TEXT,
        published TEXT,
        author TEXT,
        views INTEGER,
        text TEXT NOT NULL,
        raw_text TEXT,
        content_hash TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT,
        first_seen_run INTEGER REFERENCES crawl_runs(id),
        last_seen_run INTEGER REFERENCES crawl_runs(id),
        extractor_version TEXT,
        extraction_hash TEXT,
        extracted_at TEXT,
        facts_stale INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX idx_articles_source ON articles(source_id)",
    "CREATE INDEX idx_articles_published ON articles(published)",
    "CREATE INDEX idx_articles_extraction ON articles(extractor_version, facts_stale)",
    """CREATE TABLE article_revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        title TEXT,
        published TEXT,
        author TEXT,
        views INTEGER,
        text TEXT,
        raw_text TEXT,
        content_hash TEXT,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT,
        replaced_at TEXT NOT NULL,
        replaced_by_run INTEGER REFERENCES crawl_runs(id)
    )""",
    "CREATE INDEX idx_article_revisions_article ON article_revisions(article_id)",
    """CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        url TEXT NOT NULL,
        name TEXT,
        UNIQUE (article_id, url)
    )""",
    """CREATE TABLE provinces (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        type TEXT,
        region TEXT,
        province_2025 TEXT,
        code_2025 TEXT,
        aliases TEXT
    )""",
]

_FACT_DDL = [
    f"""CREATE TABLE article_provinces (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),{_PROVINCE_COLS},
        UNIQUE (article_id, province)
    )""",
    """CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        label TEXT,
        kind TEXT,
        number INTEGER,
        organizer TEXT,
        year INTEGER,
        member_count INTEGER,
        member_units TEXT
    )""",
    "CREATE INDEX idx_clusters_year ON clusters(year)",
    f"""CREATE TABLE cluster_members (
        id INTEGER PRIMARY KEY,
        cluster_id INTEGER NOT NULL REFERENCES clusters(id),{_PROVINCE_COLS},
        year INTEGER,
        UNIQUE (cluster_id, province, year)
    )""",
    "CREATE INDEX idx_cluster_members_province ON cluster_members(province, year)",
    f"""CREATE TABLE cluster_roles (
        id INTEGER PRIMARY KEY,
        cluster_id INTEGER NOT NULL REFERENCES clusters(id),
        role TEXT NOT NULL,
        unit TEXT,
        unit_key TEXT NOT NULL,{_PROVINCE_COLS},
        year INTEGER,
        UNIQUE (cluster_id, role, unit_key, year)
    )""",
    """CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE
    )""",
    """CREATE TABLE campaign_variants (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        name TEXT NOT NULL UNIQUE,
        key TEXT NOT NULL
    )""",
    "CREATE INDEX idx_campaign_variants_campaign ON campaign_variants(campaign_id)",
    "CREATE INDEX idx_campaign_variants_key ON campaign_variants(key)",
    """CREATE TABLE campaign_mentions (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        variant_id INTEGER NOT NULL REFERENCES campaign_variants(id),
        article_id INTEGER NOT NULL REFERENCES articles(id),
        kind TEXT,
        launched_by TEXT,
        period TEXT,
        UNIQUE (campaign_id, article_id)
    )""",
    "CREATE INDEX idx_campaign_mentions_article ON campaign_mentions(article_id)",
    """CREATE TABLE themes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        text TEXT NOT NULL,
        kind TEXT,
        year INTEGER
    )""",
    "CREATE INDEX idx_themes_article ON themes(article_id)",
    f"""CREATE TABLE awards (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        award TEXT NOT NULL,
        level TEXT,
        conferred_by TEXT,
        recipient TEXT,{_PROVINCE_COLS},
        count INTEGER,
        for_year INTEGER,
        status TEXT
    )""",
    "CREATE INDEX idx_awards_article ON awards(article_id)",
    "CREATE INDEX idx_awards_province ON awards(province, for_year)",
    f"""CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        kinds TEXT,
        date TEXT,
        place TEXT,{_PROVINCE_COLS}
    )""",
    "CREATE INDEX idx_events_article ON events(article_id)",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        kind TEXT,
        number TEXT,
        date TEXT
    )""",
    "CREATE INDEX idx_documents_article ON documents(article_id)",
    "CREATE INDEX idx_documents_number ON documents(number)",
    """CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        name TEXT NOT NULL,
        position TEXT
    )""",
    "CREATE INDEX idx_people_article ON people(article_id)",
    """CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        fact_table TEXT NOT NULL,
        fact_id INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        sentence_index INTEGER,
        sentence TEXT,
        start INTEGER,
        "end" INTEGER
    )""",
    "CREATE INDEX idx_mentions_fact ON mentions(fact_table, fact_id)",
    "CREATE INDEX idx_mentions_article ON mentions(article_id)",
]

_VIEWS_DDL = [
    """CREATE VIEW clusters_by_year AS
    SELECT c.id AS cluster_id, c.label, c.kind, c.number, c.organizer, c.year,
           c.member_count,
           (SELECT group_concat(province, ', ') FROM
               (SELECT DISTINCT province FROM cluster_members m WHERE m.cluster_id = c.id ORDER BY province)) AS members,
           (SELECT group_concat(province_2025, ', ') FROM
               (SELECT DISTINCT province_2025 FROM cluster_members m WHERE m.cluster_id = c.id ORDER BY province_2025)) AS members_2025,
           (SELECT count(DISTINCT province) FROM cluster_members m WHERE m.cluster_id = c.id) AS members_found,
           (SELECT group_concat(unit, '; ') FROM cluster_roles r WHERE r.cluster_id = c.id AND r.role = 'leader') AS leader,
           (SELECT group_concat(unit, '; ') FROM cluster_roles r WHERE r.cluster_id = c.id AND r.role = 'deputy') AS deputy,
           (SELECT count(DISTINCT article_id) FROM mentions x WHERE x.fact_table = 'clusters' AND x.fact_id = c.id) AS articles
    FROM clusters c""",
    """CREATE VIEW awards_by_province_year AS
    SELECT province, province_2025, for_year AS year, award, status,
           count(*) AS awards, count(DISTINCT article_id) AS articles
    FROM awards
    GROUP BY province, province_2025, for_year, award, status""",
    """CREATE VIEW campaign_coverage AS
    SELECT c.id AS campaign_id, c.name AS campaign, a.source_id AS source,
           substr(a.published, 1, 10) AS date, count(*) AS mentions
    FROM campaign_mentions cm
    JOIN campaigns c ON c.id = cm.campaign_id
    JOIN articles a ON a.id = cm.article_id
    GROUP BY c.id, a.source_id, substr(a.published, 1, 10)""",
]


def load_provinces(db: sqlite_utils.Database, path: Path = PROVINCES_CSV) -> int:
    """Fill ``provinces`` from the gazetteer CSV (upsert on code); returns the row count."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != 63:
        raise ValueError(f"{path}: expected 63 provinces, found {len(rows)}")
    db["provinces"].upsert_all(rows, pk="code")
    return len(rows)


def apply(db: sqlite_utils.Database) -> None:
    """Apply pending migrations (idempotent): the core set, then the canonical facts' set."""
    from catalog import schema_facts

    migrations.apply(db)
    schema_facts.apply(db)
