"""`revint debrief`: record what the employer answered, question by question, and show the fit."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from revint_cli import answers, console, loading, vocab
from revint_cli.answers import Answers, Gathered, Save
from revint_cli.console import Shown
from revint_cli.errors import RevintError
from revint_cli.i18n import N_, _
from revint_cli.store import draftstore as drafts
from revint_cli.store import sessionstore as sessions_mod
from revint_cli.store.draftstore import Draft, Meta

if TYPE_CHECKING:
    from revint_cli.questionbank import Bank
    from revint_cli.planning.fit import Fit
    from revint_cli.store.sessionstore import Session
    from revint_cli.formats.cheatsheet import Sheet

NEEDS_TERMINAL = N_("revint debrief needs a terminal; use --answers FILE (see revint debrief --help)")


def run(bank: Bank, ref: str | None, opts: answers.Options, *, force: bool, interactive: bool) -> Shown:
    session, draft = _what_to_debrief(ref, opts)
    meta = Meta(session=session.name, company=session.profile.company, role=session.profile.role)
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
        meta=meta,
        draft=draft,
        draft_name=draft_name(session.name),
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
    path = sessions_mod.save_debrief(session, result.model_copy(update={"round": round_}), force=force)
    got.recorder.discard()
    fit = session.fit()
    shown = fit_report(bank, session.profile.priorities, fit) if fit is not None else Shown()
    shown.err += [
        console.line(_("Debrief saved to {path}").format(path=path)),
        console.line(_("Next: revint compare {session} OTHER-SESSION").format(session=session.name)),
        console.line(_("  or: revint prep --next-round {session}").format(session=session.name)),
    ]
    return shown


def draft_name(session: str) -> str:
    return f"debrief-{session}"


def _what_to_debrief(ref: str | None, opts: answers.Options) -> tuple[Session, Draft | None]:
    """The session to debrief, and with --resume its draft, read once: named after the session when one is
    given, else the latest debrief draft, whose meta names its session."""
    if not opts.resume:
        if not ref:
            raise RevintError(_("which session? revint debrief SESSION (see revint sessions)"))
        return sessions_mod.resolve(ref), None
    if ref:
        session = sessions_mod.resolve(ref)
        return session, drafts.latest("debrief", opts.draft or draft_name(session.name))
    draft = drafts.latest("debrief", opts.draft)
    if not draft.meta.session:
        raise RevintError(_("which session? revint debrief SESSION (see revint sessions)"))
    return sessions_mod.resolve(draft.meta.session), draft


def _round(session: Session, data: Answers) -> int:
    given = str(data.get("round") or "")
    return vocab.whole_number(given) or session.latest_round


def _given_answers(data: Answers) -> dict[str, Any]:
    given = data.get("answers")
    return given if isinstance(given, dict) else {}


def _missing(session: Session, data: Answers, meta: Meta) -> list[str]:
    """The planned questions not answered yet (the backups ticked too), and the gut feeling."""
    sheet = session.sheet(_round(session, data))
    recorded = _given_answers(data)
    ticked = [q for q in sheet.backup if q.id in (meta.backups or [])]
    missing = [q.id for q in [*sheet.questions, *ticked] if not answers.answer_done(recorded.get(q.id))]
    return missing + [k for k in ("gut",) if k not in data]


def _check(session: Session, force: bool, got: Gathered) -> None:
    """Before anything is asked: the round exists and is not debriefed yet, and every id is on its sheet."""
    round_ = _round(session, got.data)
    sheet = session.sheet(round_)
    if round_ in session.debriefs and not force:
        raise RevintError(
            _("round {round} of {session} is already debriefed; use --force to replace that debrief").format(
                round=round_, session=session.name
            )
        )
    known = sheet.ids()
    strangers = [
        (("answers", qid), loading.unknown(N_("question"), qid, known))
        for qid in _given_answers(got.data)
        if qid not in known
    ]
    if strangers:
        loading.fail(loading.format_problems(got.label, got.located(), strangers))


def _ask(bank: Bank, session: Session, data: Answers, meta: Meta, save: Save, resumed: bool) -> Answers:
    from revint_cli.wizard import outcome, prompter

    sheet: Sheet = session.sheet(_round(session, data))
    with prompter.terminal_session():
        return outcome.debrief(sheet, bank, data, save, meta=meta, review=False)


def fit_report(bank: Bank, priorities: list[str], fit: Fit) -> Shown:
    from revint_cli.render.words import percent

    grid = console.table(_("theme"))
    grid.add_column(_("asked"), justify="right")
    grid.add_column(_("fit"), justify="right")
    for theme, value in fit.themes.items():
        title = bank.themes[theme].title if theme in bank.themes else theme
        star = " ★" if theme in priorities else ""
        grid.add_row(console.cell(title + star), str(fit.asked.get(theme, 0)), percent(value))
    err: list[Any] = [grid]
    gut = _(", gut feeling {gut}/5").format(gut=fit.gut) if fit.gut else ""
    err.append(console.line((_("Overall fit: {fit}").format(fit=percent(fit.overall)), "bold"), gut))
    if fit.unknown:
        names = ", ".join(bank.themes[t].title if t in bank.themes else t for t in fit.unknown)
        err.append(console.line((_("Must know before deciding: {themes}").format(themes=names), "yellow")))
    for flag in fit.red_flags:
        noted = _("{question} — {note}").format(question=flag.question, note=flag.note) if flag.note else flag.question
        err.append(console.line((_("Red flag:"), "red"), f" {noted}"))
    return Shown(err=err)
