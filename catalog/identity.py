"""Identity rules of the canonical facts, as pure functions (no database).

The rules themselves are stated in :data:`catalog.schema_facts.IDENTITY`;
:mod:`catalog.facts` applies them while loading.

>>> document_key("01/CT-BTTTT") == document_key(" 1 / ct–btttt ") == document_key("01/CT-BTTT T")
True
>>> document_key("15/QĐ-UBND") == document_key("15/QD-UBND")
True
>>> award_key("r:so thong tin va truyen thong|64", "Cờ Thi đua", "ministry", 2020)
'r:so thong tin va truyen thong|64|co thi dua|ministry|2020'
>>> kinds_overlap(["review", "pledge_signing"], ["pledge_signing"]), kinds_overlap(["launch"], ["review"])
(True, False)
>>> within_window("2021-03-12", "2021-03-13"), within_window("2021-03-12", "2021-03-20")
(True, False)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from extract.normalize import fold, match_key

EVENT_WINDOW_DAYS = 2  # one meeting reported with dates this far apart is one event


def award_key(recipient_key: str, award: str, level: str | None, year: int | None) -> str:
    """Key of an award: recipient identity, award kind (folded), level and achievement year."""
    return f"{recipient_key}|{_kind_key(award)}|{level or ''}|{year if year is not None else ''}"


@lru_cache(maxsize=4096)
def _kind_key(award: str) -> str:
    return fold(match_key(award))


def document_key(number: str) -> str:
    """A document number compared without case, diacritics, spaces, dash variants or leading zeros."""
    text = fold(number).replace("–", "-").replace("—", "-").replace("‑", "-")
    text = re.sub(r"\s+", "", text)
    return re.sub(r"(?<![\d])0+(?=\d)", "", text)


def kinds_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two events share a kind; an event of unknown kind is compatible with any."""
    sa, sb = set(a), set(b)
    return not sa or not sb or bool(sa & sb)


def within_window(a: str, b: str, days: int = EVENT_WINDOW_DAYS) -> bool:
    """Whether two ISO dates are at most ``days`` apart."""
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= days


def window(date: str, days: int = EVENT_WINDOW_DAYS) -> tuple[str, str]:
    """The ISO date range ``date`` ± ``days``."""
    d = dt.date.fromisoformat(date)
    return (d - dt.timedelta(days=days)).isoformat(), (d + dt.timedelta(days=days)).isoformat()


def name_key(name: str) -> str:
    """A person's name compared without case or punctuation (diacritics kept: Hùng ≠ Hưng)."""
    return match_key(name)


def place_key(place: str | None) -> str:
    """A place as written, compared without case, diacritics or punctuation."""
    return fold(match_key(place)) if place else ""
