"""Written lists of units: inline after an opener (gồm, bao gồm, là, a colon), one per bulleted or
numbered line, or one per table row; their items with province, person or unnamed count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.constructions.numerals import leading_count
from extract.constructions.units import mask_firm_and, starts_with_position, unit_heads
from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.patterns import find_rules, mask

_LIST_SEP = re.compile(r"\s*(?:[,;]|\s(?:và|cùng|với)\s|\s*[-–]\s+(?=[A-ZĐ][^\s]*\s))\s*")


_LEAD_JUNK = re.compile(r"^(?:\s+|(?i:cho|các|của|là|gồm|bao gồm|gồm có|như|và|tới|đến)(?![\w])\s*|[:;,()\-–]\s*"
                        r"|(?i:tập thể|đơn vị)\s+(?=[A-ZĐ]))+")


_TRAIL_JUNK = re.compile(r"[\s,;:.(\-–]+$")


_PROVINCE_WORD = re.compile(r"(?i:\s*(?:các\s+)?(?:tỉnh, thành phố|tỉnh, thành|tỉnh|thành phố|TP\.?)\s*)$")


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
    masked = mask_firm_and(text, mask(text, "CLUSTER_NAME_PART"))
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
            bracket = re.search(r"\((?:(?i:tỉnh|thành phố|TP\.?)\s*)?$", piece[:provs[-1].start])
            if len(provs) > 1 and bracket and re.fullmatch(r"\s*\)?\s*", piece[provs[-1].end:]):
                # "Công ty Cổ phần Tập đoàn Thái Bình Seed (tỉnh Hưng Yên)": the province in brackets is where it is
                p = provs[-1]
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
    ("STT | Đơn vị | Nhiệm vụ") is skipped.  The list ends where the bullets change kind: under "1. Cờ thi đua …
    gồm:" the dashed lines are its items and "2. Bằng khen …" is the next heading, not one of them."""
    out: list[tuple[Sentence, int, int]] = []
    kind: str | None = None
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
        prefix = a.line_prefix(s)
        # the splitter may leave the enumerator out of the sentence: "1. Cục Thống kê tỉnh Thanh Hóa;"
        bullet = m.group(0) if m else prefix if prefix.strip() and _BULLET.fullmatch(prefix) else None
        if bullet is None:
            break
        this = "number" if bullet.strip()[:1].isdigit() else "letter" if bullet.strip()[:1].isalpha() else "mark"
        if kind is not None and this != kind:
            break
        kind = this
        out.append((s, m.end(), len(s.text)) if m else (s, 0, len(s.text)))
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
