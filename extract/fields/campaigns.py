"""Named emulation movements (phong trào thi đua, cuộc vận động) reported in an article.

A campaign is a *named* movement: the quoted phrase right after "phong trào
(thi đua) [đặc biệt|chuyên đề|thường xuyên]" or "cuộc vận động", or an unquoted
name that is a well-known movement (``CAMPAIGN_NAME`` in
``extract/rules/campaigns.jsonl``) or a delimited item of a list of movements
("như: Phong trào chung sức xây dựng nông thôn mới; phong trào “…”").
Generic mentions ("phong trào thi đua năm 2020", "phong trào thi đua yêu
nước", "phong trào thi đua của ngành") have no name and give nothing; a quote
introduced by "với chủ đề" is a theme (``extract.fields.themes``), not a name.

The module also holds three small helpers shared by the other field modules
of this family: :func:`rule_regex` (vocabulary in ``extract/rules/*.jsonl`` →
character regex), :func:`quoted_spans` (quotations, tolerant of unclosed and
mismatched quotes) and :func:`article_province`.

>>> from extract.frontend import analyze
>>> a = analyze("UBND tỉnh Long An ban hành Kế hoạch phát động phong trào thi đua đặc biệt “Chung sức vượt qua đại dịch” giai đoạn 2021 - 2022.")
>>> [(c["name"], c["kind"], c["launched_by"], c["period"]) for c in extract(a)]
[('Chung sức vượt qua đại dịch', 'đặc biệt', 'UBND tỉnh Long An', '2021-2022')]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.nlp import load_patterns
from extract.normalize import match_key

# --------------------------------------------------------------------------------------------
# shared helpers (campaigns, themes, events, documents, people)
# --------------------------------------------------------------------------------------------

_WB = r"(?<![\w])"  # word start
_WE = r"(?![\w])"  # word end


def _token_regex(tok: dict) -> tuple[str, bool]:
    """Regex for one spaCy token pattern (LOWER/TEXT, string or IN list) and whether it is optional."""
    for attr in ("LOWER", "TEXT", "NORM", "ORTH"):
        if attr in tok:
            val = tok[attr]
            vals = val["IN"] if isinstance(val, dict) else [val]
            alts = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in sorted(vals, key=len, reverse=True))
            rx = f"(?:{alts})" if attr == "TEXT" or attr == "ORTH" else f"(?i:{alts})"
            return rx, tok.get("OP") == "?"
    raise ValueError(f"unsupported token pattern {tok!r}")


def pattern_regex(pattern: str | list[dict]) -> str:
    """Character regex for a span_ruler pattern (phrase: case-insensitive; tokens: per attribute)."""
    if isinstance(pattern, str):
        words = [re.escape(w) for w in pattern.split()]
        return "(?i:" + r"\s+".join(words) + ")"
    out = ""
    for i, tok in enumerate(pattern):
        rx, optional = _token_regex(tok)
        if i == 0:
            out = rx if not optional else f"(?:{rx})?"
        else:
            out += rf"(?:\s*{rx})?" if optional else rf"\s*{rx}"
    return out


@functools.lru_cache(maxsize=None)
def rule_terms(label: str) -> tuple[tuple[str, str], ...]:
    """(regex, id) for every pattern with ``label`` in extract/rules/*.jsonl, longest first."""
    terms = [(pattern_regex(p["pattern"]), p.get("id", "")) for p in load_patterns() if p.get("label") == label]
    if not terms:
        raise LookupError(f"no rule patterns labelled {label!r} in extract/rules")
    return tuple(sorted(terms, key=lambda t: len(t[0]), reverse=True))


@functools.lru_cache(maxsize=None)
def rule_regex(label: str, ids: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """One compiled alternation of the patterns labelled ``label`` (named groups per id order).

    >>> bool(rule_regex("CAMPAIGN_CUE").search("các Phong trào thi đua"))
    True
    """
    terms = [rx for rx, i in rule_terms(label) if ids is None or i in ids]
    return re.compile(_WB + "(?:" + "|".join(terms) + ")" + _WE)


def rule_match_id(label: str, text: str) -> str | None:
    """The id of the first (longest) pattern of ``label`` matching exactly at the start of ``text``."""
    for rx, i in rule_terms(label):
        if re.match(rx + _WE, text):
            return i
    return None


_QUOTES = "“”\"„‟″"
_OPENER_BEFORE = " \t([{:;,-–—/“\"'"


def quoted_spans(text: str) -> list[tuple[int, int, bool]]:
    """Quotations in a sentence: (content start, content end, closed).

    Tolerates mismatched quote characters (“…" or "…“) and an unclosed quote
    followed by a new one (“A; phong trào “B”): the unclosed quotation ends at
    the last ";" before the next opening quote.

    >>> t = 'phong trào “A b; phong trào thi đua “C d“.'
    >>> [(t[s:e], c) for s, e, c in quoted_spans(t)]
    [('A b', False), ('C d', True)]
    """
    out: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in _QUOTES:
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        opener = (prev in _OPENER_BEFORE or i == 0) and not nxt.isspace() and nxt not in _QUOTES
        closer = not prev.isspace() and (i + 1 == n or not nxt.isalnum())
        if ch == "”" and open_at is None:
            continue
        if open_at is None:
            if opener:
                open_at = i + 1
            continue
        if closer and i > open_at:
            out.append((open_at, i, True))
            open_at = None
        elif opener:
            seg = text[open_at:i]
            cut = seg.rfind(";")
            end = open_at + cut if cut > 0 else i
            out.append((open_at, end, False))
            open_at = i + 1
    if open_at is not None:
        end = n
        while end > open_at and text[end - 1] in " .;,/…":
            end -= 1
        if end > open_at:
            out.append((open_at, end, False))
    return out


def clean_name(s: str) -> str:
    """Trim quotes, spaces and trailing punctuation from a name or theme."""
    s = s.strip().strip(_QUOTES).strip()
    s = re.sub(r"[\s.;,:/…]+$", "", s)
    return s.strip(_QUOTES).strip()


def article_province(a: Analysis) -> str | None:
    """The province the article is mostly about: most mentions in title and body (title first on ties)."""
    g = gazetteer()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    texts = ([a.title] if a.title else []) + [s.text for s in a.sentences]
    pos = 0
    for t in texts:
        for m in g.find_provinces(t or ""):
            counts[m.name] += 1
            first.setdefault(m.name, pos)
            pos += 1
    if not counts:
        return None
    return sorted(counts, key=lambda p: (-counts[p], first[p]))[0]


_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-–—]|đến(?: năm)?)\s*((?:19|20)\d{2})(?!\d)")


def find_period(text: str) -> str | None:
    """A period "2019-2025" written as "giai đoạn 2019 -2025", "(2021–2025)", "từ năm 2019 đến năm 2025"."""
    m = _YEAR_RANGE.search(text)
    return f"{m.group(1)}-{m.group(2)}" if m else None


def authority_before(text: str, end: int, default_province: str | None, max_gap: int = 40) -> str | None:
    """Canonical name of the organisation written last before ``end`` (the subject of a verb).

    Uses the gazetteer's authorities; falls back to a capitalised organisation
    phrase starting with an ``ORG_HEAD`` word ("Công an tỉnh Bình Định").
    """
    g = gazetteer()
    best = None
    for m in g.find_authorities(text[:end], default_province):
        gap = text[m.end:end]
        if len(gap) <= max_gap and not re.search(r"[;:]", gap):
            best = m.name
    if best:
        return best
    heads = rule_regex("ORG_HEAD")
    clause_start = max(text.rfind(",", 0, end), text.rfind(";", 0, end), text.rfind(":", 0, end)) + 1
    clause = text[clause_start:end]
    m = heads.search(clause)
    if m:
        phrase = org_phrase(clause[m.start():])
        if phrase and 1 <= len(phrase.split()) <= 14:
            return g.canonical_authority(phrase, default_province) or phrase
    return None


_ORG_LOWER = {"và", "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "tp", "tp."}


def org_phrase(text: str) -> str:
    """The organisation name at the start of ``text``, read on underthesea words: capitalised words,
    "và", place words and dashes ("Đài Phát thanh và Truyền hình tỉnh Bà Rịa - Vũng Tàu long trọng …"
    → "Đài Phát thanh và Truyền hình tỉnh Bà Rịa - Vũng Tàu")."""
    from extract.nlp import nlp

    doc = nlp().make_doc(text[:200])
    end = 0
    for tok in doc:
        w = tok.text
        if w[0].isupper() or w in ("-", "–", "&") or w.lower() in _ORG_LOWER:
            end = tok.idx + len(w)
            continue
        break
    phrase = text[:end]
    return re.sub(r"(?:\s+(?:và|tỉnh|thành phố|huyện|quận|thị xã|xã|-|–|&))+\s*$", "", phrase).strip()


# --------------------------------------------------------------------------------------------
# campaigns
# --------------------------------------------------------------------------------------------

_GAP_OK = re.compile(
    r"^\s*(?:(?i:thi đua)\s*)?(?P<kind>(?i:đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề))?\s*"
    r"(?:(?i:cao điểm|đợt)\s*)?(?:(?i:năm)\s+(?:19|20)\d{2}\s*)?"
    r"(?:(?i:mang tên|có tên(?: gọi)?|với tên gọi|với tên|tên gọi|là)\s*)?[:\-–]?\s*$"
)
_GROUP_KIND = re.compile(
    r"(?i:(?:các|những)\s+phong trào(?:\s+thi đua)?\s+(?P<k1>đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề)"
    r"|phong trào(?:\s+thi đua)?\s+(?P<k2>đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề)\s*(?:,\s*)?(?:như|gồm|là)\b)"
)
_LIST_INTRO = re.compile(r"(?i:như|gồm|bao gồm|là)\s*:?\s*$|[:;]\s*$|^\s*$")
_CLAUSE_END = re.compile(r"[;.!?]|\s(?:và|cùng)\s+(?=(?i:phong trào|cuộc vận động))|,\s*(?=(?i:phong trào|cuộc vận động))")


def _kind_word(s: str | None) -> str | None:
    if not s:
        return None
    s = s.lower()
    return "chuyên đề" if "chuyên đề" in s else s


def _group_kind(text: str) -> str | None:
    """Kind of the last group of movements named in ``text`` ("các phong trào thi đua chuyên đề")."""
    kind = None
    for m in _GROUP_KIND.finditer(text):
        kind = _kind_word(m.group("k1") or m.group("k2"))
    return kind


def _named_movement(text: str) -> tuple[int, int] | None:
    """Span of a well-known movement name at the start of ``text`` (longest), or None."""
    best = None
    for rx, _ in rule_terms("CAMPAIGN_NAME"):
        m = re.match(r"\s*(" + rx.replace(r"\s+", r"\s*[-–,]?\s*") + r")" + _WE, text)
        if m and (best is None or m.end(1) > best[1]):
            best = (m.start(1), m.end(1))
    return best


_LAUNCH_VERB = re.compile(
    r"(?i:(?:ban hành\s+(?:kế hoạch|KH)[^,;]{0,60}?\s+)?(?:(?:long trọng|chính thức)\s+)?(?:tổ chức\s+)?"
    r"(?:(?:lễ|hội nghị|buổi lễ)\s+)?(?P<v>phát động|khởi xướng|có))(?!\w)"
)
_BREAKS_LAUNCH = re.compile(r"(?i:hưởng ứng|thực hiện|triển khai|tham gia|gắn với|\bcủa\b|\bdo\b|[;:])")


def expand_org(name: str | None, text: str) -> str | None:
    """The fuller form of a short organisation name written elsewhere in the article.

    "Cục Thuế" with "Cục Thuế tỉnh Long An" in the text → "Cục Thuế tỉnh Long An".
    """
    if not name or gazetteer().find_provinces(name):
        return name
    short = re.sub(r"\s+(?:tỉnh|thành phố|TP\.?)$", "", name)
    for m in re.finditer(re.escape(short) + r"\s+(?:(?:tỉnh|thành phố|TP\.?)\s+)?", text):
        provs = gazetteer().find_provinces(text[m.end(): m.end() + 40])
        if provs and provs[0].start == 0:
            return text[m.start(): m.end() + provs[0].end]
    return name


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
        return True
    return False


def _campaigns_in(s: Sentence, prev_text: str | None, province: str | None) -> list[dict]:
    text = s.text
    quotes = quoted_spans(text)
    out: list[dict] = []
    cues = list(rule_regex("CAMPAIGN_CUE").finditer(text))
    for ci, cue in enumerate(cues):
        is_van_dong = cue.group(0).lower().startswith("cuộc")
        if is_van_dong and not re.search(r"(?i:phong trào|thi đua)", text):
            continue  # a cuộc vận động counts when the text treats it as an emulation movement
        nxt_cue = cues[ci + 1].start() if ci + 1 < len(cues) else len(text)
        name_span: tuple[int, int] | None = None
        kind = None
        closed = True
        q = next((q for q in quotes if q[0] - 1 >= cue.end()), None)
        if q and q[0] - 1 <= nxt_cue:
            gap = _GAP_OK.match(text[cue.end(): q[0] - 1])
            if gap:
                name_span, closed = (q[0], q[1]), q[2]
                kind = _kind_word(gap.group("kind"))
        if name_span is None:
            rest = text[cue.end():]
            kind_m = re.match(r"\s*(?i:(?P<k>đặc biệt|thường xuyên|(?:theo\s+)?chuyên đề))\b", rest)
            off = cue.end() + (kind_m.end() if kind_m else 0)
            named = _named_movement(text[off:])
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
        name = clean_name(text[name_span[0]: name_span[1]])
        if not closed:
            name = clean_name(re.split(r";|\s+(?i:phong trào)\s", name)[0])
        if len(name.split()) < 2:
            continue
        if not (text[name_span[0] - 1: name_span[0]] in _QUOTES):
            name = name[0].upper() + name[1:]
        # kind by grouping: "các phong trào thi đua chuyên đề, như: …"; or anaphora to the previous sentence
        if kind is None:
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
        out.append({
            "name": name,
            "kind": kind,
            "launched_by": _launcher(text, cue.start(), name_span[1], province),
            "period": period,
            "evidence": s.evidence(cue.start(), name_span[1]),
        })
    return out


def extract(a: Analysis) -> list[dict]:
    """Named campaigns, one object per distinct name (first mention wins, gaps filled by later ones).

    >>> from extract.frontend import analyze
    >>> a = analyze("Năm 2020, các đơn vị tích cực hưởng ứng phong trào thi đua yêu nước và phong trào thi đua năm 2020 của ngành.")
    >>> extract(a)
    []
    """
    province = article_province(a)
    found: dict[str, dict] = {}
    prev: str | None = None
    for s in a.sentences:
        for c in _campaigns_in(s, prev, province):
            key = match_key(c["name"])
            if c["launched_by"]:
                c["launched_by"] = expand_org(c["launched_by"], a.body_text)
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
    return list(found.values())


def names(items: Iterable[dict]) -> list[str]:
    """The names of campaign objects (handy in tests and the REPL)."""
    return [c["name"] for c in items]
