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
