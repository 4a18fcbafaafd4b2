"""Whose article it is: the province it is about, the provinces it names, whether it speaks from one
province, and the home province of a provincial unit written without one ("Sở Y tế").
"""

from __future__ import annotations

import re
from collections import Counter

from extract.frontend import Analysis
from extract.gazetteer import UPPER, gazetteer, surnames


def article_province(a: Analysis) -> str | None:
    """The province the article is about: most mentions in title and body, the title first on ties."""
    return a.memo("article_province", _article_province)


def _article_province(a: Analysis) -> str | None:
    g = gazetteer()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    texts = ([a.title] if a.title else []) + [s.text for s in a.sentences if not s.is_title]
    for i, t in enumerate(texts):
        for m in g.find_provinces(t or ""):
            counts[m.name] += 1
            first.setdefault(m.name, i)
    if not counts:
        return None
    return sorted(counts, key=lambda p: (-counts[p], first[p]))[0]


def named_provinces(a: Analysis) -> set[str]:
    """Every province the title or body names."""
    return a.memo("named_provinces", _named_provinces)


def _named_provinces(a: Analysis) -> set[str]:
    g = gazetteer()
    return {m.name for t in [a.title or ""] + [s.text for s in a.sentences] for m in g.find_provinces(t)}


_PROVINCIAL_UNIT = re.compile(
    r"^(?:Sở|Công an tỉnh|Công an thành phố|Đài Phát thanh|Đài PT|Báo|Cục Thuế tỉnh|Cục Thuế|Bảo hiểm xã hội tỉnh|BHXH tỉnh|"
    r"Kho bạc Nhà nước tỉnh|Văn phòng UBND tỉnh|Văn phòng Tỉnh ủy|UBND tỉnh|Ủy ban nhân dân tỉnh|Liên đoàn Lao động tỉnh|Tỉnh đoàn|"
    r"Bộ Chỉ huy Quân sự tỉnh|Ban Dân tộc|Ban Quản lý)(?![\w])"
)


_BELOW_PROVINCE = re.compile(r"(?:(?i:huyện|quận|thị xã|thành phố|phường|thị trấn)|(?<![\w])xã)\s+[A-ZĐ0-9]")


# a unit named after the province it serves without naming it: "Bệnh viện Đa khoa tỉnh", "Hội Nông dân tỉnh"
_OF_THE_PROVINCE = re.compile(r"(?<![\w])(?:tỉnh|Tỉnh)$")


def home_province(unit: str, province: str | None) -> str | None:
    """The province of a provincial unit written without one ("Sở Y tế" in a Long An article → Long An;
    "Bệnh viện Đa khoa tỉnh" → its province)."""
    if province and (_PROVINCIAL_UNIT.match(unit) and not _BELOW_PROVINCE.search(unit) or _OF_THE_PROVINCE.search(unit)):
        return province
    return None


# "UBND tỉnh", "toàn tỉnh", "Hội Nông dân tỉnh": the province spoken of without its name ("các tỉnh" is plural)
_BARE_TINH = re.compile(r"(?<!các )(?<!những )(?<!nhiều )(?<![\w])(?:tỉnh|Thành phố)(?![\w])(?!\s*[-–]?\s*[A-ZĐ0-9])")


# a province named as it was before the 2025 merger ("huyện Long Điền, tỉnh Bà Rịa - Vũng Tàu trước sắp xếp",
# "tỉnh Hòa Bình (cũ)") is history: it does not make the article speak of two provinces
_HISTORY = re.compile(r"(?i:trước (?:khi )?(?:sắp xếp|hợp nhất|sáp nhập))")


def one_province_view(a: Analysis) -> bool:
    """The article speaks from one province (see ``_one_province_view``); read once per article."""
    return a.memo("one_province_view", _one_province_view)


def _one_province_view(a: Analysis) -> bool:
    """The article speaks from one province: it names no other, or it names its own far more often
    and calls its bodies just "tỉnh" ("UBND tỉnh", "Hội Nông dân tỉnh") — guests and a related-news
    line naming other provinces do not change whose ceremony it is."""
    counts = Counter(m.name for t in [a.title or ""] + [s.text for s in a.sentences] for m in gazetteer().find_provinces(t)
                     if not _HISTORY.search(t) and not re.match(r"\s*\((?i:cũ)\)", t[m.end:]))
    if len(counts) <= 1:
        return len(counts) == 1
    (_, top), (_, second) = counts.most_common(2)
    if top >= 4 and top >= 3 * second:
        return True  # "Công ty Điện lực Vĩnh Long …" told throughout; the others named once, in a list
    bare = sum(len(_BARE_TINH.findall(s.text)) for s in a.sentences)
    return top >= 2 * second and bare >= 2


_PLACE_KIND_BEFORE = re.compile(r"(?<![\w])(?i:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|thôn|ấp|bản|xóm)\s+$")


def past_place_name(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A capitalised run after a place kind is the place's name and then the person's ("Chủ tịch Ủy ban MTTQ xã Kim
    Tân Quách Thị Tươi"): the name starts at the surname that leaves the place one or two syllables.

    >>> t = "Chủ tịch UBND xã Kim Tân Quách Thị Tươi"
    >>> s, e = past_place_name(t, (t.index("Kim"), len(t))); t[s:e]
    'Quách Thị Tươi'
    """
    words = list(re.finditer(r"\S+", text[span[0]: span[1]]))
    kind = _PLACE_KIND_BEFORE.search(text[: span[0]])
    if len(words) < 4 or not kind:
        return span
    for k in (2, 1):
        if len(words) - k >= 2 and words[k].group(0) in surnames():
            place = text[span[0]: span[0] + words[k].start()].strip()
            if kind.group(0).strip().lower() in ("tỉnh", "thành phố") and not gazetteer().find_provinces(place):
                continue  # "Chủ tịch UBND tỉnh Y Thanh Hà Niê Kđăm": after a province only a province is its place
            return span[0] + words[k].start(), span[1]
    return span


def cut_trailing_name(unit: str) -> str:
    """A unit whose place is followed by its head's name, glued: "Ủy ban MTTQ xã Kim Tân Quách Thị Tươi" → "Ủy ban
    MTTQ xã Kim Tân".

    >>> cut_trailing_name("Ủy ban MTTQ xã Kim Tân Quách Thị Tươi")
    'Ủy ban MTTQ xã Kim Tân'
    >>> cut_trailing_name("UBND xã Hoằng Quang")
    'UBND xã Hoằng Quang'
    """
    m = re.search(r"(?<=\s)" + UPPER + r"\S*(?:\s+" + UPPER + r"\S*){3,5}$", unit)
    if not m:
        return unit
    start, _ = past_place_name(unit, (m.start(), len(unit)))
    return unit[:start].rstrip() if start > m.start() else unit
