"""The Vietnamese NLP front end: normalise, find the body, split sentences, tokenise.

``analyze(text)`` is the single entry point of every extractor.  It

1. normalises the text once (``extract.normalize.normalize_text``); every
   offset reported downstream points into ``Analysis.text``;
2. separates the article body from page chrome (``extract.boilerplate``);
3. splits body lines into sentences with underthesea's ``sent_tokenize``,
   re-joining sentences that a split cut inside a quotation;
4. builds, lazily per sentence, a spaCy ``Doc`` on underthesea ``word_tokenize``
   words (multi-word terms from the rule files and gazetteers are passed as
   ``fixed_words`` so that patterns and text tokenise alike), with gazetteer
   spans in ``doc.spans["gaz"]`` and rule matches in ``doc.spans["rules"]``;
5. runs underthesea's slow ``pos_tag``/``ner`` only when an extractor asks for
   a sentence (``Analysis.pos``/``Analysis.ner``), and caches the result.

>>> a = analyze("Sáng 20/2, tại tỉnh Điện Biên, Cụm thi đua số 3 tổ chức hội nghị tổng kết phong trào thi đua năm 2022.")
>>> [s.text[:24] for s in a.sentences]
['Sáng 20/2, tại tỉnh Điện']
>>> [(sp.text, sp.label_) for sp in a.sentences[0].doc.spans["gaz"]]
[('Điện Biên', 'PROVINCE')]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from extract.boilerplate import split_page
from extract.constructions.structure import rejoin_wrapped_lines
from extract.gazetteer import gazetteer
from extract.normalize import normalize_text

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"


@dataclass
class Sentence:
    """A body sentence: its index, character span in ``Analysis.text`` and text."""

    index: int
    start: int
    end: int
    text: str
    is_title: bool = False
    _doc: Any = field(default=None, repr=False)

    @property
    def doc(self):  # -> spacy.tokens.Doc
        """spaCy Doc on underthesea words, with ``spans["gaz"]`` and ``spans["rules"]``."""
        if self._doc is None:
            from extract.nlp import nlp

            self._doc = nlp()(self.text)
        return self._doc

    def abs(self, offset: int) -> int:
        """Absolute offset in the article text of an offset inside this sentence."""
        return self.start + offset

    def evidence(self, start: int | None = None, end: int | None = None) -> dict:
        """Evidence record for a span (sentence-relative offsets; whole sentence by default)."""
        s = self.start if start is None else self.start + start
        e = self.end if end is None else self.start + end
        return {"sentence_index": self.index, "sentence": self.text, "start": s, "end": e}


@dataclass
class Analysis:
    """A normalised article: text, body sentences, title and reference date."""

    raw: str
    text: str
    sentences: list[Sentence]
    title: str | None
    published: dt.date | None
    year: int | None
    _pos: dict[int, list] = field(default_factory=dict, repr=False)
    _ner: dict[int, list] = field(default_factory=dict, repr=False)

    def pos(self, sentence: Sentence) -> list[tuple[str, str]]:
        """underthesea ``pos_tag`` of a sentence (slow: call only where needed; cached)."""
        if sentence.index not in self._pos:
            from underthesea import pos_tag

            self._pos[sentence.index] = pos_tag(sentence.text)
        return self._pos[sentence.index]

    def ner(self, sentence: Sentence) -> list[tuple[str, str, str, str]]:
        """underthesea ``ner`` of a sentence: (word, POS, chunk, NER) tuples; cached."""
        if sentence.index not in self._ner:
            from underthesea import ner

            self._ner[sentence.index] = ner(sentence.text)
        return self._ner[sentence.index]

    def line_prefix(self, sentence: Sentence) -> str:
        """The text of the sentence's line before it: "" at a line start, "1. " when the splitter left a
        list's enumerator out of the sentence."""
        return self.text[self.text.rfind("\n", 0, sentence.start) + 1: sentence.start]

    @property
    def body_text(self) -> str:
        return "\n".join(s.text for s in self.sentences)


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence spans within one body line (underthesea punkt, quote-aware)."""
    from underthesea import sent_tokenize

    spans: list[tuple[int, int]] = []
    pos = 0
    for sent in sent_tokenize(line):
        sent = sent.strip()
        if not sent:
            continue
        i = line.find(sent, pos)
        if i < 0:  # the splitter changed the text: fall back to the whole rest of the line
            spans.append((pos, len(line)))
            pos = len(line)
            break
        spans.append((i, i + len(sent)))
        pos = i + len(sent)
    if pos < len(line.rstrip()) and spans:
        spans[-1] = (spans[-1][0], len(line.rstrip()))
    elif not spans and line.strip():
        spans.append((0, len(line.rstrip())))
    # re-join splits made inside a quotation: “… . …”
    merged: list[tuple[int, int]] = []
    depth = 0
    for s, e in spans:
        chunk = line[s:e]
        # … and splits with no space after the stop: a domain or a number ("Baoquangninh.com.vn", "1.204.388")
        if merged and (depth > 0 or s == merged[-1][1]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
        depth += sum(chunk.count(q) for q in _OPEN_QUOTES) - sum(chunk.count(q) for q in _CLOSE_QUOTES)
        depth += chunk.count('"') % 2 if depth == 0 else 0
        depth = max(depth, 0)
    # tiny fragments ("/.") are not sentences
    return [(s, e) for s, e in merged if re.search(r"\w{2,}", line[s:e])]


def _reference_year(published: dt.date | None, title: str | None, sentences: list[Sentence]) -> int | None:
    if published:
        return published.year
    for text in ([title] if title else []) + [s.text for s in sentences[:2]]:
        years = [int(y) for y in _YEAR.findall(text or "")]
        if years:
            return max(years)
    return None


def analyze(text: str, *, published: str | dt.date | None = None, title: str | None = None) -> Analysis:
    """Analyse a saved article text (boilerplate and all).

    ``published`` (ISO date or date) overrides the date found in the page's
    header lines; ``title`` the title found there (both come from HTML metadata
    when the input was a page).
    """
    norm = rejoin_wrapped_lines(normalize_text(text))
    page = split_page(norm)
    sentences: list[Sentence] = []
    for s, e in page.body:
        line = norm[s:e]
        is_title = page.title_span == (s, e)
        for a, b in _split_line(line) if not is_title else [(0, len(line))]:
            sentences.append(Sentence(len(sentences), s + a, s + b, line[a:b], is_title=is_title))
    pub: dt.date | None = None
    if isinstance(published, dt.date):
        pub = published
    elif isinstance(published, str) and published:
        try:
            pub = dt.date.fromisoformat(published[:10])
        except ValueError:
            pub = None
    if pub is None and page.date:
        try:
            pub = dt.date(*page.date)
        except ValueError:
            pub = None
    title = title or page.title
    return Analysis(norm if text else "", norm, sentences, title, pub, _reference_year(pub, title, sentences))


@functools.lru_cache(maxsize=1)
def warm_up() -> None:
    """Load the models and patterns once (useful before timing or forking workers)."""
    gazetteer()
    analyze("Sở TT&TT tỉnh Bình Dương tổ chức hội nghị tổng kết phong trào thi đua năm 2020.").sentences[0].doc
