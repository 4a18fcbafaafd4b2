"""Hand-written pages imitating real portal markup (portals.md): one test per (fixture × field)."""

from __future__ import annotations

import functools

import pytest

from crawler.pages import parse_page

from .conftest import FIXTURES, load_fixture

NAMES = sorted(p.stem for p in FIXTURES.glob("*.json"))


@functools.cache
def parsed(name: str):
    url, body, expected = load_fixture(name)
    return parse_page(url, body), expected


def _cases():
    for name in NAMES:
        _url, _body, expected = load_fixture(name)
        for field in expected:
            yield pytest.param(name, field, id=f"{name}-{field}")


@pytest.mark.parametrize("name,field", list(_cases()))
def test_fixture_field(name: str, field: str) -> None:
    page, expected = parsed(name)
    want = expected[field]
    art = page.article
    if field in {"family", "kind", "afr_loop", "form"}:
        assert getattr(page, field) == want
    elif field == "article":
        assert (art is None) == (want is None)
    elif field == "canonical":
        assert art.url == want
    elif field in {"title", "published", "author", "views", "attachments", "summary", "text"}:
        assert getattr(art, field) == want
    elif field == "text_startswith":
        assert art.text.startswith(want), art.text[:120]
    elif field == "text_endswith":
        assert art.text.endswith(want), art.text[-120:]
    elif field == "text_excludes":
        for chrome in want:
            assert chrome not in art.text
    elif field == "links":
        got = {(link.kind, link.url) for link in page.links}
        for kind, url in want:
            assert (kind, url) in got, sorted(got)
    else:  # pragma: no cover - a typo in a fixture JSON must fail loudly
        raise AssertionError(f"unknown expected field {field!r} in {name}.json")
