"""Benchmark the catalogue: load N synthetic Vietnamese articles, then search them.

Articles are generated from an embedded vocabulary of government-news words
(Zipf-distributed, with a long tail of personal names, numbers, document
numbers and the 63 province names), about 350 syllables each.  They are
stored through the real path of ``Catalogue.upsert_article`` split in two:
``prepare_article`` (normalisation, content hash, FTS column values) runs in
worker processes, ``Catalogue.upsert_prepared`` writes in the main one, in a
temporary directory.  Then 200 two-word
queries, half with diacritics and half without, are timed through
``catalog.search.search`` (ranking and snippets included).

Target: search p95 < 50 ms at 1,000,000 articles.

Usage:
    python bench/bench_catalogue.py --articles 1000000
    python bench/bench_catalogue.py --articles 20000 --keep /tmp/bench.db
"""

from __future__ import annotations

import argparse
import collections
import csv
import itertools
import multiprocessing as mp
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog.search import search  # noqa: E402
from catalog.store import Catalogue, PreparedArticle, prepare_article  # noqa: E402
from extract.normalize import fold  # noqa: E402

# Common words of emulation / commendation news, roughly by frequency.
VOCAB = """
thi đua|khen thưởng|năm|công tác|các|của|và|đơn vị|tỉnh|phong trào|trong|đã|được|thực hiện|cơ quan|tổ chức|
hội nghị|tổng kết|cụm|với|cho|Sở|Thông tin và Truyền thông|triển khai|kết quả|nhiệm vụ|Bộ|UBND|cán bộ|công chức|
viên chức|người lao động|đồng chí|Giám đốc|Phó Giám đốc|Chủ tịch|tặng|Bằng khen|Cờ thi đua|Giấy khen|danh hiệu|
Chiến sĩ thi đua|Tập thể Lao động xuất sắc|Huân chương Lao động|hạng Nhì|hạng Ba|xuất sắc|hoàn thành|tiêu biểu|
giao ước|ký kết|phát động|sơ kết|đánh giá|bình xét|đề nghị|trao|đón nhận|khối|thành viên|Cụm trưởng|Cụm phó|
dẫn đầu|suy tôn|kế hoạch|chỉ thị|quyết định|hướng dẫn|văn bản|thông tư|nghị định|chương trình|mục tiêu|
chỉ tiêu|kinh tế|xã hội|phát triển|chuyển đổi số|chính quyền điện tử|hành chính|cải cách|dịch vụ công|trực tuyến|
báo chí|xuất bản|bưu chính|viễn thông|công nghệ thông tin|an toàn thông tin|mạng|hạ tầng|doanh nghiệp|người dân|
địa phương|huyện|thành phố|thị xã|xã|phường|nông thôn mới|giảm nghèo|bền vững|người nghèo|an sinh|y tế|giáo dục|
đào tạo|văn hóa|thể thao|du lịch|nông nghiệp|môi trường|tài nguyên|quốc phòng|an ninh|công an|quân đội|
Đảng|Nhà nước|Chính phủ|Thủ tướng|Quốc hội|Mặt trận Tổ quốc|đoàn thể|Công đoàn|Đoàn Thanh niên|Hội Liên hiệp Phụ nữ|
Hội Nông dân|Hội Cựu chiến binh|lãnh đạo|chỉ đạo|quán triệt|tuyên truyền|vận động|nâng cao|nhận thức|trách nhiệm|
đổi mới|sáng tạo|hiệu quả|chất lượng|tích cực|chủ động|kịp thời|nghiêm túc|thiết thực|sâu rộng|toàn diện|
đồng thời|tiếp tục|tăng cường|đẩy mạnh|phát huy|gương|điển hình|tiên tiến|nhân rộng|mô hình|cách làm hay|
sáng kiến|giải pháp|đề tài|khoa học|công nghệ|đổi mới sáng tạo|năng suất|lao động|sản xuất|kinh doanh|giỏi|
dân vận khéo|chung tay|vì người nghèo|không để ai bị bỏ lại phía sau|toàn dân đoàn kết|xây dựng|đời sống|
văn hóa ở khu dân cư|học tập|làm theo|tư tưởng|đạo đức|phong cách|Hồ Chí Minh|Bác Hồ|yêu nước|Đại hội|
lần thứ|nhiệm kỳ|giai đoạn|đến năm|tháng|ngày|sáng|chiều|tại|hội trường|trụ sở|dự|tham dự|chủ trì|phát biểu|
ghi nhận|biểu dương|khẳng định|nhấn mạnh|yêu cầu|đề ra|đạt|vượt|tăng|giảm|so với|cùng kỳ|tỷ lệ|phần trăm|
triệu đồng|tỷ đồng|hộ|người|tập thể|cá nhân|gia đình|cộng đồng|khu vực|miền núi|phía Bắc|Tây Nguyên|
Đồng bằng sông Cửu Long|duyên hải|miền Trung|Đông Nam Bộ|hòa bình|hòa nhập|họa sĩ|tai họa|hoa|hóa học|số hóa|
xuất khẩu|sản xuất|xuất hiện|đề xuất|đua|đua tranh|cuộc thi|giải thưởng|vinh danh|tôn vinh|lễ|kỷ niệm|
truyền thống|thành lập|ngành|lĩnh vực|chuyên môn|nghiệp vụ|đội ngũ|nhân lực|bồi dưỡng|tập huấn|kiểm tra|
giám sát|thanh tra|khiếu nại|tố cáo|phòng|chống|tham nhũng|lãng phí|tiết kiệm|ngân sách|đầu tư|công trình|
dự án|giao thông|đô thị|nhà ở|đất đai|quy hoạch|thiên tai|bão|lũ|dịch bệnh|Covid-19|vắc xin|phòng chống dịch|
""".replace("\n", "").split("|")
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Mai", "Trịnh"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Hoàng", "Xuân", "Thu", "Kim", "Anh", "Công", "Đình"]
GIVEN = ["An", "Anh", "Bình", "Cường", "Dũng", "Dương", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiền", "Hiếu", "Hòa", "Hùng", "Hương", "Huy", "Khánh", "Khoa", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhân", "Phong", "Phúc", "Phương", "Quang", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Thành", "Thủy", "Tiến", "Trang", "Trung", "Tú", "Tuấn", "Tùng", "Uyên", "Vân", "Việt", "Vinh", "Xuân", "Yến"]
DOC_KINDS = ["QĐ-UBND", "KH-UBND", "CT-BTTTT", "QĐ-BTTTT", "KH-STTTT", "HD-BTĐKT", "NQ-CP", "TB-VPUB"]


def _provinces() -> list[str]:
    with (ROOT / "data" / "gazetteers" / "provinces.csv").open(encoding="utf-8") as f:
        return [r["name"] for r in csv.DictReader(f)]


class Generator:
    """Deterministic article generator (seeded)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = [w.strip() for w in VOCAB if w.strip()]
        weights = [1 / (r + 3) ** 0.95 for r in range(len(self.words))]
        self.cum = list(itertools.accumulate(weights))
        self.provinces = _provinces()

    def tail(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"
        if r < 0.6:
            return self.rng.choice(self.provinces)
        if r < 0.8:
            return str(self.rng.choice([self.rng.randint(1, 31), self.rng.randint(2015, 2025), self.rng.randint(2, 999)]))
        return f"{self.rng.randint(1, 3999)}/{self.rng.choice(DOC_KINDS)}"

    def sentence(self) -> str:
        n = self.rng.randint(8, 22)
        words = self.rng.choices(self.words, cum_weights=self.cum, k=n)
        for i in range(n):
            if self.rng.random() < 0.12:
                words[i] = self.tail()
        words[0] = words[0][0].upper() + words[0][1:]
        return " ".join(words) + self.rng.choice([".", ".", ".", ";", ":"])

    def article(self, i: int) -> dict:
        title = self.sentence().rstrip(".;:")
        paragraphs = []
        syllables = 0
        target = int(self.rng.lognormvariate(5.8, 0.35))  # ≈ 330 syllables, 150–700
        while syllables < target:
            para = " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
            syllables += para.count(" ") + 1
            paragraphs.append(para)
        year = self.rng.randint(2015, 2025)
        return {"url": f"https://bench.thidua.example/{i % 40}/tin-{i}.html", "source": f"bench-{i % 40}",
                "family": "bench", "title": title, "published": f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}",
                "text": "\n\n".join(paragraphs)}


def _make_chunk(args: tuple[int, int, int]) -> list[PreparedArticle]:
    """Generate articles and prepare them (normalise, hash, fold) as the store would, in a worker."""
    start, stop, seed = args
    g = Generator(seed * 1_000_003 + start)
    return [prepare_article(g.article(i)) for i in range(start, stop)]


def make_queries(n: int, seed: int) -> list[str]:
    """n two-word queries: half accented, half without diacritics; common and rare words mixed."""
    g = Generator(seed)
    queries = []
    while len(queries) < n:
        if g.rng.random() < 0.5:  # a phrase-like pair from a generated sentence
            syl = g.sentence().rstrip(".;:").split()
            j = g.rng.randrange(len(syl) - 1)
            pair = syl[j:j + 2]
        else:
            pair = [w.split()[0] for w in g.rng.choices(g.words, cum_weights=g.cum, k=2)]
        q = " ".join(pair).lower()
        if len(queries) % 2:
            q = fold(q)
        queries.append(q)
    return queries


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--batch", type=int, default=2000, help="articles per transaction")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="keep the database at this path (default: a temp dir, removed)")
    ap.add_argument("--reuse", action="store_true", help="search an existing --keep database without loading")
    args = ap.parse_args(argv)

    tmp = None
    if args.keep:
        db_path = args.keep
    else:
        tmp = tempfile.mkdtemp(prefix="thidua-bench-")
        db_path = Path(tmp) / "catalogue.db"
    try:
        if not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            load(db_path, args.articles, args.batch, args.seed)
        size = sum(Path(f"{db_path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db_path}{s}").exists())
        print(f"database size: {size / 1e6:,.1f} MB ({size / max(args.articles, 1):,.0f} bytes/article)", flush=True)
        bench_search(db_path, args.queries, args.seed)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def load(db_path: Path, n: int, batch: int, seed: int) -> None:
    cat = Catalogue(db_path)
    cat.db.execute("PRAGMA synchronous = NORMAL")
    run = cat.start_run("bench", ["bench"])
    chunks = [(s, min(s + batch, n), seed) for s in range(0, n, batch)]
    t0 = time.perf_counter()
    done = 0
    workers = max(1, os.cpu_count() or 2)  # generation + preparation in workers, SQLite writes here
    with mp.get_context("fork").Pool(workers) as pool:
        window: collections.deque = collections.deque()
        pending = iter(chunks)
        for c in itertools.islice(pending, 2 * workers):  # bounded read-ahead: memory stays flat
            window.append(pool.apply_async(_make_chunk, (c,)))
        while window:
            items = window.popleft().get()
            nxt = next(pending, None)
            if nxt is not None:
                window.append(pool.apply_async(_make_chunk, (nxt,)))
            with cat.db.atomic():
                for item in items:
                    cat.upsert_prepared(item, run)
            done += len(items)
            if done % (batch * 25) == 0 or done == n:
                el = time.perf_counter() - t0
                print(f"  loaded {done:>9,} articles  {el:7.1f} s  {done / el:8,.0f} articles/s", flush=True)
    cat.finish_run(run, {"new": n})
    t1 = time.perf_counter()
    cat.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    t2 = time.perf_counter()
    cat.close()
    print(f"load: {n:,} articles in {t1 - t0:.1f} s ({n / (t1 - t0):,.0f}/s); FTS optimize {t2 - t1:.1f} s", flush=True)


def bench_search(db_path: Path, n: int, seed: int) -> None:
    cat = Catalogue(db_path)
    warm = make_queries(20, seed + 1)
    for q in warm:
        search(cat.db, q)
    times = []
    counts = []
    for q in make_queries(n, seed + 2):
        t = time.perf_counter()
        hits = search(cat.db, q, limit=20)
        times.append((time.perf_counter() - t) * 1000)
        counts.append(len(hits))
    times_sorted = sorted(times)
    p95 = times_sorted[max(0, int(round(0.95 * len(times))) - 1)]
    print(f"search: {n} two-word queries (half accented), limit 20 with snippets: "
          f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times_sorted[-1]:.1f} ms; "
          f"{sum(1 for c in counts if c) } queries with results", flush=True)
    cat.close()


if __name__ == "__main__":
    sys.exit(main())
