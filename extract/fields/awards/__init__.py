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

import re

from extract.constructions.lists import split_list
from extract.constructions.numerals import emulation_years
from extract.constructions.places import article_province, one_province_view
from extract.constructions.structure import cut_edge
from extract.fields.awards.headings import _heading_list
from extract.fields.awards.mentions import _article_ministry, _Ctx, award_kinds
from extract.fields.awards.recipients import (
    _LIST_LINE,
    _drop_position_places,
    _recipient_province,
    _recipient_text,
)
from extract.fields.awards.sentence import _awards_in, _status
from extract.frontend import Analysis
from extract.gazetteer import UPPER, gazetteer
from extract.normalize import fold


def _key(x: dict) -> tuple:
    # "cán bộ và Nhân dân xã Hồng Quang (Lâm Bình)" in a caption is the body's "… xã Hồng Quang"
    name = re.sub(r"\s*\([^()]*\)\s*$", "", x["recipient"] or "").lower()
    who = (("p", x["province"]) if x["province"] else ("r", name) if x["recipient"]
           else ("n", x["count"], x.get("_noun")))
    return (x["award"], who, x["status"])


def extract(a: Analysis) -> list[dict]:
    """Every award of the article, one object per recipient (duplicates merged, the most specific kept)."""
    return _extract(a)


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


def _opens_with_award(text: str) -> bool:
    m = award_kinds()[1].search(text[:80])
    return m is not None and not text[: m.start()].strip(" -–•+*0123456789.)")


def _extract(a: Analysis) -> list[dict]:
    province = article_province(a)
    ctx = _Ctx(province, _article_ministry(a, province), emulation_years(a), single_province=one_province_view(a),
               cut_at=cut_edge(a))
    merged: dict[tuple, list[dict]] = {}
    header: str | None = None
    last: tuple[int, str] | None = None  # the sentence index and status of the last award read
    for s in a.sentences:
        if not _LIST_LINE.match(s.text):
            header = None
        carried = header
        if carried is None and last is not None and last[0] == s.index - 1 and _opens_with_award(s.text):
            # "… đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 89 cá nhân. Bằng khen của Thủ tướng Chính phủ:
            # 7 cá nhân.": a sentence that opens with an award and no cue goes on with the one before it
            carried = last[1]
        for x in _awards_in(s, ctx, a, carried) or _heading_list(a, s.index, ctx):
            last = (s.index, x["status"])
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
            header = _status(s.text, "") or header  # a sub-list's own line ("1. Cờ thi đua … gồm:") keeps the intro's status
    out = [x for same in merged.values() for x in same]
    out = _named_in_next_sentence(a, out, ctx)
    out += _persons_after_units(a, out, ctx)
    _same_kind_same_conferrer(a, out)
    out = [x for x in out if not _told_again(x, out) and not _summed_up(x, out) and not _said_in_general(x, out)]
    for x in out:
        x.pop("_noun", None)
    return out


_UNITS_AGAIN = re.compile(r"(?i:cho|tới)\s+(?:(?i:hai|ba|bốn|năm)|0?\d)\s+(?i:đơn vị|tập thể|sở|tỉnh)(?:\s+(?i:này|trên))?\s*(?:,|$)")


def _named_in_next_sentence(a: Analysis, awards: list[dict], ctx: _Ctx) -> list[dict]:
    """A count named in the next sentence: "… có 3 giáo viên được tặng bằng khen. 3 giáo viên được khen gồm cô giáo
    A, Trường B; cô giáo C, …" gives A and C their own awards in place of the count."""
    out: list[dict] = []
    for x in awards:
        idx = x["evidence"]["sentence_index"]
        if x["count"] is None or x["recipient"] is not None or idx + 1 >= len(a.sentences):
            out.append(x)
            continue
        nxt = a.sentences[idx + 1]
        head = re.match(rf"^\s*(?:(?i:cả|các|những)\s+)?0*{x['count']}\s+[^:;.]{{1,60}}?(?<![\w])(?i:gồm|gồm có|là)(?![\w])\s*:?\s*",
                        nxt.text)
        items = [it for it in split_list(nxt.text[head.end():], head.end()) if it.count is None] if head else []
        items = _drop_position_places(nxt.text, items)
        if not items or len(items) < min(2, x["count"]):
            out.append(x)
            continue
        for it in items:
            y = dict(x, recipient=_recipient_text(it), province=_recipient_province(it, ctx), count=None)
            y["evidence"] = nxt.evidence(it.start, it.end)
            out.append(y)
    return out


_UNITS_AND_PERSONS = re.compile(r"(?<![\w])0*(\d{1,3})\s+(?i:tập thể\s*,?\s*(?:và\s+)?cá nhân)\s+(?i:gồm|gồm có|là)\s*:")
_PERSONS_HEAD = re.compile(r"^\s*(?:(?i:về|còn)\s+)?(?:(?i:các|những)\s+)?(?i:cá nhân)\s*(?:(?i:có|gồm|gồm có|là)\s*)?:\s*")
_PERSON_OPENS = r"(?:[-–+•]\s*)?(?i:ông|bà|đồng chí|anh|chị)\s"  # a person's line or list item: "- Ông", "Bà"
_PERSON_LINE = re.compile(r"^\s*" + _PERSON_OPENS + r"\s*(?P<name>" + UPPER + r"\w*(?:\s+" + UPPER
                          + r"\w*){1,3})(?=\s*[,(\-–]|\s*$)")
_NEXT_PERSON = re.compile(r";\s*(?=" + _PERSON_OPENS + ")")


def _persons_after_units(a: Analysis, awards: list[dict], ctx: _Ctx) -> list[dict]:
    """The persons of a count of units and persons, named after its units: "… trao danh hiệu Anh hùng Lao động cho 10
    tập thể, cá nhân gồm: A; B; C. / Về cá nhân có: Ông D, Chủ tịch …, tỉnh An Giang. / Bà E, Giám đốc …" — each
    person (one a paragraph, or listed after the head) gets the award, until the count is full."""
    out: list[dict] = []
    by_sentence: dict[tuple[int, str, str], list[dict]] = {}
    for x in awards:
        if x["recipient"]:
            by_sentence.setdefault((x["evidence"]["sentence_index"], x["award"], x["status"]), []).append(x)
    for (idx, _, _), named in by_sentence.items():
        m = _UNITS_AND_PERSONS.search(a.sentences[idx].text)
        if not m or len(named) >= int(m.group(1)) or idx + 1 >= len(a.sentences):
            continue
        left = int(m.group(1)) - len(named)
        head = _PERSONS_HEAD.match(a.sentences[idx + 1].text)
        if not head:
            continue
        j, offset = idx + 1, head.end()
        while left > 0 and j < len(a.sentences):
            s = a.sentences[j]
            p = _PERSON_LINE.match(s.text[offset:])
            if not p:
                break
            rest = s.text[offset + p.end():]
            provs = gazetteer().find_provinces(rest.split(";")[0])
            y = dict(named[0], recipient=p.group("name"), province=provs[-1].name if provs else None, count=None)
            y["evidence"] = s.evidence(offset + p.start("name"), offset + p.end("name"))
            out.append(y)
            left -= 1
            # several persons in one paragraph, after ";": "Ông D, …; bà E, …"
            nxt = _NEXT_PERSON.search(rest)
            if nxt:
                offset += p.end() + nxt.end()
                continue
            j, offset = j + 1, 0
    return out


def _same_kind_same_conferrer(a: Analysis, awards: list[dict]) -> None:
    """An award told without its conferrer is the one the article has named for that kind before: "Bộ trưởng Bộ
    GD&ĐT tặng bằng khen cho 200 nhà giáo …; tỉnh Quảng Trị có 3 giáo viên được tặng bằng khen" — when the article
    names one conferrer only for the kind — and the text does not leave it open ("trình cấp trên xét tặng
    Bằng khen": a higher level, unnamed)."""
    for x in awards:
        if x["level"] is not None or x["conferred_by"] is not None:
            continue
        ev = x["evidence"]
        if re.search(r"(?i:cấp trên)", ev["sentence"][: ev["start"] - a.sentences[ev["sentence_index"]].start][-80:]):
            continue
        here = ev["sentence_index"]
        named = {(o["conferred_by"], o["level"]) for o in awards if o["award"] == x["award"] and o["conferred_by"]
                 and o["evidence"]["sentence_index"] < here}
        if len(named) == 1:
            x["conferred_by"], x["level"] = next(iter(named))


def _summed_up(x: dict, awards: list[dict]) -> bool:
    """A count that sums up recipients the article goes on to name ("17 tập thể, cá nhân vinh dự được tặng danh
    hiệu Anh hùng Lao động, Anh hùng Lực lượng vũ trang nhân dân" and, below, each of them named): no recipients
    of its own.  The named ones must be most of the count, under the awards of the count's sentence."""
    if x["count"] is None or x["recipient"] is not None:
        return False
    here = x["evidence"]["sentence_index"]
    kinds = {o["award"] for o in awards if o["evidence"]["sentence_index"] == here and o["count"] == x["count"]
             and o["recipient"] is None}
    named = [o for o in awards if o["award"] in kinds and o["status"] == x["status"] and o["recipient"] is not None
             and o["evidence"]["sentence_index"] > here]
    return len(named) >= max(2, 0.7 * x["count"])


def _said_in_general(x: dict, awards: list[dict]) -> bool:
    """An award given to recipients spoken of in general ("trao danh hiệu … tặng các tập thể, cá nhân") when the
    article names or counts that award's recipients elsewhere: the same awards, told in general."""
    return x["recipient"] is None and x["count"] is None and any(
        o is not x and o["award"] == x["award"] and (o["recipient"] is not None or o["count"] is not None) for o in awards)


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
