"""`thidua extract` on good and bad input, through the real CLI."""

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import extract_cmd

ARTICLE = """Cổng thông tin điện tử
Thứ 3, Ngày 30/03/2023, 15:20
Cụm thi đua số 1 ngành Thông tin và Truyền thông tổng kết năm 2022
Sáng 29/3, tại thành phố Cần Thơ, Cụm thi đua số 1 gồm Sở Thông tin và Truyền thông các thành phố Hà Nội, Hải Phòng, Đà Nẵng, Cần Thơ và TP.HCM tổ chức hội nghị tổng kết phong trào thi đua năm 2022.
"""

FIELDS = ["provinces", "clusters", "campaigns", "themes", "awards", "events", "documents", "people"]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", ARTICLE), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "cp1258.txt"
    latin.write_bytes(ARTICLE.encode("cp1258", errors="replace"))
    return {"good": good, "nfd": nfd, "empty": empty, "binary": binary, "cp1258": latin,
            "missing": tmp_path / "missing.txt"}


def test_every_field_present(files):
    result = CliRunner().invoke(extract_cmd, [str(files["good"])])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output)
    assert rec["source"] == str(files["good"])
    for f in FIELDS:
        assert isinstance(rec[f], list)
    assert rec["published"] == "2023-03-30"
    assert rec["provinces"] == ["Cần Thơ", "Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh"]
    assert "evidence" not in result.output


def test_nfd_input_gives_the_same_result(files):
    out = CliRunner().invoke(extract_cmd, [str(files["good"]), str(files["nfd"])]).output.splitlines()
    a, b = (json.loads(x) for x in out)
    a.pop("source"), b.pop("source")
    assert a == b


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty", "empty text"),
        ("binary", "binary file"),
        ("cp1258", "not UTF-8 text"),
        ("missing", "no such file"),
    ],
)
def test_bad_input_is_reported_and_others_still_processed(files, name, message):
    result = CliRunner().invoke(extract_cmd, [str(files[name]), str(files["good"])])
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln]
    assert len(errors) == 1
    assert str(files[name]) in errors[0] and message in errors[0]
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(files["good"])]


def test_evidence_points_at_the_sentence(files):
    result = CliRunner().invoke(extract_cmd, ["--evidence", str(files["good"])])
    rec = json.loads(result.output)
    ev = rec["province_evidence"][0]
    assert ev["sentence"].startswith("Sáng 29/3")
    assert "Cần Thơ" in ev["sentence"]


def test_console_script_runs_in_parallel(files):
    proc = subprocess.run([sys.executable, "-c", "from pipeline import cli; cli()", "extract", "-j", "2",
                           str(files["good"]), str(files["nfd"]), str(files["empty"])],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 2
    assert "empty text" in proc.stderr


SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample_site"


@pytest.mark.parametrize(
    ("page", "title_start", "published", "provinces"),
    [
        ("binhduong/dispform-67516.html", "Ngành Thông tin và Truyền thông tỉnh Bình Dương", "2021-10-14T11:00:00+07:00",
         ["Bình Dương"]),
        ("thudaumot/detail-6869.html", "Kế hoạch phát động phong trào thi đua đặc biệt", "2021-09-08", ["Bình Dương"]),
        ("quangnam/PORTAL182771.html", "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6", "2020-03-12T11:01:00+07:00",
         ["Gia Lai", "Phú Yên", "Đắk Lắk", "Lâm Đồng"]),
    ],
)
def test_saved_html_page(page, title_start, published, provinces):
    """HTML input: the crawler's main-text extraction first, page metadata reported (Windows-1258 page included)."""
    result = CliRunner().invoke(extract_cmd, [str(SAMPLE / page)])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output)
    assert rec["title"].startswith(title_start)
    assert rec["published"] == published
    assert rec["provinces"] == provinces
    for key in ("author", "views", "attachments"):
        assert key in rec
    assert "Manage Permissions" not in json.dumps(rec, ensure_ascii=False)


def test_html_attachments_and_counts():
    rec = json.loads(CliRunner().invoke(extract_cmd, [str(SAMPLE / "binhduong/dispform-67516.html")]).output)
    assert rec["author"] == "Yến Nhi" and rec["views"] == 887
    assert [a["name"] for a in rec["attachments"]] == ["ke-hoach.pdf"]


def test_binary_html_is_refused(tmp_path):
    page = tmp_path / "x.html"
    page.write_bytes(b"%PDF-1.4\x00\x01\x02")
    result = CliRunner().invoke(extract_cmd, [str(page)])
    assert result.exit_code == 1 and "binary" in result.stderr
