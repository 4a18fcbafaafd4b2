"""Awards (khen thưởng): one object per recipient, with kind, level, conferrer, year and status.

An award mention is a kind from ``data/gazetteers/awards.csv`` ("Cờ thi đua",
"Bằng khen", "Huân chương Lao động hạng Ba", "Tập thể Lao động xuất sắc", …),
optionally followed by its conferrer ("của Bộ trưởng Bộ TT&TT", "của Chính
phủ", "của UBND tỉnh").  It is an award only when the clause says what was
done with it (``AWARD_PROPOSE`` → ``proposed``: đề nghị, trình, bình xét,
suy tôn; ``AWARD_CONFER`` → ``conferred``: tặng, trao tặng, được tặng, đón
nhận) and to whom:

* after it: "… tặng Cờ thi đua cho 2 Sở TTTT Đắk Lắk và Phú Yên", "trao Bằng
  khen tới 5 tập thể";
* before it: "Sở X vinh dự được Chủ tịch nước tặng thưởng Huân chương …",
  "toàn Cụm có 01 đơn vị được tặng cờ thi đua của Bộ …".

Rules, targets and plans ("tiêu chuẩn xét tặng Bằng khen", "phấn đấu đạt Cờ
thi đua", "sẽ được tặng") are no awards (``AWARD_NOT_REAL``), nor are award
words with no recipient ("khen thưởng các tập thể, cá nhân có thành tích").

Level: ``state`` (Chủ tịch nước; Huân chương / Huy chương / Anh hùng),
``government`` (Chính phủ / Thủ tướng), ``ministry`` (a Bộ or its minister),
``province`` (UBND tỉnh or its chairman), ``other`` (unions, mass organisations,
heads of departments), else ``None``.

>>> from extract.frontend import analyze
>>> a = analyze("Các đơn vị thống nhất đề nghị Bộ trưởng Bộ TTTT xét tặng Cờ thi đua cho 2 Sở TTTT Đắk Lắk và Phú Yên.")
>>> [(x["award"], x["level"], x["province"], x["status"]) for x in extract(a)]
[('Cờ thi đua', 'ministry', 'Đắk Lắk', 'proposed'), ('Cờ thi đua', 'ministry', 'Phú Yên', 'proposed')]
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass

from extract.boilerplate import ENUMERATOR
from extract.fields.clusters import (
    Item,
    bullet_items,
    Years,
    _words,
    article_province,
    emulation_years,
    find_rules,
    home_province,
    mask,
    split_list,
    year_of,
)
from extract.fields.tables import _RANK_REF, ranked_units
from extract.frontend import Analysis, Sentence
from extract.gazetteer import DATA_DIR, UPPER, gazetteer
from extract.normalize import fold


@dataclass(frozen=True)
class Kind:
    surface: str
    award: str
    level: str | None
    conferred_by: str | None


@functools.lru_cache(maxsize=1)
def award_kinds() -> tuple[list[Kind], re.Pattern[str]]:
    """Award kinds of ``data/gazetteers/awards.csv`` and one regex over their surfaces (longest first)."""
    kinds: list[Kind] = []
    with open(DATA_DIR / "awards.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kinds.append(Kind(row["surface"], row["award"], row["level"] or None, row["conferred_by"] or None))
    kinds.sort(key=lambda k: len(k.surface), reverse=True)
    rx = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<k{i}>(?i:{_words(k.surface)}))" for i, k in enumerate(kinds)) + r")(?![\w])")
    return kinds, rx


_CLASS = re.compile(r"^\s*(?i:hạng)\s+(?:Nhất|Nhì|Ba|nhất|nhì|ba|I{1,3})(?![\w])")
_KNC_NAME = re.compile(r"^\s*[“\"]?((?:Vì|vì)\s[^,;:.”\"()]{3,80}?)(?=[”\"]|\s+(?:cho|của|tới|đến|do)\s|[,;:.()]|$)")
_OF = re.compile(r"^\s*(?:[(,]\s*)?(?:(?i:của|do)\s+)?")
_QUOTES = re.compile(r"[“”\"]")
_MOVEMENT_NAME = re.compile(r"^\s*[“\"][^”\"]{3,80}[”\"]")
_LEVEL_BY_AUTH = (
    (re.compile(r"^(?:Chủ tịch nước|Nhà nước|Quốc hội)"), "state"),
    (re.compile(r"^(?:Chính phủ|Thủ tướng)"), "government"),
    # "Bộ Tư lệnh Quân khu 9", "Bộ Chỉ huy Quân sự tỉnh", "Bộ đội Biên phòng": commands, not ministries
    (re.compile(r"^(?:Bộ|Bộ trưởng)\s(?!(?i:tư lệnh|chỉ huy|đội)\b)"), "ministry"),
    (re.compile(r"^(?:UBND|Ủy ban nhân dân)\s"), "province"),
)
_OTHER_CONFERRER = re.compile(
    r"^(?:(?:Ban Chấp hành|Ban Thường vụ|BCH)\s+)?(?:Tổng Liên đoàn Lao động Việt Nam|Tổng LĐLĐ Việt Nam|Liên đoàn Lao động[^,;.]{0,40}?|"
    r"Công đoàn[^,;.]{0,40}?|Trung ương Đoàn|(?:Ban Chấp hành\s+)?Trung ương Hội [A-ZĐ][^,;.]{0,40}?|Tỉnh đoàn|Thành đoàn|Đoàn Thanh niên[^,;.]{0,40}?|Hội [A-ZĐ][^,;.]{0,40}?|"
    r"Ủy ban (?:Trung ương )?(?:Mặt trận Tổ quốc|MTTQ)[^,;.]{0,40}?|Mặt trận Tổ quốc[^,;.]{0,30}?|Tổng cục [A-ZĐ][^,;.]{0,30}?|"
    r"Giám đốc (?:Sở|Công an|Bệnh viện)[^,;.]{0,50}?|Tổng Cục trưởng[^,;.]{0,40}?|Cục trưởng[^,;.]{0,40}?|"
    r"Tỉnh ủy[^,;.]{0,20}?|Ban Thường vụ Tỉnh ủy|Kho bạc Nhà nước|Bộ Tư lệnh[^,;.]{0,30}?|Bộ Chỉ huy[^,;.]{0,40}?|"
    r"Bộ đội Biên phòng[^,;.]{0,20}?|Tư lệnh[^,;.]{0,30}?|Tổng công ty [A-ZĐ][^,;.]{0,40}?|Tập đoàn [A-ZĐ][^,;.]{0,40}?)"
    r"(?=\s+(?:cho|tới|đến|năm|vì|về|do|đã|và)\s|[,;:.()]|$)"
)


def _bare_authority(after: str, a_ctx: "_Ctx") -> tuple[str | None, str | None, int]:
    """Bare conferrers: "của Bộ", "Bộ trưởng", "của tỉnh", "của Chủ tịch UBND tỉnh" (resolved from the article)."""
    m = re.match(r"^(?:(?i:Bộ trưởng)|Bộ)(?![\w])(?!\s+[A-ZĐ])", after)
    if m:
        return a_ctx.ministry, "ministry", m.end()
    m = re.match(r"^(?:(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân)\s+)?(?:tỉnh|thành phố|Tỉnh)(?![\w])(?!\s+[A-ZĐ])", after)
    if m and a_ctx.province:
        return gazetteer().canonical_authority("UBND tỉnh", a_ctx.province), "province", m.end()
    m = re.match(r"^(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân)(?![\w])(?!\s+(?:tỉnh|thành phố|huyện|TP|xã|quận|thị xã))", after)
    if m and a_ctx.province:
        return gazetteer().canonical_authority("UBND tỉnh", a_ctx.province), "province", m.end()
    return None, None, 0


def level_of(conferrer: str | None) -> str | None:
    """Level of a canonical conferrer ("Bộ Y tế" → ministry, "UBND tỉnh An Giang" → province)."""
    if not conferrer:
        return None
    agency = gazetteer().agencies.get(conferrer)
    if agency:
        return agency["level"]
    for rx, level in _LEVEL_BY_AUTH:
        if rx.match(conferrer):
            return level
    if re.match(r"^UBND\s+(?:huyện|quận|thị xã|thành phố|xã|phường)", conferrer):
        return "other"
    return "other"


@dataclass
class _Ctx:
    province: str | None
    ministry: str | None
    years: Years
    # the article names no other province: its persons and district-level units are that province's
    single_province: bool = False


def _article_ministry(a: Analysis, province: str | None) -> str | None:
    g = gazetteer()
    counts: Counter[str] = Counter()
    for s in a.sentences:
        for m in g.find_authorities(s.text, province):
            if m.name.startswith("Bộ ") and m.name != "Bộ":
                counts[m.name] += 1
    return counts.most_common(1)[0][0] if counts else None


@dataclass
class Mention:
    start: int  # sentence-relative: the kind
    end: int  # end of kind + class + conferrer
    award: str
    level: str | None
    conferred_by: str | None


def _mentions(text: str, ctx: _Ctx) -> list[Mention]:
    g = gazetteer()
    kinds, rx = award_kinds()
    out = []
    # quotes around a medal's name ("Huy chương “Vì an ninh Tổ quốc”") must not hide it; offsets stay put
    for m in rx.finditer(_QUOTES.sub(" ", text)):
        k = kinds[int(m.lastgroup[1:])]
        end = m.end()
        award = k.award
        if (c := _CLASS.match(text[end:])):
            end += c.end()
        if award == "Kỷ niệm chương" and (n := _KNC_NAME.match(text[end:])):
            award = f"Kỷ niệm chương {n.group(1).strip()}"
            end += n.end()
        if end < len(text) and text[end] in "”\"" and (re.search(r"[“\"]", text[m.start():end])
                                                      or re.search(r"[“\"]\s*$", text[:m.start()])):
            end += 1  # the closing quote of Huy chương “Vì an ninh Tổ quốc”
        elif award != "Huy chương" and (q := _MOVEMENT_NAME.match(text[end:])):
            end += q.end()  # Cờ thi đua "Vì an ninh Tổ quốc": the flag of a movement, not another award
        level, conferrer = k.level, k.conferred_by
        of = _OF.match(text[end:])
        rest_start = end + (of.end() if of else 0)
        rest = text[rest_start:]
        auths = [x for x in g.find_authorities(rest[:120], ctx.province) if x.start == 0]
        found_by = None
        if auths:
            found_by = auths[0].name
            end = rest_start + auths[0].end
            if found_by == "Bộ" or found_by.startswith("Bộ ") and len(found_by) <= 4:
                found_by = ctx.ministry
        else:
            name, lvl, n = _bare_authority(rest, ctx)
            if n:
                found_by, end = name, rest_start + n
                level = level or lvl
            elif (o := _OTHER_CONFERRER.match(rest)) and (of and of.group(0).strip()):
                found_by, end = o.group(0).strip(), rest_start + o.end()
                level = level or "other"
        if found_by:
            conferrer = found_by
            level = level or level_of(found_by)
        # "Chiến sĩ thi đua Bộ Thông tin và Truyền thông": the ministry is part of the title
        out.append(Mention(m.start(), end, award, level, conferrer))
    return out


_RECIPIENT_START = re.compile(r"^\s*(?:(?i:năm)\s+(?:19|20)\d{2}\s*)?(?:(?i:cho|tới|đến)\s+|:\s*)")
_PASSIVE = re.compile(
    r"(?<![\w])(?i:được|đã được|vinh dự được|vinh dự|đón nhận|(?<!công )(?<!Công )nhận|đạt|giành|được công nhận|được trao|được tặng|được đề nghị|đề nghị)(?![\w])"
)


def _recipient_end(seg: str) -> int:
    """Where a recipient list written after the award stops."""
    end = len(seg)
    # "Công ty … Môi trường và Công trình đô thị": "trình" inside a word of a name is not the verb
    for h in find_rules("AWARD_RECIPIENT_END", mask(seg, "AWARD_CUE_EXCEPT")):
        if h.start > 0 and seg[h.start - 1] in " ,(":
            # "năm" inside a name is rare; "các tỉnh" lists go on
            end = h.start
            break
    for c in (";", ". "):
        i = seg.find(c)
        if 0 <= i < end:
            end = i
    # "cho A và B, là hai đơn vị dẫn đầu Cụm": an apposition closes the list
    apposition = re.search(r",\s*(?i:là|đều là)\s", seg)
    if apposition and apposition.start() < end:
        end = apposition.start()
    return end


_ADVERBIAL = re.compile(
    r"^(?:(?i:tại|trong|nhân dịp|dịp này|dịp|theo|qua|căn cứ|thay mặt|thừa ủy quyền|năm|sáng|chiều|ngày|đồng thời|bên cạnh đó|ngoài ra|"
    r"cũng tại|cũng trong|với|kết quả|theo đó|đến nay)[^,]*,\s*)+"
)
_SUBJECT_JUNK = re.compile(
    r"^(?:(?i:toàn|trong|của)?\s*(?i:cụm|khối)(?:\s+thi đua)?(?:\s+(?:số\s+)?\w{1,4})?\s+(?i:có)\s+|(?i:có|trong đó|trong đó có|gồm)\s+|"
    r"(?i:toàn ngành|toàn tỉnh|toàn cụm|toàn khối)\s+(?i:có)\s+)"
)


def _recipients_before(text: str, win_start: int, verb_start: int) -> tuple[list[Item], int]:
    seg = text[win_start:verb_start]
    # "Ông A, Giám đốc Bưu điện tỉnh B, cho biết: năm 2016 Bưu điện tỉnh C vinh dự được tặng …": the speaker
    # is not the recipient
    said = list(re.finditer(r"(?<![\w])(?i:cho biết|khẳng định|thông tin|nhấn mạnh)\s*[:,]?\s+", seg))
    if said:
        win_start += said[-1].end()
        seg = text[win_start:verb_start]
    lead = _ADVERBIAL.match(seg)
    off = win_start + (lead.end() if lead else 0)
    seg = text[off:verb_start]
    j = _SUBJECT_JUNK.search(seg)
    if j and j.start() < 40:
        off += j.end()
        seg = text[off:verb_start]
    has = list(re.finditer(r"(?<![\w])(?i:có|gồm)\s+(?=0*\d|(?i:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s)", seg))
    if has:
        off += has[-1].end()
        seg = text[off:verb_start]
    seg = re.sub(r"(?:\s+(?i:đã|cũng|đều|vừa|luôn|rất|còn|lại|tiếp tục))+\s*$", "", seg)
    # "Công ty tổ chức Hội nghị tổng kết … và lễ đón nhận Huân chương": the subject ends at its own verb
    verb = re.search(r"\s(?:(?i:long trọng|đã|vừa)\s+)?(?i:tổ chức|kỷ niệm|khai mạc)\s", seg)
    if verb and verb.start() > 0:
        seg = seg[:verb.start()]
    return _drop_position_places(text, split_list(seg, off)), off


_NAMED_LIST = re.compile(r"^[^;.]{0,80}?(?<![\w])(?i:gồm|bao gồm|gồm có|là)\s*:\s*")
_HONOURED = re.compile(r"(?<![\w])(?i:suy tôn|bình chọn|công nhận|tôn vinh)\s+(?P<unit>[^,;]{3,90}?)\s+(?i:là|làm)\s+"
                       r"(?:(?i:hai|ba|bốn|các|những|\d+)\s+)?(?i:đơn vị|tập thể|tỉnh)\s+(?i:dẫn đầu|xuất sắc)")
_TRAILING_PROPOSAL = re.compile(r"^[\s,;]*(?i:và\s+)?(?i:đề nghị|trình|được đề nghị)(?![\w])")


_LIST_LINE = re.compile(r"^\s*(?:[-–+•*]\s*)?(?:(?i:danh hiệu)\s+)?[A-ZĐ]")
_ANAPHOR = re.compile(r"(?i:(?:hai|ba|bốn|năm|các|những|\d+)\s+)?(?i:đơn vị|tỉnh|tập thể|sở|tỉnh, thành phố|cơ quan)\s+"
                      r"(?i:này|trên|nói trên|kể trên|dẫn đầu)")
# ", đơn vị dẫn đầu Cụm năm 2025, và tặng Bằng khen": the proposal goes on
_GIVE_AGAIN = re.compile(r"^[^.;]*,\s*(?i:và|đồng thời)\s+(?i:tặng|xét tặng|trao tặng)\s*$")


_BARE_PLACE = re.compile(r"^(?i:huyện|quận|thị xã|thị trấn|xã|phường|tỉnh|thành phố|TP\.?)\s+[A-ZĐ]\S*(?:\s+[A-ZĐ0-9]\S*)*$")


def _place_rank(text: str) -> int:
    """Administrative level of the last place word in a name: 1 commune, 2 district, 3 province, 0 none."""
    found = re.findall(r"(?<![\w])(xã|phường|thị trấn|ấp|thôn|huyện|quận|thị xã|tỉnh)\s+[A-ZĐ]", text)
    if not found:
        return 0
    return {"xã": 1, "phường": 1, "thị trấn": 1, "ấp": 1, "thôn": 1, "huyện": 2, "quận": 2, "thị xã": 2}.get(found[-1], 3)


def _drop_position_places(text: str, items: list[Item]) -> list[Item]:
    """"cho ông A, Giám đốc Hợp tác xã B, huyện Thạch Hà": the district belongs to the position, not a recipient."""
    out: list[Item] = []
    for it in items:
        # "bà A, Chủ tịch Hội LHPN xã B, huyện C, được tặng …": the place closes the person's position
        if (out and out[-1].person and _BARE_PLACE.match(it.text or "")
                and re.fullmatch(r"\s*,(?:[^,;.]{0,60},)?\s*", text[out[-1].end:it.start])):
            out[-1].end = it.end
            continue
        # "Công an xã An Thạnh, huyện Mỏ Cày Nam": the district locates the commune's unit
        if (out and _BARE_PLACE.match(it.text or "") and text[out[-1].end:it.start].strip() == ","
                and _place_rank(it.text) > _place_rank(out[-1].text) > 0):
            if out[-1].text == text[out[-1].start:out[-1].end]:  # the name as written takes the place along
                out[-1].text = text[out[-1].start:it.end]
            out[-1].end = it.end
            continue
        out.append(it)
    return out


def _honoured_units(a: Analysis, s: Sentence, pos: int) -> list[Item]:
    """The units an earlier clause honoured ("suy tôn A và B là hai đơn vị dẫn đầu"), this sentence or the last."""
    for text, limit in ((s.text, pos), (a.sentences[s.index - 1].text if s.index else "", None)):
        found = list(_HONOURED.finditer(text, 0, limit if limit is not None else len(text)))
        if found:
            h = found[-1]
            items = ranked_units(a, h.group("unit")) or [
                it for it in split_list(h.group("unit"), h.start("unit")) if it.count is None]
            if items:
                return items
    return []


def _named_after_count(text: str, items: list[Item], seg_end: int, limit: int) -> list[Item]:
    """"Cờ thi đua cho 4 tập thể có thành tích xuất sắc gồm: A, B, C và D" → the four named units."""
    if len(items) != 1 or items[0].count is None:
        return items
    m = _NAMED_LIST.match(text[seg_end:limit])
    if not m:
        return items
    start = seg_end + m.end()
    rest = text[start:limit]
    named = [it for it in split_list(rest[:_recipient_end(rest)], start) if it.count is None]
    return named if len(named) >= 2 else items


def _honoured_unit(text: str, award_start: int, limit: int) -> Item | None:
    """"… suy tôn Hội Nông dân tỉnh là đơn vị dẫn đầu Khối, đề nghị UBND tỉnh tặng Cờ thi đua;": the flag
    goes to the unit honoured earlier in the clause, when the award itself names no recipient."""
    if re.match(r"^[^;.]{0,60}?(?<![\w])(?i:cho|tới)\s", text[award_start:limit]):
        return None
    clause_start = text.rfind(";", 0, award_start) + 1
    found = list(_HONOURED.finditer(text, clause_start, award_start))
    if not found:
        return None
    h = found[-1]
    between = text[h.end():award_start]
    if not re.search(r"(?i:đề nghị|trình|tặng|trao)", between) or re.search(r"[.;]", between):
        return None
    items = split_list(h.group("unit"), h.start("unit"))
    return items[0] if len(items) == 1 and items[0].count is None else None


def _not_real(window: str) -> bool:
    return bool(find_rules("AWARD_NOT_REAL", mask(window, "AWARD_NOT_REAL_EXCEPT")))


def _status(window: str, after: str) -> str | None:
    w = mask(window, "AWARD_CUE_EXCEPT")
    if find_rules("AWARD_PROPOSE", w):
        return "proposed"
    if find_rules("AWARD_CONFER", w):
        return "conferred"
    a = mask(after[:40], "AWARD_CUE_EXCEPT")
    if re.match(r"^\s*(?:[^,;]{0,30}?)(?i:được trao|được tặng|được trao tặng|trao cho|tặng cho)", a):
        return "conferred"
    return None


def _recipient_province(item: Item, ctx: _Ctx) -> str | None:
    """The recipient's own province, else the home province of a provincial unit ("Sở Tài chính"),
    else — in an article about one province only — that province (a district, a school, a person)."""
    if item.province:
        return item.province
    if ctx.single_province:
        return ctx.province
    if item.person:
        return None
    return home_province(item.text, ctx.province)


def _recipient_text(item: Item) -> str:
    g = gazetteer()
    if item.province:
        item.text = re.sub(r"\s+các\s+(?:tỉnh, thành phố|tỉnh thành|tỉnh|thành phố|TP\.?)\s+", " ", item.text)
    if item.province and item.text.startswith("Sở ") and g.expand_abbreviations(item.text) != item.text:
        return g.canonical_authority(item.text) or item.text
    return item.text


_YEAR_SPAN = re.compile(r"(?i:từ(?: năm)?|giai đoạn)\s+((?:19|20)\d{2})\s*(?:[-–]|(?i:đến|tới)(?: năm)?)\s*((?:19|20)\d{2})")


def _for_year(text: str, start: int, end: int, ctx: _Ctx, status: str) -> int | None:
    clause = text[start:end]
    m = _YEAR_SPAN.search(clause)
    if m:
        return int(m.group(2))
    m = re.search(r"(?i:năm(?: học)?)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?", clause)
    if m:
        return year_of(m)
    m = re.search(r"(?i:giai đoạn)\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})", clause)
    if m:
        return int(m.group(1))
    tail = re.split(r"[;.](?:\s|$)", text[end:])[0]
    m = _YEAR_SPAN.search(tail)
    if m:
        return int(m.group(2))
    m = re.search(r"(?i:năm(?: học)?)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?", tail)
    if m:
        return year_of(m)
    m = re.match(r"^(?:[^,;]{0,30}\s)?(?i:năm)\s+((?:19|20)\d{2})\s*,", text[:start])  # "Năm 2024, Bộ … tặng …"
    if m:
        return int(m.group(1))
    return ctx.years.review


_GAP_VERB = re.compile(
    # "Chủ tịch UBND tỉnh Nguyễn Phi Hùng đã trao …": the office holder's name may stand between
    rf"^\s*(?:{UPPER}\w*(?:\s+{UPPER}\w*){{1,3}}\s+)?"
    r"(?:(?i:đã|vừa|cũng|còn|quyết định|ký quyết định|xét|đồng ý|tặng thưởng|trao tặng|tặng|trao|khen tặng|công nhận|"
    r"xét tặng|khen thưởng|tặng danh hiệu|công nhận danh hiệu|danh hiệu)\s*)+[“\"]?\s*$"
)


_OTHER_BEFORE = re.compile(
    r"(?:(?i:Tổng Cục trưởng|Cục trưởng|Giám đốc|Chủ tịch)\s+)?(?:Tổng cục|Tổng Liên đoàn Lao động|Liên đoàn Lao động|Công đoàn|Trung ương Đoàn|"
    r"Tỉnh đoàn|(?:Trung ương\s+)?Hội|Ủy ban (?:Trung ương )?(?:Mặt trận Tổ quốc|MTTQ)|Kho bạc Nhà nước|Bộ Tư lệnh|Bộ Chỉ huy|Bộ đội|Tư lệnh|Tổng công ty|Tập đoàn|(?<=Giám đốc )(?:Sở|Công an|Bệnh viện|Công ty))(?:\s+(?!(?i:tặng|trao|xét|đã|vừa|khen|công nhận)\b)[A-ZĐ0-9][\wÀ-ỹ]*(?:\s+(?!(?:tặng|trao|xét|đã|vừa|khen|công nhận|cũng)\b)[a-zà-ỹ]+){0,2}){0,4}"
)


@functools.lru_cache(maxsize=1)
def _auth_start() -> re.Pattern[str]:
    """Head words an authority can start with: ministries, committees, and the central agencies' names and heads."""
    words = {"Bộ", "UBND", "Ủy ban", "Uỷ ban", "Chủ tịch", "Thủ tướng", "Chính phủ", "Sở", "Giám đốc", "Ban", "Hội đồng"}
    for agency in gazetteer().agencies.values():
        words.update(h.split(" - ")[0] for h in agency["heads"])
        words.update(" ".join(n.split()[:2]) for n in (agency["name"], *agency["aliases"]))
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])")


def _authorities(window: str, province: str | None) -> list:
    """Authorities in a window, each searched from its own head word (a long match cannot hide the next one)."""
    g = gazetteer()
    out = []
    for h in _auth_start().finditer(window):
        found = g.find_authorities(window[h.start():h.start() + 120], province)
        if found and found[0].start == 0 and not (out and h.start() < out[-1].end):
            m = found[0]
            out.append(type(m)(h.start(), h.start() + m.end, m.surface, m.name, m.kind, m.province))
    return out


def _conferrer_before(text: str, m: Mention, win_start: int, ctx: _Ctx) -> None:
    """Fill the conferrer of a mention from the subject of "… Bộ trưởng Bộ TTTT (xét) tặng Cờ thi đua"."""
    if m.conferred_by:
        return
    g = gazetteer()
    window = text[win_start:m.start]
    for auth in reversed(_authorities(window, ctx.province)):
        if _GAP_VERB.match(window[auth.end:]):
            name = auth.name
            if name == "Bộ":
                name = ctx.ministry
            m.conferred_by = name
            m.level = m.level or level_of(name)
            return
    for o in _OTHER_BEFORE.finditer(window):
        if _GAP_VERB.match(window[o.end():]):
            name = o.group(0).strip()
            name = re.sub(r"^(?i:Tổng Cục trưởng|Cục trưởng|Giám đốc|Chủ tịch)\s+", "", name)
            # "Giám đốc Sở tặng …": the level is clear, the body is not named
            m.conferred_by, m.level = (None if name in ("Sở", "Công an", "Bệnh viện", "Công ty") else name), m.level or "other"
            return
    b = re.search(r"(?:(?i:Bộ trưởng)|(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân)(?:\s+(?:tỉnh|thành phố))?)(?=[^\w]*$)",
                  window[: len(window) - len(_GAP_VERB.search(window).group(0))] if _GAP_VERB.search(window) else "")
    if b:
        name, lvl, _ = _bare_authority(b.group(0), ctx)
        if name or lvl:
            m.conferred_by, m.level = name, m.level or lvl


_DO_BY = re.compile(r"^[^.;:]{0,40}?(?<![\w])(?i:do)\s+")
_GIVE_AFTER = re.compile(r"^\s*(?:(?i:đã|vừa|quyết định|ký quyết định)\s+)*(?i:tặng|trao tặng|trao|khen tặng|công nhận|xét tặng"
                         r"|tặng thưởng)(?![\w])")


def _conferrer_after(text: str, m: Mention, limit: int, ctx: _Ctx) -> None:
    """Fill the conferrer from "… Tập thể Lao động xuất sắc năm 2017 do Chủ tịch UBND tỉnh tặng"."""
    if m.conferred_by:
        return
    after = text[m.end:limit]
    do = _DO_BY.match(after)
    if not do:
        return
    rest = after[do.end():]
    auths = [x for x in _authorities(rest[:120], ctx.province) if x.start == 0]
    if auths and _GIVE_AFTER.match(rest[auths[0].end:]):
        name = ctx.ministry if auths[0].name == "Bộ" else auths[0].name
        m.conferred_by, m.level = name, m.level or level_of(name)
        return
    name, lvl, n = _bare_authority(rest, ctx)
    if n and _GIVE_AFTER.match(rest[n:]):
        m.conferred_by, m.level = name, m.level or lvl


_BARE_GIVE = re.compile(r"[\s,;]*(?:(?i:và|đồng thời|cùng|cho)\s+)*(?:(?i:xét tặng|tặng|trao tặng)\s*)?(?:(?i:danh hiệu)\s*)?")


def _awards_in(s: Sentence, ctx: _Ctx, a: Analysis | None = None, header_status: str | None = None) -> list[dict]:
    text = s.text
    mentions = _mentions(text, ctx)
    if not mentions:
        return []
    for i, m in enumerate(mentions):
        _conferrer_before(text, m, mentions[i - 1].end if i else 0, ctx)
        _conferrer_after(text, m, mentions[i + 1].start if i + 1 < len(mentions) else len(text), ctx)
        # "đề nghị Bộ trưởng tặng Cờ thi đua cho A; (đề nghị tặng) Bằng khen cho B": same conferrer
        # (only a named conferrer is shared: "Chiến sĩ thi đua cấp Bộ … và Bằng khen" says nothing of the latter's)
        # (nor to a clause with its own subject: "…; 15 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở")
        if i and m.conferred_by is None and m.level is None and mentions[i - 1].conferred_by is not None \
                and not re.search(r"[.]|(?<![\w])(?i:đạt|được|cấp trên)(?![\w])", text[mentions[i - 1].end:m.start]):
            m.conferred_by, m.level = mentions[i - 1].conferred_by, mentions[i - 1].level
    out: list[dict] = []
    prev_end = 0
    prev_status: str | None = None
    resolved: list[tuple[list[Item], int, int] | None] = [None] * len(mentions)
    shares_next = [False] * len(mentions)
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt and re.fullmatch(r"\s*(?:,|và|,\s*và|hoặc)\s*", text[m.end:nxt.start]):
            shares_next[i] = True
            continue
        after = text[m.end:]
        r = _RECIPIENT_START.match(after)
        if r:
            seg_start = m.end + r.end()
            seg = text[seg_start:]
            if nxt:
                seg = seg[: max(0, nxt.start - seg_start)]
            stop = _recipient_end(seg)
            seg = seg[:stop]
            # a following "đề nghị …" / "và đề nghị" clause belongs to the next award
            seg = re.split(r",?\s+(?:và\s+)?(?i:đề nghị|đồng thời)\s", seg)[0]
            ranked = ranked_units(a, seg[:80]) if a is not None and _RANK_REF.match(seg.strip()) else []
            if ranked:  # "… tặng Bằng khen cho hai đơn vị xếp hạng nhì và ba" of the results table
                items = ranked
            elif _ANAPHOR.match(seg.strip()) and a is not None:
                # "… suy tôn A và B là hai đơn vị dẫn đầu; đề nghị … tặng Cờ thi đua cho hai tỉnh này"
                items = _honoured_units(a, s, m.start)
                if not items and re.match(r"^\s*\d", seg):  # "cho 25 tập thể dẫn đầu các khối": a count
                    items = split_list(seg, seg_start)
            else:
                items = split_list(seg, seg_start)
            items = _drop_position_places(text, items)
            items = _named_after_count(text, items, seg_start + len(seg), nxt.start if nxt else len(text))
            if not items and a is not None and nxt is None and text.rstrip().endswith(":"):
                # "… tặng Cờ thi đua cho các đơn vị sau:" and one recipient a line
                items = [Item(it.text, it.start - s.start, it.end - s.start, it.province, it.count, it.noun, it.person)
                         for it in bullet_items(a, s.index)]
            resolved[i] = (items, seg_start, seg_start + len(seg))
            continue
        c_start = max(text.rfind(";", 0, m.start) + 1, prev_end)
        window = text[c_start:m.start]
        verb = None
        for v in _PASSIVE.finditer(window):
            verb = v
            break
        honoured = _honoured_unit(text, m.start, nxt.start if nxt else len(text))
        # "X bình chọn Y là đơn vị dẫn đầu, đề nghị … tặng Cờ thi đua": X proposes, Y receives
        if honoured is not None and (verb is None or verb.group(0).lower() == "đề nghị"):
            resolved[i] = ([honoured], honoured.start, honoured.end)
        elif verb:
            items, off = _recipients_before(text, c_start, c_start + verb.start())
            resolved[i] = (items, off, c_start + verb.start())
        prev_end = m.end
    # back-fill chains "Cờ thi đua và Bằng khen cho …"
    for i in range(len(mentions) - 2, -1, -1):
        if shares_next[i]:
            resolved[i] = resolved[i + 1]
    prev_end = 0
    for i, m in enumerate(mentions):
        res = resolved[i]
        c_start = max(text.rfind(";", 0, m.start) + 1, prev_end)
        window = text[c_start:m.start]
        if res is not None and res[1] < m.start:
            window = text[min(c_start, res[1]):m.start]
        prev_end = max(m.end, res[2] if res else m.end) if not shares_next[i] else prev_end
        if res is None or not res[0]:
            # "đề nghị … tặng Cờ thi đua cho đơn vị dẫn đầu và tặng Bằng khen cho …": a proposal without a
            # named recipient still makes the next bare "tặng" a proposal
            own = _status(window, text[m.end:])
            prev_status = own if own == "proposed" else prev_status
            continue
        status = _status(window, text[m.end:])
        if status is None and shares_next[i] is False and prev_status is not None and i > 0:
            status = prev_status
        if status is None and header_status is not None and i == 0:
            status = header_status  # one line of a list announced by "… như sau:" / "…, cụ thể:"
        # "đề nghị … tặng Cờ thi đua cho A và tặng Bằng khen cho B": the bare "tặng" goes on proposing
        if status == "conferred" and prev_status == "proposed" and (
                _BARE_GIVE.fullmatch(window) or _GIVE_AGAIN.search(window)):
            status = "proposed"
        if status is None:
            continue
        if _not_real(window[-80:]) or re.match(r"^\s*(?i:sẽ)", text[m.end:]):
            continue
        prev_status = status
        items = res[0]
        clause_end = res[2]
        year = _for_year(text, min(res[1], m.start), max(clause_end, m.end), ctx, status)
        out += [_record(m, it, ctx, year, status, s) for it in items]
    return out


def _record(m: Mention, it: Item, ctx: _Ctx, year: int | None, status: str, s: Sentence) -> dict:
    """The contract object of one award to one recipient (a count when the text names none)."""
    return {
        "award": m.award,
        "level": m.level,
        "conferred_by": m.conferred_by,
        "recipient": None if it.count is not None else _recipient_text(it),
        "province": None if it.count is not None else _recipient_province(it, ctx),
        "count": it.count,
        "for_year": year,
        "status": status,
        "evidence": s.evidence(m.start, m.end),
    }


# --------------------------------------------------------------------------------------------
# award lists laid out as headings: the award on its own line, the recipients one per line below
#
#   … các tập thể, cá nhân vinh dự đón nhận:          (or "… đề nghị khen thưởng như sau:")
#   1. Bằng khen của Thủ tướng Chính phủ               (or "b) Cờ thi đua của Bộ …:")
#   Khoa Hồi sức tích cực - Chống độc;
#   Bác sĩ Phạm Văn Thắng, Trưởng khoa Ngoại chấn thương.
# --------------------------------------------------------------------------------------------

_ENUMERATOR = re.compile(rf"^\s*{ENUMERATOR}\s*$")
_ENUMERATED = re.compile(rf"\s*{ENUMERATOR}\s")


def _starts_line(a: Analysis, s: Sentence) -> bool:
    before = a.line_prefix(s)
    return not before.strip() or bool(_ENUMERATOR.match(before))


def _ends_line(a: Analysis, s: Sentence) -> bool:
    nl = a.text.find("\n", s.end)
    return not a.text[s.end: nl if nl >= 0 else len(a.text)].strip()


def _heading_mention(a: Analysis, s: Sentence, ctx: _Ctx) -> Mention | None:
    """The award of a list heading: a line of its own that is one award with its conferrer (and perhaps a
    year or "(do … tặng)"), without a full stop."""
    if s.is_title or not (_starts_line(a, s) and _ends_line(a, s)) or s.text.rstrip().endswith(".") \
            or len(s.text.split()) > 25:
        return None
    ms = _mentions(s.text, ctx)
    if len(ms) != 1 or not re.fullmatch(rf"\s*(?:{ENUMERATOR}\s*)?(?:(?i:danh hiệu)\s*)?", s.text[: ms[0].start]):
        return None
    m = ms[0]
    _conferrer_after(s.text, m, len(s.text), ctx)
    return m


def _list_intro_status(a: Analysis, index: int) -> str | None:
    """The status announced by the line introducing a list ("… vinh dự đón nhận:", "đề nghị khen thưởng như
    sau:"), looking back over the list's own lines."""
    for t in reversed(a.sentences[max(0, index - 40): index]):
        if t.text.rstrip().endswith(":") and (st := _status(t.text, "")) is not None:
            return st
        if len(t.text.split()) > 25 or not _starts_line(a, t):
            return None
    return None


def _heading_list(a: Analysis, index: int, ctx: _Ctx) -> list[dict]:
    """Awards of a heading line (sentence ``index``) given to the recipients written one per line below it;
    the list ends at a blank line, the next heading or a paragraph."""
    s = a.sentences[index]
    m = _heading_mention(a, s, ctx)
    if m is None:
        return []
    status = _status(s.text, "") or _list_intro_status(a, index)
    if status is None or _not_real(s.text):
        return []
    out: list[dict] = []
    prev = s
    for t in a.sentences[index + 1:]:
        gap = a.text[prev.end:t.start]
        if not _starts_line(a, t) or (gap.count("\n") > 1 and out) or len(t.text.split()) > 25 \
                or _ENUMERATOR.match(a.line_prefix(t)) or _ENUMERATED.match(t.text) or _mentions(t.text, ctx):
            break
        seg = t.text.rstrip(" ;.")
        items = _drop_position_places(t.text, split_list(seg[:_recipient_end(seg)], 0))
        year_text = s.text + " — " + t.text
        year = _for_year(year_text, 0, len(year_text), ctx, status)
        out += [_record(m, it, ctx, year, status, s) for it in items]
        prev = t
    return out


def _key(x: dict) -> tuple:
    who = ("p", x["province"]) if x["province"] else ("r", (x["recipient"] or "").lower()) if x["recipient"] else ("n", x["count"])
    return (x["award"], who, x["status"])


def extract(a: Analysis, clusters_about: dict | None = None) -> list[dict]:
    """Every award of the article, one object per recipient (duplicates merged, the most specific kept).

    The result is cached on the Analysis (the clusters extractor reads it too); callers get a copy.
    """
    cached = a.__dict__.get("_awards")
    if cached is None:
        cached = a.__dict__["_awards"] = _extract(a)
    return [dict(x) for x in cached]


# "UBND tỉnh", "toàn tỉnh", "Hội Nông dân tỉnh": the province spoken of without its name ("các tỉnh" is plural)
_BARE_TINH = re.compile(r"(?<!các )(?<!những )(?<!nhiều )(?<![\w])(?:tỉnh|Thành phố)(?![\w])(?!\s*[-–]?\s*[A-ZĐ0-9])")


# a province named as it was before the 2025 merger ("huyện Long Điền, tỉnh Bà Rịa - Vũng Tàu trước sắp xếp",
# "tỉnh Hòa Bình (cũ)") is history: it does not make the article speak of two provinces
_HISTORY = re.compile(r"(?i:trước (?:khi )?(?:sắp xếp|hợp nhất|sáp nhập))")


def _one_province_view(a: Analysis) -> bool:
    """The article speaks from one province: it names no other, or it names its own far more often
    and calls its bodies just "tỉnh" ("UBND tỉnh", "Hội Nông dân tỉnh") — guests and a related-news
    line naming other provinces do not change whose ceremony it is."""
    counts = Counter(m.name for t in [a.title or ""] + [s.text for s in a.sentences] for m in gazetteer().find_provinces(t)
                     if not _HISTORY.search(t) and not re.match(r"\s*\((?i:cũ)\)", t[m.end:]))
    if len(counts) <= 1:
        return len(counts) == 1
    (_, top), (_, second) = counts.most_common(2)
    if top >= 4 and top >= 3 * second:
        return True  # "Công ty Điện lực Vĩnh Long …" told throughout; the others named once, in a list
    bare = sum(len(_BARE_TINH.findall(s.text)) for s in a.sentences)
    return top >= 2 * second and bare >= 2


_DEFINED_ABBR = re.compile(r"((?:\w+\s+){1,6})\((\w{2,8})\)\s*")


def _short_form(name: str) -> str:
    """A name with an abbreviation defined in it written short, as the article goes on to write it:
    "Hội Liên hiệp Phụ nữ (LHPN) tỉnh Tuyên Quang" → "Hội LHPN tỉnh Tuyên Quang"."""
    def repl(m: re.Match) -> str:
        words, abbr = m.group(1).split(), m.group(2)
        for k in range(len(words), 0, -1):
            if fold("".join(w[0] for w in words[-k:])).upper() == fold(abbr).upper():
                return " ".join(words[:-k] + [abbr]) + " "
        return m.group(0)
    return _DEFINED_ABBR.sub(repl, name).strip()


def _same_recipient(old: dict, new: dict, a: Analysis) -> bool:
    """Two award objects with one key name one recipient: the same name, one name inside the other
    ("Bệnh viện" / "Bệnh viện Y học cổ truyền Hà Tĩnh"), a count told again, or a headline's wording —
    unless their levels differ (the ministry's flag and the Government's flag to one unit are two awards)."""
    if old["level"] and new["level"] and old["level"] != new["level"]:
        return False
    r1, r2 = (_short_form(old["recipient"] or "").lower(), _short_form(new["recipient"] or "").lower())
    if r1 == r2:
        return True
    if old["evidence"]["sentence_index"] == new["evidence"]["sentence_index"]:
        return False
    if a.sentences[old["evidence"]["sentence_index"]].is_title or a.sentences[new["evidence"]["sentence_index"]].is_title:
        return True
    if r1 and r2 and (r1 in r2 or r2 in r1):
        return True
    # "TP.HCM" in a lead and "Thành phố Hồ Chí Minh" in the body: both are the province itself
    return _is_province_itself(old) and _is_province_itself(new)


def _is_province_itself(x: dict) -> bool:
    rest = x["recipient"] or ""
    for m in reversed(gazetteer().find_provinces(rest)):
        rest = rest[:m.start] + rest[m.end:]
    return bool(x["province"]) and not re.sub(r"(?i:tỉnh|thành phố|TP\.?)", "", rest).strip(" ,.")


def _extract(a: Analysis) -> list[dict]:
    province = article_province(a)
    ctx = _Ctx(province, _article_ministry(a, province), emulation_years(a), single_province=_one_province_view(a))
    merged: dict[tuple, list[dict]] = {}
    header: str | None = None
    for s in a.sentences:
        if not _LIST_LINE.match(s.text):
            header = None
        for x in _awards_in(s, ctx, a, header) or _heading_list(a, s.index, ctx):
            same = merged.setdefault(_key(x), [])
            # the same award to the same recipient told twice (title and body, or lead and body);
            # distinct units of one province stay apart
            old = next((o for o in same if _same_recipient(o, x, a)), None)
            if old is None:
                same.append(x)
                continue
            for f in ("level", "conferred_by", "for_year"):
                if old[f] is None and x[f] is not None:
                    old[f] = x[f]
            from_title = a.sentences[old["evidence"]["sentence_index"]].is_title
            if x["recipient"] and old["recipient"] and (from_title or len(x["recipient"]) < len(old["recipient"])):
                # a headline's short form ("Ngành Y tế BR-VT") yields to the body's full name
                old["recipient"] = x["recipient"]
                if from_title:
                    old["evidence"] = x["evidence"]
        if s.text.rstrip().endswith(":"):
            header = _status(s.text, "")
    out = [x for same in merged.values() for x in same]
    return [x for x in out if not _told_again(x, out)]


_UNITS_AGAIN = re.compile(r"(?i:cho|tới)\s+(?:(?i:hai|ba|bốn|năm)|0?\d)\s+(?i:đơn vị|tập thể|sở|tỉnh)(?:\s+(?i:này|trên))?\s*(?:,|$)")


def _told_again(x: dict, awards: list[dict]) -> bool:
    """A count that only counts units named just before ("A và B được tặng Bằng khen …; lãnh đạo xã trao lại
    Bằng khen cho hai đơn vị"): the same awards told again, not new ones."""
    if x["count"] is None or x["recipient"] is not None:
        return False
    sent = x["evidence"]["sentence"]
    at = sent.lower().rfind(x["award"].lower())
    clause = re.split(r"[;.]", sent[at:])[0] if at >= 0 else ""
    if not _UNITS_AGAIN.search(clause):
        return False
    here = x["evidence"]["sentence_index"]
    named = [o for o in awards if o is not x and o["award"] == x["award"] and o["recipient"] is not None
             and 0 <= here - o["evidence"]["sentence_index"] <= 1]
    return len(named) == x["count"]
