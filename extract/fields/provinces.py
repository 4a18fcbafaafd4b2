"""Provinces named in the article body (canonical ``provinces.csv`` names).

Every provincial-level unit the body names: as a place, inside a unit's name
("Sở TT&TT TP Cần Thơ") or in a list.  Cities below province level
("thành phố Điện Biên Phủ") and boilerplate lines do not count.

>>> from extract.frontend import analyze
>>> [p["name"] for p in extract(analyze("Tới dự có Sở TT&TT TP Cần Thơ, Bà Rịa -Vũng Tàu và đại diện thành phố Điện Biên Phủ của tỉnh này."))]
['Cần Thơ', 'Bà Rịa - Vũng Tàu']
"""

from __future__ import annotations

from extract.frontend import Analysis
from extract.gazetteer import gazetteer


def extract(a: Analysis) -> list[dict]:
    """One ``{"name", "evidence"}`` per province, in order of first mention."""
    g = gazetteer()
    seen: dict[str, dict] = {}
    for s in a.sentences:
        for m in g.find_provinces(s.text):
            if m.name not in seen:
                seen[m.name] = {"name": m.name, "evidence": s.evidence(m.start, m.end)}
    return list(seen.values())
