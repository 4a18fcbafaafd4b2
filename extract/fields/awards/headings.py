"""Award lists laid out as headings: the award on its own line, the recipients one per line below.

    … các tập thể, cá nhân vinh dự đón nhận:          (or "… đề nghị khen thưởng như sau:")
    1. Bằng khen của Thủ tướng Chính phủ               (or "b) Cờ thi đua của Bộ …:")
    Khoa Hồi sức tích cực - Chống độc;
    Bác sĩ Phạm Văn Thắng, Trưởng khoa Ngoại chấn thương.
"""

from __future__ import annotations

import re

from extract.boilerplate import ENUMERATOR
from extract.constructions.lists import split_list
from extract.fields.awards.mentions import Mention, _conferrer_after, _Ctx, _mentions
from extract.fields.awards.recipients import _drop_position_places, _recipient_end
from extract.fields.awards.sentence import _for_year, _not_real, _record, _status
from extract.frontend import Analysis, Sentence

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
