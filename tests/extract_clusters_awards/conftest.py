"""Fixtures: the hand-written test articles beside their expected clusters and awards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.frontend import analyze

ARTICLES = Path(__file__).resolve().parent / "articles"


def article_names() -> list[str]:
    return sorted(p.stem for p in ARTICLES.glob("*.txt"))


@pytest.fixture(scope="session")
def analysed():
    """name → (Analysis, expected dict), analysed once per session."""
    cache: dict[str, tuple] = {}

    def get(name: str):
        if name not in cache:
            text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
            expected = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
            cache[name] = (analyze(text), expected)
        return cache[name]

    return get


def clusters_of(a) -> list[dict]:
    """The clusters of an analysed article as ``thidua extract`` gives them (members from its awards included)."""
    from extract.fields import read_fields

    return read_fields(a)["clusters"]
