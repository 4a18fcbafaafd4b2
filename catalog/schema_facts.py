"""Schema of the canonical facts: one row per award, event, cluster role, person, document and unit.

A migration set of its own (``thidua.catalog.facts``), applied after the
core set of :mod:`catalog.schema`, so the two evolve apart.

Each fact table holds **facts** (what happened, counted once); its
``*_mentions`` table links the fact to every article, sentence and span that
reports it (what the press wrote, counted per article).  Every fact row also
carries its coverage, kept up to date on every load: ``n_mentions``,
``n_articles``, ``n_outlets`` (distinct sources), and the first report
(``first_article_id``, ``first_published``, ``first_source``).

Identity rules (implemented in :mod:`catalog.facts`, tested in
``tests/catalogue_facts``) are stated in :data:`IDENTITY` and repeated in the
Datasette table descriptions.

>>> import sqlite_utils
>>> from catalog import schema
>>> db = sqlite_utils.Database(memory=True)
>>> schema.apply(db)
>>> sorted(t for t in FACT_TABLES if db[t].exists())
['awards', 'cluster_roles', 'documents', 'events', 'people', 'units']
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

migrations = Migrations("thidua.catalog.facts")

#: fact table → (mentions table, its foreign key column)
FACT_TABLES: dict[str, tuple[str, str]] = {
    "units": ("unit_mentions", "unit_id"),
    "awards": ("award_mentions", "award_id"),
    "events": ("event_mentions", "event_id"),
    "cluster_roles": ("cluster_role_mentions", "cluster_role_id"),
    "people": ("person_mentions", "person_id"),
    "documents": ("document_mentions", "document_id"),
}

IDENTITY: dict[str, str] = {
    "units": "One row per unit: its name with abbreviations expanded (TT&TT = Thông tin và Truyền thông, UBND = "
             "Ủy ban nhân dân), without diacritics, case, punctuation or its province, plus its province (historical "
             "unit, so the key holds before and after the 2025 merger).",
    "awards": "Same recipient (unit identity: normalised name + province), award kind, level and achievement year. "
              "An award to a count only ('cho 2 tập thể') merges only across copies of one story. status is the "
              "furthest reported (proposed → conferred); proposed_on / conferred_on are the first reports of each.",
    "events": "Same province (of the place), an overlapping kind, the same cluster when both name one, and dates at "
              "most EVENT_WINDOW_DAYS apart. An undated event merges only across copies of one story.",
    "cluster_roles": "Same cluster, role, holder (unit identity) and year.",
    "people": "Same name and a compatible province: the province of the unit in the position, else none; a person "
              "named without one joins the same-name person with the same unit, else the only same-name person.",
    "documents": "Same normalised number (case, spaces, dashes and leading zeros ignored: 01/CT-BTTTT = 1/ct-btttt). "
                 "A document cited without a number merges only across copies of one story.",
}

TABLE_DOCS: dict[str, str] = {
    "stories": "Stories: the syndicated copies of one text (see catalog.stories); first_article_id is the first stored.",
    "article_stories": "The story of each extracted article, with its line fingerprint.",
    "story_lines": "Index of fingerprint lines (64-bit hash → article) used to find copies.",
    **{t: IDENTITY[t] for t in FACT_TABLES},
    **{m: f"Every report of a {t[:-1].replace('_', ' ')}: article, sentence, span and what that article states."
       for t, (m, _) in FACT_TABLES.items()},
}

_PROVINCE_COLS = """
    province TEXT,
    province_code TEXT REFERENCES provinces(code),
    province_2025 TEXT"""

_COVERAGE_COLS = """
    n_mentions INTEGER NOT NULL DEFAULT 0,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_outlets INTEGER NOT NULL DEFAULT 0,
    first_article_id INTEGER,
    first_published TEXT,
    first_source TEXT"""

_EVIDENCE_COLS = """
    article_id INTEGER NOT NULL REFERENCES articles(id),
    source_id TEXT,
    sentence_index INTEGER,
    sentence TEXT,
    start INTEGER,
    "end" INTEGER"""


def _mentions_ddl(table: str, fk: str, fact_table: str, extra: str) -> list[str]:
    return [
        f"""CREATE TABLE {table} (
        id INTEGER PRIMARY KEY,
        {fk} INTEGER NOT NULL REFERENCES {fact_table}(id),{_EVIDENCE_COLS},{extra}
    )""",
        f"CREATE INDEX idx_{table}_fact ON {table}({fk}, source_id)",  # coverage: a fact's reports per outlet
        f"CREATE INDEX idx_{table}_article ON {table}(article_id)",
    ]


STORY_DDL = [
    """CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        first_article_id INTEGER
    )""",
    """CREATE TABLE article_stories (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        story_id INTEGER NOT NULL REFERENCES stories(id),
        content_hash TEXT,
        lines BLOB
    )""",
    "CREATE INDEX idx_article_stories_story ON article_stories(story_id)",
    """CREATE TABLE story_lines (
        hash INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (hash, article_id)
    ) WITHOUT ROWID""",
]

FACT_DDL = [
    f"""CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        aliases TEXT,{_PROVINCE_COLS},{_COVERAGE_COLS}
    )""",
    "CREATE INDEX idx_units_province ON units(province)",
    *_mentions_ddl("unit_mentions", "unit_id", "units", """
        alias TEXT NOT NULL,
        as_what TEXT"""),
    f"""CREATE TABLE awards (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        award TEXT NOT NULL,
        level TEXT,
        conferred_by TEXT,
        recipient TEXT,
        unit_id INTEGER REFERENCES units(id),{_PROVINCE_COLS},
        count INTEGER,
        for_year INTEGER,
        status TEXT,
        proposed_on TEXT,
        conferred_on TEXT,
        story_id INTEGER,{_COVERAGE_COLS}
    )""",
    "CREATE INDEX idx_awards_province ON awards(province, for_year)",
    "CREATE INDEX idx_awards_unit ON awards(unit_id)",
    "CREATE INDEX idx_awards_status ON awards(status, for_year)",
    *_mentions_ddl("award_mentions", "award_id", "awards", """
        status TEXT,
        recipient TEXT,
        conferred_by TEXT,
        published TEXT"""),
    f"""CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        kind TEXT,
        kinds TEXT,
        date TEXT,
        place TEXT,{_PROVINCE_COLS},
        cluster_id INTEGER REFERENCES clusters(id),
        story_id INTEGER,{_COVERAGE_COLS}
    )""",
    "CREATE INDEX idx_events_province_date ON events(province, date)",
    "CREATE INDEX idx_events_story ON events(story_id)",
    *_mentions_ddl("event_mentions", "event_id", "events", """
        kinds TEXT,
        date TEXT,
        place TEXT"""),
    f"""CREATE TABLE cluster_roles (
        id INTEGER PRIMARY KEY,
        cluster_id INTEGER NOT NULL REFERENCES clusters(id),
        role TEXT NOT NULL,
        unit TEXT,
        unit_key TEXT NOT NULL,
        unit_id INTEGER REFERENCES units(id),{_PROVINCE_COLS},
        year INTEGER,{_COVERAGE_COLS},
        UNIQUE (cluster_id, role, unit_key, year)
    )""",
    "CREATE INDEX idx_cluster_roles_year ON cluster_roles(year, role)",
    *_mentions_ddl("cluster_role_mentions", "cluster_role_id", "cluster_roles", """
        unit TEXT"""),
    f"""CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,{_PROVINCE_COLS},{_COVERAGE_COLS}
    )""",
    "CREATE INDEX idx_people_name ON people(name_key)",
    *_mentions_ddl("person_mentions", "person_id", "people", """
        name TEXT,
        position TEXT,
        title TEXT,
        unit_id INTEGER REFERENCES units(id),
        published TEXT"""),
    f"""CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT,
        number TEXT,
        date TEXT,
        story_id INTEGER,{_COVERAGE_COLS}
    )""",
    *_mentions_ddl("document_mentions", "document_id", "documents", """
        kind TEXT,
        number TEXT,
        date TEXT"""),
]

# the per-article tables of migrations m002 that the canonical ones replace
V1_TABLES = ("awards", "events", "documents", "people", "cluster_roles")
V1_INDEXES = ("idx_awards_article", "idx_awards_province", "idx_events_article", "idx_documents_article",
              "idx_documents_number", "idx_people_article")


@migrations()
def f001_canonical_facts(db: sqlite_utils.Database) -> None:
    """Stories, units and the canonical fact tables.

    The per-article rows of an existing catalogue are kept as ``<table>_v1``; ``Catalogue`` converts them
    into canonical facts when it opens the file (``catalog.migrate_v1.convert_pending``), so nothing is lost
    and the schema never imports the writer.
    """
    from catalog.views import drop_views

    drop_views(db)  # views name the old tables; m002 views come back in f002
    existing = [t for t in V1_TABLES if db[t].exists()]
    for index in V1_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {index}")
    for t in existing:
        if db.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is None:
            db.execute(f"DROP TABLE {t}")  # nothing to convert (a new catalogue)
        else:
            db.execute(f"ALTER TABLE {t} RENAME TO {t}_v1")  # converted by catalog.migrate_v1 on open
    for sql in STORY_DDL + FACT_DDL:
        db.execute(sql)


@migrations()
def f002_fact_views(db: sqlite_utils.Database) -> None:
    """Views that count facts (see catalog.views)."""
    from catalog.views import create_views

    create_views(db)


@migrations()
def f003_campaign_variant_index(db: sqlite_utils.Database) -> None:
    """An index for counting a campaign variant's mentions (the canonical name is the most mentioned)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_campaign_mentions_variant ON campaign_mentions(variant_id)")


@migrations()
def f004_award_count_index(db: sqlite_utils.Database) -> None:
    """A covering index for counting awards by year, province, kind, level and status (canned query)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_awards_counts ON awards"
               "(province, for_year, award, level, status, province_2025, count, n_mentions)")


@migrations()
def f005_campaign_variant_counts(db: sqlite_utils.Database) -> None:
    """Each campaign variant's mention count, kept on load (the canonical name is the most mentioned variant)."""
    db.execute("ALTER TABLE campaign_variants ADD COLUMN n_mentions INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE campaign_variants SET n_mentions = (SELECT count(*) FROM campaign_mentions m"
               " WHERE m.variant_id = campaign_variants.id)")


def apply(db: sqlite_utils.Database) -> None:
    """Apply the pending fact migrations (after the core set)."""
    migrations.apply(db)
