"""Text that revint did not write (a company name, a note, a downloaded bank) made safe to show.

One function for the terminal, used by every command that prints and by the wizard; and the same
cleaning for the files revint writes, so that `cat sheet.md` cannot clear a screen or reverse a line.
"""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL, and the invisible characters that reorder or hide text: bidi
# embeddings, overrides and isolates, directional marks; zero-width spaces, word joiners and invisible
# operators, the byte-order mark, the soft hyphen, Hangul fillers and the Unicode tag characters (which
# spell words no one can see). Zero-width joiners and non-joiners are left alone: emoji and several
# scripts need them.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI = (
    "\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufeff\uffa0\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}]")
# Line breaks too, the Unicode line and paragraph separators among them (many tools start a line there).
_UNSAFE_OR_BREAK = re.compile(f"[{_CONTROL}{_BIDI}\t\n\r\u2028\u2029]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(m: re.Match[str]) -> str:
    if m.group() in _NAMED:
        return _NAMED[m.group()]
    code = ord(m.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def safe(text: object, *, lines: bool = False) -> str:
    """`text` for a terminal: control and bidi characters shown as `\\x1b` or `\\u202e`.

    With `lines`, line breaks and tabs stay (a message of several lines); otherwise they are shown too.
    """
    pattern = _UNSAFE if lines else _UNSAFE_OR_BREAK
    return pattern.sub(_visible, str(text))


def strip(text: str) -> str:
    """`text` for a file: control and bidi characters removed (line breaks and tabs are kept)."""
    return _UNSAFE.sub("", text)


_RAW_IN_JSON = re.compile(f"[\x80-\x9f{_BIDI}]")  # json.dumps escapes C0 controls itself


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON spells characters beyond the BMP as a surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def to_json(data: object) -> str:
    """JSON for people and tools: Unicode as typed, but no character that could reorder or hide text."""
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _RAW_IN_JSON.sub(_json_escape, text) + "\n"
