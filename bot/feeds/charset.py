"""Feed bytes → clean UTF-8 bytes that feedparser can never choke on.

feedparser follows declarations but, for undeclared non-UTF-8 bytes, falls
back to windows-1252, which turns Arabic into mojibake. So the encoding is
settled here first (BOM, HTTP charset, XML declaration, UTF-8, then
charset-normalizer's guess among Arabic code pages), the text is re-encoded
as UTF-8 with the declaration rewritten, and feedparser is told
``charset=utf-8``.

Hostile-input rules, each from a feed that once stopped a whole poll:

- A label Python cannot decode with (``encoding="undefined"``, ``rot13``,
  ``unicode_escape``, a typo) is treated as absent, not raised.
- A UTF-8 body with a few invalid bytes (one bad byte in a 200 KB feed) is
  UTF-8 with replacement characters: re-guessing the *whole* body as cp1256
  would turn every title into garbage.
- Numeric character references that name no XML character (``&#xFFFFFFFF;``,
  ``&#x110000;``, ``&#xD800;``, ``&#0;``) make feedparser raise
  OverflowError/ValueError/UnicodeEncodeError for the whole document; they
  are rewritten as ``&#xFFFD;`` (the replacement character) before parsing.
  Double-escaped ones (``&amp;#xD800;``) become references again inside
  HTML content, so they are rewritten too.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_XML_DECL_ENC = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._:-]+)([\"'])", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_GUESSES = ["cp1256", "iso8859_6", "utf_8", "cp1252", "cp1251", "latin_1"]
# Python codecs that exist but are not character sets a feed can be written in:
# they raise on every input (undefined) or turn escapes into arbitrary code points.
_NOT_CHARSETS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7"}
)
# At most one invalid byte per this many valid non-ASCII characters is still UTF-8.
_UTF8_TOLERANCE = 20
# sgmllib (feedparser's loose parser) also accepts a reference without the ';'.
_CHARREF = re.compile(r"&(?:amp;)?#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?")
REPLACEMENT_REF = "&#xFFFD;"


def usable_label(label: str) -> str | None:
    """The codec name for a declared charset label, or None when it cannot decode a feed."""
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not info._is_text_encoding or info.name in _NOT_CHARSETS:  # type: ignore[attr-defined]
        return None
    return info.name


def declared(content: bytes, headers: dict[str, str]) -> list[str]:
    """Usable encodings the HTTP header and the XML declaration name, in that order."""
    found = []
    charset = _CHARSET.search(headers.get("content-type", ""))
    if charset:
        found.append(charset.group(1))
    decl = _XML_DECL.search(content[:300])
    if decl:
        found.append(decl.group(1).decode("ascii"))
    return [name for name in map(usable_label, found) if name]


def _mostly_utf8(content: bytes) -> str | None:
    """The body as UTF-8 with replacement characters when only a few bytes are invalid."""
    text = content.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - content.count("\ufffd".encode())
    good = sum(1 for ch in text if ch > "\x7f") - bad
    return text if bad * _UTF8_TOLERANCE <= good else None


def decode(content: bytes, headers: dict[str, str]) -> tuple[str, str]:
    """The document as text, and the encoding that was used."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            return content.decode(name, errors="replace").lstrip("\ufeff"), name
    for name in declared(content, headers):
        try:
            return content.decode(name), name
        except UnicodeDecodeError:
            if name == "utf-8" and (text := _mostly_utf8(content)) is not None:
                return text, name
            continue  # a lying declaration: fall through to detection
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (text := _mostly_utf8(content)) is not None:
        return text, "utf-8"
    best = from_bytes(content, cp_isolation=_GUESSES).best()
    name = best.encoding if best is not None else "cp1256"
    return content.decode(name, errors="replace"), name


def _is_xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _fix_ref(match: re.Match[str]) -> str:
    hex_digits, dec_digits = match.groups()
    digits = (hex_digits if hex_digits is not None else dec_digits).lstrip("0")
    if len(digits) > 7:  # more digits than any code point: out of range, and no huge int()
        return REPLACEMENT_REF
    code = int(digits or "0", 16 if hex_digits is not None else 10)
    return match.group(0) if _is_xml_char(code) else REPLACEMENT_REF


def sanitize_charrefs(text: str) -> str:
    """Rewrite numeric character references to non-characters as ``&#xFFFD;`` (one linear pass)."""
    return _CHARREF.sub(_fix_ref, text)


def as_utf8(content: bytes, headers: dict[str, str]) -> tuple[bytes, str]:
    """UTF-8 bytes with the declaration rewritten and bad references neutralized."""
    text, encoding = decode(content, headers)
    text = _XML_DECL_ENC.sub(lambda m: f"{m.group(1)}utf-8{m.group(3)}", text, count=1)
    text = sanitize_charrefs(text)
    # No lone surrogate can come out of a decoder run with errors="replace", but a
    # codec may still emit one; "replace" keeps that from failing the whole feed.
    return text.encode("utf-8", errors="replace"), encoding
