"""Campaign identity: group the spellings of one movement under a canonical campaign.

Articles write the same phong trào many ways: with or without the dash or the
quotes, in capitals, cut after the first clause, or as initials.  Every
variant is kept (``campaign_variants``); variants are grouped by comparing
``campaign_key`` values with rapidfuzz.

>>> same_campaign(campaign_key("“Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”"),
...               campaign_key("cả nước chung tay vì người nghèo không để ai bị bỏ lại phía sau"))
True
>>> same_campaign(campaign_key("Cả nước chung tay vì người nghèo"),
...               campaign_key("Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"))
True
>>> same_campaign(campaign_key("Dân vận khéo"), campaign_key("Toàn dân đoàn kết xây dựng nông thôn mới"))
False
"""

from __future__ import annotations

import re

import sqlite_utils
from rapidfuzz import fuzz

from extract.normalize import fold, match_key

# words that introduce a name but are not part of it
_LEAD = re.compile(r"^(?:phong trào\s+)?(?:thi đua\s+)?(?:cuộc vận động\s+)?")
RATIO_MIN = 92.0          # whole-name similarity (typos, a word more or less)
PREFIX_MIN_WORDS = 5      # a cut-short form must keep at least this many words
PREFIX_RATIO_MIN = 95.0


def campaign_key(name: str) -> str:
    """Comparison key of a campaign name: match_key without a leading "phong trào thi đua"."""
    key = match_key(name)
    stripped = _LEAD.sub("", key)
    return stripped or key


def initials(key: str) -> str:
    """Initial letters of a key, accent-free ("cả nước chung tay" → "cnct")."""
    return "".join(w[0] for w in fold(key).split() if w)


def same_campaign(a: str, b: str) -> bool:
    """Whether two campaign keys name the same movement."""
    if not a or not b:
        return False
    if a == b or fold(a) == fold(b):
        return True
    if fuzz.ratio(a, b) >= RATIO_MIN:
        return True
    short, long_ = sorted((a, b), key=len)
    short_words = short.split()
    if " " not in short and len(short) >= 4 and fold(short) == initials(long_):
        return True
    if len(short_words) >= PREFIX_MIN_WORDS:
        head = " ".join(long_.split()[: len(short_words)])
        if fuzz.ratio(short, head) >= PREFIX_RATIO_MIN:
            return True
    return False


def assign(db: sqlite_utils.Database, name: str) -> tuple[int, int]:
    """The (campaign_id, variant_id) of a campaign name, creating rows as needed."""
    name = " ".join(name.split())
    key = campaign_key(name)
    if not key:
        raise ValueError(f"campaign name {name!r} has no letters")
    row = db.execute("SELECT campaign_id, id FROM campaign_variants WHERE name = ?", [name]).fetchone()
    if row:
        return int(row[0]), int(row[1])
    row = db.execute("SELECT campaign_id FROM campaign_variants WHERE key = ? ORDER BY id LIMIT 1", [key]).fetchone()
    campaign_id = int(row[0]) if row else None
    best = None
    if campaign_id is None:
        for cid, vkey in db.execute("SELECT campaign_id, key FROM campaign_variants ORDER BY id"):
            if same_campaign(key, vkey):
                score = fuzz.ratio(key, vkey)
                if best is None or score > best:
                    best, campaign_id = score, int(cid)
    if campaign_id is None:
        cur = db.execute("INSERT INTO campaigns (name, key) VALUES (?, ?)", [name, key])
        campaign_id = int(cur.lastrowid)
    cur = db.execute("INSERT INTO campaign_variants (campaign_id, name, key) VALUES (?, ?, ?)",
                     [campaign_id, name, key])
    return campaign_id, int(cur.lastrowid)


def refresh_names(db: sqlite_utils.Database, campaign_ids: set[int]) -> None:
    """Set each campaign's canonical name: its most mentioned variant (``n_mentions``), the longest on ties.

    ``campaigns.key`` is unique; a key already held by another campaign (two
    movements whose names differ only in punctuation) keeps the old key.
    """
    for cid in campaign_ids:
        row = db.execute(
            """SELECT name, key FROM campaign_variants WHERE campaign_id = ?
               ORDER BY n_mentions DESC, length(name) DESC, id LIMIT 1""", [cid]).fetchone()
        if row:
            clash = db.execute("SELECT 1 FROM campaigns WHERE key = ? AND id != ?", [row[1], cid]).fetchone()
            db.execute("UPDATE campaigns SET name = ?, key = ? WHERE id = ?",
                       [row[0], row[1] if not clash else _current_key(db, cid), cid])


def _current_key(db: sqlite_utils.Database, cid: int) -> str:
    return db.execute("SELECT key FROM campaigns WHERE id = ?", [cid]).fetchone()[0]
