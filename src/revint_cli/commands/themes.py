"""`revint themes`: the themes of the bank, with their number of questions."""

from __future__ import annotations

from revint_cli import console
from revint_cli.questionbank import Bank
from revint_cli.console import Shown
from revint_cli.untrusted import to_json


def run(bank: Bank, *, json_out: bool) -> Shown:
    rows = [(t, len(bank.in_theme(t.id))) for t in bank.themes.values()]
    if json_out:
        data = [{"id": t.id, "title": t.title, "core": t.core, "questions": n, "summary": t.summary} for t, n in rows]
        return Shown(out=[to_json(data)])
    grid = console.table("id", "title", "core")
    grid.add_column("questions", justify="right")
    for t, n in rows:
        grid.add_row(console.cell(t.id), console.cell(t.title), "yes" if t.core else "", str(n))
    total = sum(n for _, n in rows)
    footer = console.line(f"\n{total} questions in {len(rows)} themes. Browse one: revint questions --theme ID")
    return Shown(out=[grid, footer])
