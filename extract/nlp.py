"""The spaCy pipeline: underthesea tokenizer, gazetteer component, span_ruler rules.

Tokenisation is decided once: underthesea ``word_tokenize`` words, with every
multi-word phrase of the rule files and gazetteers passed as ``fixed_words`` so a
phrase pattern ("Bằng khen", "Cụm trưởng", "Bà Rịa - Vũng Tàu") is one token in
the patterns and in the text alike.  Offsets are kept: tokens are aligned back
to the sentence with ``spacy.util.get_words_and_spaces``.

>>> doc = nlp()("Sở Y tế tỉnh Bình Dương được tặng Bằng khen của Bộ trưởng Bộ Y tế.")
>>> [t.text for t in doc][:8]
['Sở', 'Y tế', 'tỉnh', 'Bình Dương', 'được', 'tặng', 'Bằng khen', 'của']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import get_words_and_spaces, registry

from extract.gazetteer import gazetteer
from extract.patterns import load_patterns

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.cfg"


@registry.misc("thidua.rules.v1")
def rules_v1() -> list[dict]:
    """Span-ruler patterns from extract/rules/*.jsonl."""
    return load_patterns()


def fixed_words(patterns: Iterable[dict]) -> list[str]:
    """Multi-word phrases that underthesea must keep as one word."""
    words: set[str] = set()
    for p in patterns:
        if isinstance(p.get("pattern"), str) and " " in p["pattern"].strip():
            phrase = p["pattern"].strip()
            words.update({phrase, phrase.lower(), phrase[0].upper() + phrase[1:]})
    words.update(_award_surfaces())
    g = gazetteer()
    for prov in g.provinces.values():
        for s in (prov.name, *prov.aliases):
            if " " in s:
                words.add(s)
    for city in g.cities:
        if " " in city:
            words.add(city)
    # fixed_words are compiled into a regex with only spaces escaped: keep regex-safe entries; whole
    # slogans ("Nông dân thi đua sản xuất, kinh doanh giỏi, …") are not words and upset the segmenter
    return sorted((w for w in words if not any(c in w for c in ".,;:()[]?*+|^$\\{}\"“”")
                   and len(w.split()) <= MAX_FIXED_WORDS), key=len, reverse=True)


#: Longest phrase (in syllables) kept as one token.
MAX_FIXED_WORDS = 6


def _award_surfaces() -> set[str]:
    """Multi-word award names of data/gazetteers/awards.csv ("Bằng khen", "Cờ thi đua", "Huân chương Lao động")."""
    import csv

    path = HERE.parent / "data" / "gazetteers" / "awards.csv"
    with open(path, encoding="utf-8") as fh:
        return {row["surface"] for row in csv.DictReader(fh) if " " in row["surface"]}


class WordSegmenter:
    """underthesea's word segmentation with the fixed words compiled once.

    ``underthesea.word_tokenize(text, fixed_words=…)`` escapes every fixed word and recompiles its syllable regex on
    each call, which costs more than segmenting a short sentence; this keeps the compiled regex and calls the same
    syllable rules (``regex_tokenize``) and the same CRF model.  ``tests/extract/test_frontend.py`` checks that both
    give the same words.
    """

    def __init__(self, fixed: list[str]) -> None:
        from underthesea.pipeline.word_tokenize import regex_tokenize as rt

        self._rt = rt
        fixed_pattern = "(?P<fixed_words>\\b" + "\\b|\\b".join(w.replace(" ", "\\ ") for w in fixed) + "\\b)" if fixed else None
        parts = ([fixed_pattern] if fixed_pattern else []) + list(rt.regex_patterns)
        self._patterns = re.compile(r"(" + "|".join(parts) + ")", re.VERBOSE | re.UNICODE)
        self._model = None

    def __call__(self, text: str) -> list[str]:
        rt = self._rt
        from underthesea.pipeline.text_normalize.token_normalize import token_normalize

        tokens = [rt.extract_match(m)[0] for m in self._patterns.finditer(rt.normalize_characters_in_text(text))]
        tokens = [token_normalize(t, use_character_normalize=True) for t in tokens]
        if self._model is None:
            from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
            from underthesea.pipeline import word_tokenize as wt

            self._model = FastCRFSequenceTagger()
            self._model.load(str(Path(wt.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"))
        tags = self._model.predict([[t] for t in tokens])
        out: list[str] = []
        for n, (tag, token) in enumerate(zip(tags, tokens)):
            if tag == "I-W" and n > 0:
                out[-1] = out[-1] + " " + token
            else:
                out.append(token)
        return out


class UndertheseaTokenizer:
    """spaCy tokenizer producing underthesea words, offsets preserved."""

    def __init__(self, vocab, fixed: list[str]) -> None:
        self.vocab = vocab
        self.fixed = fixed
        self.segment = WordSegmenter(fixed)

    def __call__(self, text: str) -> Doc:
        words = [w for w in self.segment(text) if w.strip()] if text.strip() else []
        try:
            ws, spaces = get_words_and_spaces(words, text)
        except ValueError:  # underthesea altered the text: fall back to whitespace tokens
            ws, spaces = get_words_and_spaces(text.split(), text)
        return Doc(self.vocab, words=ws, spaces=spaces)

    def to_disk(self, path, **kwargs) -> None:  # pragma: no cover - nothing to save
        pass

    def from_disk(self, path, **kwargs):  # pragma: no cover
        return self


@registry.tokenizers("thidua.underthesea_tokenizer.v1")
def create_tokenizer():
    def make(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab, fixed_words(load_patterns()))

    return make


@Language.factory("thidua_gazetteer", default_config={"spans_key": "gaz"})
def make_gazetteer(nlp: Language, name: str, spans_key: str):
    return GazetteerComponent(spans_key)


class GazetteerComponent:
    """Sets ``doc.spans[spans_key]``: PROVINCE, CITY and AUTHORITY spans (``span.kb_id_`` = canonical name)."""

    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        g = gazetteer()
        spans = []
        for m in g.find_places(doc.text) + g.find_authorities(doc.text):
            sp = doc.char_span(m.start, m.end, label=m.kind, kb_id=m.name, alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
        doc.spans[self.spans_key] = spans
        return doc


@functools.lru_cache(maxsize=1)
def nlp() -> Language:
    """The extractor's spaCy pipeline, built once per process from ``extract/config.cfg``."""
    config = spacy.util.load_config(CONFIG)
    pipeline = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    pipeline.initialize()
    return pipeline


def span_evidence(sentence, span: Span) -> dict:
    """Evidence record (absolute offsets) for a spaCy span of a sentence's doc."""
    return sentence.evidence(span.start_char, span.end_char)
