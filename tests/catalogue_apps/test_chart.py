"""catalog.chart: valid PNGs of the exact requested size; clear errors leave files alone."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread

from catalog.chart import award_counts, chart, overlapping_texts, render
from catalog.export import CatalogueError


def ihdr(path: Path) -> tuple[int, int]:
    """Width and height from the PNG signature and IHDR chunk, checking the chunk's CRC."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    body = data[16:29]
    (crc,) = struct.unpack(">I", data[29:33])
    assert crc == zlib.crc32(kind + body)
    width, height = struct.unpack(">II", body[:8])
    assert data.endswith(b"IEND\xaeB`\x82")
    return width, height


def colours(path: Path) -> int:
    pixels = imread(path)[..., :3].reshape(-1, 3)
    return len(np.unique((pixels * 255).astype(np.uint8), axis=0))


@pytest.mark.parametrize("size", [(1200, 600), (1001, 333), (640, 987)])
def test_campaign_chart_has_exact_size(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    out = tmp_path / "coverage.png"
    result = chart(db_path, "campaign", campaign="chung tay vi nguoi ngheo", out=out, width=size[0], height=size[1])
    assert result == out
    assert ihdr(out) == size
    assert colours(out) > 20  # markers, lines, text: not a blank canvas


@pytest.mark.parametrize("options", [{}, {"year": 2021}, {"successor": True}, {"year": 2020, "successor": True}])
def test_awards_chart(db_path: Path, tmp_path: Path, options: dict) -> None:
    out = tmp_path / "awards.png"
    chart(db_path, "awards", out=out, width=900, height=500, **options)
    assert ihdr(out) == (900, 500)
    assert colours(out) > 20


def test_award_counts_read_2025_units(db_path: Path) -> None:
    historical = award_counts(db_path, year=2021)
    assert historical == {"Bình Dương": {("Cờ thi đua", "conferred"): 1},
                          "Bà Rịa - Vũng Tàu": {("Bằng khen", "conferred"): 1}}
    merged = award_counts(db_path, year=2021, successor=True)
    assert merged == {"Hồ Chí Minh": {("Cờ thi đua", "conferred"): 1, ("Bằng khen", "conferred"): 1}}
    # "tặng Bằng khen cho 12 tập thể" is one award (its 12 recipients are in the canned query's recipients);
    # Bình Định and Gia Lai are one unit from 2025
    assert award_counts(db_path, year=2020, successor=True)["Gia Lai"] == {
        ("Bằng khen", "conferred"): 1, ("Cờ thi đua", "proposed"): 1}


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "campaign", "campaign": "xây dựng nông thôn mới"}, "unknown campaign 'xây dựng nông thôn mới'"),
    ({"kind": "campaign"}, "needs a campaign name"),
    ({"kind": "awards", "year": 1999}, "no awards for year 1999; years with awards: 2020, 2021"),
    ({"kind": "awards", "width": 20}, "width must be an integer between 100"),
    ({"kind": "pie"}, "unknown chart kind: 'pie'"),
])
def test_errors_keep_existing_file(db_path: Path, tmp_path: Path, kwargs: dict, message: str) -> None:
    out = tmp_path / "chart.png"
    out.write_bytes(b"old chart")
    with pytest.raises(CatalogueError, match=message):
        chart(db_path, out=out, **kwargs)
    assert out.read_bytes() == b"old chart"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


def test_missing_output_directory(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="output directory does not exist"):
        chart(db_path, "awards", out=tmp_path / "no" / "awards.png")


@pytest.mark.parametrize("kind, options", [("campaign", {"campaign": "chung tay vi nguoi ngheo"}), ("awards", {}),
                                           ("awards", {"successor": True, "year": 2020})])
@pytest.mark.parametrize("size", [(1200, 600), (800, 450), (1600, 900)])
def test_no_text_overlaps(db_path: Path, kind: str, options: dict, size: tuple[int, int]) -> None:
    fig = render(db_path, kind, width=size[0], height=size[1], **options)
    assert overlapping_texts(fig) == []


def test_overlap_check_sees_an_overlap() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 3))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_xlabel("2021-03-02 – 2021-03-10: 4 bài / articles")
    fig.text(0.5, 0.02, "Mar 2021", ha="center")  # where the date range used to be drawn
    assert overlapping_texts(fig) != []


def test_outlet_labels_are_distinct_for_long_names(db_path: Path, fx) -> None:
    from dataclasses import replace

    from catalog.chart import draw_campaign
    from catalog.trace import trace

    result = trace(db_path, "chung tay vi nguoi ngheo")
    long_names = {"Sở TT&TT Gia Lai": "Sở Thông tin và Truyền thông tỉnh Gia Lai",
                  "Cổng TTĐT tỉnh Kon Tum": "Cổng thông tin điện tử tỉnh Kon Tum",
                  "Cổng TTĐT tỉnh Bình Định": "Sở Thông tin và Truyền thông tỉnh Bình Định"}
    result.articles = [replace(a, source=long_names.get(a.source, a.source)) for a in result.articles]
    fig = render(db_path, "awards")  # a canvas of the right kind
    fig.clear()
    draw_campaign(fig, result)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Sở TT&TT Gia Lai", "Cổng TTĐT Kon Tum", "Sở TT&TT Bình Định"]
    assert overlapping_texts(fig) == []
