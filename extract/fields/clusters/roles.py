"""Cluster roles: Cụm/Khối trưởng (leader), Cụm/Khối phó (deputy), suy tôn / dẫn đầu (leading_unit);
the holder written before or after the cue, its year, rotations, handovers and tables of officers by year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extract.constructions.lists import Item, clause_bounds, split_list
from extract.constructions.numerals import YEAR, Years, year_of
from extract.constructions.units import Unit, unit_from, unit_of_person_after, unit_of_person_before
from extract.frontend import Sentence
from extract.patterns import Hit, find_rules, mask


@dataclass
class Role:
    role: str
    unit: str
    province: str | None
    year: int | None
    sentence: Sentence
    start: int
    end: int
    cue_start: int  # sentence-relative
    via_person: bool = False  # read from an official's position ("đồng chí A, Phó Trưởng Ban B, Khối phó")


def _role_year(text: str, before: str, after: str, role: str, elect: bool, years: Years,
               cue_start: int | None = None) -> int | None:
    # "Cụm trưởng Cụm thi đua số 1 ngành TT&TT năm 2022": the year after the cluster's label and sector
    m = re.match(r"^\s*(?:(?i:cụm thi đua|khối thi đua|cụm|khối)\s*(?:(?i:số)\s*)?\w{0,4}\s*(?:(?i:ngành|các)\s+[^\d,;.()]{1,40}?\s+)?)?(?:(?i:luân phiên)\s+)?(?:[,(]\s*)?" + YEAR.pattern, after)
    if m:
        return year_of(m)
    if role == "leading_unit":
        m = YEAR.search(after[:120])
        if m:
            return year_of(m)
    if re.search(r"(?i:năm nay)", before) and years.current:
        return years.current  # "Trong năm nay, Mặt trận xã A là cụm trưởng …"
    cands = list(YEAR.finditer(before))
    for m in reversed(cands):
        pre = before[max(0, m.start() - 90): m.start()]
        if role != "leading_unit" and re.search(r"(?i:tổng kết|sơ kết|kết quả|thành tích)[^,;:.]{0,60}$", pre):
            continue
        return year_of(m)
    # "Năm 2019, các đơn vị thống nhất chủ đề …; Sở A làm Cụm trưởng": a year opening the sentence covers it
    m = re.match(r"^\s*(?i:năm)\s+((?:19|20)\d{2})\s*,", text)
    if m and role != "leading_unit" and not re.search(r"(?i:tổng kết|sơ kết|kết quả|thành tích)", text[:m.end() + 60]):
        return int(m.group(1))
    if role == "leading_unit":
        # "Danh sách 3 đơn vị xuất sắc nhất năm 2022 gồm: A - dẫn đầu Cụm 5; B - …": the list's year
        head = text[: cue_start - len(before)] if cue_start is not None else ""
        dated = list(YEAR.finditer(head))
        if years.review is None and dated:
            return year_of(dated[-1])
        return years.review
    if elect:
        return years.pledge or years.current
    return years.review or years.current


_NO_YEARS = Years(None, None, None)


_PAIR_YEAR = re.compile(r"^\s*(?:(?:,|và|/)\s*(?i:cụm|khối)\s*(?i:trưởng|phó)\s*)*(?i:năm)\s+((?:19|20)\d{2})(?!\d)")


_ROLE_COLUMN = {"cụm trưởng": "leader", "khối trưởng": "leader", "trưởng cụm": "leader", "trưởng khối": "leader",
                "cụm phó": "deputy", "khối phó": "deputy", "phó cụm": "deputy", "phó khối": "deputy",
                "phó trưởng cụm": "deputy", "phó trưởng khối": "deputy"}


def _role_table_header(text: str) -> tuple[int, dict[int, str]] | None:
    """Columns of a table of cluster officers by year ("Năm | Cụm trưởng | Cụm phó"): the year column and
    {column: role}."""
    cells = [c.strip().lower() for c in text.split("|")]
    if len(cells) < 2:
        return None
    year = next((i for i, c in enumerate(cells) if c in ("năm", "năm thi đua")), None)
    roles = {i: _ROLE_COLUMN[c] for i, c in enumerate(cells) if c in _ROLE_COLUMN}
    return (year, roles) if year is not None and roles else None


def _role_table_row(s: Sentence, columns: tuple[int, dict[int, str]]) -> list[Role] | None:
    """The holders of one year's row ("2018 | Cục Thống kê tỉnh Quảng Bình | Cục Thống kê tỉnh Thanh Hóa"),
    or None when the line is no row of the table."""
    year_col, roles = columns
    cells = s.text.split("|")
    if len(cells) <= max(year_col, *roles):
        return None
    year_cell = cells[year_col].strip()
    if not re.fullmatch(r"(?:19|20)\d{2}", year_cell):
        return []
    out = []
    for i, role in roles.items():
        start = sum(len(c) + 1 for c in cells[:i])
        unit = unit_from(cells[i], start, True)
        if unit is not None:
            out.append(Role(role, unit.text, unit.province, int(year_cell), s, unit.start, unit.end, start))
    return out


def _roles_in(s: Sentence, years: Years, carry: tuple[int, bool] | None = None,
              ranked: Callable[[str], list[Item]] | None = None,
              labels: tuple[tuple[int, int], ...] = ()) -> tuple[list[Role], tuple[int, bool] | None]:
    """Cluster roles in one sentence, holder and year resolved; and the year a next sentence may take over.

    ``carry`` is (year, announced) from the sentence before: a leader/deputy written here without a year of its
    own takes it — after roles announced without holders ("Hội nghị đã bầu Cụm trưởng, Cụm phó năm 2023.
    Theo đó, Sở A làm Cụm trưởng …"), or after a dated role ("Cụm trưởng năm 2023 là Sở A. Cụm phó là Sở B."),
    unless this one is an election (then the pledge year).  ``labels`` are the spans of the cluster mentions in
    the sentence: a role's cluster written after it ("Cụm trưởng Cụm thi đua số 5, Bộ Công an năm 2018 là …") is
    read past.
    """
    text = s.text
    announced: int | None = None
    last_dated: int | None = None
    cues = [(h, h.id) for h in find_rules("CLUSTER_ROLE", text)]
    cues += [(h, "vote") for h in find_rules("CLUSTER_LEAD_CONTEXT", text) if h.id == "vote"]
    cues.sort(key=lambda c: c[0].start)
    out: list[Role] = []
    prev_end = 0
    prev_year: int | None = None
    prev_subject: Unit | None = None  # the holder of the previous role, written before it
    pending: list[Unit] = []  # "Sở A và Sở B lần lượt làm Cụm trưởng, Cụm phó"
    extra: list[Unit] = []  # "A và B, là hai đơn vị dẫn đầu": one role, several units
    generic_end: int | None = None  # the end of the last role spoken of as any holder's
    for i, (h, kind) in enumerate(cues):
        nxt = cues[i + 1][0].start if i + 1 < len(cues) else len(text)
        c_start, c_end = clause_bounds(text, h.start)
        role = "leading_unit" if kind == "vote" else kind
        if kind in ("leader", "deputy") and not re.search(r"(?i:lần lượt)", text[c_start:h.start]) and (re.match(r"^\s*(?:,|và|/)\s*(?i:cụm|khối)\s*(?i:trưởng|phó)", text[h.end:])
                                            or re.search(r"(?i:cụm|khối)\s*(?i:trưởng|phó)\s*(?:,|và|/)\s*$", text[:h.start])):
            # "bầu Cụm trưởng, Cụm phó năm 2023": a pair named without holders; its year may go to the next sentence
            pair_year = _PAIR_YEAR.match(text[h.end:])
            if pair_year:
                announced = int(pair_year.group(1))
            continue
        if role == "leading_unit":
            clause = text[c_start:c_end]
            ctx = find_rules("CLUSTER_LEAD_CONTEXT", clause)
            if not ctx:
                continue
            if kind != "vote" and not re.match(r"^\s*(?i:phong trào|cụm|khối|các|toàn|trong|thi đua|về thi đua|công tác thi đua)", text[h.end:]):
                if not any(c.id == "vote" for c in ctx):
                    continue
            if kind != "vote" and _lead_not_held(text[max(prev_end, c_start):h.start]):
                continue
        before = text[max(prev_end, c_start): h.start]
        after = text[h.end: min(nxt, c_end)]
        rotation = _rotation(text, h.end, after) if role != "leading_unit" else []
        if rotation:  # "luân phiên làm Cụm trưởng các năm tiếp theo: Sở A (năm 2021), Sở B (năm 2022)"
            out += [Role(role, u.text, u.province, y, s, u.start, u.end, h.start) for u, y in rotation]
            prev_end = h.end
            continue
        elect = bool(find_rules("CLUSTER_ELECT", before[-60:] + " " + after[:20]))
        unit = None
        carried = False
        via_person = False
        if kind == "vote" and (re.match(r"^\s*(?i:tại|ở|trong)\s", after) or re.match(r"^\s*(?i:các|những)\s", after)
                                and not find_rules("CLUSTER_ROLE", text[h.end:h.end + 60])):
            continue  # "bình xét, suy tôn các tập thể xuất sắc, gồm: …", "suy tôn tại 12 cụm": no leading unit
        if role == "leading_unit" and _COUNTED_HOLDER.search(text[max(prev_end, c_start):h.start]):
            continue  # "công nhận 3 đơn vị xuất sắc dẫn đầu các cụm thi đua": the holders are only counted
        if kind != "vote" and _GENERIC_ROLE.match(after):
            generic_end = h.end
            continue  # "cụm trưởng thi đua cấp chi cục chủ trì, …": what any holder does, none named
        if kind != "vote" and generic_end is not None and _JOINED.fullmatch(text[generic_end:h.start]):
            generic_end = h.end
            continue  # "…, cùng cụm phó thi đua và thủ trưởng các đơn vị …": joined to such a role, as generic
        label_end = _label_after(text, h, labels)
        person_after = unit_of_person_after(text[label_end or h.end:c_end], label_end or h.end) if kind != "vote" else None
        if re.search(r"(?i:đại diện|thay mặt)(?:\s+(?i:đơn vị))?\s*$", before) and person_after is None:
            continue  # "ông A, đại diện trưởng khối thi đua": a representative of an unnamed holder
        # the text after the role, past a cluster label written right after it (holder and year are read there)
        after_lbl = after if label_end is None else text[label_end: min(nxt, c_end)] if label_end < min(nxt, c_end) else ""
        after_cue = re.match(r"^\s*(?:(?i:năm(?: học)?)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:(?i:của|cụm thi đua|khối thi đua|cụm|khối)\s*(?:(?i:số)\s*)?[\w]{0,4}\s*)?(?:(?i:năm)\s+\d{4}\s*)?", after_lbl)
        rest = after_lbl[after_cue.end():] if after_cue else after_lbl
        after_rule = find_rules("CLUSTER_ROLE_AFTER", rest[:16])
        if kind == "vote":
            unit = unit_from(after[:120], h.end, True)
            by_rank = ranked(after[:60]) if ranked is not None and re.match(r"^\s*(?i:đơn vị|tỉnh|sở)\s+(?i:xếp|đứng)", after) else []
            if by_rank:  # "suy tôn đơn vị xếp hạng nhất là đơn vị dẫn đầu": the first of the results table
                ref_end = h.end + (re.search(r"\s(?i:là|làm)\s", after[:80]) or re.search(r"$", after[:60])).start()
                unit = Unit(by_rank[0].text, h.end, ref_end, by_rank[0].province)
            said = re.search(r"\s(?i:là|làm|dẫn đầu)\s", after[:160])
            if unit and said:  # "suy tôn Đài A và Đài B là hai đơn vị dẫn đầu"
                group = [u for u in (unit_from(it.text, it.start, True) for it in split_list(after[:said.start()], h.end)) if u]
                if len(group) >= 2:
                    unit, extra = group[0], group[1:]
        elif (after_rule and after_rule[0].start <= 1) or rest.lstrip().startswith(":"):
            base = (label_end if label_end is not None else h.end) + len(after_lbl) - len(rest)
            unit = unit_from(rest, base, True)
        elif re.search(r"(?i:đơn vị)\s*$", before) and _STARTS_UNIT.match(after):
            # "… và đơn vị cụm trưởng Công an tỉnh Bà Rịa - Vũng Tàu": the holder in apposition after the role
            unit = unit_from(after, h.end, True)
        if unit is None and person_after is not None:
            # "Thay mặt đơn vị Cụm trưởng, Thiếu tướng A, Giám đốc Công an tỉnh B phát biểu": through its head
            unit, via_person = person_after, True
        if unit is None and kind != "vote":
            seg_start = max(prev_end if role != "leading_unit" else 0, c_start)
            masked = mask(text[:h.start], "CLUSTER_NAME_PART")
            last_comma = masked.rfind(",", seg_start, h.start)
            seg = text[seg_start:h.start]
            unit = unit_from(text[last_comma + 1:h.start], last_comma + 1, False) if last_comma >= 0 else None
            if unit is None and last_comma >= 0 and _APPOSED_UNITS.match(text[last_comma + 1:h.start]):
                # "… cho Sở A và Sở B, là hai đơn vị dẫn đầu Cụm": every unit of the list before the comma
                openers = list(_LIST_OPENER.finditer(text, seg_start, last_comma))
                cut = openers[-1].end() if openers else seg_start
                group = [u for u in (unit_from(it.text, it.start, True) for it in split_list(text[cut:last_comma], cut)) if u]
                if len(group) >= 2:
                    unit, extra = group[0], group[1:]
            # "…, đơn vị kế tiếp làm Cụm phó": a rule of rotation, no holder named
            generic = last_comma >= 0 and (re.match(r"^\s*(?:(?i:các)\s+)?đơn vị\s+[a-zà-ỹ]", text[last_comma + 1:h.start])
                                           # "… tặng các đơn vị xuất sắc, dẫn đầu cụm, khối": units in general
                                           or _PLURAL_UNITS.search(text[seg_start:last_comma]) is not None)
            if unit is None and (person := unit_of_person_before(seg, seg_start)):
                # "đồng chí A, Tỉnh ủy viên, Phó Trưởng Ban Tổ chức Tỉnh ủy, Khối phó": the unit the person heads
                unit, via_person = person, True
            if unit is None and not generic:
                unit = unit_from(seg, seg_start, False)
            if unit is None and role == "leading_unit" and c_start > 0 \
                    and _APPOSED_UNITS.match(text[max(last_comma + 1, c_start):h.start]):
                # "1. Văn phòng Huyện ủy A; có thành tích …, là đơn vị dẫn đầu …": the list item's subject
                item_start = max(text.rfind(":", 0, c_start), text.rfind(". ", 0, c_start)) + 1
                unit = unit_from(text[item_start:c_start], item_start, True)
            if unit is None and prev_subject is not None and _SUBJECT_GOES_ON.match(text[prev_end:h.start]):
                # "UBND tỉnh A, Cụm phó năm 2021, đã nhận bàn giao nhiệm vụ Cụm trưởng năm 2022": the same subject
                # takes a second role (of another year: the first one's year is not shared)
                unit, carried = prev_subject, True
        handed = _handover(text, c_start, h, after, unit) if role != "leading_unit" else None
        if handed is not None:  # "A bàn giao nhiệm vụ Cụm trưởng năm 2022 cho B": B holds it, A held it before
            unit, outgoing = handed
        else:
            outgoing = None
        if re.search(r"(?i:lần lượt)", before) and not pending:
            seg = text[max(prev_end, c_start): h.start]
            pending = [u for u in (unit_from(it.text, it.start, True) for it in split_list(seg.split("lần lượt")[0]))
                       if u]
            if len(pending) < 2:
                pending = []
        if pending:
            unit = pending.pop(0)
        if unit is None:
            if role != "leading_unit":  # a role named without its holder, with a year: "bầu Cụm trưởng năm 2023"
                announced = _role_year(text, before, after, role, elect, _NO_YEARS) or announced
            continue
        if (carried or handed is not None) and prev_end:  # "A, Cụm phó năm 2023, đã tiếp nhận …": 2023 is the deputy's
            before = re.sub(r"^\s*(?i:năm(?: học)?)\s+\d{4}(?:\s*[-–]\s*\d{4})?", "", before)
        # "… Cụm thi đua số 5, Bộ Công an năm 2018 là …": the year past the label; else the label may carry it
        year_after = after_lbl if label_end is not None and re.match(r"^\s*,?\s*(?i:năm)\s", after_lbl) else after
        year = _role_year(text, before, year_after, role, elect, years, h.start)
        if role != "leading_unit":  # "Năm 2020, A làm Cụm trưởng, B làm Cụm phó": the deputy shares the year
            if prev_year is not None and handed is None and not carried and not re.search(r"(?i:năm)\s+\d{4}", before + after[:30]):
                year = prev_year
            own = _role_year(text, before, after, role, elect, _NO_YEARS)
            if own is None and carry is not None and prev_year is None and (carry[1] or not elect):
                year = carry[0]
            elif own is not None:
                last_dated = year
            prev_year = year
        for u in [unit] + extra:
            out.append(Role(role, u.text, u.province, year, s, u.start, u.end, h.start, via_person))
        if outgoing is not None and (outgoing.province or outgoing.text) != (unit.province or unit.text):
            out.append(Role(role, outgoing.text, outgoing.province, year - 1 if year else years.review, s,
                            outgoing.start, outgoing.end, h.start))
        prev_subject = unit if unit.end <= h.start and not extra and handed is None else None
        extra = []
        prev_end = h.end
    if announced is not None:
        return out, (announced, True)
    return out, (last_dated, False) if last_dated is not None else None


# a count of unnamed units right before "dẫn đầu": "3 đơn vị xuất sắc dẫn đầu các cụm"
_COUNTED_HOLDER = re.compile(r"(?<![\w/])0*\d{1,3}\s+(?i:đơn vị|tập thể|tỉnh|sở)(?:\s+[a-zà-ỹđ]+){0,4}\s*$")
# a role spoken of as any holder's: "cụm trưởng thi đua cấp chi cục chủ trì", "cụm trưởng, cụm phó … phải chịu"
_GENERIC_ROLE = re.compile(r"^\s*(?:(?i:thi đua)\s+)?(?:(?i:cấp)\s+[^\s,]+(?:\s+[^\s,]+)?\s+)?(?i:chủ trì|phải|có trách nhiệm|chịu trách nhiệm)(?![\w])")
_PLURAL_UNITS = re.compile(r"(?<![\w])(?i:các|những)\s+(?i:đơn vị|tập thể)(?:\s+[a-zà-ỹđ]+){0,3}\s*$")
_JOINED = re.compile(r"[^.;:]{0,60}?[\s,](?i:cùng|cùng với|và|với)\s+")
_STARTS_UNIT = re.compile(r"^\s*(?:Sở|Công an|UBND|Ủy ban|Ban|Cục|Đài|Báo|Trường|Bệnh viện|Trung tâm|Hội|Liên đoàn|Tỉnh đoàn|"
                          r"Văn phòng|Mặt trận|Kho bạc|Chi cục|Viện|Phòng|Cơ quan)(?![\w])")
# an organizer in apposition after a cluster's label: ", Bộ Công an", ", ngành Thuế"
_ORGANIZER_APPOSITION = re.compile(r"^\s*,\s*(?:Bộ|Ban|Tổng cục|Tổng Liên đoàn|UBND|Ủy ban|(?i:ngành))\s[^,;:.]{1,40}?(?=\s+(?i:năm|là)\s|\s*,)")


def _label_after(text: str, h: Hit, labels: tuple[tuple[int, int], ...]) -> int | None:
    """Where a cluster's label written right after a role cue ends, its organizer apposition included
    ("Cụm trưởng Cụm thi đua số 5, Bộ Công an| năm 2018 là …", "Trưởng khối thi đua Mặt trận - Đoàn thể tỉnh| năm
    2020 là …"); None when the role is not followed by a label."""
    for start, end in labels:
        if start <= h.end + 3 and end > h.end:
            appo = _ORGANIZER_APPOSITION.match(text[end:])
            return end + (appo.end() if appo else 0)
    return None


_CLUSTER_SUBJECT = re.compile(
    r"(?<![\w])(?i:cụm|khối)(?:\s+(?i:thi đua))?(?:\s+(?i:số))?(?:\s+[\dIVX]{1,4})?((?:\s+\w+){0,4}?)\s+(?i:là|trở thành)"
    r"(?:\s+(?i:một trong những|một|những))?\s*$")


def _lead_not_held(before: str) -> bool:
    """Whether a "dẫn đầu / lá cờ đầu" written after ``before`` is held by no unit: the cluster itself is the
    subject ("… để Cụm tiếp tục là lá cờ đầu của cả nước") or it is a goal ("Sở A quyết tâm phấn đấu là đơn vị
    dẫn đầu Khối").

    >>> _lead_not_held("Ông Lê Văn Tâm cam kết phối hợp với các tỉnh để Khối thi đua luôn là ")
    True
    >>> _lead_not_held("đã trao Cờ thi đua cho Sở Y tế tỉnh An Giang, ")
    False
    """
    m = _CLUSTER_SUBJECT.search(before)
    if m and all(w[:1].islower() and w.lower() not in ("trưởng", "phó") for w in m.group(1).split()):
        return True
    masked = mask(before, "CLUSTER_NAME_PART")
    return bool(find_rules("CLUSTER_ASPIRATION", before[masked.rfind(",") + 1:]))


# between a role given in apposition and a second role taken by the same subject: ", đã nhận (bàn giao) nhiệm vụ"
_SUBJECT_GOES_ON = re.compile(
    r"^\s*(?:(?i:năm(?: học)?)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*)?[,)]\s*(?:(?i:đã|vừa|chính thức|tiếp tục|sẽ|được)\s+)*"
    r"(?i:làm|giữ|nhận|nhận bàn giao|tiếp nhận|đảm nhận|đảm nhiệm|tiếp quản|được bầu làm|được giao)"
    r"(?:\s+(?i:nhiệm vụ|vai trò|chức danh|chức|làm))*\s*$")


_FROM_TO = {"give": re.compile(r"(?<![\w])(?i:cho)\s+"), "receive": re.compile(r"(?<![\w])(?i:từ|của)\s+")}


def _handover(text: str, c_start: int, h: Hit, after: str, before_unit: Unit | None) -> tuple[Unit, Unit | None] | None:
    """(incoming, outgoing) units of a role handed over around the cue ``h``, or None.

    "Sở A đã bàn giao nhiệm vụ Cụm trưởng năm 2022 cho Sở B" → (Sở B, Sở A);
    "Sở B nhận bàn giao nhiệm vụ Cụm trưởng từ Sở A" → (Sở B, Sở A).  The verb stands at most a few
    words before the role ("bàn giao nhiệm vụ, vai trò Cụm trưởng"); the other unit follows "cho" / "từ" in
    the rest of the clause, or stands before the cue ("A bàn giao cho B nhiệm vụ Cụm trưởng").
    """
    verbs = [v for v in find_rules("CLUSTER_HANDOVER", text[c_start:h.start])
             if re.fullmatch(r"[\s\w,]{0,40}", text[c_start + v.end:h.start])]
    if not verbs:
        return None
    verb = verbs[-1]
    v_start = c_start + verb.start
    other = _FROM_TO[verb.id].search(after)
    other_unit = unit_from(after[other.end():], h.end + other.end(), True) if other else None
    if other_unit is not None and not re.fullmatch(r"(?:[\w&]+\s+){0,3}", text[h.end + other.end():other_unit.start]):
        other_unit = None  # "cho" must introduce the unit itself ("cho VKSND tỉnh Lai Châu"), not a later one
    subject = unit_from(text[c_start:v_start], c_start, False)
    if verb.id == "give":
        if other_unit is not None:
            return other_unit, subject
        # "A bàn giao cho B nhiệm vụ Cụm trưởng": the recipient stands between the verb and the role
        to = _FROM_TO["give"].search(text, c_start + verb.end, h.start)
        if to:
            incoming = unit_from(text[to.end():h.start], to.end(), True)
            if incoming is not None:
                return incoming, subject
        return None
    incoming = before_unit or subject
    if incoming is None:
        return None
    return incoming, other_unit


_ROTATION_INTRO = re.compile(r"^[^:;.]{0,40}:\s*")


_ITEM_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _rotation(text: str, pos: int, after: str) -> list[tuple[Unit, int]]:
    """Holders listed after a role with a year each: "Cụm trưởng các năm tới: Sở A (2021), Sở B (2022)"."""
    intro = _ROTATION_INTRO.match(after)
    if not intro:
        return []
    start = pos + intro.end()
    out = []
    for it in split_list(after[intro.end():], start):
        piece = text[it.start:it.end]
        unit, year = unit_from(piece, it.start, True), _ITEM_YEAR.search(piece)
        if unit is None or year is None:
            return []
        out.append((unit, int(year.group(1))))
    return out if len(out) >= 2 else []


_APPOSED_UNITS = re.compile(r"^\s*(?i:là|đều là|cũng là)\s+(?:(?i:hai|ba|bốn|năm|0?\d|các|những)\s+)?(?i:đơn vị|tập thể)\s*$")


_LIST_OPENER = re.compile(r"(?<![\w])(?i:cho|tặng|gồm|là)\s+")
