"""Publication dates as portals print them → ISO 8601 (Asia/Ho_Chi_Minh).

Day-first always.  A date with a time becomes ``YYYY-MM-DDTHH:MM:SS+07:00``;
a date alone becomes ``YYYY-MM-DD``.  A date without a year ("Chiều 12-5",
"Sáng 20/2") is never a publication date and yields None.

>>> parse_date("Thứ 5, Ngày 14/10/2021, 11:00")
'2021-10-14T11:00:00+07:00'
>>> parse_date("Cập nhật lúc:   11:01:19 - 12/03/2020 Số lượt xem:   141")
'2020-03-12T11:01:19+07:00'
>>> parse_date("Thứ ba, 25 Tháng 1 2022 16:22")
'2022-01-25T16:22:00+07:00'
>>> parse_date("Đã đăng vào 30 Th6, 2020 lúc 7:40")
'2020-06-30T07:40:00+07:00'
>>> parse_date("Sáng 20/2, tại thành phố Điện Biên Phủ") is None
True
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

VN_TZ = timezone(timedelta(hours=7))

_YEAR = r"((?:19|20)\d{2})"
# Each pattern names its groups d, m, y; order matters only for speed.
DATE_PATTERNS: tuple[str, ...] = (
    # ISO: 2023-01-30, 2023-01-30T10:00:00+07:00 (meta tags, sitemaps)
    r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)",
    # 14/10/2021, 14.10.2021, 14-10-2021, 6/2/2020 (same separator twice)
    r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})(?!\d)",
    # 25 Tháng 1 2022, ngày 14 tháng 10 năm 2021, 25 tháng 01, 2022; abbreviated (WordPress vi locale):
    # "Đã đăng vào 30 Th6, 2020 lúc 7:40", "30 Thg 6, 2020"
    r"(?<!\d)(?P<d>\d{1,2})\s+th(?:[áa]ng\s+|g\.?\s*|\s*)(?P<m>\d{1,2})\s*(?:,|\s)\s*(?:n[ăa]m\s+)?(?P<y>(?:19|20)\d{2})(?!\d)",
    # 18 October 2019 (Drupal, English locale)
    r"(?<!\d)(?P<d>\d{1,2})\s+(?P<mname>[A-Za-z]{3,9})\.?,?\s+(?P<y>(?:19|20)\d{2})(?!\d)",
    # October 18, 2019
    r"(?P<mname>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,\s*(?P<y>(?:19|20)\d{2})(?!\d)",
)
_DATE_RES = tuple(re.compile(p, re.IGNORECASE) for p in DATE_PATTERNS)
# 11:00, 11:01:19, 16h22, 3:05 PM
TIME_PATTERN = r"(?<![\d:])(?P<H>[01]?\d|2[0-3])\s*(?::|h(?=\d{2}))\s*(?P<M>[0-5]\d)(?:\s*:\s*(?P<S>[0-5]\d))?(?![\d])(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?|SA|CH)\b)?"
_TIME_RE = re.compile(TIME_PATTERN)
# explicit offsets: +07:00, +0700, GMT+7, Z
_OFFSET_RE = re.compile(r"(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b|(?<=\d)([+-])(\d{2}):?(\d{2})\b|(?<=\d)Z\b")
MONTH_NAMES: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
# how far (characters) a time may stand from its date: "11:01:19 - 12/03/2020", "14/10/2021, 11:00"
MAX_TIME_GAP = 12
# dates inside URL paths: /portal/Pages/2020-5-29/…, /2019/10/18/slug/
URL_DATE_PATTERNS: tuple[str, ...] = (
    r"/(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})/",
    r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{2})/(?P<d>\d{2})/",
)
_URL_DATE_RES = tuple(re.compile(p) for p in URL_DATE_PATTERNS)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _find_date(text: str) -> tuple[date, int, int] | None:
    """Earliest valid full date in ``text`` with its span."""
    best: tuple[date, int, int] | None = None
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            groups = m.groupdict()
            if groups.get("mname"):
                month = MONTH_NAMES.get(groups["mname"].lower().rstrip("."))
                if month is None:
                    continue
            else:
                month = int(groups["m"])
            day = _valid(int(groups["y"]), month, int(groups["d"]))
            if day and (best is None or m.start() < best[1]):
                best = (day, m.start(), m.end())
            if day:
                break
    return best


def _find_time(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The time closest to the date span [start, end), within MAX_TIME_GAP characters."""
    best: tuple[int, tuple[int, int, int]] | None = None
    for m in _TIME_RE.finditer(text):
        if start <= m.start() < end:
            continue
        gap = m.start() - end if m.start() >= end else start - m.end()
        if gap < 0 or gap > MAX_TIME_GAP:
            continue
        hour, minute, sec = int(m["H"]), int(m["M"]), int(m["S"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "")
        if ampm in {"pm", "ch"} and hour < 12:
            hour += 12
        elif ampm in {"am", "sa"} and hour == 12:
            hour = 0
        if best is None or gap < best[0]:
            best = (gap, (hour, minute, sec))
    return best[1] if best else None


def _offset(text: str, after: int) -> timezone | None:
    m = _OFFSET_RE.search(text, after)
    if not m or m.start() - after > 12:
        return None
    if m.group(0) == "Z":
        return UTC
    sign_s, hours_s, minutes_s = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    sign = -1 if sign_s == "-" else 1
    hours = int(hours_s)
    minutes = int(minutes_s or 0)
    if hours > 14:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def iso(day: date, time: tuple[int, int, int] | None = None, tz: timezone | None = None) -> str:
    """ISO string in Vietnam time: with ``+07:00`` when a time is known, a plain date otherwise."""
    if time is None:
        return day.isoformat()
    moment = datetime(day.year, day.month, day.day, *time, tzinfo=tz or VN_TZ).astimezone(VN_TZ)
    return moment.isoformat()


def parse_date(text: str | None) -> str | None:
    """Publication date in ``text`` (a date element, a meta value, a feed date), or None.

    >>> parse_date("10:17 - 19/05/2021")
    '2021-05-19T10:17:00+07:00'
    >>> parse_date("Thứ hai, 8/5/2023, 15:58 (GMT+7)")
    '2023-05-08T15:58:00+07:00'
    >>> parse_date("2023-01-30T03:00:00Z")
    '2023-01-30T10:00:00+07:00'
    >>> parse_date("Submitted by Ban biên tập on 18 October 2019")
    '2019-10-18'
    """
    if not text:
        return None
    text = " ".join(str(text).split())
    rfc = _rfc822(text)
    if rfc:
        return rfc
    found = _find_date(text)
    if not found:
        return None
    day, start, end = found
    time = _find_time(text, start, end)
    tz = None
    if time is not None:
        tz = _offset(text, end)
    return iso(day, time, tz)


def _rfc822(text: str) -> str | None:
    """RSS dates: "Mon, 30 Jan 2023 10:00:00 +0700"."""
    if not re.match(r"^(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}", text):
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ).isoformat()


def date_from_url(url: str) -> str | None:
    """Date embedded in a URL path ("/portal/Pages/2020-5-29/…" → "2020-05-29"), or None.

    >>> date_from_url("https://ninhthuan.gov.vn/portal/Pages/2021-3-17/Hoi-nghi-abc.aspx")
    '2021-03-17'
    """
    for rx in _URL_DATE_RES:
        m = rx.search(url)
        if m:
            day = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            if day:
                return day.isoformat()
    return None
