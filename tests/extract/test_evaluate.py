"""`thidua eval` prints what the maintainers' scorer prints on the same predictions."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.evaluate import evaluate

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """A tiny gold set of our own (so the test runs without ../shared)."""
    (tmp_path / "a.txt").write_text(
        "Sở Thông tin và Truyền thông tỉnh Lạng Sơn và Cao Bằng ký kết giao ước thi đua năm 2024 tại Lạng Sơn.\n",
        encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"provinces": ["Lạng Sơn", "Cao Bằng", "Bắc Ninh"]}), encoding="utf-8")
    return tmp_path


def test_eval_scores_provinces(gold_dir, tmp_path):
    out = evaluate(gold_dir, as_json=True)
    scores = json.loads(out)
    prov = scores["fields"]["provinces"]
    assert prov["p"] == 1.0 and prov["r"] == pytest.approx(2 / 3)


@pytest.mark.skipif(not SCORER.exists(), reason="../shared is not beside the repo")
def test_same_report_as_shared_scorer(tmp_path):
    pred = tmp_path / "pred.jsonl"
    ours = evaluate(DEV, details=True, predictions=pred)
    theirs = subprocess.run([sys.executable, str(SCORER), str(DEV), str(pred), "--details"],
                            capture_output=True, text=True, check=True).stdout
    assert ours == theirs
    assert "macro_f1" in ours


def test_missing_dir_is_a_clear_error(tmp_path):
    from extract.api import InputError

    with pytest.raises(InputError, match="not a directory"):
        evaluate(tmp_path / "nope")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no NAME.json"):
        evaluate(empty)
    shutil.rmtree(empty)
