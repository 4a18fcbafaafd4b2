"""One extractor module per output field family; each exposes ``extract(a: Analysis) -> list``.

The order is the contract's field order (``../shared/spec/extraction.md``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

FIELD_MODULES: dict[str, str] = {
    "provinces": "extract.fields.provinces",
    "clusters": "extract.fields.clusters",
    "campaigns": "extract.fields.campaigns",
    "themes": "extract.fields.themes",
    "awards": "extract.fields.awards",
    "events": "extract.fields.events",
    "documents": "extract.fields.documents",
    "people": "extract.fields.people",
}


def extractors() -> dict[str, Callable[[Any], list]]:
    """Field name → extractor function."""
    return {name: importlib.import_module(mod).extract for name, mod in FIELD_MODULES.items()}
