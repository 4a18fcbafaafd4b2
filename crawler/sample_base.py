"""Shared pieces of the sample-site generator: corpus texts split into parts, the Builder, HTML helpers.

``crawler.sample_site`` renders the original eight portal families with them and
``crawler.sample_families`` the families added later (LacViet, NukeViet, WebSphere,
Liferay 6.2 view_content); nothing here knows a family.

>>> src = split_source("seed-x", "Tin Tức\\nThứ 4, Ngày 08/09/2021, 09:00\\nKế hoạch phát động phong trào thi đua đặc biệt toàn tỉnh\\n"
...                    "Cỡ chữ: Font size: Giảm (A-)\\n\\nTheo đó, phong trào thi đua được triển khai cho các cơ quan, đơn vị.\\n\\nBan Quản lý\\nTin khác")
>>> src.category, src.title, src.when, src.author, len(src.paragraphs)
('Tin Tức', 'Kế hoạch phát động phong trào thi đua đặc biệt toàn tỉnh', (2021, 9, 8, 9, 0, 0), 'Ban Quản lý', 1)
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from crawler.pages.meta import clean_byline, parse_views
from extract.normalize import normalize_text, strip_diacritics

# ---------------------------------------------------------------- source texts

_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?!\d)")
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?!\d)")
TAIL_LINES = re.compile(r"^(tin khác|lượt người xem|thư viện ảnh|thống kê truy cập|số lượt truy cập|manage permissions|chia sẻ)", re.I)
CHROME_LINES = re.compile(r"^(cỡ chữ|font size|share:?$|anh tin bai$|image$|ảnh$|video$|audio$)", re.I)
IMAGE_LINES = re.compile(r"^(anh tin bai|image|ảnh)$", re.I)
BYLINE_LINES = re.compile(r"^(tác giả|tin,? ảnh|người viết|nguồn)\s*:", re.I)
ATTACH_LINE = re.compile(r"^(?:(?P<label>[^:]{2,40}):\s*)?tải về\s*(?P<rest>.*)$", re.I)
FILE_NAME = re.compile(r"\S+\.(?:pdf|docx?|xlsx?|zip|rar)$", re.I)


@dataclass
class SourceArticle:
    """One corpus article split into the parts a portal template needs."""

    id: str
    title: str
    category: str | None = None
    when: tuple[int, ...] | None = None  # (y, m, d) or (y, m, d, H, M, S)
    author: str | None = None
    poster: str | None = None
    views: int | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (label, file name)

    @property
    def lead(self) -> str:
        return self.paragraphs[0] if self.paragraphs else ""


def _words(line: str) -> int:
    return len(re.findall(r"\w+", line))


def _when(line: str) -> tuple[int, ...] | None:
    m = _DATE.search(line)
    if not m:
        return None
    day = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    t = _TIME.search(line)
    return day + (int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)) if t else day


def _is_date_line(line: str) -> bool:
    return bool(_DATE.search(line)) and _words(line) <= 20 and not line.endswith(".")


def _caption_from_repeat(line: str) -> str | None:
    """ "X X" (image alt text followed by the same caption) → "X"."""
    half = len(line) // 2
    for cut in range(half - 2, half + 3):
        a, b = line[:cut].strip(), line[cut:].strip()
        if a and a == b:
            return a
    return None


def split_source(article_id: str, raw: str) -> SourceArticle:
    """Split a saved page text into title, date, body, captions, attachments and byline."""
    text = normalize_text(raw)
    lines = [line.strip() for line in text.split("\n")]
    title_i = next(
        (i for i, line in enumerate(lines[:10]) if _words(line) >= 6 and not _is_date_line(line)
         and not CHROME_LINES.match(line)),
        None,
    )
    if title_i is None:
        raise ValueError(f"{article_id}: no title line (6+ words) in the first 10 lines")
    src = SourceArticle(id=article_id, title=lines[title_i])
    for line in lines[:title_i]:
        if not line:
            continue
        if _is_date_line(line):
            src.when = src.when or _when(line)
        elif src.category is None and _words(line) <= 6:
            src.category = line
    body: list[str] = []
    expect_caption = False
    for line in lines[title_i + 1:]:
        if not line:
            continue
        views = parse_views(line)
        if views is not None and src.views is None:
            src.views = views
        if TAIL_LINES.match(line):
            break
        if IMAGE_LINES.match(line):
            expect_caption = not body or True
            continue
        if CHROME_LINES.match(line):
            continue
        if not body and _is_date_line(line) or re.match(r"^cập nhật lúc", line, re.I):
            src.when = src.when or _when(line)
            if "|" in line:
                src.author = clean_byline(line.split("|", 1)[1])
            poster = re.search(r"người đăng\s*:\s*(.+)$", line, re.I)
            if poster:
                src.poster = clean_byline(poster.group(1))
            continue
        caption = _caption_from_repeat(line)
        if caption:
            src.captions.append(caption)
            continue
        if expect_caption:
            expect_caption = False
            if _words(line) <= 30:
                src.captions.append(line)
                continue
        attach = ATTACH_LINE.match(line)
        if attach:
            rest = attach["rest"].strip()
            label = (attach["label"] or "").strip()
            if FILE_NAME.match(rest):
                src.attachments.append((label or rest, rest))
            else:
                label = rest or label or "Tệp đính kèm"
                src.attachments.append((label, _slug(label)[:40] + ".pdf"))
            continue
        if BYLINE_LINES.match(line):
            src.author = clean_byline(line)
            continue
        body.append(line)
    if body and _words(body[-1]) <= 12 and not re.search(r"[.!?;:…”\"]$", body[-1]) and not _DATE.search(body[-1]):
        src.author = src.author or body[-1]
        body.pop()
    src.paragraphs = body
    if not body:
        raise ValueError(f"{article_id}: no body paragraphs after the title")
    return src


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_diacritics(text).lower()).strip("-")


# ---------------------------------------------------------------- sites

@dataclass
class Site:
    id: str
    name: str
    family: str
    province: str
    base: str
    category: str  # the category the sample articles sit in
    articles: list[SourceArticle] = field(default_factory=list)


PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
VIEWSTATE = "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFDxYCHgdWaXNpYmxlaGQCAw9kFgICAQ9kFgJmD2QWAmYPZBYC"


def e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def _n(site: Site, src: SourceArticle, base: int) -> int:
    """Deterministic per-site item id."""
    return base + int(hashlib.sha1(f"{site.id}/{src.id}".encode()).hexdigest()[:4], 16) % 9000


def _views(site: Site, src: SourceArticle) -> int:
    """The source page's counter, or this site's own deterministic count."""
    if src.views is not None and site.family in {"sharepoint_list", "custom_cms"}:
        return src.views
    return 40 + int(hashlib.sha1(f"v/{site.id}/{src.id}".encode()).hexdigest()[:6], 16) % 2000


def _dmy(when: tuple[int, ...] | None, sep: str = "/") -> str:
    return f"{when[2]:02d}{sep}{when[1]:02d}{sep}{when[0]}" if when else ""


def _hm(when: tuple[int, ...] | None) -> str:
    return f"{when[3]:02d}:{when[4]:02d}" if when and len(when) > 3 else ""


WEEKDAYS = ("Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật")
WEEKDAY_WORDS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def _weekday(when: tuple[int, ...], words: bool = False) -> str:
    import datetime as _dt

    i = _dt.date(when[0], when[1], when[2]).weekday()
    return (WEEKDAY_WORDS if words else WEEKDAYS)[i]


def _paras(src: SourceArticle, site: Site, byline: str = "right") -> str:
    """Body paragraphs; a caption figure after the lead; the byline as the family prints it."""
    out = []
    for i, para in enumerate(src.paragraphs):
        if _words(para) <= 16 and not para.endswith("."):
            out.append(f"<p><strong>{e(para)}</strong></p>")
        else:
            out.append(f"<p>{e(para)}</p>")
        if i == 0 and src.captions:
            cap = src.captions[0]
            out.append(f'<figure class="image"><img src="{site.base}/images/{src.id}-1.jpg" alt="{e(cap)}">'
                       f"<figcaption>{e(cap)}</figcaption></figure>")
    if src.author and byline == "right":
        out.append(f'<p style="text-align: right;"><strong>{e(src.author)}</strong></p>')
    elif src.author and byline == "label":
        out.append(f"<p><em>Tác giả : Tin, ảnh: {e(src.author)} |</em></p>")
    elif src.author and byline == "tinanh":
        out.append(f"<p><strong>Tin, ảnh: {e(src.author)}</strong></p>")
    return "\n".join(out)


COUNTER = """<div class="visitor-counter"><h4>Số lượt truy cập</h4><ul>
<li>Đang online: 17</li><li>Hôm nay: 1.203</li><li>Tháng hiện tại: 35.870</li><li>Tổng truy cập: 4.518.362</li></ul></div>"""


class Builder:
    """Collects files and manifest routes while sites are rendered."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.routes: list[dict] = []
        self.sites_toml: list[str] = []

    def write(self, rel: str, content: str | bytes) -> str:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return rel

    def route(self, path: str, file: str, query: dict | None = None, method: str = "GET",
              content_type: str = "text/html; charset=utf-8", behavior: str | None = None, **extra) -> None:
        self.routes.append({"path": path, "query": query or {}, "method": method, "file": file,
                            "content_type": content_type, "behavior": behavior, **extra})

    def page(self, path: str, rel: str, content: str, query: dict | None = None, **kw) -> None:
        self.route(path, self.write(rel, content), query, **kw)


# ---------------------------------------------------------------- family templates
# Each returns nothing; it writes its pages and routes through the Builder.

def _intro(site: Site) -> str:
    return (f"<h2>Giới thiệu</h2><p>{e(site.name)} là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh {e(site.province)}, "
            "có chức năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về báo chí, xuất bản, bưu chính, "
            "viễn thông, công nghệ thông tin và thông tin cơ sở.</p>")


def _contact(site: Site) -> str:
    return (f"<h2>Liên hệ</h2><p>{e(site.name)}</p><p>Địa chỉ: Trung tâm Hành chính tỉnh {e(site.province)}</p>"
            "<p>Email: banbientap@example.gov.vn</p>"
            '<form class="contact-form"><input name="hoten" placeholder="Họ tên"><textarea name="noidung"></textarea>'
            "<button>Gửi</button></form>")


def _footer(site: Site) -> str:
    return (f'<div class="footer"><p>Cơ quan chủ quản: {e(site.name)}</p><p>Giấy phép số 12/GP-TTĐT do Sở Thông tin và '
            "Truyền thông cấp.</p><p>Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.</p></div>")

def _rfc822(when: tuple[int, ...]) -> str:
    import datetime as _dt

    t = _dt.datetime(*(tuple(when) + (0, 0, 0))[:6], tzinfo=_dt.timezone(_dt.timedelta(hours=7)))
    return t.strftime("%a, %d %b %Y %H:%M:%S +0700")

MAX_PAGES = 60


def _site_toml(self: Builder, site: Site, start: list[str], feeds: list[str]) -> None:
    def arr(values: list[str]) -> str:
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"

    lines = ["[[site]]", f"id = {json.dumps(site.id)}", f"name = {json.dumps(site.name, ensure_ascii=False)}",
             f"family = {json.dumps(site.family)}", f"province = {json.dumps(site.province, ensure_ascii=False)}",
             f"base_path = {json.dumps(site.base)}", f"start_paths = {arr(start)}"]
    if feeds:
        lines.append(f"feed_paths = {arr(feeds)}")
    lines.append(f"max_pages = {MAX_PAGES}")
    self.sites_toml.append("\n".join(lines))


Builder.site = _site_toml  # type: ignore[attr-defined]

