"""Numbers in running text: counts ("03 tập thể", "hai đơn vị"), years, school years and periods,
and the article's emulation years (the year reviewed and the year pledged).

>>> leading_count("03 tập thể và 5 cá nhân")
(3, 'tập thể và 5 cá nhân')
>>> find_period("phát động phong trào thi đua giai đoạn 2021 – 2025")
'2021-2025'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.frontend import Analysis

#: "năm 2020", "năm học 2019-2020": group 1 the year, group 2 a school year's end (read it with year_of)
YEAR = re.compile(r"(?i:năm(?: học)?)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?")

_REVIEW = re.compile(
    r"(?i:tổng kết|sơ kết|kết quả thực hiện|kết quả thi đua|đánh giá kết quả)[^.;:]{0,130}?" + YEAR.pattern)


_PLEDGE = re.compile(r"(?i:giao ước|ký kết|phát động)[^.;:]{0,60}?" + YEAR.pattern)


def year_of(m: re.Match, group: int = 1) -> int:
    """The emulation year of a "năm N" / "năm học N-M" match (a school year counts as its end year)."""
    if m.lastindex and m.lastindex > group and m.group(group + 1):
        return int(m.group(group + 1))
    return int(m.group(group))


@dataclass
class Years:
    """The article's reviewed year (tổng kết năm N) and pledge year (giao ước năm N+1)."""

    review: int | None
    pledge: int | None
    current: int | None


def emulation_years(a: Analysis) -> Years:
    """Reviewed and pledge years of the article, each inferred from the other when only one is written.

    >>> from extract.frontend import analyze
    >>> emulation_years(analyze("Hội nghị tổng kết công tác thi đua, khen thưởng năm 2019 và ký kết giao ước thi đua năm 2020."))
    Years(review=2019, pledge=2020, current=2020)
    """
    return a.memo("emulation_years", _emulation_years)


def _emulation_years(a: Analysis) -> Years:
    review = pledge = None
    for s in a.sentences:
        if review is None and (m := _REVIEW.search(s.text)):
            review = year_of(m)
        if pledge is None and (m := _PLEDGE.search(s.text)):
            pledge = year_of(m)
    if review is None and pledge is not None:
        review = pledge - 1
    if pledge is None and review is not None:
        pledge = review + 1
    return Years(review, pledge, a.year or topic_year(a))


_NAM_YEAR = re.compile(r"(?<![\w])(?i:năm)\s+((?:19|20)\d{2})(?!\d)")


def topic_year(a: Analysis) -> int | None:
    """The year an undated article speaks of: the one most often written as "năm N" in its body (the
    latest on a tie), e.g. "trong năm 2019 các cơ quan, đơn vị thuộc khối đã …".

    >>> from extract.frontend import analyze
    >>> topic_year(analyze("Báo cáo cho biết, trong năm 2019 các đơn vị đã hoàn thành nhiệm vụ năm 2019 và năm 2018."))
    2019
    """
    counts: dict[int, int] = {}
    for s in a.sentences:
        for m in _NAM_YEAR.finditer(s.text):
            y = int(m.group(1))
            counts[y] = counts.get(y, 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


_COUNT = re.compile(r"^(?:(?i:có|gồm|với|cho|và|các|toàn bộ)\s+)*0*(\d{1,3}(?:\.\d{3})+|\d{1,4})\s+(?:(?i:lượt)\s+)?(?=\S)")


_NUM_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


_NUM_WORD_RE = re.compile(r"^(?:(?i:có|gồm|với|cho|và|các)\s+)*(" + "|".join(_NUM_WORDS) + r")\s+(?=\S)", re.I)


def leading_count(text: str) -> tuple[int | None, str]:
    """A count written at the start ("02 đơn vị", "hai tập thể") and the rest of the text."""
    m = _COUNT.match(text)
    if m:
        return int(m.group(1).replace(".", "")), text[m.end():]
    m = _NUM_WORD_RE.match(text)
    if m:
        return _NUM_WORDS[m.group(1).lower()], text[m.end():]
    return None, text


_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-–—]|đến(?: năm)?)\s*((?:19|20)\d{2})(?!\d)")


def find_period(text: str) -> str | None:
    """A period "2019-2025" written as "giai đoạn 2019 -2025", "(2021–2025)", "từ năm 2019 đến năm 2025"."""
    m = _YEAR_RANGE.search(text)
    return f"{m.group(1)}-{m.group(2)}" if m else None


# a document's number: 05/CT-BTTTT · 231/QĐ-TTg · 09/2018/TT-BTTTT · 34-CT/TW · 1234/QĐ-UBND · 12/2019/NĐ-CP · 06/2022/QH15
DOC_NUMBER = (
    r"(?P<number>\d{1,5}[a-z]?(?:\s*[/-]\s*(?:19|20)\d{2})?\s*[/-]\s*[A-ZĐ][A-Za-zĐđ0-9&]*"
    r"(?:\s?[-/]\s?[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*)"
)
