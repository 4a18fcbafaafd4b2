import datetime as dt

from extract.frontend import analyze

SHAREPOINT_PAGE = """Tin hoạt động sở ngành
Thứ 5, Ngày 14/10/2021, 11:00
Sở Thông tin và Truyền thông Bình Phước phát động phong trào thi đua chuyển đổi số
Cỡ chữ: Font size: Giảm (A-) Mặc định (A) Tăng (A+)
14/10/2021 | Minh Anh

TTĐT - Sáng 12/10, Sở Thông tin và Truyền thông Bình Phước tổ chức lễ phát động phong trào thi đua “Chuyển đổi số vì người dân. Người dân là trung tâm” giai đoạn 2021 - 2025 tại thành phố Đồng Xoài.

Lượt người xem:  Views:   312
Tin khác
Bình Dương khai trương trung tâm điều hành thông minh với sự tham dự của đại diện các tỉnh
Manage PermissionsManage Permissions
Tiêu đề
Hình ảnh
Content Type: Tin Tức Mở Rộng
"""


def test_body_title_and_date():
    a = analyze(SHAREPOINT_PAGE)
    assert a.title == "Sở Thông tin và Truyền thông Bình Phước phát động phong trào thi đua chuyển đổi số"
    assert a.published == dt.date(2021, 10, 14)
    assert a.year == 2021
    texts = [s.text for s in a.sentences]
    assert texts[0] == a.title and a.sentences[0].is_title
    # the quotation contains a full stop: it stays one sentence
    assert texts[1].startswith("TTĐT - Sáng 12/10") and texts[1].endswith("tại thành phố Đồng Xoài.")
    # chrome after the body ("Tin khác", SharePoint field list, counters) is gone
    assert not any("Bình Dương" in t or "Views" in t or t == "Tiêu đề" for t in texts)
    assert len(texts) == 2


def test_offsets_are_into_normalised_text():
    a = analyze(SHAREPOINT_PAGE.replace("Đồng Xoài", "Ðồng Xoài"))
    for s in a.sentences:
        assert a.text[s.start:s.end] == s.text
    assert "Đồng Xoài" in a.sentences[1].text


def test_year_from_title_when_no_date():
    a = analyze("Hội nghị ký kết giao ước thi đua năm 2023 của các Sở Thông tin và Truyền thông\n"
                "Sáng 20/2, tại tỉnh Sơn La, lãnh đạo các Sở Thông tin và Truyền thông đã ký kết giao ước thi đua năm 2023 với nhiều nội dung.")
    assert a.published is None and a.year == 2023


def test_doc_spans_and_lazy_ner():
    a = analyze("Đồng chí Nguyễn Văn Hùng, Giám đốc Sở TT&TT tỉnh Hà Giang được tặng Bằng khen của Bộ trưởng Bộ TT&TT vì thành tích xuất sắc.")
    s = a.sentences[0]
    assert "spans" not in dir(s.doc) or not s.doc.spans  # reading words builds no spans
    gaz = {(sp.text, sp.label_, sp.kb_id_) for sp in s.annotated().spans["gaz"]}
    assert ("Hà Giang", "PROVINCE", "Hà Giang") in gaz
    assert any(label == "AUTHORITY" and kb == "Bộ Thông tin và Truyền thông" for _, label, kb in gaz)
    assert a._ner == {}
    tags = a.ner(s)
    assert any(t[3].endswith("PER") for t in tags)
    assert [k[0] for k in a._ner] == [s.index]


def test_breadcrumb_is_not_the_title():
    page = ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÀ NAM\nTin tức - Sự kiện » Thi đua - Khen thưởng\n"
            "Hà Nam tổng kết phong trào thi đua Khối các cơ quan Đảng năm 2023\n18/12/2023 | 09:15\n\n"
            "Sáng 15/12, Khối thi đua các cơ quan Đảng tỉnh Hà Nam tổ chức hội nghị tổng kết công tác thi đua, "
            "khen thưởng năm 2023 và ký kết giao ước thi đua năm 2024.\n")
    a = analyze(page)
    assert a.title == "Hà Nam tổng kết phong trào thi đua Khối các cơ quan Đảng năm 2023"
    assert not any("Sự kiện" in s.text for s in a.sentences)


INLINE_BOX_PAGE = """BÁO NAM ĐỊNH ĐIỆN TỬ
Thời sự | Kinh tế | Xã hội | Văn hóa | Thể thao
Khối thi đua các doanh nghiệp tỉnh Nam Định tổng kết năm 2023
12/01/2024 - 10:20

Ngày 11/1, Khối thi đua các doanh nghiệp tỉnh Nam Định tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và ký kết giao ước thi đua năm 2024.

Tin liên quan
- Cụm thi đua các tỉnh Đồng bằng sông Hồng tổng kết năm 2023 (10/01/2024)
- Hà Nam: Khối doanh nghiệp ký kết giao ước thi đua (08/01/2024)

Tại hội nghị, các doanh nghiệp trong Khối đã suy tôn Công ty Điện lực Nam Định là đơn vị dẫn đầu Khối năm 2023 và thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho đơn vị này.

Tin khác
Thái Bình tổng kết phong trào thi đua ngành Công Thương năm 2023 với nhiều điểm sáng trong sản xuất và xuất khẩu.
"""


def test_menu_bar_is_not_the_title_and_an_inline_related_box_does_not_end_the_article():
    a = analyze(INLINE_BOX_PAGE)
    assert a.title == "Khối thi đua các doanh nghiệp tỉnh Nam Định tổng kết năm 2023"
    texts = [s.text for s in a.sentences]
    assert any(t.startswith("Tại hội nghị, các doanh nghiệp trong Khối") for t in texts)  # after the box
    assert not any("Đồng bằng sông Hồng" in t or "Hà Nam" in t for t in texts)  # the box itself
    assert not any(t.startswith("Thái Bình tổng kết") for t in texts)  # "Tin khác" at the end still ends it


WRAPPED_AND_COUNTER_PAGE = """CỔNG THÔNG TIN ĐIỆN TỬ SỞ NỘI VỤ TỈNH KHÁNH HÒA
Tin hoạt động
Ngày đăng: 05/09/2025 | Người đăng: Quản trị viên

Sáng 4/9, tại phường Nha Trang, Sở Nội vụ tỉnh Khánh Hòa tổ chức Lễ phát động phong trào thi đua "Cán bộ, công chức ngành Nội vụ đoàn kết, kỷ cương,
sáng tạo, thi đua lập thành tích chào mừng Đại hội Đảng bộ tỉnh".

Thống kê truy cập
Đang truy cập: 12
Tổng lượt truy cập: 120.356

Phát biểu tại buổi lễ, Giám đốc Sở Nội vụ đề nghị các phòng, đơn vị trực thuộc cụ thể hóa nội dung phong trào thành các chỉ tiêu, nhiệm vụ cụ thể, gắn với đánh giá, xếp loại cuối năm.

Văn bản mới
- Quyết định công nhận danh hiệu thi đua năm 2024 của tỉnh Ninh Thuận
"""


def test_a_wrapped_lead_and_a_mid_article_counter_block_keep_the_body_whole():
    texts = [s.text for s in analyze(WRAPPED_AND_COUNTER_PAGE).sentences]
    body = " ".join(texts)
    assert "Sáng 4/9, tại phường Nha Trang" in body and "sáng tạo, thi đua lập thành tích" in body
    assert any(t.startswith("Phát biểu tại buổi lễ") for t in texts)  # after the counters
    assert "Ninh Thuận" not in body and "Đang truy cập" not in body  # a sidebar list ends the article


def test_header_dates_written_with_month_words():
    from extract.boilerplate import find_date

    assert find_date("Thứ năm, 7 Tháng 3 2019 08:15") == (2019, 3, 7)
    assert find_date("Cập nhật ngày 14 tháng 10 năm 2021") == (2021, 10, 14)
    assert find_date("Lượt xem: 1.203 | Bình luận: 0") is None
    page = "Tin tức\nKhối thi đua các sở tổng kết năm 2018 và ký kết giao ước năm 2019\nThứ năm, 7 Tháng 3 2019 08:15\n\n" \
           "Chiều 6/3, Khối thi đua các sở, ban, ngành tỉnh Phú Thọ tổ chức hội nghị tổng kết công tác thi đua, khen thưởng."
    assert analyze(page).published == dt.date(2019, 3, 7)


def test_a_newspaper_domain_in_the_lead_is_not_three_sentences():
    text = ("Trường Tiểu học Kim Đồng đón nhận Cờ thi đua của Chính phủ\n"
            "(Baohaiduong.vn) - Sáng 2/9, Trường Tiểu học Kim Đồng tổ chức lễ khai giảng năm học mới và đón nhận Cờ "
            "thi đua của Chính phủ. Dự buổi lễ có lãnh đạo UBND tỉnh Hải Dương.\n")
    sentences = [s.text for s in analyze(text).sentences if not s.is_title]
    assert sentences[0].startswith("(Baohaiduong.vn) - Sáng 2/9")
    assert sentences[1] == "Dự buổi lễ có lãnh đạo UBND tỉnh Hải Dương."


def test_a_site_masthead_is_not_the_title():
    text = ("Cổng thông tin điện tử Sở Nội vụ tỉnh Phú Yên\n"
            "Trang chủ | Giới thiệu | Tin tức | Văn bản\n"
            "Khối thi đua các cơ quan nội chính tỉnh tổng kết công tác năm 2022\n"
            "Ngày đăng: 12/01/2023\n"
            "Ngày 10/1/2023, Khối thi đua các cơ quan nội chính tỉnh Phú Yên tổ chức hội nghị tổng kết công tác thi "
            "đua, khen thưởng năm 2022 và ký kết giao ước thi đua năm 2023.\n")
    a = analyze(text)
    assert a.title == "Khối thi đua các cơ quan nội chính tỉnh tổng kết công tác năm 2022"
    assert a.published == dt.date(2023, 1, 12)


def test_a_long_headline_under_a_masthead_is_the_title_not_the_first_paragraph():
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH KON TUM\n"
            "15/06/2022 09:30\n"
            "Ủy ban nhân dân tỉnh phát động phong trào thi đua “Kon Tum chung tay xây dựng nông thôn mới, đô thị văn "
            "minh” giai đoạn 2022 - 2025\n\n"
            "Ngày 14/6/2022, UBND tỉnh Kon Tum tổ chức Lễ phát động phong trào thi đua “Kon Tum chung tay xây dựng "
            "nông thôn mới, đô thị văn minh” giai đoạn 2022 - 2025.\n")
    a = analyze(text)
    assert a.title.startswith("Ủy ban nhân dân tỉnh phát động phong trào thi đua")
    assert [s.is_title for s in a.sentences] == [True, False]
    assert a.published == dt.date(2022, 6, 15)


def test_word_segmenter_gives_underthesea_words():
    """The segmenter that compiles the fixed words once gives what underthesea.word_tokenize gives."""
    from underthesea import word_tokenize

    from extract.nlp import nlp

    tok = nlp().tokenizer
    for text in ["Sở Thông tin và Truyền thông tỉnh Bà Rịa - Vũng Tàu được tặng Cờ thi đua của Chính phủ.",
                 "Năm 2023, Cụm thi đua số 7 bầu UBND tỉnh Kon Tum làm Cụm trưởng, ông Nguyễn Văn A phát biểu.",
                 "Tổng kết phong trào “Thi đua Quyết thắng” năm 2020 tại Đồn Biên phòng Cửa khẩu Bu Prăng"]:
        assert tok.segment(text) == word_tokenize(text, fixed_words=tok.fixed)


def test_a_run_of_words_without_sentence_marks_is_read_in_bounded_pieces():
    from extract.frontend import MAX_SENTENCE

    words = ("Sở Tư pháp tỉnh Gia Lai tổng kết thi đua năm 2020 và Sở Nội vụ tỉnh Kon Tum ký kết giao ước "
             "thi đua năm 2021 ") * 300
    a = analyze("Danh sách các đơn vị\n" + words)
    body = [s for s in a.sentences if not s.is_title]
    assert len(body) > 1 and all(len(s.text) <= MAX_SENTENCE for s in body)
    assert "".join(s.text for s in body).replace(" ", "") == words.replace(" ", "")  # nothing lost between pieces


def test_normal_sentences_are_never_cut():
    text = "Hội nghị tổng kết. " + "Sở Y tế, Sở Tư pháp và Sở Nội vụ của tỉnh Gia Lai đã ký kết giao ước thi đua, " * 18 + "xong."
    a = analyze("Tin tức\n" + text)
    assert max(len(s.text) for s in a.sentences) > 1000 and len(a.sentences) == 2  # the long one read whole


def test_ner_reads_a_bounded_window_around_the_name():
    from extract.frontend import TAG_WINDOW, tag_window

    text = "Danh sách gồm " + "Sở Tư pháp, " * 400 + "ông Nguyễn Văn Hùng, Giám đốc Sở Y tế."
    start = text.index("Nguyễn")
    s, e = tag_window(text, start, start + 17)
    assert s <= start and e >= start + 17 and e - s <= TAG_WINDOW + 17 + 2
    assert text[s - 1] == " " or s == 0


def test_a_caption_in_a_one_cell_table_above_the_lead_is_body():
    text = ("Công đoàn ngành Y tế tổng kết năm 2023\n"
            "![]() |\n"
            "| Chủ tịch Công đoàn ngành Y tế Lê Văn Bình trao Cờ thi đua cho các đơn vị xuất sắc năm 2023. |\n"
            "Sáng 20/12, Công đoàn ngành Y tế tổ chức hội nghị tổng kết công tác công đoàn năm 2023.\n")
    texts = [s.text for s in analyze(text).sentences]
    assert any(t.lstrip("| ").startswith("Chủ tịch Công đoàn ngành Y tế Lê Văn Bình trao") for t in texts)


def test_the_warm_up_article_reaches_every_field():
    """warm_up() extracts WARM_TEXT so that a worker has compiled every field's patterns before it takes
    work: the text must keep giving each field something, or that field's first real article pays for it."""
    from extract.api import WARM_TEXT, extract_text

    record = extract_text(WARM_TEXT, source="https://warm-up.invalid/", published="2024-01-15")
    fields = ("provinces", "clusters", "campaigns", "themes", "awards", "events", "documents", "people")
    assert [f for f in fields if not record.get(f)] == []
    assert {a["status"] for a in record["awards"]} == {"proposed"}
