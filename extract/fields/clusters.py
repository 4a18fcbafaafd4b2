"""Emulation clusters and blocks (cụm / khối thi đua): members, count, organizer, roles.

A cluster is mentioned by a head and a number ("Cụm thi đua số 7", "Cụm 7",
"KHỐI THI ĐUA SỐ IV"), by a head and a description ("Khối thi đua của tỉnh
Long An", "Cụm thi đua các tỉnh Tây Nguyên") or, without the word cụm, as a
group of like units that signs a pledge together ("Sở TT&TT 7 tỉnh khu vực
miền núi phía bắc gồm: … ký kết giao ước thi đua").  Mentions of one cluster
merge (same kind and number, same description, or the anaphoric "Cụm",
"toàn Cụm" referring to the cluster last named).

* members: provinces of the units listed after "gồm / bao gồm / thành viên
  gồm" or "các tỉnh trong Cụm:" (inline, one per bulleted line or one per table
  row "3 | Công an tỉnh Hà Giang | Thành viên"), of units given a cluster role,
  and of units the cluster proposes or honours (awards in a sentence about the
  cluster).  A description in the title or in apposition ("Khối thi đua số 1 -
  các bệnh viện tuyến tỉnh") names the numbered cluster, not a second one.  A cluster of one
  province's departments (organizer ``UBND tỉnh X``) or of non-provincial units
  lists them in ``member_units`` instead.
* roles: Cụm/Khối trưởng → ``leader``, Cụm/Khối phó → ``deputy``, suy tôn /
  dẫn đầu → ``leading_unit``; the holder is the unit written before the role
  ("Sở TTTT Gia Lai làm Cụm trưởng") or after it ("Cụm trưởng năm 2022 là Sở
  …", "suy tôn Sở … là đơn vị dẫn đầu"); the year is the one written with the
  role, else the pledge year for an election ("bầu … làm Cụm trưởng") and the
  reviewed year otherwise; a rotation lists holders with a year each ("Cụm
  trưởng các năm tới: Sở A (2021), Sở B (2022)"); "suy tôn A và B là hai đơn
  vị dẫn đầu" gives both.  A handover ("A bàn giao nhiệm vụ Cụm trưởng năm
  2022 cho B", "B nhận bàn giao … từ A") gives B the role in the year written
  and A the year before; a subject given one role in apposition may take a
  second ("A, Cụm phó năm 2021, đã nhận … Cụm trưởng năm 2022").  A role
  without a year of its own takes the one of roles announced or dated in the
  sentence before ("bầu Cụm trưởng, Cụm phó năm 2023. Theo đó, …").  In an article naming one province only, a holder
  written without a province ("Tỉnh đoàn") is in it (but makes no member).

Vocabulary is data: ``extract/rules/clusters.jsonl`` (labels ``CLUSTER_*``).
This module also holds the small text helpers that ``awards`` shares.

>>> from extract.frontend import analyze
>>> a = analyze("Ngày 12/3/2021, Cụm thi đua số 7 ngành Thông tin và Truyền thông gồm các Sở TT&TT: "
...             "Bình Dương, Tây Ninh và Ninh Thuận tổ chức hội nghị tổng kết phong trào thi đua năm 2020. "
...             "Năm 2021, Sở TT&TT Tây Ninh làm Cụm trưởng.")
>>> c = extract(a)[0]
>>> c["label"], c["number"], c["organizer"], c["members"]
('Cụm thi đua số 7', 7, 'Bộ Thông tin và Truyền thông', ['Bình Dương', 'Tây Ninh', 'Ninh Thuận'])
>>> [(r["role"], r["province"], r["year"]) for r in c["roles"]]
[('leader', 'Tây Ninh', 2021)]
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from extract.frontend import Analysis, Sentence
from extract.gazetteer import DATA_DIR, gazetteer
from extract.nlp import load_patterns

# --------------------------------------------------------------------------------------------
# rules (extract/rules/clusters.jsonl, awards.jsonl) compiled to regexes over sentence text
# --------------------------------------------------------------------------------------------

from extract.fields._common import _WB, _WE, _words, pattern_regex, rule_regex, rule_terms  # noqa: E402

@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    id: str
    text: str


def find_rules(label: str, text: str) -> list[Hit]:
    """Non-overlapping matches of a rule label, left to right (longest pattern at a position)."""
    terms = rule_terms(label)
    return [Hit(m.start(), m.end(), terms[int(m.lastgroup[1:])][1], m.group(0))
            for m in _named_rule_regex(label).finditer(text)]


@functools.lru_cache(maxsize=None)
def _named_rule_regex(label: str) -> re.Pattern[str]:
    """``rule_regex`` with one named group per pattern: ``m.lastgroup`` is ``g<i>`` of ``rule_terms(label)[i]``."""
    alts = [f"(?P<g{i}>{rx})" for i, (rx, _) in enumerate(rule_terms(label))]
    return re.compile(_WB + "(?:" + "|".join(alts) + ")" + _WE)


def mask(text: str, label: str) -> str:
    """``text`` with every match of ``label`` blanked out with "_" (same length, so offsets stay valid)."""
    return rule_regex(label).sub(lambda m: "_" * len(m.group(0)), text)


# --------------------------------------------------------------------------------------------
# shared text helpers (clusters, awards)
# --------------------------------------------------------------------------------------------

_REVIEW = re.compile(
    r"(?i:tổng kết|sơ kết|kết quả thực hiện|kết quả thi đua|đánh giá kết quả)[^.;:]{0,90}?(?i:năm(?: học)?)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?")
_PLEDGE = re.compile(
    r"(?i:giao ước|ký kết|phát động)[^.;:]{0,60}?(?i:năm(?: học)?)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?")
ROLE_WORD = re.compile(r"(?i:cụm|khối)\s*(?i:trưởng|phó)")


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
    return Years(review, pledge, a.year)


def article_province(a: Analysis) -> str | None:
    """The province the article is about: most mentions in title and body, the title first on ties."""
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
    g = gazetteer()
    return {m.name for t in [a.title or ""] + [s.text for s in a.sentences] for m in g.find_provinces(t)}


@functools.lru_cache(maxsize=1)
def _position_regex() -> re.Pattern[str]:
    with open(DATA_DIR / "positions.csv", encoding="utf-8") as fh:
        titles = [row["title"] for row in csv.DictReader(fh) if row.get("title")]
    return re.compile(r"^(?:" + "|".join(_words(t) for t in sorted(titles, key=len, reverse=True)) + r")" + _WE)


def starts_with_position(text: str) -> bool:
    """Whether ``text`` opens with an official's position ("Giám đốc Sở …", "Phó Chủ tịch …")."""
    return bool(_position_regex().match(text.strip()))


def unit_heads(text: str) -> list[Hit]:
    """Where organisation names start (``CLUSTER_UNIT_HEAD``, not ``CLUSTER_UNIT_NOT_HEAD``: "Hội nghị", "Tổ chức")."""
    not_heads = {h.start for h in find_rules("CLUSTER_UNIT_NOT_HEAD", text)}
    return [h for h in find_rules("CLUSTER_UNIT_HEAD", text) if h.start not in not_heads]


_COUNT = re.compile(r"^(?:(?i:có|gồm|với|cho|và|các|toàn bộ)\s+)*0*(\d{1,4})\s+(?:(?i:lượt)\s+)?(?=\S)")
_NUM_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_NUM_WORD_RE = re.compile(r"^(?:(?i:có|gồm|với|cho|và|các)\s+)*(" + "|".join(_NUM_WORDS) + r")\s+(?=\S)", re.I)
_LIST_SEP = re.compile(r"\s*(?:[,;]|\s(?:và|cùng|với)\s|\s*[-–]\s+(?=[A-ZĐ][^\s]*\s))\s*")
_LEAD_JUNK = re.compile(r"^(?:\s+|(?i:cho|các|của|là|gồm|bao gồm|gồm có|như|và|tới|đến)(?![\w])\s*|[:;,()\-–]\s*)+")
_TRAIL_JUNK = re.compile(r"[\s,;:.(\-–]+$")
_PROVINCE_WORD = re.compile(r"(?i:\s*(?:các\s+)?(?:tỉnh, thành phố|tỉnh, thành|tỉnh|thành phố|TP\.?)\s*)$")


def leading_count(text: str) -> tuple[int | None, str]:
    """A count written at the start ("02 đơn vị", "hai tập thể") and the rest of the text."""
    m = _COUNT.match(text)
    if m:
        return int(m.group(1)), text[m.end():]
    m = _NUM_WORD_RE.match(text)
    if m:
        return _NUM_WORDS[m.group(1).lower()], text[m.end():]
    return None, text


@dataclass
class Item:
    """One element of a written list of units: text as written, its province, or an unnamed count."""

    text: str
    start: int
    end: int
    province: str | None = None
    count: int | None = None
    noun: str | None = None  # for counts: what is counted ("đơn vị", "cá nhân")
    person: bool = False


def split_list(text: str, offset: int = 0) -> list[Item]:
    """Split a written list of units or provinces into items.

    Names that contain "và" or commas (``CLUSTER_NAME_PART``: "Sở Văn hóa, Thể thao và
    Du lịch") are kept whole; a bare province after a unit ("Sở TTTT Đắk Lắk và Phú Yên")
    inherits that unit's words; an official's position after a name stays with the name.

    >>> [(i.text, i.province) for i in split_list("2 Sở TTTT Đắk Lắk và Phú Yên")]
    [('Sở TTTT Đắk Lắk', 'Đắk Lắk'), ('Sở TTTT Phú Yên', 'Phú Yên')]
    >>> [(i.text, i.province) for i in split_list("Sở TT&TT các tỉnh: Cà Mau, Bến Tre")]
    [('Sở TT&TT Cà Mau', 'Cà Mau'), ('Sở TT&TT Bến Tre', 'Bến Tre')]
    >>> [(i.count, i.noun) for i in split_list("5 tập thể và 10 cá nhân")]
    [(5, 'tập thể'), (10, 'cá nhân')]
    """
    g = gazetteer()
    masked = _mask_firm_and(text, mask(text, "CLUSTER_NAME_PART"))
    # keep province names with dashes/commas whole as well
    for m in g.find_places(text):
        masked = masked[: m.start] + "x" * (m.end - m.start) + masked[m.end:]
    pieces: list[tuple[int, int]] = []
    pos = 0
    for sep in _LIST_SEP.finditer(masked):
        if sep.start() > pos:
            pieces.append((pos, sep.start()))
        pos = sep.end()
    if pos < len(text):
        pieces.append((pos, len(text)))
    items: list[Item] = []
    prefix = ""  # unit words before the first province of the list ("Sở TTTT")
    for s, e in pieces:
        piece = text[s:e]
        lead = _LEAD_JUNK.match(piece)
        if lead:
            s += lead.end()
            piece = text[s:e]
        piece = _TRAIL_JUNK.sub("", piece)
        e = s + len(piece)
        if not piece:
            continue
        if ":" in piece:  # "Sở TT&TT các tỉnh: Cà Mau" → prefix "Sở TT&TT", item "Cà Mau"
            head, _, rest = piece.partition(":")
            cnt, head_rest = leading_count(head.strip())
            if not g.find_provinces(head):
                prefix = _PROVINCE_WORD.sub("", head_rest).strip()
                s = s + piece.index(":") + 1
                piece = rest.strip()
                s = e - len(piece)
                if not piece:
                    continue
        if items and starts_with_position(piece) and items[-1].person:
            prev = items[-1]
            prev.end = e
            provs = g.find_provinces(piece)
            if provs and prev.province is None:
                prev.province = provs[-1].name
            continue
        count, rest = leading_count(piece)
        if count is not None:
            noun = find_rules("AWARD_COUNT_NOUN", rest[:30])
            if noun and noun[0].start == 0 and not re.match(r"^\s*(?i:sở|tỉnh)", rest):
                items.append(Item(piece, s, e, count=count, noun=noun[0].text.lower()))
                continue
        provs = g.find_provinces(piece)
        if provs:
            p = provs[0]
            body = rest if count is not None else piece
            tail = body.find(p.surface)
            if tail >= 0 and re.match(r"^\s+\w", body[tail + len(p.surface):]) and not re.match(
                    r"^\s+(?:[A-ZĐ0-9]|\()", body[tail + len(p.surface):]):
                body = body[: tail + len(p.surface)]
            if p.start == 0 and prefix:
                body = f"{prefix} {piece}"
            elif p.start > 0 and not prefix:
                prefix = _PROVINCE_WORD.sub("", body[: body.find(p.surface)] if p.surface in body else "").strip()
                prefix = re.split(r"\s(?i:là|gồm|bao gồm|gồm có)\s", " " + prefix + " ")[-1].strip()
                prefix = _PROVINCE_WORD.sub("", re.sub(r"\s+(?i:trực thuộc Trung ương|thuộc Trung ương)$", "", prefix)).strip()
            person = bool(find_rules("AWARD_PERSON", piece[:12]))
            items.append(Item(body.strip(), s, e, province=p.name, person=person))
            continue
        if count is not None:
            noun = find_rules("AWARD_COUNT_NOUN", rest[:30])
            if noun and noun[0].start == 0:
                items.append(Item(piece, s, e, count=count, noun=noun[0].text.lower()))
                continue
        honor = find_rules("AWARD_PERSON", piece[:14])
        if honor and honor[0].start == 0 and len(piece) > honor[0].end + 1 and piece[honor[0].end:].strip()[:1].isupper():
            items.append(Item(piece[honor[0].end:].strip(), s, e, person=True))
            continue
        heads = unit_heads(piece)
        if heads and heads[0].start == 0 and len(piece.split()) >= 2:
            items.append(Item(piece, s, e))
    for it in items:
        it.start += offset
        it.end += offset
    return items


_BULLET = re.compile(r"^\s*(?:[-–+•*·]|\d{1,2}[.)]|[a-zđ][.)])\s*")
_CELL = re.compile(r"[^|]+")


def _unit_cell(text: str) -> tuple[int, int] | None:
    """The cell of a table row ("3 | Công an tỉnh Hà Giang | Thành viên") that names a unit or a province."""
    if text.count("|") < 1:
        return None
    g = gazetteer()
    for m in _CELL.finditer(text):
        cell = m.group(0)
        lead = len(cell) - len(cell.lstrip())
        body = cell.strip()
        if not body or re.fullmatch(r"[\dIVX.)]+", body):
            continue
        heads = unit_heads(body)
        if g.find_provinces(body) or (heads and heads[0].start == 0):
            return m.start() + lead, m.start() + lead + len(body)
    return None


def bullet_lines(a: Analysis, index: int, limit: int = 80) -> list[tuple[Sentence, int, int]]:
    """The list lines that follow sentence ``index``, with where each item starts and ends: bulleted lines
    ("- Sở TT&TT Hà Tĩnh;") or the rows of a table ("2 | Công an tỉnh Cao Bằng | Cụm phó"), whose header row
    ("STT | Đơn vị | Nhiệm vụ") is skipped."""
    out: list[tuple[Sentence, int, int]] = []
    for n, s in enumerate(a.sentences[index + 1: index + 1 + limit]):
        if "|" in s.text:
            cell = _unit_cell(s.text)
            if cell:
                out.append((s, *cell))
                continue
            if n == 0:  # the header row
                continue
            break
        m = _BULLET.match(s.text)
        if not m:
            # the splitter may leave the enumerator out of the sentence: "1. Cục Thống kê tỉnh Thanh Hóa;"
            prefix = a.line_prefix(s)
            if prefix.strip() and _BULLET.fullmatch(prefix):
                out.append((s, 0, len(s.text)))
                continue
            break
        out.append((s, m.end(), len(s.text)))
    return out


def bullet_items(a: Analysis, index: int) -> list[Item]:
    r"""List items written one per bulleted line or table row after sentence ``index`` (absolute offsets).

    >>> from extract.frontend import analyze
    >>> a = analyze("Khối thi đua số 2 gồm 3 đơn vị:\nTT | Đơn vị\n1 | Sở Y tế Nam Định\n2 | Sở Y tế Ninh Bình\n3 | Sở Y tế Hà Nam")
    >>> [i.province for i in bullet_items(a, 0)]
    ['Nam Định', 'Ninh Bình', 'Hà Nam']
    """
    items: list[Item] = []
    for s, start, end in bullet_lines(a, index):
        items += split_list(s.text[start:end], s.start + start)
    return items


def clause_bounds(text: str, pos: int, seps: str = ";") -> tuple[int, int]:
    """Start and end of the clause around ``pos`` (delimited by ``seps`` and sentence ends)."""
    start = max([text.rfind(c, 0, pos) for c in seps] + [-1]) + 1
    ends = [i for i in (text.find(c, pos) for c in seps) if i >= 0]
    return start, min(ends) if ends else len(text)


# --------------------------------------------------------------------------------------------
# cluster mentions
# --------------------------------------------------------------------------------------------

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
    """A comma between coordinated unit categories ("các trường đại học, cao đẳng"): not the end of a description."""
    return re.compile(r",(?=\s*" + rule_regex("CLUSTER_COORD_NOUN").pattern + ")")


def _descriptor(text: str, start: int) -> str:
    """The description written after a head, up to a verb, a delimiter or a year."""
    rest = text[start:]
    masked = _list_of_nouns().sub(lambda m: "_" * len(m.group(0)), mask(rest, "CLUSTER_NAME_PART"))
    stop = re.search(r"[,;:.()\"“”]|\s[-–]\s(?![A-ZĐ])", masked)
    rest = rest[: stop.start()] if stop else rest
    names = [(h.start, h.end) for h in find_rules("CLUSTER_NAME_PART", rest)]
    ends = [h for h in find_rules("CLUSTER_LABEL_END", rest) if not any(s <= h.start < e for s, e in names)]
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
        num = _NUMBER_AFTER.match(after)
        if num:
            if not full and not (has_td or established):
                continue
            if not full and (head[0].islower() and not has_td or _PLACE_AFTER.match(after[num.end():])):
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
        if not full:
            continue
        if re.search(r"(?i:thuộc|của|trong)\s*$", before) and re.search(  # "Cụm 3 thuộc Khối thi đua các Sở …": the container
                r"(?i:cụm|khối)(?![\w])[^.;:]{0,40}$", text[max(0, h.start - 60): h.start]):
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


_APPOSITION = re.compile(r"^\s*[-–(]\s*(?:(?i:cụm thi đua|khối thi đua|cụm|khối)\s+)?(?=(?i:các|của)\s)")


def _desc_words(label: str) -> set[str]:
    """The words of a cluster's description, without the head ("Khối thi đua các bệnh viện" → {các, bệnh, viện})."""
    from extract.normalize import match_key

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
    return re.compile(r"(?P<unit>" + _WB + r"(?:" + units + r")" + _WE + r"[^,;:.\d()]{0,60}?)\s+"
                      r"0?(?P<n>\d{1,2})\s+(?P<noun>" + nouns + r")" + _WE)


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


# --------------------------------------------------------------------------------------------
# roles
# --------------------------------------------------------------------------------------------

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
    alts = [_words(n) for n in sorted(set(names), key=len, reverse=True)]
    alts += [rx for rx, _ in rule_terms("CLUSTER_NAME_PART")]
    return re.compile(r"^\s*(?:" + "|".join(alts) + r")" + _WE)


_UNIT_BREAK = re.compile(
    r"[,;:()]|\s(?:và|cùng|làm|là|được|với|tại|bầu|chọn|giao|suy tôn|tôn vinh|đề nghị|tặng|cho|thống nhất|nhất trí|của|do|"
    r"trong|gồm|đã|vừa|tổ chức|chủ trì)\s"
)


def _mask_firm_and(segment: str, masked: str) -> str:
    """``masked`` with each "và" inside an enterprise's name blanked: one that follows a firm head
    (``CLUSTER_FIRM_HEAD``) with no punctuation between, and is not followed by another unit or a province.

    >>> t = "cho Công ty Cổ phần Đầu tư và Xây dựng Hà Nam và Sở Tư pháp"
    >>> _mask_firm_and(t, t)
    'cho Công ty Cổ phần Đầu tư __ Xây dựng Hà Nam và Sở Tư pháp'
    """
    firms = find_rules("CLUSTER_FIRM_HEAD", segment)
    if not firms:
        return masked
    g = gazetteer()
    out = list(masked)
    for f in firms:
        stop = re.search(r"[,;:()]", masked[f.end:])
        end = f.end + (stop.start() if stop else len(masked) - f.end)
        for m in re.finditer(r"(?<=\s)và(?=\s)", masked[f.end:end]):
            after = segment[f.end + m.end():].lstrip()
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


def _unit_from(segment: str, seg_start: int, province_first: bool) -> Unit | None:
    """The unit written in a segment (its last one, or its first when ``province_first``).

    >>> _unit_from("bầu Sở GD&ĐT Hà Tĩnh làm", 0, False).text
    'Sở GD&ĐT Hà Tĩnh'
    >>> _unit_from("năm 2018 Sở Văn hóa, Thể thao và Du lịch làm", 0, False).text
    'Sở Văn hóa, Thể thao và Du lịch'
    """
    g = gazetteer()
    masked = _mask_firm_and(segment, mask(segment, "CLUSTER_NAME_PART"))
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
    if sector:
        end = h.end + sector.end()
    else:
        stop = re.search(r"[,;:()]|\s[-–]\s|\s(?:và|cùng)\s", masked[h.end:])
        end = h.end + (stop.start() if stop else len(rest))
        ends = [x for x in find_rules("CLUSTER_LABEL_END", segment[h.end:end]) if x.start > 0]
        if ends:
            end = h.end + ends[0].start
    text = _VERB_TAIL.sub("", segment[h.start:end]).strip()
    if len(text.split()) < 2:
        return None
    return Unit(text, seg_start + h.start, seg_start + h.start + len(text), None)


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


def _role_year(text: str, before: str, after: str, role: str, elect: bool, years: Years) -> int | None:
    # "Cụm trưởng Cụm thi đua số 1 ngành TT&TT năm 2022": the year after the cluster's label and sector
    m = re.match(r"^\s*(?:(?i:cụm thi đua|khối thi đua|cụm|khối)\s*(?:(?i:số)\s*)?\w{0,4}\s*(?:(?i:ngành|các)\s+[^\d,;.()]{1,40}?\s+)?)?(?:(?i:luân phiên)\s+)?(?:[,(]\s*)?(?i:năm(?: học)?)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?", after)
    if m:
        return year_of(m)
    if role == "leading_unit":
        m = re.search(r"(?i:năm(?: học)?)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?", after[:120])
        if m:
            return year_of(m)
    cands = list(re.finditer(r"(?i:năm(?: học)?)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?", before))
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
        unit = _unit_from(cells[i], start, True)
        if unit is not None:
            out.append(Role(role, unit.text, unit.province, int(year_cell), s, unit.start, unit.end, start))
    return out


def _roles_in(s: Sentence, years: Years, carry: tuple[int, bool] | None = None,
              ranked: Callable[[str], list[Item]] | None = None) -> tuple[list[Role], tuple[int, bool] | None]:
    """Cluster roles in one sentence, holder and year resolved; and the year a next sentence may take over.

    ``carry`` is (year, announced) from the sentence before: a leader/deputy written here without a year of its
    own takes it — after roles announced without holders ("Hội nghị đã bầu Cụm trưởng, Cụm phó năm 2023.
    Theo đó, Sở A làm Cụm trưởng …"), or after a dated role ("Cụm trưởng năm 2023 là Sở A. Cụm phó là Sở B."),
    unless this one is an election (then the pledge year).
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
        after_cue = re.match(r"^\s*(?:(?i:năm(?: học)?)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:(?i:của|cụm thi đua|khối thi đua|cụm|khối)\s*(?:(?i:số)\s*)?[\w]{0,4}\s*)?(?:(?i:năm)\s+\d{4}\s*)?", after)
        rest = after[after_cue.end():] if after_cue else after
        after_rule = find_rules("CLUSTER_ROLE_AFTER", rest[:16])
        if kind == "vote":
            unit = _unit_from(after[:120], h.end, True)
            by_rank = ranked(after[:60]) if ranked is not None and re.match(r"^\s*(?i:đơn vị|tỉnh|sở)\s+(?i:xếp|đứng)", after) else []
            if by_rank:  # "suy tôn đơn vị xếp hạng nhất là đơn vị dẫn đầu": the first of the results table
                ref_end = h.end + (re.search(r"\s(?i:là|làm)\s", after[:80]) or re.search(r"$", after[:60])).start()
                unit = Unit(by_rank[0].text, h.end, ref_end, by_rank[0].province)
            said = re.search(r"\s(?i:là|làm|dẫn đầu)\s", after[:160])
            if unit and said:  # "suy tôn Đài A và Đài B là hai đơn vị dẫn đầu"
                group = [u for u in (_unit_from(it.text, it.start, True) for it in split_list(after[:said.start()], h.end)) if u]
                if len(group) >= 2:
                    unit, extra = group[0], group[1:]
        elif (after_rule and after_rule[0].start <= 1) or rest.lstrip().startswith(":"):
            unit = _unit_from(rest, h.end + (len(after) - len(rest)), True)
        if unit is None and kind != "vote":
            seg_start = max(prev_end if role != "leading_unit" else 0, c_start)
            masked = mask(text[:h.start], "CLUSTER_NAME_PART")
            last_comma = masked.rfind(",", seg_start, h.start)
            seg = text[seg_start:h.start]
            unit = _unit_from(text[last_comma + 1:h.start], last_comma + 1, False) if last_comma >= 0 else None
            if unit is None and last_comma >= 0 and _APPOSED_UNITS.match(text[last_comma + 1:h.start]):
                # "… cho Sở A và Sở B, là hai đơn vị dẫn đầu Cụm": every unit of the list before the comma
                openers = list(_LIST_OPENER.finditer(text, seg_start, last_comma))
                cut = openers[-1].end() if openers else seg_start
                group = [u for u in (_unit_from(it.text, it.start, True) for it in split_list(text[cut:last_comma], cut)) if u]
                if len(group) >= 2:
                    unit, extra = group[0], group[1:]
            # "…, đơn vị kế tiếp làm Cụm phó": a rule of rotation, no holder named
            generic = last_comma >= 0 and re.match(r"^\s*(?:(?i:các)\s+)?đơn vị\s+[a-zà-ỹ]", text[last_comma + 1:h.start])
            if unit is None and not generic:
                unit = _unit_from(seg, seg_start, False)
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
            pending = [u for u in (_unit_from(it.text, it.start, True) for it in split_list(seg.split("lần lượt")[0]))
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
        year = _role_year(text, before, after, role, elect, years)
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
            out.append(Role(role, u.text, u.province, year, s, u.start, u.end, h.start))
        if outgoing is not None and (outgoing.province or outgoing.text) != (unit.province or unit.text):
            out.append(Role(role, outgoing.text, outgoing.province, year - 1 if year else years.review, s,
                            outgoing.start, outgoing.end, h.start))
        prev_subject = unit if unit.end <= h.start and not extra and handed is None else None
        extra = []
        prev_end = h.end
    if announced is not None:
        return out, (announced, True)
    return out, (last_dated, False) if last_dated is not None else None


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
    other_unit = _unit_from(after[other.end():], h.end + other.end(), True) if other else None
    if other_unit is not None and not re.fullmatch(r"(?:[\w&]+\s+){0,3}", text[h.end + other.end():other_unit.start]):
        other_unit = None  # "cho" must introduce the unit itself ("cho VKSND tỉnh Lai Châu"), not a later one
    subject = _unit_from(text[c_start:v_start], c_start, False)
    if verb.id == "give":
        if other_unit is not None:
            return other_unit, subject
        # "A bàn giao cho B nhiệm vụ Cụm trưởng": the recipient stands between the verb and the role
        to = _FROM_TO["give"].search(text, c_start + verb.end, h.start)
        if to:
            incoming = _unit_from(text[to.end():h.start], to.end(), True)
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
        unit, year = _unit_from(piece, it.start, True), _ITEM_YEAR.search(piece)
        if unit is None or year is None:
            return []
        out.append((unit, int(year.group(1))))
    return out if len(out) >= 2 else []


_APPOSED_UNITS = re.compile(r"^\s*(?i:là|đều là|cũng là)\s+(?:(?i:hai|ba|bốn|năm|0?\d|các|những)\s+)?(?i:đơn vị|tập thể)\s*$")
_LIST_OPENER = re.compile(r"(?<![\w])(?i:cho|tặng|gồm|là)\s+")


# --------------------------------------------------------------------------------------------
# assembly
# --------------------------------------------------------------------------------------------

@dataclass
class Cluster:
    kind: str
    number: int | None
    label: str
    mentions: list[Mention] = field(default_factory=list)
    described: bool = False
    organizer: str | None = None
    members: list[str] = field(default_factory=list)
    member_units: list[str] = field(default_factory=list)
    member_count: int | None = None
    roles: list[dict] = field(default_factory=list)

    def add_member(self, province: str | None) -> None:
        if province and province not in self.members:
            self.members.append(province)


def _same(c: Cluster, m: Mention) -> bool:
    if c.kind != m.kind:
        return False
    if c.number is not None or m.number is not None:
        return c.number == m.number
    if c.described and m.described:
        return c.mentions[0].count == m.count
    from extract.normalize import match_key
    # "các Sở VHTTDL" and "các Sở Văn hóa, Thể thao và Du lịch" are one wording
    g = gazetteer()
    ka, kb = match_key(g.expand_abbreviations(c.label)), match_key(g.expand_abbreviations(m.label))
    short, long_ = sorted((ka, kb), key=len)
    if len(short.split()) >= 5 and long_.startswith(short + " "):
        return True  # "Cụm thi đua các tỉnh Đông Bắc" and "… Đông Bắc ngành Lao động - Thương binh và Xã hội"
    a, b = set(ka.split()), set(kb.split())
    return len(a & b) / max(1, len(a | b)) >= 0.6


def _best_label(c: Cluster, title_index: int | None) -> str:
    """The label as written: a full "Cụm thi đua số N" form, else the body mention with the member list or the longest."""
    named = [m for m in c.mentions if not m.anaphor]
    cands = [m for m in named if not m.label.isupper()] or named
    if c.number is not None:
        full = [m for m in cands if "thi đua" in m.label.lower()]
        return (full or cands)[0].label
    listed = [m for m in cands if m.members]
    body = sorted((m for m in cands if m.sentence != title_index), key=lambda m: -len(m.label))
    return (listed or body or cands)[0].label


_ANAPHOR_LIST = re.compile(
    r"(?<![\w])(?:(?P<members>(?i:thành viên)\s+(?:(?i:của|trong|thuộc)\s+)?"
    r"|(?i:tỉnh|tỉnh, thành phố|tỉnh, thành|tỉnh thành|đơn vị|địa phương|sở|báo|đài|trường|bệnh viện|cơ quan)\s+(?i:trong|thuộc|của)\s+)"
    r"(?:Cụm|Khối)(?:\s+thi đua)?(?:\s+này)?(?=\s*:|\s+(?:gồm|bao gồm|gồm có|là)\s)"
    r"|(?:Cụm|Khối)(?:\s+thi đua)?(?:\s+này)?(?=\s+(?:gồm|bao gồm|gồm có|có|thuộc|trực thuộc)\s))"
)


def _anaphora(text: str) -> bool:
    return bool(re.search(r"(?<![\w])(?:Cụm|Khối|cụm thi đua|khối thi đua)(?![\w])(?!\s*(?:trưởng|phó|công nghiệp|dân cư))", text))


def _cluster_context(text: str) -> bool:
    return _anaphora(text) or bool(ROLE_WORD.search(text)) or bool(re.search(r"(?i:thành viên|giao ước|suy tôn)", text))


def find_clusters(a: Analysis) -> tuple[list[Cluster], dict[int, Cluster]]:
    """Clusters of an article and, per sentence index, the cluster the sentence is about (if any)."""
    from extract.fields.tables import ranked_units  # tables builds on this module's list reader
    province = article_province(a)
    # an article that names one province only: a unit written without its province is in it ("Tỉnh đoàn")
    single = len(named_provinces(a)) == 1
    years = emulation_years(a)
    clusters: list[Cluster] = []
    # bare "Cụm 7" counts when the article is about emulation clusters at all
    established = any(re.search(r"(?i:cụm thi đua|khối thi đua|cụm trưởng|khối trưởng|cụm phó|khối phó|giao ước thi đua)", s.text)
                      for s in a.sentences)
    title = a.title or ""
    per_sentence: dict[int, list[Cluster]] = {}
    for s in a.sentences:
        mentions = _head_mentions(s, province, established)
        for m in mentions:
            items, cnt = _member_list(s.text, m.end - s.start, s.start)
            if not items and s.text.rstrip().endswith(":") and find_rules("CLUSTER_MEMBER_INTRO", s.text[m.end - s.start:]):
                items = [it for it in bullet_items(a, s.index) if it.count is None]
            m.members, m.count = items, cnt or _count_near(s.text[m.end - s.start: m.end - s.start + 60])
        for m in mentions:
            c = next((c for c in clusters if _same(c, m)), None)
            if c is None and clusters and _PAST.match(s.text):
                continue  # "Trước sắp xếp, khối thi đua kinh tế của tỉnh A có 27 đơn vị": what the cluster was
            if c is None:
                c = Cluster(m.kind, m.number, m.label)
                clusters.append(c)
            c.mentions.append(m)
            per_sentence.setdefault(s.index, []).append(c)
    if not clusters:
        for s in a.sentences:
            for m in _group_mentions(s, title):
                items, cnt = _member_list(s.text, m.end - s.start, s.start)
                m.members = items
                c = next((c for c in clusters if _same(c, m)), None)
                if c is None:
                    c = Cluster(m.kind, None, m.label, described=True)
                    clusters.append(c)
                c.mentions.append(m)
                per_sentence.setdefault(s.index, []).append(c)
        clusters = [c for c in clusters if any(m.members for m in c.mentions)
                    or any(find_rules("CLUSTER_PACT", a.sentences[m.sentence].text) for m in c.mentions)]
        kept = {id(c) for c in clusters}
        per_sentence = {k: [c for c in v if id(c) in kept] for k, v in per_sentence.items()}
    if not clusters:
        return [], {}
    title_index = next((s.index for s in a.sentences if s.is_title), None)
    merged = _merge_descriptions(clusters, title_index)
    if merged:
        for c in clusters:
            if id(c) in merged:
                merged[id(c)].mentions = sorted(merged[id(c)].mentions + [
                    Mention(m.start, m.end, m.sentence, m.kind, merged[id(c)].number, m.label, anaphor=True,
                            members=m.members, count=m.count, organizer=m.organizer) for m in c.mentions],
                    key=lambda m: m.start)
        per_sentence = {k: list({id(x): x for x in (merged.get(id(c), c) for c in v)}.values())
                        for k, v in per_sentence.items()}
        clusters = [c for c in clusters if id(c) not in merged]

    # the cluster each sentence is about: its own mention, else the last one named before it
    about: dict[int, Cluster] = {}
    current: Cluster | None = None
    first = clusters[0]
    for s in a.sentences:
        if s.index in per_sentence:
            named = [c for c in per_sentence[s.index] if not _in_passing(s, c, current)]
            about[s.index] = per_sentence[s.index][-1]
            current = named[-1] if named else current or per_sentence[s.index][-1]
        elif _cluster_context(s.text) or (len(clusters) == 1 and clusters[0].described and s.index > 0):
            about[s.index] = current or first

    for s in a.sentences:
        c = about.get(s.index)
        if c is None:
            continue
        here = [(mm.start - s.start, mm.end - s.start, cc) for cc in per_sentence.get(s.index, [])
                for mm in cc.mentions if mm.sentence == s.index]
        for m in _ANAPHOR_LIST.finditer(s.text):
            if here:  # a sentence naming the cluster: only "các tỉnh trong Cụm: A, B", about the one named before
                before = [h for h in here if h[1] <= m.start()]
                if not m.group("members") or not before:
                    continue
                c = max(before, key=lambda h: h[0])[2]
            items, cnt = _member_list(s.text, m.end(), s.start)
            if not items and s.text.rstrip().endswith(":"):
                items = [it for it in bullet_items(a, s.index) if it.count is None]
            men = Mention(s.start + m.start(), s.start + m.end(), s.index, c.kind, c.number, c.label,
                          described=c.mentions[0].described, anaphor=True)
            men.members, men.count = items, cnt or _count_near(s.text[m.end(): m.end() + 40])
            c.mentions.append(men)
    for c in clusters:
        c.label = _best_label(c, next((s.index for s in a.sentences if s.is_title), None))
        c.described = all(m.described for m in c.mentions)
        c.organizer = next((m.organizer for m in c.mentions if m.organizer), None)
        c.member_count = next((m.count for m in c.mentions if m.count), None)
        for m in c.mentions:
            provs = [it.province for it in m.members if it.province]
            # one province's departments or hospitals ("Bệnh viện Nhi Thanh Hoá, Bệnh viện Mắt Thanh Hoá"):
            # a cluster of provinces never lists two members of one province
            if provs and len(set(provs)) == 1 and len(m.members) >= 2 and not _bare_provinces(m.members) \
                    or provs and all(_INSTITUTION.match(it.text) for it in m.members):
                for it in m.members:
                    if it.text not in c.member_units:
                        c.member_units.append(it.text)
            elif provs:
                for p in provs:
                    c.add_member(p)
            elif len(m.members) >= 2:
                for it in m.members:
                    if it.text not in c.member_units:
                        c.member_units.append(it.text)
        if c.organizer is None:
            c.organizer = _organizer_from_sentences(a, c, province)

    # roles
    seen_roles: dict[tuple, dict] = {}
    carry: tuple[int, bool] | None = None
    role_columns: tuple[int, dict[int, str]] | None = None  # a table of holders by year ("Năm | Cụm trưởng | …")

    def ranked(phrase: str) -> list[Item]:
        return ranked_units(a, phrase)

    def evidence(s: Sentence, r: Role) -> dict:
        return s.evidence(r.start - s.start if r.start >= s.start else r.start,
                          r.end - s.start if r.start >= s.start else r.end)

    for s in a.sentences:
        header = _role_table_header(s.text)
        if header:
            role_columns, carry = header, None
            continue
        roles, carry = _roles_in(s, years, carry, ranked=ranked)
        rows = _role_table_row(s, role_columns) if role_columns else None
        if rows is None:
            role_columns = None
        roles += rows or []
        if not roles:
            continue
        for r in roles:
            target = _cluster_for(s, r.cue_start, per_sentence.get(s.index, []), about.get(s.index), clusters)
            if target is None:
                continue
            # in a block of one province's units every holder has that province: tell them apart by name
            key = (id(target), r.role, r.unit.lower() if _provincial(target) else r.province or r.unit.lower(), r.year)
            old = seen_roles.get(key)
            if old is not None:
                # a headline's wording yields to the body's ("… Sở Khoa học và Công nghệ Lâm Đồng dẫn đầu Cụm")
                if a.sentences[old["evidence"]["sentence_index"]].is_title and not s.is_title:
                    old["unit"], old["evidence"] = r.unit, evidence(s, r)
                continue
            prov = r.province or _home_province(r.unit, target, province)
            inferred = prov is None and single  # the article's one province: a block of its units, no member
            prov = prov or (province if single else None)
            seen_roles[key] = {"role": r.role, "unit": r.unit, "province": prov, "year": r.year, "inferred": inferred,
                               "evidence": evidence(s, r)}
            target.roles.append(seen_roles[key])
    for c in clusters:
        # "suy tôn Sở A là đơn vị dẫn đầu Cụm năm 2021": two cues, one role; the year-less one goes
        provincial = _provincial(c)

        def holder(r: dict) -> tuple[str, str]:
            return r["role"], r["unit"].lower() if provincial else r["province"] or r["unit"].lower()

        dated = {holder(r) for r in c.roles if r["year"] is not None}
        c.roles = [r for r in c.roles if r["year"] is not None or holder(r) not in dated]
        for r in c.roles:
            if not r.pop("inferred") and not provincial:
                c.add_member(r["province"])
    return clusters, about


_PROVINCIAL_UNIT = re.compile(
    r"^(?:Sở|Công an tỉnh|Công an thành phố|Đài Phát thanh|Đài PT|Báo|Cục Thuế tỉnh|Cục Thuế|Bảo hiểm xã hội tỉnh|BHXH tỉnh|"
    r"Kho bạc Nhà nước tỉnh|Văn phòng UBND tỉnh|Văn phòng Tỉnh ủy|UBND tỉnh|Ủy ban nhân dân tỉnh|Liên đoàn Lao động tỉnh|Tỉnh đoàn|"
    r"Bộ Chỉ huy Quân sự tỉnh|Ban Dân tộc|Ban Quản lý)(?![\w])"
)
_BELOW_PROVINCE = re.compile(r"(?:(?i:huyện|quận|thị xã|thành phố|phường|thị trấn)|(?<![\w])xã)\s+[A-ZĐ0-9]")


def _bare_provinces(items: list[Item]) -> bool:
    """True when some item is a province itself ("Thanh Hóa", "tỉnh Thanh Hóa"), not a unit in it."""
    return any(it.province and _LEADING_PROVINCE_WORD.sub("", it.text).strip().lower() in _province_names(it.province)
               for it in items)


_LEADING_PROVINCE_WORD = re.compile(r"^\s*(?i:tỉnh|thành phố|TP\.?)\s*")


def _province_names(name: str) -> set[str]:
    return {m.surface.lower() for m in gazetteer().find_provinces(name)} | {name.lower()}


def home_province(unit: str, province: str | None) -> str | None:
    """The province of a provincial unit written without one ("Sở Y tế" in a Long An article → Long An)."""
    if province and _PROVINCIAL_UNIT.match(unit) and not _BELOW_PROVINCE.search(unit):
        return province
    return None


def _home_province(unit: str, c: Cluster, province: str | None) -> str | None:
    if c.organizer and c.organizer.startswith("UBND"):
        provs = gazetteer().find_provinces(c.organizer)
        province = provs[0].name if provs else province
    return home_province(unit, province)


def _provincial(c: Cluster) -> bool:
    """A block of one province's departments or of non-provincial units: members stay empty."""
    return (bool(c.member_units) and not c.members or bool(c.organizer and c.organizer.startswith("UBND"))
            or any(find_rules("CLUSTER_NONPROVINCIAL", x) for x in [c.label] + [m.alias or m.label for m in c.mentions]))


# a sentence about the time before the reorganisation: the clusters it names are history
_PAST = re.compile(r"^\s*(?i:trước (?:khi )?(?:sắp xếp|hợp nhất|sáp nhập|kiện toàn)|trước đây|trước đó|trước năm \d{4})\b")


# universities carry a place in their name ("Trường Đại học An Giang") but are not a province's units: a
# cluster of them lists them in member_units only (a province's power company or newspaper is its unit)
_INSTITUTION = re.compile(r"(?i:trường\s+(?:đại học|cao đẳng)|đại học|học viện)\b")


# a cluster named as the title of a person or unit ("bà X, Cụm trưởng Cụm thi đua số 1 năm 2022",
# "Sở A, thành viên Khối thi đua số 3"): said in passing, the next sentences stay with the cluster before
_PASSING_ROLE = re.compile(r"(?i:(?:cụm|khối)\s+(?:trưởng|phó)|thành viên|(?:trưởng|phó)\s+(?:cụm|khối))\s*$")


def _in_passing(s: Sentence, c: Cluster, current: Cluster | None) -> bool:
    if current is None or current is c:
        return False
    ms = [m for m in c.mentions if m.sentence == s.index]
    return bool(ms) and all(_PASSING_ROLE.search(s.text[max(0, m.start - s.start - 20): m.start - s.start]) for m in ms)


def _cluster_for(s: Sentence, pos: int, here: list[Cluster], about: Cluster | None, clusters: list[Cluster]) -> Cluster | None:
    after = [m for c in here for m in c.mentions if m.sentence == s.index and m.start - s.start >= pos]
    near_after = [m for m in after if re.fullmatch(r"[\w\s]{0,25}", s.text[pos:m.start - s.start])
                  and not re.search(r"(?i:\s(?:là|của|và)\s)", s.text[pos:m.start - s.start])]
    if near_after:
        return next(c for c in here if near_after[0] in c.mentions)
    before = [(m.start, c) for c in here for m in c.mentions if m.sentence == s.index and m.start - s.start < pos]
    if before:
        return max(before, key=lambda t: t[0])[1]
    if about is not None:
        return about
    return clusters[0] if len(clusters) == 1 else None


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


def extract(a: Analysis) -> list[dict]:
    """One contract object per cluster/block the article reports on (with evidence of its first mention)."""
    clusters, about = find_clusters(a)
    if not clusters:
        return []
    # members from awards the cluster proposes or honours
    from extract.fields import awards as awards_mod

    for aw in awards_mod.extract(a, clusters_about=about):
        idx = aw["evidence"]["sentence_index"]
        c = about.get(idx)
        if c is None or _provincial(c):
            continue
        s = a.sentences[idx]
        if aw["status"] == "proposed" or _cluster_context(s.text):
            c.add_member(aw.get("province"))
    out = []
    for c in clusters:
        m0 = c.mentions[0]
        s = a.sentences[m0.sentence]
        out.append({
            "label": c.label,
            "kind": c.kind,
            "number": c.number,
            "organizer": c.organizer,
            "members": c.members if not _provincial(c) else [],
            "member_count": c.member_count,
            "member_units": c.member_units,
            "roles": c.roles,
            "evidence": s.evidence(m0.start - s.start, m0.end - s.start),
        })
    return out
