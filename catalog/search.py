"""Search the catalogue in Vietnamese, with or without diacritics.

Each query term is routed to one column of the FTS5 index
(:mod:`catalog.fts`): a term written with diacritics matches the ``exact``
column (so "hòa" does not return "họa", and old tone placement "hoà" is
normalised to "hòa"), a term written without them matches the ``folded``
column (so "dua" finds "đua" and "xuat" finds "xuất").  Terms are ANDed;
``"double quotes"`` make a phrase; a trailing ``*`` makes a prefix.  Results
are ranked by bm25 (bounded for very frequent terms, see :func:`search`);
snippets are cut from the stored article text.

>>> build_match('thi đua "khen thuong" xuat*')
'folded : "thi" AND exact : "đua" AND folded : "khen thuong" AND folded : "xuat"*'
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from catalog.fts import FTS_TABLE, document
from extract.normalize import fold, normalize_text

_CLAUSE = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_TOKEN = re.compile(r"[^\W_]+")
SNIPPET_CHARS = 160
EXACT_RANK_MAX_DF = 4_000  # above this, a term's bm25 weight costs too much to compute per query
CANDIDATES = 100          # newest matches ranked when a term is that frequent


class SearchError(ValueError):
    """A query that cannot be searched (empty, nothing but punctuation); one line."""


@dataclass(frozen=True)
class Clause:
    """One query clause: tokens (one word or a phrase), the column it targets, prefix flag."""

    tokens: tuple[str, ...]
    column: str  # "exact" | "folded"
    prefix: bool = False

    def fts(self) -> str:
        return f'{self.column} : "{" ".join(self.tokens)}"' + ("*" if self.prefix else "")


@dataclass
class Hit:
    """One search result."""

    article_id: int
    url: str
    title: str | None
    published: str | None
    source: str | None
    score: float
    snippet: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def has_diacritics(word: str) -> bool:
    """Whether a word carries Vietnamese diacritics or đ ("đua" yes, "dua" no)."""
    return fold(word) != word.lower()


def parse_query(query: str) -> list[Clause]:
    """Split a query into clauses, each routed to the exact or the folded column."""
    clauses: list[Clause] = []
    for m in _CLAUSE.finditer(normalize_text(query or "").replace("\n", " ")):
        phrase, phrase_star, word = m.group(1), m.group(2), m.group(3)
        raw = phrase if phrase is not None else word
        prefix = bool(phrase_star) if phrase is not None else word.endswith("*")
        tokens = [t.lower() for t in _TOKEN.findall(raw)]
        if not tokens:
            continue
        if any(has_diacritics(t) for t in tokens):
            clauses.append(Clause(tuple(tokens), "exact", prefix))
        else:
            clauses.append(Clause(tuple(fold(t) for t in tokens), "folded", prefix))
    return clauses


def build_match(query: str) -> str:
    """The FTS5 MATCH expression for a user query; raises SearchError when nothing is searchable."""
    clauses = parse_query(query)
    if not clauses:
        raise SearchError(f"search query {query!r} has no words to search for")
    return " AND ".join(c.fts() for c in clauses)


def _connection(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db.conn if isinstance(db, sqlite_utils.Database) else db


def _fold_classes() -> dict[str, str]:
    """For each ASCII letter, a regex class of every Latin letter that folds to it (d → [dDđĐ])."""
    classes: dict[str, set[str]] = {}
    for cp in itertools.chain(range(0x41, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        ch = chr(cp)
        f = fold(ch)
        if len(f) == 1 and "a" <= f <= "z":
            classes.setdefault(f, set()).update({ch, ch.lower(), ch.upper()})
    return {k: "[" + "".join(sorted(v)) + "]" for k, v in classes.items()}


_FOLD_CLASS = _fold_classes()


@functools.lru_cache(maxsize=1024)
def clause_regex(clause: Clause) -> re.Pattern[str]:
    """A regex finding a clause in stored (normalised) text, tokenised as the index tokenises it."""
    parts = []
    for tok in clause.tokens:
        if clause.column == "folded":
            parts.append("".join(_FOLD_CLASS.get(ch, re.escape(ch)) for ch in tok))
        else:
            parts.append(re.escape(tok))
    body = r"[\W_]+".join(parts)
    tail = r"[^\W_]*" if clause.prefix else r"(?![^\W_])"
    return re.compile(r"(?<![^\W_])" + body + tail, re.IGNORECASE)


def _count_probe(conn: sqlite3.Connection, match: str, n: int) -> bool:
    """Whether ``match`` has more than n matching rows (reads at most n + 1 index entries)."""
    return conn.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rowid DESC"
                        " LIMIT 1 OFFSET ?", [match, n]).fetchone() is not None


def _bm25(tfs: list[list[int]], lengths: list[int]) -> list[float]:
    """Okapi bm25 (k1 = 1.2, b = 0.75) of candidate documents, statistics taken over the candidates."""
    n = len(lengths)
    avg = sum(lengths) / n if n else 1.0
    scores = [0.0] * n
    for column in zip(*tfs, strict=True) if tfs else []:
        df = sum(1 for tf in column if tf)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        for i, tf in enumerate(column):
            if tf:
                scores[i] += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[i] / avg))
    return scores


def search(db: sqlite_utils.Database | sqlite3.Connection, query: str, *, limit: int = 20,
           offset: int = 0, mark: tuple[str, str] = ("[", "]")) -> list[Hit]:
    """Articles matching ``query``, best first (bm25), each with a snippet.

    When every query term occurs in at most ``EXACT_RANK_MAX_DF`` articles,
    SQLite's own bm25 ranks all matches.  A term more frequent than that
    (bm25 reads a term's whole posting list to weigh it) switches to bounded
    ranking: the newest ``CANDIDATES`` matching articles are scored with bm25
    statistics computed over those candidates.

    >>> from catalog.store import Catalogue
    >>> cat = Catalogue(":memory:")
    >>> _ = cat.upsert_article({"url": "u1", "text": "Phong trào thi đua yêu nước ở Khánh Hòa"}, None)
    >>> [h.snippet for h in search(cat.db, "thi dua khanh hoa")]
    ['Phong trào [thi] [đua] yêu nước ở [Khánh] [Hòa]']
    """
    if limit < 1 or offset < 0:
        raise SearchError(f"search limit must be at least 1 and offset at least 0, got {limit}, {offset}")
    clauses = parse_query(query)
    match = build_match(query)
    conn = _connection(db)
    try:
        frequent = any(_count_probe(conn, c.fts(), EXACT_RANK_MAX_DF) for c in clauses)
        if not frequent:
            ranked = conn.execute(
                f"SELECT rowid, -rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                [match, limit, offset]).fetchall()
        else:
            ranked = None
            ids = [r[0] for r in conn.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rowid DESC LIMIT ?",
                [match, max(CANDIDATES, limit + offset)])]
    except sqlite3.OperationalError as e:
        raise SearchError(f"search query {query!r}: {e}") from None
    if ranked is not None:
        ids = [r[0] for r in ranked]
    if not ids:
        return []
    rows = {r[0]: r for r in conn.execute(
        f"SELECT id, url, title, published, source_id, text FROM articles WHERE id IN ({', '.join('?' * len(ids))})",
        ids)}
    if ranked is None:
        docs = [document(rows[i][2], rows[i][5]) if i in rows else "" for i in ids]
        regexes = [clause_regex(c) for c in clauses]
        tfs = [[len(rx.findall(d)) for rx in regexes] for d in docs]
        lengths = [d.count(" ") + 1 for d in docs]
        scores = _bm25(tfs, lengths)
        order = sorted(range(len(ids)), key=lambda i: (-scores[i], -ids[i]))[offset:offset + limit]
        ranked = [(ids[i], scores[i]) for i in order]
    hits = []
    for article_id, score in ranked:
        r = rows.get(article_id)
        if r is None:  # an index row without its article: skip rather than fail the search
            continue
        hits.append(Hit(article_id, r[1], r[2], r[3], r[4], float(score),
                        snippet(document(r[2], r[5]), clauses, mark=mark)))
    return hits


def _spans(doc: str, clauses: list[Clause]) -> list[tuple[int, int]]:
    """Character spans of clause matches in a document (same tokenisation as the index)."""
    spans = {(m.start(), m.end()) for c in clauses for m in clause_regex(c).finditer(doc)}
    return sorted(spans)


def snippet(doc: str, clauses: list[Clause], *, width: int = SNIPPET_CHARS, mark: tuple[str, str] = ("[", "]")) -> str:
    """A one-line excerpt around the first match, matches wrapped in ``mark``."""
    spans = _spans(doc, clauses)
    if not spans:
        return " ".join(doc[:width].split())
    first = spans[0][0]
    start = max(0, first - width // 3)
    if start > 0:
        sp = doc.rfind(" ", 0, start)
        start = sp + 1 if sp >= 0 and start - sp < 20 else start
    end = min(len(doc), start + width)
    if end < len(doc):
        sp = doc.find(" ", end)
        end = sp if 0 <= sp - end < 20 else end
    out, pos = [], start
    for s, e in spans:
        if s < pos or e > end:
            continue
        out += [doc[pos:s], mark[0], doc[s:e], mark[1]]
        pos = e
    out.append(doc[pos:end])
    text = " ".join("".join(out).split())
    return ("… " if start > 0 else "") + text + (" …" if end < len(doc) else "")
