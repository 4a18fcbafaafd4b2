"""Constructions that carry awards, clusters and roles on real pages (met in ../shared/corpus/real), each in
other wording than any article: the classes of a medal written as a list, recipients after a giving verb,
counts that announce a named list (inline, across ";" or one per line), counts written before the award
itself, and two counts of one sentence that differ only by what they count."""

from __future__ import annotations

from extract.fields import awards
from extract.frontend import analyze


def _awards(text: str) -> list[tuple]:
    return sorted(((x["award"], x["level"], x["recipient"], x["province"], x["count"], x["status"])
                   for x in awards.extract(analyze(text))), key=str)


# --- the award phrase ------------------------------------------------------------------------------

def test_classes_written_as_a_list_belong_to_one_medal():
    text = ("Thay mặt lãnh đạo Đảng, Nhà nước, Phó Chủ tịch nước trao tặng Huân chương Lao động hạng Nhì, hạng Ba "
            "cho Giám đốc Sở Y tế tỉnh Sơn La và Trung tâm Y tế huyện Mộc Châu.")
    got = _awards(text)
    assert [g[0] for g in got] == ["Huân chương Lao động", "Huân chương Lao động"]
    assert {g[1] for g in got} == {"state"}


def test_all_classes_of_a_medal_with_counts():
    text = ("Hội đồng Thi đua - Khen thưởng tỉnh thống nhất đề nghị Huân chương Lao động các hạng cho 3 tập thể, "
            "7 cá nhân.")
    assert _awards(text) == sorted([("Huân chương Lao động", "state", None, None, 3, "proposed"),
                                    ("Huân chương Lao động", "state", None, None, 7, "proposed")], key=str)


# --- recipients after a giving verb ------------------------------------------------------------------

def test_recipient_after_the_conferrer_and_tang():
    text = "Lãnh đạo UBND huyện trao Bằng khen của Thủ tướng Chính phủ tặng Trường Tiểu học Lê Lợi."
    assert _awards(text) == [("Bằng khen", "government", "Trường Tiểu học Lê Lợi", None, None, "conferred")]


def test_award_as_subject_given_to_a_count():
    text = "Năm 2021, Bằng khen của Chủ tịch UBND tỉnh được tặng cho 4 tập thể, 12 cá nhân của huyện."
    assert _awards(text) == sorted([("Bằng khen", "province", None, None, 4, "conferred"),
                                    ("Bằng khen", "province", None, None, 12, "conferred")], key=str)


def test_recipient_after_doi_voi():
    text = ("Hội đồng Thi đua - Khen thưởng tỉnh lấy ý kiến về việc đề nghị tặng Bằng khen của Thủ tướng Chính phủ "
            "đối với Trường Cao đẳng Y tế Bạc Liêu.")
    assert _awards(text) == [("Bằng khen", "government", "Trường Cao đẳng Y tế Bạc Liêu", "Bạc Liêu", None, "proposed")]


# --- counts that announce a named list -----------------------------------------------------------------

def test_count_then_named_list_across_semicolons():
    text = ("Tại lễ kỷ niệm, Chủ tịch nước trao danh hiệu Anh hùng Lao động cho 3 tập thể, gồm: Bệnh viện Bạch Mai "
            "(Bộ Y tế); Trường Đại học Bách khoa Hà Nội; Công ty Điện lực Thái Nguyên.")
    got = _awards(text)
    assert [g[2] for g in got] == sorted(["Bệnh viện Bạch Mai (Bộ Y tế)", "Trường Đại học Bách khoa Hà Nội",
                                          "Công ty Điện lực Thái Nguyên"])
    assert all(g[4] is None for g in got)  # named: no count left over


def test_count_then_list_one_unit_a_line():
    text = ("Hội đồng Thi đua - Khen thưởng tỉnh Bến Tre thông báo danh sách đề nghị khen thưởng:\n"
            "1. Cờ thi đua của Chính phủ đối với 02 tập thể gồm:\n"
            "- Sở Tài chính tỉnh Bến Tre;\n"
            "- Hội Nông dân tỉnh Bến Tre.\n")
    assert _awards(text) == sorted([("Cờ thi đua", "government", "Sở Tài chính tỉnh Bến Tre", "Bến Tre", None, "proposed"),
                                    ("Cờ thi đua", "government", "Hội Nông dân tỉnh Bến Tre", "Bến Tre", None, "proposed")],
                                   key=str)


def test_a_decision_article_ending_its_count_on_a_colon_names_one_recipient_a_line():
    """"Điều 2. Tặng … cho 03 tập thể:" and the list below, no "gồm": a line is one recipient — after its comma
    come the unit it belongs to or a person's position, not a second recipient."""
    text = ("Điều 2. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 03 tập thể đã có thành tích\n"
            "xuất sắc trong công tác phòng, chống thiên tai năm 2022:\n"
            "1. Tổ Kỹ thuật, Công ty Thủy lợi Bắc Sông Mã (huyện Yên Định);\n"
            "2. Trạm Y tế xã Quảng Nham;\n"
            "3. Đội Cứu nạn, cứu hộ, Phòng Cảnh sát phòng cháy chữa cháy (Công an tỉnh).\n"
            "Điều 3. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 cá nhân:\n"
            "- Ông Lê Văn Thành, Phó Chủ tịch UBND xã Hải Châu;\n"
            "- Bà Trịnh Thị Mai, Trưởng trạm, Trạm Y tế xã Quảng Nham.\n")
    got = _awards(text)
    assert len(got) == 5 and all(g[:2] == ("Bằng khen", "province") and g[4] is None for g in got)
    # the third line's own name holds commas ("Đội Cứu nạn, cứu hộ"): one recipient for it all the same
    assert {"Tổ Kỹ thuật", "Trạm Y tế xã Quảng Nham", "Lê Văn Thành", "Trịnh Thị Mai"} < {g[2] for g in got}


def test_a_unit_named_after_its_province_without_the_name_is_of_the_home_province():
    """"Trường Chính trị tỉnh" in a Bắc Kạn paper is Bắc Kạn's, so the headline's short name and the body's
    full one are one award, not two — also when a guest from another province is named as often."""
    text = ("Trường Chính trị tỉnh đón nhận Huân chương Lao động hạng Nhì\n"
            "Sáng 9/11, Trường Chính trị tỉnh Bắc Kạn tổ chức lễ kỷ niệm 55 năm thành lập và đón nhận Huân chương "
            "Lao động hạng Nhì của Chủ tịch nước. Dự buổi lễ có đại diện Trường Chính trị tỉnh Thái Nguyên.\n"
            "Thay mặt lãnh đạo Nhà nước, Phó Bí thư Tỉnh ủy trao Huân chương Lao động hạng Nhì cho tập thể Trường "
            "Chính trị tỉnh.")
    got = _awards(text)
    assert [(g[0], g[1], g[3], g[5]) for g in got] == [("Huân chương Lao động", "state", "Bắc Kạn", "conferred")]


def test_a_count_that_names_nobody_stays_a_count():
    text = "Dịp này, UBND tỉnh tặng Cờ thi đua cho 5 tập thể có thành tích xuất sắc trong năm 2023."
    assert _awards(text) == [("Cờ thi đua", "province", None, None, 5, "conferred")]


# --- counts of awards and of recipients --------------------------------------------------------------------

def test_count_written_before_the_award():
    text = ("Nhân dịp này, các gương điển hình được Đại hội trao tặng 2 Huân chương Lao động hạng Ba; "
            "25 Bằng khen của Thủ tướng Chính phủ và 80 Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam.")
    got = _awards(text)
    assert ("Huân chương Lao động", "state", None, None, 2, "conferred") in got
    assert ("Bằng khen", "government", None, None, 25, "conferred") in got
    assert [g for g in got if g[4] == 80][0][1] == "other"


def test_two_counts_of_one_award_with_different_nouns_stay_apart():
    text = "Hội nghị thống nhất đề nghị tặng Huân chương Lao động hạng Ba cho 1 tập thể và 1 cá nhân."
    assert _awards(text) == [("Huân chương Lao động", "state", None, None, 1, "proposed")] * 2


def test_counted_nouns_of_teachers_doctors_and_mothers():
    text = ("Năm nay, 6 nhà giáo của huyện được tặng Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo; 4 thầy thuốc được "
            "trao tặng danh hiệu Thầy thuốc ưu tú.")
    got = _awards(text)
    assert ("Bằng khen", "ministry", None, None, 6, "conferred") in got
    assert ("Thầy thuốc Ưu tú", "state", None, None, 4, "conferred") in got


# --- named medals and flags --------------------------------------------------------------------------------

def test_a_medal_or_badge_keeps_its_name():
    text = ("Dịp này, 12 cá nhân được trao Huy hiệu “Vì sự nghiệp phát triển tỉnh Hà Giang” và 4 cá nhân được tặng "
            "Kỷ niệm chương Vì sự nghiệp giáo dục.")
    names = {x["award"] for x in awards.extract(analyze(text))}
    assert names == {"Huy hiệu Vì sự nghiệp phát triển tỉnh Hà Giang", "Kỷ niệm chương Vì sự nghiệp giáo dục"}


def test_the_flags_under_their_own_names():
    text = ("Hội đồng nhất trí đề nghị tặng Cờ “Đơn vị xuất sắc trong phong trào thi đua” của Chính phủ cho 6 tập thể; "
            "đề nghị UBND tỉnh tặng “Đơn vị dẫn đầu phong trào thi đua” cho 20 tập thể.")
    got = _awards(text)
    assert ("Cờ thi đua", "government", None, None, 6, "proposed") in got
    assert [g[0] for g in got if g[4] == 20] == ["Cờ thi đua"]


def test_unquoted_leading_unit_phrase_is_no_flag():
    text = "Năm 2022, Sở Tư pháp được suy tôn là đơn vị dẫn đầu phong trào thi đua của Khối."
    assert _awards(text) == []


def test_mother_heroes_are_a_state_title():
    text = "Năm 2016, huyện có 14 mẹ được truy tặng danh hiệu Bà mẹ Việt Nam anh hùng."
    assert _awards(text) == [("Bà mẹ Việt Nam anh hùng", "state", None, None, 14, "conferred")]


# --- who receives ------------------------------------------------------------------------------------------

def test_people_of_a_commune_honoured_together_are_one_recipient():
    text = "Giám đốc Công an tỉnh trao Bằng khen của Bộ trưởng Bộ Công an cho cán bộ và Nhân dân xã Tân Lập."
    assert [g[2] for g in _awards(text)] == ["cán bộ và Nhân dân xã Tân Lập"]


def test_persons_listed_with_their_workplaces_across_semicolons():
    text = ("Có 2 giáo viên được tặng Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo, gồm: cô giáo Lê Thị Mai, "
            "Trường Tiểu học Hòa Lợi, huyện Châu Thành; thầy giáo Trần Văn Bảy, Trường THCS Long Hòa, huyện Cầu Kè.")
    got = _awards(text)
    assert len(got) == 2 and all(g[1] == "ministry" for g in got)


def test_a_count_named_in_the_next_sentence():
    text = ("Bộ trưởng Bộ Y tế vừa ký quyết định tặng Bằng khen cho 150 thầy thuốc tiêu biểu trên cả nước. "
            "Tỉnh Sóc Trăng có 2 bác sĩ được tặng bằng khen. "
            "2 bác sĩ được khen gồm bác sĩ Lâm Văn Hòa, Bệnh viện Đa khoa tỉnh; bác sĩ Thạch Thị Sa Ra, Trung tâm "
            "Y tế huyện Trần Đề.")
    got = _awards(text)
    assert ("Bằng khen", "ministry", None, None, 150, "conferred") in got
    named = [g for g in got if g[4] is None]
    assert len(named) == 2 and all(g[1] == "ministry" and g[3] == "Sóc Trăng" for g in named)  # the kind's conferrer
    assert not [g for g in got if g[4] == 2]


def test_a_summing_count_yields_to_the_recipients_named_below():
    text = ("Tại lễ kỷ niệm, 4 tập thể vinh dự được Chủ tịch nước tặng thưởng danh hiệu Anh hùng Lao động.\n"
            "Chủ tịch nước trao danh hiệu Anh hùng Lao động cho 4 tập thể gồm: Bệnh viện Trung ương Huế; Công ty Cổ "
            "phần Cao su Đồng Phú; Trường Đại học Cần Thơ; Cảng Hải Phòng.")
    got = _awards(text)
    assert len(got) == 4 and all(g[4] is None for g in got)


def test_the_province_in_brackets_after_a_firm_is_where_it_is():
    text = ("Chủ tịch nước trao danh hiệu Anh hùng Lao động cho 2 tập thể gồm: Công ty Cổ phần Nam Định Xanh (tỉnh "
            "Ninh Bình); Hợp tác xã Thái Hòa (tỉnh Phú Thọ).")
    assert sorted(g[3] for g in _awards(text)) == ["Ninh Bình", "Phú Thọ"]


def test_a_conferrer_asked_to_confer_and_one_that_praises_then_gives():
    text = ("Trong năm, 5 đơn vị được UBND tỉnh tuyên dương, tặng Cờ thi đua; Bộ Quốc phòng được đề nghị xem xét tặng "
            "Bằng khen cho 3 tập thể.")
    got = _awards(text)
    assert ("Cờ thi đua", "province", None, None, 5, "conferred") in got
    assert ("Bằng khen", "ministry", None, None, 3, "proposed") in got


def test_khen_thuong_heading_an_item_of_a_proposal_is_not_a_conferral():
    text = ("Hội đồng đã thống nhất đề nghị Bằng khen của Chủ tịch UBND tỉnh cho 12 cá nhân; khen thưởng thành tích "
            "hiến máu cho 3 cá nhân (Bằng khen của Thủ tướng Chính phủ cho 3 cá nhân).")
    assert {g[5] for g in _awards(text)} == {"proposed"}


def test_numbered_headings_end_a_dashed_list():
    text = ("Hội đồng Thi đua - Khen thưởng tỉnh lấy ý kiến nhân dân về các trường hợp đề nghị khen thưởng như sau:\n"
            "1. Cờ thi đua của Chính phủ đối với 2 tập thể gồm:\n"
            "- Sở Xây dựng tỉnh Long An;\n"
            "- Trường THPT Cần Giuộc.\n"
            "2. Bằng khen của Thủ tướng Chính phủ đối với Phòng Giáo dục huyện Đức Hòa.\n")
    got = [(g[0], g[2]) for g in _awards(text)]
    assert sorted(got) == sorted([("Cờ thi đua", "Sở Xây dựng tỉnh Long An"), ("Cờ thi đua", "Trường THPT Cần Giuộc"),
                                  ("Bằng khen", "Phòng Giáo dục huyện Đức Hòa")])


def test_a_count_written_with_a_thousands_dot():
    text = "Năm qua, Chủ tịch UBND tỉnh Hà Giang tặng Giấy khen cho 1.250 cá nhân có thành tích xuất sắc."
    assert [g[4] for g in _awards(text)] == [1250]


def test_chien_sy_spelt_with_y_is_the_same_title():
    for spelling in ("Chiến sỹ thi đua cơ sở", "Chiến sĩ thi đua cấp cơ sở"):
        got = _awards(f"Năm 2023, huyện công nhận danh hiệu {spelling} cho 14 cá nhân.")
        assert [(g[0], g[4]) for g in got] == [("Chiến sĩ thi đua", 14)], spelling


def test_a_district_committee_confers_its_own_certificate():
    got = _awards("Dịp này, 6 tập thể được nhận Giấy khen của Chủ tịch UBND huyện vì thành tích trong phong trào.")
    assert [(g[0], g[1], g[4], g[5]) for g in got] == [("Giấy khen", "other", 6, "conferred")]


def test_the_province_flag_where_the_article_names_no_province():
    got = _awards("Năm 2024, Trường THCS Nguyễn Du vinh dự được nhận Cờ thi đua của tỉnh.")
    assert [(g[0], g[1]) for g in got] == [("Cờ thi đua", "province")]


def test_what_a_council_agreed_after_a_colon_says_the_status():
    text = ("Sau khi xem xét hồ sơ đề nghị khen thưởng của các đơn vị, Hội đồng Thi đua - Khen thưởng xã đã thống nhất: "
            "tặng Giấy khen của Chủ tịch UBND xã cho 40 cá nhân; trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho "
            "3 tập thể.")
    assert [(g[0], g[4], g[5]) for g in _awards(text)] == [("Bằng khen", 3, "proposed"), ("Giấy khen", 40, "conferred")]


def test_a_proposal_led_into_the_colon_stays_a_proposal():
    text = "Hội đồng thống nhất đề nghị khen thưởng như sau: tặng Bằng khen của Thủ tướng Chính phủ cho 2 tập thể."
    assert [(g[0], g[4], g[5]) for g in _awards(text)] == [("Bằng khen", 2, "proposed")]


def test_a_sentence_opening_with_an_award_goes_on_with_the_one_before():
    text = ("Hội đồng thống nhất trình đề nghị tặng Cờ thi đua của tỉnh cho 2 tập thể. "
            "Huân chương Lao động hạng Ba: 1 cá nhân.")
    assert [(g[0], g[4], g[5]) for g in _awards(text)] == [("Cờ thi đua", 2, "proposed"),
                                                           ("Huân chương Lao động", 1, "proposed")]


def test_the_recipient_ends_before_the_sentences_verb():
    text = "Sáng 3-6, lễ đón nhận Cờ thi đua của Chính phủ trao tặng cho Trường THCS Lê Quý Đôn đã được tổ chức trang trọng."
    assert [g[2] for g in _awards(text)] == ["Trường THCS Lê Quý Đôn"]


def test_a_badge_for_a_provinces_cause_is_the_provinces():
    text = "Dịp này, 18 cá nhân được trao Kỷ niệm chương “Vì sự nghiệp phát triển tỉnh Bình Phước”."
    assert [(g[0], g[1], g[4]) for g in _awards(text)] == [
        ("Kỷ niệm chương Vì sự nghiệp phát triển tỉnh Bình Phước", "province", 18)]


def test_persons_of_a_count_named_in_paragraphs_after_its_units():
    text = ("Tại lễ kỷ niệm, Chủ tịch nước trao danh hiệu Anh hùng Lao động cho 5 tập thể, cá nhân gồm: Bệnh viện Đa khoa "
            "tỉnh Thái Bình; Trường THPT chuyên Lê Quý Đôn (tỉnh Quảng Trị); Công ty Cổ phần Cao su Đồng Phú.\n\n"
            "Về cá nhân có: Ông Hà Văn Sơn, Giám đốc Hợp tác xã Nông nghiệp Tân Lập tỉnh Phú Thọ.\n\n"
            "Bà Lê Thị Ngọc Hân, Hiệu trưởng Trường Tiểu học Kim Đồng.\n\n"
            "Ông Nông Văn Dũng, nông dân sản xuất giỏi.\n\n"
            "Buổi lễ còn có sự tham dự của lãnh đạo các bộ, ngành.")
    got = [(g[2], g[3]) for g in _awards(text)]
    assert ("Hà Văn Sơn", "Phú Thọ") in got and ("Lê Thị Ngọc Hân", None) in got
    assert len(got) == 5 and not any(r and r.startswith("Nông Văn") for r, _ in got)


def test_one_award_phrase_from_two_givers_listed_before_it():
    text = "Nhiều năm liền, Trường Tiểu học Hòa Bình được Chủ tịch UBND tỉnh, Bộ trưởng Bộ Tư pháp tặng Bằng khen."
    assert sorted(g[1] for g in _awards(text)) == ["ministry", "province"]


def test_a_second_award_after_a_repeated_giving_verb_shares_giver_and_recipient():
    got = _awards("Trường THCS Lý Tự Trọng nhiều năm liền được Thủ tướng Chính phủ tặng Bằng khen và tặng Cờ thi đua.")
    assert [(g[0], g[1], g[2]) for g in got] == [("Bằng khen", "government", "Trường THCS Lý Tự Trọng"),
                                                 ("Cờ thi đua", "government", "Trường THCS Lý Tự Trọng")]


# --- clusters: how a block is named ----------------------------------------------------------------------------

def _clusters(text: str) -> list[dict]:
    from .conftest import clusters_of

    return clusters_of(analyze(text))


def _roles(text: str) -> list[tuple]:
    return sorted((r["role"], r["unit"], r["province"], r["year"]) for c in _clusters(text) for r in c["roles"])


def test_a_block_abbreviated_later_is_one_block():
    text = ("Ngày 10/1/2024, Khối thi đua Kinh tế - Tổng hợp tổ chức hội nghị tổng kết năm 2023. Tại hội nghị, các đơn vị "
            "trong Khối thi đua KT-TH đã bầu Sở Tài chính làm Khối trưởng năm 2024.")
    got = _clusters(text)
    assert len(got) == 1 and got[0]["label"] == "Khối thi đua Kinh tế - Tổng hợp"


def test_one_description_written_short_and_long_is_one_block():
    text = ("Khối thi đua các phòng, ban và đơn vị trực thuộc Sở họp tổng kết năm 2023\n"
            "Chiều 19/1, cuộc họp tổng kết của Khối thi đua phòng, ban, đơn vị trực thuộc Sở Tư pháp tỉnh đã diễn ra.")
    got = _clusters(text)
    assert [c["label"] for c in got] == ["Khối thi đua phòng, ban, đơn vị trực thuộc Sở Tư pháp tỉnh"]


def test_a_described_block_ending_with_its_number():
    got = _clusters("Sáng 8/1/2020, Khối bảo hiểm II tổ chức ký kết giao ước thi đua năm 2020 tại thành phố Vinh.")
    assert [(c["kind"], c["number"]) for c in got] == [("khối", 2)]


def test_a_district_block_after_thi_dua():
    text = ("UBND huyện tặng Giấy khen cho Phòng Tư pháp huyện Krông Bông, là đơn vị dẫn đầu phong trào thi đua Khối 02 "
            "huyện Krông Bông năm 2022.")
    got = _clusters(text)
    assert [c["number"] for c in got] == [2]
    assert got[0]["roles"][0]["role"] == "leading_unit" and got[0]["roles"][0]["year"] == 2022


def test_abbreviated_unit_kinds_stay_in_the_description():
    got = _clusters("Hội nghị của Cụm thi đua Ban Quản lý các KCN, KCX, KKT khu vực Tây Nam Bộ diễn ra tại Cần Thơ.")
    assert [c["label"] for c in got] == ["Cụm thi đua Ban Quản lý các KCN, KCX, KKT khu vực Tây Nam Bộ"]


def test_the_plural_heads_of_a_generic_phrase_name_no_block():
    text = "Ban Thi đua - Khen thưởng tỉnh hướng dẫn 12 cụm, khối thi đua trực thuộc UBND tỉnh tổng kết năm 2023."
    assert _clusters(text) == []


# --- clusters: members -----------------------------------------------------------------------------------------

def test_members_after_member_units_without_the_word_cum():
    text = ("Ngày 15/1/2021, Cụm thi đua số 4 Cục Thuế các tỉnh Tây Nguyên tổng kết năm 2020. Dự hội nghị có lãnh đạo "
            "04 đơn vị thành viên gồm: Cục Thuế tỉnh Gia Lai (Cụm trưởng), Cục Thuế tỉnh Kon Tum, Cục Thuế tỉnh Đắk Lắk "
            "và Cục Thuế tỉnh Đắk Nông.")
    got = _clusters(text)
    assert sorted(got[0]["members"]) == sorted(["Gia Lai", "Kon Tum", "Đắk Lắk", "Đắk Nông"])


# --- roles -----------------------------------------------------------------------------------------------------

def test_holder_after_la_past_the_cluster_label_and_its_organizer():
    text = ("Hội nghị đã bầu đơn vị Cụm trưởng Cụm thi đua số 3, Bộ Tư pháp năm 2021 là Sở Tư pháp tỉnh Phú Yên, còn "
            "đơn vị Cụm phó là Sở Tư pháp tỉnh Khánh Hòa.")
    assert _roles(text) == [("deputy", "Sở Tư pháp tỉnh Khánh Hòa", "Khánh Hòa", 2021),
                            ("leader", "Sở Tư pháp tỉnh Phú Yên", "Phú Yên", 2021)]


def test_trưởng_khối_with_its_description_then_la():
    text = "Đơn vị Trưởng khối thi đua Nội chính tỉnh năm 2022 là Viện Kiểm sát nhân dân tỉnh."
    assert _roles(text) == [("leader", "Viện Kiểm sát nhân dân tỉnh", None, 2022)]


def test_roles_through_the_positions_of_officials():
    text = ("Năm 2021, hội nghị tổng kết Khối thi đua số 5 do đồng chí Lê Văn Nam, Tỉnh ủy viên, Trưởng Ban Nội chính "
            "Tỉnh ủy, Khối trưởng; đồng chí Hà Thị Thu, Phó Trưởng Ban Tuyên giáo Tỉnh ủy, Khối phó đồng chủ trì.")
    assert _roles(text) == [("deputy", "Ban Tuyên giáo Tỉnh ủy", None, 2021), ("leader", "Ban Nội chính Tỉnh ủy", None, 2021)]


def test_a_holder_whose_head_is_named_right_after_its_commune():
    text = ("Khai mạc hội nghị năm 2024 là Bí thư Đoàn xã Tân Hưng Lê Thị Hồng Nhung (khối trưởng khối thi đua số 3).")
    assert _roles(text) == [("leader", "Đoàn xã Tân Hưng", None, 2024)]


def test_a_role_joined_to_one_spoken_of_in_general_is_general_too():
    text = ("Khối thi đua số 3 có 6 đơn vị thành viên. Theo kế hoạch mà Sở Nội vụ ban hành, khối trưởng thi đua chủ "
            "trì, cùng khối phó thi đua và thủ trưởng các đơn vị thành viên xây dựng chương trình hoạt động năm 2024 "
            "của Khối.")
    assert _roles(text) == []


def test_a_committee_members_title_is_no_role_holder():
    text = ("Năm 2022, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị sơ kết. Đồng chí Lê Thị Hà, Tỉnh ủy viên, "
            "Trưởng ban dân vận tỉnh ủy, Khối trưởng, phát biểu khai mạc.")
    assert all("ủy viên" not in r[1].lower() for r in _roles(text))


def test_one_leader_a_year_after_a_handover():
    text = ("Công an tỉnh Kon Tum bàn giao đơn vị Cụm trưởng Cụm thi đua số 5 năm 2023 cho Công an tỉnh Gia Lai. "
            "Dự hội nghị có lãnh đạo Công an các tỉnh: Gia Lai, Đắk Lắk, Đắk Nông, Lâm Đồng và đơn vị cụm trưởng "
            "Công an tỉnh Kon Tum.")
    assert {(r[0], r[2], r[3]) for r in _roles(text)} == {("leader", "Kon Tum", 2022), ("leader", "Gia Lai", 2023)}


def test_units_leading_clusters_spoken_of_in_general_name_no_holder():
    text = ("Cụm thi đua số 4 tổng kết năm 2023. Chủ tịch Liên đoàn Lao động tỉnh trao Cờ thi đua của Liên đoàn Lao động "
            "tỉnh tặng các đơn vị xuất sắc, dẫn đầu cụm, khối thi đua năm 2023.")
    assert [r for r in _roles(text) if r[0] == "leading_unit"] == []


def test_role_then_its_head_in_apposition():
    text = ("Tổng kết năm 2019, thay mặt đơn vị Cụm trưởng Cụm thi đua số 2, Đại tá Nguyễn Văn Bình, Giám đốc Công an tỉnh "
            "Hà Giang phát biểu khai mạc.")
    assert _roles(text) == [("leader", "Công an tỉnh Hà Giang", "Hà Giang", 2019)]


def test_a_representative_of_the_leader_names_no_holder():
    text = "Phát biểu tại Cụm thi đua số 6 năm 2020 có ông Võ Văn Tư, đại diện cụm trưởng cụm thi đua số 6."
    assert _roles(text) == []


def test_a_role_spoken_of_as_any_holders_is_no_role():
    text = ("Theo quy chế của Cụm thi đua số 2 năm 2022, cụm trưởng thi đua cấp chi cục chủ trì xây dựng kế hoạch, "
            "cụm phó phối hợp.")
    assert _roles(text) == []


def test_leading_units_counted_not_named_and_units_leading_a_listed_block():
    text = ("Huyện Ea Súp tổng kết thi đua năm 2023\n"
            "Năm 2023, Hội đồng công nhận 4 đơn vị xuất sắc dẫn đầu các khối thi đua. Danh sách gồm: 1. Phòng Y tế "
            "huyện Ea Súp; là đơn vị dẫn đầu phong trào thi đua Khối 03 huyện Ea Súp năm 2023;")
    assert _roles(text) == [("leading_unit", "Phòng Y tế huyện Ea Súp", None, 2023)]


def test_this_year_is_the_articles_year():
    text = ("Ngày đăng: 12/3/2022\nMặt trận các xã ký kết giao ước thi đua năm 2022, chia thành 2 cụm. Trong năm nay, "
            "Mặt trận xã Tân Phú là cụm trưởng cụm số 1.")
    assert ("leader", "Mặt trận xã Tân Phú", None, 2022) in _roles(text)


def test_and_inside_a_name_before_a_capitalised_word():
    text = ("Hội nghị bầu Phòng Quản lý đô thị và Môi trường làm Khối trưởng năm 2024 của Khối thi đua các phòng chuyên môn "
            "huyện.")
    assert [r[1] for r in _roles(text)] == ["Phòng Quản lý đô thị và Môi trường"]


# --- the subject of an award, when the clause leaves it out ---------------------------------------------------

def test_the_subject_goes_on_over_its_clauses():
    text = ("Trang tin\nNhiều năm liền, Trường Mầm non Hoa Sen giữ vững danh hiệu Tập thể Lao động xuất sắc; 3 năm "
            "được nhận Cờ thi đua của UBND tỉnh, 1 năm được nhận Cờ thi đua của Chính phủ.")
    got = {(g[0], g[1], g[2]) for g in _awards(text)}
    assert got == {("Tập thể Lao động xuất sắc", None, "Trường Mầm non Hoa Sen"),
                   ("Cờ thi đua", "province", "Trường Mầm non Hoa Sen"), ("Cờ thi đua", "government", "Trường Mầm non Hoa Sen")}


def test_nha_truong_is_the_articles_own_school():
    text = ("Trường THPT Phan Bội Châu đón nhận Huân chương Lao động hạng Nhì\n"
            "Sáng 12/11, Trường THPT Phan Bội Châu tổ chức lễ kỷ niệm 60 năm thành lập. Nhiều năm liền, tập thể nhà trường "
            "được Thủ tướng Chính phủ tặng Bằng khen.")
    assert ("Bằng khen", "government", "Trường THPT Phan Bội Châu", None, None, "conferred") in _awards(text)


def test_a_count_closing_a_subject_opened_by_other_words():
    text = "Bên cạnh 8 tập thể đã được UBND tỉnh trình Thủ tướng Chính phủ tặng Bằng khen, hội đồng đề nghị thêm."
    assert ("Bằng khen", "government", None, None, 8, "proposed") in _awards(text)


def test_receiving_is_a_conferral_unless_in_a_proposals_list():
    assert _awards("Trang tin\nBà Lê Thị Hoa - nguyên Giám đốc Sở Tư pháp tỉnh Cà Mau nhận Huân chương Lao động hạng Ba.") == [
        ("Huân chương Lao động", "state", "Bà Lê Thị Hoa - nguyên Giám đốc Sở Tư pháp tỉnh Cà Mau", "Cà Mau", None, "conferred")]
    text = ("Các đơn vị bình xét, suy tôn các tập thể xuất sắc, gồm: Trung tâm Y tế huyện Tuy An nhận Cờ thi đua của "
            "UBND tỉnh, Bệnh viện Đa khoa huyện Sơn Hòa nhận Bằng khen của UBND tỉnh.")
    assert {g[5] for g in _awards(text)} == {"proposed"}


def test_a_classifier_before_the_unit_and_a_total_raised_to_a_count():
    text = ("Hội nghị đề nghị Chủ tịch UBND tỉnh tặng danh hiệu “Cờ thi đua” cho tập thể Văn phòng Sở Tư pháp; và đưa "
            "tổng số đề nghị tặng Bằng khen của Thủ tướng Chính phủ lên 12 tập thể.")
    got = _awards(text)
    assert ("Cờ thi đua", "province", "Văn phòng Sở Tư pháp", None, None, "proposed") in got
    assert ("Bằng khen", "government", None, None, 12, "proposed") in got


def test_on_behalf_of_a_minister():
    text = "Lãnh đạo Công an tỉnh, thừa ủy quyền của Bộ trưởng Bộ Công an, trao Bằng khen cho Công an xã Tân Hòa."
    assert [g[1] for g in _awards(text)] == ["ministry"]


def test_the_next_giver_receives_nothing_and_shares_the_proposal():
    text = ("Cụm thi đua đã bình chọn, đề nghị Bộ Y tế tặng Cờ thi đua cho Bệnh viện Phổi Đà Nẵng và UBND thành phố "
            "tặng Cờ thi đua cho Bệnh viện Mắt Đà Nẵng.")
    got = sorted((g[1], g[2], g[5]) for g in _awards(text))
    assert got == [("ministry", "Bệnh viện Phổi Đà Nẵng", "proposed"), ("province", "Bệnh viện Mắt Đà Nẵng", "proposed")]


def test_a_recipient_cut_by_the_end_of_an_excerpt_is_unknown():
    text = ("Hội nghị tổng kết phong trào thi đua năm 2021 của Cụm thi đua số 3 diễn ra ngày 10/1.\n"
            "Hội nghị thống nhất đề nghị Chính phủ tặng Cờ thi đua cho Công an tỉ")
    assert _awards(text) == [("Cờ thi đua", "government", None, None, None, "proposed")]


def test_the_units_of_the_clusters_provinces_attending_its_meeting():
    text = ("Sáng 10/12/2020, Cụm thi đua số 3, Bộ Công an tổng kết phong trào thi đua năm 2020.\n"
            "Về dự hội nghị có lãnh đạo Công an các tỉnh: Nghệ An, Hà Tĩnh, Quảng Bình và Quảng Trị.")
    got = _clusters(text)
    assert sorted(got[0]["members"]) == sorted(["Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị"])


def test_provinces_listed_outside_any_cluster_are_no_members():
    text = ("Sáng 10/12/2020, Sở Tư pháp tổng kết công tác năm 2020.\n"
            "Về dự hội nghị có lãnh đạo Sở Tư pháp các tỉnh: Nghệ An, Hà Tĩnh và Quảng Bình.")
    assert _clusters(text) == []


def test_recipients_spoken_of_in_general_give_one_unnamed_award():
    text = ("Trang tin\nDịp này, lãnh đạo Hội Cựu chiến binh tỉnh thừa ủy quyền trao Bằng khen cho các tập thể có thành "
            "tích xuất sắc trong phong trào thi đua năm 2022.")
    assert _awards(text) == [("Bằng khen", None, None, None, None, "conferred")]


def test_in_general_yields_to_the_recipients_named_elsewhere():
    text = ("Trang tin\nPhó Chủ tịch nước trao Huân chương Lao động tặng các tập thể.\n"
            "Cụ thể, Phó Chủ tịch nước trao Huân chương Lao động hạng Ba cho Trường THPT Lê Quý Đôn và Bệnh viện Đa khoa "
            "tỉnh Quảng Trị.")
    got = _awards(text)
    assert len(got) == 2 and all(g[2] for g in got)


def test_a_districts_committee_as_conferrer():
    text = "Trang tin\nTrao tặng Giấy khen của Chủ tịch UBND huyện Ea Kar cho tập thể và cá nhân tiêu biểu."
    got = awards.extract(analyze(text))
    assert [(x["conferred_by"], x["level"]) for x in got] == [("UBND huyện Ea Kar", "other")]


def test_the_giver_named_between_duoc_and_trao_cho():
    text = ("Trang tin\nCờ thi đua của Bộ Tư lệnh Bộ đội Biên phòng được Đại tá Lê Văn An, Chỉ huy trưởng BĐBP tỉnh trao "
            "cho Đồn Biên phòng Ia Mơ.")
    assert [g[2] for g in _awards(text)] == ["Đồn Biên phòng Ia Mơ"]


def test_a_list_item_of_a_commune_its_district_and_province_is_one_recipient():
    text = ("Hội đồng Thi đua - Khen thưởng tỉnh lấy ý kiến về đề nghị khen thưởng:\n"
            "1. Cờ thi đua của Chính phủ đối với 2 tập thể gồm:\n"
            "- Nhân dân và cán bộ xã Tân Hưng, huyện Cái Bè, tỉnh Tiền Giang.\n"
            "- Trường THPT Cái Bè.\n")
    got = _awards(text)
    assert len(got) == 2 and {g[3] for g in got} == {"Tiền Giang"}
