"""Rules as data: the span_ruler patterns of ``extract/rules/*.jsonl``, and their character regexes.

The patterns are spaCy's own format (``{"label", "pattern", "id"}``), loaded by the
pipeline's span_ruler (``extract/config.cfg``) and compiled here into regexes over
sentence text so that every reader works with character offsets.

>>> bool(rule_regex("CAMPAIGN_CUE").search("các Phong trào thi đua"))
True
>>> [h.id for h in find_rules("CLUSTER_ROLE", "Sở A làm Cụm trưởng, Sở B làm Cụm phó")]
['leader', 'deputy']
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent / "rules"

def load_patterns(rules_dir: Path = RULES_DIR) -> list[dict]:
    """Every span_ruler pattern in ``rules_dir/*.jsonl`` (one JSON object a line, ``#`` comments)."""
    patterns: list[dict] = []
    for path in sorted(rules_dir.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                patterns.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not a JSON pattern ({e.msg})") from None
    return patterns


WB = r"(?<![\w&])"


WE = r"(?![\w&])"


def phrase_regex(phrase: str) -> str:
    return r"\s*[-–]\s*".join(r"\s+".join(re.escape(w) for w in part.split()) for part in re.split(r"\s*[-–]\s*", phrase))


def _token_regex(tok: dict) -> tuple[str, bool]:
    """Regex for one spaCy token pattern (LOWER / TEXT / NORM: a string, IN list or REGEX) and its optionality."""
    for attr in ("LOWER", "NORM", "TEXT", "ORTH"):
        if attr in tok:
            val = tok[attr]
            if isinstance(val, dict) and "REGEX" in val:
                rx = val["REGEX"].lstrip("^").rstrip("$")
            else:
                vals = val["IN"] if isinstance(val, dict) else [val]
                rx = "|".join(phrase_regex(v) for v in sorted(vals, key=len, reverse=True))
            rx = f"(?i:{rx})" if attr in ("LOWER", "NORM") else f"(?:{rx})"
            return rx, tok.get("OP") == "?"
    raise ValueError(f"unsupported token pattern {tok!r}")


def pattern_regex(pattern: str | list[dict]) -> str:
    """Character regex for a span_ruler pattern (a phrase matches case-insensitively, like the ruler's LOWER).

    >>> re.fullmatch(pattern_regex([{"LOWER": "cụm"}, {"LOWER": "số", "OP": "?"}]), "Cụm  số") is not None
    True
    """
    if isinstance(pattern, str):
        return "(?i:" + phrase_regex(pattern) + ")"
    out = ""
    for tok in pattern:
        rx, optional = _token_regex(tok)
        if not out:
            out = f"(?:{rx})?" if optional else rx
        else:
            out += rf"(?:\s*{rx})?" if optional else rf"\s*{rx}"
    return out


@functools.cache
def rule_terms(label: str) -> tuple[tuple[str, str], ...]:
    """(regex, id) of every pattern labelled ``label`` in extract/rules/*.jsonl, longest first."""
    terms = [(pattern_regex(p["pattern"]), p.get("id", "")) for p in load_patterns() if p.get("label") == label]
    if not terms:
        raise LookupError(f"no rule patterns labelled {label!r} in extract/rules")
    return tuple(sorted(terms, key=lambda t: len(t[0]), reverse=True))


@functools.cache
def rule_regex(label: str, ids: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """One alternation of the patterns of ``label`` (only those with an id in ``ids``, if given).

    No capturing groups, so callers may splice ``.pattern`` into larger regexes.

    >>> bool(rule_regex("CAMPAIGN_CUE").search("các Phong trào thi đua"))
    True
    """
    terms = [rx for rx, pid in rule_terms(label) if ids is None or pid in ids]
    return re.compile(WB + "(?:" + "|".join(terms) + ")" + WE)


def rule_match_id(label: str, text: str) -> str | None:
    """The id of the first (longest) pattern of ``label`` matching exactly at the start of ``text``."""
    for rx, i in rule_terms(label):
        if re.match(rx + WE, text):
            return i
    return None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    id: str
    text: str


def find_rules(label: str, text: str) -> list[Hit]:
    """Non-overlapping matches of a rule label, left to right (longest pattern at a position)."""
    terms = rule_terms(label)
    return [Hit(m.start(), m.end(), terms[int(m.lastgroup[1:])][1], m.group(0))
            for m in _named_rule_regex(label).finditer(text)]


@functools.cache
def _named_rule_regex(label: str) -> re.Pattern[str]:
    """``rule_regex`` with one named group per pattern: ``m.lastgroup`` is ``g<i>`` of ``rule_terms(label)[i]``."""
    alts = [f"(?P<g{i}>{rx})" for i, (rx, _) in enumerate(rule_terms(label))]
    return re.compile(WB + "(?:" + "|".join(alts) + ")" + WE)


def mask(text: str, label: str) -> str:
    """``text`` with every match of ``label`` blanked out with "_" (same length, so offsets stay valid)."""
    return rule_regex(label).sub(lambda m: "_" * len(m.group(0)), text)
