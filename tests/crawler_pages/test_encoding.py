"""decode_html: BOM, verified declared/meta charsets, cp1258, NFD, Ð, binary."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from crawler.encoding import DecodeError, decode_html, encode_cp1258
from extract.normalize import normalize_text

VI = "Hội nghị tổng kết phong trào thi đua khen thưởng Cụm thi đua số 6, Đắk Lắk"


def test_cp1258_page_with_meta_charset_decodes_to_the_same_text_after_nfc() -> None:
    body = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body>' \
        + encode_cp1258(VI) + b"</body></html>"
    text, enc = decode_html(body)
    assert enc == "cp1258"
    assert any(unicodedata.combining(c) for c in text)  # tone marks arrive as combining characters
    assert VI in normalize_text(text)


def test_cp1258_without_any_declaration_falls_back_after_utf8_fails() -> None:
    text, enc = decode_html(encode_cp1258(VI))
    assert enc == "cp1258" and normalize_text(text) == VI


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                       (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_bom_wins_over_a_wrong_declaration(bom: bytes, codec: str) -> None:
    text, enc = decode_html(bom + VI.encode(codec), declared="windows-1252")
    assert (text, enc) == (VI, codec)


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "latin1", "ascii", "windows-1258"])
def test_wrong_declared_charset_on_utf8_bytes_still_decodes(declared: str) -> None:
    assert decode_html(VI.encode("utf-8"), declared=declared) == (VI, "utf-8")


def test_wrong_meta_charset_on_utf8_bytes_still_decodes() -> None:
    body = ('<meta charset="iso-8859-1"><p>' + VI + "</p>").encode()
    text, enc = decode_html(body)
    assert enc == "utf-8" and VI in text


def test_utf8_claim_is_verified_strictly() -> None:
    body = b'<meta charset="utf-8">' + encode_cp1258(VI)
    text, enc = decode_html(body, declared="utf-8")
    assert enc == "cp1258" and VI in normalize_text(text)


def test_nfd_utf8_text_is_kept_and_normalises() -> None:
    nfd = unicodedata.normalize("NFD", VI)
    text, enc = decode_html(nfd.encode())
    assert enc == "utf-8" and text == nfd and normalize_text(text) == VI


def test_eth_lookalike_survives_decoding_and_normalises_to_d_stroke() -> None:
    text, _ = decode_html("Ðầu Sấu, Cần Thơ".encode())
    assert text.startswith("\u00d0") and normalize_text(text) == "Đầu Sấu, Cần Thơ"


def test_declared_charset_that_is_correct_is_used() -> None:
    assert decode_html("Café".encode("cp1252"), declared="windows-1252") == ("Café", "cp1252")


@pytest.mark.parametrize("body", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.4\n\x00\x01\x02binary", bytes(range(0, 32)) * 10])
def test_binary_bodies_raise_decode_error(body: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_html(body)


def test_non_bytes_input_is_refused() -> None:
    with pytest.raises(DecodeError, match="expected bytes"):
        decode_html("already text")  # type: ignore[arg-type]


def test_undecodable_bytes_fall_back_to_replacement() -> None:
    text, enc = decode_html(b"abc \x81\x8d\x8f\x90 \xc3")
    assert enc == "utf-8" and "\ufffd" in text
