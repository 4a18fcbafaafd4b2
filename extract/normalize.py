"""Vietnamese text normalisation: one canonical form for every stage.

Every span the extractors report is an offset into :func:`normalize_text`'s
output, so this function must be the *only* place text is rewritten.  The raw
text is kept beside it in the catalogue.

>>> normalize_text("Ðảm baỏ chất lượng hoá học\u00a0 ở Thanh Hoá")
'Đảm baỏ chất lượng hóa học ở Thanh Hóa'
>>> fold("Thi đua Khánh Hoà")
'thi dua khanh hoa'
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

import ftfy

# U+00D0 (Icelandic Eth) looks like Đ and is common on Vietnamese sites.
_CHAR_MAP = str.maketrans(
    {
        "\u00d0": "\u0110",  # Ð → Đ
        "\u00f0": "\u0111",  # ð → đ
        "\u0189": "\u0110",  # Ɖ (African D) → Đ
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u3000": " ",
        "\t": " ",
        "«": "“",
        "»": "”",
        "\u2028": "\n",
        "\u2029": "\n",
        "\r": "\n",
    }
)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Old ("hoà", "thuý") → new ("hòa", "thúy") tone placement.  Only where the
# two-vowel cluster ends the syllable: "hoàn", "khuỷu" keep their placement,
# and "quý" (qu + y) is not a u-y cluster at all.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_PLAIN_TONED_O = "òóỏõọ"
_PLAIN_TONED_U = "ùúủũụ"


def _old_tone_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second, toned_first in (("o", "a", _PLAIN_TONED_O), ("o", "e", _PLAIN_TONED_O),
                                       ("u", "y", _PLAIN_TONED_U)):
        for i, toned_second in enumerate(_TONED[second]):
            table[first + toned_second] = toned_first[i] + second
    # upper / title case variants
    for old, new in list(table.items()):
        table[old.upper()] = new.upper()
        table[old[0].upper() + old[1]] = new[0].upper() + new[1]
    return table


_OLD_TONE = _old_tone_table()
_OLD_TONE_RE = re.compile(
    r"(?<![qQ])(" + "|".join(sorted(_OLD_TONE, key=len, reverse=True)) + r")(?![^\W\d_])"
)
_SPACES = re.compile(r" {2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_MOJIBAKE_HINT = re.compile("[ÃÂÄÆáºá»]{1}[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]")


# Runs of characters that UTF-8 bytes become when read as cp1252: a lead byte (Ã, Ä, á, â …) and
# continuation bytes (\x80-\xbf as Latin-1, or cp1252's ‘ ’ “ ” • – … in that range)
_CP1252_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018" \
               "\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE_RUN = re.compile(f"(?:[\u00c2-\u00ef][{_CP1252_CONT}]{{1,2}})+")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def _undo_cp1252(run: str) -> str:
    try:
        fixed = run.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            fixed = run.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return run
    # only letters of Vietnamese and typographic punctuation count as a repair
    return fixed if all("\u00c0" <= c <= "\u1ef9" or c in "“”‘’–—…•" for c in fixed) else run


def fix_mojibake_runs(text: str) -> str:
    """Repair UTF-8-read-as-cp1252 words inside otherwise good text ("thi Ä‘ua" → "thi đua").

    >>> fix_mojibake_runs("ký kết giao ước thi Ä‘ua và Ä‘ề nghị")
    'ký kết giao ước thi đua và đề nghị'
    """
    return _MOJIBAKE_RUN.sub(lambda m: _undo_cp1252(m.group(0)), text)


def fix_tone_placement(text: str) -> str:
    """Rewrite old-style tone placement to the new style ("hoà" → "hòa")."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], text)


# letters and digits written in another style (mathematical bold/italic/script, fullwidth, circled, small capitals,
# superscripts): social-media and banner text writes "𝐇à 𝐍ộ𝐢", "ＴＰ ＨＣＭ", "ᴛʜᴀɴʜ ʜóᴀ"
_STYLISED = re.compile("[\U0001D400-\U0001D7FF\uFF01-\uFF5E\u2460-\u24FF\u1D00-\u1D2B\u0299\u029C\u029F\u0280"
                       "\u0262\u026A\u0274\u0276\u028F\u2070-\u209F\u00B2\u00B3\u00B9]")
# small capitals have no compatibility mapping in Unicode: their capital letters
_SMALL_CAPS = str.maketrans({
    "ᴀ": "A", "ʙ": "B", "ᴄ": "C", "ᴅ": "D", "ᴇ": "E", "ꜰ": "F", "ɢ": "G", "ʜ": "H", "ɪ": "I", "ᴊ": "J", "ᴋ": "K",
    "ʟ": "L", "ᴍ": "M", "ɴ": "N", "ᴏ": "O", "ᴘ": "P", "ʀ": "R", "ꜱ": "S", "ᴛ": "T", "ᴜ": "U", "ᴠ": "V", "ᴡ": "W",
    "ʏ": "Y", "ᴢ": "Z", "ɶ": "OE",
})


def fold_stylised(text: str) -> str:
    """Letters and digits written in a compatibility style folded to plain ones (NFKC on those characters only:
    the rest of the text — "…", "–", quotation marks — keeps its form and length).

    >>> fold_stylised("𝐇à 𝐍ộ𝐢 và ＴＰ ＨＣＭ, năm 𝟐𝟎𝟐𝟒, ᴛʜᴀɴʜ ʜóᴀ")
    'Hà Nội và TP HCM, năm 2024, THANH HóA'
    """
    out = []
    for ch in text.translate(_SMALL_CAPS):
        if _STYLISED.match(ch):
            folded = unicodedata.normalize("NFKC", ch)
            out.append(folded if folded.isalnum() or folded in ",.:;-()&/" else ch)
        else:
            out.append(ch)
    return "".join(out)


def normalize_text(text: str) -> str:
    """Canonical form of a Vietnamese text: NFC, Đ, tone placement, clean spacing.

    Repairs UTF-8 read as cp1252/latin-1 (mojibake), folds look-alike letters
    (Ð → Đ), removes zero-width characters, maps no-break and other exotic
    spaces to a plain space, collapses runs of spaces inside a line and trims
    lines, keeps paragraph breaks (at most one blank line).
    """
    if not text:
        return ""
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_encoding(text)
        text = fix_mojibake_runs(text)  # what survives: a few words garbled inside good text
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if _STYLISED.search(text):
        text = fold_stylised(text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_CHAR_MAP)
    text = _ZERO_WIDTH.sub("", text)
    text = fix_tone_placement(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def normalize_name(text: str | None) -> str | None:
    """Normalise a short name (one line): like normalize_text, newlines become spaces."""
    if text is None:
        return None
    return " ".join(normalize_text(text).split())


def strip_diacritics(text: str) -> str:
    """Remove every diacritic and map đ/Đ to d/D ("Đắk Lắk" → "Dak Lak")."""
    text = unicodedata.normalize("NFD", text.translate(_CHAR_MAP))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Lower-case, diacritic-free key for accent-insensitive matching and search."""
    if len(text) <= _FOLD_MEMO_LEN:  # names, kinds, keys: the same few thousand, folded again and again
        return _fold_memo(text)
    return strip_diacritics(text).lower()


_FOLD_MEMO_LEN = 120


@functools.lru_cache(maxsize=1 << 15)
def _fold_memo(text: str) -> str:
    return strip_diacritics(text).lower()


def match_key(text: str | None) -> str:
    """Comparison key for names: normalised, lower-case, words joined by single spaces.

    >>> match_key("Bà Rịa –  Vũng Tàu")
    'bà rịa vũng tàu'
    """
    if not text:
        return ""
    text = normalize_text(text).lower()
    return " ".join(re.findall(r"\w+", text))
