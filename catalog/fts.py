"""A Vietnamese-aware FTS5 index: an exact column and a folded column.

SQLite's ``unicode61`` tokenizer folds single diacritics but not stacked ones
(``xuat`` misses "xuất"), never folds đ, and ``remove_diacritics 2`` merges
"hòa" with "họa".  So the index keeps two columns of every article (title and
text):

* ``exact``: the normalised text (NFC, canonical tone placement) tokenised
  with ``remove_diacritics 0`` (the tokenizer lower-cases);
* ``folded``: ``extract.normalize.fold`` of the same text (no diacritics, đ→d).

The table is contentless (``content=''``) to keep the database small: the
text already lives in ``articles``, snippets are cut from it
(:mod:`catalog.search`), and removing a row re-derives the indexed values
from the stored article.  ``reindex`` rebuilds the whole index.

>>> exact_form("Thi đua Khánh Hoà"), folded_form("Thi đua Khánh Hoà")
('thi đua khánh hòa', 'thi dua khanh hoa')
"""

from __future__ import annotations

import sqlite_utils

from extract.normalize import fold, normalize_text

FTS_TABLE = "articles_fts"
TOKENIZE = "unicode61 remove_diacritics 0"


def create_fts(db: sqlite_utils.Database) -> None:
    """Create the contentless two-column FTS5 table (no-op if it exists)."""
    db.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        f"exact, folded, content='', tokenize='{TOKENIZE}')"
    )


def document(title: str | None, text: str | None) -> str:
    """The indexed document of an article: title and text on separate lines."""
    return "\n".join(x for x in (title, text) if x)


def exact_form(text: str) -> str:
    """The ``exact`` column value: normalised (tone placement, NFC, Đ) and lower-case."""
    return normalize_text(text).lower()


def folded_form(text: str) -> str:
    """The ``folded`` column value: no diacritics, đ→d, lower-case."""
    return fold(normalize_text(text))


_FOLD_MEMO: dict[int, str] = {}


def fold_fast(text: str) -> str:
    """``extract.normalize.fold`` applied character by character through a memo table.

    fold() works on each character independently (NFD, drop combining marks,
    đ→d, lower-case), so mapping every distinct character through it gives the
    same string about three times faster on article-sized text.

    >>> fold_fast("Đua tranh XUẤT sắc") == fold("Đua tranh XUẤT sắc")
    True
    """
    memo = _FOLD_MEMO
    for ch in set(text):
        if ord(ch) not in memo:
            memo[ord(ch)] = fold(ch)
    return text.translate(memo)


def index_values(title: str | None, text: str | None) -> tuple[str, str]:
    """The (exact, folded) column values of an article's stored, normalised title and text."""
    return _values(title, text)


def _values(title: str | None, text: str | None) -> tuple[str, str]:
    doc = document(title, text)
    # stored article text is already normalised: no second normalize_text pass
    return doc.lower(), fold_fast(doc)


def index_article(db: sqlite_utils.Database, article_id: int, title: str | None, text: str | None,
                  values: tuple[str, str] | None = None) -> None:
    """Add an article (its stored, normalised title and text) to the index; ``values`` if precomputed."""
    exact, folded = values or _values(title, text)
    db.execute(f"INSERT INTO {FTS_TABLE} (rowid, exact, folded) VALUES (?, ?, ?)", [article_id, exact, folded])


def unindex_article(db: sqlite_utils.Database, article_id: int, title: str | None, text: str | None) -> None:
    """Remove an article from the index; title and text must be the values it was indexed with."""
    exact, folded = _values(title, text)
    db.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, exact, folded) VALUES ('delete', ?, ?, ?)",
               [article_id, exact, folded])


def reindex(db: sqlite_utils.Database) -> int:
    """Rebuild the whole index from ``articles`` (e.g. after a change to fold()); returns the article count."""
    with db.atomic():
        db.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        create_fts(db)
        n = 0
        for article_id, title, text in db.conn.execute("SELECT id, title, text FROM articles ORDER BY id"):
            index_article(db, article_id, title, text)
            n += 1
    return n
