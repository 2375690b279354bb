"""`revint debrief`: record what the employer answered, question by question, and show the fit."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from revint_cli import answers, console, loading
from revint_cli.store import draftstore as drafts
from revint_cli.store import sessionstore as sessions_mod
from revint_cli.answers import Gathered
from revint_cli.console import Shown
from revint_cli.errors import RevintError

if TYPE_CHECKING:
    from revint_cli.questionbank.core import Bank
    from revint_cli.planning.fit import Fit
    from revint_cli.store.sessionstore import Session
    from revint_cli.formats.cheatsheet import Sheet

NEEDS_TERMINAL = "revint debrief needs a terminal; use --answers FILE (see revint debrief --help)"


def run(bank: Bank, ref: str | None, opts: answers.Options, *, force: bool, interactive: bool) -> Shown:
    if opts.resume and not ref and opts.draft is None:
        ref = str(drafts.latest("debrief").answers.get("_session") or "")
    if opts.draft is not None:
        ref = ref or str(drafts.latest("debrief", opts.draft).answers.get("_session") or "")
    if not ref:
        raise RevintError("which session? revint debrief SESSION (see revint sessions)")
    session = sessions_mod.resolve(ref)
    start = {"_session": session.name, "_company": session.profile.company, "_role": session.profile.role}
    spec = answers.Spec(
        "debrief",
        functools.partial(_missing, session),
        functools.partial(_missing, session),
        NEEDS_TERMINAL,
        check=functools.partial(_check, session, force),
    )
    got = answers.gather(
        spec,
        opts,
        start=start,
        draft_name=f"debrief-{session.name}",
        interactive=interactive,
        ask=functools.partial(_ask, bank, session),
    )
    from revint_cli.formats.debrief_file import Debrief, check_against_sheet

    round_ = _round(session, got.data)
    located = got.located()
    result, problems = loading.validate(Debrief, located)
    if result is not None and not problems:
        problems = check_against_sheet(result, session.sheet(round_), bank.theme_ids())
    if result is None or problems:
        loading.fail(loading.format_problems(got.label, located, problems))
    path = sessions_mod.save_debrief(session, result.model_copy(update={"round": round_}))
    got.recorder.discard()
    fit = session.fit()
    shown = fit_report(bank, session.profile.priorities, fit) if fit is not None else Shown()
    shown.err += [
        console.line(f"Debrief saved to {path}"),
        console.line(f"Next: revint compare {session.name} OTHER-SESSION"),
        console.line(f"  or: revint prep --next-round {session.name}"),
    ]
    return shown


def _round(session: Session, data: dict[str, Any]) -> int:
    given = str(data.get("round") or "")
    return int(given) if given.isdigit() else session.latest_round


def _recorded(data: dict[str, Any]) -> dict[str, Any]:
    given = data.get("answers")
    return given if isinstance(given, dict) else {}


def _missing(session: Session, data: dict[str, Any]) -> list[str]:
    sheet = session.sheet(_round(session, data))
    recorded = _recorded(data)
    missing = [q.id for q in sheet.questions if not answers.answer_done(recorded.get(q.id))]
    return missing + [k for k in ("gut",) if k not in data]


def _check(session: Session, force: bool, got: Gathered) -> None:
    """Before anything is asked: the round exists and is not debriefed yet, and every id is on its sheet."""
    round_ = _round(session, got.data)
    sheet = session.sheet(round_)
    if round_ in session.debriefs and not force:
        raise RevintError(f"round {round_} of {session.name} is already debriefed; use --force to replace that debrief")
    known = sheet.ids()
    strangers = [
        (("answers", qid), loading.unknown("question", qid, known)) for qid in _recorded(got.data) if qid not in known
    ]
    if strangers:
        loading.fail(loading.format_problems(got.label, got.located(), strangers))


def _ask(bank: Bank, session: Session, data: dict[str, Any], save: drafts.Recorder, resumed: bool) -> dict[str, Any]:
    from revint_cli.wizard import core as wizard

    sheet: Sheet = session.sheet(_round(session, data))
    with wizard.terminal_session():
        return wizard.debrief(sheet, bank, data, save, review=False)


def fit_report(bank: Bank, priorities: list[str], fit: Fit) -> Shown:
    from revint_cli.render.words import percent

    grid = console.table("theme")
    grid.add_column("asked", justify="right")
    grid.add_column("fit", justify="right")
    for theme, value in fit.themes.items():
        title = bank.themes[theme].title if theme in bank.themes else theme
        star = " ★" if theme in priorities else ""
        grid.add_row(console.cell(title + star), str(fit.asked.get(theme, 0)), percent(value))
    err: list[Any] = [grid]
    gut = f", gut feeling {fit.gut}/5" if fit.gut else ""
    err.append(console.line((f"Overall fit: {percent(fit.overall)}", "bold"), gut))
    if fit.unknown:
        names = ", ".join(bank.themes[t].title if t in bank.themes else t for t in fit.unknown)
        err.append(console.line((f"Must know before deciding: {names}", "yellow")))
    for flag in fit.red_flags:
        err.append(console.line(("Red flag:", "red"), f" {flag.question}" + (f" — {flag.note}" if flag.note else "")))
    return Shown(err=err)
