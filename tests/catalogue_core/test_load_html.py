"""`thidua load` of a record whose source is a saved portal page: the page text comes from the crawler's
parser, handed to the catalogue by the `thidua` group (catalog itself never imports crawler)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from catalog.load import load_jsonl
from catalog.store import Catalogue
from pipeline import cli

FIXTURES = Path(__file__).resolve().parents[1] / "crawler_pages" / "fixtures"


def _jsonl(tmp_path: Path) -> tuple[Path, dict]:
    page = tmp_path / "dnn_article.html"
    shutil.copy(FIXTURES / "dnn_article.html", page)
    expected = json.loads((FIXTURES / "dnn_article.json").read_text(encoding="utf-8"))["expected"]
    jsonl = tmp_path / "facts.jsonl"
    jsonl.write_text(json.dumps({"source": str(page), "provinces": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    return jsonl, expected


def test_thidua_load_reads_a_saved_page_through_the_crawler_parser(tmp_path: Path) -> None:
    jsonl, expected = _jsonl(tmp_path)
    db = tmp_path / "c.db"
    res = CliRunner().invoke(cli, ["load", str(jsonl), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Catalogue(db) as cat:
        title, text = cat.db.execute("select title, text from articles").fetchone()
    assert title == expected["title"]
    assert text.startswith(expected["title"] + "\n\n" + expected["text_startswith"])
    assert text.endswith(expected["text_endswith"])


def test_without_a_page_reader_the_facts_still_load(tmp_path: Path) -> None:
    jsonl, _ = _jsonl(tmp_path)
    with Catalogue(tmp_path / "c.db") as cat:
        stats = load_jsonl(cat, jsonl)
        assert stats.articles_created == 1
        assert cat.db.execute("select text from articles").fetchone()[0] == ""
