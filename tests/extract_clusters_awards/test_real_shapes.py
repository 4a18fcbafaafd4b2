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
