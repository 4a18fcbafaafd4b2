"""The Datasette UI as a person sees it: `thidua serve` driven by headless Chromium.

The test starts `thidua serve --port 0` on the fixture catalogue, opens every
canned query and a facet page in Chromium (Debian's ``chromium``, installed by
``.ci/run``), reads the numbers from the rendered page and checks them against
`thidua query --canned` / `thidua query`.  Screenshots are saved under a
temporary folder (its path is printed; set THIDUA_SCREENSHOTS=DIR to keep them
somewhere else) to look at during development.

Skipped, with the reason, where Chromium is not installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from pipeline import cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                                          "(Debian package 'chromium'; .ci/run installs it)")

PAGES = [  # canned query, parameters
    ("awards_by_province_year", {"year": "2020"}),
    ("awards_by_province_year", {"successor": "1"}),
    ("cluster_roles_by_year", {"cluster": "6"}),
    ("unit_award_history", {"unit": "Sở TT&TT Gia Lai"}),
    ("person_positions", {"person": "nguyen van hung"}),
    ("proposed_not_conferred", {}),
    ("fact_coverage", {"fact": "events"}),
    ("clusters_by_year", {}),
]


@pytest.fixture(scope="module")
def server(built) -> Iterator[tuple[str, Path]]:
    """`thidua serve --port 0` on the fixture catalogue: (base URL, database path)."""
    db_path = built[0]
    proc = subprocess.Popen([sys.executable, "-c", "from pipeline import cli; cli()", "serve", "--db", str(db_path),
                             "--port", "0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        deadline = time.monotonic() + 60
        base = None
        while time.monotonic() < deadline and base is None:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                pytest.fail(f"thidua serve exited with {proc.returncode}")
            m = re.search(r"on (http://127\.0\.0\.1:\d+)/", line)
            base = m.group(1) if m else None
        assert base, "thidua serve did not say where it listens"
        yield base, db_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = Path(os.environ.get("THIDUA_SCREENSHOTS") or tempfile.mkdtemp(prefix="thidua-screens-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


def chromium(*args: str) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp(prefix="thidua-chromium-")
    try:
        return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                               "--no-first-run", "--disable-background-networking", "--disable-component-update",
                               "--disable-sync", f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=90)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def rendered(url: str) -> html.HtmlElement:
    """The DOM Chromium rendered for ``url``."""
    res = chromium("--dump-dom", url)
    assert res.returncode == 0 and res.stdout.strip(), res.stderr[-1000:]
    return html.fromstring(res.stdout)


def screenshot(url: str, path: Path, height: int = 1100) -> None:
    res = chromium(f"--window-size=1400,{height}", "--hide-scrollbars", f"--screenshot={path}", url)
    assert res.returncode == 0, res.stderr[-1000:]
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def table(page: html.HtmlElement) -> tuple[list[str], list[list[str]]]:
    """Header and cell texts of Datasette's results table, as shown."""
    tables = page.xpath("//table[contains(@class, 'rows-and-columns')]")
    if not tables:
        return [], []
    header = [" ".join(th.text_content().split()) for th in tables[0].xpath(".//thead//th")]
    rows = [[" ".join(td.text_content().split()) for td in tr.xpath("./td")] for tr in tables[0].xpath(".//tbody/tr")]
    return header, rows


def shown(value: object) -> str:
    """A value as Datasette shows it in a cell (None as an empty cell)."""
    return "" if value is None else str(value)


def cli_rows(db_path: Path, args: list[str]) -> list[dict]:
    res = CliRunner().invoke(cli, [*args, "--db", str(db_path), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


@pytest.mark.parametrize("name, params", PAGES, ids=[f"{n}-{'-'.join(p)}" for n, p in PAGES])
def test_canned_query_pages_show_the_cli_numbers(server, shots: Path, name: str, params: dict) -> None:
    base, db_path = server
    url = f"{base}/{db_path.stem}/{name}?{urllib.parse.urlencode(params)}"
    header, rows = table(rendered(url))
    args = ["query", "--canned", name]
    for k, v in params.items():
        args += ["-p", f"{k}={v}"]
    expected = cli_rows(db_path, args)
    assert expected, "every page has rows on the fixture"
    assert header == list(expected[0])
    assert rows == [[shown(v) for v in r.values()] for r in expected]
    screenshot(url, shots / f"{name}-{'-'.join(params) or 'all'}.png")


def test_facet_page_shows_fact_counts(server, shots: Path) -> None:
    base, db_path = server
    url = f"{base}/{db_path.stem}/awards"  # the facets of the metadata: province, year, award, status, level
    page = rendered(url)
    facets: dict[str, dict[str, int]] = {}
    for block in page.xpath("//div[contains(@class, 'facet-info')]"):
        name = block.get("data-column")
        if name in facets:
            continue
        facets[name] = {}
        for li in block.xpath(".//ul/li[a]"):  # <li><a href="…">Gia Lai</a> 2</li>
            label = " ".join(li.xpath("./a")[0].text_content().split())
            count = li.text_content().strip()[len(li.xpath("./a")[0].text_content().strip()):].strip()
            if count.replace(",", "").isdigit():
                facets[name][label] = int(count.replace(",", ""))
    provinces = cli_rows(db_path, ["query", "select province, count(*) n from awards where province is not null"
                                            " group by province"])
    statuses = cli_rows(db_path, ["query", "select status, count(*) n from awards group by status"])
    assert facets["province"] == {r["province"]: r["n"] for r in provinces}
    assert facets["status"] == {r["status"]: r["n"] for r in statuses}
    assert re.search(r"\b5 rows\b", page.text_content())  # five award facts, not their 14 reports
    screenshot(url, shots / "awards-facets.png", height=1900)
