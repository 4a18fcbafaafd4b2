"""`thidua eval`: extract every article of a gold directory and score it.

The scoring is the maintainers' ``shared/eval/score.py`` (standard library,
stable contract), vendored as ``extract/scoring.py`` so that a clone without
``../shared`` can still evaluate; the tests check that both give the same
numbers.  Predictions go through a JSONL file exactly as ``score.py`` reads
them, so ``thidua eval`` prints what the maintainers' scorer prints.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from extract import scoring
from extract.api import InputError, extract_path


def gold_articles(gold_dir: Path) -> list[Path]:
    """Articles with gold: every NAME.txt/.html/.htm that has a NAME.json beside it."""
    out = []
    for gold in sorted(gold_dir.glob("*.json")):
        for ext in (".txt", ".html", ".htm"):
            art = gold.with_suffix(ext)
            if art.exists():
                out.append(art)
                break
    return out


def predict(gold_dir: Path, out: Path) -> int:
    """Extract every gold article of ``gold_dir`` into JSONL ``out``; returns the count."""
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a directory")
    arts = gold_articles(gold_dir)
    if not arts:
        raise InputError(f"{gold_dir}: no NAME.json gold file with a NAME.txt or NAME.html beside it")
    with open(out, "w", encoding="utf-8") as fh:
        for art in arts:
            fh.write(json.dumps(extract_path(art), ensure_ascii=False) + "\n")
    return len(arts)


def evaluate(gold_dir: Path, *, details: bool = False, as_json: bool = False,
             predictions: Path | None = None) -> str:
    """Extract and score ``gold_dir``; returns score.py's printed report."""
    with tempfile.TemporaryDirectory() as tmp:
        pred = predictions or Path(tmp) / "predictions.jsonl"
        predict(gold_dir, pred)
        argv = [str(gold_dir), str(pred)] + (["--details"] if details else []) + (["--json"] if as_json else [])
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            scoring.main(argv)
    return buf.getvalue()


def scores(gold_dir: Path) -> dict:
    """Scores as a dict: ``{"fields": {name: {"p", "r", "f1"} | None}, "macro_f1": float}``."""
    return json.loads(evaluate(gold_dir, as_json=True))
