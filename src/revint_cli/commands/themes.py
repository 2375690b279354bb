"""`revint themes`: the themes of the bank, with their number of questions."""

from __future__ import annotations

from revint_cli import console
from revint_cli.questionbank import Bank
from revint_cli.console import Shown
from revint_cli.i18n import _, ngettext
from revint_cli.untrusted import to_json


def run(bank: Bank, *, json_out: bool) -> Shown:
    rows = [(t, len(bank.in_theme(t.id))) for t in bank.themes.values()]
    if json_out:
        data = [{"id": t.id, "title": t.title, "core": t.core, "questions": n, "summary": t.summary} for t, n in rows]
        return Shown(out=[to_json(data)])
    grid = console.table(_("id"), _("title"), _("core"))
    grid.add_column(_("questions"), justify="right")
    for t, n in rows:
        grid.add_row(console.cell(t.id), console.cell(t.title), _("yes") if t.core else "", str(n))
    total = sum(n for _t, n in rows)
    counted = ngettext("{count} question", "{count} questions", total).format(count=total)
    themes = ngettext("{count} theme", "{count} themes", len(rows)).format(count=len(rows))
    footer = console.line(
        "\n"
        + _("{questions} in {themes}. Browse one: revint questions --theme ID").format(questions=counted, themes=themes)
    )
    return Shown(out=[grid, footer])
