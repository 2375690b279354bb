"""Every sentence a user reads goes through `_()` or `ngettext` (i18n), so that a language can supply it.

Scanned in the source: the text handed to an error (`RevintError`), to a line of the terminal
(`console.plain`) or to a wizard's `say` must not be a bare English literal. Text with no words of its own
(an f-string of placeholders and punctuation, such as a question's text in bold) passes.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "revint_cli"
SPEAKERS = {"RevintError", "plain", "say", "line"}
WORD = re.compile(r"[A-Za-z]{2,}")


def _words_of(node: ast.expr) -> str:
    """The literal words of a string argument (an f-string's fixed parts, the text of a (text, style) pair),
    or "" when it is not a literal."""
    if isinstance(node, ast.Tuple) and node.elts:
        return _words_of(node.elts[0])
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return ""


def bare_sentences(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in SPEAKERS:
            for arg in node.args if name == "line" else node.args[:1]:
                words = _words_of(arg)
                if WORD.search(words):
                    found.append((node.lineno, words))
    return found


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_bare_english_sentence_reaches_the_user(path: Path) -> None:
    assert bare_sentences(path.read_text(encoding="utf-8")) == []


def test_the_scan_finds_a_bare_sentence() -> None:
    source = (
        'raise RevintError(f"{path}: no such file")\nconsole.plain(_("fine"))\nask.say(f"\\n{title}", "bold")\n'
        'console.line((f"Priorities differ: {x}", "yellow"))\n'
    )
    assert bare_sentences(source) == [(1, ": no such file"), (4, "Priorities differ: ")]
