"""Benchmark the catalogue of facts: load N synthetic articles whose facts overlap, then time the canned queries.

The articles are stories told by several outlets (syndicated copies with page
chrome or a new lead around the release), about 500 units (8 sectors × 63
provinces, their names written abbreviated or in full), their clusters and
officials: review meetings that propose awards and name cluster roles,
follow-ups that confer what was proposed, launches without a date, documents
cited by number, officials whose positions change, named campaigns.  Facts per
article follow what the extractor finds on the bundled sample site (per
article there: 4.3 provinces, 0.6 clusters with 3.6 members, 1.5 awards, 1.0
events, 0.6 documents, 0.6 roles, 0.1 officials, 1.4 campaigns); here about
5 provinces, 0.5 clusters with 5 members, 1.6 awards, 0.8 events, 0.5
documents, 1.0 roles, 0.3 officials, 1 campaign.  Each article goes through
the real path: ``prepare_article`` (in worker processes, as the crawler does),
then ``Catalogue.upsert_many`` with the batch's articles and
``Catalogue.store_extractions`` with their extraction records (as
``thidua run`` and ``thidua load`` write them), timed in the main process,
``--batch`` articles per transaction.  With ``--baseline-root`` at a
checkout older than these two, articles and records go one by one through
``upsert_prepared`` and ``store_extraction``.

Reported: load rate (articles/s) and its ratio to the rate before the catalogue
of facts (``--baseline-rate``, 841/s measured on this machine; or measure it
with ``--baseline-root``, a checkout of the code before, on the very same
articles), database size, facts against mentions, and p50/p95 of every canned
query (run as ``thidua query --canned`` runs them, a fresh read-only connection
each time) with realistic parameters.

Targets: load ≥ 0.7 × the baseline rate; canned queries p95 < 100 ms.

Usage:
    python bench/bench_facts.py --articles 100000
    python bench/bench_facts.py --articles 100000 --baseline-root /tmp/thidua-before
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SECTORS = {  # sector → abbreviations written in articles
    "Thông tin và Truyền thông": ["TT&TT", "TTTT"], "Khoa học và Công nghệ": ["KH&CN"],
    "Giáo dục và Đào tạo": ["GD&ĐT"], "Y tế": [], "Tài chính": [], "Tư pháp": [], "Nội vụ": [],
    "Lao động - Thương binh và Xã hội": ["LĐ-TB&XH"],
}
AWARDS = [("Cờ thi đua", "ministry"), ("Bằng khen", "ministry"), ("Bằng khen", "province"),
          ("Cờ thi đua", "government"), ("Huân chương Lao động", "state")]
CHROME = ["Tin hoạt động", "Cỡ chữ: Giảm (A-) Mặc định (A) Tăng (A+)", "In bài viết | Gửi email", "Tin khác",
          "Lượt xem: 1.024", "Chia sẻ: Facebook | Zalo"]
N_SOURCES = 40
CAMPAIGNS = ["Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau", "Dân vận khéo",
             "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", "Chung sức xây dựng nông thôn mới",
             "Doanh nghiệp Việt Nam hội nhập và phát triển", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
             "Toàn dân đoàn kết xây dựng đời sống văn hóa", "Chuyển đổi số vì người dân và doanh nghiệp",
             "Đổi mới, sáng tạo trong quản lý, sản xuất và kinh doanh", "Cả nước thi đua xây dựng xã hội học tập"]


def _setup_paths(root: Path) -> None:
    sys.path[:0] = [str(root), str(HERE)]


class Story:
    """One release and its facts; copies of it are articles."""

    def __init__(self, rng: random.Random, gen, provinces: list[str], i: int) -> None:
        self.rng = rng
        sector = rng.choice(list(SECTORS))
        self.year = rng.randint(2016, 2025)
        cluster = rng.randint(1, 8)
        members = rng.sample(provinces, 5)
        self.kind = rng.choices(["review", "conferral", "launch"], [0.5, 0.3, 0.2])[0]
        self.published = f"{self.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        day = int(self.published[-2:])
        lines = [gen.sentence().rstrip(".;:") for _ in range(1)]  # the headline
        record: dict = {"provinces": members, "clusters": [], "awards": [], "events": [], "documents": [],
                        "people": [], "campaigns": [], "themes": []}
        facts: list[str] = []
        if self.kind == "review":
            roles = [{"role": "leader", "unit": self.unit(sector, members[0]), "province": members[0],
                      "year": self.year},
                     {"role": "deputy", "unit": self.unit(sector, members[1]), "province": members[1],
                      "year": self.year}]
            record["clusters"].append({"label": f"Cụm thi đua số {cluster}", "kind": "cụm", "number": cluster,
                                       "organizer": f"Bộ {sector}", "members": members, "member_count": 5,
                                       "member_units": [], "roles": roles})
            record["events"].append({"kinds": ["review", "pledge_signing"], "place": f"tỉnh {members[0]}",
                                     "date": f"{self.published[:8]}{max(1, day - 1):02d}", "province": members[0]})
            for p in members[2:2 + rng.randint(1, 2)]:
                award, level = rng.choice(AWARDS[:3])
                record["awards"].append(self.award(award, level, sector, p, "proposed"))
            if rng.random() < 0.4:
                record["awards"].append({"award": "Bằng khen", "level": "ministry", "recipient": None,
                                         "province": None, "count": rng.randint(2, 12), "for_year": self.year - 1,
                                         "status": "proposed", "conferred_by": f"Bộ {sector}"})
            facts.append(f"Hội nghị tổng kết Cụm thi đua số {cluster} năm {self.year - 1} tại tỉnh {members[0]}, "
                         f"{roles[0]['unit']} làm Cụm trưởng năm {self.year}.")
        elif self.kind == "conferral":
            for p in members[:rng.randint(1, 3)]:
                award, level = rng.choice(AWARDS)
                record["awards"].append(self.award(award, level, sector, p, "conferred"))
            number = f"{rng.randint(1, 999)}/QĐ-{rng.choice(['BTTTT', 'UBND', 'TTg', 'BKHCN'])}"
            record["documents"].append({"kind": "Quyết định", "number": number, "date": self.published})
            facts.append(f"Quyết định số {number} tặng {record['awards'][0]['award']} cho "
                         f"{record['awards'][0]['recipient']} vì thành tích năm {self.year - 1}.")
        else:
            record["events"].append({"kinds": ["launch"], "date": None, "place": None, "province": members[0]})
            number = f"{rng.randint(1, 99):02d}/KH-{rng.choice(['STTTT', 'UBND', 'SKHCN'])}"
            record["documents"].append({"kind": "Kế hoạch", "number": number, "date": None})
            facts.append(f"Thực hiện Kế hoạch số {number}, {self.unit(sector, members[0])} phát động phong trào "
                         f"thi đua năm {self.year}.")
        official = provinces.index(members[0]) * 7 + list(SECTORS).index(sector)
        position = (f"Giám đốc {self.unit(sector, members[0])}" if self.year < 2021 or official % 3
                    else f"Phó Chủ tịch UBND tỉnh {members[0]}")
        name = f"{['Nguyễn', 'Trần', 'Lê', 'Phạm'][official % 4]} {['Văn', 'Thị', 'Đức'][official % 3]} " \
               f"{['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Sơn'][official % 10]}"
        if rng.random() < 0.3:
            record["people"].append({"name": name, "position": position})
            facts.append(f"Phát biểu tại hội nghị, ông {name}, {position} đề nghị các đơn vị tiếp tục thi đua.")
        campaign = CAMPAIGNS[rng.randrange(len(CAMPAIGNS))]
        record["campaigns"].append({"name": campaign if rng.random() < 0.8 else campaign.upper(), "kind": None,
                                    "launched_by": None, "period": None})
        body = [gen.sentence() + " " + gen.sentence() for _ in range(rng.randint(3, 7))]
        self.lines = lines + facts + body
        self.record = record
        self.id = i

    def unit(self, sector: str, province: str) -> str:
        forms = [f"Sở {sector} tỉnh {province}", f"Sở {sector} {province}"] + \
                [f"Sở {a} {province}" for a in SECTORS[sector]]
        return self.rng.choice(forms)

    def award(self, award: str, level: str, sector: str, province: str, status: str) -> dict:
        return {"award": award, "level": level, "conferred_by": f"Bộ {sector}", "recipient": self.unit(sector, province),
                "province": province if self.rng.random() < 0.7 else None, "count": None,
                "for_year": self.year - 1, "status": status}


def make_chunk(args: tuple[int, int, int, str]) -> list[tuple]:
    """Articles [start, stop): (prepared article, record); stories are drawn so copies land in one chunk."""
    start, stop, seed, root = args
    _setup_paths(Path(root))
    from bench_catalogue import Generator, _provinces

    from catalog.store import prepare_article

    rng = random.Random(seed * 7919 + start)
    gen = Generator(seed * 31 + start)
    provinces = _provinces()
    out: list[tuple] = []
    i = start
    while i < stop:
        story = Story(rng, gen, provinces, i)
        copies = min(stop - i, 1 + min(3, int(rng.expovariate(0.9))))
        for c in range(copies):
            lines = list(story.lines)
            if c:  # a copy: page chrome, sometimes a new lead, sometimes the tail cut
                lines = rng.sample(CHROME, 2) + ([f"(Theo nguồn tin) Cổng thông tin đăng lại bài {story.id}."]
                                                 if rng.random() < 0.5 else []) + lines
                if rng.random() < 0.3:
                    lines = lines[:-1]
            text = "\n".join(lines)
            record = {**story.record, "published": story.published}
            for field in ("awards", "events", "documents", "people"):
                record[field] = [{**f, "evidence": {"sentence_index": 1, "sentence": lines[1], "start": 0,
                                                    "end": 10}} for f in record[field]]
            item = {"url": f"https://bench{(i + c) % N_SOURCES}.thidua.example/tin/{i + c}.html",
                    "source": f"bench-{(story.id + 7 * c) % N_SOURCES}", "family": "bench",
                    "title": lines[0] if not c else story.lines[0], "published": story.published, "text": text}
            out.append((prepare_article(item), record))
        i += copies
    return out


def generate(n: int, batch: int, seed: int, root: Path) -> list[list[tuple]]:
    chunks = [(s, min(s + batch, n), seed, str(root)) for s in range(0, n, batch)]
    with mp.get_context("fork").Pool(max(1, os.cpu_count() or 2)) as pool:
        return pool.map(make_chunk, chunks)


def load(db_path: Path, batches: list[list[tuple]], facts: bool = True) -> tuple[float, float]:
    """Store every article and (with ``facts``) its record; returns (wall, CPU) seconds spent in the catalogue."""
    from catalog.store import Catalogue

    cat = Catalogue(db_path)
    cat.db.execute("PRAGMA synchronous = NORMAL")
    store_many = hasattr(cat, "upsert_many")
    run = cat.start_run("bench", ["bench"])
    done, spent, cpu = 0, 0.0, 0.0
    for items in batches:
        t, c = time.perf_counter(), time.process_time()
        with cat.db.atomic():
            if store_many:
                stored = cat.upsert_many([prepared for prepared, _ in items], run)
                pairs = [(article_id, record) for (_, article_id), (_, record) in zip(stored, items, strict=True)]
            else:  # the code before upsert_many
                pairs = []
                for prepared, record in items:
                    cat.upsert_prepared(prepared, run)
                    pairs.append((cat.db.execute("SELECT id FROM articles WHERE url = ?", [prepared.row["url"]])
                                  .fetchone()[0], record))
            if facts and store_many:
                cat.store_extractions(pairs, "bench-1", batch=len(pairs) or 1)
            elif facts:  # the code before store_extractions
                for article_id, record in pairs:
                    cat.store_extraction(article_id, record, "bench-1")
        spent += time.perf_counter() - t
        cpu += time.process_time() - c
        done += len(items)
        if facts and done % 20_000 < len(items):
            print(f"  loaded {done:>8,} articles  {spent:7.1f} s  {done / spent:6,.0f} articles/s", flush=True)
    cat.close()
    return spent, cpu


def canned_cases(db_path: Path, rng: random.Random) -> list[tuple[str, dict]]:
    """Canned queries with parameters a researcher would type, drawn from the loaded catalogue."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    provinces = [r[0] for r in conn.execute("SELECT DISTINCT province FROM awards WHERE province IS NOT NULL")]
    units = [r[0] for r in conn.execute("SELECT alias FROM unit_mentions ORDER BY random() LIMIT 200")]
    people = [r[0] for r in conn.execute("SELECT name FROM people ORDER BY random() LIMIT 50")]
    conn.close()
    year = lambda: str(rng.randint(2015, 2024))  # noqa: E731
    return [
        ("awards_by_province_year", {}), ("awards_by_province_year", {"year": year()}),
        ("awards_by_province_year", {"successor": "1", "year": year(), "level": "ministry"}),
        ("cluster_roles_by_year", {"cluster": str(rng.randint(1, 8)), "year": year()}),
        ("cluster_roles_by_year", {"year": year()}),
        ("unit_award_history", {"unit": rng.choice(units)}),
        ("person_positions", {"person": rng.choice(people)}),
        ("proposed_not_conferred", {"province": rng.choice(provinces), "year": year()}),
        ("proposed_not_conferred", {"year": year()}),
        ("fact_coverage", {"fact": rng.choice(["awards", "events", "documents", "people"])}),
        ("clusters_by_year", {"year": year()}),
    ]


def bench_queries(db_path: Path, rounds: int, seed: int) -> bool:
    from catalog.canned import run

    rng = random.Random(seed)
    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        for name, params in canned_cases(db_path, rng):
            t = time.perf_counter()
            run(db_path, name, params)
            times.setdefault(name, []).append((time.perf_counter() - t) * 1000)
    ok = True
    print("canned query          runs   p50 ms   p95 ms   max ms")
    for name, ts in sorted(times.items()):
        ts.sort()
        p95 = ts[max(0, round(0.95 * len(ts)) - 1)]
        ok &= p95 < 100
        print(f"{name:<22}{len(ts):>5}{statistics.median(ts):>9.1f}{p95:>9.1f}{ts[-1]:>9.1f}")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=2000,
                    help="articles per transaction (catalog.store.STORE_BATCH, what thidua run and load write)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--rounds", type=int, default=40, help="rounds of canned queries")
    ap.add_argument("--baseline-rate", type=float, default=841.0, help="articles/s before the catalogue of facts")
    ap.add_argument("--baseline-root", type=Path, help="a checkout of the code before: measure its rate here")
    ap.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)  # the code under test
    ap.add_argument("--load-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--keep", type=Path, help="keep the database at this path")
    args = ap.parse_args(argv)
    _setup_paths(args.root)

    tmp = tempfile.mkdtemp(prefix="thidua-bench-facts-")
    db_path = args.keep or Path(tmp) / "catalogue.db"
    try:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        t = time.perf_counter()
        batches = generate(args.articles, args.batch, args.seed, args.root)
        print(f"generated {args.articles:,} articles in {time.perf_counter() - t:.1f} s", flush=True)
        spent, cpu = load(db_path, batches)
        rate = args.articles / spent
        plain = Path(tmp) / "articles-only.db"
        plain_spent, plain_cpu = load(plain, batches, facts=False)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{plain}{suffix}").unlink(missing_ok=True)
        if args.load_only:
            print(f"RATE {rate:.1f} CPU {args.articles / cpu:.1f}")
            return 0
        baseline = args.baseline_rate
        if args.baseline_root:
            out = subprocess.run([sys.executable, __file__, "--articles", str(args.articles), "--batch",
                                  str(args.batch), "--seed", str(args.seed), "--root", str(args.baseline_root),
                                  "--load-only"], capture_output=True, text=True, check=True).stdout
            baseline, baseline_cpu = (float(x) for x in out.rsplit("RATE ", 1)[1].split(" CPU "))
            print(f"baseline ({args.baseline_root}): {baseline:,.0f} articles/s on the same articles "
                  f"({baseline_cpu:,.0f} per CPU-second)")
        size = sum(Path(f"{db_path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db_path}{s}").exists())
        print(f"articles only (the load path before facts, same articles, same run): "
              f"{args.articles / plain_spent:,.0f} articles/s ({args.articles / plain_cpu:,.0f} per CPU-second); "
              f"with facts {rate / (args.articles / plain_spent):.2f}× that")
        print(f"load: {args.articles:,} articles in {spent:.1f} s = {rate:,.0f} articles/s "
              f"({args.articles / cpu:,.0f} per CPU-second; the two differ when other work shares the cores); "
              f"{rate / baseline:.2f}× the baseline {baseline:,.0f}/s (target ≥ 0.70×)")
        print(f"database size: {size / 1e6:,.1f} MB ({size / args.articles:,.0f} bytes/article)")
        import sqlite3

        conn = sqlite3.connect(db_path)
        for table, mentions in (("awards", "award_mentions"), ("events", "event_mentions"),
                                ("cluster_roles", "cluster_role_mentions"), ("people", "person_mentions"),
                                ("documents", "document_mentions"), ("units", "unit_mentions"),
                                ("stories", "article_stories")):
            facts, reports = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (table, mentions))
            print(f"  {table:<14}{facts:>9,} facts  {reports:>9,} mentions")
        conn.close()
        ok = bench_queries(db_path, args.rounds, args.seed)
        print("targets:", "met" if ok and rate >= 0.7 * baseline else "NOT met")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
