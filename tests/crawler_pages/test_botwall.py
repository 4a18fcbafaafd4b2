"""Bot walls are recognised, never parsed as content; articles with a comment CAPTCHA are still articles."""

from __future__ import annotations

import pytest

from crawler.pages import parse_page
from crawler.pages.botwall import detect_botwall

from .conftest import FIXTURES

LAODONG_STUB = ('<html><head><meta charset="utf-8"></head><body><script type="text/javascript">'
                'document.cookie="D1N=a5c3f07e91b2d4c8e6f0a1b2c3d4e5f6; path=/; max-age=86400";'
                'window.location.reload(true);</script></body></html>')
COMPUTED_STUB = ('<html><body><script>var _0x1=["\\x44\\x31\\x4e","\\x3d"];var v=Math.random().toString(36);'
                 'document.cookie=_0x1[0]+_0x1[1]+v+"; path=/";location.href=location.href;</script></body></html>')
CONCAT_STUB = ('<html><body><script>var t=(5*7+3).toString(16);'
               'document.cookie="TS01=" + t + "; path=/";window.location.reload();</script></body></html>')
CLOUDFLARE = ('<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>'
              '<div class="main-wrapper"><h1>baotayninh.vn</h1><h2>Checking if the site connection is secure</h2>'
              '<div id="challenge-stage"></div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1">'
              '</script></div></body></html>')
RECAPTCHA = ('<html><head><title>Xác minh truy cập</title><script src="https://www.google.com/recaptcha/api.js"></script>'
             '</head><body><form method="post"><p>Vui lòng xác minh bạn không phải là robot để tiếp tục truy cập '
             'Cổng thông tin điện tử.</p><div class="g-recaptcha" data-sitekey="6Lc_x"></div>'
             '<button>Tiếp tục</button></form></body></html>')
F5_REJECT = ('<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. '
             'Please consult with your administrator.<br><br>Your support ID is: 1823640128447392817'
             '<br><br><a href="javascript:history.back();">[Go Back]</a></body></html>')

ARTICLE_WITH_COMMENT_CAPTCHA = """<html><head><meta charset="utf-8"><title>Hội nghị tổng kết Cụm thi đua số 3</title>
<script>document.cookie = "font=" + size; function setFont(){ window.location.reload(); }</script></head><body>
<div class="detail"><h1 class="title-detail">Hội nghị tổng kết phong trào thi đua Cụm thi đua số 3 năm 2023</h1>
<div class="post-date">Cập nhật: 10:15 - 12/01/2024</div><div class="article-content">""" + "".join(
    f"<p>Đoạn {i}: Sáng ngày 11/1, tại tỉnh Quảng Trị, Cụm thi đua số 3 gồm các tỉnh Bắc Trung Bộ đã tổ chức Hội nghị "
    "tổng kết công tác thi đua, khen thưởng năm 2023 và ký kết giao ước thi đua năm 2024.</p>" for i in range(8)
) + """</div><form class="comment"><label>Ý kiến bạn đọc</label><textarea name="comment"></textarea>
<label>Mã xác nhận</label><input name="captcha" id="captcha"><img src="/captcha.ashx"></form></div></body></html>"""


def test_literal_cookie_stub_gives_the_cookie_to_send_back() -> None:
    wall = detect_botwall(LAODONG_STUB)
    assert wall is not None and wall.kind == "cookie_stub"
    assert wall.cookie == ("D1N", "a5c3f07e91b2d4c8e6f0a1b2c3d4e5f6")


@pytest.mark.parametrize("html", [COMPUTED_STUB, CONCAT_STUB], ids=["obfuscated", "concatenated"])
def test_computed_cookie_stub_is_a_wall_without_a_cookie(html: str) -> None:
    wall = detect_botwall(html)
    assert wall is not None and wall.kind == "cookie_stub" and wall.cookie is None


@pytest.mark.parametrize(("html", "kind"), [(CLOUDFLARE, "captcha"), (RECAPTCHA, "captcha"), (F5_REJECT, "blocked")],
                         ids=["cloudflare", "recaptcha", "f5"])
def test_challenge_and_block_pages(html: str, kind: str) -> None:
    wall = detect_botwall(html)
    assert wall is not None and wall.kind == kind
    page = parse_page("https://baotayninh.vn/hoi-nghi-tong-ket-a1234.html", html.encode("utf-8"))
    assert page.kind == "botwall" and page.article is None and page.links == [] and page.wall == wall


def test_article_with_a_comment_captcha_is_still_an_article() -> None:
    assert detect_botwall(ARTICLE_WITH_COMMENT_CAPTCHA) is None
    page = parse_page("https://stttt.quangtri.gov.vn/tin-tuc/hoi-nghi-tong-ket-cum-3-12345",
                      ARTICLE_WITH_COMMENT_CAPTCHA.encode("utf-8"))
    assert page.kind == "article" and "Cụm thi đua số 3" in page.article.title


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_no_saved_portal_page_is_a_wall(name: str) -> None:
    assert detect_botwall((FIXTURES / name).read_text(encoding="utf-8")) is None
