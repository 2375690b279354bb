"""What each command does and shows, between the typer layer (cli.py) and the pure modules."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from revint_cli import drafts as drafts_mod
from revint_cli import prep as prep_mod
from revint_cli.errors import RevintError
from revint_cli.prep import Options as PrepOptions

if TYPE_CHECKING:  # rich and the models load when a command prints, not before the first prompt
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from revint_cli.bank import Bank
    from revint_cli.tailor import Plan

__all__ = ["PrepOptions", "prep", "drafts", "sessions", "debrief", "compare"]


def _err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _out() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _table(*columns: str, **options: Any) -> Table:
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False, **options)
    for column in columns:
        table.add_column(column)
    return table


def prep(
    load_bank: Callable[[], Bank], opts: PrepOptions, next_round: str | None = None, *, eager: bool = True
) -> None:
    """Prepare a sheet. With `eager` False the bank loads when first needed, so that the wizard's first
    prompt does not wait for it (used for the shipped bank, which the tests keep valid)."""
    get_bank = functools.cache(load_bank)
    if eager:
        get_bank()
    carry = None
    start = None
    if next_round is not None:
        from revint_cli import sessions

        start, carry = sessions.next_round(get_bank(), next_round)
    profile, source = prep_mod.gather(get_bank, opts, start)
    bank = get_bank()
    plan, text = prep_mod.build(bank, profile, opts.fmt, carry)
    written = prep_mod.write(profile, text, opts, source)
    from revint_cli import render, sessions

    session = sessions.record(profile, render.sheet_data(plan))
    if source.draft is not None:
        source.draft.discard()
    _summary(_err(), bank, plan, written, session)
    if written.profile is None and source.overridden:
        _err().print(
            f"[yellow]Your --set values are not saved in {escape(source.label)}; drop -o - to save a profile with them.[/yellow]"
        )


def _summary(console: Console, bank: Bank, plan: Plan, written: prep_mod.Written, session: str) -> None:
    table = _table("theme")
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
    if written.sheet is None:
        console.print("Sheet printed to standard output")
    else:
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
    table = _table("name", "kind", "company", "role", "last change")
    for d in found:
        table.add_row(escape(d.name), d.kind, escape(d.company), escape(d.role), d.changed.strftime("%Y-%m-%d %H:%M"))
    console = _out()
    console.print(table)
    console.print("\nContinue the newest: revint prep --resume (or --resume --draft NAME)")


# ----- after the interview -------------------------------------------------------------------------------


def sessions(json_out: bool) -> None:
    import sys

    from revint_cli import sessions as sessions_mod
    from revint_cli.fit import percent, rounded
    from revint_cli.render import to_json

    found = [sessions_mod.load(name) for name in sessions_mod.names()]
    fits = [s.fit() for s in found]
    if json_out:
        rows = [
            {
                "session": s.name,
                "company": s.profile.company,
                "role": s.profile.role,
                "stage": s.profile.stage,
                "date": s.profile.date.isoformat() if s.profile.date else None,
                "rounds": s.latest_round,
                "fit": rounded(fit.overall) if fit else None,
            }
            for s, fit in zip(found, fits, strict=True)
        ]
        sys.stdout.write(to_json(rows))
        return
    console = _out()
    if not found:
        console.print("No sessions yet: each finished revint prep is kept as one.")
        return
    table = _table()
    for column in ("session", "stage", "date", "fit", "company · role"):
        table.add_column(column, justify="right" if column == "fit" else "left", no_wrap=column != "company · role")
    for s, fit in zip(found, fits, strict=True):
        fit_text = "not debriefed" if fit is None else percent(fit.overall)
        date = s.profile.date.isoformat() if s.profile.date else ""
        who = f"{s.profile.company} · {s.profile.role}"
        table.add_row(escape(s.name), s.profile.stage, date, fit_text, escape(who))
    console.print(table)


DEBRIEF_NEEDS_TERMINAL = "revint debrief needs a terminal; use --answers FILE (see revint debrief --help)"


def debrief(
    bank: Bank,
    ref: str | None,
    answers: Path | None,
    no_input: bool,
    resume: bool,
    interactive: bool,
    force: bool = False,
) -> None:
    import copy

    from revint_cli import loading, yamlio
    from revint_cli import sessions as sessions_mod
    from revint_cli.debrief import Debrief, check_against_sheet

    if resume:
        draft = drafts_mod.latest("debrief", f"debrief-{ref}" if ref else None)
        data = dict(draft.answers)
        ref = str(data.get("_session") or ref or "")
        label, doc = str(draft.path), yamlio.Located(data)
    elif answers is not None:
        label = str(answers)
        doc = loading.parse(loading.read_text(answers), label)
        data = copy.deepcopy(doc.data)
    else:
        data, label, doc = {}, "your answers", yamlio.Located({})
    if not ref:
        raise RevintError("which session? revint debrief SESSION (see revint sessions)")
    session = sessions_mod.resolve(ref)
    given_round = str(data.get("round") or "")
    round_ = int(given_round) if given_round.isdigit() else session.latest_round
    sheet = session.sheet(round_)
    if round_ in session.debriefs and not force:
        raise RevintError(f"round {round_} of {session.name} is already debriefed; use --force to replace that debrief")
    draft_name = f"debrief-{session.name}"
    if not resume and drafts_mod.exists(draft_name):
        raise RevintError(
            f"you have an unfinished debrief of {session.name}: continue it with revint debrief --resume, "
            f"or remove it with revint drafts --clear {draft_name}"
        )
    # Private keys (dropped before validation) let a draft say what it belongs to.
    data.update(_session=session.name, _company=session.profile.company, _role=session.profile.role)
    recorder = drafts_mod.Recorder("debrief", draft_name)

    def located() -> yamlio.Located:
        clean = {k: v for k, v in data.items() if not k.startswith("_")}
        return yamlio.Located(clean, doc.lines, list(doc.problems), dict(doc.problem_lines))

    given = data.get("answers")
    recorded: dict[str, Any] = given if isinstance(given, dict) else {}
    known = [q["id"] for q in [*sheet.get("questions", []), *sheet.get("backup", [])]]
    strangers = [(("answers", qid), loading.unknown("question", qid, known)) for qid in recorded if qid not in known]
    if strangers:  # before anything is asked: a mistyped id is pointed out, not asked for again
        loading.fail(loading.format_problems(label, located(), strangers))
    planned = [q["id"] for q in sheet.get("questions", [])]
    missing = [qid for qid in planned if qid not in recorded] + [k for k in ("gut",) if k not in data]
    if missing and not no_input:
        if not interactive:
            if answers is None and not resume:
                raise RevintError(DEBRIEF_NEEDS_TERMINAL)
            raise RevintError(
                f"{label}: missing {', '.join(missing)}; add them, or run revint debrief in a terminal to be asked"
            )
        from revint_cli import wizard

        with wizard.terminal_session():
            data = wizard.debrief(sheet, bank, data, recorder)
    elif missing:
        raise RevintError(f"{label}: missing {', '.join(missing)} (required with --no-input)")

    doc_now = located()
    result, problems = loading.validate(Debrief, doc_now)
    if result is not None and not problems:
        problems = check_against_sheet(result, sheet, bank.theme_ids())
    if result is None or problems:
        loading.fail(loading.format_problems(label, doc_now, problems))
    path = sessions_mod.save_debrief(session, result.model_copy(update={"round": round_}))
    recorder.discard()
    console = _err()
    fit = session.fit()
    if fit is not None:
        _print_fit(console, bank, session.profile.priorities, fit)
    console.print(f"Debrief saved to {escape(str(path))}")
    console.print(f"Next: revint compare {escape(session.name)} OTHER-SESSION")
    console.print(f"  or: revint prep --next-round {escape(session.name)}")


def _print_fit(console: Console, bank: Bank, priorities: list[str], fit: object) -> None:
    from revint_cli.fit import Fit, percent

    assert isinstance(fit, Fit)
    table = _table("theme")
    table.add_column("asked", justify="right")
    table.add_column("fit", justify="right")
    for theme, value in fit.themes.items():
        title = bank.themes[theme].title if theme in bank.themes else theme
        star = " ★" if theme in priorities else ""
        table.add_row(escape(title) + star, str(fit.asked.get(theme, 0)), percent(value))
    console.print(table)
    console.print(
        f"[bold]Overall fit: {percent(fit.overall)}[/bold]" + (f", gut feeling {fit.gut}/5" if fit.gut else "")
    )
    if fit.unknown:
        names = ", ".join(bank.themes[t].title if t in bank.themes else t for t in fit.unknown)
        console.print(f"[yellow]Must know before deciding: {escape(names)}[/yellow]")
    for flag in fit.red_flags:
        console.print(f"[red]Red flag:[/red] {escape(flag.question)}" + (f": {escape(flag.note)}" if flag.note else ""))


def compare(bank: Bank, refs: list[str], priorities: list[str] | None, fmt: str) -> None:
    import sys

    from revint_cli import compare as compare_mod
    from revint_cli import sessions as sessions_mod
    from revint_cli.loading import unknown
    from revint_cli.render import to_json

    loaded = [sessions_mod.resolve(ref) for ref in refs]
    if priorities is not None:
        for i, theme in enumerate(priorities):
            if theme not in bank.themes:
                raise RevintError(f"--priorities: {unknown('theme', theme, bank.theme_ids())}")
            if theme in priorities[:i]:
                raise RevintError(f"--priorities: '{theme}' is listed twice")
        chosen = priorities
    else:
        chosen = list(loaded[0].profile.priorities)
        differ = [s.name for s in loaded[1:] if list(s.profile.priorities) != chosen]
        if differ:
            _err().print(
                f"[yellow]Priorities differ between sessions; using those of {escape(loaded[0].name)}: "
                f"{escape(', '.join(chosen) or 'none')} (set them with --priorities)[/yellow]"
            )
    entries = [(s.profile.company, s.profile.role, s.name, s.fit(chosen)) for s in loaded]
    data = compare_mod.build(chosen, entries)
    titles = {t.id: t.title for t in bank.themes.values()}
    if fmt == "json":
        sys.stdout.write(to_json(data))
        return
    if fmt == "md":
        sys.stdout.write(compare_mod.markdown(data, titles))
        return
    table = _table("theme")
    for c in data["companies"]:
        table.add_column(escape(c["company"]), justify="right")
    by_theme, summary = compare_mod.rows(data, titles)
    for label, cells in by_theme:
        table.add_row(escape(label), *cells)
    table.add_section()
    for label, cells in summary:
        if label == "Overall fit":
            label, cells = f"[bold]{label}[/bold]", [f"[bold]{c}[/bold]" if c != "unknown" else c for c in cells]
        table.add_row(label, *cells)
    console = _out()
    console.print(table)
    console.print(
        "[dim]★ a priority · fit per theme: green 100%, yellow 50%, red 0%, averaged over questions asked[/dim]"
    )
    for c in data["companies"]:
        if c["unknown"]:
            names = ", ".join(titles.get(t, t) for t in c["unknown"])
            console.print(f"[yellow]{escape(c['company'])}: must know before deciding: {escape(names)}[/yellow]")
        for flag in c["red_flags"]:
            note = f": {flag['note']}" if flag["note"] else ""
            console.print(f"[red]{escape(c['company'])} red flag:[/red] {escape(flag['question'] + note)}")
