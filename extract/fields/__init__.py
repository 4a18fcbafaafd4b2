"""The field readers: one module (or package) per output field family, each ``extract(a: Analysis) -> list``.

Readers never import one another; they read the article through the construction layer
(:mod:`extract.constructions`).  Where one field's facts inform another's (a cluster's members include
the provinces of the units it proposes for an award), :func:`read_fields` passes the first reader's
records to the second.  The order of ``FIELD_MODULES`` is the contract's field order
(``../shared/spec/extraction.md``).
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
    """Field name → reader function (each callable on an Analysis alone)."""
    return {name: importlib.import_module(mod).extract for name, mod in FIELD_MODULES.items()}


def read_fields(a: Any) -> dict[str, list]:
    """Every field of an article, in contract order; the clusters reader is given the award records."""
    readers = extractors()
    out: dict[str, list] = {"awards": readers["awards"](a)}
    for name, fn in readers.items():
        if name == "clusters":
            out[name] = fn(a, awards=out["awards"])
        elif name not in out:
            out[name] = fn(a)
    return {name: out[name] for name in FIELD_MODULES}
