"""Tell the article body from page chrome in a saved page's text.

Saved portal pages carry menus, font-size widgets, view counters, SharePoint
field lists ("Manage Permissions", "Tiêu đề", "Hình ảnh" …), share bars and
"Tin khác" lists.  The line rules live in ``data/boilerplate.toml``; this
module loads them (``rule_strings`` — also used by the HTML path,
``crawler/pages/clean.py``), applies them and returns the body lines with
their offsets.

>>> text = "Tin Tức\\nThứ 4, Ngày 08/09/2021, 09:00\\nTiêu đề bài viết về phong trào thi đua năm nay\\n" \\
...        "Cỡ chữ: Font size: Giảm (A-)\\nNội dung chính của bài viết có đủ nhiều chữ để là đoạn văn thật sự, " \\
...        "kể về hội nghị tổng kết.\\nTin khác\\nMột tin khác rất dài rất dài rất dài rất dài rất dài rất dài"
>>> page = split_page(text)
>>> [text[s:e] for s, e in page.body]  # the title line stays in the body: extractors read headlines too
['Tiêu đề bài viết về phong trào thi đua năm nay', 'Nội dung chính của bài viết có đủ nhiều chữ để là đoạn văn thật sự, kể về hội nghị tổng kết.']
>>> page.title
'Tiêu đề bài viết về phong trào thi đua năm nay'
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "boilerplate.toml"

_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
# "19 Tháng 1 2021", "ngày 14 tháng 10 năm 2021", "25 tháng 01, 2022" (Joomla and newspaper headers)
_DATE_WORDS = re.compile(r"(?<!\d)(\d{1,2})\s+(?i:tháng)\s+(\d{1,2})(?:\s*,\s*|\s+(?i:năm)\s+|\s+)((?:19|20)\d{2})(?!\d)")
_SENTENCE_END = re.compile(r"[.!?…;:”\"]\s*$")
# the enumerator of a numbered or lettered list line: "1.", "2)", "a)", "đ.", "IV."
ENUMERATOR = r"(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)]"


@dataclass
class PageText:
    """Body line spans (offsets into the text), title, and the header date."""

    body: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    title_span: tuple[int, int] | None = None
    date: tuple[int, int, int] | None = None  # (year, month, day) from header or metadata lines


@dataclass(frozen=True)
class Rules:
    drop: re.Pattern[str]
    tail: re.Pattern[str]
    date_line: re.Pattern[str]
    masthead: re.Pattern[str]
    field_labels: frozenset[str]
    min_body_words: int
    min_header_paragraph_words: int


@functools.lru_cache(maxsize=4)
def _rule_table(path: Path = RULES_PATH) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def rule_strings(section: str, *, plain_text: bool = False, path: Path = RULES_PATH) -> tuple[str, ...]:
    """The patterns (or, for ``field_labels``, the labels) of one section of ``data/boilerplate.toml``.

    The one loader behind both line filters: without ``plain_text`` the rules
    shared by saved page text and article HTML (``crawler/pages/clean.py``);
    with it, also those for saved page text only.

    >>> "^cỡ chữ" in rule_strings("drop")
    True
    >>> "^trang chủ" in rule_strings("drop"), "^trang chủ" in rule_strings("drop", plain_text=True)
    (False, True)
    >>> "Tin hoạt động" in rule_strings("field_labels", plain_text=True)
    True
    """
    table = _rule_table(path).get(section)
    key = "labels" if section == "field_labels" else "patterns"
    if not isinstance(table, dict) or key not in table:
        raise ValueError(f"{path}: no [{section}] {key}")
    return tuple(table[key]) + (tuple(table.get("plain_text", ())) if plain_text else ())


def compile_patterns(patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive regex that ``search``es for any of ``patterns`` (none: matches nothing).

    >>> bool(compile_patterns(rule_strings("drop")).search("Lượt xem: 1.234"))
    True
    """
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def rules(path: Path = RULES_PATH) -> Rules:
    """The plain-text rules: shared and plain-text-only patterns of ``data/boilerplate.toml``, compiled."""
    thresholds = _rule_table(path)["thresholds"]

    def alt(section: str) -> re.Pattern[str]:
        return compile_patterns(rule_strings(section, plain_text=True, path=path))

    return Rules(
        drop=alt("drop"),
        tail=alt("tail"),
        date_line=alt("date_line"),
        masthead=alt("masthead"),
        field_labels=frozenset(s.lower() for s in rule_strings("field_labels", plain_text=True, path=path)),
        min_body_words=int(thresholds["min_body_words"]),
        min_header_paragraph_words=int(thresholds["min_header_paragraph_words"]),
    )


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _words(line: str) -> int:
    return len(re.findall(r"\w+", line))


def _is_repeated(line: str) -> bool:
    """A caption printed twice in a row ("Ảnh X Ảnh X")."""
    n = len(line)
    if n < 20:
        return False
    half = line[: n // 2].strip()
    return bool(half) and line.count(half) >= 2


def find_date(line: str) -> tuple[int, int, int] | None:
    """First full day-first date in a line, as (year, month, day)."""
    for m in sorted([*_DATE.finditer(line), *_DATE_WORDS.finditer(line)], key=lambda m: m.start()):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            return (y, mo, d)
    return None


def _continues(lines: list, i: int) -> bool:
    """Line ``i`` is wrapped: it does not end a sentence and the very next line goes on in lower case."""
    if i < 0 or i + 1 >= len(lines) or _SENTENCE_END.search(lines[i][2]):
        return False
    nxt = lines[i + 1]
    return nxt[0] == lines[i][1] + 1 and nxt[2][:1].islower()


def _adjacent(lines: list, i: int, j: int) -> bool:
    """Lines ``i`` and ``j`` follow each other with only blank lines between."""
    lo, hi = sorted((i, j))
    return lo != hi and all(not lines[k][2].strip() for k in range(lo + 1, hi))


def _table_row(line: str) -> bool:
    """A row of a table printed as text ("2 | Sở TT&TT Nghệ An | 96,50 | 1") or its header ("STT | Đơn vị |
    Tổng điểm"): a number cell beside a word cell, or a first cell STT/TT — menus and counters have neither.

    >>> _table_row("2 | Sở TT&TT Nghệ An | 96,50 | 1"), _table_row("Trang chủ | Giới thiệu | Liên hệ")
    (True, False)
    """
    cells = [c.strip() for c in line.split("|")]
    if len(cells) < 3:
        return False
    if re.fullmatch(r"(?i:stt|tt|số tt)", cells[0]):
        return True
    return any(re.fullmatch(r"\d+(?:[.,]\d+)?", c) for c in cells) and any(re.search(r"[^\W\d_]{2,}", c) for c in cells)


def _list_entry(lines: list, i: int, page: PageText) -> bool:
    """Line ``i`` is one entry of a list written one per line without bullets, under a line that introduces
    it ("… đón nhận:", "1. Bằng khen của Thủ tướng Chính phủ", "Khoa Sản;" → "Khoa Nhi."): it ends with
    ";" or ".", and the line right above it is in the body and ends with ":" or ";" or is a numbered heading."""
    s, _, ln = lines[i]
    if not re.search(r"[;.]\s*$", ln) or i == 0 or not page.body or page.body[-1][1] != s - 1:
        return False
    above = lines[i - 1][2].strip()
    return bool(re.search(r"[:;]$", above) or re.match(rf"^{ENUMERATOR}\s+\S", above))


_LIST_ITEM = re.compile(r"^(?:[-–•+*]|\d+[.)])\s+\S|\(\d{1,2}/\d{1,2}/\d{4}\)\s*$")


def _after_inline_box(lines: list, start: int, r) -> int | None:
    """Where the article resumes after a "Bài viết liên quan" box set inside it, or None when the box ends it.

    The box must hold only list items ("- Title (15/02/2022)") and chrome; the article resumes at the
    next real paragraph (a long line ending a sentence).  A box followed by anything else ends the body.
    """
    items = 0
    for j in range(start, len(lines)):
        ln = lines[j][2].strip()
        if not ln:
            continue
        if r.drop.search(ln) or (_LIST_ITEM.search(ln) and items < 8):
            items += 1  # a list item, or a counter line of a "Thống kê truy cập" block
            continue
        if items and _words(ln) >= 25 and _SENTENCE_END.search(ln) and not r.tail.search(ln):
            return j
        return None
    return None


_STATE_MOTTO = re.compile(r"(?i:cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc)")
# "Số: 08/CT-CTUBND | Vĩnh Phúc, ngày 21 tháng 5 năm 2021 |", "Nghệ An, ngày 21 tháng 10 năm 2021"
_STATE_HEADER_LINE = re.compile(r"^(?:(?i:số)\s*:?\s*\d{1,5}[^\s|]*\s*[-/]|[A-ZĐ][^,|]{1,40},\s*(?i:ngày)\s+\d{1,2}\s+(?i:tháng))")

#: A headline is at most this many words; a longer unpunctuated line is a list or a page run together, not a title.
_MAX_TITLE_WORDS = 60

#: A line longer than this (characters) is a paragraph, or a page run together; only its first ``_HEAD_CHARS``
#: characters are matched against the chrome rules.
_LONG_LINE = 400
_HEAD_CHARS = 200


def split_page(text: str) -> PageText:
    """Body lines, title and header date of a normalised page text."""
    r = rules()
    lines = _lines(text)
    page = PageText()
    # the header zone ends at the first real paragraph
    first_para = next(
        (i for i, (_, _, ln) in enumerate(lines)
         # a caption in a one-cell table ("| Chủ tịch … trao Cờ thi đua … năm 2022. |") is a paragraph too
         if _words(ln) >= r.min_header_paragraph_words and (_SENTENCE_END.search(ln.rstrip(" |")) or _continues(lines, i))),
        None,
    )
    if first_para is None:
        first_para = next((i for i, (_, _, ln) in enumerate(lines) if _words(ln) >= r.min_header_paragraph_words), None)
    if first_para is None:
        # a short page: the header ends after its first title-like line
        first_para = next((i + 1 for i, (_, _, ln) in enumerate(lines)
                           if _words(ln) >= 7 and any(c.islower() for c in ln) and not r.drop.search(ln)),
                          len(lines))

    # title: the first header line that is not a label, date, caption or chrome line
    # (section labels such as "Tin hoạt động sở ngành" are short: a title has at least 7 words)
    # All-caps lines are mastheads ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH TRÀ VINH") unless nothing else qualifies.
    candidates = [i for i in range(first_para)
                  if not (r.drop.search(lines[i][2]) or r.date_line.search(lines[i][2]) or _words(lines[i][2]) < 7
                          or r.masthead.search(lines[i][2])
                          or lines[i][2].lower() in r.field_labels or _is_repeated(lines[i][2]))]
    # menus spaced with runs of blanks ("Thời sự  Chính trị  Kinh tế  Văn hóa") are no titles
    candidates = [i for i in candidates if len(re.findall(r"\S\s{2,}(?=\S)", lines[i][2])) < 3]
    mixed = [i for i in candidates if any(ch.islower() for ch in lines[i][2])]
    best = (mixed or candidates or [None])[0]
    # the headline sits next to its date line ("Tên bài" / "Ngày đăng: …", or the date first): a site or
    # department name printed higher up is not it
    dated = [i for i in range(first_para) if r.date_line.search(lines[i][2]) or r.date_line.search(lines[i][2].lstrip("|- "))]
    near = [i for i in (mixed or candidates) for d in dated[:1] if _adjacent(lines, i, d)]
    if near:
        best = near[0]
    if best is None and first_para < len(lines) and not lines[first_para][2].rstrip().endswith((".", "!", "?", "…")) \
            and _words(lines[first_para][2]) <= _MAX_TITLE_WORDS:
        # a long headline with no title line above it ("Thủ tướng phát động phong trào thi đua “…”"):
        # it is the title, the body starts after it
        best, first_para = first_para, first_para + 1
    if best is not None:
        s, e, ln = lines[best]
        page.title, page.title_span = ln, (s, e)
        page.body.append((s, e))
    # date: first date in the header zone (and the line right after it), then metadata lines anywhere
    for i in range(min(first_para + 1, len(lines))):
        ln = lines[i][2]
        if i == first_para and (not r.date_line.search(ln) or _words(ln) > 15):
            # the first paragraph may open with "TTĐT - Ngày 12/3/2021 ..." — that is an event date
            if not re.match(r"^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*(?:\||$)", ln):
                continue
        d = find_date(ln)
        if d:
            page.date = d
            break
    if page.date is None:
        for _, _, ln in lines:
            # a metadata line is short: "Ngày 7-10, đợt thi đua … (22/12/1989 – 22/12/2019) …" is a paragraph
            if _words(ln) <= 15 and r.date_line.search(ln) and (d := find_date(ln)):
                page.date = d
                break

    # a state document's header block ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"): its number
    # line ("Số: 594/KH-UBND") and its place-and-date line ("Nghệ An, ngày 21 tháng 10 năm 2021") are the
    # document's own facts, not chrome, wherever the header zone ends
    if _STATE_MOTTO.search(text):
        for s, e, ln in lines[:first_para]:
            if _STATE_HEADER_LINE.match(ln.strip()) and (s, e) != page.title_span:
                page.body.append((s, e))
    seen_body = False
    skip_to = -1
    for i in range(first_para, len(lines)):
        s, e, ln = lines[i]
        stripped = ln.strip()
        if not stripped or i < skip_to:
            continue
        # chrome lines are short: a long line (a whole article saved without line breaks) is judged by its head only,
        # so that a "Lượt xem" or "Tin khác" somewhere inside it does not throw the article away
        head = stripped if len(stripped) <= _LONG_LINE else stripped[:_HEAD_CHARS]
        if r.tail.search(head) and seen_body:
            skip_to = _after_inline_box(lines, i + 1, r)
            if skip_to is None:
                break
            continue
        if (r.drop.search(head) and not _table_row(head)) or stripped.lower() in r.field_labels \
                or (len(stripped) <= _LONG_LINE and _is_repeated(stripped)):
            continue
        n = _words(stripped)
        if n < r.min_body_words and not (page.body and page.body[-1][1] == s - 1 and _continues(lines, i - 1)):
            # short lines are menu items, bylines or labels — unless they carry list content or end a
            # paragraph wrapped over lines
            if not re.match(r"^(?:[-–•+*]|\d+[.)])\s+\S", stripped) and not _list_entry(lines, i, page) \
                    and not _table_row(stripped):
                continue
        if n >= r.min_header_paragraph_words:
            seen_body = True
        page.body.append((s, e))
    return page
