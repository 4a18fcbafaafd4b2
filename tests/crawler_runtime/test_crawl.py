"""Crawl the bundled sample site on 127.0.0.1: exact articles per family, then an incremental re-crawl.

The server listens on a free port; the articles' URLs keep the fixed sample origin (``SAMPLE_ORIGIN``).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from crawler.pages import url_key
from crawler.run import SAMPLE_ORIGIN, crawl
from crawler.server import SAMPLE_ROOT
from crawler.sites import load_sites

from .conftest import articles, free_port

# (source, path, title prefix, published) — what the pages parsers give for the bundled sample site.
EXPECTED = [
    ("baobinhduong", "/baobinhduong/ke-hoach-phat-dong-phong-trao-thi-dua-dac-biet-toan-tinh-doan-ket-chun-a247557.html", "Kế hoạch phát động phong trào thi đua đặc biệt", "2021-09-08T09:00:00+07:00"),
    ("baobinhduong", "/baobinhduong/nganh-thong-tin-va-truyen-thong-tinh-binh-duong-phat-dong-thi-dua-doan-a240077.html", "Ngành Thông tin và Truyền thông tỉnh Bình Dương", "2021-10-14T11:00:00+07:00"),
    ("binhduong", "/binhduong/Lists/TinTucSuKien/DispForm.aspx?ID=67516", "Ngành Thông tin và Truyền thông tỉnh Bình Dương", "2021-10-14T11:00:00+07:00"),
    ("binhduong", "/binhduong/Lists/TinTucSuKien/DispForm.aspx?ID=68067", "Kế hoạch phát động phong trào thi đua đặc biệt", "2021-09-08T09:00:00+07:00"),
    ("dongthap", "/dongthap/web/sotttt/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/15645551", "Sở Thông tin và Truyền thông 7 tỉnh miền núi", None),
    ("dongthap", "/dongthap/web/sotttt/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/15647132", "Hội nghị tổng kết phong trào thi đua khen thưởng", "2021-03-17"),
    ("gialai", "/gialai/tin-tuc/tin-hoat-dong/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr-255402", "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6", "2020-03-12T11:01:19+07:00"),
    ("gialai", "/gialai/tin-tuc/tin-hoat-dong/so-thong-tin-va-truyen-thong-7-tinh-mien-nui-phia-bac-ky-ket-thuc-hien-257163", "Sở Thông tin và Truyền thông 7 tỉnh miền núi", None),
    ("ninhthuan", "/ninhthuan/portal/Pages/2020-3-12/Hoi-Nghi-Tong-Ket-Cum-Thi-Dua-So-6-Nam-2020-So-Tttt-Gia-Lai--1a7b.aspx", "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6", "2020-03-12"),
    ("ninhthuan", "/ninhthuan/portal/Pages/2021-3-17/Hoi-Nghi-Tong-Ket-Phong-Trao-Thi-Dua-Khen-Thuong-Cum-7-Nganh-25c3.aspx", "Hội nghị tổng kết phong trào thi đua khen thưởng", "2021-03-17"),
    ("phuyen", "/phuyen/2020/03/12/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr/", "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6", "2020-03-12T11:01:19+07:00"),
    ("phuyen", "/phuyen/2021/03/17/hoi-nghi-tong-ket-phong-trao-thi-dua-khen-thuong-cum-7-nganh-thong-tin/", "Hội nghị tổng kết phong trào thi đua khen thưởng", "2021-03-17"),
    ("quangnam", "/quangnam/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL177827", "Hội nghị tổng kết phong trào thi đua khen thưởng", "2021-03-17"),
    ("quangnam", "/quangnam/webcenter/portal/ubnd/pages_tin-tuc/chi-tiet?dDocName=PORTAL182771", "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6", "2020-03-12T11:01:00+07:00"),
    ("thudaumot", "/thudaumot/Default.aspx?ID=6038&tabid=22642", "Ngành Thông tin và Truyền thông tỉnh Bình Dương", "2021-10-14"),
    ("thudaumot", "/thudaumot/Default.aspx?ID=6869&tabid=22642", "Kế hoạch phát động phong trào thi đua đặc biệt", "2021-09-08"),
    # families added for real hosts (crawler.sample_families)
    ("daknong", "/daknong/TinTuc/tintuc/Lists/Posts/Post.aspx?CategoryId=1&ItemId=2250", "Hội nghị tổng kết phong trào thi đua khen thưởng", "2021-03-17"),
    ("daknong", "/daknong/TinTuc/tintuc/Lists/Posts/Post.aspx?CategoryId=1&ItemId=1073", "Sở Thông tin và Truyền thông 7 tỉnh miền núi", None),
    ("binhdinh", "/binhdinh/vi/news/thi-dua-khen-thuong/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr-1396.html", "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6", "2020-03-12T11:01:00+07:00"),
    ("binhdinh", "/binhdinh/vi/news/thi-dua-khen-thuong/nganh-thong-tin-va-truyen-thong-tinh-binh-duong-phat-dong-thi-dua-doan-8765.html", "Ngành Thông tin và Truyền thông tỉnh Bình Dương", "2021-10-14T11:00:00+07:00"),
    ("angiang", "/angiang/wps/portal/Home/trang-chu/trang-tin-chi-tiet/!ut/p/z0/fcw9D4Iwabd0GATgv8LC2LRFvjqSs/", "Sở Thông tin và Truyền thông 7 tỉnh miền núi", None),
    ("angiang", "/angiang/wps/portal/Home/trang-chu/trang-tin-chi-tiet/!ut/p/z0/fcw9D4Iwbf44GATgv8LC2LRFvjqSs/", "Kế hoạch phát động phong trào thi đua đặc biệt", "2021-09-08T09:00:00+07:00"),
    ("hanoi", "/hanoi/vi/tin-tuc-su-kien/-/view_content/987036-hoi-nghi-tong-ket-phong-trao-thi-dua-khen-thuong-cum-7-nganh-thong-tin-va-truyen.html", "Hội nghị tổng kết phong trào thi đua khen thưởng", "2021-03-17T00:00:00+07:00"),
    ("hanoi", "/hanoi/vi/tin-tuc-su-kien/-/view_content/987425-ke-hoach-phat-dong-phong-trao-thi-dua-dac-biet-toan-tinh-doan-ket-chung-suc-dong.html", "Kế hoạch phát động phong trào thi đua đặc biệt", "2021-09-08T09:00:00+07:00"),
]
SOURCES = sorted({e[0] for e in EXPECTED})


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sample")
    port = free_port()
    events: list[dict] = []
    stats = crawl(tmp / "cat.db", sample_port=port, state_dir=tmp / "state", progress=events.append)
    return tmp / "cat.db", SAMPLE_ORIGIN, stats, events


def test_every_sample_site_is_a_family_we_crawl(first_crawl):
    sites = load_sites(SAMPLE_ROOT / "sites.toml", base_url="http://127.0.0.1:1")
    assert sorted(s.id for s in sites) == SOURCES
    assert len({s.family for s in sites}) == 11  # two Liferay sites (6.x asset_publisher, 6.2 view_content)


@pytest.mark.parametrize("source", SOURCES)
def test_articles_found_per_site(first_crawl, source):
    db, base, _, _ = first_crawl
    # one page, one row: compared by url_key (a LacViet post is linked in upper and lower case)
    stored = {url_key(url): row for url, row in articles(db).items() if row[0] == source}
    expected = {url_key(base + path): (title, published) for src, path, title, published in EXPECTED if src == source}
    assert sorted(stored) == sorted(expected)
    for url, (_, title, published, _) in stored.items():
        assert title.startswith(expected[url][0]), (url, title)
        assert published == expected[url][1], (url, published)


def test_listing_and_other_pages_are_never_articles(first_crawl):
    db, base, _, _ = first_crawl
    manifest = json.loads((SAMPLE_ROOT / "manifest.json").read_text(encoding="utf-8"))
    article_paths = {path.split("?")[0] for _, path, _, _ in EXPECTED}
    non_articles = {r["path"] for r in manifest if r["path"] not in article_paths and not r["file"].endswith(".pdf")}
    stored_paths = {url[len(base):].split("?")[0] for url in articles(db)}
    assert non_articles, "the sample site has listing pages"
    assert not stored_paths & non_articles


def test_first_run_stats_and_record(first_crawl):
    db, _, stats, events = first_crawl
    assert (stats["new"], stats["changed"], stats["unchanged"], stats["errors"]) == (len(EXPECTED), 0, 0, 0)
    # every article page, plus listings (incl. the postback page 2 and ADF interstitials)
    assert stats["pages_fetched"] > len(EXPECTED)
    with sqlite3.connect(db) as con:
        run = con.execute("SELECT kind, finished_at, new, errors, sources FROM crawl_runs WHERE id = ?",
                          [stats["run_id"]]).fetchone()
    assert run[0] == "crawl" and run[1] is not None and run[2:4] == (len(EXPECTED), 0)
    assert sorted(json.loads(run[4])) == SOURCES
    assert events[0]["event"] == "started" and events[-1]["event"] == "closed"


def test_postback_and_adf_pages_were_followed(first_crawl):
    db, base, _, events = first_crawl
    fetched = [e["url"] for e in events if e["event"] == "pages_fetched"]
    # ninhthuan page 2 exists only behind an ASP.NET postback; quangnam pages sit behind _afrLoop
    assert base + "/ninhthuan/portal/Pages/2020-3-12/Hoi-Nghi-Tong-Ket-Cum-Thi-Dua-So-6-Nam-2020-So-Tttt-Gia-Lai--1a7b.aspx" in fetched
    assert any("_afrLoop=" in u and "dDocName=PORTAL182771" in u for u in fetched)
    # WebCenter page 3 wraps back to page 1's first item: no page 4 is ever requested
    assert not any("selectedPage=4" in u for u in fetched)


# ------------------------------------------------------------------ incremental re-crawl
NEW_PAGES = {
    "300001": "Gia Lai phát động đợt thi đua đặc biệt chào mừng Đại hội Đảng bộ tỉnh",
    "300002": "Sở TTTT Gia Lai tổng kết phong trào thi đua yêu nước năm 2024",
}
GIALAI_ARTICLE = "gialai/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr-255402.html"
LISTING_PATH = "/gialai/tin-tuc/tin-hoat-dong/"


def _add_and_edit(site: Path) -> None:
    """Add two gialai articles (linked from listing page 1) and edit one existing article."""
    manifest_path = site / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    template = (site / GIALAI_ARTICLE).read_text(encoding="utf-8")
    old_title = "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6: Năm 2020, Sở TTTT Gia Lai làm Cụm trưởng, Sở TTTT Phú Yên làm Cụm phó"
    listing = site / "gialai" / "tin-hoat-dong-1.html"
    html = listing.read_text(encoding="utf-8")
    for page_id, title in NEW_PAGES.items():
        path = f"{LISTING_PATH}bai-moi-thi-dua-{page_id}"
        (site / "gialai" / f"new-{page_id}.html").write_text(template.replace(old_title, title), encoding="utf-8")
        manifest.append({"path": path, "query": {}, "method": "GET", "file": f"gialai/new-{page_id}.html",
                         "content_type": "text/html; charset=utf-8", "behavior": None})
        anchor = f'<div class="article-item"><a class="article-title common-title" href="{path}">{title}</a></div>'
        html = html.replace('<div class="article-item">', anchor + '<div class="article-item">', 1)
    listing.write_text(html, encoding="utf-8")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    edited = (site / GIALAI_ARTICLE).read_text(encoding="utf-8").replace("Sáng ngày 06/3", "Sáng ngày 06/3/2020")
    assert edited != template
    (site / GIALAI_ARTICLE).write_text(edited, encoding="utf-8")


def test_second_crawl_fetches_only_new_and_changed(site_copy: Path, tmp_path: Path, port: int):
    db = tmp_path / "cat.db"
    first = crawl(db, sample_root=site_copy, sample_port=port, state_dir=tmp_path / "state")
    assert first["new"] == len(EXPECTED)
    before = articles(db)

    _add_and_edit(site_copy)
    second = crawl(db, sample_root=site_copy, sample_port=port, state_dir=tmp_path / "state")

    assert (second["new"], second["changed"], second["errors"]) == (2, 1, 0)
    # every other known article answered 304 to a conditional GET: not re-downloaded
    assert second["not_modified"] == second["unchanged"] == len(EXPECTED) - 1
    after = articles(db)
    base = SAMPLE_ORIGIN
    added = set(after) - set(before)
    assert added == {f"{base}{LISTING_PATH}bai-moi-thi-dua-{i}" for i in NEW_PAGES}
    assert {after[u][1] for u in added} == set(NEW_PAGES.values())
    changed = [u for u in before if before[u][3] != after[u][3]]
    assert changed == [base + "/" + "gialai/tin-tuc/tin-hoat-dong/hoi-nghi-tong-ket-cum-thi-dua-so-6-nam-2020-so-tttt-gia-lai-lam-cum-tr-255402"]
    with sqlite3.connect(db) as con:
        revisions = con.execute("SELECT count(*) FROM article_revisions").fetchone()[0]
    assert revisions == 1


def test_third_crawl_without_changes_is_all_304(site_copy: Path, tmp_path: Path, port: int):
    db = tmp_path / "cat.db"
    crawl(db, sample_root=site_copy, sample_port=port, sites=["quangnam", "gialai"], state_dir=tmp_path / "s")
    again = crawl(db, sample_root=site_copy, sample_port=port, sites=["quangnam", "gialai"], state_dir=tmp_path / "s")
    assert (again["new"], again["changed"], again["not_modified"]) == (0, 0, 4)
    # the catalogue records that the second run saw every article, 304 or not
    with sqlite3.connect(db) as con:
        seen_by = {r[0] for r in con.execute("SELECT last_seen_run FROM articles")}
    assert seen_by == {again["run_id"]}
