"""Meetings and acts the article reports: reviews, pledge signings, launches, award ceremonies.

An event mention is a sentence with an event kind (``EVENT_KIND`` in
``extract/rules/events.jsonl``: tổng kết → review, sơ kết → midterm_review,
ký kết giao ước / ký kết thực hiện phong trào thi đua → pledge_signing, phát
động → launch, lễ trao / đón nhận → award_ceremony) that is *reported*:

* the sentence carries its own date adverbial ("Sáng 20/2", "Ngày 12/3/2021",
  "Chiều 30-3", "vào ngày 06/3"), or
* it is the title or one of the two lead sentences, or says "vừa qua/mới đây".

Kinds that are tasks rather than meetings ("tổng kết và nhân rộng điển hình"),
planned ("sẽ tổ chức", "Kế hoạch tổ chức hội nghị"), referred to ("việc phát
động", "phong trào do Bộ phát động", "hưởng ứng") or recalled ("ngay từ đầu năm
2020, Cụm đã ký kết…" in a 2021 article) are dropped.  Mentions of one meeting
merge: same date, or the undated title/lead joins the first dated mention.

Launches count only when what is launched is emulation (a phong trào, đợt
thi đua, cuộc vận động, "thi đua năm 2024"): "đồng thời phát động thi đua
hoàn thành các công trình" inside an investment meeting, or "Lễ phát động
Tháng hành động vì an toàn thực phẩm", are not launch events; "trao tặng" /
"đón nhận" count only with an honour (Huân chương, Bằng khen, danh hiệu…),
not gifts, appointments or heritage certificates.

Date: day and month from the adverbial, the year from it or from the article
date (``a.published``, else ``a.year``); a day after publication goes one year
back only across the new year (within 60 days), otherwise it is a future day
and no event date.  Deadlines ("trước ngày 30/9", "chậm nhất ngày 15/6",
``EVENT_DEADLINE``) are never event dates, and an act dated by a month long
before publication ("Tháng 4/2023, …" in a December article) is history.  Place: the "tại …" phrase; province of the place (cities
resolve through the gazetteer), else of the acting unit.

>>> from extract.frontend import analyze
>>> a = analyze("Sáng 20/2/2023, tại thành phố Điện Biên Phủ, Sở TT&TT 7 tỉnh tổ chức Hội nghị tổng kết phong trào thi đua năm 2022 và ký kết giao ước thi đua năm 2023.")
>>> [(e["kinds"], e["date"], e["place"], e["province"]) for e in extract(a)]
[(['review', 'pledge_signing'], '2023-02-20', 'thành phố Điện Biên Phủ', 'Điện Biên')]
"""

from __future__ import annotations

import datetime as dt
import re

from extract.constructions.numerals import DOC_NUMBER
from extract.constructions.places import article_province
from extract.constructions.structure import LETTER_MARK
from extract.constructions.units import authority_before
from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.patterns import rule_regex, rule_terms

KIND_ORDER = ["review", "midterm_review", "pledge_signing", "launch", "award_ceremony"]

_DAY_MONTH = (
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>(?:19|20)\d{2}))?(?![\d/.-]*\d)(?!\s*[/-]\s*[A-ZĐ])"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>(?:19|20)\d{2}))?"
)
_EVENT_DATE = re.compile(
    r"(?<!\w)(?:(?i:sáng|chiều|tối|trưa|hôm nay|sáng nay|chiều nay|vào|trong)\s*(?:(?i:ngày)\s*)?\(?\s*|(?i:ngày)\s+)"
    r"(?:" + _DAY_MONTH + r")"
)
_LEADING_DATE = re.compile(r"^\s*\(?(?:" + _DAY_MONTH + r")\)?\s*[,:]")
_TODAY = re.compile(r"(?<!\w)(?i:sáng nay|chiều nay|tối nay|hôm nay)(?!\w)(?!\s*\(?\s*\d)")
_DOC_BEFORE = re.compile(DOC_NUMBER + r"\s*,?\s*(?:(?i:ban hành|ký)\s+)?$")
_RECALL_YEAR = re.compile(r"(?i:(?:từ|trong|đầu|cuối|giữa|hồi)\s+(?:năm\s+)?|^\s*năm\s+)((?:19|20)\d{2})")
_REPORTED = re.compile(r"(?i:vừa qua|mới đây|vừa tổ chức|vừa diễn ra|đã diễn ra|long trọng tổ chức)")
_PLACE = re.compile(r"(?<!\w)(?i:tại)\s+(?P<place>[^,;.()]+)")
_NOT_PLACE = re.compile(
    r"^(?i:hội nghị|buổi lễ|lễ|buổi|đây|đó|địa phương|đơn vị|cơ sở|các|mỗi|từng|cuộc họp|phiên họp|hội thảo|diễn đàn|sự kiện|kỳ họp)\b"
)
_CONTINUATION = re.compile(
    r"^\s*(?i:dịp này|nhân dịp này|cũng tại (?:hội nghị|buổi lễ|đại hội)|tại (?:hội nghị|buổi lễ|lễ|chương trình|đại hội)(?: này)?|trong khuôn khổ (?:hội nghị|buổi lễ|đại hội))\s*,"
)
_ONLINE = re.compile(r"(?i:trực tuyến|hình thức trực tuyến|online)")


_YEAR_BACK_DAYS = 60  # how far before publication a day/month without year may be moved into the previous year


def resolve_date(day: int, month: int, year: int | None, published: dt.date | None, ref_year: int | None,
                 school: tuple[int, int] | None = None) -> dt.date | None:
    """A calendar date, the year taken from the article when the text gives only day and month.

    A day/month after the publication date goes to the previous year only
    across the new year (reported within ``_YEAR_BACK_DAYS``); otherwise it is
    a future day (a deadline, a plan) and gives None.

    >>> resolve_date(28, 12, None, dt.date(2021, 1, 5), 2021)
    datetime.date(2020, 12, 28)
    >>> resolve_date(30, 9, None, dt.date(2024, 5, 6), 2024) is None
    True
    >>> resolve_date(20, 2, None, None, 2023)
    datetime.date(2023, 2, 20)

    Without a publication date, a day of a school year's autumn is in its first year ("Ngày 11-10, … năm học
    2019 - 2020"):

    >>> resolve_date(11, 10, None, None, 2020, (2019, 2020))
    datetime.date(2019, 10, 11)
    """
    try:
        if year is not None:
            return dt.date(year, month, day)
        if published is not None:
            d = dt.date(published.year, month, day)
            if d > published + dt.timedelta(days=7):
                # late December reported in January; anything later than that is a future day, not a report
                back = dt.date(published.year - 1, month, day)
                return back if published - back <= dt.timedelta(days=_YEAR_BACK_DAYS) else None
            return d
        if school is not None:
            return dt.date(school[0] if month >= 8 else school[1], month, day)
        if ref_year is not None:
            return dt.date(ref_year, month, day)
    except ValueError:
        return None
    return None


_SCHOOL_YEAR = re.compile(r"(?i:năm học)\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})")


def _school_year(text: str) -> tuple[int, int] | None:
    m = _SCHOOL_YEAR.search(text)
    return (int(m.group(1)), int(m.group(2))) if m and int(m.group(2)) == int(m.group(1)) + 1 else None


def sentence_date(text: str, published: dt.date | None, ref_year: int | None,
                  school: tuple[int, int] | None = None) -> dt.date | None:
    """The date adverbial of an event sentence ("Sáng ngày 06/3", "Ngày 12/3/2021"), not a document's date."""
    cands = list(_EVENT_DATE.finditer(text))
    lead = _LEADING_DATE.match(text)
    if lead:
        cands.insert(0, lead)
    for m in cands:
        if _DOC_BEFORE.search(text[: m.start()]):
            continue  # "Chỉ thị 05/CT-BTTTT ngày 02/02/2021"
        if rule_regex("EVENT_DEADLINE").search(text[max(0, m.start() - 25): m.start() + 4]):
            continue  # "hoàn thành trước ngày 30/9", "báo cáo chậm nhất ngày 15/6"
        if m.group("d"):
            d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
        else:
            d, mo, y = int(m.group("d2")), int(m.group("m2")), m.group("y2")
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        date = resolve_date(d, mo, int(y) if y else None, published, ref_year, school)
        if date:
            return date
    if _TODAY.search(text) and published:
        return published
    return None


def _clause_before(text: str, pos: int, width: int = 40) -> str:
    start = max(text.rfind(",", 0, pos), text.rfind(";", 0, pos), text.rfind(":", 0, pos), pos - width) + 1
    return text[max(start, 0): pos]


def kinds_in(text: str) -> list[tuple[str, int]]:
    """Valid (kind, position) of event cues in a sentence (eventive, not planned or referred to).

    >>> [k for k, _ in kinds_in("Đẩy mạnh việc phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến.")]
    []
    >>> [k for k, _ in kinds_in("Cụm thi đua số 2 tổ chức Hội nghị sơ kết 6 tháng đầu năm 2024.")]
    ['midterm_review']
    """

    out: list[tuple[str, int]] = []
    for rx, kind in rule_terms("EVENT_KIND"):
        for m in re.finditer(r"(?<!\w)(?:" + rx + r")(?!\w)", text):
            before = _clause_before(text, m.start())
            if rule_regex("EVENT_NEG").search(before[-28:]):
                continue
            if "+" in kind:  # a meeting that is several kinds by its name ("Hội nghị điển hình tiên tiến")
                out += [(k, m.start()) for k in kind.split("+") if all(k != o for o, _ in out)]
                continue
            if kind == "launch" and re.search(r"(?i:\bdo\b|được|hưởng ứng)", before) \
                    and not _PASSIVE_LAUNCH.search(text[:m.start()]):
                continue
            if kind == "launch" and not _launch_of_movement(text, m.start(), m.end()):
                continue
            if kind == "award_ceremony" and not _of_award(text, m.start(), m.end()):
                continue
            if kind in ("review", "midterm_review"):
                prev = text[max(0, m.start() - 30): m.start()]
                nxt = text[m.end(): m.end() + 25].lstrip(" ,")
                eventive = re.search(
                    r"(?:" + rule_regex("EVENT_NOUN").pattern + "|" + rule_regex("EVENT_ACT").pattern + r")\s*$", prev
                ) or (rule_regex("EVENT_OBJECT").match(nxt) is not None) or re.match(r"\d", nxt)
                if not eventive or re.match(r"(?i:và nhân rộng|, nhân rộng|rút kinh nghiệm)", nxt):
                    continue
            if all(k != kind for k, _ in out):
                out.append((kind, m.start()))
    return sorted(out, key=lambda kp: kp[1])


def _launch_of_movement(text: str, start: int, end: int) -> bool:
    """True when "phát động" launches a movement, not an ad-hoc drive inside another meeting.

    What follows is a movement (``EVENT_LAUNCH_OBJECT``: phong trào, đợt thi
    đua, cuộc vận động, "thi đua năm 2024", "thi đua lập thành tích chào mừng
    …"), or a ceremony ("Lễ phát động", "tổ chức phát động") launches
    something that the next words call emulation.  "Lễ phát động Tháng hành
    động vì an toàn thực phẩm" is not an emulation launch.

    >>> t = "đồng thời phát động thi đua hoàn thành các công trình trước ngày 30/9"
    >>> _launch_of_movement(t, 10, 19)
    False
    >>> t = "Sở tổ chức Lễ phát động phong trào thi đua năm 2024"
    >>> _launch_of_movement(t, 14, 23)
    True
    >>> t = "Sở Y tế tổ chức Lễ phát động Tháng hành động vì an toàn thực phẩm năm 2024"
    >>> _launch_of_movement(t, t.index("phát"), t.index("phát") + 9)
    False
    """
    nxt = text[end: end + 60].lstrip(" :")
    if rule_regex("EVENT_LAUNCH_OBJECT").match(nxt):
        return True
    # the passive: "Ngày 7-10, đợt thi đua cao điểm … đã được Bộ Chỉ huy Quân sự tỉnh tổ chức phát động."
    if _PASSIVE_LAUNCH.search(text[:start]):
        return True
    # "Lễ phát động “…”", "tổ chức phát động Tháng thi đua …": the ceremony counts when what it launches is emulation
    prev = text[max(0, start - 30): start]
    ceremony = re.search(r"(?:" + rule_regex("EVENT_NOUN").pattern + "|" + rule_regex("EVENT_ACT", ("launch_act",)).pattern + r")\s*$", prev)
    return bool(ceremony) and bool(re.search(r"(?i:phong trào|thi đua|cuộc vận động)", nxt))


_PASSIVE_LAUNCH = re.compile(r"(?i:phong trào|đợt thi đua|cuộc vận động)[^.;]{0,200}?(?<![\w])(?i:đã|vừa)?\s*(?i:được)\s"
                             r"[^.;]{2,80}?(?i:tổ chức|chính thức)\s*$")


def _of_award(text: str, start: int, end: int) -> bool:
    """True when "trao tặng"/"đón nhận" hands over an honour, not gifts or visitors.

    >>> t = "Hội Chữ thập đỏ tỉnh trao tặng 200 suất quà Tết cho hộ nghèo"
    >>> _of_award(t, t.index("trao"), t.index("trao") + 9)
    False
    >>> t = "Trường long trọng tổ chức Lễ kỷ niệm 25 năm thành lập và đón nhận Huân chương Lao động hạng Nhì"
    >>> _of_award(t, t.index("đón"), t.index("đón") + 8)
    True
    >>> t = "Sáng 3/4, Sở Nội vụ tổ chức Lễ trao quyết định bổ nhiệm Phó Giám đốc Sở"
    >>> _of_award(t, t.index("Lễ"), t.index("Lễ") + 7)
    False
    """
    if re.match(r"(?i:lễ\s+(?:vinh danh|tuyên dương|tôn vinh))", text[start:end]):
        return True  # honouring is the ceremony itself; "Lễ trao quyết định bổ nhiệm" is not
    window = re.split(r"[;.]", text[start: end + 80])[0]
    return bool(rule_regex("EVENT_AWARD_OBJECT").search(window))


_MONTH_YEAR = re.compile(r"(?<!\w)(?i:tháng)\s*(?P<m>\d{1,2})\s*(?:[/.-]|\s+(?i:năm)\s+)\s*(?P<y>(?:19|20)\d{2})(?!\d)")


def _recalled(text: str, first_cue: int, ref_year: int | None, published: dt.date | None = None) -> bool:
    """The act is told as past history: an earlier year ("Năm 2015, …") or a month long before publication."""
    if published is not None:
        for m in _MONTH_YEAR.finditer(text[:first_cue]):
            month, year = int(m.group("m")), int(m.group("y"))
            if 1 <= month <= 12 and (published.year - year) * 12 + published.month - month > 2:
                return True
    if ref_year is None:
        return False
    for m in _RECALL_YEAR.finditer(text[:first_cue]):
        if int(m.group(1)) < ref_year and not re.search(r"(?i:tổng kết|sơ kết|thi đua|công tác|nhiệm vụ)\s*$", text[: m.start()]):
            return True
    return False


def _place(text: str) -> tuple[str | None, int, int]:
    """The "tại …" place phrase of a sentence, city names written canonically, and its span."""
    g = gazetteer()
    for m in _PLACE.finditer(text):
        place = m.group("place").strip()
        if _NOT_PLACE.match(place) or not place:
            continue
        start = m.start("place")
        end = start + len(place)
        # a city name may contain the comma that cut the phrase ("Phan Rang, Tháp Chàm")
        for c in g.find_places(text[start:]):
            if c.start <= len(place) and start + c.end > end:
                end = start + c.end
        place = text[start:end].strip()
        place = re.split(r"\s+(?i:đã|đang|diễn ra|tổ chức|long trọng)\b", place)[0].strip()
        for c in g.find_cities(place):
            if c.surface != c.name:
                place = place[: c.start] + c.name + place[c.end:]
                break
        if len(place.split()) > 12:
            continue
        return place, start, end
    return None, -1, -1


def _province_of(text: str, place: str | None, place_end: int, first_cue: int, default: str | None) -> str | None:
    g = gazetteer()
    if place:
        paren = re.match(r"\s*\(([^)]+)\)", text[place_end:])
        for t in (place, paren.group(1) if paren else ""):
            p = g.province_of_place(t)
            if p:
                return p
    who = authority_before(text, first_cue, default, max_gap=80)
    if who:
        found = g.find_provinces(who)
        if found:
            return found[0].name
        if place:
            return default
        return None
    return default if place else None


def _is_title(s: Sentence, a: Analysis) -> bool:
    """The title line, also when it came from page metadata and was not flagged in the body."""
    return s.is_title or bool(a.title) and s.text.strip() == (a.title or "").strip()


def _mention(s: Sentence, a: Analysis, lead: bool, default: str | None) -> dict | None:
    text = s.text
    title = _is_title(s, a)
    kinds = kinds_in(text)
    if not kinds:
        return None
    school = _school_year(text) or a.memo("first_school_year", lambda a: _school_year(a.sentences[0].text))
    letter = LETTER_MARK.search(text[: kinds[0][1]])
    # "Số: 215/SNV … ngày 12 tháng 11 năm 2022 V/v hướng dẫn tổng kết …": a letter (dated in its header) asks for
    # the meeting; none is reported unless its body dates one
    date = sentence_date(text[letter.end():] if letter else text, a.published, a.year, school)
    if letter and date is None:
        return None
    if date is None and not (lead or title or _REPORTED.search(text)):
        return None
    first_cue = kinds[0][1]
    if date is None and _recalled(text, first_cue, a.year, a.published):
        return None
    if date is not None and a.published is not None:
        if date < a.published - dt.timedelta(days=400) or date > a.published + dt.timedelta(days=7):
            return None
    place, _, place_end = _place(text) if not _ONLINE.search(text) else (None, -1, -1)
    return {
        "kinds": [k for k in KIND_ORDER if k in {k for k, _ in kinds}],
        "date": date.isoformat() if date else None,
        "place": place if not title else None,
        "province": _province_of(text, place, place_end, first_cue, default) if not title else None,
        "evidence": s.evidence(),
    }


def _merge(into: dict, m: dict) -> None:
    into["kinds"] = [k for k in KIND_ORDER if k in set(into["kinds"]) | set(m["kinds"])]
    for k in ("date", "place", "province"):
        if into[k] is None and m[k] is not None:
            into[k] = m[k]


def extract(a: Analysis) -> list[dict]:
    """Reported events, one per meeting (merged by date; undated title/lead joins the first dated one).

    >>> from extract.frontend import analyze
    >>> extract(analyze("Các đơn vị tích cực hưởng ứng các phong trào thi đua do Bộ Y tế phát động. Năm 2025, ngành sẽ tổ chức tổng kết phong trào."))
    []
    """
    default = article_province(a)
    body = [s for s in a.sentences if not _is_title(s, a)]
    # the lead: the first body sentence, or the second when the first reports no event
    lead_ids = {s.index for s in body[:1]}
    if body and not kinds_in(body[0].text):
        lead_ids |= {s.index for s in body[1:2]}
    mentions = [m for s in a.sentences if (m := _mention(s, a, s.index in lead_ids, default))]
    events: list[dict] = []
    by_date: dict[str, dict] = {}
    undated: list[dict] = []
    for m in mentions:
        if m["date"]:
            if m["date"] in by_date:
                _merge(by_date[m["date"]], m)
            else:
                by_date[m["date"]] = m
                events.append(m)
        else:
            undated.append(m)
    # "Dịp này, …", "Tại hội nghị, …": more of what the main meeting was
    if events or undated:
        main = events[0] if events else undated[0]
        for s in a.sentences:
            if _is_title(s, a) or s.index in lead_ids or not _CONTINUATION.match(s.text):
                continue
            extra = [k for k, _ in kinds_in(s.text) if k in ("pledge_signing", "award_ceremony", "launch")]
            if extra and sentence_date(s.text, a.published, a.year) is None:
                _merge(main, {"kinds": extra, "date": None, "place": None, "province": None})
    if undated:
        if events:
            for m in undated:
                _merge(events[0], m)
        else:
            first = undated[0]
            for m in undated[1:]:
                _merge(first, m)
            events.append(first)
    return events
