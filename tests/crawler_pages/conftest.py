"""Shared helpers for the page-parser tests: saved bytes beside JSON expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SAMPLE = HERE.parent.parent / "data" / "sample_site"
HOST = "http://127.0.0.1:8765"


def load_fixture(name: str) -> tuple[str, bytes, dict]:
    spec = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return spec["url"], (FIXTURES / f"{name}.html").read_bytes(), spec["expected"]


@pytest.fixture(scope="session")
def manifest() -> list[dict]:
    return json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))
