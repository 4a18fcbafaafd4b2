"""Extraction time on pathological page shapes, from 10 KB to 1 MB: it must grow linearly (issue #12).

    python bench/bench_linear.py [--sizes 10,100,300,1000] [--limit 10]

Shapes (built from the words of the real articles in ../shared/corpus/real, or of tests/ when it is absent):

* ``no-punct``  one unpunctuated run of words (what a list or table page becomes when its markup is stripped);
* ``list``      items "Sở …, " one after another, 5,000 of them at 1 MB;
* ``table``     a results table printed as text, "n | Sở … tỉnh … | 95,5 | 3" a row;
* ``one-line``  the body paragraphs of the real articles run into one line, without line breaks;
* ``normal``    the same paragraphs, one a line: one very long ordinary article.

Each size runs in a fresh process with a time limit (``--limit`` seconds, the target: every size under 10 s).
The table gives seconds per size and, per shape, the ratio of the time per KB at the largest size to that at the
smallest size above 50 KB: about 1 for linear time (2 would mean the time per KB doubles — quadratic growth).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHAPES = ("no-punct", "list", "table", "one-line", "normal")


def _source_texts() -> list[str]:
    for d in (ROOT.parent / "shared" / "corpus" / "real", ROOT / "tests"):
        texts = [p.read_text(encoding="utf-8") for p in sorted(d.rglob("*.txt"))]
        if texts:
            return texts
    raise SystemExit("no source texts found")


def _paragraphs(texts: list[str]) -> list[str]:
    """The body paragraphs of the source articles (their menus, footers and related-news lists left out, so that one
    long article of them is read to its end)."""
    from extract.boilerplate import split_page
    from extract.normalize import normalize_text

    out = []
    for t in texts:
        norm = normalize_text(t)
        page = split_page(norm)
        out += [norm[s:e] for s, e in page.body if (s, e) != page.title_span and len(norm[s:e].split()) >= 12]
    return out


def build(shape: str, size_kb: int) -> str:
    """A text of the given shape, about ``size_kb`` KB of UTF-8."""
    texts = _source_texts()
    if shape in ("one-line", "normal"):
        texts = _paragraphs(texts)
    words = re.sub(r"[^\w\s]", " ", " ".join(texts)).split()
    units = [f"Sở {w.capitalize()} tỉnh {p}" for w, p in zip(words[::7], ["Gia Lai", "Kon Tum", "Đắk Lắk", "Phú Yên"] * 10**6)]
    target = size_kb * 1024
    out: list[str] = []
    n = 0
    i = 0
    while n < target:
        if shape == "no-punct":
            piece = words[i % len(words)] + " "
        elif shape == "list":
            piece = units[i % len(units)] + ", "
        elif shape == "table":
            piece = f"{i + 1} | {units[i % len(units)]} | {90 + i % 10},5 | {i % 7 + 1}\n"
        elif shape == "one-line":
            piece = texts[i % len(texts)] + " "
        else:
            piece = texts[i % len(texts)] + "\n"
        out.append(piece)
        n += len(piece.encode("utf-8"))
        i += 1
    head = "Cụm thi đua số 4 tổng kết phong trào thi đua năm 2024\n\n"
    return head + "".join(out)


def _run(shape: str, size_kb: int, queue) -> None:
    from extract.api import extract_text
    from extract.api import warm_up

    warm_up()
    text = build(shape, size_kb)
    t0 = time.perf_counter()
    rec = extract_text(text)
    queue.put((time.perf_counter() - t0, sum(len(v) for v in rec.values() if isinstance(v, list))))


def measure(shape: str, size_kb: int, limit: float) -> float | None:
    """Seconds to extract one text of the shape and size (fresh process), or None past ``limit``."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(shape, size_kb, queue))
    proc.start()
    proc.join(limit + 60)  # model loading and text building are not timed
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    secs, _ = queue.get() if not queue.empty() else (None, 0)
    return secs if secs is not None and secs <= limit else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,300,1000", help="sizes in KB, comma-separated")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--limit", type=float, default=10.0, help="seconds allowed per text (the target)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    print(f"{'shape':<10}" + "".join(f"{str(s) + ' KB':>10}" for s in sizes) + f"{'growth':>9}")
    failed = False
    for shape in shapes:
        times = [measure(shape, s, args.limit) for s in sizes]
        cells = "".join(f"{t:>9.2f}s" if t is not None else f"{'> ' + str(int(args.limit)) + 's':>10}" for t in times)
        ok = [(s, t) for s, t in zip(sizes, times) if t is not None and s >= 50]
        growth = (ok[-1][1] / ok[-1][0]) / (ok[0][1] / ok[0][0]) if len(ok) >= 2 and ok[0][1] > 0 else float("nan")
        failed |= any(t is None for t in times)
        print(f"{shape:<10}{cells}{growth:>9.2f}")
    print(f"target: every size under {args.limit:g} s, growth about 1 (time per KB steady)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
