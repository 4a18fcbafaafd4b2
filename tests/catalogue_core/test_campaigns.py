"""Campaign identity: variants of one movement grouped, distinct movements kept apart, every variant kept."""

from __future__ import annotations

import pytest

from catalog.campaigns import campaign_key, same_campaign

FULL = "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"


@pytest.mark.parametrize("variant", [
    "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",   # en dash
    "Cả nước chung tay vì người nghèo Không để ai bị bỏ lại phía sau",     # no dash
    "“Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",  # quotes
    "CẢ NƯỚC CHUNG TAY VÌ NGƯỜI NGHÈO - KHÔNG ĐỂ AI BỊ BỎ LẠI PHÍA SAU",     # capitals
    "Cả nước chung tay vì người nghèo",                                    # cut short
    "phong trào thi đua Cả nước chung tay vì người nghèo",                  # with the lead words
    "Cả nước chung tay vì người nghèo - Không để ai bỏ lại phía sau",      # a word dropped
])
def test_variants_group(variant):
    assert same_campaign(campaign_key(variant), campaign_key(FULL))


@pytest.mark.parametrize("other", [
    "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
    "Dân vận khéo",
    "Cả nước thi đua xây dựng xã hội học tập",
    "Doanh nghiệp Việt Nam hội nhập và phát triển",
])
def test_distinct_movements_stay_apart(other):
    assert not same_campaign(campaign_key(other), campaign_key(FULL))


def test_store_groups_variants_and_names_canonical(cat, make_item, make_record):
    names = [FULL, "“Cả nước chung tay vì người nghèo Không để ai bị bỏ lại phía sau”", FULL,
             "Cả nước chung tay vì người nghèo", "Dân vận khéo"]
    for i, name in enumerate(names, 1):
        cat.upsert_article(make_item(url=f"https://x.gov.vn/{i}", published=f"2021-0{i}-01"), None)
        rec = {**make_record(), "campaigns": [{"name": name, "kind": "thường xuyên", "launched_by": None,
                                               "period": "2021-2025"}]}
        cat.store_extraction(i, rec, "0.1.0")
    rows = cat.db.execute("select c.name, count(distinct v.id), count(distinct m.article_id) from campaigns c"
                          " join campaign_variants v on v.campaign_id = c.id"
                          " join campaign_mentions m on m.campaign_id = c.id group by c.id order by c.id").fetchall()
    assert rows == [(FULL, 3, 4), ("Dân vận khéo", 1, 1)]
    variants = {r[0] for r in cat.db.execute("select name from campaign_variants")}
    assert "Cả nước chung tay vì người nghèo" in variants
    cov = cat.db.execute("select count(*) from campaign_coverage where campaign = ?", [FULL]).fetchone()[0]
    assert cov == 4  # one row per date


def test_variant_removed_with_its_last_mention(cat, make_item, make_record):
    cat.upsert_article(make_item(), None)
    cat.store_extraction(1, {**make_record(), "campaigns": [{"name": "Dân vận khéo"}]}, "0.1.0")
    cat.store_extraction(1, {**make_record(), "campaigns": [{"name": FULL}]}, "0.2.0")
    assert [r[0] for r in cat.db.execute("select name from campaigns")] == [FULL]
    assert cat.db["campaign_variants"].count == 1
