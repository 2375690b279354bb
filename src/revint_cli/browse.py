"""Showing bank questions in a terminal, readable at 80 columns."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from revint_cli.bank import Bank, Question


def _tags(q: Question) -> str:
    parts = [f"~{q.minutes} min", "ask " + "/".join(q.audience), q.stages.label()]
    for tag in ("seniority", "role_families", "work_modes"):
        values = getattr(q, tag)
        if values != ["all"]:
            parts.append("/".join(values))
    return " · ".join(parts)


def print_questions(console: Console, bank: Bank, questions: Sequence[Question]) -> None:
    if not questions:
        console.print("No questions match.")
        return
    width = max(40, min(console.width, 100))

    def para(text: str, indent: int, style: str = "", marker: str = "") -> None:
        lead = " " * indent
        lines = textwrap.wrap(text, width - indent - len(marker), break_on_hyphens=False) or [""]
        for n, line in enumerate(lines):
            head = marker if n == 0 else " " * len(marker)
            body = f"[{style}]{escape(line)}[/{style}]" if style else escape(line)
            console.print(f"{lead}{head}{body}")

    theme = None
    for q in questions:
        if q.theme != theme:
            theme = q.theme
            t = bank.themes[theme]
            console.print()
            para(f"{t.title} ({t.id})", 0, "bold")
            para(t.summary, 0, "italic")
            console.print()
        para(q.text, 2, "bold")
        para(f"{q.id} · {_tags(q)}", 4, "dim")
        para(f"Why: {q.why}", 4)
        for follow in q.follow_ups:
            para(follow, 4, marker="→ ")
        for green in q.listen_for.green:
            para(green, 4, "green", marker="+ ")
        for red in q.listen_for.red:
            para(red, 4, "red", marker="- ")
        console.print()
    console.print(f"{len(questions)} questions.")
