"""Themes and slogans (chủ đề / khẩu hiệu / phương châm) of an emulation year or plan.

A theme is the quoted phrase after "chủ đề", "khẩu hiệu" or "phương châm
(hành động)", or — without quotes — the colon-introduced rest of the sentence
("chủ đề thi đua xuyên suốt năm 2023: Thi đua đổi mới, …").  It must belong to
emulation: the sentence speaks of "thi đua"/"khen thưởng", and no closer owner
such as a seminar, a contest or a programme ("Hội thảo với chủ đề “…”",
``THEME_BLOCK`` in ``extract/rules/themes.jsonl``) stands between.  Press
mottos, 5K/5T messages and "với tinh thần “…”" quotes are not themes.

``year`` is the emulation year: the year written nearest before the cue in the
sentence, else between cue and theme, else right after the theme, else inside it, else the title's year, else the article's year.

>>> from extract.frontend import analyze
>>> a = analyze("Năm 2024, ngành Thuế tỉnh Nghệ An phát động phong trào thi đua với chủ đề “Kỷ cương, liêm chính, hiện đại”.")
>>> [(t["text"], t["kind"], t["year"]) for t in extract(a)]
[('Kỷ cương, liêm chính, hiện đại', 'chủ đề', 2024)]
"""

from __future__ import annotations

import re

from extract.constructions.quotes import clean_name, quoted_spans, rejoin_broken_quotes
from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.normalize import match_key
from extract.patterns import rule_match_id, rule_regex

_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")
_AFTER_CUE = re.compile(
    r"^(?:\s*(?i:thi đua|của|năm|xuyên suốt|chung|chính|hành động|công tác|điều hành|là|được chọn|được xác định|với|"
    r"cả|toàn|ngành|đơn vị|cụm|khối|(?:19|20)\d{2}|,))*"
    # the owner of the theme: "chủ đề năm 2026 của tỉnh:", "khẩu hiệu thi đua của Cục Thuế tỉnh Nghệ An là"
    r"(?:\s*(?i:của)\s+(?P<owner>[^\s,;:.“”\"]+(?:\s+[^\s,;:.“”\"]+){0,7}?)"
    r"(?:\s+(?i:là|được (?:chọn|xác định) là))?)?"
    # "chủ đề thi đua do UBND tỉnh chọn:"
    r"(?:\s*(?i:do)\s+[^\s,;:.“”\"]+(?:\s+[^\s,;:.“”\"]+){0,6}?\s+(?i:chọn|lựa chọn|đề ra|xác định|phát động|ban hành))?"
    r"\s*(?P<colon>:)?\s*$"
)


def _gap_ok(gap: str) -> bool:
    """True when only cue words, a year and an owner stand between the cue and the theme.

    >>> _gap_ok(" năm 2026 của tỉnh: "), _gap_ok(" năm 2024 của Lễ hội Hoa ban là "), _gap_ok(" đã được ")
    (True, False, False)
    """
    m = _AFTER_CUE.match(gap)
    if not m:
        return False
    owner = m.group("owner")
    return not (owner and rule_regex("THEME_BLOCK").search(owner))


def _years(text: str) -> list[tuple[int, int]]:
    """(position, year) of four-digit years, skipping the second year of a range "2021-2025"."""
    out = []
    for m in _YEAR.finditer(text):
        if re.search(r"\d\s*[-–]\s*$", text[: m.start()]):
            continue
        if re.search(r"(?i:tháng)\s*\d{1,2}\s*,?\s*(?i:năm)\s*$", text[: m.start()]):
            continue  # a date's year ("ngày 24 tháng 8 năm 2021"), as in a cited document's date
        out.append((m.start(), int(m.group(1))))
    return out


# cue words that may stand before an unquoted, uncoloned slogan ("khẩu hiệu thi đua năm 2023 Kỷ cương - Liêm chính - …")
_BARE_LEAD = re.compile(
    r"(?:\s*(?i:thi đua|năm|xuyên suốt|chung|chính|hành động|là|được chọn là|được xác định là|(?:19|20)\d{2}))*\s*"
)
_STOP = r"(?:trong|năm|của|và|được|đã|để|nhằm|với|cho|tại|theo|từ|đến|là|thì|các|những|góp|phấn|tiếp|cùng|đồng)(?!\w)"
_W = r"[^\s,;:.!?()“”\"\-–]+"
_PART = rf"{_W}(?:\s+(?!{_STOP}){_W}){{0,3}}"
_DASHED = re.compile(rf"(?=[A-ZĐÀ-Ỹ]){_PART}(?:\s*[-–]\s*{_PART}){{2,}}")
_COMMA_CUT = re.compile(r"\s+(?i:nhằm|để|góp phần|phấn đấu|trong (?:năm|giai đoạn)|năm\s+(?:19|20)\d{2})(?!\w)|[;.!?]")


def _bare_slogan(text: str, start: int) -> tuple[int, int] | None:
    """An unquoted slogan written right after its cue: dashed ("Đoàn kết - Kỷ cương - Hiệu quả", three parts or
    more) or a capitalised comma list of three or more short items running to the end of the clause.

    >>> t = "thực hiện khẩu hiệu thi đua Kỷ cương - Liêm chính - Hiệu quả trong năm 2023"
    >>> s, e = _bare_slogan(t, t.index(" thi đua")); t[s:e]
    'Kỷ cương - Liêm chính - Hiệu quả'
    >>> t = "với chủ đề Đoàn kết, kỷ cương, sáng tạo, hiệu quả."
    >>> s, e = _bare_slogan(t, t.index(" Đoàn")); t[s:e]
    'Đoàn kết, kỷ cương, sáng tạo, hiệu quả'
    >>> _bare_slogan("với chủ đề Quảng Ninh, Hải Phòng là hai tỉnh", 10) is None
    True
    """
    p = _BARE_LEAD.match(text, start).end()
    m = _DASHED.match(text, p)
    if m:
        return p, m.end()
    if not text[p: p + 1].isupper():
        return None
    cut = _COMMA_CUT.search(text, p)
    body = text[p: cut.start() if cut else len(text)]
    items = [i.strip() for i in body.split(",")]
    if not all(i[:1].isupper() for i in items):  # sentence case: a capitalised item opens a new clause
        k = next((n for n, i in enumerate(items[1:], 1) if i[:1].isupper()), len(items))
        items = items[:k]
    if len(items) < 3 or not all(1 <= len(i.split()) <= 6 for i in items) or len(items[0].split()) > 4:
        return None
    if gazetteer().find_provinces(", ".join(items)):
        return None  # a list of places, not a slogan
    end = text.index(items[-1], p) + len(items[-1])
    return p, end


def _emulation_owner(text: str, cue_start: int, article_context: bool) -> bool:
    """True when the theme belongs to emulation, not to a seminar, contest or programme.

    The nearest owner before the cue decides: "thi đua"/"khen thưởng" (or the
    cue followed by "thi đua") against a ``THEME_BLOCK`` head.  Without either,
    the article's own subject decides (``article_context``: its title or lead
    speaks of thi đua).
    """
    # "chủ đề thi đua", "khẩu hiệu hành động (năm 2021)": the emulation year's own theme
    # … and "chủ đề năm (2018) của ngành y tế / của tỉnh": the year's theme of a sector or a province
    if re.match(r"(?i:chủ đề|khẩu hiệu|phương châm)\s+(?i:thi đua|hành động)(?![\w])", text[cue_start:]) or re.match(
            r"(?i:chủ đề|khẩu hiệu)\s+(?i:năm)(?:\s+(?:19|20)\d{2})?\s+(?i:của)\s+(?:(?i:toàn)\s+)?"
            r"(?i:ngành|tỉnh|thành phố|bộ|cụm|khối)(?![\w])", text[cue_start:]):
        return True
    before = text[:cue_start]
    ctx = [m.end() for m in rule_regex("THEME_CONTEXT").finditer(before)]
    # a seminar/contest/programme owns the theme only when it heads the same phrase ("Hội thảo với chủ đề")
    clause_start = max(before.rfind(","), before.rfind(";"), len(before) - 60)
    block = [m.end() for m in rule_regex("THEME_BLOCK").finditer(before) if m.start() >= clause_start]
    if ctx:
        return not block or max(block) < max(ctx)
    return article_context and not block


def _themes_in(s: Sentence, title_year: int | None, article_context: bool) -> list[dict]:
    text = s.text
    out: list[dict] = []
    quotes = quoted_spans(text)
    for cue in rule_regex("THEME_CUE").finditer(text):
        kind = rule_match_id("THEME_CUE", text[cue.start():]) or "chủ đề"
        if re.search(r"(?i:với tinh thần|thông điệp|5K|5T)\s*$", text[: cue.start()]):
            continue
        if not _emulation_owner(text, cue.start(), article_context):
            continue
        span: tuple[int, int] | None = None
        q = next((q for q in quotes if q[0] - 1 >= cue.end()), None)
        if q:
            gap = text[cue.end(): q[0] - 1]
            if _gap_ok(gap):
                span = (q[0], q[1])
        if span is None:
            m = re.match(r"^([^:;.“”\"]{0,60}?):\s*(?P<body>[^“”\"]+)$", text[cue.end():])
            if m and _gap_ok(m.group(1) + ":"):
                start = cue.end() + m.start("body")
                body = re.split(r";", m.group("body"))[0]
                span = (start, start + len(body.rstrip()))
        if span is None and not (q and q[0] - 1 - cue.end() < 60):
            span = _bare_slogan(text, cue.end())
        if span is None:
            continue
        theme = clean_name(text[span[0]: span[1]])
        if len(theme.split()) < 2 or re.fullmatch(r"(?i:5K|5T)[\s\w+]*", theme):
            continue
        outside = [(p, y) for p, y in _years(text) if not span[0] <= p < span[1]]
        before = [y for p, y in outside if p < cue.start()]
        after = [y for p, y in outside if cue.end() <= p < span[0]]
        clause_end = re.search(r"[;.]", text[span[1] + 1:])
        following = [y for p, y in outside if span[1] <= p < span[1] + 1 + (clause_end.start() if clause_end else len(text))]
        inside = [y for _, y in _years(theme)]
        year = next(iter(before[-1:] + after[:1] + following[:1] + inside[:1]), None) or title_year
        out.append({"text": theme, "kind": kind, "year": year, "evidence": s.evidence(cue.start(), span[1])})
    return out


def extract(a: Analysis) -> list[dict]:
    """Themes and slogans, one object per distinct text.

    >>> from extract.frontend import analyze
    >>> a = analyze("Hội thảo với chủ đề “Chuyển đổi số trong giáo dục” thu hút 200 đại biểu. Các cơ quan báo chí tuyên truyền với tinh thần “Nhân cái đẹp, dẹp cái xấu”.")
    >>> extract(a)
    []
    """
    title_years = [int(y) for y in _YEAR.findall(a.title or "")]
    title_year = title_years[0] if title_years else a.year
    lead = " ".join([a.title or ""] + [s.text for s in a.sentences[:3]])
    article_context = bool(rule_regex("THEME_LEAD_CONTEXT").search(lead))
    found: dict[str, dict] = {}
    for s in rejoin_broken_quotes(a):
        for t in _themes_in(s, title_year, article_context):
            found.setdefault(match_key(t["text"]), t)
    return list(found.values())
