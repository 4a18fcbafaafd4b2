"""catalog.trace: campaign lookup, outlets in time order, first publisher, syndicated copies."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import catalog.trace as trace_module
from catalog.store import Catalogue
from catalog.trace import UnknownCampaign, body_text, same_story, shingles, time_key, trace

CAMPAIGN = "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"
GIALAI = "https://stttt.gialai.gov.vn/tin-tuc/hoi-nghi-trien-khai-phong-trao-chung-tay-vi-nguoi-ngheo.html"
KONTUM = "https://kontum.gov.vn/pages/detail/41234/nganh-tttt-gia-lai-chung-tay-vi-nguoi-ngheo.html"
BINHDINH_COPY = "https://binhdinh.gov.vn/tin-tuc/gia-lai-trien-khai-phong-trao-vi-nguoi-ngheo.html"
BINHDINH_OWN_URL = "https://binhdinh.gov.vn/tin-tuc/tong-ket-5-nam-chung-tay-vi-nguoi-ngheo.html"


@pytest.mark.parametrize("query", [
    CAMPAIGN,
    "cả nước chung tay vì người nghèo không để ai bị bỏ lại phía sau",  # no dash, lower case
    "Ca nuoc chung tay vi nguoi ngheo - Khong de ai bi bo lai phia sau",  # no diacritics
    "phong trào thi đua “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”",
    "ca nuoc chung tay vi nguoi ngheo khong de ai bi bo lai phia sao",  # typo
    "chung tay vì người nghèo",  # the short name
])
def test_campaign_found_by_any_variant(db_path: Path, query: str) -> None:
    result = trace(db_path, query)
    assert result.campaign == CAMPAIGN
    assert len(result.articles) == 4


def test_first_publisher_and_time_order(db_path: Path, article_ids: dict[str, int]) -> None:
    result = trace(db_path, CAMPAIGN)
    assert result.first_publisher == "Sở TT&TT Gia Lai"
    assert result.first.article_id == article_ids[GIALAI]
    assert [a.published[:10] for a in result.articles] == ["2021-03-02", "2021-03-04", "2021-03-05", "2021-03-10"]
    groups = result.by_source()
    assert list(groups) == ["Sở TT&TT Gia Lai", "Cổng TTĐT tỉnh Kon Tum", "Cổng TTĐT tỉnh Bình Định"]
    assert [a.url for a in groups["Cổng TTĐT tỉnh Bình Định"]] == [BINHDINH_COPY, BINHDINH_OWN_URL]


def test_syndicated_copies_form_one_family(db_path: Path, article_ids: dict[str, int]) -> None:
    result = trace(db_path, CAMPAIGN)
    by_url = {a.url: a for a in result.articles}
    original = article_ids[GIALAI]
    assert by_url[GIALAI].copy_of is None
    assert by_url[KONTUM].copy_of == original  # new lead and page chrome around the release
    assert by_url[BINHDINH_COPY].copy_of == original  # the release with its tail cut
    assert by_url[BINHDINH_OWN_URL].copy_of is None  # Bình Định's own story on the same campaign
    assert by_url[KONTUM].similarity > 0.9
    syndicated = [f for f in result.families if f.copies]
    assert len(syndicated) == 1 and len(result.families) == 2
    family = syndicated[0]
    assert family.first_article_id == original
    assert family.first_source == "Sở TT&TT Gia Lai"
    assert family.first_published == "2021-03-02T15:30:00+07:00"
    assert family.article_ids == [original, article_ids[KONTUM], article_ids[BINHDINH_COPY]]
    assert family.sources == ["Sở TT&TT Gia Lai", "Cổng TTĐT tỉnh Kon Tum", "Cổng TTĐT tỉnh Bình Định"]


def test_first_publisher_comes_from_dates_not_insertion_order(tmp_path: Path, fx) -> None:
    """Copies crawled before the original (higher article id for the original) still point at it."""
    path = tmp_path / "reversed.db"
    ids = fx.build_catalogue(path, articles=list(reversed(fx.ARTICLES)))
    assert ids[GIALAI] > ids[KONTUM]
    result = trace(path, "chung tay vi nguoi ngheo khong de ai bi bo lai phia sau")
    assert result.first.url == GIALAI
    by_url = {a.url: a for a in result.articles}
    assert by_url[KONTUM].copy_of == ids[GIALAI]
    assert by_url[BINHDINH_COPY].copy_of == ids[GIALAI]


def test_json_and_text_reports(db_path: Path) -> None:
    result = trace(db_path, "dan van kheo")
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["campaign"] == "Dân vận khéo"
    assert data["first_publisher"] == "Sở TT&TT Bình Dương"
    assert list(data["sources"]) == ["Sở TT&TT Bình Dương"]
    full = trace(db_path, CAMPAIGN).render()
    assert "First published by Sở TT&TT Gia Lai on 2021-03-02" in full
    assert "4 articles from 3 outlets; 2 stories, 2 copies of 1 syndicated story" in full
    assert full.count("[copy of #") == 2


@pytest.mark.parametrize("query", ["xây dựng nông thôn mới", "Toàn dân đoàn kết", "   "])
def test_unknown_campaign_lists_closest(db_path: Path, query: str) -> None:
    with pytest.raises(UnknownCampaign) as err:
        trace(db_path, query)
    message = str(err.value)
    assert "\n" not in message
    if query.strip():
        assert message.startswith(f"unknown campaign {query!r}; closest known:")
        assert "Dân vận khéo" in message and CAMPAIGN in message


def test_ambiguous_fuzzy_match_is_refused(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "two.db") as cat:
        for i, name in enumerate(["Chung tay vì người nghèo", "Chung tay xây dựng nông thôn mới"], start=1):
            cat.upsert_article({"url": f"https://x.gov.vn/{i}", "source": "x", "text": f"Phát động phong trào {name}."},
                               None)
            cat.store_extraction(i, {"campaigns": [{"name": name}]}, "t")
    with pytest.raises(UnknownCampaign, match="ambiguous campaign 'chung tay'"):
        trace(tmp_path / "two.db", "chung tay")
    assert trace(tmp_path / "two.db", "chung tay vi nguoi ngheo").campaign == "Chung tay vì người nghèo"


def test_missing_catalogue_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="catalogue not found"):
        trace(tmp_path / "nope.db", CAMPAIGN)
    assert not (tmp_path / "nope.db").exists()


def test_same_story_rules(fx) -> None:
    release = shingles(fx.RELEASE)
    trimmed = shingles(fx.RELEASE.rsplit("\n", 2)[0])
    quoting = shingles(fx.BINHDINH_OWN + "\n" + fx.RELEASE.split("\n")[0])  # own story quoting the release's lead
    assert same_story(release, trimmed)
    assert not same_story(release, quoting)
    assert not same_story(release, shingles(fx.BINHDINH_OWN))
    assert not same_story(frozenset(), release)


def test_body_text_drops_chrome(fx) -> None:
    page = "Tin hoạt động\nCỡ chữ: Font size: Giảm (A-) Mặc định (A) Tăng (A+)\n" + fx.RELEASE + "\nLượt xem: 1.024"
    body = body_text(page)
    assert "Cỡ chữ" not in body and "Lượt xem" not in body
    assert "Chư Prông" in body


def test_time_key_orders_timezones_and_missing_dates() -> None:
    stamps = ["2021-03-02T09:00:00Z", "2021-03-02T15:30:00+07:00", "2021-03-02", None, "not a date"]
    ordered = sorted(stamps, key=time_key)
    assert ordered[:3] == ["2021-03-02", "2021-03-02T15:30:00+07:00", "2021-03-02T09:00:00Z"]
    assert set(ordered[3:]) == {None, "not a date"}


def test_minhash_candidates_find_the_same_families(monkeypatch: pytest.MonkeyPatch, fx) -> None:
    """Above EXACT_MAX articles, MinHash picks the pairs to compare; the families must not change."""
    rng = random.Random(7)
    vocabulary = sorted(set((fx.RELEASE + " " + fx.BINHDINH_OWN).split()))
    texts = {}
    for story in range(12):  # 12 distinct stories × 5 versions: full, new lead, cut tail, both, new ending
        paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(40)) + "." for _ in range(5)]
        for version in range(5):
            body = list(paragraphs)
            if version in (1, 3):
                body.insert(0, f"(Theo nguồn {version}) Cổng thông tin đăng lại tin bài để các đơn vị tham khảo.")
            if version in (2, 3):
                body = body[:-2]
            if version == 4:
                body.append(" ".join(rng.choice(vocabulary) for _ in range(30)))
            texts[story * 5 + version] = shingles("\n".join(body))
    monkeypatch.setattr(trace_module, "EXACT_MAX", 10_000)
    exact = trace_module._families(texts)
    monkeypatch.setattr(trace_module, "EXACT_MAX", 0)
    assert trace_module._families(texts) == exact
    assert sorted(exact.values()) == [5 * (i // 5) for i in range(60)]  # each story's versions, nothing else
