"""Documents: citations by number, kind canonical, date ISO."""

from __future__ import annotations

import pytest

from extract.fields import documents
from extract.frontend import analyze

from .conftest import article_paths, strip


@pytest.mark.parametrize("name", [p.stem for p in article_paths()])
def test_article_documents(analysed, name):
    a, expected = analysed[name]
    assert strip(documents.extract(a)) == expected["documents"]


@pytest.mark.parametrize("sentence,expected", [
    ("Căn cứ Luật Thi đua, Khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 của Quốc hội.",
     [("Luật", "06/2022/QH15", "2022-06-15")]),
    ("Thực hiện Chỉ thị số 34-CT/TW của Bộ Chính trị và Nghị quyết 60-NQ/TW.",
     [("Chỉ thị", "34-CT/TW", None), ("Nghị quyết", "60-NQ/TW", None)]),
    ("Theo văn bản số 567/UBND-VX ngày 3-3-2020 của UBND tỉnh.", [("Văn bản", "567/UBND-VX", "2020-03-03")]),
    ("Sở đã ban hành số 1234/QĐ-SYT về việc khen thưởng.", [("Quyết định", "1234/QĐ-SYT", None)]),
    ("Thông tư liên tịch số 01/2016/TTLT-BTTTT-BNV hướng dẫn chức năng của Sở.", [("Thông tư liên tịch", "01/2016/TTLT-BTTTT-BNV", None)]),
])
def test_citations(sentence, expected):
    got = [(d["kind"], d["number"], d["date"]) for d in documents.extract(analyze("Tin tức\n\n" + sentence))]
    assert got == expected


@pytest.mark.parametrize("sentence", [
    "Kế hoạch: Tải về 4500-KH.signed.pdf để xem chi tiết nội dung.",
    "Năm 2020, tỉnh đạt 12/15 chỉ tiêu, tăng 2 chỉ tiêu so với năm 2019.",
    "Hội nghị diễn ra ngày 12/3/2021 tại thành phố Phan Rang - Tháp Chàm.",
])
def test_not_citations(sentence):
    assert documents.extract(analyze("Tin tức\n\n" + sentence)) == []


def test_same_number_twice_is_one_document_and_a_later_date_fills_in():
    text = "Tin tức\n\nThực hiện Chỉ thị 05/CT-BTTTT, các Sở triển khai kế hoạch. Chỉ thị 05/CT-BTTTT ngày 02/02/2021 yêu cầu đổi mới."
    assert strip(documents.extract(analyze(text))) == [{"kind": "Chỉ thị", "number": "05/CT-BTTTT", "date": "2021-02-02"}]


def test_a_kind_whose_tone_mark_was_dropped_still_cites():
    got = documents.extract(analyze("Quán triệt Chỉ thi 12- CT/TU của Ban Thường vụ Tỉnh ủy và Nghi quyết 05/NQ-HĐND."))
    assert [(d["kind"], d["number"]) for d in got] == [("Chỉ thị", "12-CT/TU"), ("Nghị quyết", "05/NQ-HĐND")]
    assert documents.extract(analyze("Các đơn vị không chỉ thi đua 5/2024 mà còn cả năm.")) == []
