"""Award recipients: the list written after the award ("cho", "tới", a colon), the subject before a
passive verb ("… vinh dự được tặng"), named units after a count, units honoured earlier in the clause,
and each recipient's province."""

from __future__ import annotations

import re

from extract.constructions.lists import Item, bullet_lines, split_list
from extract.constructions.places import home_province
from extract.constructions.tables import ranked_units
from extract.constructions.units import unit_from, unit_heads
from extract.fields.awards.mentions import _Ctx
from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.patterns import find_rules, mask

_GIVE_VERB = r"(?i:trao tặng|phong tặng|truy tặng|tặng thưởng|khen tặng|tặng|trao|công nhận)"
_RECIPIENT_START = re.compile(
    r"^\s*(?:(?i:năm)\s+(?:19|20)\d{2}\s*)?"
    r"(?:(?i:cho|tới|đến|đối với)\s+|(?i:lên)\s+(?=0*\d)|:\s*"
    r"|(?:(?i:do)\s+[^,;.:()]{2,60}?\s+)?(?:(?i:đã|vừa|cũng)\s+)?(?:(?i:được)\s+)?" + _GIVE_VERB + r"\s+(?:(?i:cho)\s+)?(?=\S)"
    # "Cờ … được Đại tá A, Chỉ huy trưởng BĐBP tỉnh trao cho Đồn Biên phòng B": the giver between
    r"|(?:(?i:đã|vừa)\s+)?(?i:được)\s+[^;.:()]{2,100}?\s+(?i:trao tặng|trao|tặng)\s+(?i:cho)\s+(?=\S))")


_PASSIVE = re.compile(
    r"(?<![\w])(?i:được|đã được|vinh dự được|vinh dự|đón nhận|(?<!công )(?<!Công )nhận|đạt|giành|giữ vững|được công nhận|được trao|được tặng|được đề nghị|đề nghị)(?![\w])"
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
    has = list(re.finditer(r"(?<![\w])(?i:có|gồm|còn|bên cạnh|ngoài ra)\s+(?=0*\d|(?i:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s)", seg))
    if has:
        off += has[-1].end()
        seg = text[off:verb_start]
    elif not split_list(seg) and (counted := list(_COUNTED_SUBJECT.finditer(seg))) \
            and not unit_heads(seg[:counted[-1].start()]):
        # "Bên cạnh 14 tập thể đã được …": a count closing the subject, whatever opens it
        off += counted[-1].start()
        seg = text[off:verb_start]
    seg = re.sub(r"(?:\s+(?i:đã|cũng|đều|vừa|luôn|rất|còn|lại|tiếp tục))+\s*$", "", seg)
    # "Trường A nhiều năm liền được …", "Sở B năm 2023 đã được …": a time adverbial between subject and verb
    seg = re.sub(r"\s+(?:(?i:nhiều năm liền|nhiều năm liên tục|nhiều năm|liên tục|liên tiếp)|(?i:năm|năm học)\s+(?:19|20)\d{2}"
                 r"(?:\s*[-–]\s*(?:19|20)\d{2})?|\d+\s+(?i:năm liền|năm liên tục|năm liên tiếp))"
                 r"(?:\s+(?i:đã|cũng|đều|vừa|luôn|liền))*\s*$", "", seg)
    # "Công ty tổ chức Hội nghị tổng kết … và lễ đón nhận Huân chương": the subject ends at its own verb
    verb = re.search(r"\s(?:(?i:long trọng|đã|vừa)\s+)?(?i:tổ chức|kỷ niệm|khai mạc)\s", seg)
    if verb and verb.start() > 0:
        seg = seg[:verb.start()]
    return _drop_position_places(text, split_list(seg, off)), off


_COUNTED_SUBJECT = re.compile(r"(?<![\w/.,])0*\d{1,4}\s+(?=\S+(?:\s+\S+){0,3}\s*(?:(?i:đã|đều|cũng|vừa)\s*)*$)")

# an article's own unit spoken of without its name ("nhà trường", "tập thể nhà trường", "đơn vị", "bệnh viện")
_ANAPHORIC_SUBJECT = re.compile(
    r"^\s*(?:(?i:tập thể|toàn thể)\s+)?(?P<head>(?i:nhà trường|trường|đơn vị|bệnh viện|công ty|trung tâm|sở|ngành|cơ quan|"
    r"hợp tác xã|doanh nghiệp|tổng công ty|chi nhánh|báo|đài))(?:\s+(?i:này|ta|mình))?\s*$")


def topical_unit(a: Analysis) -> Item | None:
    """The unit an article is about: the first unit the title names ("Trường THCS Tứ Xã vinh dự đón nhận Huân
    chương …"), else the lead sentence's (cached on the Analysis)."""
    if "_topical_unit" in a.__dict__:
        return a.__dict__["_topical_unit"]
    found = None
    for s in [x for x in a.sentences if x.is_title] + a.sentences[:2]:
        heads = [h for h in unit_heads(s.text)]
        if heads:
            unit = unit_from(s.text[heads[0].start:], 0, True)
            if unit is not None:
                found = Item(unit.text, -1, -1, unit.province)
                break
    a.__dict__["_topical_unit"] = found
    return found


def anaphoric_recipient(a: Analysis, phrase: str) -> Item | None:
    """"nhà trường", "tập thể nhà trường", "đơn vị": the article's own unit, when its head fits ("trường" a school)."""
    m = _ANAPHORIC_SUBJECT.match(phrase.split(",")[-1])
    unit = topical_unit(a) if m else None
    if unit is None:
        return None
    head = m.group("head").lower().replace("nhà trường", "trường")
    if head in ("đơn vị", "cơ quan") or unit.text.lower().startswith(head):
        return Item(unit.text, -1, -1, unit.province)
    return None


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
    major = ";" in text[items[0].start:items[-1].end] if items else False
    for it in items:
        # "cô giáo A, Trường Mầm non B, huyện C; thầy giáo D, …": where ";" parts a list of persons, what follows
        # a person up to the next ";" is where the person works
        if major and out and out[-1].person and not it.person and it.count is None \
                and re.fullmatch(r"\s*,\s*", text[out[-1].end:it.start]):
            out[-1].end = it.end
            continue
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


# a count that announces the list naming its members: "cho 7 tập thể, gồm: A; B; C", "đối với 10 tập thể gồm:"
# or, in a decision, a count closing its sentence on a colon, the list on the lines below: "Tặng Cờ thi đua
# … cho 04 tập thể đã hoàn thành xuất sắc nhiệm vụ năm 2018:" / "1. UBND phường Vĩnh Hòa;"
_COUNT_THEN_LIST = re.compile(r"^\s*(?:[^\W\d]+\s+)?0*(\d{1,4})\s+(?:[^;:.()]{1,200}?(?:,\s*)?(?<![\w])"
                              r"(?i:gồm|bao gồm|gồm có|là)(?![\w])\s*:?\s*|[^;:.()]{1,200}:\s*$)")


def _named_after_count(a: Analysis | None, s: Sentence, items: list[Item], seg_start: int, seg_end: int,
                       limit: int) -> list[Item]:
    """The units a count announces, named after it: "Cờ thi đua cho 4 tập thể có thành tích xuất sắc gồm: A, B, C
    và D", "cho 7 tập thể, gồm: A (Bộ Quốc phòng), B; C" (inside the list ";" separates items, not clauses), or
    "… đối với 10 tập thể gồm:" and one unit a line below.  Returns ``items`` when the count names nobody."""
    text = s.text
    head = _COUNT_THEN_LIST.match(text[seg_start:limit])
    if head:
        start, count = seg_start + head.end(), int(head.group(1))
    elif len(items) == 1 and items[0].count is not None and (m := _NAMED_LIST.match(text[seg_end:limit])):
        start, count = seg_end + m.end(), items[0].count
    else:
        return items
    rest = text[start:limit]
    if not rest.strip(" .;") and a is not None:
        named = []
        for line, lo, hi in bullet_lines(a, s.index):  # one recipient a line: after a comma come its parent
            found = [it for it in _drop_position_places(a.text, split_list(line.text[lo:hi], line.start + lo))
                     if it.count is None]               # unit or a person's position ("Bà A, Phó Giám đốc Sở B")
            if found:
                it = found[0]
                named.append(Item(it.text, it.start - s.start, it.end - s.start, it.province, it.count, it.noun,
                                  it.person))
    else:
        stop = min([i for i in (_recipient_end(rest.replace(";", ",")), len(rest)) if i >= 0])
        named = _drop_position_places(text, [it for it in split_list(rest[:stop], start) if it.count is None])
    return named if len(named) >= min(2, count) else items


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
