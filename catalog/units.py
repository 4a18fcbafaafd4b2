"""Unit identity: one key for every way an article writes a unit's name.

A unit (a department, a People's Committee, a police force, a school…) is
identified by its **normalised name without the province, plus its
province**:

* abbreviations are expanded: the sector abbreviations of
  ``data/gazetteers/authorities.csv`` (TT&TT, TTTT, KH&CN, …) and the
  administrative ones below (UBND, HĐND, MTTQ, TP, …);
* the province is read from the name ("… tỉnh Gia Lai") or given beside it
  (the award's ``province``), and resolved through the catalogue's province
  index, so a unit keeps its key before and after the 2025 merger ("Gia Lai"
  names the same historical unit in 2020 and in 2026; "(cũ)" is dropped);
* the rest is compared without diacritics, case or punctuation.

>>> from catalog.store import Catalogue
>>> units = UnitIndex(Catalogue(":memory:").db)
>>> units.key("Sở TT&TT Gia Lai") == units.key("Sở Thông tin và Truyền thông tỉnh Gia Lai")
True
>>> units.key("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Gia Lai")
'so thong tin va truyen thong|64'
>>> units.key("UBND tỉnh Bình Định") == units.key("Ủy ban nhân dân tỉnh Bình Định (cũ)")
True
>>> units.key("Sở TT&TT Gia Lai") == units.key("Sở TT&TT Kon Tum")
False
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from catalog.provinces import Province, ProvinceIndex
from extract.normalize import fold, match_key

GAZETTEERS = Path(__file__).resolve().parent.parent / "data" / "gazetteers"
AUTHORITIES_CSV = GAZETTEERS / "authorities.csv"
POSITIONS_CSV = GAZETTEERS / "positions.csv"

# administrative abbreviations (folded, word-bounded) → expansion (folded)
_ADMIN_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "tp": "thanh pho",
    "tx": "thi xa",
    "ttdt": "thong tin dien tu",
    "bchqs": "bo chi huy quan su",
    "ca": "cong an",
    "ldld": "lien doan lao dong",
    "tand": "toa an nhan dan",
    "vksnd": "vien kiem sat nhan dan",
    "bhxh": "bao hiem xa hoi",
    "vnpt": "vnpt",
}
# the words that start the name of an organisation: a recipient starting otherwise is a person or a count
UNIT_HEADS = frozenset(fold(w) for w in (
    "sở", "phòng", "ban", "ủy", "uỷ", "ubnd", "hđnd", "trung", "công", "cổng", "trường", "hội", "báo", "đài", "cục",
    "chi", "bộ", "văn", "viện", "bệnh", "kho", "bảo", "tổng", "ngân", "huyện", "xã", "phường", "thị", "thành",
    "tỉnh", "đảng", "liên", "đoàn", "tòa", "kiểm", "quân", "lữ", "sư", "bưu", "cảng", "nhà", "khối", "cụm", "vụ",
    "thanh", "mặt", "tập", "hợp", "đội", "tiểu", "câu", "ca",
))
_PROVINCE_WORDS = ("tinh", "thanh pho", "tp")
_FORMER = re.compile(r"\(\s*(?:cũ|cu)\s*\)", re.I)


@lru_cache(maxsize=1)
def _sector_abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, expansion) pairs from authorities.csv and the table above, longest abbreviation first."""
    pairs: dict[str, str] = dict(_ADMIN_ABBREVIATIONS)
    if AUTHORITIES_CSV.exists():
        with AUTHORITIES_CSV.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                abbr, expansion = row.get("abbreviation"), row.get("expansion")
                if abbr and expansion:
                    pairs[_flat(abbr)] = _flat(expansion)
    ordered = sorted(pairs.items(), key=lambda kv: -len(kv[0]))
    return tuple((re.compile(r"(?<!\w)" + re.escape(a).replace(r"\ ", r"\s+") + r"(?!\w)"), e) for a, e in ordered)


def _flat(text: str) -> str:
    """Folded, '&' kept as a word joiner, other punctuation dropped: "TT&TT" → "tt&tt", "Bà Rịa - Vũng Tàu" → "ba ria vung tau"."""
    text = fold(text).replace("–", "-").replace("—", "-")
    text = re.sub(r"\s*&\s*", "&", text)
    text = re.sub(r"\s*-\s*(?=\w+&)", "-", text)  # LĐ-TB&XH stays one token
    return " ".join(re.findall(r"[\w&-]+", text)).replace(" - ", " ").strip("- ")


def expand(name: str) -> str:
    """A unit name folded with its abbreviations expanded (no province handling).

    >>> expand("Sở TT&TT")
    'so thong tin va truyen thong'
    >>> expand("Sở LĐ-TB&XH tỉnh Gia Lai")
    'so lao dong thuong binh va xa hoi tinh gia lai'
    """
    text = _flat(name)
    for pattern, expansion in _sector_abbreviations():
        text = pattern.sub(expansion, text)
    return " ".join(re.findall(r"\w+", text))


@lru_cache(maxsize=1)
def position_titles() -> tuple[str, ...]:
    """Titles of positions.csv (Giám đốc, Phó Chủ tịch…), folded, longest first."""
    titles: set[str] = set()
    if POSITIONS_CSV.exists():
        with POSITIONS_CSV.open(encoding="utf-8", newline="") as f:
            titles = {fold(r["title"]).strip() for r in csv.DictReader(f) if r.get("title")}
    return tuple(sorted(titles, key=len, reverse=True))


@lru_cache(maxsize=8192)
def split_position(position: str | None) -> tuple[str | None, str | None]:
    """(title, unit) of a stated position; the unit is None when the position names none.

    >>> split_position("Giám đốc Sở Thông tin và Truyền thông Điện Biên")
    ('Giám đốc', 'Sở Thông tin và Truyền thông Điện Biên')
    >>> split_position("Phó Chủ tịch UBND tỉnh Gia Lai")
    ('Phó Chủ tịch', 'UBND tỉnh Gia Lai')
    >>> split_position("Phó Giám đốc")
    ('Phó Giám đốc', None)
    """
    if not position:
        return None, None
    words = position.split()
    folded = [fold(w) for w in words]
    for title in position_titles():
        n = len(title.split())
        if " ".join(folded[:n]) == title:
            unit = " ".join(words[n:]).strip(" ,;:-") or None
            return " ".join(words[:n]), unit if unit and is_unit_name(unit) else None
    return None, position if is_unit_name(position) else None


def is_unit_name(name: str | None) -> bool:
    """Whether a name starts like an organisation's (Sở, UBND, Công an, Trường…), not a person's."""
    if not name:
        return False
    first = fold(name.split()[0]).strip("\"“”'(") if name.split() else ""
    return first in UNIT_HEADS


@dataclass(frozen=True)
class UnitId:
    """A unit's identity: key, name part (folded, expanded, without province), province."""

    key: str
    base: str
    province: Province | None


class UnitIndex:
    """Unit keys over the catalogue's province index (see the module docstring)."""

    def __init__(self, db: sqlite_utils.Database, provinces: ProvinceIndex | None = None) -> None:
        self.provinces = provinces or ProvinceIndex(db)
        self._cache: dict[tuple[str, str | None], UnitId] = {}

    def identify(self, name: str, province: str | None = None) -> UnitId:
        """The identity of a unit written ``name``, in ``province`` when the text gives one beside it."""
        cache_key = (name, province)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        base = expand(_FORMER.sub(" ", name))
        words = base.split()
        found: Province | None = None
        for n in range(min(5, len(words) - 1), 0, -1):  # the longest province name at the end of the name
            p = self.provinces.resolve(" ".join(words[-n:]))
            if p is not None:
                found, words = p, words[:-n]
                break
        if found is not None:
            for w in _PROVINCE_WORDS:  # "tỉnh", "thành phố" before the province name
                parts = w.split()
                if words[-len(parts):] == parts and len(words) > len(parts):
                    words = words[: -len(parts)]
                    break
        given = self.provinces.resolve(province) if province else None
        place = given or found
        base = " ".join(words)
        key = f"{base}|{place.code if place else (match_key(province) if province else '')}"
        unit = UnitId(key, base, place)
        if len(self._cache) < 100_000:
            self._cache[cache_key] = unit
        return unit

    def key(self, name: str, province: str | None = None) -> str:
        """The identity key alone."""
        return self.identify(name, province).key
