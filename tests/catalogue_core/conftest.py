"""Fixtures for the catalogue core tests: a fresh file catalogue and a real-looking article with its record."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.store import Catalogue

ARTICLE_TEXT = (
    "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA SỐ 6: Năm 2020, Sở TTTT Gia Lai làm Cụm trưởng, Sở TTTT Phú Yên làm Cụm phó\n"
    "Sáng ngày 06/3, tại tỉnh Đắk Lắk, Bộ Thông tin và Truyền thông (TTTT) đã tổ chức Hội nghị tổng kết công tác "
    "thi đua, khen thưởng năm 2019 và ký kết giao ước thi đua năm 2020 của Cụm thi đua số 6.\n"
    "Các đơn vị hưởng ứng phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” "
    "do Thủ tướng Chính phủ phát động.\n"
    "Căn cứ kết quả thực hiện năm 2019, các đơn vị thành viên trong Cụm thống nhất đề nghị Bộ trưởng Bộ TTTT xét "
    "tặng Cờ thi đua cho Sở TTTT Đắk Lắk và Phú Yên, đề nghị xét tặng Bằng khen cho Sở TTTT Gia Lai và Lâm Đồng.\n"
    "Ông Nguyễn Văn Hùng, Giám đốc Sở TTTT Gia Lai phát biểu tại hội nghị."
)


def evidence(text: str, phrase: str, occurrence: int = 0) -> dict:
    """An evidence object for the n-th occurrence of phrase (sentence = its line)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return {"sentence_index": text.count("\n", 0, start), "sentence": text[line_start:line_end],
            "start": start, "end": start + len(phrase)}


def _make_record(text: str = ARTICLE_TEXT, source: str = "https://stttt.gialai.gov.vn/tin-tuc/cum-6.html") -> dict:
    """A contract record (seed-003-like) with evidence pointing into ``text``."""
    ev = lambda p, n=0: evidence(text, p, n)  # noqa: E731
    return {
        "source": source,
        "published": "2020-03-12",
        "provinces": ["Gia Lai", "Phú Yên", "Đắk Lắk", "Lâm Đồng"],
        "province_evidence": [ev("Gia Lai"), ev("Phú Yên"), ev("Đắk Lắk"), ev("Lâm Đồng")],
        "clusters": [{
            "label": "Cụm thi đua số 6", "kind": "cụm", "number": 6, "organizer": "Bộ Thông tin và Truyền thông",
            "members": ["Gia Lai", "Phú Yên", "Đắk Lắk", "Lâm Đồng"], "member_count": None, "member_units": [],
            "roles": [
                {"role": "leader", "unit": "Sở TTTT Gia Lai", "province": "Gia Lai", "year": 2020,
                 "evidence": ev("Sở TTTT Gia Lai làm Cụm trưởng")},
                {"role": "deputy", "unit": "Sở TTTT Phú Yên", "province": "Phú Yên", "year": 2020,
                 "evidence": ev("Sở TTTT Phú Yên làm Cụm phó")},
            ],
            "evidence": ev("Cụm thi đua số 6"),
        }],
        "campaigns": [{"name": "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau", "kind": None,
                       "launched_by": "Thủ tướng Chính phủ", "period": None,
                       "evidence": ev("Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau")}],
        "themes": [],
        "awards": [
            {"award": "Cờ thi đua", "level": "ministry", "conferred_by": "Bộ Thông tin và Truyền thông",
             "recipient": "Sở Thông tin và Truyền thông Đắk Lắk", "province": "Đắk Lắk", "count": None,
             "for_year": 2019, "status": "proposed", "evidence": ev("Cờ thi đua cho Sở TTTT Đắk Lắk")},
            {"award": "Cờ thi đua", "level": "ministry", "conferred_by": "Bộ Thông tin và Truyền thông",
             "recipient": "Sở Thông tin và Truyền thông Phú Yên", "province": "Phú Yên", "count": None,
             "for_year": 2019, "status": "proposed", "evidence": ev("Phú Yên", 1)},
            {"award": "Bằng khen", "level": "ministry", "conferred_by": "Bộ Thông tin và Truyền thông",
             "recipient": "Sở Thông tin và Truyền thông Gia Lai", "province": "Gia Lai", "count": None,
             "for_year": 2019, "status": "proposed", "evidence": ev("Bằng khen cho Sở TTTT Gia Lai")},
        ],
        "events": [{"kinds": ["review", "pledge_signing"], "date": "2020-03-06", "place": "tỉnh Đắk Lắk",
                    "province": "Đắk Lắk", "evidence": ev("Sáng ngày 06/3, tại tỉnh Đắk Lắk")}],
        "documents": [],
        "people": [{"name": "Nguyễn Văn Hùng", "position": "Giám đốc Sở TTTT Gia Lai",
                    "evidence": ev("Nguyễn Văn Hùng")}],
    }


def _make_item(url: str = "https://stttt.gialai.gov.vn/tin-tuc/cum-6.html", text: str = ARTICLE_TEXT, **kw) -> dict:
    """A crawler item as crawler/pipelines.py hands it to the store."""
    item = {"url": url, "source": "stttt-gialai", "family": "dnn",
            "title": "Hội nghị tổng kết Cụm thi đua số 6", "published": "2020-03-12T11:01:19+07:00",
            "author": "Minh Châu", "views": 141, "attachments": [{"url": url + ".pdf", "name": "Kế hoạch 15/KH"}],
            "text": text, "etag": '"abc"', "last_modified": "Thu, 12 Mar 2020 04:01:19 GMT",
            "fetched_at": "2024-05-01T08:00:00+00:00"}
    item.update(kw)
    return item


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "catalogue.db"


@pytest.fixture
def cat(db_path: Path):
    c = Catalogue(db_path)
    yield c
    c.close()


@pytest.fixture
def make_record():
    """Factory: a seed-003-like record with real evidence offsets."""
    return _make_record


@pytest.fixture
def make_item():
    """Factory: a crawler item."""
    return _make_item


@pytest.fixture
def article_text() -> str:
    return ARTICLE_TEXT
