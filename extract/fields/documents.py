"""Documents cited by number: directives, plans, decisions, laws, circulars…

A citation is a document kind (``DOC_KIND`` in ``extract/rules/documents.jsonl``:
Chỉ thị, Quyết định, Kế hoạch, Nghị quyết, Thông tư, Nghị định, Luật, …)
followed — directly, after "số", or after a short title ("Luật Thi đua, Khen
thưởng số 06/2022/QH15") — by a document number, or a bare "số <number>" whose
type code implies the kind ("số 1234/QĐ-UBND" → Quyết định).  The date is the
"ngày dd/mm/yyyy" (or "ngày dd tháng mm năm yyyy") right after the number.
A number without a slash ("4500-KH") or an attachment file name
("4500-KH.signed.pdf") is not a citation.

>>> from extract.frontend import analyze
>>> a = analyze("Thực hiện Chỉ thị số 05/CT-BTTTT ngày 02/02/2021 của Bộ TT&TT và Kế hoạch 123/KH-UBND.")
>>> [(d["kind"], d["number"], d["date"]) for d in extract(a)]
[('Chỉ thị', '05/CT-BTTTT', '2021-02-02'), ('Kế hoạch', '123/KH-UBND', None)]
"""

from __future__ import annotations

import datetime as dt
import re

from extract.constructions.numerals import DOC_NUMBER
from extract.constructions.structure import LETTER_MARK
from extract.frontend import Analysis
from extract.patterns import rule_terms

_DATE_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:được\s+)?(?:ban hành|ký)\s+)?(?:ngày|ngày\s+ký)\s+"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d{2}))"
)


def _kinds_regex() -> str:
    return "|".join(f"(?P<k{i}>{rx})" for i, (rx, _) in enumerate(rule_terms("DOC_KIND")))


def _codes() -> dict[str, str]:
    out = {}
    for rx, kind in rule_terms("DOC_CODE"):
        code = re.sub(r"^\(\?:|\)$", "", rx).replace("\\", "")
        out[code] = kind
    return out


_CITATION: re.Pattern[str] | None = None


def _citation_re() -> re.Pattern[str]:
    global _CITATION
    if _CITATION is None:
        _CITATION = re.compile(
            r"(?<!\w)(?:(?:" + _kinds_regex() + r")(?:\s+[^\s/;:.()]+){0,8}?\s+(?i:số)?\s*|(?P<so>(?i:số))\s*:?\s*)"
            + DOC_NUMBER
            + r"(?![\w/])(?!\.(?:signed\.)?(?:pdf|docx?|xlsx?|zip|rar))"
        )
    return _CITATION


def kind_of(m: re.Match[str]) -> str | None:
    """Canonical kind of a citation match: the kind word nearest the number, else the number's type code.

    The nearest word decides in a chain of titles ("Luật Thi đua, Khen thưởng và
    Nghị định số 91/2017/NĐ-CP" → Nghị định).
    """
    terms = rule_terms("DOC_KIND")
    for i, (_, kind) in enumerate(terms):
        if m.group(f"k{i}"):
            head = m.string[m.end(f"k{i}"): m.start("number")]
            nearest = None
            for k in re.finditer(r"(?<!\w)(?:" + "|".join(f"(?P<j{j}>{rx})" for j, (rx, _) in enumerate(terms)) + r")(?!\w)", head):
                nearest = next(terms[j][1] for j in range(len(terms)) if k.group(f"j{j}"))
            return nearest or kind
    codes = _codes()
    parts = re.split(r"[/-]", re.sub(r"\s+", "", m.group("number")))
    for p in parts[1:]:
        if p in codes:
            return codes[p]
    if m.group("so") and LETTER_MARK.search(m.string[m.end(): m.end() + 250]):
        return "Công văn"  # "Số: 424/SGDĐT-TĐKT … V/v hướng dẫn …": a letter's own number, no type code in it
    return None


def doc_date(text: str) -> str | None:
    """ISO date of a "ngày 11/01/2021" / "ngày 11 tháng 01 năm 2021" at the start of ``text``."""
    m = _DATE_AFTER.match(text)
    if not m:
        return None
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


_ISSUED = re.compile(
    r"^\s*(?:(?i:ngày)\s+)?(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>(?:19|20)\d{2}))?"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>(?:19|20)\d{2}))?)\s*,"
    r"[^,;.“”\"]{0,80}?(?i:ký ban hành|đã ban hành|ban hành|đã ký|ký)\s*$"
)


def issue_date(before: str) -> str | None:
    """ISO date of a citation written as the object of a "ban hành" clause dated in full (year included).

    >>> issue_date("Ngày 16 tháng 5 năm 2021, Thủ tướng Chính phủ ký ban hành ")
    '2021-05-16'
    >>> issue_date("Ngày 3/4, UBND tỉnh ban hành ") is None  # no year written: not the document's full date
    True
    >>> issue_date("Thực hiện ") is None
    True
    """
    m = _ISSUED.match(before)
    if not m:
        return None
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    if not y:
        return None
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def extract(a: Analysis) -> list[dict]:
    """One object per distinct number (spaces removed), first citation wins; a later date fills a gap.

    >>> from extract.frontend import analyze
    >>> extract(analyze("Kế hoạch: Tải về 4500-KH.signed.pdf"))
    []
    """
    found: dict[str, dict] = {}
    for s in a.sentences:
        for m in _citation_re().finditer(s.text):
            number = re.sub(r"\s+", "", m.group("number")).rstrip("-/")
            if "/" not in number or not re.search(r"[A-ZĐ]", number):
                continue
            kind = kind_of(m)
            if kind is None:
                continue
            key = number.upper()
            date = doc_date(s.text[m.end():]) or issue_date(s.text[: m.start()])
            if key in found:
                if found[key]["date"] is None and date:
                    found[key]["date"] = date
                continue
            found[key] = {"kind": kind, "number": number, "date": date,
                          "evidence": s.evidence(m.start(), m.end())}
    # "Số 424/SGDĐT TĐKT" (a copy that lost its hyphen) and "Số: 424/SGDĐT-TĐKT": one document, the full number
    return [d for k, d in found.items() if not any(o != k and o.startswith(k + "-") for o in found)]
