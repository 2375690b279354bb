"""What each command does and shows, between the typer layer (cli.py) and the pure modules."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from revint_cli import drafts as drafts_mod
from revint_cli import prep as prep_mod
from revint_cli.bank import Bank
from revint_cli.errors import RevintError
from revint_cli.prep import Options as PrepOptions
from revint_cli.tailor import Plan

__all__ = ["PrepOptions", "prep", "drafts"]


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def _out() -> Console:
    return Console(highlight=False)


def prep(bank: Bank, opts: PrepOptions, next_round: str | None = None) -> None:
    carry = None
    start = None
    if next_round is not None:
        from revint_cli import sessions

        start, carry = sessions.next_round(bank, next_round)
    profile, source = prep_mod.gather(bank, opts, start)
    plan, text = prep_mod.build(bank, profile, opts.fmt, carry)
    written = prep_mod.write(profile, text, opts, source)
    from revint_cli import render, sessions

    session = sessions.record(profile, render.sheet_data(plan))
    if source.draft is not None:
        source.draft.discard()
    _summary(_err(), bank, plan, written, session)


def _summary(console: Console, bank: Bank, plan: Plan, written: prep_mod.Written, session: str) -> None:
    table = Table(box=None, header_style="bold", pad_edge=False, title_justify="left")
    table.add_column("theme")
    table.add_column("questions", justify="right")
    table.add_column("minutes", justify="right")
    for theme in plan.theme_order:
        items = plan.in_theme(theme)
        title = bank.themes[theme].title if theme in bank.themes else theme
        table.add_row(escape(title), str(len(items)), str(sum(i.minutes for i in items)))
    console.print(table)
    console.print(
        f"[bold]{plan.planned} of {plan.budget} minutes planned[/bold], {len(plan.items)} questions"
        + (f", {len(plan.backup)} more if time allows" if plan.backup else "")
    )
    for item in [*plan.items, *plan.backup]:
        for warning in item.warnings:
            console.print(f"[yellow]⚠ your question '{escape(item.text)}': {escape(warning)}[/yellow]")
    if written.sheet is not None:
        console.print(f"Sheet written to   {escape(str(written.sheet))}")
    if written.profile is not None:
        console.print(f"Profile saved to   {escape(str(written.profile))}  (edit it, then revint prep --answers)")
    console.print(f"After the interview: revint debrief {escape(session)}")


def drafts(clear: str | None) -> None:
    if clear is not None:
        if not drafts_mod.remove(clear):
            raise RevintError(f"no draft named '{clear}' (see revint drafts)")
        _err().print(f"Removed the draft {escape(clear)}.")
        return
    found = drafts_mod.all_drafts()
    if not found:
        _out().print("No unfinished preps or debriefs.")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("name", "kind", "company", "role", "last change"):
        table.add_column(column)
    for d in found:
        table.add_row(escape(d.name), d.kind, escape(d.company), escape(d.role), d.changed.strftime("%Y-%m-%d %H:%M"))
    console = _out()
    console.print(table)
    console.print("\nContinue the newest: revint prep --resume (or --resume --draft NAME)")
