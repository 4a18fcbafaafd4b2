"""sites.toml loading and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.sites import LIVE_SITES, SAMPLE_SITES, SiteConfigError, load_sites, select_sites, with_overrides

GOOD = """
[[site]]
id = "stttt-laocai"
name = "Sở Thông tin và Truyền thông tỉnh Lào Cai"
family = "custom_cms"
province = "Lào Cai"
base_url = "https://stttt.laocai.gov.vn"
start_paths = ["/tin-tuc"]
feed_paths = ["https://stttt.laocai.gov.vn/rss"]
max_pages = 4
since = "2024-01-01"
live = true
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_live_sites_file_has_at_least_60_real_portals():
    sites = load_sites(LIVE_SITES)
    assert len(sites) >= 60 and all(s.live for s in sites)
    hosts = {s.allowed_domains[0] for s in sites}
    for host in ("binhduong.gov.vn", "dienbien.gov.vn", "ninhthuan.gov.vn", "dongthap.gov.vn", "bacgiang.gov.vn",
                 "quangnam.gov.vn", "gialai.gov.vn", "daklak.gov.vn", "stttt.laocai.gov.vn", "baocantho.com.vn",
                 "baobinhduong.vn"):
        assert host in hosts
    assert all(s.start_urls[0].startswith("https://" ) or s.start_urls[0].startswith("http://") for s in sites)


def test_sample_sites_resolve_under_the_loopback_server():
    sites = load_sites(SAMPLE_SITES, base_url="http://127.0.0.1:8765")
    gialai = select_sites(sites, ["gialai"])[0]
    assert gialai.start_urls[1] == "http://127.0.0.1:8765/gialai/tin-tuc/tin-hoat-dong"
    assert gialai.allows("http://127.0.0.1:8765/gialai/tin-tuc/tin-hoat-dong?page=2")
    assert not gialai.allows("http://127.0.0.1:8765/phuyen/feed/")
    assert not gialai.allows("http://example.org/gialai/")


def test_a_good_entry(tmp_path):
    (site,) = load_sites(write(tmp_path, GOOD))
    assert site.start_urls == ("https://stttt.laocai.gov.vn/tin-tuc",)
    assert site.feed_urls == ("https://stttt.laocai.gov.vn/rss",)
    assert (site.max_pages, site.since, site.family) == (4, "2024-01-01", "custom_cms")
    assert site.allowed_domains == ("stttt.laocai.gov.vn", "www.stttt.laocai.gov.vn")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('family = "custom_cms"', 'family = "joomla"', "unknown family 'joomla'"),
        ('max_pages = 4', 'max_pages = 0', "'max_pages' must be an integer ≥ 1"),
        ('since = "2024-01-01"', 'since = "01/2024"', "'since' must be a date"),
        ('start_paths = ["/tin-tuc"]', 'start_paths = ["https://evil.example/tin-tuc"]', "outside the site's domains"),
        ('base_url = "https://stttt.laocai.gov.vn"', 'base_url = "stttt.laocai.gov.vn"', "absolute http(s) URL"),
        ('name = "Sở Thông tin và Truyền thông tỉnh Lào Cai"', "", "missing or empty 'name'"),
        ('live = true', 'live = true\nlang = "vi"', "unknown key(s) ['lang']"),
        ('live = true', 'live = true\nlegacy_tls = "SECLEVEL=1"', "'legacy_tls' must be true or false"),
    ],
)
def test_bad_entries_name_the_file_and_entry(tmp_path, old, new, message):
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(SiteConfigError) as err:
        load_sites(path)
    text = str(err.value)
    assert text.startswith(f"{path}: [[site]] #1") and message in text and "\n" not in text


def test_duplicate_ids_bad_toml_and_missing_file(tmp_path):
    with pytest.raises(SiteConfigError, match="#2 .*duplicate id"):
        load_sites(write(tmp_path, GOOD + GOOD))
    with pytest.raises(SiteConfigError, match="not valid TOML"):
        load_sites(write(tmp_path, "[[site]\nid = 1"))
    with pytest.raises(SiteConfigError, match="file not found"):
        load_sites(tmp_path / "nope.toml")


def test_selection_and_overrides(tmp_path):
    sites = load_sites(write(tmp_path, GOOD))
    with pytest.raises(SiteConfigError, match="unknown site id.*gialai.*known: stttt-laocai"):
        select_sites(sites, ["gialai"])
    (site,) = with_overrides(sites, max_pages=2, since="2025-2-1")
    assert (site.max_pages, site.since) == (2, "2025-02-01")


# real-urls.tsv's rows per host (www. dropped), for checking the entries marked checked = true
def _real_urls() -> dict[str, list[str]]:
    import csv
    from urllib.parse import urlsplit

    tsv = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "real-urls.tsv"
    if not tsv.is_file():
        pytest.skip(f"{tsv} not found (../shared is absent)")
    by_host: dict[str, list[str]] = {}
    with tsv.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            parts = urlsplit(row["url"])
            host = (parts.hostname or "").rstrip(".").removeprefix("www.")
            by_host.setdefault(host, []).append(parts.path or "/")
    return by_host


def test_every_live_entry_says_whether_it_was_checked():
    import tomllib

    tables = tomllib.loads(LIVE_SITES.read_text(encoding="utf-8"))["site"]
    assert all(isinstance(t.get("checked"), bool) for t in tables)
    assert all(t.get("notes") for t in tables if not t["checked"]), "a guess says what is known"
    assert sum(t["checked"] for t in tables) >= 60


def test_checked_start_paths_are_real_urls_or_their_categories():
    """A checked start path is a real-urls.tsv path on the site's host, or a directory of one."""
    import tomllib
    from urllib.parse import urlsplit

    real = _real_urls()
    tables = [t for t in tomllib.loads(LIVE_SITES.read_text(encoding="utf-8"))["site"] if t["checked"]]
    wrong = []
    for t in tables:
        host = urlsplit(t["base_url"]).hostname.removeprefix("www.")
        paths = real.get(host, [])
        for start in t["start_paths"]:
            path = urlsplit(start).path or "/"
            ok = path in paths or (path != "/" and any(p.startswith(path.rstrip("/") + "/") for p in paths))
            if not ok:
                wrong.append((t["id"], start))
        if not paths:
            wrong.append((t["id"], "host not in real-urls.tsv"))
    assert wrong == []
