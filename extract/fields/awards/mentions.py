"""Award mentions: a kind of ``data/gazetteers/awards.csv`` ("Cờ thi đua", "Huân chương Lao động hạng
Ba", …) with its class, a named medal, and its conferrer and level read from the phrase itself ("của Bộ
trưởng Bộ TT&TT", "của Chủ tịch UBND tỉnh") or from the subject before the verb ("Bộ trưởng … tặng")."""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass

from extract.constructions.numerals import Years
from extract.frontend import Analysis
from extract.gazetteer import DATA_DIR, UPPER, gazetteer
from extract.patterns import phrase_regex


@dataclass(frozen=True)
class Kind:
    surface: str
    award: str
    level: str | None
    conferred_by: str | None
    note: str = ""


_IY = {"i": "[iy]", "y": "[iy]", "ĩ": "[ĩỹ]", "ỹ": "[ĩỹ]", "í": "[íý]", "ý": "[íý]", "ì": "[ìỳ]", "ỳ": "[ìỳ]",
       "ỉ": "[ỉỷ]", "ỷ": "[ỉỷ]", "ị": "[ịỵ]", "ỵ": "[ịỵ]"}


def _iy(rx: str) -> str:
    """A syllable's final i written y or y written i, as Vietnamese spelling allows ("chiến sĩ" / "chiến sỹ")."""
    return re.sub(r"(?<=[^\W\d_])([iyĩỹíýìỳỉỷịỵ])(?![\w])", lambda m: _IY[m.group(1)], rx)


@functools.lru_cache(maxsize=1)
def award_kinds() -> tuple[list[Kind], re.Pattern[str]]:
    """Award kinds of ``data/gazetteers/awards.csv`` and one regex over their surfaces (longest first)."""
    kinds: list[Kind] = []
    with open(DATA_DIR / "awards.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kinds.append(Kind(row["surface"], row["award"], row["level"] or None, row["conferred_by"] or None,
                              row["note"] or ""))
    kinds.sort(key=lambda k: len(k.surface), reverse=True)
    rx = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<k{i}>(?i:{_iy(phrase_regex(k.surface))}))" for i, k in enumerate(kinds))
                    + r")(?![\w])")
    return kinds, rx


_CLASS_NAME = r"(?:Nhất|Nhì|Ba|nhất|nhì|ba|I{1,3})(?![\w])"
# "hạng Ba", "hạng Nhì, hạng Ba", "hạng Nhì và hạng Ba", "hạng Nhì, Ba", "các hạng": one kind, its classes dropped
_CLASS = re.compile(r"^\s*(?:(?i:hạng)\s+" + _CLASS_NAME + r"(?:\s*(?:,|và|-)\s*(?:(?i:hạng)\s+)?" + _CLASS_NAME + r")*"
                    r"|(?i:các hạng))")


# the name of a medal or badge after its kind: quoted ("Huy hiệu “Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Nam”"),
# or capitalised up to a verb, "của"/"cho", a delimiter or a comma before a new item ("Kỷ niệm chương Chiến sĩ cách
# mạng bị địch bắt, tù đày", "kỷ niệm chương Hùng Vương;")
_KNC_NAME = re.compile(
    r"^\s*(?:[“\"]((?:Vì|vì|[A-ZĐ])[^”\"]{2,100}?)[”\"]"
    r"|((?:Vì|vì|[A-ZĐ])[^;:.”\"()]{2,90}?)(?=\s+(?:cho|của|tới|đến|do|được|năm|tặng|trao|và\s+(?:\d|[A-ZĐ]))\s"
    r"|\s*,\s*(?:\d|[A-ZĐ]|và\s)|[;:.()“”\"]|$))")
_NAMED_KINDS = ("Kỷ niệm chương", "Huy hiệu", "Huy chương")
# a badge named for a province's cause is the province's: "Huy hiệu Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Nam"
_OF_A_PROVINCE = re.compile(r"(?i:vì sự nghiệp)\s[^”\"]*?(?i:tỉnh|thành phố)\s+" + UPPER)


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
    r"(?=\s+(?:cho|tới|đến|năm|vì|về|do|đã|và|được|trao|tặng)\s|[,;:.()]|$)"
)


def _bare_authority(after: str, a_ctx: _Ctx) -> tuple[str | None, str | None, int]:
    """Bare conferrers: "của Bộ", "Bộ trưởng", "của tỉnh", "của Chủ tịch UBND tỉnh" (resolved from the article)."""
    m = re.match(r"^(?:(?i:Bộ trưởng)|Bộ)(?![\w])(?!\s+[A-ZĐ])", after)
    if m:
        return a_ctx.ministry, "ministry", m.end()
    m = re.match(r"^(?:(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân)\s+)?(?:tỉnh|thành phố|Tỉnh)(?![\w])(?!\s+[A-ZĐ])", after)
    if m:  # "cờ thi đua của tỉnh": the province's, named as the text names it where the article names no province
        return (gazetteer().canonical_authority("UBND tỉnh", a_ctx.province) if a_ctx.province else "UBND tỉnh"), "province", m.end()
    m = re.match(r"^(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân)\s+(?i:huyện|quận|thị xã|xã|phường|thị trấn)(?![\w])(?!\s+[A-ZĐ])", after)
    if m:  # "giấy khen của Chủ tịch UBND huyện": a district's or a commune's
        return re.sub(r"^Chủ tịch\s+", "", m.group(0)), "other", m.end()
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
    # where the text stops mid-word (an excerpt cut off), else None
    cut_at: int | None = None


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
    # "được Chủ tịch UBND tỉnh, Bộ trưởng Bộ GD&ĐT tặng Bằng khen": the other givers of one award phrase
    co_conferrers: tuple[tuple[str, str | None], ...] = ()


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
        if k.note.startswith("quoted only") and not re.search(r"[“\"]\s*$", text[:m.start()]):
            continue
        if award in _NAMED_KINDS and (n := _KNC_NAME.match(text[end:])):
            award = f"{award} {(n.group(1) or n.group(2)).strip()}"
            end += n.end()
            if k.level is None and _OF_A_PROVINCE.search(award):
                k = Kind(k.surface, k.award, "province", k.conferred_by, k.note)  # "Vì sự nghiệp … tỉnh Quảng Nam"
        elif award in _NAMED_KINDS[1:]:
            continue  # a bare "huy hiệu" or "huy chương" is no award of the contract
        if end < len(text) and text[end] in "”\"" and (re.search(r"[“\"]", text[m.start():end])
                                                      or re.search(r"[“\"]\s*$", text[:m.start()])):
            end += 1  # the closing quote of Huy chương “Vì an ninh Tổ quốc”
        elif not award.startswith("Huy chương") and (q := _MOVEMENT_NAME.match(text[end:])):
            end += q.end()  # Cờ thi đua "Vì an ninh Tổ quốc": the flag of a movement, not another award
        level, conferrer = k.level, k.conferred_by
        of = _OF.match(text[end:])
        rest_start = end + (of.end() if of else 0)
        rest = text[rest_start:]
        auths = [x for x in g.find_authorities(rest[:120], ctx.province) if x.start == 0]
        found_by = None
        local = _LOCAL_AUTHORITY.match(rest)
        if local and (not auths or local.end() > auths[0].end):
            # "của Chủ tịch UBND thị xã An Khê", "UBND huyện Nông Sơn": a district's or commune's committee
            found_by, end, level = re.sub(r"^(?i:chủ tịch)\s+", "", local.group(0)), rest_start + local.end(), level or "other"
        elif auths:
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


_GAP_VERB = re.compile(
    # "Chủ tịch UBND tỉnh Nguyễn Phi Hùng đã trao …": the office holder's name may stand between
    rf"^\s*(?:{UPPER}\w*(?:\s+{UPPER}\w*){{1,3}}\s+)?"
    # "6 đơn vị được UBND tỉnh tuyên dương, tặng …", "Bộ Công an được đề nghị xem xét tặng …" (asked to confer)
    r"(?:(?i:đã|vừa|cũng|còn|quyết định|ký quyết định|xét|xem xét|đồng ý|tặng thưởng|trao tặng|phong tặng|truy tặng|tặng|trao|"
    r"khen tặng|công nhận|xét tặng|khen thưởng|tặng danh hiệu|công nhận danh hiệu|danh hiệu|tuyên dương|biểu dương|"
    r"được đề nghị|được trình)\s*,?\s*)+[“\"]?\s*$"
)


_ON_BEHALF = re.compile(r"(?i:thừa ủy quyền|thừa uỷ quyền|được sự ủy quyền|được ủy quyền|ủy quyền|thay mặt)(?:\s+(?i:của))?\s*$")


_LOCAL_AUTHORITY = re.compile(
    rf"^(?:(?i:chủ tịch)\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?i:huyện|quận|thị xã|xã|phường|thị trấn)\s+"
    rf"{UPPER}\w*(?:\s+{UPPER}\w*)*")


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


def _givers_listed_before(window: str, last, ctx: _Ctx) -> tuple[tuple[str, str | None], ...]:
    """The givers listed before the last one, each separated by ", " or " và " ("được Chủ tịch UBND tỉnh, Bộ trưởng
    Bộ GD&ĐT tặng Bằng khen")."""
    out = []
    cur = last
    for auth in reversed([x for x in _authorities(window, ctx.province) if x.end <= last.start]):
        if not re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", window[auth.end:cur.start]):
            break
        name = ctx.ministry if auth.name == "Bộ" else auth.name
        if name:
            out.append((name, level_of(name)))
        cur = auth
    return tuple(reversed(out))


def _conferrer_before(text: str, m: Mention, win_start: int, ctx: _Ctx) -> None:
    """Fill the conferrer of a mention from the subject of "… Bộ trưởng Bộ TTTT (xét) tặng Cờ thi đua"."""
    if m.conferred_by:
        return
    window = text[win_start:m.start]
    for auth in reversed(_authorities(window, ctx.province)):
        # "…, thừa ủy quyền của Bộ trưởng Bộ Công an, trao Bằng khen": the one on whose behalf it is given
        behalf = _ON_BEHALF.search(window[:auth.start]) and _GAP_VERB.match(window[auth.end:].lstrip(" ,"))
        if _GAP_VERB.match(window[auth.end:]) or behalf:
            name = auth.name
            if name == "Bộ":
                name = ctx.ministry
            m.conferred_by = name
            m.level = m.level or level_of(name)
            m.co_conferrers = _givers_listed_before(window, auth, ctx) if not behalf else ()
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
