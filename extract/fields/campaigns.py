"""Named emulation movements (phong trào thi đua, cuộc vận động) reported in an article.

A campaign is a *named* movement: the quoted phrase right after "phong trào
(thi đua) [đặc biệt|chuyên đề|thường xuyên]" or "cuộc vận động", or an unquoted
name that is a well-known movement (``CAMPAIGN_NAME`` in
``extract/rules/campaigns.jsonl``) or a delimited item of a list of movements
("như: Phong trào chung sức xây dựng nông thôn mới; phong trào “…”").
A list of quoted names shares its cue: "các phong trào thi đua chuyên đề được
duy trì như: “A”; “B” và “C”" gives three campaigns of kind chuyên đề, and a
header ending "… các phong trào thi đua sau:" takes the quoted bullet lines
after it.  A kind outside the contract ("theo đợt", "cao điểm") gives null.
Generic mentions ("phong trào thi đua năm 2020", "phong trào thi đua yêu
nước", "phong trào thi đua của ngành") have no name and give nothing; a quote
introduced by "với chủ đề" is a theme (``extract.fields.themes``), not a name.

Quotations, periods and authority names are read by the construction layer
(:mod:`extract.constructions`).

>>> from extract.frontend import analyze
>>> a = analyze("UBND tỉnh Long An ban hành Kế hoạch phát động phong trào thi đua đặc biệt “Chung sức vượt qua đại dịch” giai đoạn 2021 - 2022.")
>>> [(c["name"], c["kind"], c["launched_by"], c["period"]) for c in extract(a)]
[('Chung sức vượt qua đại dịch', 'đặc biệt', 'UBND tỉnh Long An', '2021-2022')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from extract.constructions.numerals import find_period
from extract.constructions.places import article_province
from extract.constructions.quotes import _QUOTES, clean_name, quoted_spans, rejoin_broken_quotes
from extract.constructions.units import authority_before, expand_org
from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.normalize import match_key
from extract.patterns import WE, load_patterns, pattern_regex, rule_regex, rule_terms

# --------------------------------------------------------------------------------------------
# campaigns
# --------------------------------------------------------------------------------------------

_GAP_OK = re.compile(
    r"^\s*(?:(?i:thi đua)\s*)?(?P<kind>(?i:đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề))?\s*"
    r"(?:(?i:cao điểm|(?:theo\s+)?đợt)\s*)?(?:(?i:năm)\s+(?:19|20)\d{2}\s*)?"
    r"(?:(?i:mang tên|có tên(?: gọi)?|với tên gọi|với tên|tên gọi|là)\s*)?[:\-–]?\s*$"
)
_GROUP_KIND = re.compile(
    r"(?i:(?:các|những)\s+phong trào(?:\s+thi đua)?\s+(?P<k1>đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề)(?!\s+(?:và|cùng|với)\s)"
    r"|phong trào(?:\s+thi đua)?\s+(?P<k2>đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề)\s*(?:,\s*)?(?:như|gồm|là)\b)"
)
_LIST_INTRO = re.compile(r"(?i:như|gồm|bao gồm|là)\s*:?\s*$|[:;]\s*$|^\s*[-+•*–]\s*$")  # a list item, or a bullet line (not a bare sentence start)
_CLAUSE_END = re.compile(r"[;.!?]|\s(?:và|cùng)\s+(?=(?i:phong trào|cuộc vận động))|,\s*(?=(?i:phong trào|cuộc vận động))")


def _kind_word(s: str | None) -> str | None:
    if not s:
        return None
    s = s.lower()
    return "chuyên đề" if "chuyên đề" in s else s


def _group_kind(text: str) -> str | None:
    """Kind of the last group of movements named in ``text`` ("các phong trào thi đua chuyên đề").

    A group joined by "và" is a sibling of what follows, not its parent:

    >>> _group_kind("Tỉnh triển khai các phong trào thi đua thường xuyên và ") is None
    True
    >>> _group_kind("Sở thực hiện các phong trào thi đua chuyên đề, như: ")
    'chuyên đề'
    """
    kind = None
    for m in _GROUP_KIND.finditer(text):
        kind = _kind_word(m.group("k1") or m.group("k2"))
    return kind


@functools.lru_cache(maxsize=1)
def _name_tails() -> tuple[str, ...]:
    """What follows "thi đua" in the well-known names "<who> thi đua <what>" ("Nông dân thi đua sản xuất, kinh doanh
    giỏi" → "sản xuất, kinh doanh giỏi"): after the cue "phong trào thi đua" the tail names the movement."""
    tails = []
    for p in load_patterns():
        if p.get("label") == "CAMPAIGN_NAME" and isinstance(p["pattern"], str):
            m = re.search(r"(?i:\sthi đua)\s+(\S+\s+\S.*)$", p["pattern"])
            if m and len(m.group(1).split()) >= 3:
                tails.append(pattern_regex(m.group(1)))
    return tuple(tails)


def _named_movement(text: str, after_thi_dua: bool = False) -> tuple[int, int] | None:
    """Span of a well-known movement name at the start of ``text`` (longest), or None; right after "thi đua" the
    tail of a name "<who> thi đua <what>" counts too."""
    best = None
    terms = [rx for rx, _ in rule_terms("CAMPAIGN_NAME")] + (list(_name_tails()) if after_thi_dua else [])
    for rx in terms:
        m = re.match(r"\s*(" + rx.replace(r"\s+", r"\s*[-–,]?\s*") + r")" + WE, text)
        if m and (best is None or m.end(1) > best[1]):
            best = (m.start(1), m.end(1))
    return best


_LAUNCH_VERB = re.compile(
    r"(?i:(?:ban hành\s+(?:kế hoạch|KH)[^,;]{0,60}?\s+)?(?:(?:long trọng|chính thức)\s+)?(?:tổ chức\s+)?"
    r"(?:(?:lễ|hội nghị|buổi lễ)\s+)?(?P<v>phát động|khởi xướng|có))(?!\w)"
)
_BREAKS_LAUNCH = re.compile(r"(?i:hưởng ứng|thực hiện|triển khai|tham gia|gắn với|\bcủa\b|\bdo\b|[;:])")


def _launcher(text: str, cue_start: int, name_end: int, default_province: str | None) -> str | None:
    """Who launched the movement: subject of "phát động"/"có" before the cue in its clause, or "do X phát động" after."""
    verbs = [m for m in _LAUNCH_VERB.finditer(text, 0, cue_start)]
    for verb in reversed(verbs):
        between = text[verb.end(): cue_start]
        if verb.group("v").lower() == "có" and between.strip(" :"):
            continue  # "có" owns only what follows it directly ("X có phong trào: “…”")
        if _BREAKS_LAUNCH.search(between) or len(between.split()) > 25:
            break
        head = text[: verb.start()]
        if re.search(r"(?i:\b(?:do|được|hưởng ứng|việc)\s*$)", head):
            break
        who = authority_before(text, verb.start(), default_province)
        if who:
            return who
        break
    after = text[name_end: name_end + 120]
    m = re.match(r"^[”\"“]?\s*(?:[^;.]{0,40}?)\b(?i:do)\s+(?P<who>[^;.,]{3,80}?)\s+(?i:phát động|khởi xướng)", after)
    if m:
        g = gazetteer()
        return g.canonical_authority(m.group("who"), default_province) or m.group("who").strip()
    return None


_TITLE_WORD = re.compile(r"[A-ZĐÀ-Ỹ][^\s,;.:()“”\"]*")


def _capitalised_name(text: str, cue_start: int, off: int) -> tuple[int, int] | None:
    """An unquoted proper name written in title case right after a lower-case cue.

    "phong trào Thi đua Quyết thắng" → "Thi đua Quyết thắng": the capital "Thi
    đua" shows the words belong to the name, and the name runs over the
    following capitalised words (Vietnamese capitalises the first syllable of
    each word of such names, unlike sentence-case quoted names).

    >>> t = "sơ kết phong trào Thi đua Quyết thắng và cuộc vận động"
    >>> off = t.index(" Quyết")
    >>> s, e = _capitalised_name(t, t.index("phong"), off); t[off + s:off + e]
    'Thi đua Quyết thắng'
    """
    cue = text[cue_start:off]
    if not re.search(r"Thi đua\s*$", cue) or not cue.startswith("phong"):
        return None
    unit = _TITLE_WORD.pattern + r"(?:\s+(?!(?:và|của|do|năm|được|đã|trong|tại|với|cho|là|thì|các|những)(?!\w))[a-zđà-ỹ]+(?!\w))?"
    m = re.match(r"\s*(" + unit + r"(?:\s+" + unit + r")*)", text[off:])
    if not m or gazetteer().find_provinces(m.group(1)) or rule_regex("ORG_HEAD").match(m.group(1)):
        return None
    # the cue's own "Thi đua" starts the name
    start = cue.rfind("Thi đua") - len(cue)
    return start, m.end(1)


def _is_generic_start(text: str) -> bool:
    """True when the words after the cue make it a generic mention ("yêu nước", "năm 2020", "của ngành")."""
    t = text.lstrip(" :")
    if not t or not t[0].isalpha():
        return True
    m = rule_regex("CAMPAIGN_NOT_NAME").match(t)
    if m and m.start() == 0:
        rest = t[m.end():].lstrip().lower()
        word = m.group(0).lower()
        # "chung sức/chung tay" and "toàn dân/cả nước ..." open real names
        if word == "chung" and rest.startswith(("sức", "tay")):
            return False
        if word in ("toàn dân", "cả nước", "toàn quốc") and t[0].isupper() and len(rest.split()) >= 2:
            return False  # capitalised, it opens a name: "- Phong trào Toàn dân tham gia bảo vệ môi trường;"
        return True
    return False


# "các phong trào thi đua chuyên đề được duy trì hiệu quả như: “A”; “B”" — a plural group of movements, a short
# predicate, then a list introducer right before the first quoted name
_PLURAL_BEFORE = re.compile(r"(?i:\b(?:các|những|nhiều|một số|hai|ba|bốn|\d+))\s+$")
_GROUP_GAP = re.compile(
    r"^\s*(?:(?i:thi đua)\s*)?(?P<kind>(?i:đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề))?"
    r"(?P<pred>[^;.!?“”\"]{0,90}?)\s*,?\s*"
    r"(?:(?i:như|gồm|bao gồm|(?:điển hình|tiêu biểu|nổi bật|cụ thể)(?:\s+(?:như|là))?|là)\s*:?|:)\s*$"
)
# what may stand between two quoted names of one list: a separator ("," ";" "và", "cùng")
_LIST_SEP = re.compile(r"^\s*(?:[,;]\s*(?:(?i:và|cùng)\s+)?|(?i:và|cùng)\s+)$")
_DO_LAUNCH = re.compile(r"\b(?i:do)\s+(?P<who>[^;.,]{3,80}?)\s+(?i:phát động|khởi xướng|triển khai)\b")


def _group_gap(text: str, cue: re.Match[str], gap: str) -> re.Match[str] | None:
    """The gap of a plural group cue whose list of quoted names follows a short predicate.

    >>> t = "Các phong trào thi đua thường xuyên được các cấp Hội duy trì như: “Nông dân sản xuất giỏi”"
    >>> m = rule_regex("CAMPAIGN_CUE").search(t)
    >>> _group_gap(t, m, t[m.end(): t.index("“")]).group("kind")
    'thường xuyên'
    """
    if not _PLURAL_BEFORE.search(text[: cue.start()]):
        return None
    m = _GROUP_GAP.match(gap)
    if not m or len(m.group("pred").split()) > 16:
        return None
    if not (m.group("kind") or re.search(r"(?i:thi đua|vận động)", cue.group(0) + gap[: m.start("pred")])):
        return None  # "các phong trào văn nghệ, thể thao … như:" — not emulation movements
    if rule_regex("CAMPAIGN_LIST_BLOCK").search(m.group("pred")):
        return None  # "các phong trào … với chủ đề:", "… bằng các mô hình như:" — the list is of something else
    return m


def _list_items(text: str, quotes: list[tuple[int, int, bool]], first: tuple[int, int]) -> list[tuple[int, int, bool]]:
    """Quoted names that continue a list after the quote ``first``, joined only by separators.

    >>> t = "phong trào “Dân vận khéo”, “Người tốt, việc tốt” và “Xanh - Sạch - Đẹp” được duy trì"
    >>> qs = quoted_spans(t)
    >>> [t[a:b] for a, b, _ in _list_items(t, qs, qs[0][:2])]
    ['Người tốt, việc tốt', 'Xanh - Sạch - Đẹp']
    """
    out = []
    end = first[1]
    for q in quotes:
        if q[0] <= end:
            continue
        between = text[end: q[0] - 1].lstrip("".join(_QUOTES))
        if not _LIST_SEP.match(between):
            break
        out.append(q)
        end = q[1]
    return out


def _campaigns_in(s: Sentence, prev_text: str | None, province: str | None, emulation_article: bool = False) -> list[dict]:
    text = s.text
    quotes = quoted_spans(text)
    out: list[dict] = []
    cues = list(rule_regex("CAMPAIGN_CUE").finditer(text))
    for ci, cue in enumerate(cues):
        is_van_dong = cue.group(0).lower().startswith("cuộc")
        if is_van_dong and not (emulation_article or re.search(r"(?i:phong trào|thi đua)", text)):
            continue  # a cuộc vận động counts when the text treats it as an emulation movement (its sentence or the article)
        nxt_cue = cues[ci + 1].start() if ci + 1 < len(cues) else len(text)
        name_span: tuple[int, int] | None = None
        kind = None
        closed = True
        other_kind = False  # a stated kind outside the contract ("theo đợt", "cao điểm"): no kind by grouping
        group_launcher: str | None = None
        q = next((q for q in quotes if q[0] - 1 >= cue.end()), None)
        if q and q[0] - 1 <= nxt_cue:
            gap_text = text[cue.end(): q[0] - 1]
            gap = _GAP_OK.match(gap_text) or _group_gap(text, cue, gap_text)
            if gap:
                name_span, closed = (q[0], q[1]), q[2]
                kind = _kind_word(gap.group("kind"))
                other_kind = kind is None and bool(re.search(r"(?i:\bđợt\b|cao điểm)", gap_text))
                do = _DO_LAUNCH.search(gap_text)
                if do:
                    g = gazetteer()
                    group_launcher = g.canonical_authority(do.group("who"), province) or do.group("who").strip()
        congress = cue.group(0).lower().startswith("đại hội")
        if congress and (name_span is None or text[cue.end(): name_span[0] - 1].strip()):
            continue  # "Đại hội thi đua “Cựu chiến binh gương mẫu”": the movement whose congress it is, quoted right after
        if name_span is None:
            rest = text[cue.end():]
            kind_m = re.match(r"\s*(?i:(?P<k>đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề))\b", rest)
            off = cue.end() + (kind_m.end() if kind_m else 0)
            named = (_named_movement(text[off:], cue.group(0).lower().endswith("thi đua"))
                     or _capitalised_name(text, cue.start(), off))
            if named:
                name_span = (off + named[0], off + named[1])
            elif (not _is_generic_start(text[off:]) and _LIST_INTRO.search(text[: cue.start()])
                  and (cue.group(0)[0].isupper() or re.search(r"[:;]\s*$", text[: cue.start()]))):
                end_m = _CLAUSE_END.search(text, off)
                end = end_m.start() if end_m else len(text)
                cand = text[off:end]
                cand = re.split(r"\s+(?i:giai đoạn|năm\s+(?:19|20)\d{2}|do|của|được|trên địa bàn)\b", cand)[0]
                if 3 <= len(cand.split()) <= 16 and not any(c in cand for c in _QUOTES):
                    name_span = (off + len(cand) - len(cand.lstrip()), off + len(cand.rstrip()))
            if name_span and kind_m:
                kind = _kind_word(kind_m.group("k"))
        if name_span is None:
            continue
        name = movement_name(clean_name(text[name_span[0]: name_span[1]]))
        if not closed:
            name = clean_name(re.split(r";|\s+(?i:phong trào)\s", name)[0])
        if len(name.split()) < 2:
            continue
        if text[name_span[0] - 1: name_span[0]] not in _QUOTES:
            name = name[0].upper() + name[1:]
        # kind by grouping: "các phong trào thi đua chuyên đề, như: …"; or anaphora to the previous sentence
        if kind is None and not other_kind:
            kind = _group_kind(text[: cue.start()])
        if kind is None and prev_text and rule_regex("CAMPAIGN_EXAMPLE").match(text.lstrip()):
            kind = _group_kind(prev_text)
        if kind is None:
            after = re.match(r"^[”\"“]?\s*(?i:là|được xác định là)\s+(?:(?i:một)\s+)?(?i:phong trào)(?:\s+(?i:thi đua))?\s+"
                             r"(?P<k>(?i:đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề))", text[name_span[1]:])
            if after:
                kind = _kind_word(after.group("k"))
        tail_end = _CLAUSE_END.search(text, name_span[1] + 1)
        tail = text[name_span[1]: tail_end.start() if tail_end else len(text)]
        period = find_period(tail) or find_period(name)
        launcher = group_launcher or _launcher(text, cue.start(), name_span[1], province)
        out.append({
            "name": name,
            "kind": kind,
            "launched_by": launcher,
            "period": period,
            "evidence": s.evidence(cue.start(), name_span[1]),
        })
        if text[name_span[0] - 1: name_span[0]] not in _QUOTES:
            continue
        # the list goes on: “A”; “B” và “C” — same group, same kind and launcher
        for item in _list_items(text, quotes, name_span):
            item_name = movement_name(clean_name(text[item[0]: item[1]]))
            if len(item_name.split()) < 2:
                break
            out.append({
                "name": item_name,
                "kind": kind,
                "launched_by": launcher,
                "period": find_period(item_name),
                "evidence": s.evidence(cue.start(), item[1]),
            })
    return out


_INNER_CUE = re.compile(r"^(?i:phong trào\s+)?(?i:thi đua)\s+(?=\S+\s+\S)")


def movement_name(name: str) -> str:
    """A movement's name without the words "(phong trào) thi đua" that open it inside the quotes (the annotation
    convention: “Thi đua Quyết thắng” → "Quyết thắng"), capitalised as the rest was.

    >>> movement_name("Thi đua Quyết thắng"), movement_name("Dân vận khéo")
    ('Quyết thắng', 'Dân vận khéo')
    """
    rest = _INNER_CUE.sub("", name)
    return rest[0].upper() + rest[1:] if rest != name and rest else name


def _localise(org: str | None, province: str | None) -> str | None:
    """A provincial body named without its province takes the article's province.

    >>> _localise("Tỉnh đoàn", "Đồng Nai"), _localise("Công an tỉnh", "Bình Định"), _localise("Bộ Y tế", "Huế")
    ('Tỉnh đoàn Đồng Nai', 'Công an tỉnh Bình Định', 'Bộ Y tế')
    """
    if not org or not province or gazetteer().find_provinces(org):
        return org
    if rule_regex("LOCAL_ORG").fullmatch(org) or re.search(r"\s(?:tỉnh|thành phố)$", org):
        return f"{org} {province}"
    return org


# a sentence that classifies the movement just named: "Phong trào (thi đua) (này) là phong trào thi đua đặc biệt", "Đây là …"
_ANAPHORIC_KIND = re.compile(
    r"^\s*(?:(?i:phong trào)(?:\s+(?i:thi đua))?(?:\s+(?i:này|trên))?|(?i:đây))\s+(?i:là|được xác định là)\s+(?:(?i:một)\s+)?"
    r"(?i:phong trào)(?:\s+(?i:thi đua))?\s+(?P<k>(?i:đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề))(?!\w)"
)


_BULLET_NAME = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])?\s*[“\"](?P<name>[^“”\"]{3,200})[”\"]\s*[;.,]?\s*$")


def _list_header(s: Sentence, province: str | None) -> tuple[str | None, str | None] | None:
    """(kind, launcher) when a sentence ends by announcing a list of movements on the following lines.

    "Năm 2019, Công an tỉnh triển khai các phong trào thi đua chuyên đề gồm:" → ('chuyên đề', None); the
    lines "- “…”;" after it are the names.
    """
    text = s.text
    cues = list(rule_regex("CAMPAIGN_CUE").finditer(text))
    if not cues:
        return None
    cue = cues[-1]
    gap = text[cue.end():]
    if any(ch in gap for ch in _QUOTES):
        return None
    m = _group_gap(text, cue, gap)
    if not m:
        return None
    do = _DO_LAUNCH.search(gap)
    who = (gazetteer().canonical_authority(do.group("who"), province) or do.group("who").strip()) if do else None
    return _kind_word(m.group("kind")), who or _launcher(text, cue.start(), len(text), province)


def extract(a: Analysis) -> list[dict]:
    """Named campaigns, one object per distinct name (first mention wins, gaps filled by later ones).

    >>> from extract.frontend import analyze
    >>> a = analyze("Năm 2020, các đơn vị tích cực hưởng ứng phong trào thi đua yêu nước và phong trào thi đua năm 2020 của ngành.")
    >>> extract(a)
    []
    """
    province = article_province(a)
    lead = " ".join([a.title or ""] + [s.text for s in a.sentences[:3]])
    # an article about emulation or commendation (an award ceremony is one): its named cuộc vận động count
    emulation_article = bool(re.search(r"(?i:thi đua|khen thưởng|huân chương|bằng khen|tuyên dương)", lead))
    found: dict[str, dict] = {}
    prev: str | None = None
    last: dict | None = None
    header: tuple[str | None, str | None] | None = None
    for s in rejoin_broken_quotes(a):
        ana = _ANAPHORIC_KIND.match(s.text)
        if ana and last is not None and last["kind"] is None:
            last["kind"] = _kind_word(ana.group("k"))  # "Phong trào thi đua là phong trào thi đua đặc biệt, …"
        bullet = _BULLET_NAME.match(s.text) if header else None
        if bullet and header and len(clean_name(bullet.group("name")).split()) >= 2:
            items = [{"name": clean_name(bullet.group("name")), "kind": header[0], "launched_by": header[1],
                      "period": find_period(bullet.group("name")),
                      "evidence": s.evidence(bullet.start("name"), bullet.end("name"))}]
        else:
            header = _list_header(s, province)
            items = _campaigns_in(s, prev, province, emulation_article)
        for c in items:
            last = found.get(match_key(c["name"]), c)
            key = match_key(c["name"])
            if c["launched_by"]:
                c["launched_by"] = _localise(expand_org(c["launched_by"], a.body_text), province)
            if key in found:
                old = found[key]
                for k in ("kind", "launched_by", "period"):
                    if old[k] is None and c[k] is not None:
                        old[k] = c[k]
                if old["launched_by"] and c["launched_by"] and c["launched_by"].startswith(old["launched_by"]):
                    old["launched_by"] = c["launched_by"]
            else:
                found[key] = c
        prev = s.text
    return _without_dated_twins(list(found.values()))


def _without_dated_twins(items: list[dict]) -> list[dict]:
    """“Thi đua Quyết thắng năm 2020” and “Thi đua Quyết thắng” in one article are one movement: the year is when,
    not part of the name."""
    keys = {match_key(c["name"]) for c in items}
    out = []
    for c in items:
        bare = re.sub(r"\s+(?i:năm)\s+(?:19|20)\d{2}$", "", c["name"])
        if bare != c["name"] and match_key(bare) in keys:
            continue
        out.append(c)
    return out


def names(items: Iterable[dict]) -> list[str]:
    """The names of campaign objects (handy in tests and the REPL)."""
    return [c["name"] for c in items]
