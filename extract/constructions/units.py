"""Unit and organisation names: where they start (``CLUSTER_UNIT_HEAD``: Sở, Cục, Trường, Công an, …),
where they end (a verb, a delimiter, the province), officials' positions, and the authority acting
before a verb.

>>> unit_from("bầu Sở GD&ĐT Hà Tĩnh làm", 0, False).text
'Sở GD&ĐT Hà Tĩnh'
>>> unit_from("năm 2018 Sở Văn hóa, Thể thao và Du lịch làm", 0, False).text
'Sở Văn hóa, Thể thao và Du lịch'
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from extract.constructions.places import cut_trailing_name
from extract.gazetteer import DATA_DIR, UPPER, gazetteer
from extract.patterns import WE, Hit, find_rules, mask, phrase_regex, rule_regex, rule_terms


@functools.lru_cache(maxsize=1)
def _position_regex() -> re.Pattern[str]:
    with open(DATA_DIR / "positions.csv", encoding="utf-8") as fh:
        titles = [row["title"] for row in csv.DictReader(fh) if row.get("title")]
    # "Phó Trưởng ban" and "Phó Trưởng Ban": a title's case varies with the writer
    return re.compile(r"^(?i:" + "|".join(phrase_regex(t) for t in sorted(titles, key=len, reverse=True)) + r")" + WE)


def starts_with_position(text: str) -> bool:
    """Whether ``text`` opens with an official's position ("Giám đốc Sở …", "Phó Chủ tịch …")."""
    return bool(_position_regex().match(text.strip()))


def unit_heads(text: str) -> list[Hit]:
    """Where organisation names start (``CLUSTER_UNIT_HEAD``, not ``CLUSTER_UNIT_NOT_HEAD``: "Hội nghị", "Tổ chức")."""
    not_heads = {h.start for h in find_rules("CLUSTER_UNIT_NOT_HEAD", text)}
    return [h for h in find_rules("CLUSTER_UNIT_HEAD", text) if h.start not in not_heads]


_VERB_TAIL = re.compile(
    r"(?:\s+(?i:được|đã|tiếp tục|chính thức|vinh dự|làm|là|giữ|đảm nhận|đảm nhiệm|vai trò|được bầu|bầu|được giao|"
    r"giao|được suy tôn|suy tôn|trở thành|nhận|với|đơn vị|năm\s+(?:19|20)\d{2}|lần lượt|và|cùng))+\s*$"
)


@dataclass
class Unit:
    text: str
    start: int
    end: int
    province: str | None


@functools.lru_cache(maxsize=1)
def _sector_regex() -> re.Pattern[str]:
    """Sector names that follow "Sở"/"Bộ" (data/gazetteers/sectors.csv, CLUSTER_NAME_PART, abbreviations)."""
    names = []
    with open(DATA_DIR / "sectors.csv", encoding="utf-8") as fh:
        names += [row["name"] for row in csv.DictReader(fh)]
    names += list(gazetteer().authority_abbreviations)
    alts = [phrase_regex(n) for n in sorted(set(names), key=len, reverse=True)]
    alts += [rx for rx, _ in rule_terms("CLUSTER_NAME_PART")]
    return re.compile(r"^\s*(?:" + "|".join(alts) + r")" + WE)


_UNIT_BREAK = re.compile(
    r"[,;:()]|\s(?:và|cùng|làm|là|được|với|tại|bầu|chọn|giao|suy tôn|tôn vinh|đề nghị|tặng|cho|thống nhất|nhất trí|của|do|"
    r"trong|gồm|đã|vừa|tổ chức|chủ trì)\s"
)


def mask_firm_and(segment: str, masked: str) -> str:
    """``masked`` with each "và" inside a unit's name blanked: one that follows a firm head (``CLUSTER_FIRM_HEAD``),
    or any unit head when a capitalised word follows it ("Phòng Xây dựng chính quyền và Công tác thanh niên"), with no
    punctuation between, and is not followed by another unit, a person or a province.

    >>> t = "cho Công ty Cổ phần Đầu tư và Xây dựng Hà Nam và Sở Tư pháp"
    >>> mask_firm_and(t, t)
    'cho Công ty Cổ phần Đầu tư __ Xây dựng Hà Nam và Sở Tư pháp'
    >>> t = "Phòng Xây dựng chính quyền và Công tác thanh niên làm Khối phó"
    >>> mask_firm_and(t, t)
    'Phòng Xây dựng chính quyền __ Công tác thanh niên làm Khối phó'
    """
    firms = find_rules("CLUSTER_FIRM_HEAD", segment)
    units = [h for h in unit_heads(segment) if not any(f.start <= h.start < f.end for f in firms)]
    if not firms and not units:
        return masked
    g = gazetteer()
    out = list(masked)
    for f in sorted(firms + units, key=lambda h: h.start):
        firm = f in firms
        stop = re.search(r"[,;:()]", masked[f.end:])
        end = f.end + (stop.start() if stop else len(masked) - f.end)
        for m in re.finditer(r"(?<=\s)và(?=\s)", masked[f.end:end]):
            after = segment[f.end + m.end():].lstrip()
            if not firm and not after[:1].isupper():
                break
            if unit_heads(after[:30]) and unit_heads(after[:30])[0].start == 0:
                break
            person = find_rules("AWARD_PERSON", after[:14])
            if person and person[0].start == 0:  # "… Công ty Than Hạ Long - TKV và anh Lê Văn Quang"
                break
            provs = g.find_provinces(after[:40])
            if provs and re.match(r"^(?i:tỉnh|thành phố|TP\.?)?\s*$", after[: provs[0].start]):
                break
            out[f.end + m.start(): f.end + m.end()] = "_" * (m.end() - m.start())
    return "".join(out)


_ATTACHED_PLACE = re.compile(rf"^\s+(?:huyện|quận|thị xã|thành phố|TP\.?|xã|phường|thị trấn)\s+{UPPER}\w*(?:\s+{UPPER}\w*)*")


# "Tỉnh ủy viên", "Ủy viên Ban Thường vụ": a member's title, not the committee
_MEMBER_TITLE = re.compile(r"(?i:tỉnh|thành|huyện|quận|thị|đảng)\s+(?i:ủy|uỷ)\s+(?i:viên)|(?i:ủy|uỷ)\s+(?i:viên)(?:\s.*)?")


def unit_from(segment: str, seg_start: int, province_first: bool) -> Unit | None:
    """The unit written in a segment (its last one, or its first when ``province_first``).

    >>> unit_from("bầu Sở GD&ĐT Hà Tĩnh làm", 0, False).text
    'Sở GD&ĐT Hà Tĩnh'
    >>> unit_from("năm 2018 Sở Văn hóa, Thể thao và Du lịch làm", 0, False).text
    'Sở Văn hóa, Thể thao và Du lịch'
    """
    g = gazetteer()
    masked = mask_firm_and(segment, mask(segment, "CLUSTER_NAME_PART"))
    provs = g.find_provinces(segment)
    heads = unit_heads(segment)
    if provs:
        p = provs[0] if province_first else provs[-1]
        hs = [h for h in heads if h.end <= p.start and not _UNIT_BREAK.search(masked[h.end:p.start])]
        start = hs[0].start if hs else p.start
        return Unit(segment[start:p.end].strip(), seg_start + start, seg_start + p.end, p.name)
    if not heads:
        return None
    h = heads[0] if province_first else heads[-1]
    if not province_first:  # the start of a run of heads: "Trung tâm Y tế" has one, "Phòng … Sở …" two
        for prev in reversed(heads[:-1]):
            if _UNIT_BREAK.search(masked[prev.end:h.start]):
                break
            h = prev
    rest = segment[h.end:]
    sector = _sector_regex().match(rest)
    stop = re.search(r"[,;:()]|\s[-–]\s|\s(?:và|cùng)\s", masked[h.end:])
    if sector and "__" in masked[h.end + sector.end(): h.end + (stop.start() if stop else len(rest))]:
        sector = None  # "Phòng Xây dựng chính quyền và Công tác thanh niên": the name goes on past the sector
    if sector:
        end = h.end + sector.end()
        # "Phòng Y tế huyện Ea Súp": a place below the province attached to the name
        place = _ATTACHED_PLACE.match(segment[end:])
        if place:
            end += place.end()
    else:
        end = h.end + (stop.start() if stop else len(rest))
        # a capitalised word is part of the name, not the verb it spells ("Ban Tổ chức Tỉnh ủy", "Hội nghị")
        ends = [x for x in find_rules("CLUSTER_LABEL_END", segment[h.end:end]) if x.start > 0 and x.text[:1].islower()]
        if ends:
            end = h.end + ends[0].start
    text = cut_trailing_name(_VERB_TAIL.sub("", segment[h.start:end]).strip().rstrip(" .;,"))
    if len(text.split()) < 2 or _MEMBER_TITLE.fullmatch(text):
        return None
    return Unit(text, seg_start + h.start, seg_start + h.start + len(text), None)


def cut_predicate(name: str) -> str:
    """Drop a lower-case predicate glued to an organisation or title by the tokenizer
    (``POSITION_STOP`` in people.jsonl).

    >>> cut_predicate("Sở Y tế đã")
    'Sở Y tế'
    >>> cut_predicate("Sở Giáo dục và Đào tạo đề nghị")
    'Sở Giáo dục và Đào tạo'
    """
    stop = rule_regex("POSITION_STOP").search(name)
    return name[: stop.start()].rstrip() if stop and stop.start() > 0 else name


def authority_before(text: str, end: int, default_province: str | None, max_gap: int = 40) -> str | None:
    """Canonical name of the organisation written last before ``end`` (the subject of a verb).

    Uses the gazetteer's authorities; falls back to a capitalised organisation
    phrase starting with an ``ORG_HEAD`` word ("Công an tỉnh Bình Định").
    """
    g = gazetteer()
    best = None
    for m in g.find_authorities(text[:end], default_province):
        gap = text[m.end:end]
        if len(gap) <= max_gap and not re.search(r"[;:]", gap):
            best = cut_predicate(m.name)
    if best:
        return best
    heads = rule_regex("ORG_HEAD")
    clause_start = max(text.rfind(",", 0, end), text.rfind(";", 0, end), text.rfind(":", 0, end)) + 1
    clause = text[clause_start:end]
    m = heads.search(clause)
    if m:
        phrase = org_phrase(clause[m.start():])
        if phrase and 1 <= len(phrase.split()) <= 14:
            return g.canonical_authority(phrase, default_province) or phrase
    return None


_ORG_LOWER = {"và", "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "tp", "tp."}


def org_phrase(text: str) -> str:
    """The organisation name at the start of ``text``, read on underthesea words: capitalised words,
    "và", place words and dashes ("Đài Phát thanh và Truyền hình tỉnh Bà Rịa - Vũng Tàu long trọng …"
    → "Đài Phát thanh và Truyền hình tỉnh Bà Rịa - Vũng Tàu")."""
    from extract.nlp import nlp

    doc = nlp().make_doc(text[:200])
    end = 0
    for tok in doc:
        w = tok.text
        if w[0].isupper() or w in ("-", "–", "&") or w.lower() in _ORG_LOWER:
            end = tok.idx + len(w)
            continue
        break
    phrase = cut_predicate(text[:end])
    return re.sub(r"(?:\s+(?:và|tỉnh|thành phố|huyện|quận|thị xã|xã|-|–|&))+\s*$", "", phrase).strip()


def expand_org(name: str | None, text: str) -> str | None:
    """The fuller form of a short organisation name written elsewhere in the article.

    "Cục Thuế" with "Cục Thuế tỉnh Long An" in the text → "Cục Thuế tỉnh Long An".
    """
    if not name or gazetteer().find_provinces(name):
        return name
    short = re.sub(r"\s+(?:tỉnh|thành phố|TP\.?)$", "", name)
    for m in re.finditer(re.escape(short) + r"\s+(?:(?:tỉnh|thành phố|TP\.?)\s+)?", text):
        provs = gazetteer().find_provinces(text[m.end(): m.end() + 40])
        if provs and provs[0].start == 0:
            return text[m.start(): m.end() + provs[0].end]
    return name


# an honorific or rank, then a person's name of two to four capitalised syllables
_PERSON = re.compile(
    r"(?:(?i:ông|bà|đồng chí|đ/c|anh|chị|thầy|cô|thiếu tướng|trung tướng|thượng tướng|đại tá|thượng tá|trung tá|thiếu tá|"
    r"đại úy|bác sĩ|tiến sĩ|thạc sĩ|nhà giáo)\s+)?" + rf"{UPPER}\w*(?:\s+{UPPER}\w*){{1,3}}")


def position_unit(phrase: str, offset: int = 0) -> Unit | None:
    """The organisation inside an official's position: "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy" → "Ủy ban Kiểm tra
    Tỉnh ủy", "Giám đốc Công an tỉnh Quảng Bình" → "Công an tỉnh Quảng Bình"; None for a title alone ("Tỉnh ủy
    viên") or a phrase that is no position.

    >>> position_unit("Phó Trưởng Ban Tổ chức Tỉnh ủy").text
    'Ban Tổ chức Tỉnh ủy'
    >>> position_unit("Tỉnh ủy viên") is None
    True
    """
    if not starts_with_position(phrase):
        return None
    heads = [h for h in unit_heads(phrase) if h.start > 0]
    if not heads:
        return None
    return unit_from(phrase[heads[0].start:], offset + heads[0].start, True)


def unit_of_person_before(segment: str, offset: int = 0) -> Unit | None:
    """The unit of the person whose appositions end ``segment``: "đồng chí A, Tỉnh ủy viên, Phó Chủ nhiệm Ủy ban
    Kiểm tra Tỉnh ủy, " (then "Khối trưởng") → "Ủy ban Kiểm tra Tỉnh ủy" — the nearest position naming a unit.

    >>> unit_of_person_before("Hội nghị do đồng chí Lê Văn Hòa, Tỉnh ủy viên, Phó Trưởng Ban Dân vận Tỉnh ủy, ").text
    'Ban Dân vận Tỉnh ủy'
    """
    parts = [(m.start(), m.group(0)) for m in re.finditer(r"[^,;]+", segment)]
    if len(parts) < 2 or not _PERSON.search(parts[0][1]):
        return None
    for start, part in reversed(parts[1:]):
        lead = len(part) - len(part.lstrip())
        found = position_unit(part.strip(), offset + start + lead)
        if found is not None:
            return found
    return None


def unit_of_person_after(text: str, offset: int = 0) -> Unit | None:
    """The unit of a person named right after a role, in apposition: ", Thiếu tướng Từ Văn A, Giám đốc Công an tỉnh
    Quảng Bình phát biểu …" → "Công an tỉnh Quảng Bình"."""
    m = re.match(r"^\s*,\s*(" + _PERSON.pattern + r")\s*(?:,|-|–)\s*", text)
    if not m:
        return None
    rest = text[m.end():]
    end = re.search(r"[,;:.(]|\s(?:phát biểu|chủ trì|trình bày|cho biết|nhấn mạnh|đã|và)\s", rest)
    return position_unit(rest[: end.start() if end else len(rest)], offset + m.end())
