"""Shared helpers of the campaign/theme/event/document/people extractors."""

from __future__ import annotations

import pytest

from extract.fields import _common, campaigns


@pytest.mark.parametrize("text,expected", [
    ("phát động phong trào thi đua giai đoạn 2021 – 2025", "2021-2025"),
    ("từ năm 2019 đến năm 2025", "2019-2025"),
    ("(2016-2020)", "2016-2020"),
    ("năm 2024", None),
])
def test_find_period(text, expected):
    assert _common.find_period(text) == expected


@pytest.mark.parametrize("name,expected", [
    ("Sở Y tế đã", "Sở Y tế"),
    ("Trường Đại học Hà Tĩnh điểm", "Trường Đại học Hà Tĩnh"),
    ("Ban Chỉ đạo", "Ban Chỉ đạo"),          # capitalised words are part of the name
    ("Cục Hải quan tỉnh Lạng Sơn", "Cục Hải quan tỉnh Lạng Sơn"),
])
def test_cut_predicate(name, expected):
    assert _common.cut_predicate(name) == expected


def test_authority_before_reads_the_subject_of_the_verb():
    t = "Năm 2015, Sở Y tế đã phát động phong trào"
    assert _common.authority_before(t, t.index("phát động"), None) == "Sở Y tế"


def test_expand_org_takes_the_fuller_form_written_elsewhere():
    text = "Cục Thuế tỉnh Long An tổ chức hội nghị. Cục Thuế phát động thi đua."
    assert _common.expand_org("Cục Thuế", text) == "Cục Thuế tỉnh Long An"


def test_campaigns_module_still_exports_the_helpers():
    assert campaigns.quoted_spans is _common.quoted_spans
    assert campaigns.article_province is _common.article_province
