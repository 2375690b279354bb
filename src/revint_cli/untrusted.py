"""Text that revint did not write (a company name, a note, a downloaded bank) made safe to show.

One function for the terminal, used by every command that prints and by the wizard; and the same
cleaning for the files revint writes, so that `cat sheet.md` cannot clear a screen or reverse a line.
"""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL, and the invisible characters that reorder or hide text (bidi
# embeddings, overrides and isolates, directional marks, zero-width joiners are left alone: emoji need them).
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}]")
_UNSAFE_OR_BREAK = re.compile(f"[{_CONTROL}{_BIDI}\t\n]")


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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


def to_json(data: object) -> str:
    """JSON for people and tools: Unicode as typed, but no character that could reorder or hide text."""
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
