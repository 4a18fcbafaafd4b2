"""Fixtures: the hand-written articles of this directory with their expected fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parent / "articles"
DEV = Path("/work/shared/corpus/dev")


def article_paths() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))


@pytest.fixture(scope="session")
def analysed():
    """Analysis of every test article, computed once: name → (Analysis, expected dict)."""
    from extract.frontend import analyze

    out = {}
    for p in article_paths():
        out[p.stem] = (analyze(p.read_text(encoding="utf-8")), json.loads(p.with_suffix(".json").read_text(encoding="utf-8")))
    return out


def strip(items: list[dict]) -> list[dict]:
    """Contract objects without their evidence."""
    return [{k: v for k, v in d.items() if k != "evidence"} for d in items]
