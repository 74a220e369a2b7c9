"""Telegram's HTML subset → (plain text, entities), the way the real Bot API does it.

Why hand-written: Python's ``html.parser`` is lenient (it never fails), while Telegram
rejects malformed markup with a 400 whose text Bayan's error handling keys on.  The
rules and error texts below follow TDLib's ``parse_html`` (the server-side parser of
the Bot API) as pinned by TDLib's own test table:

* only ``&lt; &gt; &amp; &quot;`` and numeric references are decoded, the ``;`` is
  optional, anything else after ``&`` stays literal (a raw ``&`` is accepted);
* a raw ``<`` always opens a tag: ``a < b`` fails with ``Unsupported start tag ""``;
* ``</>`` closes whatever tag is open; unknown tags, unclosed or misnested tags fail
  with byte offsets into the UTF-8 markup;
* entity offsets and lengths are in UTF-16 code units; empty entities are dropped;
* ``<pre><code class="language-x">`` over the same range becomes one ``pre`` with
  ``language``.
"""

from __future__ import annotations

from typing import Any

SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
_SIMPLE_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
# TDLib orders entities by offset, then longer first, then by this priority.
_PRIORITY = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre": 11,
    "code": 20,
    "text_link": 49,
    "text_mention": 49,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}
_SPACES = " \t\r\n\f\v"
_INVALID_UNICODE = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)


class EntityParseError(ValueError):
    """Raised with TDLib's wording; the server prefixes "Bad Request: can't parse entities: "."""


def utf16_len(text: str) -> int:
    """Telegram measures text in UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(markup: str, index: int) -> int:
    return len(markup[:index].encode("utf-8", "surrogatepass"))


def _decode_reference(markup: str, pos: int) -> tuple[str, int] | None:
    """Decode ``&...`` at ``pos``; return (char, next position) or None if not a reference."""
    end = pos + 1
    n = len(markup)
    if end < n and markup[end] == "#":
        end += 1
        hexa = end < n and markup[end] in "xX"
        if hexa:
            end += 1
        digits_start = end
        digits = "0123456789abcdefABCDEF" if hexa else "0123456789"
        while end < n and markup[end] in digits:
            end += 1
        if end == digits_start or end - pos >= 10:
            return None
        code = int(markup[digits_start:end], 16 if hexa else 10)
        if code == 0 or code >= 0x10FFFF:
            return None
        if 0xD800 <= code <= 0xDFFF:
            raise EntityParseError(_INVALID_UNICODE)
        char = chr(code)
    else:
        while end < n and markup[end].isascii() and markup[end].isalpha():
            end += 1
        name = markup[pos + 1 : end]
        known = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
        if name not in known:
            return None
        char = known[name]
    if end < n and markup[end] == ";":
        end += 1
    return char, end


def _check_url(url: str) -> str | None:
    """Rough version of TDLib's check_url: add http://, require a host, normalise path."""
    url = url.strip()
    if not url:
        return None
    lowered = url.lower()
    if lowered.startswith("tg://"):
        return url
    if "://" not in url:
        url = "http://" + url
        lowered = url.lower()
    if not lowered.startswith(("http://", "https://", "ftp://", "ton://")):
        return None
    scheme, rest = url.split("://", 1)
    host_end = len(rest)
    for sep in "/?#":
        idx = rest.find(sep)
        if idx != -1:
            host_end = min(host_end, idx)
    host, tail = rest[:host_end], rest[host_end:]
    if not host or " " in host:
        return None
    if not tail.startswith("/"):
        tail = "/" + tail
    return f"{scheme.lower()}://{host.lower()}{tail}"


def parse_html(markup: str, *, strict_ampersand: bool = False) -> tuple[str, list[dict[str, Any]]]:
    """Return (text, entities) for Telegram-HTML ``markup`` or raise EntityParseError.

    ``strict_ampersand`` is stricter than Telegram: a raw ``&`` that is not a reference
    fails too.  Telegram accepts it, but it means the sender forgot ``html.escape`` and
    the same code path will break on the next ``<``; tests can opt in to catch that early.
    """
    out: list[str] = []
    utf16_offset = 0
    entities: list[dict[str, Any]] = []
    # open tag: (name, argument, utf16 start, index into out, expandable)
    open_tags: list[tuple[str, str, int, int, bool]] = []
    n = len(markup)
    i = 0

    def emit(chunk: str) -> None:
        nonlocal utf16_offset
        out.append(chunk)
        utf16_offset += utf16_len(chunk)

    while i < n:
        ch = markup[i]
        if ch == "&":
            decoded = _decode_reference(markup, i)
            if decoded is not None:
                emit(decoded[0])
                i = decoded[1]
                continue
            if strict_ampersand:
                raise EntityParseError(
                    f"Unescaped '&' at byte offset {_byte_offset(markup, i)} (strict mode)"
                )
        if ch != "<":
            emit(ch)
            i += 1
            continue
        begin = i
        begin_bytes = _byte_offset(markup, begin)
        i += 1
        if i < n and markup[i] == "/":
            # End tag.
            if not open_tags:
                raise EntityParseError(f"Unexpected end tag at byte offset {begin_bytes}")
            i += 1
            while i < n and markup[i] not in _SPACES and markup[i] != ">":
                i += 1
            end_name = markup[begin + 2 : i].lower()
            while i < n and markup[i] in _SPACES:
                i += 1
            if i >= n or markup[i] != ">":
                raise EntityParseError(f"Unclosed end tag at byte offset {begin_bytes}")
            i += 1
            name, argument, start, out_index, expandable = open_tags[-1]
            if end_name and end_name != name:
                raise EntityParseError(
                    f"Unmatched end tag at byte offset {begin_bytes}, "
                    f'expected "</{name}>", found "</{end_name}>"'
                )
            open_tags.pop()
            length = utf16_offset - start
            if length > 0:
                _close_entity(
                    entities, name, argument, start, length, "".join(out[out_index:]), expandable
                )
            continue
        # Start tag.
        while i < n and markup[i] not in _SPACES and markup[i] != ">":
            i += 1
        if i >= n:
            raise EntityParseError(f"Unclosed start tag at byte offset {begin_bytes}")
        name = markup[begin + 1 : i].lower()
        if name not in SUPPORTED_TAGS:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {begin_bytes}')
        argument = ""
        expandable = False
        while True:
            while i < n and markup[i] in _SPACES:
                i += 1
            if i >= n:
                raise EntityParseError(f'Unclosed start tag "{name}" at byte offset {begin_bytes}')
            if markup[i] == ">":
                i += 1
                break
            attr_start = i
            while i < n and markup[i] not in _SPACES and markup[i] not in "=>":
                i += 1
            attr_name = markup[attr_start:i].lower()
            if not attr_name:
                raise EntityParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset {begin_bytes}'
                )
            while i < n and markup[i] in _SPACES:
                i += 1
            if i >= n or markup[i] != "=":
                if name == "blockquote" and attr_name == "expandable":
                    expandable = True
                continue
            i += 1
            while i < n and markup[i] in _SPACES:
                i += 1
            if i >= n:
                raise EntityParseError(f'Unclosed start tag "{name}" at byte offset {begin_bytes}')
            value_chars: list[str] = []
            if markup[i] not in "'\"":
                token_start = i
                while i < n and (
                    (markup[i].isascii() and markup[i].isalnum()) or markup[i] in ".-"
                ):
                    i += 1
                if i >= n or (markup[i] not in _SPACES and markup[i] != ">"):
                    raise EntityParseError(
                        f"Unexpected end of name token at byte offset {_byte_offset(markup, token_start)}"
                    )
                value = markup[token_start:i]
            else:
                quote = markup[i]
                i += 1
                while i < n and markup[i] != quote:
                    if markup[i] == "&":
                        decoded = _decode_reference(markup, i)
                        if decoded is not None:
                            value_chars.append(decoded[0])
                            i = decoded[1]
                            continue
                    value_chars.append(markup[i])
                    i += 1
                if i < n:
                    i += 1
                if i >= n:
                    raise EntityParseError(f"Unclosed start tag at byte offset {begin_bytes}")
                value = "".join(value_chars)
            if name == "a" and attr_name == "href":
                argument = value
            elif name == "code" and attr_name == "class" and value.startswith("language-"):
                argument = value[len("language-") :]
            elif (name == "span" and attr_name == "class") or (
                name == "tg-emoji" and attr_name == "emoji-id"
            ):
                argument = value
            elif name == "blockquote" and attr_name == "expandable":
                expandable = True
        if name == "span" and argument != "tg-spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {begin_bytes}'
            )
        open_tags.append((name, argument, utf16_offset, len(out), expandable))

    if open_tags:
        raise EntityParseError(
            f'Can\'t find end tag corresponding to start tag "{open_tags[-1][0]}"'
        )
    text = "".join(out)
    return text, sort_entities(entities)


def _close_entity(
    entities: list[dict[str, Any]],
    name: str,
    argument: str,
    start: int,
    length: int,
    inner_text: str,
    expandable: bool,
) -> None:
    last = entities[-1] if entities else None
    same_range = last is not None and last["offset"] == start and last["length"] == length
    if name in _SIMPLE_TYPES:
        entities.append({"type": _SIMPLE_TYPES[name], "offset": start, "length": length})
    elif name == "a":
        url = _check_url(argument or inner_text)
        if url is not None:
            entities.append({"type": "text_link", "offset": start, "length": length, "url": url})
    elif name == "tg-emoji":
        if not argument.isdigit():
            raise EntityParseError("Invalid custom emoji identifier specified")
        entities.append(
            {"type": "custom_emoji", "offset": start, "length": length, "custom_emoji_id": argument}
        )
    elif name == "blockquote":
        kind = "expandable_blockquote" if expandable else "blockquote"
        entities.append({"type": kind, "offset": start, "length": length})
    elif name == "pre":
        if same_range and last is not None and last["type"] == "code" and last.get("_language"):
            language = last["_language"]
            last.clear()
            last.update({"type": "pre", "offset": start, "length": length, "language": language})
        else:
            entities.append({"type": "pre", "offset": start, "length": length})
    elif name == "code":
        if same_range and last is not None and last["type"] == "pre" and argument:
            last["language"] = argument
        else:
            entity: dict[str, Any] = {"type": "code", "offset": start, "length": length}
            if argument:
                entity["_language"] = argument
            entities.append(entity)


def sort_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop internal keys and order entities the way the Bot API returns them."""
    cleaned = [{k: v for k, v in e.items() if not k.startswith("_")} for e in entities]
    return sorted(cleaned, key=lambda e: (e["offset"], -e["length"], _PRIORITY.get(e["type"], 50)))
