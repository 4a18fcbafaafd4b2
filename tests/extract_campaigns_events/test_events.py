"""Events: reported meetings and acts, merged per meeting, dated against the article."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.fields import events
from extract.frontend import analyze

from .conftest import article_paths, strip


@pytest.mark.parametrize("name", [p.stem for p in article_paths()])
def test_article_events(analysed, name):
    a, expected = analysed[name]
    assert strip(events.extract(a)) == expected["events"]


@pytest.mark.parametrize("text,published,expected", [
    ("Sáng 20/2, tại tỉnh Điện Biên", dt.date(2023, 2, 21), dt.date(2023, 2, 20)),
    ("Ngày 12/3/2021 tại thành phố Phan Rang", None, dt.date(2021, 3, 12)),
    ("Chiều 30-3, Đài tổ chức lễ", dt.date(2018, 4, 2), dt.date(2018, 3, 30)),
    ("Sáng ngày 06/3, tại tỉnh Đắk Lắk", dt.date(2020, 3, 12), dt.date(2020, 3, 6)),
    ("Ngày 28/12, Sở tổ chức hội nghị tổng kết", dt.date(2021, 1, 5), dt.date(2020, 12, 28)),
    ("Ngày 20 tháng 3 năm 2015, tại thành phố Vinh", None, dt.date(2015, 3, 20)),
    # a document's date is not the event's
    ("Thực hiện Chỉ thị 05/CT-BTTTT ngày 02/02/2021, Sở phát động phong trào", dt.date(2021, 3, 1), None),
])
def test_sentence_date(text, published, expected):
    assert events.sentence_date(text, published, published.year if published else None) == expected


@pytest.mark.parametrize("sentence,kinds", [
    ("Cụm thi đua số 2 tổ chức Hội nghị sơ kết 6 tháng đầu năm 2024.", ["midterm_review"]),
    ("Bộ tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2019 và ký kết giao ước thi đua năm 2020.", ["review", "pledge_signing"]),
    ("Sở TT&TT 7 tỉnh tổ chức Hội nghị ký kết thực hiện các phong trào thi đua năm 2023.", ["pledge_signing"]),
    ("Trường long trọng tổ chức Lễ đón nhận Huân chương Lao động hạng Ba.", ["award_ceremony"]),
    ("Đẩy mạnh việc phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến.", []),
    ("Các đơn vị hưởng ứng các phong trào thi đua do Bộ Y tế phát động.", []),
    ("Năm 2025, ngành sẽ tổ chức tổng kết phong trào thi đua giai đoạn 2020-2025.", []),
    ("Các doanh nghiệp ký kết biên bản ghi nhớ hợp tác với đối tác Hàn Quốc.", []),
])
def test_kinds(sentence, kinds):
    assert [k for k, _ in events.kinds_in(sentence)] == kinds


def test_recalled_act_is_not_an_event():
    text = ("Cụm thi đua số 3 tổng kết năm 2020\nCập nhật: 17/03/2021\n\n"
            "Ngày 12/3/2021, Cụm thi đua số 3 tổ chức Hội nghị tổng kết phong trào thi đua năm 2020. "
            "Ngay từ đầu năm 2020, Cụm đã tổ chức ký kết giao ước thi đua và phát động các đợt thi đua.")
    got = strip(events.extract(analyze(text)))
    assert [(e["kinds"], e["date"]) for e in got] == [(["review"], "2021-03-12")]


def test_launch_without_date_takes_the_acting_units_province():
    text = "Tin tức\n\nUBND tỉnh ban hành Kế hoạch phát động phong trào thi đua đặc biệt “Toàn tỉnh chung sức phòng, chống dịch” trên địa bàn tỉnh Tây Ninh."
    assert strip(events.extract(analyze(text))) == [{"kinds": ["launch"], "date": None, "place": None, "province": "Tây Ninh"}]


def test_online_meeting_has_no_place():
    text = ("Tin tức\nNgày 11/03/2022\n\n"
            "Sáng 11/3, Cụm thi đua số 8 tổ chức Hội nghị tổng kết công tác thi đua năm 2021 theo hình thức trực tuyến tại 12 điểm cầu.")
    (e,) = events.extract(analyze(text))
    assert (e["date"], e["place"]) == ("2022-03-11", None)
