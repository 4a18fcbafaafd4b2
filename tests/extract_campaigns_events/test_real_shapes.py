"""People and campaign constructions met on real pages (../shared/corpus/real), each in other wording: officials
listed title-then-name one after another, positions written as abbreviations, a given name that is a province's,
a title and organisation before the name with a place inside the organisation; a movement's name with "Thi đua"
inside its quotes, with its year, abbreviated cue "PTTĐ", the congress of a movement, the tail of a known name."""

from __future__ import annotations

import pytest

from extract.fields import campaigns, people, provinces
from extract.frontend import analyze

TITLE = "Tin hoạt động\n"


def _people(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["position"]) for p in people.extract(analyze(TITLE + text))]


def test_officials_one_after_another_title_then_name():
    text = ("Dự lễ có Bộ trưởng Bộ Tư pháp Lê Thành Long, Thứ trưởng Bộ Tài chính Nguyễn Đức Chi và lãnh đạo nhiều "
            "bộ, ngành.")
    assert _people(text) == [("Lê Thành Long", "Bộ trưởng Bộ Tư pháp"), ("Nguyễn Đức Chi", "Thứ trưởng Bộ Tài chính")]


def test_a_given_name_that_is_a_province_is_a_name_not_a_province():
    text = "Phó Chủ tịch Quốc hội Trần Thanh Mẫn và Phó Thủ tướng Chính phủ Lê Hòa Bình dự hội nghị."
    a = analyze(TITLE + text)
    assert ("Lê Hòa Bình", "Phó Thủ tướng Chính phủ") in [(p["name"], p["position"]) for p in people.extract(a)]
    assert [p["name"] for p in provinces.extract(a)] == []


@pytest.mark.parametrize("text,expected", [
    ("Chủ trì hội nghị có đồng chí Lê Văn Sáu, UVTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy.",
     ("Lê Văn Sáu", "UVTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy")),
    ("Báo cáo do đồng chí Đỗ Minh Tâm - HUV, Phó Chủ tịch UBND huyện trình bày.",
     ("Đỗ Minh Tâm", "HUV, Phó Chủ tịch UBND huyện")),
    ("Bà Phạm Thu Hà - PGĐ Trung tâm phát biểu tại buổi lễ.", ("Phạm Thu Hà", "PGĐ Trung tâm")),
    ("Dự có ông Hồ Văn Tài, Huyện ủy viên, Chủ tịch Hội Nông dân huyện.",
     ("Hồ Văn Tài", "Huyện ủy viên, Chủ tịch Hội Nông dân huyện")),
])
def test_positions_written_as_abbreviations_or_party_titles(text, expected):
    assert _people(text) == [expected]


def test_the_surname_led_name_after_a_long_organisation():
    text = "Phó Chủ tịch nước trao Huân chương cho Giám đốc Bệnh viện Mắt Trung ương Hà Nội Đỗ Văn Lâm."
    assert ("Đỗ Văn Lâm", "Giám đốc Bệnh viện Mắt Trung ương Hà Nội") in _people(text)


def test_a_place_in_an_organisation_is_no_second_person():
    text = "Chủ tịch nước tặng danh hiệu Anh hùng Lao động cho ông Lê Văn Thọ, Giám đốc Hợp tác xã Nông nghiệp Kỳ Anh."
    assert _people(text) == [("Lê Văn Thọ", "Giám đốc Hợp tác xã Nông nghiệp Kỳ Anh")]


# --- campaigns ----------------------------------------------------------------------------------------------------

def _campaigns(text: str) -> list[str]:
    return campaigns.names(campaigns.extract(analyze(TITLE + text)))


def test_thi_dua_inside_the_quotes_and_a_dated_twin():
    text = ("Bộ Chỉ huy Quân sự tỉnh tổng kết Phong trào “Thi đua Quyết thắng năm 2023”. Năm 2024, Phong trào “Thi đua "
            "Quyết thắng” tiếp tục được đẩy mạnh.")
    assert _campaigns(text) == ["Quyết thắng"]


def test_the_abbreviated_cue():
    assert _campaigns("Tỉnh tiếp tục thực hiện PTTĐ “Chung tay xây dựng nông thôn mới” giai đoạn 2021 - 2025.") == [
        "Chung tay xây dựng nông thôn mới"]


def test_the_congress_of_a_movement_names_it_and_a_plain_congress_does_not():
    assert _campaigns("Hội Nông dân tỉnh tổ chức Đại hội thi đua “Nông dân sản xuất giỏi” lần thứ V.") == [
        "Nông dân sản xuất giỏi"]
    assert _campaigns("Tỉnh tổ chức Đại hội Thi đua yêu nước lần thứ VI, giai đoạn 2020 - 2025.") == []


def test_the_tail_of_a_known_movement_after_phong_trao_thi_dua():
    text = "Hội Nông dân với phong trào thi đua sản xuất, kinh doanh giỏi đã giúp nhiều hộ thoát nghèo."
    assert [n.lower() for n in _campaigns(text)] == ["sản xuất, kinh doanh giỏi"]


# --- a state document's header block ----------------------------------------------------------------------------

def test_the_number_and_place_of_a_state_documents_header_are_read():
    from extract.fields import documents

    page = ("Cơ sở dữ liệu văn bản\nĐang tải nội dung, vui lòng chờ giây lát...\n"
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 112/KH-UBND\nQuảng Bình, ngày 3 tháng 2 năm 2022\nKẾ HOẠCH\n"
            "Phát động phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022 trên địa bàn toàn tỉnh, "
            "thi đua lập thành tích chào mừng các ngày lễ lớn của đất nước.\n")
    a = analyze(page)
    assert [d["number"] for d in documents.extract(a)] == ["112/KH-UBND"]
    assert [p["name"] for p in provinces.extract(a)] == ["Quảng Bình"]


def test_a_number_line_without_a_state_header_stays_chrome():
    from extract.fields import documents

    page = "Tin tức\nSố: 112/TB-VP\nHôm nay trời nắng, các đơn vị tiếp tục làm việc bình thường theo lịch công tác tuần này.\n"
    assert documents.extract(analyze(page)) == []


# --- events ---------------------------------------------------------------------------------------------------------

def test_a_launch_told_in_the_passive():
    from extract.fields import events

    text = ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh phát động thi đua\n\n"
            "Ngày 5-3, đợt thi đua cao điểm chào mừng 65 năm Ngày truyền thống Bộ đội Biên phòng (3/3/1959 - 3/3/2024) "
            "đã được Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức phát động.")
    got = events.extract(analyze(text))
    assert [(e["kinds"], e["date"]) for e in got] == [(["launch"], "2024-03-05")]


def test_a_paragraph_opening_with_ngay_is_no_publication_date():
    a = analyze("Hội Nông dân tỉnh phát động thi đua\n\nNgày 7-10, đợt thi đua kỷ niệm 70 năm thành lập (14/10/1954 – "
                "14/10/2024) đã được Hội Nông dân tỉnh tổ chức phát động với nhiều nội dung thiết thực.")
    assert a.published is None and a.year == 2024


def test_an_autumn_day_of_a_school_year_is_in_its_first_year():
    from extract.fields import events

    text = ("Khối thi đua các trường THCS ký kết giao ước thi đua năm học 2022 - 2023\n\n"
            "Sáng 26-9, Khối thi đua các trường THCS huyện đã tổ chức lễ ký kết giao ước thi đua năm học 2022 - 2023.\n\n"
            "Ngày 14-3, Khối tiếp tục tổ chức hội nghị sơ kết học kỳ I.")
    got = events.extract(analyze(text))
    assert sorted(e["date"] for e in got) == ["2022-09-26", "2023-03-14"]


LETTER = ("UBND TỈNH ĐIỆN BIÊN SỞ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 215/SNV-TĐKT Điện Biên, ngày 12 "
          "tháng 11 năm 2022 V/v hướng dẫn tổng kết công tác thi đua, khen thưởng năm 2022 Kính gửi: - Các sở, ban, "
          "ngành tỉnh; - UBND các huyện; Sở Nội vụ hướng dẫn việc tổng kết công tác thi đua, khen thưởng năm 2022 như "
          "sau: I. BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2022 - Các đơn vị tiến hành đánh giá, tổng kết công tác thi "
          "đua, khen thưởng năm 2022 và xây dựng báo cáo tổng kết\n\nBản chụp: Số 215/SNV TĐKT")


def test_a_letter_asking_for_a_review_reports_no_review():
    from extract.fields import events

    assert events.extract(analyze("Hướng dẫn tổng kết năm 2022\n\n" + LETTER)) == []
    # the body of a letter may still report a dated meeting
    held = LETTER.replace("Sở Nội vụ hướng dẫn việc", "Ngày 5/11, Sở Nội vụ đã tổ chức hội nghị")
    assert [e["date"] for e in events.extract(analyze("Hướng dẫn tổng kết năm 2022\n\n" + held))] == ["2022-11-05"]


def test_a_letters_own_number_is_a_cong_van_once():
    from extract.fields import documents

    got = documents.extract(analyze("Hướng dẫn tổng kết năm 2022\n\n" + LETTER))
    assert [(d["kind"], d["number"]) for d in got] == [("Công văn", "215/SNV-TĐKT")]


def test_a_name_glued_to_the_commune_of_its_position():
    text = "Phát biểu chào mừng có Chủ tịch UBND phường Kim Long Trần Văn Hải."
    assert _people(text) == [("Trần Văn Hải", "Chủ tịch UBND phường Kim Long")]


def test_a_firms_name_after_a_title_is_no_person_whatever_ner_says(monkeypatch):
    # underthesea's NER calls some firm names persons, depending on the words around them
    monkeypatch.setattr(people, "_ner_person", lambda *args: True)
    text = ("Cá nhân được khen gồm: ông Lê Văn Tâm, Tổng Giám đốc Công ty cổ phần thủy sản Minh Phú Cà Mau kiêm Chủ "
            "tịch HĐQT Công ty cổ phần Tập đoàn Minh Phú tỉnh Sóc Trăng.")
    assert [n for n, _ in _people(text)] == ["Lê Văn Tâm"]


def test_a_former_office_holder_after_a_dash():
    text = "Bà Lò Thị Mai - nguyên Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Sơn La nhận Huân chương Lao động hạng Ba."
    assert _people(text) == [("Lò Thị Mai", "nguyên Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Sơn La")]
