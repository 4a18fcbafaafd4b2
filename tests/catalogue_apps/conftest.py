"""A small but realistic catalogue built through the Catalogue API.

Three outlets cover "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại
phía sau": the Gia Lai department publishes the press release on 2021-03-02,
the Kon Tum portal republishes it on 2021-03-04 (new lead, page chrome) and the
Bình Định portal on 2021-03-05 (tail cut); Bình Định also runs its own,
different story on 2021-03-10.  A second campaign ("Dân vận khéo") has one
article.  Clusters, roles and awards span Gia Lai, Kon Tum, Bình Định, Bình
Dương and Bà Rịa - Vũng Tàu (the last two merged into Hồ Chí Minh in 2025).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from catalog.store import Catalogue

CAMPAIGN = "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"

RELEASE = (
    "Sáng ngày 02/3/2021, Sở Thông tin và Truyền thông tỉnh Gia Lai tổ chức Hội nghị triển khai phong trào thi đua "
    "“Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021-2025 trong toàn ngành.\n"
    "Phát biểu tại hội nghị, đồng chí Giám đốc Sở nhấn mạnh phong trào nhằm huy động sức mạnh tổng hợp của cả hệ "
    "thống chính trị, cộng đồng doanh nghiệp và người dân cùng chung tay giúp đỡ hộ nghèo, hộ cận nghèo vươn lên "
    "thoát nghèo bền vững, góp phần hoàn thành các mục tiêu phát triển kinh tế - xã hội của tỉnh.\n"
    "Theo kế hoạch, mỗi cơ quan, đơn vị trong ngành đăng ký ít nhất một mô hình giúp đỡ hộ nghèo, ưu tiên hỗ trợ "
    "thiết bị thu xem truyền hình, điện thoại thông minh và kết nối Internet cho các thôn, làng đặc biệt khó khăn "
    "ở vùng sâu, vùng xa.\n"
    "Các doanh nghiệp viễn thông trên địa bàn cam kết hỗ trợ miễn phí cước dịch vụ trong sáu tháng cho học sinh "
    "thuộc hộ nghèo và tổ chức các lớp hướng dẫn kỹ năng số cơ bản cho người dân ở các xã biên giới.\n"
    "Kết thúc hội nghị, các đơn vị đã ký cam kết thi đua và trao 50 điện thoại thông minh cho học sinh nghèo "
    "vượt khó học giỏi của huyện Chư Prông và huyện Ia Grai."
)

KONTUM_COPY = (
    "Tin hoạt động\n"
    "Cỡ chữ: Font size: Giảm (A-) Mặc định (A) Tăng (A+)\n"
    "(Theo Cổng TTĐT Sở TT&TT Gia Lai) Cổng Thông tin điện tử tỉnh Kon Tum đăng lại bài viết về hội nghị của ngành "
    "Thông tin và Truyền thông tỉnh bạn để các cơ quan, đơn vị tham khảo.\n" + RELEASE + "\nLượt xem: 1.024\nTin khác"
)

BINHDINH_COPY = RELEASE.rsplit("\n", 2)[0]  # the last two paragraphs cut

BINHDINH_OWN = (
    "Ngày 10/3/2021, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định phối hợp với Sở Lao động - Thương binh và Xã "
    "hội tổng kết năm năm thực hiện phong trào Chung tay vì người nghèo trên địa bàn tỉnh.\n"
    "Trong giai đoạn vừa qua, toàn tỉnh đã xây dựng và sửa chữa hơn 2.300 căn nhà đại đoàn kết, hỗ trợ vốn sản xuất "
    "cho gần 5.000 hộ nghèo, tỷ lệ hộ nghèo giảm bình quân 1,5% mỗi năm, vượt chỉ tiêu Nghị quyết Đại hội đề ra.\n"
    "Nhiều mô hình hay như tổ hợp tác nuôi bò sinh sản, vườn rau an toàn của phụ nữ nghèo ở huyện An Lão và Vĩnh "
    "Thạnh được nhân rộng, giúp người dân có thu nhập ổn định.\n"
    "Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể và 20 cá nhân có thành tích xuất sắc trong phong trào."
)

DANVAN = (
    "Sở Thông tin và Truyền thông tỉnh Bình Dương phát động phong trào thi đua “Dân vận khéo” năm 2021 trong công "
    "chức, viên chức và người lao động của Sở, gắn với thực hiện nhiệm vụ chuyển đổi số và cải cách hành chính, "
    "lấy sự hài lòng của người dân, doanh nghiệp làm thước đo hiệu quả công tác của từng phòng, đơn vị thuộc Sở."
)

CLUSTER_TEXT = (
    "Ngày 15/01/2021, tại thành phố Pleiku, Cụm thi đua số 6 thuộc Bộ Thông tin và Truyền thông gồm Sở Thông tin và "
    "Truyền thông các tỉnh Gia Lai, Kon Tum, Bình Định tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm "
    "2020 và ký kết giao ước thi đua năm 2021. Hội nghị thống nhất đề nghị Bộ trưởng tặng Cờ thi đua cho Sở TT&TT "
    "Gia Lai và Bằng khen cho Sở TT&TT Kon Tum; Sở TT&TT Kon Tum làm Cụm trưởng năm 2021."
)

AWARDS_SOUTH = (
    "Ngày 20/01/2022, Sở Thông tin và Truyền thông tỉnh Bình Dương đón nhận Cờ thi đua của Bộ Thông tin và Truyền "
    "thông vì đã có thành tích xuất sắc dẫn đầu phong trào thi đua năm 2021; Sở Thông tin và Truyền thông tỉnh Bà Rịa "
    "- Vũng Tàu được tặng Bằng khen của Bộ trưởng Bộ Thông tin và Truyền thông."
)


def _campaign(name: str, launched_by: str | None = None) -> dict:
    return {"name": name, "kind": "thường xuyên", "launched_by": launched_by, "period": "2021-2025"}


ARTICLES: list[dict] = [
    {
        "url": "https://stttt.gialai.gov.vn/tin-tuc/hoi-nghi-trien-khai-phong-trao-chung-tay-vi-nguoi-ngheo.html",
        "source": "stttt-gialai", "title": "Ngành TT&TT Gia Lai triển khai phong trào chung tay vì người nghèo",
        "published": "2021-03-02T15:30:00+07:00", "text": RELEASE,
        "record": {"provinces": ["Gia Lai"], "campaigns": [_campaign(CAMPAIGN, "Sở Thông tin và Truyền thông Gia Lai")]},
    },
    {
        "url": "https://kontum.gov.vn/pages/detail/41234/nganh-tttt-gia-lai-chung-tay-vi-nguoi-ngheo.html",
        "source": "kontum-portal", "title": "Gia Lai: chung tay vì người nghèo, không để ai bị bỏ lại phía sau",
        "published": "2021-03-04T08:00:00+07:00", "text": KONTUM_COPY,
        "record": {"provinces": ["Gia Lai", "Kon Tum"],
                   "campaigns": [_campaign("Cả nước chung tay vì người nghèo – không để ai bị bỏ lại phía sau")]},
    },
    {
        "url": "https://binhdinh.gov.vn/tin-tuc/gia-lai-trien-khai-phong-trao-vi-nguoi-ngheo.html",
        "source": "binhdinh-portal", "title": "Gia Lai triển khai phong trào vì người nghèo",
        "published": "2021-03-05", "text": BINHDINH_COPY,
        "record": {"provinces": ["Gia Lai"],
                   "campaigns": [_campaign("cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau")]},
    },
    {
        "url": "https://binhdinh.gov.vn/tin-tuc/tong-ket-5-nam-chung-tay-vi-nguoi-ngheo.html",
        "source": "binhdinh-portal", "title": "Bình Định tổng kết 5 năm phong trào Chung tay vì người nghèo",
        "published": "2021-03-10T10:15:00+07:00", "text": BINHDINH_OWN,
        "record": {"provinces": ["Bình Định"], "campaigns": [_campaign(CAMPAIGN)],
                   "awards": [{"award": "Bằng khen", "level": "province", "conferred_by": "UBND tỉnh Bình Định",
                               "recipient": None, "province": "Bình Định", "count": 12, "for_year": 2020,
                               "status": "conferred"}]},
    },
    {
        "url": "https://stttt.binhduong.gov.vn/tin-tuc/phat-dong-dan-van-kheo-2021.html",
        "source": "stttt-binhduong", "title": "Sở TT&TT Bình Dương phát động phong trào Dân vận khéo",
        "published": "2021-04-01T09:00:00+07:00", "text": DANVAN,
        "record": {"provinces": ["Bình Dương"], "campaigns": [_campaign("Dân vận khéo", "Sở TT&TT Bình Dương")]},
    },
    {
        "url": "https://stttt.gialai.gov.vn/tin-tuc/cum-thi-dua-so-6-tong-ket-2020.html",
        "source": "stttt-gialai", "title": "Cụm thi đua số 6 tổng kết năm 2020, ký kết giao ước thi đua 2021",
        "published": "2021-01-15T16:00:00+07:00", "text": CLUSTER_TEXT,
        "record": {
            "provinces": ["Gia Lai", "Kon Tum", "Bình Định"],
            "clusters": [{"label": "Cụm thi đua số 6", "kind": "cụm", "number": 6,
                          "organizer": "Bộ Thông tin và Truyền thông", "members": ["Gia Lai", "Kon Tum", "Bình Định"],
                          "member_count": 3, "member_units": [],
                          "roles": [{"role": "leader", "unit": "Sở TT&TT Kon Tum", "province": "Kon Tum", "year": 2021}]}],
            "awards": [
                {"award": "Cờ thi đua", "level": "ministry", "conferred_by": "Bộ Thông tin và Truyền thông",
                 "recipient": "Sở TT&TT Gia Lai", "province": "Gia Lai", "count": None, "for_year": 2020,
                 "status": "proposed"},
                {"award": "Bằng khen", "level": "ministry", "conferred_by": "Bộ Thông tin và Truyền thông",
                 "recipient": "Sở TT&TT Kon Tum", "province": "Kon Tum", "count": None, "for_year": 2020,
                 "status": "proposed"}],
            "events": [{"kinds": ["review", "pledge_signing"], "date": "2021-01-15", "place": "thành phố Pleiku",
                        "province": "Gia Lai"}],
        },
    },
    {
        "url": "https://stttt.binhduong.gov.vn/tin-tuc/don-nhan-co-thi-dua-2021.html",
        "source": "stttt-binhduong", "title": "Sở TT&TT Bình Dương đón nhận Cờ thi đua của Bộ",
        "published": "2022-01-20T14:00:00+07:00", "text": AWARDS_SOUTH,
        "record": {
            "provinces": ["Bình Dương", "Bà Rịa - Vũng Tàu"],
            "awards": [
                {"award": "Cờ thi đua", "level": "ministry", "conferred_by": "Bộ Thông tin và Truyền thông",
                 "recipient": "Sở Thông tin và Truyền thông tỉnh Bình Dương", "province": "Bình Dương", "count": None,
                 "for_year": 2021, "status": "conferred"},
                {"award": "Bằng khen", "level": "ministry", "conferred_by": "Bộ Thông tin và Truyền thông",
                 "recipient": "Sở Thông tin và Truyền thông tỉnh Bà Rịa - Vũng Tàu", "province": "Bà Rịa - Vũng Tàu",
                 "count": None, "for_year": 2021, "status": "conferred"}],
        },
    },
]

SOURCES = [
    ("stttt-gialai", "Sở TT&TT Gia Lai", "https://stttt.gialai.gov.vn", "dnn", "Gia Lai"),
    ("kontum-portal", "Cổng TTĐT tỉnh Kon Tum", "https://kontum.gov.vn", "portal", "Kon Tum"),
    ("binhdinh-portal", "Cổng TTĐT tỉnh Bình Định", "https://binhdinh.gov.vn", "portal", "Bình Định"),
    ("stttt-binhduong", "Sở TT&TT Bình Dương", "https://stttt.binhduong.gov.vn", "sharepoint", "Bình Dương"),
]


def build_catalogue(path: Path, articles: list[dict] | None = None) -> dict[str, int]:
    """Write the fixture catalogue at ``path`` (articles in the given crawl order); returns url → article id."""
    articles = ARTICLES if articles is None else articles
    ids: dict[str, int] = {}
    with Catalogue(path) as cat:
        for source in SOURCES:
            cat.upsert_source(*source)
        run = cat.start_run("crawl", [s[0] for s in SOURCES])
        for art in articles:
            item = {k: v for k, v in art.items() if k != "record"}
            assert cat.upsert_article(item, run) == "new"
            ids[art["url"]] = cat.seen(art["url"])["article_id"]
        for art in articles:
            cat.store_extraction(ids[art["url"]], {**art["record"], "published": art["published"]}, "test-1")
        cat.finish_run(run, {"pages_fetched": len(articles), "new": len(articles), "changed": 0, "unchanged": 0,
                             "errors": 0})
    return ids


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """(path, url → article id) of a fresh fixture catalogue, shared by one test module (tests only read it)."""
    path = tmp_path_factory.mktemp("catalogue") / "catalogue.db"
    ids = build_catalogue(path)
    return path, ids


@pytest.fixture()
def db_path(built: tuple[Path, dict[str, int]]) -> Path:
    return built[0]


@pytest.fixture()
def article_ids(built: tuple[Path, dict[str, int]]) -> dict[str, int]:
    return built[1]


@pytest.fixture(scope="session")
def fx() -> SimpleNamespace:
    """The fixture texts and builder, for tests that need them (test modules cannot import conftest)."""
    return SimpleNamespace(ARTICLES=ARTICLES, SOURCES=SOURCES, CAMPAIGN=CAMPAIGN, RELEASE=RELEASE,
                           BINHDINH_OWN=BINHDINH_OWN, build_catalogue=build_catalogue)
