"""Bot walls: pages a portal serves *instead of* the article. Pure, no I/O.

Three shapes are seen in front of Vietnamese news sites (portals.md §12):

* a **JavaScript cookie stub**: a few hundred bytes whose script sets a cookie
  and reloads (laodong: ``document.cookie="D1N=…"; window.location.reload()``).
  When the cookie is a plain literal the crawler can set it and ask again;
  when it is computed by script, the page is a wall;
* a **CAPTCHA / challenge** page (reCAPTCHA, hCaptcha, Cloudflare's "Just a
  moment…", a form asking for "mã xác nhận") with little else on it;
* a **block page** from a web application firewall (F5 "The requested URL was
  rejected", "Access Denied", Incapsula) — snnmt.vinhlong "blocks bots".

Only short pages count: an article page with a comment form that has a
CAPTCHA is still an article.  Nothing behind a wall is ever parsed as content.

>>> stub = '<html><body><script>document.cookie="D1N=6f1c2a9b; path=/";window.location.reload(true);</script></body></html>'
>>> wall = detect_botwall(stub)
>>> wall.kind, wall.cookie
('cookie_stub', ('D1N', '6f1c2a9b'))
>>> detect_botwall("<html><title>Just a moment...</title><div class='cf-challenge'></div></html>").kind
'captcha'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import visible_text

#: Pages longer than this (bytes of HTML) are never cookie stubs (laodong's are < 600).
STUB_MAX_CHARS = 2_000
#: A CAPTCHA or block page carries less visible text than this; a real article carries more.
WALL_MAX_TEXT = 1_500

_COOKIE_SET = re.compile(r"document\.cookie\s*=", re.IGNORECASE)
_RELOAD = re.compile(r"location\s*\.\s*(?:reload|replace|assign|href)|window\.location\s*=|document\.location\s*=",
                     re.IGNORECASE)
# document.cookie = "NAME=VALUE; path=/"  (a literal, not followed by "+")
_LITERAL_COOKIE = re.compile(
    r"document\.cookie\s*=\s*(?P<q>[\"'])(?P<name>[A-Za-z0-9_.-]+)=(?P<value>[^\"';]*)(?:;[^\"']*)?(?P=q)(?!\s*\+)",
    re.IGNORECASE,
)
_CAPTCHA = re.compile(
    r"g-recaptcha|recaptcha/api|h-captcha|hcaptcha\.com|cf-challenge|challenge-platform|cf_chl_|turnstile"
    r"|just a moment\.\.\.|checking your browser|attention required!|"
    r"<input[^>]+name=[\"']?captcha|id=[\"']?captcha|mã xác nhận|mã bảo vệ|xác minh bạn không phải (?:là )?robot",
    re.IGNORECASE,
)
_BLOCKED = re.compile(
    r"the requested url was rejected|your support id is|access denied|request unsuccessful\. incapsula"
    r"|truy cập bị từ chối|bạn không có quyền truy cập|403 forbidden",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class BotWall:
    """What stands in front of the page: ``kind`` is cookie_stub | captcha | blocked.

    ``cookie`` is ``(name, value)`` when a cookie stub sets a literal value the
    crawler can send back; ``None`` otherwise.
    """

    kind: str
    reason: str
    cookie: tuple[str, str] | None = None


def detect_botwall(html: str) -> BotWall | None:
    """The wall this page is, or None for an ordinary page."""
    if len(html) <= STUB_MAX_CHARS and _COOKIE_SET.search(html) and _RELOAD.search(html):
        m = _LITERAL_COOKIE.search(html)
        if m:
            return BotWall("cookie_stub", f"JavaScript cookie stub sets {m.group('name')} and reloads",
                           (m.group("name"), m.group("value")))
        return BotWall("cookie_stub", "JavaScript cookie stub computes its cookie in script")
    text = visible_text(html)
    if len(text) > WALL_MAX_TEXT:
        return None
    m = _CAPTCHA.search(html)
    if m:
        return BotWall("captcha", f"CAPTCHA or browser challenge ({m.group(0)[:40]!r})")
    m = _BLOCKED.search(text)
    if m:
        return BotWall("blocked", f"block page ({m.group(0)[:40]!r})")
    return None
