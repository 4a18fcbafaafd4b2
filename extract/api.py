"""Extraction entry points: a text or a saved page in, the contract object out.

The contract is ``../shared/spec/extraction.md``: every field present, lists
never omitted.  With ``evidence=True`` every fact also carries
``"evidence": {"sentence_index", "sentence", "start", "end"}`` (offsets into
the normalised text) and provinces come with a parallel ``province_evidence``
list; the catalogue loader stores that provenance.

>>> rec = extract_text("Sở TT&TT tỉnh Gia Lai được tặng Cờ thi đua của Bộ Thông tin và Truyền thông năm 2020.", source="x.txt")
>>> rec["source"], rec["provinces"]
('x.txt', ['Gia Lai'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from extract.fields import FIELD_MODULES, read_fields
from extract.frontend import analyze, load_models

EXTRACTOR_VERSION = "0.1.0"
HTML_SUFFIXES = (".html", ".htm")
_T = TypeVar("_T")
_R = TypeVar("_R")


def in_workers(func: Callable[[_T], _R], items: Iterable[_T], jobs: int = 0, chunksize: int = 2) -> Iterator[_R]:
    """``func`` over ``items``, results in order, in ``jobs`` worker processes (0: one per core) forked after the
    models are loaded, so that the workers share them; in this process when one job is enough."""
    import os

    items = list(items)
    n = min(jobs or os.cpu_count() or 1, len(items))
    if n <= 1:
        yield from map(func, items)
        return
    import multiprocessing as mp

    warm_up()
    with mp.get_context("fork").Pool(n) as pool:
        yield from pool.imap(func, items, chunksize=chunksize)


class InputError(ValueError):
    """Bad input: the message is one line naming the input."""


def strip_evidence(obj: Any) -> Any:
    """The contract form of a record: evidence keys removed, recursively."""
    if isinstance(obj, dict):
        return {k: strip_evidence(v) for k, v in obj.items() if k not in ("evidence", "province_evidence")}
    if isinstance(obj, list):
        return [strip_evidence(v) for v in obj]
    return obj


def extract_text(text: str, *, source: str = "-", published: str | dt.date | None = None,
                 title: str | None = None, evidence: bool = False) -> dict:
    """Extract every contract field from an article's text (boilerplate and all)."""
    a = analyze(text, published=published, title=title)
    record: dict[str, Any] = {"source": source, "published": a.published.isoformat() if a.published else None}
    for name, items in read_fields(a).items():
        if name == "provinces":
            record["provinces"] = [p["name"] for p in items]
            record["province_evidence"] = [p.get("evidence") for p in items]
        else:
            record[name] = items
    for name in FIELD_MODULES:
        record.setdefault(name, [])
    return record if evidence else strip_evidence(record)


def read_text_file(path: Path) -> str:
    """Read a plain-text article strictly as UTF-8; bad input raises InputError."""
    data = _read_bytes(path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_binary(data):
        raise InputError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (invalid byte 0x{data[e.start]:02x} at offset {e.start})") from None
    if not text.strip():
        raise InputError(f"{path}: empty text")
    return text


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > 0.05


def extract_path(path: str | Path, *, evidence: bool = False) -> dict:
    """Extract a ``.txt`` article or a saved ``.html`` page; raises InputError on bad input."""
    path = Path(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        return extract_html(path, evidence=evidence)
    return extract_text(read_text_file(path), source=str(path), evidence=evidence)


def _page_url(data: bytes) -> str | None:
    """The page's own address if it states one (``<link rel=canonical>``, ``og:url``)."""
    from parsel import Selector

    try:
        sel = Selector(text=data.decode("utf-8", errors="replace"))
    except ValueError:
        return None
    url = sel.css('link[rel="canonical"]::attr(href)').get() or sel.css('meta[property="og:url"]::attr(content)').get()
    return url if url and url.startswith(("http://", "https://")) else None


def extract_html(path: Path, *, url: str | None = None, evidence: bool = False) -> dict:
    """A saved portal page: the crawler's main-text extraction first, then the fields."""
    from crawler.pages import parse_page

    data = _read_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not HTML")
    try:
        parsed = parse_page(url or _page_url(data) or path.resolve().as_uri(), data)
    except ValueError as e:
        raise InputError(f"{path}: {e}") from None
    art = parsed.article
    if art is None or not (art.text or "").strip():
        raise InputError(f"{path}: no article text found in the page")
    text = "\n\n".join(x for x in (art.title, art.text) if x)
    record = extract_text(text, source=str(path), published=art.published, title=art.title, evidence=evidence)
    meta = {"title": art.title, "published": art.published or record["published"], "author": art.author,
            "views": art.views, "attachments": list(art.attachments or [])}
    return {"source": record["source"], **meta, **{k: v for k, v in record.items() if k not in meta and k != "source"}}


#: An article of every kind of fact, extracted once by :func:`warm_up` so that what loads or compiles on
#: first use (the taggers, the field patterns, spaCy's matchers) is ready before a worker takes real work.
WARM_TEXT = """\
Gia Lai: Cụm thi đua số 4 tổng kết công tác thi đua, khen thưởng năm 2023
Sáng 15/01/2024, tại thành phố Pleiku, Cụm thi đua số 4 gồm 5 tỉnh: Gia Lai, Kon Tum, Đắk Lắk (cụm trưởng), \
Đắk Nông và Lâm Đồng tổ chức Hội nghị tổng kết phong trào thi đua năm 2023.
Dự hội nghị có ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, Trưởng Ban Thi đua - Khen thưởng tỉnh.
Thực hiện Quyết định số 123/QĐ-UBND ngày 10/3/2023 của UBND tỉnh, các địa phương triển khai phong trào thi \
đua "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau".
Hội nghị thống nhất suy tôn tỉnh Lâm Đồng dẫn đầu Cụm, đề nghị Chính phủ tặng Cờ thi đua năm 2023; đề nghị \
Thủ tướng Chính phủ tặng Bằng khen cho tỉnh Kon Tum.
Năm 2024, Cụm bầu tỉnh Gia Lai làm Cụm trưởng, tỉnh Kon Tum làm Cụm phó; chủ đề năm: "Đoàn kết, kỷ cương, \
đổi mới, phát triển".
"""


_WARMED: set[int] = set()  # the processes (pids) warmed so far


def warm_up() -> None:
    """Load the models and patterns, by extracting :data:`WARM_TEXT` (before timing or forking workers: the
    first article of a cold process costs some 40 times a warm one).  Once per process: a child forked
    after its parent warmed up extracts the text once more, which costs milliseconds and copies now the
    memory pages it would otherwise copy on write during its first articles."""
    import os

    if os.getpid() in _WARMED:
        return
    load_models()
    extract_text(WARM_TEXT, source="https://warm-up.invalid/", published="2024-01-15", evidence=True)
    _WARMED.add(os.getpid())
