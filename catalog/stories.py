"""Stories: the syndicated copies of one press release, found when an article's facts need them.

A story groups the articles that are copies of one text: the same release
republished by other outlets, with a new lead, page chrome around it, or its
tail cut.  Facts that carry no identity of their own (an undated launch, an
award to "2 tập thể" with no names, a document cited without a number) merge
only inside one story, never across stories.  An article's story is looked
for the first time one of its facts needs it (``FactWriter.story_id``).

How copies are found, cheaply enough for every load:

* an article's **fingerprint** is the set of its paragraphs (lines) of at
  least ``MIN_LINE_WORDS`` words, each compared lower-case on its words only
  (punctuation and spacing ignored) and hashed to 64 bits, weighted by its
  length; short lines (menus, counters, bylines) do not count;
* every fingerprint line is indexed in ``story_lines``; an article looks up its
  ``LOOKUP_LINES`` longest lines there, skipping lines already in more than
  ``COMMON_LINE`` articles (a site's footer is no evidence);
* a candidate is a copy when the lines both share weigh at least
  ``CONTAINMENT_MIN`` of the shorter article and ``JACCARD_MIN`` of both
  together (the floors ``catalog.trace`` uses for shingles).

An article joins the story of its best copy, or starts a new one.

>>> a = "Sáng ngày 06/3, Cụm thi đua số 6 tổ chức Hội nghị tổng kết năm 2019 tại tỉnh Đắk Lắk.\\nTin khác"
>>> b = "Trang chủ\\nSÁNG NGÀY 06/3, Cụm thi đua số 6 tổ chức hội nghị tổng kết năm 2019 tại tỉnh Đắk Lắk"
>>> fingerprint(a) == fingerprint(b), len(fingerprint(a))
(True, 1)
>>> same_story(fingerprint(a), fingerprint(b))
True
"""

from __future__ import annotations

import hashlib
import re
import struct

import sqlite_utils

MIN_LINE_WORDS = 8
LOOKUP_LINES = 4
COMMON_LINE = 50
CONTAINMENT_MIN = 0.6
JACCARD_MIN = 0.3
_WORD = re.compile(r"\w+")
_PACK = struct.Struct("<qi")

Fingerprint = dict[int, int]  # line hash → weight (characters)


def _hash(line: str) -> int:
    return int.from_bytes(hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def fingerprint(text: str) -> Fingerprint:
    """The article's long lines, hashed, with their lengths as weights."""
    out: Fingerprint = {}
    for line in text.split("\n"):
        words = _WORD.findall(line.lower())
        if len(words) >= MIN_LINE_WORDS:
            joined = " ".join(words)
            out[_hash(joined)] = len(joined)
    return out


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether two fingerprints are copies of one story (containment and Jaccard floors, by weight)."""
    if not a or not b:
        return False
    shared = sum(a[h] for h in a.keys() & b.keys())
    wa, wb = sum(a.values()), sum(b.values())
    return shared / min(wa, wb) >= CONTAINMENT_MIN and shared / (wa + wb - shared) >= JACCARD_MIN


def _pack(fp: Fingerprint) -> bytes:
    return b"".join(_PACK.pack(h, w) for h, w in fp.items())


def _unpack(blob: bytes | None) -> Fingerprint:
    if not blob:
        return {}
    return {h: w for h, w in _PACK.iter_unpack(blob)}


def story_of(db: sqlite_utils.Database, article_id: int, text: str, content_hash: str) -> int:
    """The story id of an article, assigning it (again, when the text changed since) as needed."""
    row = db.execute("SELECT story_id, content_hash FROM article_stories WHERE article_id = ?",
                     [article_id]).fetchone()
    if row is not None and row[1] == content_hash:
        return int(row[0])
    if row is not None:
        forget(db, article_id)
    fp = fingerprint(text)
    story = _best_copy_story(db, article_id, fp)
    if story is None:
        story = int(db.execute("INSERT INTO stories (first_article_id) VALUES (?)", [article_id]).lastrowid)
    db.execute("INSERT INTO article_stories (article_id, story_id, content_hash, lines) VALUES (?, ?, ?, ?)",
               [article_id, story, content_hash, _pack(fp)])
    db.conn.executemany("INSERT OR IGNORE INTO story_lines (hash, article_id) VALUES (?, ?)",
                   [(h, article_id) for h in fp])
    return story


def _best_copy_story(db: sqlite_utils.Database, article_id: int, fp: Fingerprint) -> int | None:
    votes: dict[int, int] = {}
    for h in sorted(fp, key=lambda k: -fp[k])[:LOOKUP_LINES]:
        ids = [r[0] for r in db.execute("SELECT article_id FROM story_lines WHERE hash = ? LIMIT ?",
                                        [h, COMMON_LINE + 1])]
        if len(ids) > COMMON_LINE:
            continue
        for other in ids:
            if other != article_id:
                votes[other] = votes.get(other, 0) + fp[h]
    best: tuple[float, int] | None = None
    for other in sorted(votes, key=lambda k: -votes[k])[:COMMON_LINE]:
        row = db.execute("SELECT story_id, lines FROM article_stories WHERE article_id = ?", [other]).fetchone()
        if row is None:
            continue
        theirs = _unpack(row[1])
        if same_story(fp, theirs):
            shared = sum(fp[h] for h in fp.keys() & theirs.keys())
            score = shared / min(sum(fp.values()), sum(theirs.values()))
            if best is None or (score, -row[0]) > (best[0], -best[1]):
                best = (score, int(row[0]))
    return best[1] if best else None


def forget(db: sqlite_utils.Database, article_id: int) -> None:
    """Remove an article from its story (deleted, or its text changed); an empty story goes too."""
    row = db.execute("SELECT story_id, lines FROM article_stories WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        return
    db.conn.executemany("DELETE FROM story_lines WHERE hash = ? AND article_id = ?",
                   [(h, article_id) for h in _unpack(row[1])])
    db.execute("DELETE FROM article_stories WHERE article_id = ?", [article_id])
    if not db.execute("SELECT 1 FROM article_stories WHERE story_id = ? LIMIT 1", [row[0]]).fetchone():
        db.execute("DELETE FROM stories WHERE id = ?", [row[0]])
