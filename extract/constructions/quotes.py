"""Quotations: names and slogans in quotes, quotes broken over a line, and cleaned names.

>>> t = 'phong trào “Dân vận khéo” của tỉnh'
>>> [t[s:e] for s, e, _ in quoted_spans(t)]
['Dân vận khéo']
"""

from __future__ import annotations

import re

from extract.frontend import Analysis, Sentence

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
