"""Quality gate: extraction must not fall below the pinned per-field floors.

Two gold sets: the maintainers' dev corpus (``../shared/corpus/dev``, skipped
when ``../shared`` is not beside the repo) and ``data/eval/own``, 16 articles
with gold written independently of the extractor code (12 on emulation, 4
near-misses).  Floors live in ``eval_baseline.json``.
"""

import json
from pathlib import Path

import pytest

from extract.evaluate import scores

ROOT = Path(__file__).resolve().parents[2]
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))
EPS = BASELINE["epsilon"]


@pytest.mark.parametrize("name", sorted(BASELINE["sets"]))
def test_floors(name):
    spec = BASELINE["sets"][name]
    gold = (ROOT / spec["path"]).resolve()
    if not gold.is_dir():
        pytest.skip(f"{gold} is not here")
    result = scores(gold)
    assert result["missing_predictions"] == []
    assert result["macro_f1"] >= spec["macro_f1"] - EPS
    fields = {f: v["f1"] for f, v in result["fields"].items() if v is not None}
    assert fields["provinces"] >= spec["provinces"] - EPS
    low = {f: round(v, 3) for f, v in fields.items() if v < spec["field_f1"] - EPS}
    assert not low, f"fields below the floor {spec['field_f1']}: {low}"


def test_near_misses_yield_no_emulation_facts():
    """Ordinary administrative news: no clusters, campaigns, themes or awards."""
    from extract.api import extract_path

    near = sorted((ROOT / "data" / "eval" / "own").glob("own-*-nm-*.txt"))
    assert len(near) >= 4
    for path in near:
        rec = extract_path(path)
        for field in ("clusters", "campaigns", "themes", "awards"):
            assert rec[field] == [], f"{path.name}: spurious {field}: {rec[field]}"
