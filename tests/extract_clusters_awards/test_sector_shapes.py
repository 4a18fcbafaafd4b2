"""Constructions met in the eighth and ninth blind sets (after the 2025 merger, newspaper narrative,
sector networks), in other wording: history before a reorganisation, numbered member lists, tables of
officers by year, enterprise conferrers, nested quotes, "đợt thi đua", headlines next to their date."""

from __future__ import annotations

from extract.fields import awards, campaigns, themes
from extract.frontend import analyze

from .conftest import clusters_of


def _roles(text: str) -> list[tuple]:
    return sorted((r["role"], r["province"], r["year"]) for c in clusters_of(analyze(text)) for r in c["roles"])


def test_a_cluster_as_it_was_before_the_reorganisation_is_history():
    text = ("Sáng 12/1/2026, Khối thi đua các sở, ngành văn hóa - xã hội thuộc UBND tỉnh Lâm Đồng tổ chức hội nghị "
            "tổng kết công tác thi đua năm 2025. Khối hiện gồm 5 sở: Sở Y tế, Sở Giáo dục và Đào tạo, Sở Văn hóa, "
            "Thể thao và Du lịch, Sở Nội vụ, Sở Dân tộc và Tôn giáo.\n"
            "Trước sắp xếp, khối thi đua văn hóa - xã hội của tỉnh Đắk Nông có 9 đơn vị thành viên.\n"
            "Năm 2026, Sở Y tế làm Khối trưởng, Sở Nội vụ làm Khối phó.\n")
    found = clusters_of(analyze(text))
    assert len(found) == 1
    assert sorted(r["role"] for r in found[0]["roles"]) == ["deputy", "leader"]


def test_members_numbered_one_per_line_and_officers_in_a_table_by_year():
    text = ("Ngày 20/2/2019, Cụm thi đua số 5 ngành Ngân hàng tổ chức hội nghị tổng kết năm 2018 và ký kết giao "
            "ước thi đua năm 2019. Theo Quyết định của Thống đốc, Cụm thi đua số 5 gồm 4 đơn vị:\n"
            "1. Ngân hàng Nhà nước chi nhánh tỉnh Sơn La;\n"
            "2. Ngân hàng Nhà nước chi nhánh tỉnh Điện Biên;\n"
            "3. Ngân hàng Nhà nước chi nhánh tỉnh Lai Châu;\n"
            "4. Ngân hàng Nhà nước chi nhánh tỉnh Hòa Bình.\n"
            "Hội nghị đã bầu Cụm trưởng, Cụm phó như sau:\n"
            "Năm | Cụm trưởng | Cụm phó\n"
            "2018 | NHNN chi nhánh tỉnh Sơn La | NHNN chi nhánh tỉnh Lai Châu\n"
            "2019 | NHNN chi nhánh tỉnh Điện Biên | NHNN chi nhánh tỉnh Hòa Bình\n")
    (c,) = clusters_of(analyze(text))
    assert sorted(c["members"]) == ["Hòa Bình", "Lai Châu", "Sơn La", "Điện Biên"]
    assert sorted((r["role"], r["province"], r["year"]) for r in c["roles"]) == [
        ("deputy", "Hòa Bình", 2019), ("deputy", "Lai Châu", 2018),
        ("leader", "Sơn La", 2018), ("leader", "Điện Biên", 2019)]


def test_a_headline_form_and_a_body_form_of_one_described_cluster_are_one():
    text = ("Cụm thi đua các tỉnh Tây Bắc ngành Giáo dục và Đào tạo tổng kết năm học 2021 - 2022\n"
            "Ngày 25/7/2022, Cụm thi đua các tỉnh Tây Bắc gồm Sở GD&ĐT các tỉnh Sơn La, Điện Biên, Lai Châu và Hòa "
            "Bình tổ chức hội nghị tổng kết, ký kết giao ước thi đua năm học 2022 - 2023.\n")
    assert len(clusters_of(analyze(text))) == 1


def test_an_enterprise_confers_at_level_other_and_the_subject_ends_at_its_verb():
    text = ("Công ty Cấp nước Hà Tĩnh đón nhận Cờ thi đua của Tổng công ty\n"
            "Sáng 15/1/2022, Công ty Cổ phần Cấp nước Hà Tĩnh tổ chức hội nghị tổng kết năm 2021 và đón nhận Cờ thi "
            "đua của Tổng công ty Nước - Môi trường Việt Nam. Dịp này, Công ty còn đón nhận Bằng khen của Chủ tịch "
            "UBND tỉnh Hà Tĩnh. Tập đoàn Điện lực Việt Nam cũng tặng Bằng khen cho 4 tập thể.\n")
    got = sorted((x["award"], x["level"], x["recipient"], x["count"]) for x in awards.extract(analyze(text)))
    assert got == [("Bằng khen", "other", None, 4),
                   ("Bằng khen", "province", "Công ty", None),
                   ("Cờ thi đua", "other", "Công ty Cổ phần Cấp nước Hà Tĩnh", None)]


def test_a_title_of_one_level_does_not_lend_its_level_to_the_next_award():
    text = ("Hội nghị thống nhất trình cấp trên xét tặng danh hiệu Chiến sĩ thi đua cấp Bộ cho 02 cá nhân và Bằng "
            "khen cho 04 tập thể.")
    got = sorted((x["award"], x["level"], x["count"]) for x in awards.extract(analyze(text)))
    assert got == [("Bằng khen", None, 4), ("Chiến sĩ thi đua", "ministry", 2)]


def test_a_province_named_as_it_was_before_the_merger_leaves_the_article_one_provinces():
    text = ("Phường Tân Thành khen thưởng 12 tập thể sau 6 tháng vận hành chính quyền hai cấp\n"
            "Ngày 30/12/2025, UBND phường Tân Thành, tỉnh Đồng Nai tổ chức sơ kết. Phường được thành lập từ các xã "
            "thuộc thị xã Đồng Xoài, tỉnh Bình Phước trước sắp xếp. Trước đó, Trạm Y tế phường Tân Thành được Chủ "
            "tịch UBND tỉnh Đồng Nai tặng Bằng khen.\n")
    got = [(x["recipient"], x["province"]) for x in awards.extract(analyze(text))]
    assert got == [("Trạm Y tế phường Tân Thành", "Đồng Nai")]


def test_campaigns_in_nested_single_quotes_and_a_named_dot_thi_dua():
    text = ("Ông Nguyễn Văn Nam cho biết: “Năm 2024, các đơn vị tiếp tục hưởng ứng phong trào 'Cả nước chung tay vì "
            "người nghèo - Không để ai bị bỏ lại phía sau' do Thủ tướng Chính phủ phát động”.\n"
            "UBND phường phát động đợt thi đua đặc biệt “Phường Hòa Bình đoàn kết, thi đua vận hành chính quyền hai "
            "cấp hiệu quả”.\n")
    got = {c["name"]: c["kind"] for c in campaigns.extract(analyze(text))}
    assert got == {"Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau": None,
                   "Phường Hòa Bình đoàn kết, thi đua vận hành chính quyền hai cấp hiệu quả": "đặc biệt"}


def test_a_theme_chosen_by_the_province_and_a_company_action_slogan():
    text = ("Năm 2025, các cơ quan trong Khối thực hiện chủ đề thi đua do UBND tỉnh lựa chọn: “Kỷ cương, bứt phá, "
            "về đích”.\n"
            "Giám đốc Công ty Điện lực Sóc Trăng cho biết năm 2025 đơn vị thực hiện khẩu hiệu hành động “An toàn – "
            "Tin cậy – Hiệu quả”.\n")
    got = sorted((t["text"], t["kind"]) for t in themes.extract(analyze(text)))
    assert got == [("An toàn – Tin cậy – Hiệu quả", "khẩu hiệu"), ("Kỷ cương, bứt phá, về đích", "chủ đề")]


def test_a_headline_next_to_its_date_line_beats_site_names_and_menus():
    text = ("Báo Bình Định điện tử\n"
            "Sở Giáo dục và Đào tạo tỉnh Bình Định\n"
            "Thời sự  Kinh tế  Xã hội  Văn hóa  Thể thao  Giáo dục\n"
            "Trường Đại học Quy Nhơn đón nhận Huân chương Lao động hạng Nhất\n"
            "Thứ năm, 10/11/2022 - 08:15\n\n"
            "Ngày 9/11/2022, Trường Đại học Quy Nhơn long trọng tổ chức lễ kỷ niệm 45 năm thành lập và đón nhận "
            "Huân chương Lao động hạng Nhất của Chủ tịch nước.\n")
    a = analyze(text)
    assert a.title == "Trường Đại học Quy Nhơn đón nhận Huân chương Lao động hạng Nhất"


def test_the_governments_flag_and_the_ministrys_flag_to_one_unit_are_two_awards():
    text = ("Hội nghị đề nghị Bộ trưởng Bộ Tài chính tặng Cờ thi đua cho Kho bạc Nhà nước Phú Yên; đồng thời trình "
            "cấp trên xét tặng Cờ thi đua của Chính phủ cho Kho bạc Nhà nước Phú Yên, và trình cấp trên xét tặng Bằng khen "
            "cho 02 cá nhân.")
    got = sorted(((x["award"], x["level"], x["province"], x["count"]) for x in awards.extract(analyze(text))), key=str)
    assert got == sorted([("Bằng khen", None, None, 2), ("Cờ thi đua", "government", "Phú Yên", None),
                          ("Cờ thi đua", "ministry", "Phú Yên", None)], key=str)


def test_a_speaker_is_not_the_recipient_of_what_he_reports():
    text = ("Ông Lê Văn Hòa, Giám đốc Bưu điện tỉnh Ninh Bình, cho biết: năm 2018 Bưu điện tỉnh Hà Nam vinh dự được "
            "tặng Cờ thi đua của Tổng công ty Bưu điện Việt Nam.")
    got = [(x["province"], x["level"]) for x in awards.extract(analyze(text))]
    assert got == [("Hà Nam", "other")]


def test_a_rotation_rule_names_no_deputy():
    text = ("Ngày 10/1/2023, Cụm thi đua số 4 ngành Giáo dục tổ chức hội nghị tổng kết năm 2022. Vị trí Cụm trưởng "
            "luân phiên theo thứ tự Nam Định – Thái Bình – Ninh Bình, đơn vị kế tiếp làm Cụm phó. Năm 2023, Sở GD&ĐT "
            "Thái Bình làm Cụm trưởng, Sở GD&ĐT Ninh Bình làm Cụm phó.\n")
    assert _roles(text) == [("deputy", "Ninh Bình", 2023), ("leader", "Thái Bình", 2023)]


def test_a_title_given_without_its_conferrer_has_no_level_and_a_directors_has_other():
    text = ("Dịp này, 12 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở và 230 người lao động đạt danh hiệu Lao động "
            "tiên tiến. Giám đốc Sở tặng danh hiệu Chiến sĩ thi đua cơ sở cho 5 cá nhân.")
    got = sorted(((x["award"], x["level"], x["count"]) for x in awards.extract(analyze(text))), key=str)
    assert got == sorted([("Chiến sĩ thi đua", "other", 5), ("Chiến sĩ thi đua", None, 12),
                          ("Lao động tiên tiến", None, 230)], key=str)


def test_a_ward_named_after_a_former_province_is_no_province():
    from extract.fields import provinces

    text = "Sáng 5/3/2026, tại phường Sóc Trăng, thành phố Cần Thơ, Cụm thi đua số 8 tổ chức hội nghị tổng kết năm 2025."
    assert [p["name"] for p in provinces.extract(analyze(text))] == ["Cần Thơ"]


def test_awards_handed_over_again_to_the_units_just_named_are_not_new():
    text = ("Trước đó, Phòng Văn hóa - Xã hội phường và Trạm Y tế phường Tân An được Chủ tịch UBND tỉnh Đắk Lắk tặng "
            "Bằng khen; tại hội nghị, lãnh đạo phường đã trao lại Bằng khen cho hai đơn vị.")
    got = [(x["recipient"], x["count"]) for x in awards.extract(analyze(text))]
    assert got == [("Phòng Văn hóa - Xã hội phường", None), ("Trạm Y tế phường Tân An", None)]


def test_the_years_theme_of_a_sector_in_reported_speech():
    text = ("Bệnh viện Nhi tỉnh kỷ niệm 20 năm thành lập\n"
            "Ông Lê Minh, Giám đốc bệnh viện cho biết, năm 2019 toàn viện thực hiện chủ đề năm của ngành y tế "
            "“Xây dựng môi trường bệnh viện xanh - sạch - đẹp”, đồng thời mở thêm hai khoa mới.\n")
    assert [(t["text"], t["kind"]) for t in themes.extract(analyze(text))] == [
        ("Xây dựng môi trường bệnh viện xanh - sạch - đẹp", "chủ đề")]


def test_a_cuoc_van_dong_named_in_an_award_ceremony_article():
    text = ("Trường Cao đẳng Y tế Bình Định đón nhận Huân chương Lao động hạng Ba\n"
            "Ngày 20/11/2019, nhà trường tổ chức lễ kỷ niệm Ngày Nhà giáo Việt Nam. Những năm qua, cuộc vận động "
            "“Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo” được cán bộ, giảng viên thực hiện "
            "nghiêm túc.\n")
    assert [c["name"] for c in campaigns.extract(analyze(text))] == [
        "Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo"]
