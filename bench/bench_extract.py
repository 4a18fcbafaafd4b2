"""Extraction throughput against plain underthesea word segmentation (issue #3).

Target: extraction ≥ 0.5× the throughput of ``underthesea.word_tokenize`` on
the same texts, measured in the same run.

    python bench/bench_extract.py [--corpus DIR ...] [--repeat 20]

Texts: every .txt under the given corpus directories (default: ../shared/corpus/real,
../shared/corpus/dev and the test articles under tests/), repeated to a few hundred
articles; ``--corpus ../shared/corpus/real`` measures the real articles alone.
Reports articles/s for word_tokenize (one core), extraction on one core and on
all cores (fork pool), and the ratio.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _texts(dirs: list[Path], repeat: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for d in dirs for p in sorted(d.rglob("*.txt"))]
    return [t for t in texts if t.strip()] * repeat


def _extract(text: str) -> int:
    from extract.api import extract_text
    from extract.gazetteer import gazetteer

    # texts repeat in this benchmark: start each article with a cold place-scan cache
    gazetteer()._scan_cached.cache_clear()
    rec = extract_text(text)
    return sum(len(v) for v in rec.values() if isinstance(v, list))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, action="append")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    shared = ROOT.parent / "shared" / "corpus"
    dirs = args.corpus or [p for p in (shared / "real", shared / "dev", ROOT / "tests") if p.exists()]
    texts = _texts(dirs, args.repeat)
    if not texts:
        print("no texts found", file=sys.stderr)
        return 1

    from underthesea import word_tokenize

    from extract.api import warm_up
    from extract.normalize import normalize_text

    warm_up()
    word_tokenize("khởi động mô hình")
    normalized = [normalize_text(t) for t in texts]

    t0 = time.perf_counter()
    for t in normalized:
        for line in t.split("\n"):
            if line.strip():
                word_tokenize(line)
    wt = time.perf_counter() - t0

    t0 = time.perf_counter()
    for t in texts:
        _extract(t)
    one = time.perf_counter() - t0

    cores = os.cpu_count() or 1
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(cores) as pool:
        pool.map(_extract, texts, chunksize=8)
    allc = time.perf_counter() - t0

    n = len(texts)
    print(f"articles: {n} ({len(texts) // args.repeat} distinct × {args.repeat}); cores: {cores}")
    print(f"underthesea word_tokenize, 1 core : {n / wt:8.1f} articles/s")
    print(f"thidua extract, 1 core            : {n / one:8.1f} articles/s")
    print(f"thidua extract, {cores} cores          : {n / allc:8.1f} articles/s")
    ratio = wt / one
    print(f"extraction / word_tokenize (1 core): {ratio:.2f}× (target ≥ 0.5×) {'OK' if ratio >= 0.5 else 'BELOW TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
