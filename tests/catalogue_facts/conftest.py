"""A fixture catalogue of overlapping articles, and the distinct facts in it, written down by hand.

Seven articles from five outlets about Cụm thi đua số 6 of the Ministry of
Information and Communications (Gia Lai, Kon Tum, Bình Định):

* A1 (Sở TT&TT Gia Lai, 15/01/2021): the cluster's review; it proposes a Cờ thi đua for Gia Lai, a Bằng khen
  for Kon Tum and Bằng khen for "02 tập thể"; Kon Tum leads, Bình Định deputises in 2021; Nguyễn Văn Hùng
  speaks as Giám đốc Sở TT&TT Gia Lai; Kế hoạch số 15/KH-STTTT.
* A2 (Cổng TTĐT Kon Tum) republishes A1 with a new lead and page chrome, naming units in full.
* A3 (Báo Gia Lai) republishes A1 with its last paragraph cut.
* A4 (Bộ TT&TT, 20/3/2021): the follow-up that confers the Cờ thi đua on Gia Lai and a Bằng khen on Bình Định
  (Quyết định số 245/QĐ-BTTTT); a namesake, Nguyễn Văn Hùng of Kon Tum, and a deputy minister speak.
* A5 (Sở TT&TT Gia Lai, 10/4/2022): the flag handed over on 8/4; Nguyễn Văn Hùng now as Phó Chủ tịch UBND
  tỉnh Gia Lai (one official, two positions); an undated launch.
* A6 (Báo Gia Lai, 9/4/2022): its own report of the same ceremony, and a launch of its own (undated).
* A7 (Sở TT&TT Gia Lai after the 2025 merger, 2026): the 2025 review on 20/01/2026; it recalls the 2020 flag of
  "Sở TTTT Gia Lai" and cites "Quyết định số 0245/QĐ-BTTTT".
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from catalog.store import Catalogue

SOURCES = [
    ("stttt-gialai", "Sở Thông tin và Truyền thông tỉnh Gia Lai", "https://stttt.gialai.gov.vn", "dnn", "Gia Lai"),
    ("kontum-portal", "Cổng Thông tin điện tử tỉnh Kon Tum", "https://kontum.gov.vn", "portal", "Kon Tum"),
    ("baogialai", "Báo Gia Lai điện tử", "https://baogialai.com.vn", "newspaper", "Gia Lai"),
    ("mic", "Bộ Thông tin và Truyền thông", "https://mic.gov.vn", "portal", None),
    ("stttt-binhdinh", "Sở Thông tin và Truyền thông tỉnh Bình Định", "https://stttt.binhdinh.gov.vn", "dnn",
     "Bình Định"),
]

A1_TEXT = (
    "Cụm thi đua số 6 tổng kết công tác thi đua, khen thưởng năm 2020\n"
    "Ngày 15/01/2021, tại thành phố Pleiku, Cụm thi đua số 6 thuộc Bộ Thông tin và Truyền thông gồm Sở Thông tin và "
    "Truyền thông các tỉnh Gia Lai, Kon Tum, Bình Định tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm "
    "2020 và ký kết giao ước thi đua năm 2021.\n"
    "Thực hiện Kế hoạch số 15/KH-STTTT, các đơn vị thành viên đã bình xét và thống nhất đề nghị Bộ trưởng Bộ TT&TT "
    "tặng Cờ thi đua cho Sở TT&TT Gia Lai, tặng Bằng khen cho Sở TT&TT Kon Tum và Bằng khen cho 02 tập thể có thành "
    "tích xuất sắc năm 2020.\n"
    "Hội nghị thống nhất Sở TT&TT Kon Tum làm Cụm trưởng, Sở TT&TT Bình Định làm Cụm phó Cụm thi đua số 6 năm 2021.\n"
    "Phát biểu tại hội nghị, ông Nguyễn Văn Hùng, Giám đốc Sở TT&TT Gia Lai đề nghị các đơn vị tiếp tục đổi mới "
    "nội dung, hình thức thi đua, gắn phong trào thi đua với nhiệm vụ chuyển đổi số của từng địa phương."
)
A2_TEXT = (
    "Tin hoạt động\nCỡ chữ: Giảm (A-) Mặc định (A) Tăng (A+)\n"
    "(Theo Cổng TTĐT Sở TT&TT Gia Lai) Cổng Thông tin điện tử tỉnh Kon Tum đăng lại tin về hội nghị của Cụm thi "
    "đua số 6 để các cơ quan, đơn vị trong tỉnh theo dõi.\n" + A1_TEXT + "\nLượt xem: 312\nTin khác"
)
A3_TEXT = A1_TEXT.rsplit("\n", 1)[0]  # the speech cut
A4_TEXT = (
    "Bộ Thông tin và Truyền thông tặng Cờ thi đua năm 2020 cho các đơn vị dẫn đầu các cụm thi đua\n"
    "Ngày 20/3/2021, Bộ trưởng Bộ Thông tin và Truyền thông đã ký Quyết định số 245/QĐ-BTTTT tặng Cờ thi đua của "
    "Bộ Thông tin và Truyền thông cho Sở Thông tin và Truyền thông tỉnh Gia Lai, đơn vị dẫn đầu Cụm thi đua số 6, "
    "vì đã có thành tích xuất sắc năm 2020.\n"
    "Cùng dịp này, Sở Thông tin và Truyền thông tỉnh Bình Định được tặng Bằng khen của Bộ trưởng vì đã có thành "
    "tích xuất sắc trong công tác năm 2020.\n"
    "Bà Lê Thị Mai, Thứ trưởng Bộ Thông tin và Truyền thông, và ông Nguyễn Văn Hùng, Giám đốc Sở Thông tin và "
    "Truyền thông tỉnh Kon Tum, đã trao đổi kinh nghiệm tổ chức phong trào thi đua trong các cụm."
)
A5_TEXT = (
    "Sở TT&TT Gia Lai đón nhận Cờ thi đua của Bộ Thông tin và Truyền thông\n"
    "Ngày 8/4/2022, tại thành phố Pleiku, Sở Thông tin và Truyền thông tỉnh Gia Lai long trọng tổ chức Lễ đón nhận "
    "Cờ thi đua của Bộ Thông tin và Truyền thông theo Quyết định 245/QĐ-BTTTT vì thành tích xuất sắc năm 2020.\n"
    "Đến dự buổi lễ có ông Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh Gia Lai, nguyên Giám đốc Sở Thông tin và "
    "Truyền thông, người đã trực tiếp chỉ đạo phong trào thi đua của ngành trong năm 2020.\n"
    "Tại buổi lễ, Sở Thông tin và Truyền thông đã phát động phong trào thi đua năm 2022 trong toàn thể cán bộ, "
    "công chức, viên chức và người lao động của Sở."
)
A6_TEXT = (
    "Ngành Thông tin và Truyền thông Gia Lai nhận Cờ thi đua của Bộ\n"
    "Sáng 8/4, Sở Thông tin và Truyền thông tỉnh Gia Lai đã đón nhận Cờ thi đua của Bộ Thông tin và Truyền thông. "
    "Phóng viên Báo Gia Lai ghi nhận không khí phấn khởi của cán bộ, công chức trong ngành tại buổi lễ.\n"
    "Cũng trong tháng 4, Báo Gia Lai phát động cuộc thi viết về gương người tốt, việc tốt trong phong trào thi đua "
    "yêu nước trên địa bàn tỉnh, dành cho phóng viên, cộng tác viên của báo."
)
A7_TEXT = (
    "Cụm thi đua số 6 tổng kết năm 2025\n"
    "Ngày 20/01/2026, tại Hội trường Sở Khoa học và Công nghệ tỉnh Gia Lai, Cụm thi đua số 6 tổ chức Hội nghị "
    "tổng kết công tác thi đua, khen thưởng năm 2025, hội nghị đầu tiên sau khi sắp xếp đơn vị hành chính.\n"
    "Hội nghị nhắc lại chặng đường của Cụm, trong đó Sở TTTT Gia Lai từng được tặng Cờ thi đua của Bộ theo "
    "Quyết định số 0245/QĐ-BTTTT vì thành tích năm 2020.\n"
    "Sở Thông tin và Truyền thông tỉnh Gia Lai được các thành viên suy tôn làm Cụm trưởng năm 2026."
)


def evidence(text: str, phrase: str) -> dict:
    """Evidence for the first occurrence of ``phrase``: its line as the sentence, its character span."""
    start = text.index(phrase)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return {"sentence_index": text.count("\n", 0, start), "sentence": text[line_start:line_end],
            "start": start, "end": start + len(phrase)}


def _award(text, phrase, award, recipient, province, status, count=None, level="ministry", year=2020):
    return {"award": award, "level": level, "conferred_by": "Bộ Thông tin và Truyền thông", "recipient": recipient,
            "province": province, "count": count, "for_year": year, "status": status,
            "evidence": evidence(text, phrase)}


def _cluster(text: str, year_roles: list[dict]) -> dict:
    return {"label": "Cụm thi đua số 6", "kind": "cụm", "number": 6, "organizer": "Bộ Thông tin và Truyền thông",
            "members": ["Gia Lai", "Kon Tum", "Bình Định"], "member_count": None, "member_units": [],
            "roles": year_roles, "evidence": evidence(text, "Cụm thi đua số 6")}


def _a1_record(text: str, full_names: bool = False) -> dict:
    gl = "Sở Thông tin và Truyền thông tỉnh Gia Lai" if full_names else "Sở TT&TT Gia Lai"
    kt = "Sở Thông tin và Truyền thông tỉnh Kon Tum" if full_names else "Sở TT&TT Kon Tum"
    bd = "Sở Thông tin và Truyền thông tỉnh Bình Định" if full_names else "Sở TT&TT Bình Định"
    record = {
        "provinces": ["Gia Lai", "Kon Tum", "Bình Định"],
        "clusters": [_cluster(text, [
            {"role": "leader", "unit": kt, "province": "Kon Tum", "year": 2021,
             "evidence": evidence(text, "Sở TT&TT Kon Tum làm Cụm trưởng")},
            {"role": "deputy", "unit": bd, "province": "Bình Định", "year": 2021,
             "evidence": evidence(text, "Sở TT&TT Bình Định làm Cụm phó")}])],
        "awards": [
            _award(text, "Cờ thi đua cho Sở TT&TT Gia Lai", "Cờ thi đua", gl, "Gia Lai", "proposed"),
            _award(text, "Bằng khen cho Sở TT&TT Kon Tum", "Bằng khen", kt, "Kon Tum", "proposed"),
            _award(text, "Bằng khen cho 02 tập thể", "Bằng khen", None, None, "proposed", count=2),
        ],
        "events": [{"kinds": ["review", "pledge_signing"], "date": "2021-01-15", "place": "thành phố Pleiku",
                    "province": "Gia Lai", "evidence": evidence(text, "Ngày 15/01/2021, tại thành phố Pleiku")}],
        "documents": [{"kind": "Kế hoạch", "number": "15/KH-STTTT", "date": None,
                       "evidence": evidence(text, "Kế hoạch số 15/KH-STTTT")}],
        "people": [],
    }
    if "Nguyễn Văn Hùng" in text:
        record["people"] = [{"name": "Nguyễn Văn Hùng", "position": "Giám đốc Sở TT&TT Gia Lai",
                             "evidence": evidence(text, "Nguyễn Văn Hùng")}]
    return record


def _records() -> dict[str, dict]:
    a4 = {
        "provinces": ["Gia Lai", "Bình Định", "Kon Tum"],
        "awards": [
            _award(A4_TEXT, "Cờ thi đua của Bộ Thông tin và Truyền thông cho Sở Thông tin và Truyền thông tỉnh Gia Lai",
                   "Cờ thi đua", "Sở Thông tin và Truyền thông tỉnh Gia Lai", "Gia Lai", "conferred"),
            _award(A4_TEXT, "Sở Thông tin và Truyền thông tỉnh Bình Định được tặng Bằng khen", "Bằng khen",
                   "Sở Thông tin và Truyền thông tỉnh Bình Định", "Bình Định", "conferred"),
        ],
        "documents": [{"kind": "Quyết định", "number": "245/QĐ-BTTTT", "date": "2021-03-20",
                       "evidence": evidence(A4_TEXT, "Quyết định số 245/QĐ-BTTTT")}],
        "people": [
            {"name": "Lê Thị Mai", "position": "Thứ trưởng Bộ Thông tin và Truyền thông",
             "evidence": evidence(A4_TEXT, "Lê Thị Mai")},
            {"name": "Nguyễn Văn Hùng", "position": "Giám đốc Sở Thông tin và Truyền thông tỉnh Kon Tum",
             "evidence": evidence(A4_TEXT, "Nguyễn Văn Hùng")},
        ],
    }
    a5 = {
        "provinces": ["Gia Lai"],
        "awards": [_award(A5_TEXT, "Lễ đón nhận Cờ thi đua", "Cờ thi đua", "Sở Thông tin và Truyền thông tỉnh Gia Lai",
                          "Gia Lai", "conferred")],
        "events": [
            {"kinds": ["award_ceremony"], "date": "2022-04-08", "place": "thành phố Pleiku", "province": "Gia Lai",
             "evidence": evidence(A5_TEXT, "Ngày 8/4/2022, tại thành phố Pleiku")},
            {"kinds": ["launch"], "date": None, "place": None, "province": "Gia Lai",
             "evidence": evidence(A5_TEXT, "phát động phong trào thi đua năm 2022")},
        ],
        "documents": [{"kind": "Quyết định", "number": "245/QĐ-BTTTT", "date": None,
                       "evidence": evidence(A5_TEXT, "Quyết định 245/QĐ-BTTTT")}],
        "people": [{"name": "Nguyễn Văn Hùng", "position": "Phó Chủ tịch UBND tỉnh Gia Lai",
                    "evidence": evidence(A5_TEXT, "Nguyễn Văn Hùng")}],
    }
    a6 = {
        "provinces": ["Gia Lai"],
        "awards": [_award(A6_TEXT, "đón nhận Cờ thi đua", "Cờ thi đua", "Sở Thông tin và Truyền thông tỉnh Gia Lai",
                          "Gia Lai", "conferred", year=None)],
        "events": [
            {"kinds": ["award_ceremony"], "date": "2022-04-08", "place": None, "province": "Gia Lai",
             "evidence": evidence(A6_TEXT, "Sáng 8/4")},
            {"kinds": ["launch"], "date": None, "place": None, "province": "Gia Lai",
             "evidence": evidence(A6_TEXT, "Báo Gia Lai phát động cuộc thi viết")},
        ],
    }
    a7 = {
        "provinces": ["Gia Lai"],
        "clusters": [{**_cluster(A7_TEXT, [
            {"role": "leader", "unit": "Sở Thông tin và Truyền thông tỉnh Gia Lai", "province": "Gia Lai",
             "year": 2026, "evidence": evidence(A7_TEXT, "suy tôn làm Cụm trưởng năm 2026")}]), "members": []}],
        "awards": [_award(A7_TEXT, "Sở TTTT Gia Lai từng được tặng Cờ thi đua", "Cờ thi đua", "Sở TTTT Gia Lai",
                          "Gia Lai", "conferred")],
        "events": [{"kinds": ["review"], "date": "2026-01-20", "place": "Hội trường Sở Khoa học và Công nghệ tỉnh Gia Lai",
                    "province": "Gia Lai", "evidence": evidence(A7_TEXT, "Ngày 20/01/2026")}],
        "documents": [{"kind": "Quyết định", "number": "0245/QĐ-BTTTT", "date": None,
                       "evidence": evidence(A7_TEXT, "Quyết định số 0245/QĐ-BTTTT")}],
    }
    return {"A1": _a1_record(A1_TEXT), "A2": _a1_record(A2_TEXT, full_names=True), "A3": _a1_record(A3_TEXT),
            "A4": a4, "A5": a5, "A6": a6, "A7": a7}


ARTICLES = [  # (name, url, source, published, title, text)
    ("A1", "https://stttt.gialai.gov.vn/tin-tuc/cum-6-tong-ket-2020.html", "stttt-gialai",
     "2021-01-15T16:00:00+07:00", "Cụm thi đua số 6 tổng kết năm 2020", A1_TEXT),
    ("A2", "https://kontum.gov.vn/pages/detail/5120/cum-thi-dua-so-6.html", "kontum-portal",
     "2021-01-16T08:00:00+07:00", "Cụm thi đua số 6 tổng kết năm 2020", A2_TEXT),
    ("A3", "https://baogialai.com.vn/channel/8181/202101/cum-thi-dua-so-6.html", "baogialai",
     "2021-01-16", "Cụm thi đua số 6 tổng kết năm 2020", A3_TEXT),
    ("A4", "https://mic.gov.vn/Pages/TinTuc/146001/co-thi-dua-2020.html", "mic",
     "2021-03-20T10:00:00+07:00", "Bộ TT&TT tặng Cờ thi đua năm 2020", A4_TEXT),
    ("A5", "https://stttt.gialai.gov.vn/tin-tuc/don-nhan-co-thi-dua.html", "stttt-gialai",
     "2022-04-10T09:00:00+07:00", "Sở TT&TT Gia Lai đón nhận Cờ thi đua", A5_TEXT),
    ("A6", "https://baogialai.com.vn/channel/8181/202204/nganh-tttt-nhan-co.html", "baogialai",
     "2022-04-09T07:30:00+07:00", "Ngành TT&TT Gia Lai nhận Cờ thi đua của Bộ", A6_TEXT),
    ("A7", "https://stttt.gialai.gov.vn/tin-tuc/cum-6-tong-ket-2025.html", "stttt-gialai",
     "2026-01-21T15:00:00+07:00", "Cụm thi đua số 6 tổng kết năm 2025", A7_TEXT),
]

# The distinct facts, counted by hand from the texts above.
EXPECTED = SimpleNamespace(
    awards={  # (award, recipient province or count, year) → (status, proposed_on, conferred_on, articles, outlets)
        ("Cờ thi đua", "Gia Lai", 2020): ("conferred", "2021-01-15", "2021-03-20", 6, 4),
        ("Bằng khen", "Kon Tum", 2020): ("proposed", "2021-01-15", None, 3, 3),
        ("Bằng khen", 2, 2020): ("proposed", "2021-01-15", None, 3, 3),
        ("Bằng khen", "Bình Định", 2020): ("conferred", None, "2021-03-20", 1, 1),
        # A6 names no achievement year: by the rule (same year) it is not the 2020 flag
        ("Cờ thi đua", "Gia Lai", None): ("conferred", None, "2022-04-09", 1, 1),
    },
    events=[  # (kind, date, articles)
        ("review", "2021-01-15", 3), ("award_ceremony", "2022-04-08", 2), ("launch", None, 1),
        ("launch", None, 1), ("review", "2026-01-20", 1),
    ],
    roles={("Cụm thi đua số 6", 2021, "leader", "Kon Tum"), ("Cụm thi đua số 6", 2021, "deputy", "Bình Định"),
           ("Cụm thi đua số 6", 2026, "leader", "Gia Lai")},
    people={("Nguyễn Văn Hùng", "Gia Lai"), ("Nguyễn Văn Hùng", "Kon Tum"), ("Lê Thị Mai", None)},
    documents={"15/KH-STTTT": 3, "245/QĐ-BTTTT": 3},  # number → articles citing it (A1–A3; A4, A5, A7)
    units={"Gia Lai": 2, "Kon Tum": 1, "Bình Định": 1, None: 1},  # province → units (Sở TT&TT ×3, UBND GL, Bộ)
    stories=3,  # looked for only where a fact needs one: A1–A3 (a count-only award), A5 and A6 (undated launches)
)


def build(path: Path, order: list[str] | None = None, version: str = "test-1", batch: int | None = None,
          ) -> dict[str, int]:
    """Write the fixture catalogue (articles stored and extracted in ``order``); returns name → article id.

    ``batch``: store the articles first, then their records through ``store_extractions``, ``batch`` per
    transaction (else one ``store_extraction`` per article, right after the article)."""
    records = _records()
    by_name = {a[0]: a for a in ARTICLES}
    ids: dict[str, int] = {}
    with Catalogue(path) as cat:
        for source in SOURCES:
            cat.upsert_source(*source)
        run = cat.start_run("crawl", [s[0] for s in SOURCES])
        for name in order or [a[0] for a in ARTICLES]:
            _, url, source, published, title, text = by_name[name]
            cat.upsert_article({"url": url, "source": source, "published": published, "title": title, "text": text},
                               run)
            ids[name] = cat.seen(url)["article_id"]
            if batch is None:
                cat.store_extraction(ids[name], {**records[name], "published": published}, version)
        if batch is not None:
            pairs = [(ids[n], {**records[n], "published": by_name[n][3]}) for n in order or [a[0] for a in ARTICLES]]
            cat.store_extractions(pairs, version, batch=batch)
    return ids


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("facts") / "catalogue.db"
    return path, build(path)


@pytest.fixture()
def db_path(built) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def fx() -> SimpleNamespace:
    """The fixture's texts, records, expected facts and builder (test modules cannot import conftest)."""
    return SimpleNamespace(ARTICLES=ARTICLES, SOURCES=SOURCES, EXPECTED=EXPECTED, build=build, records=_records,
                           evidence=evidence, A1_TEXT=A1_TEXT)
