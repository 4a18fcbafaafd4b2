"""Results tables written as text, and the units an article names only by their rank in them.

A review often prints its scoring table ("STT | Đơn vị | Tổng điểm | Xếp hạng")
and then speaks of "đơn vị xếp hạng nhất" or "hai đơn vị xếp thứ nhì và ba"
instead of naming them.  ``rank_table`` reads the table (the rank column, or
the score column when there is no rank column: the highest score ranks first);
``ranked_units`` turns such a reference into the units it points at.

>>> from extract.frontend import analyze
>>> a = analyze("Trên cơ sở bộ tiêu chí chấm điểm, kết quả thi đua năm 2024 của các đơn vị trong Khối như sau:\\n"
...             "STT | Đơn vị | Tổng điểm | Xếp hạng\\n"
...             "1 | Sở Y tế Nam Định | 91,5 | 2\\n2 | Sở Y tế Ninh Bình | 96 | 1\\n3 | Sở Y tế Hà Nam | 90 | 3")
>>> [i.text for i in ranked_units(a, "cho hai đơn vị xếp hạng nhì và ba")]
['Sở Y tế Nam Định', 'Sở Y tế Hà Nam']
"""

from __future__ import annotations

import re

from extract.constructions.lists import Item, split_list
from extract.frontend import Analysis

_RANK_HEADER = re.compile(r"^\s*(?i:xếp hạng|xếp thứ|thứ hạng|hạng|vị thứ)\s*$")
_SCORE_HEADER = re.compile(r"^\s*(?i:tổng điểm|tổng số điểm|điểm|số điểm|điểm đạt được|kết quả)\s*$")
_UNIT_HEADER = re.compile(r"^\s*(?i:đơn vị|tên đơn vị|tỉnh|tỉnh, thành phố|địa phương|cơ quan)\s*$")
_ORDINAL = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "I": 1, "II": 2, "III": 3}
_ORD = r"(?:nhất|nhì|hai|ba|tư|bốn|năm|sáu|I{1,3}|\d{1,2})"
_RANK_REF = re.compile(
    r"(?<![\w])(?:(?i:hai|ba|bốn|năm|\d{1,2})\s+)?(?i:đơn vị|tỉnh|sở|tập thể)\s+(?:(?i:được)\s+)?(?i:xếp|đứng|đạt)\s+"
    r"(?i:hạng|thứ|giải)\s+(?P<ranks>" + _ORD + r"(?:\s*(?:,|và|-|–)\s*(?:(?i:hạng|thứ)\s+)?" + _ORD + r")*)(?![\w])")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")]


def _number(cell: str) -> float | None:
    m = re.fullmatch(r"(\d+)(?:[,.](\d+))?", cell.strip())
    return float(f"{m.group(1)}.{m.group(2) or 0}") if m else None


def rank_table(a: Analysis) -> dict[int, Item]:
    """Rank → unit of the article's results table (absolute offsets), or {} (cached on the Analysis)."""
    cached = a.__dict__.get("_rank_table")
    if cached is not None:
        return cached
    table: dict[int, Item] = {}
    header: list[str] | None = None
    rows: list[tuple[list[str], int, str]] = []
    for s in a.sentences:
        if s.text.count("|") < 2:
            if rows:
                break
            header = None
            continue
        cells = _cells(s.text)
        if header is None:
            if any(_UNIT_HEADER.match(c) for c in cells) and any(_RANK_HEADER.match(c) or _SCORE_HEADER.match(c) for c in cells):
                header = cells
            continue
        if len(cells) == len(header):
            rows.append((cells, s.start, s.text))
    if header and rows:
        unit_col = next(i for i, c in enumerate(header) if _UNIT_HEADER.match(c))
        rank_col = next((i for i, c in enumerate(header) if _RANK_HEADER.match(c)), None)
        score_col = next((i for i, c in enumerate(header) if _SCORE_HEADER.match(c)), None)
        ranked: list[tuple[float, list[str], int, str]] = []
        for cells, start, text in rows:
            if rank_col is not None:
                key = _number(cells[rank_col])
            else:  # no rank column: the highest score ranks first
                score = _number(cells[score_col]) if score_col is not None else None
                key = -score if score is not None else None
            if key is not None:
                ranked.append((key, cells, start, text))
        ranked.sort(key=lambda r: r[0])
        for n, (key, cells, start, text) in enumerate(ranked, 1):
            rank = int(key) if rank_col is not None else n
            cell = cells[unit_col]
            offset = start + text.index(cell)
            items = [it for it in split_list(cell, offset) if it.count is None]
            if items and rank not in table:
                table[rank] = items[0]
    a.__dict__["_rank_table"] = table
    return table


def ranked_units(a: Analysis, phrase: str) -> list[Item]:
    """The units a phrase names by rank ("đơn vị xếp hạng nhất", "hai đơn vị xếp thứ nhì và ba"), else []."""
    m = _RANK_REF.search(phrase)
    if not m:
        return []
    table = rank_table(a)
    ranks = [int(r) if r.isdigit() else _ORDINAL.get(r, _ORDINAL.get(r.lower(), 0))
             for r in re.findall(_ORD, m.group("ranks"))]
    units = [table[r] for r in ranks if r in table]
    return [Item(u.text, u.start, u.end, u.province, person=u.person) for u in units] if len(units) == len(ranks) else []
