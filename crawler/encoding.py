"""Bytes → str for portal pages: BOM, HTTP charset, meta charset, UTF-8, cp1258.

Vietnamese portals are mostly UTF-8, but headers and ``<meta>`` tags lie
(a page served as ``iso-8859-1`` whose bytes are UTF-8 Vietnamese), and
Word-exported pages are Windows-1258, which decodes to base letters plus
combining tone marks ("Thi đua" as ``"Thi đua"`` with U+0300 …).  The text
returned here is *not* normalised: run ``extract.normalize.normalize_text``
on what you keep.

>>> decode_html("Thi đua khen thưởng".encode("utf-8"), declared="iso-8859-1")
('Thi đua khen thưởng', 'utf-8')
>>> decode_html(b'<meta charset="windows-1258"><p>Thi \\xf0ua</p>')[1]
'cp1258'
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "decode_html", "encode_cp1258"]


class DecodeError(ValueError):
    """The body is not text (binary data such as an image or a PDF)."""


# (BOM, codec) — longest first so UTF-32 LE is not mistaken for UTF-16 LE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte / "western" labels that servers and CMS templates declare by
# mistake for UTF-8 pages.  When the bytes are valid UTF-8 with non-ASCII
# content we trust the bytes, not the label.
_SINGLE_BYTE = frozenset({"latin_1", "iso8859_1", "cp1252", "ascii", "cp1258", "iso8859_15", "cp1250"})
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SNIFF_BYTES = 8192
# C0 controls other than \t \n \f \r and ESC are a strong sign of binary data.
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _codec(label: str | None) -> str | None:
    """Python codec name for a charset label, or None if unknown ("windows-1258" → "cp1258")."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in {"x-user-defined", "unicode"}:
        return None
    try:
        return codecs.lookup(label).name.replace("-", "_") if label else None
    except LookupError:
        return None


def _name(codec: str) -> str:
    """Display name of a codec: "utf_8" → "utf-8"."""
    return codec.replace("_", "-")


# File signatures of documents portals serve beside their pages
BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf",
    b"\x1f\x8b", b"RIFF", b"ID3",
)


def _is_binary(body: bytes) -> bool:
    head = body[:_SNIFF_BYTES]
    if not head:
        return False
    if head.lstrip()[:8].startswith(BINARY_MAGIC):
        return True
    if b"\x00" in head:
        return True
    return len(_BINARY_CONTROL.findall(head)) > max(4, len(head) // 200)


def _try(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf8_strict(body: bytes) -> str | None:
    return _try(body, "utf-8")


def _with_label(body: bytes, codec: str) -> tuple[str, str] | None:
    """Decode with a declared codec, verifying it against the bytes.

    A UTF-8 claim must decode strictly.  A single-byte claim loses to valid,
    non-ASCII UTF-8 (the "windows-1252 page that is really UTF-8" case).
    """
    if codec.startswith("utf_8"):
        text = _utf8_strict(body)
        return (text, "utf-8") if text is not None else None
    if codec in _SINGLE_BYTE or codec.startswith(("iso8859", "cp12", "latin")):
        text = _utf8_strict(body)
        if text is not None and not body.isascii():
            return text, "utf-8"
    if codec.startswith(("utf_16", "utf_32")):
        return None  # no BOM: a UTF-16 label on an 8-bit page is always wrong
    text = _try(body, codec)
    return (text, _name(codec)) if text is not None else None


def decode_html(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode an HTML/XML body; return ``(text, encoding used)``.

    Order: byte-order mark, the declared HTTP charset (``declared``, e.g.
    from ``Content-Type: text/html; charset=iso-8859-1``), the page's
    ``<meta charset>``, strict UTF-8, Windows-1258, then UTF-8 with
    replacement characters as a last resort.  Declared charsets are verified
    against the bytes (see ``_with_label``).

    Raises ``DecodeError`` for binary bodies (NUL bytes, control characters).

    >>> decode_html("Ðoàn Thị Phước Tâm".encode("utf-8"))
    ('Ðoàn Thị Phước Tâm', 'utf-8')
    """
    if not isinstance(body, bytes | bytearray):
        raise DecodeError(f"decode_html: expected bytes, got {type(body).__name__}")
    body = bytes(body)
    for bom, codec in _BOMS:
        if body.startswith(bom):
            text = _try(body[len(bom):], codec)
            if text is None:
                raise DecodeError(f"body starts with a {codec} byte-order mark but does not decode as {codec}")
            return text, codec
    if _is_binary(body):
        raise DecodeError("body is binary, not text (file signature, NUL bytes or control characters in the first 8 KB)")

    labels: list[str] = []
    if declared:
        labels.append(declared)
    meta = _META_CHARSET.search(body[:_SNIFF_BYTES])
    if meta:
        labels.append(meta.group(1).decode("ascii", "replace"))
    for label in labels:
        codec = _codec(label)
        if codec is None:
            continue
        result = _with_label(body, codec)
        if result is not None:
            return result

    text = _utf8_strict(body)
    if text is not None:
        return text, "utf-8"
    text = _try(body, "cp1258")
    if text is not None:
        return text, "cp1258"
    return body.decode("utf-8", errors="replace"), "utf-8"


def encode_cp1258(text: str) -> bytes:
    """Encode Vietnamese text the way Windows-1258 stores it (for fixtures and samples).

    Windows-1258 has precomposed â ê ô ơ ư ă đ but tone marks only as
    combining characters, so "Tuấn" becomes "Tuâ" + U+0301 + "n".
    Characters outside the code page become HTML character references.

    >>> encode_cp1258("Thi đua").decode("cp1258")
    'Thi đua'
    """
    import unicodedata

    clusters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if clusters and unicodedata.combining(ch):
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    out: list[str] = []
    for base, *marks in clusters:
        for i, mark in enumerate(marks):
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and _encodable(composed):
                base, marks = composed, marks[:i] + marks[i + 1:]
                break
        out.append(base + "".join(marks))
    return "".join(out).encode("cp1258", errors="xmlcharrefreplace")


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True
