"""Cluster members: the units listed after a mention ("… gồm (các Sở TT&TT): A, B và C"), after an
anaphor ("các tỉnh trong Cụm: …"), and the counts stated beside them ("gồm 5 sở")."""

from __future__ import annotations

import re

from extract.constructions.lists import Item, split_list
from extract.constructions.numerals import leading_count
from extract.gazetteer import gazetteer
from extract.patterns import find_rules

# a period that ends a clause, not the one of an abbreviated "TP." / "Tp." (thành phố) or "TX." (thị xã):
# "gồm 7 đơn vị: NHNN chi nhánh Tp. Hồ Chí Minh, Bình Dương và Long An"
_FULL_STOP = r"(?<![Tt][Pp]|[Tt][Xx])\."


# "thuộc Khối … do Bộ Công an tổ chức," / "được kiện toàn theo Quyết định số …," between a cluster and its members
_CONTAINER = re.compile(
    r"^\s+(?i:thuộc|trực thuộc|được kiện toàn|được thành lập|được thành lập lại|được điều chỉnh|được sắp xếp lại|theo)"
    r"\s[^.;:]{3,160}?,(?=\s*(?:(?i:năm)\s+(?:19|20)\d{2}\s*,?\s*)?(?i:gồm|bao gồm|gồm có)\s)")


def _member_list(text: str, end: int, offset: int) -> tuple[list[Item], int | None]:
    """Members listed right after a mention ending at ``end``: "… gồm (các Sở TT&TT): A, B và C".

    A relative clause naming the container comes in between: "Cụm thi đua số 1 thuộc Khối thi đua Công an
    các địa phương do Bộ Công an tổ chức, năm 2017 gồm 8 đơn vị: …" (the members are the cụm's).
    """
    container = _CONTAINER.match(text[end: end + 200])
    if container:
        end += container.end()
    window = text[end: end + 90]
    cut = re.search(r";|" + _FULL_STOP, window)
    window = window[: cut.start()] if cut else window
    intro = find_rules("CLUSTER_MEMBER_INTRO", window)
    colon = re.match(r"^\s*(?:\([^)]*\)\s*)?:", window)
    if colon and (not intro or intro[0].start > colon.end()):
        i0 = end + colon.end()
    elif not intro or find_rules("CLUSTER_HEAD", window[: intro[0].start]):
        return [], None
    else:
        i0 = end + intro[0].end
    seg_end = len(text)
    m = re.search(r";|" + _FULL_STOP + r"(?=\s|$)|\s(?=(?i:tổ chức|đã|cùng nhau|tham dự|ký kết|ký|thống nhất|tiến hành|họp|đều|thực hiện|với|nhằm)\s)", text[i0:])
    if m:
        seg_end = i0 + m.start()
    segment = text[i0:seg_end]
    count, rest = leading_count(segment.strip(" :"))
    items = [it for it in split_list(segment, offset + i0) if it.count is None]
    return items, count


def _count_near(text: str) -> int | None:
    m = re.search(r"(?i:gồm|có|với)\s+(?:[^\d,;:.]{0,25}?\s)?0?(\d{1,2})\s+(?i:sở|đơn vị|tỉnh|thành phố|đài|trường|cơ quan|thành viên|bệnh viện|địa phương)", text)
    if m:
        return int(m.group(1))
    m = re.search(r"0?(\d{1,2})\s+(?i:sở|đơn vị)\s+(?i:thành viên)", text)
    return int(m.group(1)) if m else None


_ANAPHOR_LIST = re.compile(
    r"(?<![\w])(?:(?P<members>(?i:thành viên)\s+(?:(?i:của|trong|thuộc)\s+)?"
    r"|(?i:tỉnh|tỉnh, thành phố|tỉnh, thành|tỉnh thành|đơn vị|địa phương|sở|báo|đài|trường|bệnh viện|cơ quan)\s+(?i:trong|thuộc|của)\s+)"
    r"(?:Cụm|Khối)(?:\s+thi đua)?(?:\s+này)?(?=\s*:|\s+(?:gồm|bao gồm|gồm có|là)\s)"
    r"|(?:Cụm|Khối)(?:\s+thi đua)?(?:\s+này)?(?=\s+(?:gồm|bao gồm|gồm có|có|thuộc|trực thuộc)\s)"
    # "… của 09 đơn vị thành viên gồm: A (Khối trưởng), B (Khối phó), C": the members without the word Cụm/Khối
    r"|(?P<units>(?:0*\d{1,2}\s+)?(?i:đơn vị|tỉnh|sở|cơ quan)\s+(?i:thành viên))(?=\s*:|\s+(?:gồm|bao gồm|gồm có|là)[\s:])"
    # "(lãnh đạo) Công an các tỉnh: Bến Tre, Bình Dương, …" in a sentence about the cluster: its provinces
    r"|(?P<kinds>(?:Sở|Công an|Cục|Đài|Báo|Hội|Liên đoàn|Ban|Bộ Chỉ huy|Kho bạc|Bảo hiểm|Tòa án|Viện)[^,;:.]{0,30}?\s+"
    r"(?i:các tỉnh|các tỉnh, thành phố|các tỉnh, thành|các địa phương))(?=\s*:))"
)


def _bare_provinces(items: list[Item]) -> bool:
    """True when some item is a province itself ("Thanh Hóa", "tỉnh Thanh Hóa"), not a unit in it."""
    return any(it.province and _LEADING_PROVINCE_WORD.sub("", it.text).strip().lower() in _province_names(it.province)
               for it in items)


_LEADING_PROVINCE_WORD = re.compile(r"^\s*(?i:tỉnh|thành phố|TP\.?)\s*")


def _province_names(name: str) -> set[str]:
    return {m.surface.lower() for m in gazetteer().find_provinces(name)} | {name.lower()}


# universities carry a place in their name ("Trường Đại học An Giang") but are not a province's units: a
# cluster of them lists them in member_units only (a province's power company or newspaper is its unit)
_INSTITUTION = re.compile(r"(?i:trường\s+(?:đại học|cao đẳng)|đại học|học viện)\b")
