"""The Vietnamese NLP front end: normalise, find the body, split sentences, tokenise.

``analyze(text)`` is the single entry point of every extractor.  It

1. normalises the text once (``extract.normalize.normalize_text``); every
   offset reported downstream points into ``Analysis.text``;
2. separates the article body from page chrome (``extract.boilerplate``);
3. splits body lines into sentences with underthesea's ``sent_tokenize``,
   re-joining sentences that a split cut inside a quotation;
4. tokenises, lazily and only the sentences a reader asks for, into a spaCy
   ``Doc`` of underthesea ``word_tokenize`` words (multi-word terms of the rule
   files and gazetteers are ``fixed_words``, so patterns and text tokenise
   alike); the readers walk its words where a name's end is a word boundary
   (``Sentence.doc``).  The full pipeline, with gazetteer spans in
   ``doc.spans["gaz"]`` and rule matches in ``doc.spans["rules"]``, is
   ``Sentence.annotated()``: nothing in the extractor pays for it;
5. runs underthesea's slow ``pos_tag``/``ner`` only when an extractor asks, on
   a bounded window around the words in question (``Analysis.pos``/``ner``).

>>> a = analyze("Sáng 20/2, tại tỉnh Điện Biên, Cụm thi đua số 3 tổ chức hội nghị tổng kết phong trào thi đua năm 2022.")
>>> [s.text[:24] for s in a.sentences]
['Sáng 20/2, tại tỉnh Điện']
>>> [t.text for t in a.sentences[0].doc][:6]
['Sáng', '20/2', ',', 'tại', 'tỉnh', 'Điện Biên']
>>> [(sp.text, sp.label_) for sp in a.sentences[0].annotated().spans["gaz"]]
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
        """spaCy Doc of the sentence's underthesea words (tokenised once, on first use)."""
        if self._doc is None:
            from extract.nlp import nlp

            self._doc = nlp().make_doc(self.text)
        return self._doc

    def annotated(self):  # -> spacy.tokens.Doc
        """The sentence through the whole spaCy pipeline: ``spans["gaz"]`` and ``spans["rules"]`` set."""
        from extract.nlp import nlp

        return nlp()(self.doc)

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
    _pos: dict[tuple, list] = field(default_factory=dict, repr=False)
    _ner: dict[tuple, list] = field(default_factory=dict, repr=False)

    def pos(self, sentence: Sentence, start: int = 0, end: int | None = None) -> list[tuple[str, str]]:
        """underthesea ``pos_tag`` of the words around ``start:end`` of a sentence (the whole sentence when it is
        short; slow: call only where needed; cached)."""
        return self._tagged(self._pos, "pos_tag", sentence, start, end)

    def ner(self, sentence: Sentence, start: int = 0, end: int | None = None) -> list[tuple[str, str, str, str]]:
        """underthesea ``ner`` of the words around ``start:end`` of a sentence: (word, POS, chunk, NER) tuples."""
        return self._tagged(self._ner, "ner", sentence, start, end)

    def _tagged(self, cache: dict, fn: str, sentence: Sentence, start: int, end: int | None) -> list:
        """underthesea's taggers build features in time quadratic in the length of what they are given: a window of
        at most ``TAG_WINDOW`` characters around the span keeps each call bounded."""
        s, e = tag_window(sentence.text, start, len(sentence.text) if end is None else end)
        key = (sentence.index, s, e)
        if key not in cache:
            import underthesea

            cache[key] = getattr(underthesea, fn)(sentence.text[s:e])
        return cache[key]

    def memo(self, key: str, compute):
        """``compute(self)`` once per article: what every field reader asks of the whole article (its province,
        its emulation years) is read once, not once per reader."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute(self)
        return cache[key]

    def line_prefix(self, sentence: Sentence) -> str:
        """The text of the sentence's line before it: "" at a line start, "1. " when the splitter left a
        list's enumerator out of the sentence."""
        return self.text[self.text.rfind("\n", 0, sentence.start) + 1: sentence.start]

    @property
    def body_text(self) -> str:
        return "\n".join(s.text for s in self.sentences)


#: Characters of context given to underthesea's POS tagger and NER around the words asked about.
TAG_WINDOW = 300


def tag_window(text: str, start: int, end: int) -> tuple[int, int]:
    """A span of ``text`` around ``start:end``, at most about ``TAG_WINDOW`` characters wider, cut at spaces.

    >>> tag_window("ông Nguyễn Văn A", 4, 16)
    (0, 16)
    """
    if len(text) <= TAG_WINDOW + (end - start):
        return 0, len(text)
    s = max(0, start - TAG_WINDOW // 2)
    e = min(len(text), end + TAG_WINDOW // 2)
    if s > 0:
        s = text.find(" ", s) + 1 or s
    if e < len(text):
        e = text.rfind(" ", start, e) if text.rfind(" ", start, e) > end else e
    return s, e


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
    # tiny fragments ("/.") are not sentences; a run of words with no sentence mark (a list or table page with its
    # markup stripped) is cut into pieces of bounded length, so that no reader works on one unbounded "sentence"
    return [piece for s, e in merged if re.search(r"\w{2,}", line[s:e]) for piece in _bounded(line, s, e)]


#: Longest sentence read as one (characters).  Sentences of real articles stay under ~1,200; a longer one is a list
#: or a table run together, cut at its last ";", "," or space before the bound.
MAX_SENTENCE = 2000


def _bounded(line: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    while e - s > MAX_SENTENCE:
        window = line[s: s + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < MAX_SENTENCE // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else MAX_SENTENCE
        out.append((s, s + cut))
        s += cut
        while s < e and line[s] == " ":
            s += 1
    if e > s:
        out.append((s, e))
    return out


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
def load_models() -> None:
    """Load the gazetteer and the taggers once (``extract.api.warm_up`` also compiles every field's patterns)."""
    gazetteer()
    analyze("Sở TT&TT tỉnh Bình Dương tổ chức hội nghị tổng kết phong trào thi đua năm 2020.").sentences[0].annotated()
