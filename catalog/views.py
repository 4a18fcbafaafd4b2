"""Views of the catalogue: each counts facts (one row per award, event, role…), with mention counts beside.

The canned queries of ``data/datasette/metadata.yml`` read these views, and
so do ``thidua query --canned``, ``thidua export`` and ``thidua chart``:
one definition, the same numbers everywhere.

>>> sorted(VIEW_DOCS)[:3]
['award_status_history', 'awards_by_province_year', 'awards_proposed_not_conferred']
"""

from __future__ import annotations

import sqlite_utils

VIEW_DOCS: dict[str, str] = {
    "clusters_by_year": "Each cluster and year with its member provinces (historical and 2025 names), leader and deputy.",
    "cluster_roles_by_year": "Who held which cluster role (leader, deputy, leading unit), per cluster and year: one row per role fact.",
    "awards_by_province_year": "Distinct awards per province (and 2025 successor), year, award kind, level and status; recipients and mentions beside.",
    "unit_award_history": "Each unit's awards: kind, level, year, status, first proposed and conferred dates, coverage.",
    "award_status_history": "Each award's reports by status: first date proposed, first date conferred, with the article and sentence.",
    "awards_proposed_not_conferred": "Awards proposed and never reported conferred.",
    "person_positions": "Each official's positions over time: first and last publication that states each position.",
    "fact_coverage": "Every fact with its coverage: mentions, articles, outlets, first publication and first outlet.",
    "campaign_coverage": "Each campaign's mentions per source and publication date.",
    "evidence": "Every mention of every fact (generic mentions and each *_mentions table): fact table, fact id, article, sentence, span.",
}

_OLD_VIEWS = ("clusters_by_year", "awards_by_province_year", "campaign_coverage")

_VIEWS: dict[str, str] = {
    "clusters_by_year": """
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
    "cluster_roles_by_year": """
    SELECT c.id AS cluster_id, c.label AS cluster, c.number, c.organizer, r.year, r.role,
           coalesce(u.name, r.unit, r.province) AS unit, r.province, r.province_2025,
           r.n_articles AS articles, r.n_outlets AS outlets, r.first_published, r.id AS role_id, r.unit_id
    FROM cluster_roles r JOIN clusters c ON c.id = r.cluster_id LEFT JOIN units u ON u.id = r.unit_id""",
    "awards_by_province_year": """
    SELECT province, province_2025, for_year AS year, award, level, status,
           count(*) AS awards, sum(coalesce("count", 1)) AS recipients, sum(n_mentions) AS mentions
    FROM awards
    GROUP BY province, province_2025, for_year, award, level, status""",
    "unit_award_history": """
    SELECT u.id AS unit_id, u.name AS unit, u.province, u.province_2025, w.for_year AS year, w.award, w.level,
           w.status, w.proposed_on, w.conferred_on, w.conferred_by, w.n_articles AS articles, w.n_outlets AS outlets,
           w.id AS award_id
    FROM awards w JOIN units u ON u.id = w.unit_id""",
    "award_status_history": """
    SELECT w.id AS award_id, w.award, w.level, w.for_year AS year, coalesce(u.name, w.recipient) AS recipient,
           w.province, m.status, substr(a.published, 1, 10) AS date, a.source_id AS source, a.id AS article_id,
           m.sentence
    FROM award_mentions m JOIN awards w ON w.id = m.award_id JOIN articles a ON a.id = m.article_id
    LEFT JOIN units u ON u.id = w.unit_id""",
    "awards_proposed_not_conferred": """
    SELECT w.id AS award_id, coalesce(u.name, w.recipient) AS recipient, w.province, w.province_2025,
           w.for_year AS year, w.award, w.level, w.proposed_on, w.first_source AS proposed_by_source,
           w.n_articles AS articles, w.unit_id
    FROM awards w LEFT JOIN units u ON u.id = w.unit_id
    WHERE w.status = 'proposed'""",
    "person_positions": """
    SELECT p.id AS person_id, p.name AS person, p.province, m.position, m.title,
           (SELECT name FROM units WHERE id = m.unit_id) AS unit,
           min(substr(a.published, 1, 10)) AS first_seen, max(substr(a.published, 1, 10)) AS last_seen,
           count(DISTINCT m.article_id) AS articles
    FROM person_mentions m JOIN people p ON p.id = m.person_id JOIN articles a ON a.id = m.article_id
    GROUP BY p.id, m.position""",
    "fact_coverage": """
    SELECT 'awards' AS fact_table, id AS fact_id,
           award || ' — ' || coalesce(recipient, coalesce("count", '?') || ' (count)') || coalesce(' — ' || province, '')
               || coalesce(' — ' || for_year, '') AS label,
           n_mentions AS mentions, n_articles AS articles, n_outlets AS outlets, first_published, first_source
    FROM awards
    UNION ALL
    SELECT 'events', id, coalesce(kind, '?') || coalesce(' ' || date, ' (undated)') || coalesce(' — ' || province, ''),
           n_mentions, n_articles, n_outlets, first_published, first_source FROM events
    UNION ALL
    SELECT 'cluster_roles', id, role || ' — ' || coalesce(unit, province, '?') || coalesce(' — ' || year, ''),
           n_mentions, n_articles, n_outlets, first_published, first_source FROM cluster_roles
    UNION ALL
    SELECT 'people', id, name || coalesce(' — ' || province, ''),
           n_mentions, n_articles, n_outlets, first_published, first_source FROM people
    UNION ALL
    SELECT 'documents', id, coalesce(kind || ' ', '') || coalesce(number, '(no number)'),
           n_mentions, n_articles, n_outlets, first_published, first_source FROM documents
    UNION ALL
    SELECT 'units', id, name, n_mentions, n_articles, n_outlets, first_published, first_source FROM units""",
    "evidence": """
    SELECT fact_table, fact_id, article_id, sentence_index, sentence, start, "end" FROM mentions
    UNION ALL SELECT 'awards', award_id, article_id, sentence_index, sentence, start, "end" FROM award_mentions
    UNION ALL SELECT 'events', event_id, article_id, sentence_index, sentence, start, "end" FROM event_mentions
    UNION ALL SELECT 'cluster_roles', cluster_role_id, article_id, sentence_index, sentence, start, "end"
              FROM cluster_role_mentions
    UNION ALL SELECT 'people', person_id, article_id, sentence_index, sentence, start, "end" FROM person_mentions
    UNION ALL SELECT 'documents', document_id, article_id, sentence_index, sentence, start, "end" FROM document_mentions
    UNION ALL SELECT 'units', unit_id, article_id, sentence_index, sentence, start, "end" FROM unit_mentions""",
    "campaign_coverage": """
    SELECT c.id AS campaign_id, c.name AS campaign, a.source_id AS source,
           substr(a.published, 1, 10) AS date, count(*) AS mentions
    FROM campaign_mentions cm
    JOIN campaigns c ON c.id = cm.campaign_id
    JOIN articles a ON a.id = cm.article_id
    GROUP BY c.id, a.source_id, substr(a.published, 1, 10)""",
}


def drop_views(db: sqlite_utils.Database) -> None:
    """Drop every view this module (or migration m003) defines."""
    for name in {*_OLD_VIEWS, *_VIEWS}:
        db.execute(f"DROP VIEW IF EXISTS {name}")


def create_views(db: sqlite_utils.Database) -> None:
    """(Re)create every view."""
    drop_views(db)
    for name, sql in _VIEWS.items():
        db.execute(f"CREATE VIEW {name} AS {sql}")
