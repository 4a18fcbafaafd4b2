"""Helpers shared by the campaign, theme, event, document and people extractors.

Vocabulary lives in ``extract/rules/*.jsonl``; :func:`rule_regex` turns the
patterns of one label into a character regex so the field modules can work on
sentence text with offsets.  Also: quotations (:func:`quoted_spans`), the
article's main province, the organisation acting before a verb, periods.

>>> find_period("phát động phong trào thi đua giai đoạn 2021 – 2025")
'2021-2025'
>>> t = 'phong trào “Dân vận khéo” của tỉnh'
>>> [t[s:e] for s, e, _ in quoted_spans(t)]
['Dân vận khéo']
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.nlp import load_patterns

# --------------------------------------------------------------------------------------------

_WB = r"(?<![\w&])"
_WE = r"(?![\w&])"


def _words(phrase: str) -> str:
    return r"\s*[-–]\s*".join(r"\s+".join(re.escape(w) for w in part.split()) for part in re.split(r"\s*[-–]\s*", phrase))


def _token_regex(tok: dict) -> tuple[str, bool]:
    """Regex for one spaCy token pattern (LOWER / TEXT / NORM: a string, IN list or REGEX) and its optionality."""
    for attr in ("LOWER", "NORM", "TEXT", "ORTH"):
        if attr in tok:
            val = tok[attr]
            if isinstance(val, dict) and "REGEX" in val:
                rx = val["REGEX"].lstrip("^").rstrip("$")
            else:
                vals = val["IN"] if isinstance(val, dict) else [val]
                rx = "|".join(_words(v) for v in sorted(vals, key=len, reverse=True))
            rx = f"(?i:{rx})" if attr in ("LOWER", "NORM") else f"(?:{rx})"
            return rx, tok.get("OP") == "?"
    raise ValueError(f"unsupported token pattern {tok!r}")


def pattern_regex(pattern: str | list[dict]) -> str:
    """Character regex for a span_ruler pattern (a phrase matches case-insensitively, like the ruler's LOWER).

    >>> re.fullmatch(pattern_regex([{"LOWER": "cụm"}, {"LOWER": "số", "OP": "?"}]), "Cụm  số") is not None
    True
    """
    if isinstance(pattern, str):
        return "(?i:" + _words(pattern) + ")"
    out = ""
    for tok in pattern:
        rx, optional = _token_regex(tok)
        if not out:
            out = f"(?:{rx})?" if optional else rx
        else:
            out += rf"(?:\s*{rx})?" if optional else rf"\s*{rx}"
    return out


@functools.lru_cache(maxsize=None)
def rule_terms(label: str) -> tuple[tuple[str, str], ...]:
    """(regex, id) of every pattern labelled ``label`` in extract/rules/*.jsonl, longest first."""
    terms = [(pattern_regex(p["pattern"]), p.get("id", "")) for p in load_patterns() if p.get("label") == label]
    if not terms:
        raise LookupError(f"no rule patterns labelled {label!r} in extract/rules")
    return tuple(sorted(terms, key=lambda t: len(t[0]), reverse=True))


@functools.lru_cache(maxsize=None)
def rule_regex(label: str, ids: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """One alternation of the patterns of ``label`` (only those with an id in ``ids``, if given).

    No capturing groups, so callers may splice ``.pattern`` into larger regexes.

    >>> bool(rule_regex("CAMPAIGN_CUE").search("các Phong trào thi đua"))
    True
    """
    terms = [rx for rx, pid in rule_terms(label) if ids is None or pid in ids]
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
    >>> t = "Ông nói: “Năm nay, hưởng ứng phong trào 'Vì người nghèo' ở xã M'Nông”."
    >>> [t[s:e] for s, e, _ in quoted_spans(t)]
    ["Năm nay, hưởng ứng phong trào 'Vì người nghèo' ở xã M'Nông", 'Vì người nghèo']
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
    # single quotes, mostly nested in reported speech: "… hưởng ứng phong trào 'Cả nước chung tay …' …"
    out += [(m.start(1), m.end(1), True) for m in _SINGLE_QUOTED.finditer(text)]
    return sorted(out)


# an opening ' or ‘ after a space or bracket, content of two words or more, a closing ' or ’ not inside a word
# ("M'Nông", "Đắk R'lấp" have no space before the mark)
_SINGLE_QUOTED = re.compile(r"(?:(?<=[\s(“\"])|^)['‘]([^'‘’\s][^'‘’]*?\s[^'‘’]*?[^'‘’\s])['’](?!\w)")


_SENTENCE_END = re.compile(r"[.!?…;:]\s*[”\"]?\s*$")


def rejoin_broken_quotes(a: Analysis) -> list[Sentence]:
    """Body sentences, with a quotation broken over a line break put back into one sentence.

    Saved pages often wrap a long name: the line ends inside an open quotation,
    without a full stop, and the next line goes on in lower case and closes it
    (``… phong trào thi đua "Ngành Y tế đoàn kết, đổi mới,`` / ``thi đua lập
    thành tích chào mừng Đại hội"``).  The joined sentence keeps the first one's
    index and offsets (the line break becomes a space: same length).

    >>> from extract.frontend import analyze
    >>> a = analyze("Sáng 5/3, Sở Y tế phát động phong trào thi đua “Ngành Y tế đoàn kết, đổi mới,\\n"
    ...             "thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh” trong toàn ngành.")
    >>> [s.text for s in rejoin_broken_quotes(a)]
    ['Sáng 5/3, Sở Y tế phát động phong trào thi đua “Ngành Y tế đoàn kết, đổi mới, thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh” trong toàn ngành.']
    """
    out: list[Sentence] = []
    sents = a.sentences
    i = 0
    while i < len(sents):
        s = sents[i]
        j = i
        text = s.text
        while j + 1 < len(sents) and _quote_runs_on(text, sents[j + 1].text, a.text[sents[j].end: sents[j + 1].start]):
            j += 1
            text = a.text[s.start: sents[j].end]
        if j > i:
            s = Sentence(s.index, s.start, sents[j].end, re.sub(r"\s", " ", text), s.is_title)
        out.append(s)
        i = j + 1
    return out


def _quote_runs_on(text: str, nxt: str, gap: str) -> bool:
    """``text`` ends inside an open quotation that ``nxt``, on the next line, goes on with and closes."""
    if "\n" not in gap or gap.strip() or _SENTENCE_END.search(text):
        return False
    qs = quoted_spans(text)
    if not qs or qs[-1][2] or not any(ch in _QUOTES for ch in text[qs[-1][0] - 1: qs[-1][0]]):
        return False
    first = nxt.lstrip()[:1]
    if not first or not first.islower():
        return False
    c = next((i for i, ch in enumerate(nxt) if ch in _QUOTES), None)  # the first quote mark must close
    return c is not None and c > 0 and not nxt[c - 1].isspace() and (c + 1 == len(nxt) or not nxt[c + 1].isalnum())


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


def cut_predicate(name: str) -> str:
    """Drop a lower-case predicate glued to an organisation or title by the tokenizer
    (``POSITION_STOP`` in people.jsonl).

    >>> cut_predicate("Sở Y tế đã")
    'Sở Y tế'
    >>> cut_predicate("Sở Giáo dục và Đào tạo đề nghị")
    'Sở Giáo dục và Đào tạo'
    """
    stop = rule_regex("POSITION_STOP").search(name)
    return name[: stop.start()].rstrip() if stop and stop.start() > 0 else name


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
            best = cut_predicate(m.name)
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
    phrase = cut_predicate(text[:end])
    return re.sub(r"(?:\s+(?:và|tỉnh|thành phố|huyện|quận|thị xã|xã|-|–|&))+\s*$", "", phrase).strip()


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
