"""The same questions get the same numbers from `thidua query --canned`, `thidua export --canned`,
`thidua chart` and Datasette (in-process here; in a browser in test_browser.py)."""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog.chart import award_counts
from catalog.export import read_export
from catalog.serve import make_app
from pipeline import cli

CASES = [
    ("awards_by_province_year", {}),
    ("awards_by_province_year", {"successor": "1", "year": "2020"}),
    ("cluster_roles_by_year", {"cluster": "Cụm thi đua số 6", "year": "2021"}),
    ("unit_award_history", {"unit": "Sở TT&TT Gia Lai"}),
    ("person_positions", {"person": "Nguyễn Văn Hùng"}),
    ("proposed_not_conferred", {}),
    ("fact_coverage", {"fact": "awards"}),
    ("clusters_by_year", {}),
]


def datasette_rows(db_path: Path, path: str) -> list[dict]:
    app = make_app(db_path)

    async def fetch():
        response = await app.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def cli_rows(db_path: Path, name: str, params: dict) -> list[dict]:
    args = ["query", "--canned", name, "--db", str(db_path), "--json"]
    for k, v in params.items():
        args += ["-p", f"{k}={v}"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


@pytest.mark.parametrize("name, params", CASES, ids=[f"{n}-{'-'.join(p)}" for n, p in CASES])
def test_cli_and_datasette_agree(db_path: Path, name: str, params: dict) -> None:
    query = urllib.parse.urlencode({**params, "_shape": "array"})
    web = datasette_rows(db_path, f"/{db_path.stem}/{name}.json?{query}")
    assert web, "the fixture answers every question with at least one row"
    assert cli_rows(db_path, name, params) == web
    args = ["export", "--canned", name, "--db", str(db_path), "--format", "csv"]
    for k, v in params.items():
        args += ["-p", f"{k}={v}"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert read_export(res.output, "csv") == web


def test_chart_counts_what_the_canned_query_counts(db_path: Path) -> None:
    rows = cli_rows(db_path, "awards_by_province_year", {"successor": "1"})
    by_province: dict[str, int] = {}
    for r in rows:
        by_province[r["province"]] = by_province.get(r["province"], 0) + r["awards"]
    charted = {p: sum(v.values()) for p, v in award_counts(db_path, successor=True).items()}
    assert charted == by_province == {"Gia Lai": 3, "Quảng Ngãi": 1}


def test_facet_counts_are_fact_counts(db_path: Path) -> None:
    data = datasette_rows(db_path, f"/{db_path.stem}/awards.json?_facet=province&_facet=status")
    facets = {f["value"]: f["count"] for f in data["facet_results"]["province"]["results"]}
    res = CliRunner().invoke(cli, ["query", "select province, count(*) n from awards where province is not null"
                                   " group by province", "--db", str(db_path), "--json"])
    assert facets == {r["province"]: r["n"] for r in json.loads(res.output)} == {
        "Gia Lai": 2, "Kon Tum": 1, "Bình Định": 1}
    status = {f["value"]: f["count"] for f in data["facet_results"]["status"]["results"]}
    assert status == {"conferred": 3, "proposed": 2}


@pytest.mark.parametrize("args, message", [
    (["query", "--canned", "awards_by_year"], "unknown canned query: 'awards_by_year'"),
    (["query", "--canned", "fact_coverage", "-p", "table=awards"], "has no parameter table; its parameters: fact, q"),
    (["query", "--canned", "fact_coverage", "-p", "awards"], "parameter 'awards' is not NAME=VALUE"),
    (["query"], "give either SQL or --canned NAME"),
    (["export", "--canned", "nope"], "unknown canned query: 'nope'"),
])
def test_bad_canned_input_is_one_line_error(db_path: Path, args: list[str], message: str) -> None:
    res = CliRunner().invoke(cli, [*args, "--db", str(db_path)])
    assert res.exit_code == 1 and message in res.output and res.output.count("\n") == 1
