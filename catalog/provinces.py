"""Resolve a province name from an extractor record to its catalogue row.

The lookup reads the ``provinces`` table (63 units with aliases) and
``data/gazetteers/province_aliases.csv``; names compare by
``extract.normalize.match_key``, then accent-insensitively.

>>> from catalog.store import Catalogue
>>> idx = ProvinceIndex(Catalogue(":memory:").db)
>>> idx.resolve("Bình Dương")
Province(name='Bình Dương', code='74', province_2025='Hồ Chí Minh')
>>> idx.resolve("TP HCM").name, idx.resolve("Hoà Bình").province_2025
('Hồ Chí Minh', 'Phú Thọ')
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import NamedTuple

import sqlite_utils

from extract.normalize import fold, match_key

ALIASES_CSV = Path(__file__).resolve().parent.parent / "data" / "gazetteers" / "province_aliases.csv"
_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp)\s+")


class Province(NamedTuple):
    """A province as stored in fact tables: canonical name, GSO code, 2025 successor."""

    name: str
    code: str | None
    province_2025: str | None


class ProvinceIndex:
    """Name → Province lookup built from the catalogue's ``provinces`` table."""

    def __init__(self, db: sqlite_utils.Database, aliases_csv: Path = ALIASES_CSV) -> None:
        self._by_key: dict[str, Province] = {}
        self._by_fold: dict[str, Province] = {}
        self._resolved: dict[str, Province | None] = {}  # name as written → result (names repeat a lot)
        rows = db.execute("SELECT code, name, province_2025, aliases FROM provinces").fetchall()
        by_name: dict[str, Province] = {}
        for code, name, succ, aliases in rows:
            p = Province(name, code, succ)
            by_name[name] = p
            for surface in [name, *(aliases or "").split("|")]:
                self._add(surface, p)
        if aliases_csv.exists():
            with aliases_csv.open(encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f):
                    if r.get("name") in by_name and r.get("alias"):
                        self._add(r["alias"], by_name[r["name"]])
        # a 2025 unit named by its new name (e.g. "Huế") resolves to the old unit with that name, if any
        for p in by_name.values():
            if p.province_2025:
                self._by_key.setdefault(match_key(p.province_2025), by_name.get(p.province_2025, p))

    def _add(self, surface: str, p: Province) -> None:
        key = match_key(surface)
        if not key:
            return
        self._by_key.setdefault(key, p)
        self._by_fold.setdefault(fold(key), p)

    def resolve(self, name: str | None) -> Province | None:
        """The province a name denotes, or None when the name is not a province (or empty)."""
        if not name:
            return None
        if name in self._resolved:
            return self._resolved[name]
        hit = self._resolve(name)
        if len(self._resolved) < 50_000:
            self._resolved[name] = hit
        return hit

    def _resolve(self, name: str) -> Province | None:
        key = match_key(name)
        hit = self._by_key.get(key) or self._by_key.get(_PREFIX.sub("", key))
        if hit is None:
            hit = self._by_fold.get(fold(key)) or self._by_fold.get(fold(_PREFIX.sub("", key)))
        return hit

    def columns(self, name: str | None) -> dict[str, str | None]:
        """The three province columns of a fact row; an unknown name is kept as written, without code."""
        p = self.resolve(name)
        if p is None:
            clean = " ".join(name.split()) if name else None
            return {"province": clean or None, "province_code": None, "province_2025": None}
        return {"province": p.name, "province_code": p.code, "province_2025": p.province_2025}
