"""PNG charts of the catalogue: a campaign's coverage timeline, awards by province.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no display,
no global state), at exactly ``width`` × ``height`` pixels.  DejaVu Sans,
bundled with matplotlib, has every Vietnamese letter.

* ``chart(db, "campaign", campaign="chung tay vì người nghèo", out=Path("coverage.png"))``:
  one row per outlet, one marker per article on its publication date; a
  filled marker is the first of its story, a hollow one a syndicated copy,
  and a thin line joins each copy to the story's first article.
* ``chart(db, "awards", out=Path("awards.png"), year=2021, successor=True)``:
  horizontal bars per province (or per 2025 unit with ``successor``), stacked
  by award kind; proposed awards hatched.

>>> import tempfile
>>> chart(Path(tempfile.mkdtemp()) / "missing.db", "awards", out=Path("x.png"))  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
catalog.export.CatalogueError: catalogue not found: .../missing.db
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Literal

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from catalog.export import CatalogueError, open_readonly
from catalog.trace import TraceResult, time_key, trace

Kind = Literal["campaign", "awards"]
KINDS: tuple[str, ...] = ("campaign", "awards")
DPI = 100
MAX_SIZE = 10_000  # pixels per side
TOP_AWARD_KINDS = 6  # further award kinds are stacked as "khác / other"
_PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#7f7f7f"]


def _figure(width: int, height: int) -> Figure:
    for name, value in (("width", width), ("height", height)):
        if not isinstance(value, int) or not 100 <= value <= MAX_SIZE:
            raise CatalogueError(f"chart {name} must be an integer between 100 and {MAX_SIZE} pixels, got {value!r}")
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Figure, out: Path, width: int, height: int) -> Path:
    """Write the PNG atomically (a failed draw leaves an existing file alone) and check its size."""
    out = Path(out)
    if not out.parent.is_dir():
        raise CatalogueError(f"output directory does not exist: {out.parent}")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".png", dir=out.parent)
    os.close(fd)
    try:
        fig.savefig(tmp, dpi=DPI, format="png")
        w, h = png_size(Path(tmp))
        if (w, h) != (width, height):  # pragma: no cover - matplotlib rounding guard
            raise CatalogueError(f"chart came out {w}×{h} pixels instead of {width}×{height}")
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) read from a PNG's IHDR chunk; CatalogueError if it is not a PNG."""
    head = Path(path).read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise CatalogueError(f"not a PNG file: {path}")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def _shorten(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# long words of outlet names, abbreviated as the outlets themselves write them
_OUTLET_ABBREVIATIONS = (
    ("Sở Thông tin và Truyền thông", "Sở TT&TT"), ("Cổng thông tin điện tử", "Cổng TTĐT"),
    ("Cổng Thông tin điện tử", "Cổng TTĐT"), ("Ủy ban nhân dân", "UBND"), ("thành phố ", "TP "),
    ("Thành phố ", "TP "), ("tỉnh ", ""), ("Tỉnh ", ""), (" điện tử", " ĐT"),
)


def outlet_labels(names: list[str], width: int = 32) -> list[str]:
    """Short, distinct y-axis labels for outlet names: common words abbreviated, the distinctive end kept.

    >>> outlet_labels(["Sở Thông tin và Truyền thông tỉnh Gia Lai", "Sở Thông tin và Truyền thông tỉnh Ninh Thuận",
    ...                "Cổng thông tin điện tử thành phố Thủ Dầu Một"])
    ['Sở TT&TT Gia Lai', 'Sở TT&TT Ninh Thuận', 'Cổng TTĐT TP Thủ Dầu Một']
    >>> outlet_labels(["Trung tâm Văn hóa - Thông tin và Thể thao huyện Chư Prông", "Trung tâm Văn hóa - Thông tin"
    ...                " và Thể thao huyện Chư Sê"], width=24)
    ['Trung tâm…Chư Prông', 'Trung tâm…huyện Chư Sê']
    """
    labels = []
    for name in names:
        short = name
        for long, abbr in _OUTLET_ABBREVIATIONS:
            short = short.replace(long, abbr)
        if len(short) > width:  # keep the head and the distinctive tail (the place), cut the middle
            head = short[: width // 2 - 2].rstrip()
            tail: list[str] = []
            for word in reversed(short.split()):  # whole words from the end, as many as fit
                if len(" ".join([word, *tail])) > width - len(head) - 1:
                    break
                tail.insert(0, word)
            short = head + "…" + (" ".join(tail) or short[-(width - len(head) - 1):])
        labels.append(short)
    seen: dict[str, int] = {}
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
    return [f"{label} ({name})" if seen[label] > 1 else label for label, name in zip(labels, names, strict=True)]


# ---- campaign coverage -----------------------------------------------------------------


def draw_campaign(fig: Figure, result: TraceResult) -> None:
    """Timeline of one campaign's articles per outlet (rows), copies hollow and linked to their first."""
    ax = fig.add_subplot(1, 1, 1)
    dated = [a for a in result.articles if time_key(a.published)[0] == 0]
    if not dated:
        raise CatalogueError(f"campaign {result.campaign!r}: no dated articles to chart")
    outlets = list(dict.fromkeys(a.source for a in dated))
    row = {src: i for i, src in enumerate(outlets)}
    when = {a.article_id: time_key(a.published)[1] for a in dated}
    by_id = {a.article_id: a for a in dated}
    colours = {f.family: _PALETTE[i % len(_PALETTE)] for i, f in enumerate(result.families)}
    for a in dated:  # links first
        if a.copy_of is not None and a.copy_of in by_id:
            first = by_id[a.copy_of]
            ax.plot([when[first.article_id], when[a.article_id]], [row[first.source], row[a.source]],
                    color=colours[a.family], linewidth=0.8, alpha=0.6, zorder=1)
    for a in dated:
        copy = a.copy_of is not None
        ax.scatter([when[a.article_id]], [row[a.source]], s=70, zorder=2, marker="o",
                   facecolors="white" if copy else colours[a.family], edgecolors=colours[a.family], linewidths=1.6)
    ax.set_yticks(range(len(outlets)), outlet_labels(outlets))
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    ax.invert_yaxis()
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator, show_offset=False))  # the range goes in the footer
    days = [w.date() for w in when.values()]
    if min(days) == max(days):
        pad = dt.timedelta(days=1)
        ax.set_xlim(min(when.values()) - pad, max(when.values()) + pad)
    ax.grid(axis="x", alpha=0.3)
    undated = len(result.articles) - len(dated)
    note = f"; {undated} undated not shown" if undated else ""
    ax.set_title(_shorten(result.campaign, 90), fontsize=12)
    span = f"{min(days).isoformat()} – {max(days).isoformat()}" if min(days) != max(days) else min(days).isoformat()
    ax.set_xlabel(f"{span}: {len(dated)} bài / articles, {len(outlets)} nguồn / outlets, "
                  f"{len(result.copies)} bản sao / copies (hollow){note}", fontsize=9)
    fig.text(0.01, 0.01, _shorten(f"Đầu tiên / first: {result.first_publisher}", 140), fontsize=8, ha="left",
             va="bottom", color="#444444")
    fig.tight_layout(rect=(0, 0.04, 1, 1))


# ---- awards by province --------------------------------------------------------------------


def award_counts(db_path: str | Path, *, year: int | None = None,
                 successor: bool = False) -> dict[str, dict[tuple[str, str], int]]:
    """province → (award, status) → number of distinct awards (facts, not reports).

    Read from the view ``awards_by_province_year``, as the canned query of that name is, so the
    chart and ``thidua query --canned awards_by_province_year`` give the same numbers.  A
    count-only award ("12 tập thể") is one award; its recipients are in the query's ``recipients``.
    With ``successor`` provinces are read as their 2025 units.
    """
    column = "coalesce(province_2025, province)" if successor else "province"
    sql = (f"SELECT {column}, award, coalesce(status, '?'), sum(awards) FROM awards_by_province_year "
           f"WHERE province IS NOT NULL {'AND year = ?' if year is not None else ''} GROUP BY 1, 2, 3")
    conn = open_readonly(db_path)
    try:
        rows = conn.execute(sql, [year] if year is not None else []).fetchall()
        if year is not None and not rows:
            years = [r[0] for r in conn.execute(
                "SELECT DISTINCT for_year FROM awards WHERE for_year IS NOT NULL ORDER BY 1")]
            raise CatalogueError(f"no awards for year {year}; years with awards: "
                                 f"{', '.join(map(str, years)) or 'none'}")
    finally:
        conn.close()
    counts: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for province, award, status, n in rows:
        counts[province][(award, status)] = int(n)
    return dict(counts)


def draw_awards(fig: Figure, counts: dict[str, dict[tuple[str, str], int]], *, year: int | None,
                successor: bool) -> None:
    """Horizontal stacked bars: provinces by total awards, segments by award kind."""
    if not counts:
        raise CatalogueError("the catalogue has no awards with a province to chart")
    totals_by_kind: dict[str, int] = defaultdict(int)
    for per in counts.values():
        for (award, _), n in per.items():
            totals_by_kind[award] += n
    kinds = sorted(totals_by_kind, key=lambda k: (-totals_by_kind[k], k))
    shown = kinds[:TOP_AWARD_KINDS]
    other = "Khác / other"

    def bucket(award: str) -> str:
        return award if award in shown else other

    segments = shown + ([other] if len(kinds) > len(shown) else [])
    provinces = sorted(counts, key=lambda p: (-sum(counts[p].values()), p))
    ax = fig.add_subplot(1, 1, 1)
    left = [0] * len(provinces)
    for i, kind in enumerate(segments):
        for status, hatch in (("conferred", None), ("proposed", "//"), ("?", "..")):
            widths = [sum(n for (a, s), n in counts[p].items() if bucket(a) == kind and s == status)
                      for p in provinces]
            if not any(widths):
                continue
            ax.barh(range(len(provinces)), widths, left=left, color=_PALETTE[i % len(_PALETTE)], hatch=hatch,
                    edgecolor="white", label=f"{kind}{' (đề nghị / proposed)' if status == 'proposed' else ''}")
            left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(range(len(provinces)), provinces)
    ax.invert_yaxis()
    for y, total in enumerate(left):  # the total at the end of each bar
        ax.text(total, y, f" {total}", va="center", ha="left", fontsize=9)
    ax.set_xlim(0, max(left) * 1.08 + 0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Số khen thưởng (mỗi khen thưởng một lần) / distinct awards")
    unit = "đơn vị 2025 / 2025 units" if successor else "tỉnh, thành / provinces"
    ax.set_title(f"Khen thưởng theo {unit}" + (f" — năm {year}" if year is not None else ""), fontsize=12)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)  # beside the bars
    fig.tight_layout()


# ---- entry point ---------------------------------------------------------------------------


def overlapping_texts(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of drawn texts (titles, axis and tick labels, legend, footer) whose boxes overlap, or a text
    that sticks out of the figure; an empty list for a readable chart."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = list(fig.texts)
    for ax in fig.axes:
        texts += list(ax.texts) + [ax.title, ax.xaxis.label, ax.yaxis.label, ax.xaxis.get_offset_text(), ax.yaxis.get_offset_text()]
        for axis in (ax.xaxis, ax.yaxis):  # ticks beyond the view limits are not drawn
            lo, hi = sorted(axis.get_view_interval())
            texts += [label for loc, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels(), strict=False)
                      if lo - 1e-9 <= loc <= hi + 1e-9]
        if ax.get_legend() is not None:
            texts += ax.get_legend().get_texts()
    boxes = []
    for t in texts:
        if t.get_visible() and t.get_text().strip():
            box = t.get_window_extent(renderer)
            if box.width > 0 and box.height > 0:
                boxes.append((t.get_text(), box.shrunk(0.98, 0.9)))
    bad = []
    for i, (a, box_a) in enumerate(boxes):
        if box_a.x0 < -1 or box_a.y0 < -1 or box_a.x1 > fig.bbox.x1 + 1 or box_a.y1 > fig.bbox.y1 + 1:
            bad.append((a, "(outside the figure)"))
        bad += [(a, b) for b, box_b in boxes[i + 1:] if box_a.overlaps(box_b)]
    return bad


def render(db_path: str | Path, kind: Kind, *, campaign: str | None = None, width: int = 1200, height: int = 600,
           year: int | None = None, successor: bool = False) -> Figure:
    """The chart as a matplotlib Figure (not saved)."""
    if kind not in KINDS:
        raise CatalogueError(f"unknown chart kind: {kind!r}; use one of: {', '.join(KINDS)}")
    fig = _figure(width, height)
    if kind == "campaign":
        if not campaign:
            raise CatalogueError("chart campaign needs a campaign name")
        draw_campaign(fig, trace(db_path, campaign))
    else:
        draw_awards(fig, award_counts(db_path, year=year, successor=successor), year=year, successor=successor)
    return fig


def chart(db_path: str | Path, kind: Kind, *, campaign: str | None = None, out: Path,
          width: int = 1200, height: int = 600, year: int | None = None, successor: bool = False) -> Path:
    """Draw a ``campaign`` coverage timeline or an ``awards`` by province chart to ``out`` (PNG).

    Example: ``chart("data/catalogue.db", "campaign", campaign="Dân vận khéo", out=Path("coverage.png"))``
    """
    fig = render(db_path, kind, campaign=campaign, width=width, height=height, year=year, successor=successor)
    return _save(fig, out, width, height)
