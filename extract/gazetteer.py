"""Gazetteers: provinces, cities and authorities, loaded from ``data/gazetteers``.

Province names are matched on the normalised text (see ``extract.normalize``)
with one compiled alternation, longest variant first, so that a city whose name
starts with a province's ("Điện Biên Phủ") or a "thành phố X" below province
level wins over the bare province name.

>>> g = gazetteer()
>>> [(m.surface, m.name) for m in g.find_provinces("Sở TT&TT TP.HCM và Bà Rịa -Vũng Tàu")]
[('TP.HCM', 'Hồ Chí Minh'), ('Bà Rịa -Vũng Tàu', 'Bà Rịa - Vũng Tàu')]
>>> [(m.surface, m.province) for m in g.find_cities("tại thành phố Điện Biên Phủ")]
[('Điện Biên Phủ', 'Điện Biên')]
>>> g.canonical_authority("Bộ TT&TT")
'Bộ Thông tin và Truyền thông'
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from extract.normalize import fix_tone_placement, fold, normalize_name

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteers"

_DASH = r"\s*[-–—]\s*"
_WORD_BEFORE = r"(?<![\w&.])"
_WORD_AFTER = r"(?![\w&])"
_CITY_PREFIX = r"(?:[Tt]hành phố|THÀNH PHỐ|TP\.?|Tp\.?)\s*"
_LOOSE_CONTEXT = re.compile(r"(?:(?i:tỉnh|thành phố)|TP\.?|Tp\.?)\s+$")
# an upper-case Vietnamese letter (a range such as À-Ỹ would also take lower-case đ, ư, ạ …)
UPPER = "[" + "".join(sorted({c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.lower() != c
                               and (c.isascii() or "LATIN" in unicodedata.name(c, ""))})) + "]"


@dataclass(frozen=True)
class Match:
    """A gazetteer hit: character span in the searched text and its canonical name."""

    start: int
    end: int
    surface: str
    name: str
    kind: str = "PROVINCE"  # PROVINCE | CITY
    province: str | None = None  # for CITY: the province it lies in


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    type: str
    region: str
    successor: str
    successor_code: str
    aliases: tuple[str, ...]


def _key(surface: str) -> str:
    """Lookup key for a surface form: case-, dash- and spacing-insensitive."""
    return re.sub(r"[\s\-–—.,]+", " ", surface).strip().lower()


def _variant_regex(surface: str) -> str:
    """Regex for a name allowing dash/space variants between its parts."""
    parts = re.split(r"\s*[-–—]\s*", surface)
    out = []
    for part in parts:
        syllables = [re.escape(s) for s in re.split(r"\s+", part.strip()) if s]
        out.append(r"\s+".join(syllables))
    return _DASH.join(out)


@functools.lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Vietnamese surnames: the ``PERSON_SURNAME`` rules of extract/rules/people.jsonl."""
    from extract.patterns import load_patterns

    return frozenset(p["pattern"][0]["TEXT"] for p in load_patterns()
                     if p["label"] == "PERSON_SURNAME" and isinstance(p["pattern"], list) and len(p["pattern"]) == 1)


_WARD_BEFORE = re.compile(r"(?<![\w])(?:phường|xã|thị trấn|đặc khu|Phường|Xã)\s+$")
_NAME_BEFORE = re.compile(r"(?:(?P<honorific>\b(?i:ông|bà|đồng chí|đ/c|chị|anh|cô|thầy|cháu|em)\s+))?"
                          r"(?P<surname>" + UPPER + r"\w+)(?P<middle>(?:\s+" + UPPER + r"\w*){1,2})\s+$")


_SURNAME_BEFORE = re.compile(r"(?<![\w])(" + UPPER + r"\w+)\s+$")
_NOUN_SURNAMES = frozenset({"Đoàn", "Hội", "Châu", "Cao", "Kim", "Sơn", "Thái", "Triệu", "Văn", "Quan", "Tôn", "Giang", "Hà",
                            "Lâm", "Bạch", "Đồng", "Đàm", "Tiêu", "Quách", "Ninh", "Yên", "Bình", "Khánh", "Long", "Vĩnh"})


def _ends_person_name(text: str, start: int) -> bool:
    """Whether a place name at ``start`` is the given name closing a person's name: a surname and one or
    two capitalised words before it, with a middle name Thị/Văn or an honorific ("bà Trần Thị Hoà Bình").

    >>> t = "Dự có bà Trần Thị Hoà Bình, Phó Chủ tịch"
    >>> _ends_person_name(t, t.index("Hoà"))
    True
    >>> t = "Đoàn Thanh Niên Quảng Ninh"
    >>> _ends_person_name(t, t.index("Quảng"))
    False
    """
    m = _NAME_BEFORE.search(text[max(0, start - 40):start])
    if m and m.group("surname") in surnames():
        return bool(m.group("honorific")) or bool(re.search(r"\b(?:Thị|Văn)\b", m.group("middle")))
    # a surname right before the place: "Phó Thủ tướng Thường trực Chính phủ Trương Hòa Bình" (not a common noun
    # that is also a surname: "đoàn Quảng Ninh" is a delegation)
    m = _SURNAME_BEFORE.search(text[max(0, start - 20):start])
    return bool(m) and m.group(1) in surnames() and m.group(1) not in _NOUN_SURNAMES


class Gazetteer:
    """Provinces (63 pre-2025 units with aliases and 2025 successor), cities, authorities."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.data_dir = data_dir
        self.provinces: dict[str, Province] = {}
        with open(data_dir / "provinces.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
                p = Province(row["code"], row["name"], row["type"], row["region"],
                             row["province_2025"], row["code_2025"], aliases)
                self.provinces[p.name] = p
        extra: dict[str, list[str]] = {}
        with open(data_dir / "province_aliases.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                extra.setdefault(row["name"], []).append(row["alias"])

        # surface key -> (kind, canonical name, province)
        self._lookup: dict[str, tuple[str, str, str | None]] = {}
        patterns: list[str] = []
        loose: list[str] = []

        def add(surface: str, kind: str, name: str, province: str | None, prefix: str = "") -> None:
            surface = normalize_name(surface) or ""
            if not surface:
                return
            for form in {surface, surface.upper()}:
                self._lookup.setdefault(_key(form), (kind, name, province))
                patterns.append(prefix + _variant_regex(form))

        for p in self.provinces.values():
            surfaces = {p.name, *p.aliases, *extra.get(p.name, [])}
            if p.name == "Hồ Chí Minh":
                # bare "Hồ Chí Minh" is the President far more often than the city
                surfaces.discard("Hồ Chí Minh")
            for s in surfaces:
                if s == "HN":  # too ambiguous as a bare token
                    continue
                add(s, "PROVINCE", p.name, p.name)
                syllables = (normalize_name(s) or "").split()
                if len(syllables) >= 2 and all(x[:1].isupper() for x in syllables):
                    # "Quảng trị", "THANH HóA": the later syllables written in another case (kept to a province
                    # context in _scan_cached)
                    loose.append(re.escape(syllables[0]) + r"\s+(?i:" + _variant_regex(" ".join(syllables[1:])) + ")")
                    loose.append(re.escape(syllables[0].upper()) + r"\s+(?i:" + _variant_regex(" ".join(syllables[1:])) + ")")
            if p.type == "tỉnh":
                # "thành phố Lào Cai" is the provincial capital, below province level
                for s in {p.name, *p.aliases}:
                    if len(s) > 3 and s != "Huế":
                        key_surface = normalize_name(s) or s
                        for form in {key_surface, key_surface.upper()}:
                            self._lookup.setdefault("city:" + _key(form), ("CITY", key_surface, p.name))
                        patterns.append(_CITY_PREFIX + _variant_regex(s))
                        patterns.append(_CITY_PREFIX + _variant_regex(s.upper()))

        self.cities: dict[str, str] = {}
        with open(data_dir / "cities.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self.cities[row["name"]] = row["province"]
                forms = [row["name"], *[a for a in (row.get("aliases") or "").split("|") if a]]
                for s in forms:
                    if row.get("bare", "yes") == "yes":
                        add(s, "CITY", row["name"], row["province"])
                    for form in {s, s.upper()}:
                        self._lookup.setdefault("city:" + _key(form), ("CITY", row["name"], row["province"]))
                        patterns.append(_CITY_PREFIX + _variant_regex(form))

        patterns = sorted(set(patterns), key=len, reverse=True)
        # every name starts with an upper-case letter, every city prefix with "t"/"T": the lookahead
        # lets the engine skip the long alternation at all other positions
        lower = [p for p in patterns if not (p.startswith(_CITY_PREFIX) or re.match(UPPER[:-1] + "t]", p))]
        if lower:
            raise ValueError(f"{data_dir}: place names must start with an upper-case letter or 'thành phố': {lower[:3]}")
        self._regex = re.compile(_WORD_BEFORE + "(?=" + UPPER[:-1] + "t])(?:" + "|".join(patterns) + ")" + _WORD_AFTER)
        self._loose_regex = re.compile(_WORD_BEFORE + "(?:" + "|".join(sorted(set(loose), key=len, reverse=True)) + ")"
                                       + _WORD_AFTER)
        self._prefix_re = re.compile("^" + _CITY_PREFIX)
        self._folded = {fold(_key(k)): v for k, v in self._lookup.items() if not k.startswith("city:")}

        self._auth_re: re.Pattern[str] | None = None
        self.authority_abbreviations: dict[str, str] = {}
        with open(data_dir / "authorities.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self.authority_abbreviations[row["abbreviation"]] = row["expansion"]
        abbr = sorted(self.authority_abbreviations, key=len, reverse=True)
        self._abbr_re = re.compile(r"(?<![\w&])(" + "|".join(re.escape(a) for a in abbr) + r")(?![\w&])")

    # -- places -----------------------------------------------------------------
    def _scan(self, text: str) -> list[Match]:
        return list(self._scan_cached(text))

    @functools.lru_cache(maxsize=1 << 16)  # noqa: B019 - one long-lived instance; sentences are scanned by several fields
    def _scan_cached(self, text: str) -> tuple[Match, ...]:
        # length-preserving repairs, so offsets stay valid for un-normalised input too
        text = fix_tone_placement(text.replace("\u00d0", "\u0110"))
        out = []
        for m in self._regex.finditer(text):
            surface = m.group(0)
            hit = None
            stripped = self._prefix_re.sub("", surface)
            if stripped != surface:
                hit = self._lookup.get("city:" + _key(stripped))
                if hit is None:  # "TP Hà Nội", "thành phố Cần Thơ": a centrally-run city
                    hit = self._lookup.get(_key(stripped))
                    if hit:
                        start = m.start() + surface.index(stripped)
                        out.append(Match(start, m.end(), stripped, hit[1], hit[0], hit[2]))
                        continue
                else:
                    start = m.start() + surface.index(stripped)
                    out.append(Match(start, m.end(), stripped, hit[1], "CITY", hit[2]))
                    continue
            hit = hit or self._lookup.get(_key(surface))
            if hit and hit[0] == "PROVINCE" and _ends_person_name(text, m.start()):
                continue  # "bà Trần Thị Hoà Bình", "ông Nguyễn Thái Bình": a given name, not the province
            if hit and hit[0] == "PROVINCE" and _WARD_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                continue  # "phường Bạc Liêu, tỉnh Cà Mau": a ward named after a pre-2025 province
            if hit:
                out.append(Match(m.start(), m.end(), surface, hit[1], hit[0], hit[2]))
        # a province written with its later syllables in another case counts where a province is expected: after
        # "tỉnh", "thành phố", "TP", or after another province and a dash or comma ("Thừa Thiên Huế - Quảng trị")
        for m in self._loose_regex.finditer(text):
            if any(o.start < m.end() and m.start() < o.end for o in out):
                continue
            before = text[max(0, m.start() - 14):m.start()]
            if not (_LOOSE_CONTEXT.search(before) or any(0 <= m.start() - o.end <= 3 and o.kind == "PROVINCE" for o in out)):
                continue
            hit = self._lookup.get(_key(m.group(0)))
            if hit and hit[0] == "PROVINCE":
                out.append(Match(m.start(), m.end(), m.group(0), hit[1], hit[0], hit[2]))
        return tuple(sorted(out, key=lambda x: x.start))

    def find_provinces(self, text: str) -> list[Match]:
        """Province mentions (canonical ``provinces.csv`` names), cities excluded."""
        return [m for m in self._scan(text) if m.kind == "PROVINCE"]

    def find_cities(self, text: str) -> list[Match]:
        """City mentions below province level; ``Match.province`` is their province."""
        return [m for m in self._scan(text) if m.kind == "CITY"]

    def find_places(self, text: str) -> list[Match]:
        """Provinces and cities in text order."""
        return self._scan(text)

    def canonical_province(self, surface: str | None) -> str | None:
        """Canonical province name for a surface form, or None ("TP HCM" → "Hồ Chí Minh")."""
        if not surface:
            return None
        s = normalize_name(surface) or ""
        s = re.sub(r"^(?:tỉnh|Tỉnh|TỈNH)\s+", "", s)
        hit = self._lookup.get(_key(s)) or self._lookup.get(_key(self._prefix_re.sub("", s)))
        if hit is None:
            hit = self._folded.get(fold(_key(s)))
        if hit and hit[0] == "PROVINCE":
            return hit[1]
        return None

    def province_of_place(self, surface: str | None) -> str | None:
        """Province of a place name, city or province ("Phan Rang - Tháp Chàm" → "Ninh Thuận")."""
        if not surface:
            return None
        for m in self._scan(surface):
            return m.province if m.kind == "CITY" else m.name
        return None

    def successor(self, name: str) -> str | None:
        """The 2025 unit a pre-2025 province belongs to ("Bình Dương" → "Hồ Chí Minh")."""
        p = self.provinces.get(name)
        return p.successor if p else None

    # -- authorities --------------------------------------------------------------
    def expand_abbreviations(self, text: str) -> str:
        """Expand sector abbreviations ("Sở TT&TT" → "Sở Thông tin và Truyền thông")."""
        return self._abbr_re.sub(lambda m: self.authority_abbreviations[m.group(1)], text)

    def canonical_authority(self, surface: str | None, default_province: str | None = None) -> str | None:
        """Canonical authority name as the contract writes it.

        "Bộ TT&TT", "Bộ trưởng Bộ TTTT" → "Bộ Thông tin và Truyền thông";
        "Ủy ban nhân dân tỉnh Long An", "Chủ tịch UBND tỉnh Long An" → "UBND tỉnh Long An";
        "Sở TTTT tỉnh Gia Lai" → "Sở Thông tin và Truyền thông Gia Lai"; "UBND tỉnh" with
        ``default_province`` → "UBND tỉnh <default_province>".
        """
        if not surface:
            return None
        s = normalize_name(surface) or ""
        s = re.sub(r"^(?:của|do|bởi)\s+", "", s).strip(" ,.;:")
        if not s:
            return None
        low = s.lower()
        if re.match(r"^(?:thủ tướng|tttg)", low):
            return "Thủ tướng Chính phủ"
        if low.startswith("chính phủ"):
            return "Chính phủ"
        if low.startswith("chủ tịch nước"):
            return "Chủ tịch nước"
        agency = self.agency_of(s)
        if agency:
            return agency
        s = re.sub(r"^(?:(?:Phó\s+)?Bộ trưởng|(?:Phó\s+)?Giám đốc|(?:Phó\s+)?Chủ tịch)\s+", "", s, flags=re.I)
        s = self.expand_abbreviations(s)
        m = re.match(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|UB nhân dân)\s*(.*)$", s, flags=re.I)
        if m:
            rest = m.group(1).strip()
            prov = self._province_in(rest) or (default_province if not rest or rest.lower() in ("tỉnh", "thành phố", "tp") else None)
            if prov is None:
                return "UBND " + rest if rest else None
            kind = "thành phố" if self.provinces[prov].type == "thành phố" else "tỉnh"
            return f"UBND {kind} {prov}"
        m = re.match(r"^Sở\s+(.+?)(?:\s+(?:tỉnh|thành phố|TP\.?))?(?:\s+(.+))?$", s)
        if m:
            prov = self._province_in(s) or default_province
            body = s[len("Sở "):]
            for p_match in self.find_provinces(body):
                body = body[: p_match.start].rstrip()
                break
            body = re.sub(r"\s+(?:tỉnh|thành phố|TP\.?)$", "", body).strip()
            return f"Sở {body} {prov}".strip() if prov else f"Sở {body}"
        m = re.match(r"^Bộ\s+(.+)$", s)
        if m:
            return "Bộ " + m.group(1).strip()
        return s

    @functools.cached_property
    def agencies(self) -> dict[str, dict]:
        """Central agencies that award like ministries (data/gazetteers/agencies.csv), by canonical name."""
        out = {}
        with open(self.data_dir / "agencies.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                out[row["name"]] = {"name": row["name"], "level": row["level"],
                                    "aliases": [a for a in row["aliases"].split(";") if a],
                                    "heads": [h for h in row["heads"].split(";") if h]}
        return out

    def agency_of(self, surface: str) -> str | None:
        """"Chánh án Tòa án nhân dân tối cao", "NHNN Việt Nam" → the agency's canonical name, else None."""
        low = " ".join(surface.split()).lower()
        for agency in self.agencies.values():
            for head in sorted(agency["heads"], key=len, reverse=True):
                if low.startswith(head.lower() + " "):
                    low = low[len(head) + 1:]
                    break
            if low in {n.lower() for n in (agency["name"], *agency["aliases"])}:
                return agency["name"]
        return None

    def _authority_regex(self) -> re.Pattern[str]:
        if getattr(self, "_auth_re", None) is None:
            sectors_min, sectors_dep = [], []
            with open(self.data_dir / "sectors.csv", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    (sectors_min if row["ministry"] == "yes" else []).append(row["name"])
                    (sectors_dep if row["department"] == "yes" else []).append(row["name"])
            abbr = list(self.authority_abbreviations)

            def alt(items: list[str]) -> str:
                return "|".join(_variant_regex(x).replace(",", ",?") for x in sorted(items, key=len, reverse=True))

            prov = r"(?:(?:tỉnh|thành phố|TP\.?)\s+)?(?:" + UPPER + r"\w*(?:\s*[-–]\s*|\s+)){0,3}" + UPPER + r"[\w.]*"
            parts = [
                r"(?:Thủ tướng Chính phủ|Thủ tướng|Chính phủ|Chủ tịch nước)",
                r"(?:(?:Phó\s+)?Bộ trưởng\s+)?Bộ\s+(?:" + alt(sectors_min + abbr) + ")",
                r"(?:(?:Phó\s+)?Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|UB nhân dân)(?:\s+(?:tỉnh|thành phố|TP\.?)(?:\s+" + prov + ")?)?",
                r"(?:(?:Phó\s+)?Giám đốc\s+)?Sở\s+(?:" + alt(sectors_dep + abbr) + r")(?:\s+" + prov + ")?",
                r"(?:Ban|Hội đồng) Thi đua\s*[-–,]?\s*Khen thưởng(?:\s+(?:Trung ương|" + prov + "))?",
            ]
            for agency in self.agencies.values():  # central agencies that award like ministries
                heads = alt(agency["heads"]) if agency["heads"] else None
                names = alt([agency["name"], *agency["aliases"]])
                parts.insert(1, (rf"(?:(?:{heads})\s+)?" if heads else "") + rf"(?:{names})")
            self._auth_re = re.compile(_WORD_BEFORE + "(?:" + "|".join(parts) + ")" + _WORD_AFTER)
        return self._auth_re

    def find_authorities(self, text: str, default_province: str | None = None) -> list[Match]:
        """Authorities (ministries, People's Committees, departments, PM, President) with canonical names."""
        out = []
        for m in self._authority_regex().finditer(text):
            surface = m.group(0).rstrip(" .,")
            # cut a trailing word that is not part of a province name ("Sở TTTT Gia Lai làm" → "Sở TTTT Gia Lai")
            provs = self.find_provinces(surface)
            if provs and not surface.startswith(("Thủ tướng", "Chính phủ")):
                end = provs[-1].end
                if surface[end:].strip() and not re.match(r"^\s*[-–]", surface[end:]):
                    surface = surface[:end]
            elif re.search(r"\s(?:tỉnh|thành phố|TP\.?)\s+\S", surface):
                surface = re.sub(r"\s+(?:tỉnh|thành phố|TP\.?)\s+\S.*$", lambda x: x.group(0).split()[0] and " " + x.group(0).split()[0], surface).rstrip()
            name = self.canonical_authority(surface, default_province)
            if name:
                out.append(Match(m.start(), m.start() + len(surface), surface, name, "AUTHORITY"))
        return out

    def _province_in(self, text: str) -> str | None:
        found = self.find_provinces(text)
        return found[0].name if found else None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded once per process."""
    return Gazetteer()
