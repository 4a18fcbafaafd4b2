"""The sample-site generator: source splitting, build output, manifest/sites.toml contract, CLI errors."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from crawler.sample_site import build, main, split_source

from .conftest import SAMPLE

SEED_LIKE = """Tin hoạt động sở ngành
Thứ 5, Ngày 14/10/2021, 11:00
Ngành Thông tin và Truyền thông tỉnh Bình Dương phát động thi đua đoàn kết
Cỡ chữ: Font size: Giảm (A-) Mặc định (A) Tăng (A+)
14/10/2021 | Yến Nhi

TTĐT - Sở Thông tin và Truyền thông Bình Dương ban hành Kế hoạch phát động phong trào thi đua đặc biệt.

Theo đó, phát động phong trào sâu rộng trong tập thể và cá nhân thuộc Sở.

Tải về Kế hoạch

Lượt người xem:  Views:   887
Chia sẻ:
Tin khác
Manage PermissionsManage Permissions
"""
GIALAI_LIKE = """HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6: Năm 2020, Sở TTTT Gia Lai làm Cụm trưởng

Cập nhật lúc:   11:01:19 - 12/03/2020 Số lượt xem:   141 Người đăng:   Đoàn Thị Phước Tâm
 Lãnh đạo Sở TTTT bắt tay giao ước thi đua Lãnh đạo Sở TTTT bắt tay giao ước thi đua

Sáng ngày 06/3, tại tỉnh Đắk Lắk, Bộ Thông tin và Truyền thông đã tổ chức Hội nghị tổng kết.

Tác giả : Tin, ảnh: Ý THIÊN |
Thư viện ảnh
Số Lượt Truy Cập
"""


def test_split_source_sharepoint_style() -> None:
    src = split_source("a", SEED_LIKE)
    assert src.category == "Tin hoạt động sở ngành"
    assert src.title == "Ngành Thông tin và Truyền thông tỉnh Bình Dương phát động thi đua đoàn kết"
    assert src.when == (2021, 10, 14, 11, 0, 0)
    assert src.author == "Yến Nhi" and src.views == 887
    assert src.attachments == [("Kế hoạch", "ke-hoach.pdf")]
    assert [p[:20] for p in src.paragraphs] == ["TTĐT - Sở Thông tin ", "Theo đó, phát động p"]


def test_split_source_new_cms_style() -> None:
    src = split_source("b", GIALAI_LIKE)
    assert src.when == (2020, 3, 12, 11, 1, 19)
    assert (src.author, src.poster, src.views) == ("Ý THIÊN", "Đoàn Thị Phước Tâm", 141)
    assert src.captions == ["Lãnh đạo Sở TTTT bắt tay giao ước thi đua"]
    assert src.paragraphs == ["Sáng ngày 06/3, tại tỉnh Đắk Lắk, Bộ Thông tin và Truyền thông đã tổ chức Hội nghị tổng kết."]


def test_split_source_without_title_is_an_error() -> None:
    with pytest.raises(ValueError, match="x: no title line"):
        split_source("x", "Tin\n\nngắn\n")


@pytest.fixture
def built(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed-000.txt").write_text(SEED_LIKE, encoding="utf-8")
    (corpus / "seed-003.txt").write_text(GIALAI_LIKE, encoding="utf-8")
    (corpus / "seed-000.json").write_text(json.dumps({"people": ["GOLD-ONLY-MARKER"]}), encoding="utf-8")
    out = tmp_path / "site"
    stats = build(corpus, out)
    assert stats["articles"] == 2
    return out


def test_build_never_reads_gold_json(built: Path) -> None:
    for path in built.rglob("*"):
        if path.is_file():
            assert b"GOLD-ONLY-MARKER" not in path.read_bytes(), path


def test_build_manifest_routes_point_at_existing_files(built: Path) -> None:
    routes = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    for route in routes:
        assert (built / route["file"]).is_file()
        assert set(route) >= {"path", "query", "method", "file", "content_type", "behavior"}
        assert route["path"].startswith("/")


def test_rebuild_replaces_output(built: Path, tmp_path: Path) -> None:
    (built / "stale.html").write_text("old", encoding="utf-8")
    build(tmp_path / "corpus", built)
    assert not (built / "stale.html").exists() and (built / "manifest.json").is_file()


def test_cli_errors_are_one_line_and_non_zero(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path / "missing"), str(tmp_path / "out")]) == 1
    assert "corpus directory not found" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main([str(tmp_path / "empty"), str(tmp_path / "out")]) == 1
    assert "no .txt articles" in capsys.readouterr().err
    assert main([]) == 2
    assert not (tmp_path / "out").exists()


def test_cli_keeps_existing_output_when_the_corpus_is_bad(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text("[]", encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.txt").write_bytes("Tin\nngắn".encode())
    assert main([str(tmp_path / "bad"), str(out)]) == 1
    assert (out / "manifest.json").read_text(encoding="utf-8") == "[]"


# ---- the committed bundle (data/sample_site) ----

def _committed_routes() -> list[dict]:
    return json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))


def test_committed_manifest_files_exist_and_behaviours_are_complete() -> None:
    routes = _committed_routes()
    for route in routes:
        assert (SAMPLE / route["file"]).is_file(), route["file"]
        if route["behavior"] == "adf_loop":
            assert (SAMPLE / route["interstitial"]).is_file()
        if route["behavior"] == "postback":
            assert route["method"] == "POST" and len(route["files_by_target"]) >= 2
            assert all((SAMPLE / f).is_file() for f in route["files_by_target"].values())
    assert Counter(r["behavior"] for r in routes)["postback"] == 1
    assert Counter(r["behavior"] for r in routes)["adf_loop"] >= 5


def test_committed_sites_toml_has_one_table_per_site() -> None:
    sites = tomllib.loads((SAMPLE / "sites.toml").read_text(encoding="utf-8"))["site"]
    assert {s["family"] for s in sites} == {"sharepoint_list", "sharepoint_portal", "liferay", "webcenter", "dnn",
                                            "cms_generic", "custom_cms", "newspaper", "sharepoint_lacviet", "nukeviet",
                                            "websphere"}
    paths = {r["path"] for r in _committed_routes()}
    for site in sites:
        assert set(site) >= {"id", "name", "family", "province", "base_path", "start_paths", "max_pages"}
        assert site["base_path"] == "/" + site["id"]
        for start in site["start_paths"] + site.get("feed_paths", []):
            assert start.startswith(site["base_path"] + "/")
            assert start.split("?")[0] in paths


def test_every_site_has_chrome_counter_and_contact_page() -> None:
    from crawler.encoding import decode_html
    from extract.normalize import normalize_text

    for site_dir in (p for p in SAMPLE.iterdir() if p.is_dir()):
        pages = [normalize_text(decode_html(p.read_bytes())[0]) for p in site_dir.rglob("*.html") if ".loop." not in p.name]
        assert pages and all("Tổng truy cập" in p for p in pages), site_dir.name
        assert any("Liên hệ</h2>" in p for p in pages), site_dir.name


def test_a_corpus_article_is_syndicated_on_a_newspaper() -> None:
    portal = (SAMPLE / "binhduong").glob("dispform-*.html")
    paper = (SAMPLE / "baobinhduong").glob("*-a*.html")
    needle = "(BDIZA) - Nhằm huy động sức mạnh".encode()
    assert any(needle in p.read_bytes() for p in portal) and any(needle in p.read_bytes() for p in paper)
