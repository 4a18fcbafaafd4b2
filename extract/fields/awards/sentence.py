"""The awards of one sentence: mentions, recipients, status (proposed / conferred), real or not (a
rule, a target, a plan), and the achievement year."""

from __future__ import annotations

import re

from extract.constructions.lists import Item, bullet_items, split_list
from extract.constructions.numerals import _NUM_WORDS, YEAR, year_of
from extract.constructions.tables import _RANK_REF, ranked_units
from extract.fields.awards.mentions import Mention, _conferrer_after, _conferrer_before, _Ctx, _mentions
from extract.fields.awards.recipients import (
    _ANAPHOR,
    _GIVE_AGAIN,
    _PASSIVE,
    _RECIPIENT_START,
    _drop_position_places,
    _honoured_unit,
    _honoured_units,
    _named_after_count,
    _recipient_end,
    _recipient_province,
    _recipient_text,
    _recipients_before,
    anaphoric_recipient,
)
from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.patterns import find_rules, mask


def _not_real(window: str) -> bool:
    return bool(find_rules("AWARD_NOT_REAL", mask(window, "AWARD_NOT_REAL_EXCEPT")))


def _status(window: str, after: str) -> str | None:
    colon = window.rfind(":")
    if colon > 0 and not find_rules("AWARD_PROPOSE", mask(window[max(0, colon - 50):colon], "AWARD_CUE_EXCEPT")):
        # "Sau khi xem xét các hồ sơ đề nghị khen thưởng, Hội đồng thống nhất: Tặng …": what was agreed after the
        # colon says the status, not the proposals talked of before it (unless they lead straight into it)
        own = _status(window[colon + 1:], after)
        if own is not None:
            return own
    w = mask(window, "AWARD_CUE_EXCEPT")
    if find_rules("AWARD_PROPOSE", w):
        return "proposed"
    if find_rules("AWARD_CONFER", w):
        return "conferred"
    a = mask(after[:40], "AWARD_CUE_EXCEPT")
    if re.match(r"^\s*(?:[^,;]{0,30}?)(?i:được trao|được tặng|được trao tặng|trao cho|tặng cho)", a):
        return "conferred"
    # "Cờ thi đua … được Đại tá A, Chỉ huy trưởng BĐBP tỉnh trao cho Đồn B": the giver between
    if re.match(r"^\s*(?:[^;.]{0,60}?\s)?(?i:được)\s[^;.]{2,100}?\s(?i:trao|tặng|trao tặng)\s+(?i:cho)\s", after[:200]):
        return "conferred"
    return None


_YEAR_SPAN = re.compile(r"(?i:từ(?: năm)?|giai đoạn)\s+((?:19|20)\d{2})\s*(?:[-–]|(?i:đến|tới)(?: năm)?)\s*((?:19|20)\d{2})")


def _for_year(text: str, start: int, end: int, ctx: _Ctx, status: str) -> int | None:
    # the award's own clause, then the rest of its sentence: a span's end year, else "năm N"
    for part in (text[start:end], re.split(r"[;.](?:\s|$)", text[end:])[0]):
        if m := _YEAR_SPAN.search(part):
            return int(m.group(2))
        if m := YEAR.search(part):
            return year_of(m)
    m = re.match(r"^(?:[^,;]{0,30}\s)?(?i:năm)\s+((?:19|20)\d{2})\s*,", text[:start])  # "Năm 2024, Bộ … tặng …"
    if m:
        return int(m.group(1))
    return ctx.years.review


_BARE_GIVE = re.compile(r"[\s,;]*(?:(?i:và|đồng thời|cùng|cho)\s+)*(?:(?i:xét tặng|tặng|trao tặng)\s*)?(?:(?i:danh hiệu)\s*)?")


# a count written right before the award ("42 Bằng khen", "hai Cờ thi đua"), not a date or a code ("20/11")
_AWARDS_COUNTED = re.compile(r"(?<![\w./-])(0*\d{1,4}|" + "|".join(w for w in _NUM_WORDS if w != "năm") + r")\s+$", re.I)


# a window whose only conferral cue is the noun "khen thưởng" (a form of award, not an act) or a bare "nhận" (in a
# proposal's list, "A nhận Cờ thi đua, B nhận Bằng khen" says what each is put up for)
_ONLY_NOUN_CUE = re.compile(r"(?:(?!(?i:trao|tặng|đón nhận|công nhận|đạt|giành|gắn|vinh dự)(?![\w])).)*")


# "đề nghị Bộ A tặng Cờ thi đua cho X và UBND tỉnh tặng cờ thi đua cho Y": the proposal governs the second giver too
_ANOTHER_GIVER = re.compile(r"\s*(?:,\s*)?(?i:và)\s+[^,;.]{2,50}?\s+(?:(?i:xét)\s+)?(?i:tặng|trao tặng)\s*")
# recipients spoken of in general: "các tập thể", "tập thể và cá nhân", "các đơn vị có thành tích …"
_GENERIC_RECIPIENTS = re.compile(r"^\s*(?:(?i:các|những)\s+(?:(?i:tập thể|cá nhân|đơn vị)(?:\s*(?:,|và)\s*(?i:cá nhân))?)"
                                 r"|(?i:tập thể)\s*(?:,|và)\s*(?i:cá nhân))(?![\w])")
_NEXT_GIVER = re.compile(r"\s(?:(?i:và)|,)\s+(?P<who>[^,;]{2,50}?)\s+(?:(?i:đã|cũng|sẽ)\s+)?(?=(?i:tặng|trao|xét tặng|trao tặng)(?![\w]))")


def _sentence_subject(a: Analysis, text: str, before: int) -> Item | None:
    """The unit that opens a sentence as its subject, before ``before``, when a later clause leaves it out."""
    if before <= 0:
        return None
    first = _PASSIVE.search(text, 0, before) or _KEEPS.search(text, 0, before)
    if not first:
        return None
    items, off = _recipients_before(text, 0, first.start())
    named = [it for it in items if it.count is None]
    if len(named) == 1:
        return named[0]
    return anaphoric_recipient(a, text[off:first.start()].rstrip(" ,")) if not named else None


_KEEPS = re.compile(r"(?<![\w])(?i:giữ vững|duy trì)(?![\w])")


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
        if nxt and re.fullmatch(r"\s*(?:,|và|,\s*và|hoặc)\s*(?:(?i:tặng|trao|trao tặng)\s+)?", text[m.end:nxt.start]):
            shares_next[i] = True
            continue
        after = text[m.end:]
        r = _RECIPIENT_START.match(after)
        counted = _AWARDS_COUNTED.search(text, max(0, m.start - 12), m.start)
        if r is None and counted:
            # "trao tặng 1 Huân chương Lao động hạng Nhì; 42 Bằng khen của Thủ tướng Chính phủ": so many awards,
            # their recipients unnamed
            n = counted.group(1)
            count = int(n) if n.isdigit() else _NUM_WORDS[n.lower()]
            resolved[i] = ([Item(text[counted.start():m.end], counted.start(), m.end, count=count, noun="award")],
                           counted.start(), m.end)
            prev_end = m.end
            continue
        if r:
            seg_start = m.end + r.end()
            seg = text[seg_start:]
            if nxt:
                seg = seg[: max(0, nxt.start - seg_start)]
            stop = _recipient_end(seg)
            # "… tặng Cờ thi đua cho Trường A và UBND tỉnh tặng cờ thi đua cho Trường B": the authority before the
            # next giving verb opens the next clause, it receives nothing
            nxt_subject = _NEXT_GIVER.search(seg)
            if nxt_subject and gazetteer().find_authorities(nxt_subject.group("who")):
                stop = min(stop, nxt_subject.start())
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
            items = _named_after_count(a, s, items, seg_start, seg_start + len(seg), nxt.start if nxt else len(text))
            if not items and a is not None and nxt is None and text.rstrip().endswith(":"):
                # "… tặng Cờ thi đua cho các đơn vị sau:" and one recipient a line
                items = [Item(it.text, it.start - s.start, it.end - s.start, it.province, it.count, it.noun, it.person)
                         for it in _drop_position_places(a.text, bullet_items(a, s.index))]
            if not items and _GENERIC_RECIPIENTS.match(seg):
                # "trao giấy khen của Chủ tịch UBND thị xã cho tập thể và cá nhân đạt thành tích …": given, to whom
                # the text does not say
                items = [Item("", seg_start, seg_start)]
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
            if not items and a is not None:
                # "Nhiều năm liền, tập thể nhà trường đạt danh hiệu …" — the article's own unit; "…; 4 năm liền được
                # nhận …, 1 năm được nhận Cờ thi đua" — the sentence's subject goes on over its clauses
                unit = anaphoric_recipient(a, text[off:c_start + verb.start()].rstrip(" ,")) \
                    or _sentence_subject(a, text, c_start)
                items = [Item(unit.text, m.start, m.start, unit.province)] if unit else []
            if not items and _GENERIC_RECIPIENTS.match(text[off:c_start + verb.start()].split(",")[-1]):
                items = [Item("", off, off)]  # "Các tập thể được trao tặng danh hiệu …": unnamed and uncounted
            # "Có 2 giáo viên được tặng Bằng khen của Bộ trưởng …, gồm: cô giáo A, …; thầy giáo B, …"
            items = _named_after_count(a, s, items, m.end, m.end, nxt.start if nxt else len(text))
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
                _BARE_GIVE.fullmatch(window) or _GIVE_AGAIN.search(window) or _ONLY_NOUN_CUE.fullmatch(
                    mask(window, "AWARD_CUE_EXCEPT")) or _ANOTHER_GIVER.fullmatch(window)):
            # "… thống nhất đề nghị Bằng khen cho 18 cá nhân; …; khen thưởng công tác từ thiện cho 5 cá nhân
            # (Huân chương … cho 1 cá nhân …)": a list item of the proposal, "khen thưởng" its heading
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
        for name, level in m.co_conferrers:  # one award from each giver listed
            out += [dict(_record(m, it, ctx, year, status, s), conferred_by=name, level=level) for it in items]
    return out


def _record(m: Mention, it: Item, ctx: _Ctx, year: int | None, status: str, s: Sentence) -> dict:
    """The contract object of one award to one recipient (a count when the text names none).  A recipient cut off by
    the end of an excerpt ("… tặng Cờ thi đua cho Công an tỉ") is no name: the award stands, its recipient unknown."""
    cut = (it.count is None and it.end >= len(s.text.rstrip()) and ctx.cut_at is not None and s.end >= ctx.cut_at
           or it.count is None and not it.text)  # an unnamed, uncounted recipient
    return {
        "award": m.award,
        "level": m.level,
        "conferred_by": m.conferred_by,
        "recipient": None if it.count is not None or cut else _recipient_text(it),
        "province": None if it.count is not None or cut else _recipient_province(it, ctx),
        "count": it.count,
        "for_year": year,
        "status": status,
        "evidence": s.evidence(m.start, m.end),
        "_noun": it.noun,
    }
