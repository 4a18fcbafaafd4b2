"""Cluster mentions: a head with a number ("Cụm thi đua số 7", "KHỐI THI ĐUA SỐ IV"), a head with a
description ("Khối thi đua của tỉnh Long An"), or a group of like units that signs a pledge ("Sở TT&TT 7
tỉnh khu vực miền núi phía bắc … ký kết giao ước thi đua"); their labels and organizers."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.constructions.lists import _TRAIL_JUNK, Item
from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.normalize import match_key
from extract.patterns import WB, WE, find_rules, mask, rule_regex, rule_terms

if TYPE_CHECKING:
    from extract.fields.clusters import Cluster

ROLE_WORD = re.compile(r"(?i:cụm|khối)\s*(?i:trưởng|phó)")


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}


_NUMBER_AFTER = re.compile(r"^\s*(?:(?i:số|thứ)\s*)?(?:(0?\d{1,2})(?![\d/.,]\d|\s*[/%])|(" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r"))(?![\w])")


_ROLE_SUFFIX = re.compile(r"^\s*(?i:trưởng|phó)(?!\w)")


_PLACE_AFTER = re.compile(r"^\s*(?i:xã|huyện|tỉnh|thôn|bản|hộ|trường|điểm|khu|dân cư|công nghiệp|làng|nhà|phường|ấp|tổ(?!\s+chức))(?![\w])")


@dataclass
class Mention:
    start: int  # absolute offsets in a.text
    end: int
    sentence: int
    kind: str
    number: int | None
    label: str
    described: bool = False  # a group without the word cụm/khối
    anaphor: bool = False  # "Khối gồm …" referring back: never the label
    alias: str = ""  # a description in apposition to a number: "Khối thi đua số 1 - các bệnh viện tuyến tỉnh"
    members: list[Item] = field(default_factory=list)
    count: int | None = None
    organizer: str | None = None


def _clean_label(s: str) -> str:
    return _TRAIL_JUNK.sub("", s).strip(" \"“”")


@functools.lru_cache(maxsize=1)
def _list_of_nouns() -> re.Pattern[str]:
    """A comma between coordinated unit categories ("các trường đại học, cao đẳng") or abbreviated ones ("các KCN, KCX,
    KKT"): not the end of a description."""
    return re.compile(r",(?=\s*" + rule_regex("CLUSTER_COORD_NOUN").pattern + r")|(?<=[A-ZĐ]{2}),(?=\s*[A-ZĐ]{2,6}(?![\w]))")


# "thuộc"/"về" inside a name: "Cụm thi đua các phường thuộc thành phố Nha Trang", "Khối thi đua các cơ quan
# quản lý nhà nước về kinh tế" (not "Cụm 3 thuộc Khối …", "… về dự hội nghị")
_NAME_GOES_ON = re.compile(r"(?:thuộc\s+(?:thành phố|thị xã|huyện|quận|tỉnh|TP\.?)\s+[A-ZĐ]"
                           r"|về\s+(?:kinh tế|văn hóa|xã hội|nội chính|tổng hợp|đảng|quốc phòng|an ninh)(?![\w]))")


def _descriptor(text: str, start: int) -> str:
    """The description written after a head, up to a verb, a delimiter or a year."""
    rest = text[start:]
    masked = _list_of_nouns().sub(lambda m: "_" * len(m.group(0)), mask(rest, "CLUSTER_NAME_PART"))
    stop = re.search(r"[,;:.()\"“”]|\s[-–]\s(?![A-ZĐ])", masked)
    rest = rest[: stop.start()] if stop else rest
    names = [(h.start, h.end) for h in find_rules("CLUSTER_NAME_PART", rest)]
    ends = [h for h in find_rules("CLUSTER_LABEL_END", rest) if not any(s <= h.start < e for s, e in names)
            and not _NAME_GOES_ON.match(rest, h.start)]
    for h in ends:
        if h.start > 0:
            rest = rest[: h.start]
            break
        if h.start == 0:
            return ""
    return rest.rstrip()


def _organizer_in(desc: str, province: str | None) -> str | None:
    """Whose cluster a description says it is: "ngành TT&TT", "của tỉnh Long An", "các sở, ngành tỉnh"."""
    g = gazetteer()
    sector = find_rules("CLUSTER_SECTOR", desc)
    if sector:
        return sector[0].id
    m = re.search(r"(?i:của|thuộc|do)\s+(.+)$", desc)
    if m:
        auth = g.find_authorities(m.group(1), province)
        if auth and auth[0].start <= 2:
            return auth[0].name
        provs = g.find_provinces(m.group(1))
        if provs and re.match(r"^\s*(?i:tỉnh|thành phố|TP\.?)?\s*$", m.group(1)[: provs[0].start]):
            return g.canonical_authority("UBND tỉnh " + provs[0].name)
        if re.match(r"^(?i:tỉnh|UBND tỉnh|Ủy ban nhân dân tỉnh)\s*$", m.group(1).strip()) and province:
            return g.canonical_authority("UBND tỉnh", province)
    if re.search(r"(?i:sở|ban|ngành|cơ quan|đơn vị|đoàn thể|doanh nghiệp|trường|huyện|thị xã|thành phố|địa phương)(?![\w])", desc):
        provs = g.find_provinces(desc)
        if provs and desc.rstrip().endswith(provs[-1].surface):
            return g.canonical_authority("UBND tỉnh " + provs[-1].name)
        if province and re.search(r"\s(?i:tỉnh|thành phố)\s*$", desc):
            return g.canonical_authority("UBND tỉnh", province)
    return None


def _head_mentions(s: Sentence, province: str | None, established: bool) -> list[Mention]:
    """Cụm/khối mentions with a number or a description in one sentence."""
    text = s.text
    out: list[Mention] = []
    has_td = "thi đua" in text.lower() or bool(ROLE_WORD.search(text))
    for h in find_rules("CLUSTER_HEAD", text):
        head = h.text
        after = text[h.end:]
        if _ROLE_SUFFIX.match(after):  # Cụm trưởng / Khối phó: a role, not a mention
            continue
        full = "thi đua" in head.lower()
        before = text[max(0, h.start - 12): h.start]
        if find_rules("CLUSTER_GENERIC", before[-8:]) and re.search(r"(?i:các|những|mỗi|từng|giữa các|theo)\s*$", before):
            continue
        if re.match(r"^\s*,\s*(?i:khối|cụm)", after):  # "các cụm, khối thi đua"
            continue
        if re.search(r"(?i:cụm|khối)\s*,\s*$", before):  # … and its second head ("tại 12 cụm, khối thi đua trực thuộc …")
            continue
        num = _NUMBER_AFTER.match(after)
        if num:
            if not full and not (has_td or established):
                continue
            emulation_before = bool(re.search(r"(?i:thi đua)\s*$", before))
            if not full and (head[0].islower() and not has_td
                             or _PLACE_AFTER.match(after[num.end():]) and not emulation_before):
                continue
            if not full and re.match(r"^\s*(?:\d{1,2})\s*(?i:,|và)\s*\d", after) and "khối" in head.lower():
                continue
            if h.id == "khối" and not full and re.search(r"(?i:lớp|học sinh|khối lượng)", text):
                continue
            number = int(num.group(1)) if num.group(1) else _ROMAN[num.group(2)]
            label = text[h.start: h.end + num.end()]
            desc = _descriptor(text, h.end + num.end())
            m = Mention(s.start + h.start, s.start + h.end + num.end(), s.index, h.id, number, label)
            appo = _APPOSITION.match(text[h.end + num.end():])
            if appo:
                m.alias = _descriptor(text, h.end + num.end() + appo.end()).strip()
            sector = find_rules("CLUSTER_SECTOR", re.split(r"[;:.]", text[h.end + num.end():])[0][:60])
            m.organizer = (_organizer_in(" " + desc, province) or (sector[0].id if sector else None)
                           or (_organizer_in(" " + m.alias, province) if m.alias else None))
            out.append(m)
            continue
        desc = _descriptor(text, h.end)
        words = desc.split()
        trailing = _TRAILING_NUMBER.search(desc)
        # a bare head takes a Roman numeral only ("Khối ngân hàng I"): "toàn Cụm tăng 3,9%" is a measure
        after_number = text[h.end + len(desc.rstrip()):]
        if (trailing and 1 <= len(words) <= 4 and all(w.islower() for w in words[:-1]) and (full or has_td or established)
                and (full or trailing.group(2)) and not re.match(r"^(?:[.,]\d|\s*%)", after_number)):
            # "Khối ngân hàng I", "khối thi đua ngân hàng I": a described block ending with its number
            number = int(trailing.group(1)) if trailing.group(1) else _ROMAN[trailing.group(2)]
            m = Mention(s.start + h.start, s.start + h.end + len(desc.rstrip()), s.index, h.id, number,
                        _clean_label(text[h.start:h.end] + " " + desc.strip()))
            m.organizer = _organizer_in(" " + desc, province)
            out.append(m)
            continue
        if not full:
            continue
        if re.search(r"(?i:thuộc|của|trong)\s*$", before) and re.search(  # "Cụm 3 thuộc Khối thi đua các Sở …": the container
                r"(?i:cụm|khối)(?![\w])(?!\s*(?i:trưởng|phó)(?![\w]))[^.;:]{0,40}$", text[max(0, h.start - 60): h.start]):
            continue
        desc = _descriptor(text, h.end)
        words = desc.split()
        capital = any(w[:1].isupper() for w in words) or bool(gazetteer().find_provinces(desc))
        if not words or not (capital or (words[0].lower() == "các" and len(words) >= 3)):
            continue
        if desc.lower().startswith(("của mình", "của đơn vị", "của ngành")) and not capital:
            continue
        label = _clean_label(text[h.start: h.end] + " " + desc.strip())
        m = Mention(s.start + h.start, s.start + h.end + len(desc), s.index, h.id, None, label)
        m.organizer = _organizer_in(" " + desc, province)
        out.append(m)
    return out


_TRAILING_NUMBER = re.compile(r"\s(?:(0?\d{1,2})|(" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r"))\s*$")
_APPOSITION = re.compile(r"^\s*[-–(]\s*(?:(?i:cụm thi đua|khối thi đua|cụm|khối)\s+)?(?=(?i:các|của)\s)")


def _desc_words(label: str) -> set[str]:
    """The words of a cluster's description, without the head ("Khối thi đua các bệnh viện" → {các, bệnh, viện})."""

    return set(match_key(re.sub(r"^\s*(?i:cụm thi đua|khối thi đua|cụm|khối)(?![\w])", "", label)).split())


def _merge_descriptions(clusters: list[Cluster], title_index: int | None) -> dict[int, Cluster]:
    """Described clusters that are a numbered one of the same kind under another name, mapped to it.

    "Khối thi đua các bệnh viện tuyến tỉnh" is "Khối thi đua số 1 - các bệnh viện tuyến tỉnh" when the
    description repeats the apposition; a description written only in the title names the article's one
    numbered cluster of that kind.
    """
    out: dict[int, Cluster] = {}
    for c in clusters:
        if c.number is not None or c.described:
            continue
        numbered = [n for n in clusters if n.number is not None and n.kind == c.kind]
        words = _desc_words(c.label)
        for n in numbered:
            for m in n.mentions:
                alias = _desc_words(m.alias) if m.alias else set()
                if len(words) >= 2 and alias and len(words & alias) >= 0.8 * len(words):
                    out[id(c)] = n
        if id(c) not in out and len(numbered) == 1 and all(m.sentence == title_index for m in c.mentions):
            out[id(c)] = numbered[0]
    return out


@functools.lru_cache(maxsize=1)
def _group_regex() -> re.Pattern[str]:
    """ "<unit kind> <N> <tỉnh|thành phố|địa phương> …": unit kinds from ``CLUSTER_GROUP_UNIT``, nouns from ``CLUSTER_GROUP_NOUN``."""
    units = "|".join(rx for rx, _ in rule_terms("CLUSTER_GROUP_UNIT"))
    nouns = "|".join(rx for rx, _ in rule_terms("CLUSTER_GROUP_NOUN"))
    return re.compile(r"(?P<unit>" + WB + r"(?:" + units + r")" + WE + r"[^,;:.\d()]{0,60}?)\s+"
                      r"0?(?P<n>\d{1,2})\s+(?P<noun>" + nouns + r")" + WE)


def _group_mentions(s: Sentence, title: str) -> list[Mention]:
    """A described cluster: "Sở TT&TT 7 tỉnh khu vực miền núi phía bắc (gồm: …)" that signs/reviews emulation."""
    text = s.text
    low = (text + " " + title).lower()
    if "thi đua" not in low or not find_rules("CLUSTER_PACT", text + " " + title):
        return []
    out = []
    for m in _group_regex().finditer(text):
        if int(m.group("n")) < 2:
            continue
        unit_start = m.start("unit")
        heads = find_rules("CLUSTER_GROUP_UNIT", m.group("unit"))
        if not heads:
            continue
        unit_start += heads[-1].start if heads[-1].id != "sector" or len(heads) == 1 else heads[0].start
        desc = _descriptor(text, m.end())
        label = _clean_label(text[unit_start: m.end()] + (" " + desc.strip() if desc.strip() else ""))
        men = Mention(s.start + unit_start, s.start + m.end() + len(desc), s.index, "cụm", None, label, described=True)
        men.count = int(m.group("n"))
        out.append(men)
    return out


def _organizer_from_sentences(a: Analysis, c: Cluster, province: str | None) -> str | None:
    """A ministry or People's Committee that organises or owns the cluster in a sentence naming it."""
    g = gazetteer()
    for m in c.mentions:
        s = a.sentences[m.sentence]
        for auth in g.find_authorities(s.text, province):
            if not (auth.name.startswith("Bộ ") or auth.name.startswith("UBND") or "Thi đua" in auth.name):
                continue
            pre = s.text[max(0, auth.start - 20): auth.start]
            if re.search(r"(?i:văn phòng|đại diện|lãnh đạo|vụ|cục|tại|với|của)\s*$", pre):
                if not re.search(r"(?i:thuộc|của)\s*$", pre) or auth.start < m.start - s.start:
                    continue
            post = s.text[auth.end: auth.end + 40]
            if re.match(r"^\s*(?:\([^)]*\)\s*)?(?:(?i:đã|vừa|chính thức)\s+)?(?i:tổ chức|chủ trì|phát động)", post):
                return auth.name
            if re.search(r"(?i:thuộc|của|do)\s*$", pre) and auth.start > m.start - s.start:
                return auth.name
    return None
