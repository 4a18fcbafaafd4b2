"""Document structure that the text as saved hides: lines hard-wrapped inside a sentence.

Plain-text copies of formal plans and of some portals wrap every line at a fixed width, so a sentence —
and a name inside it — runs over several lines ("… gồm Liên" / "đoàn lao động tỉnh (Khối" / "phó), …").
:func:`rejoin_wrapped_lines` turns those line breaks back into spaces before the page is split into body
lines and sentences.  Every other character stays where it was, so offsets into the text keep their
meaning.

A line break is a wrap when the line before it does not end a sentence (and has three words or more, or
stands inside a paragraph) and either

* the next line goes on in lower case ("… gồm Liên" / "đoàn lao động tỉnh"), or
* the line (six words or more) ends with a word that cannot end a sentence — a conjunction, a preposition
  or a title ("… Hội Nông dân tỉnh và" / "Hội Liên hiệp phụ nữ tỉnh.", "… dự hội nghị có ông" / "Nguyễn …"), or
* the line ends with "năm", "số", "ngày" or "tháng" and the next goes on with its number ("… tỉnh năm" / "2016.").

Headings, list items, table rows and menu bars never join: a line that starts with a bullet or an
enumerator, or either line holding a cell separator "|", stands on its own.

>>> rejoin_wrapped_lines("các đơn vị trong khối gồm Liên\\nđoàn lao động tỉnh (Khối\\nphó), Hội Nông dân tỉnh.")
'các đơn vị trong khối gồm Liên đoàn lao động tỉnh (Khối phó), Hội Nông dân tỉnh.'
>>> rejoin_wrapped_lines("Tin tức\\nHội nghị tổng kết năm 2020.\\n- Sở Y tế;\\n- Sở Tư pháp.")
'Tin tức\\nHội nghị tổng kết năm 2020.\\n- Sở Y tế;\\n- Sở Tư pháp.'
"""

from __future__ import annotations

import re

_ENDS_SENTENCE = re.compile(r"[.!?…;:]\s*[”\"’)]*\s*$|^\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[-–+•*·›»”]|\(?\d{1,2}[.)]|\(?[a-zđ][.)]|[IVX]{1,4}[.)])\s*")
# words that leave a phrase open: the sentence goes on past the line break
_OPEN_END = re.compile(
    r"(?<![\w])(?:và|của|các|những|cho|với|tại|trong|gồm|là|ông|bà|đồng chí|theo|về|đến|từ|thuộc|do|để|nhằm)\s*$")

# "… tỉnh năm" / "2016.": a year or a number goes on from its word
_NUMBER_WORD_END = re.compile(r"(?<![\w])(?:năm|số|ngày|tháng)\s*$")


def rejoin_wrapped_lines(text: str) -> str:
    """``text`` with the line breaks inside wrapped sentences replaced by spaces (same length)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = list(text)
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[i + 1]
        in_paragraph = len(line.split()) >= 3 or bool(i and lines[i - 1].strip())
        if (in_paragraph and nxt.strip() and "|" not in line and "|" not in nxt
                and not _ENDS_SENTENCE.search(line) and not _STARTS_ITEM.match(nxt)
                and (nxt.lstrip()[0].islower() or len(line.split()) >= 6 and _OPEN_END.search(line)
                     or _NUMBER_WORD_END.search(line) and nxt.lstrip()[0].isdigit())):
            out[pos] = " "
        pos += 1
    return "".join(out)


def cut_edge(a) -> int | None:
    """Where an excerpt stops mid-word or mid-list: the end of its last body sentence when that sentence ends without
    a sentence mark ("… tặng Cờ thi đua cho Công an tỉ"), else None.  Facts whose scored parts run into the cut are
    incomplete."""
    if not a.sentences:
        return None
    last = a.sentences[-1]
    tail = last.text.rstrip()
    if re.search(r"[.!?…;:”\"’)»]$", tail) or len(tail.split()) < 4:
        return None
    return last.end


# an administrative letter (công văn): its subject line "V/v …" and its addressees "Kính gửi: …"
LETTER_MARK = re.compile(r"(?<![\w/])V/v\s|(?i:kính gửi)\s*:")
