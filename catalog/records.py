"""Extraction records as the catalogue reads them: shape checks and value coercion.

A record is the contract object of ``shared/spec/extraction.md`` (plus
``evidence`` on each fact and ``province_evidence``).  Nothing here touches
the database.

>>> validate_record({"awards": "Cờ thi đua"}, "facts.jsonl:3")
Traceback (most recent call last):
...
catalog.records.LoadError: facts.jsonl:3: field 'awards' must be a list, got str
>>> as_int("12"), as_int(True), as_year("2021-03-06"), as_date("2021-3-6"), as_date("2021-03-06T08:00:00+07:00")
(12, None, 2021, None, '2021-03-06')
"""

from __future__ import annotations

import datetime as dt
from typing import Any

LIST_FIELDS = ("provinces", "clusters", "campaigns", "themes", "awards", "events", "documents", "people")


class LoadError(ValueError):
    """A record or input file that cannot be loaded; one line naming the input."""


def validate_record(record: Any, where: str) -> None:
    """Check a record's shape (lists of objects where the contract has lists); raises LoadError."""
    if not isinstance(record, dict):
        raise LoadError(f"{where}: record must be a JSON object, got {type(record).__name__}")
    for name in LIST_FIELDS:
        value = record.get(name, [])
        if value is None:
            continue
        if not isinstance(value, list):
            raise LoadError(f"{where}: field {name!r} must be a list, got {type(value).__name__}")
        for i, item in enumerate(value):
            if name == "provinces":
                if not isinstance(item, str):
                    raise LoadError(f"{where}: provinces[{i}] must be a string")
            elif not isinstance(item, dict):
                raise LoadError(f"{where}: {name}[{i}] must be an object")
    ev = record.get("province_evidence")
    if ev is not None and not isinstance(ev, list):
        raise LoadError(f"{where}: province_evidence must be a list")


def as_int(value: Any) -> int | None:
    """An int, or None for anything that is not one (booleans included)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def as_year(value: Any) -> int | None:
    """The year of an int or of an ISO date string."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def as_date(value: Any) -> str | None:
    """The ISO date (YYYY-MM-DD) at the start of a string, or None when it is not one."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
