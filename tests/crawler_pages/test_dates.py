"""Every date format of portals.md §4, day-first, ISO with +07:00 only when a time is printed."""

from __future__ import annotations

import pytest

from crawler.pages.dates import date_from_url, parse_date

TABLE = [
    ("Thứ 5, Ngày 14/10/2021, 11:00", "2021-10-14T11:00:00+07:00"),
    ("Thứ 4, Ngày 08/09/2021, 09:00", "2021-09-08T09:00:00+07:00"),
    ("Cập nhật lúc:   11:01:19 - 12/03/2020 Số lượt xem:   141", "2020-03-12T11:01:19+07:00"),
    ("10:17 - 19/05/2021", "2021-05-19T10:17:00+07:00"),
    ("Thứ ba, 25 Tháng 1 2022 16:22", "2022-01-25T16:22:00+07:00"),
    ("Thứ hai, 8/5/2023, 15:58 (GMT+7)", "2023-05-08T15:58:00+07:00"),
    ("07/08/2020 23:13 GMT+7", "2020-08-07T23:13:00+07:00"),
    ("03/11/2022 13:45", "2022-11-03T13:45:00+07:00"),
    ("(29/06/2026, 14:49)", "2026-06-29T14:49:00+07:00"),
    ("Tin đăng ngày: 6/2/2020 - Xem: 92", "2020-02-06"),
    ("Ngày đăng: 24/09/2018", "2018-09-24"),
    ("Đăng ngày 17/03/2021", "2021-03-17"),
    ("14.10.2021", "2021-10-14"),
    ("14-10-2021", "2021-10-14"),
    ("Chủ nhật, 5/3/2023 - 8h30", "2023-03-05T08:30:00+07:00"),
    ("ngày 14 tháng 10 năm 2021", "2021-10-14"),
    ("Submitted by Ban biên tập on 18 October 2019", "2019-10-18"),
    ("October 18, 2019", "2019-10-18"),
    ("2023-01-30T10:00:00+07:00", "2023-01-30T10:00:00+07:00"),
    ("2023-01-30T03:00:00Z", "2023-01-30T10:00:00+07:00"),
    ("2023-01-30", "2023-01-30"),
    ("Mon, 30 Jan 2023 10:00:00 +0700", "2023-01-30T10:00:00+07:00"),
    ("Sun, 29 Jan 2023 20:00:00 GMT", "2023-01-30T03:00:00+07:00"),
    ("16/03/2021 | Lượt xem: 76", "2021-03-16"),
    # WordPress in Vietnamese abbreviates the month (real-urls.tsv)
    ("Đã đăng vào 30 Th6, 2020 lúc 7:40", "2020-06-30T07:40:00+07:00"),
    ("30 Thg 6, 2020", "2020-06-30"),
    ("Thứ 6, 25 tháng 01, 2022", "2022-01-25"),
    # year-less day-month in text is never a publication date
    ("Chiều 12-5, UBND tỉnh tổ chức", None),
    ("Sáng 09-12", None),
    ("Ngày 18.6", None),
    ("31/02/2021", None),
    ("", None),
]


@pytest.mark.parametrize("text,iso", TABLE)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("url,iso", [
    ("https://dienbien.gov.vn/portal/Pages/2020-5-29/VPUB--Nam-2019-gaykd6fqr.aspx", "2020-05-29"),
    ("https://ninhthuan.gov.vn/portal/pages/2023-01-30/tin-468686.aspx", "2023-01-30"),
    ("https://bvdkla.longan.gov.vn/2019/10/18/hoi-nghi/", "2019-10-18"),
    ("https://baodaklak.vn/thoi-su/202306/hoi-nghi/", None),
    ("https://x.gov.vn/portal/Pages/2020-13-40/a.aspx", None),
])
def test_date_from_url(url: str, iso: str | None) -> None:
    assert date_from_url(url) == iso
