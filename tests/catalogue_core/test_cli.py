"""The load / query / search commands: output formats, one-line errors, exit status, nothing corrupted."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from catalog.cli import COMMANDS, load, query, search


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def loaded(runner, tmp_path, make_record, article_text):
    local = tmp_path / "seed-003.txt"
    local.write_text(article_text, encoding="utf-8")
    jsonl = tmp_path / "facts.jsonl"
    jsonl.write_text(json.dumps(make_record(source=str(local)), ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    res = runner.invoke(load, [str(jsonl), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "1 records, 1 new articles, 1 stored" in res.output
    return db, jsonl


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c.name)
def test_every_command_has_help_with_example(runner, cmd):
    res = runner.invoke(cmd, ["--help"])
    assert res.exit_code == 0 and "Example:" in res.output


def test_reload_is_idempotent(runner, loaded):
    db, jsonl = loaded
    res = runner.invoke(load, [str(jsonl), "--db", str(db)])
    assert res.exit_code == 0 and "0 new articles, 0 stored, 1 unchanged" in res.output
    sql = "select fact_table = 'units' as unit, count(*) n from evidence group by 1 order by 1"
    res = runner.invoke(query, [sql, "--db", str(db), "--json"])
    # 4 provinces, 1 cluster, 4 members, 1 campaign, 3 awards, 1 event, 2 roles, 1 person; 6 unit names
    assert json.loads(res.output) == [{"unit": 0, "n": 17}, {"unit": 1, "n": 6}]


def test_query_csv_json_table(runner, loaded):
    db, _ = loaded
    sql = "select province, province_2025 from article_provinces order by province"
    res = runner.invoke(query, [sql, "--db", str(db), "--csv"])
    assert list(csv.reader(io.StringIO(res.output)))[:2] == [["province", "province_2025"], ["Gia Lai", "Gia Lai"]]
    res = runner.invoke(query, [sql, "--db", str(db), "--json"])
    assert {"province": "Phú Yên", "province_2025": "Đắk Lắk"} in json.loads(res.output)
    res = runner.invoke(query, [sql, "--db", str(db)])
    assert res.exit_code == 0 and "Lâm Đồng" in res.output


def test_query_refuses_write(runner, loaded):
    db, _ = loaded
    before = db.read_bytes()
    res = runner.invoke(query, ["delete from awards", "--db", str(db)])
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == ["Error: refused: only SELECT, WITH, EXPLAIN or VALUES statements are "
                                               "allowed, not DELETE"]
    assert db.read_bytes() == before


def test_search_json_and_text(runner, loaded):
    db, _ = loaded
    res = runner.invoke(search, ["cum thi dua Gia Lai", "--db", str(db), "--json"])
    hits = json.loads(res.output)
    assert len(hits) == 1 and "[CỤM] [THI] [ĐUA]" in hits[0]["snippet"]
    res = runner.invoke(search, ["Đắk Lắk", "--db", str(db), "--limit", "1"])
    assert res.exit_code == 0 and "Đắk Lắk" in res.output and "seed-003.txt" in res.output


@pytest.mark.parametrize("args, message", [
    (["search", "thi dua", "--db", "{tmp}/missing.db"], "missing.db: no such database file"),
    (["query", "select * from nope", "--db", "{db}"], "query failed: no such table: nope"),
    (["search", "!!!", "--db", "{db}"], "has no words to search for"),
    (["load", "{tmp}/missing.jsonl", "--db", "{db}"], "missing.jsonl: no such file"),
    (["load", "{tmp}/bad.jsonl", "--db", "{db}"], "bad.jsonl:1: malformed JSON"),
])
def test_bad_input_one_line_error(runner, loaded, tmp_path, args, message):
    db, _ = loaded
    (tmp_path / "bad.jsonl").write_text('{"source": "a.txt", "provinces": [}\n', encoding="utf-8")
    before = db.read_bytes()
    cmd = {c.name: c for c in COMMANDS}[args[0]]
    res = runner.invoke(cmd, [a.format(tmp=tmp_path, db=db) for a in args[1:]])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], res.output
    assert db.read_bytes() == before
