"""The thidua catalogue: articles and extracted facts in SQLite, searchable in Vietnamese.

Modules: ``schema`` (tables, views, migrations), ``store`` (the ``Catalogue``
API used by the crawler and loader), ``load`` (extractor records and JSONL),
``provinces`` and ``campaigns`` (identity of provinces and movements),
``fts`` and ``search`` (diacritic-aware full-text search), ``query``
(read-only SQL) and ``cli`` (``thidua load|query|search``).

Import the store as ``from catalog.store import Catalogue``.
"""
