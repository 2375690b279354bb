"""`revint prep`: from answers (a file, a draft, a previous round, the wizard) to a written sheet.

1. `answers.gather` layers the answers and asks the wizard for what is missing, saving each answer.
2. `validate` turns them into a `Profile`, pointing at the file and line of every problem.
3. `tailor.plan` picks the questions; `render` lays out the sheet.
4. `write` writes the sheet and the profile (never replacing a file without --force); the session keeps both.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from revint_cli import answers, console, labels, render
from revint_cli.answers import Answers, Gathered, Save
from revint_cli.commands import WriteOptions
from revint_cli.console import Shown
from revint_cli.errors import RevintError
from revint_cli.i18n import N_, _, ngettext
from revint_cli.store.draftstore import Meta
from revint_cli.titles import GUESSED
from revint_cli.wizard.candidate import ASKED_KEYS

if TYPE_CHECKING:
    from revint_cli.questionbank import Bank
    from revint_cli.formats.profile import Profile
    from revint_cli.formats.cheatsheet import Sheet
    from revint_cli.planning.draft import Carry

# The models, the YAML reader and the bank are imported where they are used: a wizard started from
# scratch shows its first prompt before any of them is needed (see benchmarks/first_prompt.py).

FORMATS = render.formats("sheet")
NEEDS_TERMINAL = N_("revint prep needs a terminal; use --answers FILE (see revint prep --help)")
REQUIRED = ("company", "role")


def _missing(data: Answers, meta: Meta) -> list[str]:
    return [k for k in ASKED_KEYS if k not in data or k in meta.pending]


def _required(data: Answers, meta: Meta) -> list[str]:
    return [key for key in REQUIRED if data.get(key) in (None, "")]


SPEC = answers.Spec("prep", _missing, _required, NEEDS_TERMINAL)


@dataclass
class Options(WriteOptions):
    next_round: str | None = None
    compact: bool = False


@dataclass
class Written:
    sheet: Path | None  # None: printed to standard output
    profile: Path | None  # None: not written here (printed sheet, or the replayed file unchanged)


def run(get_bank: Callable[[], Bank], opts: Options, *, interactive: bool, eager: bool = True) -> Shown:
    """Prepare a sheet. With `eager` False the bank loads when first needed, so that the wizard's first
    prompt does not wait for it (used for the shipped bank, which the tests keep valid)."""
    bank = functools.cache(get_bank)
    if eager:
        bank()
    start, meta, carried, round_name = _next_round_start(opts)
    if round_name is not None:
        _refuse_clobbering(opts, round_name)  # before the first question, not after the last
    got = answers.gather(
        SPEC, opts.answers, start=start, meta=meta, interactive=interactive, ask=functools.partial(_ask, bank)
    )
    profile = validate(bank(), got)
    sheet = plan(bank(), profile, got.meta.next_round, carried)
    text = render.sheet(sheet, opts.fmt, compact=opts.compact)
    written, name = write(profile, sheet, text, opts, got, round_name)
    got.recorder.discard()
    shown = Shown(out=[text] if written.sheet is None else [])
    guessed = [key for key in GUESSED if key not in got.data and getattr(profile, key) is not None]
    return shown.extend(summary(sheet, written, name, guessed))


def check_compact(fmt: str, compact: bool) -> None:
    if compact and fmt == "json":
        raise RevintError(_("--compact goes with --format md or html: the JSON always holds the whole sheet"))


def _ask(bank: Callable[[], Bank], data: Answers, meta: Meta, save: Save, resumed: bool) -> Answers:
    from revint_cli.wizard import candidate, prompter

    with prompter.terminal_session():
        return candidate.prep(bank, data, save, meta=meta, resumed=resumed)


def _next_round_start(opts: Options) -> tuple[Answers | None, Meta | None, Carry | None, str | None]:
    """The answers and meta a next round starts from, what it carries over from the debriefs, and the base
    name of its files (`NAME-round-N`)."""
    if opts.next_round is None:
        return None, None, None, None
    from revint_cli.store import sessionstore as sessions

    session, start, carried = sessions.next_round(opts.next_round)
    profile = session.profile
    suggested = {"stage": sessions.next_stage(profile.stage), "minutes": profile.minutes, "format": profile.format}
    meta = Meta(defaults=suggested, next_round=session.name)
    return start, meta, carried, f"{session.name}-round-{max(session.debriefs) + 1}"  # the round record starts


def plan(bank: Bank, profile: Profile, next_round: str = "", carried: Carry | None = None) -> Sheet:
    """The sheet; a next round (`next_round`, the session it follows) carries what its debriefs said,
    computed once: `carried` when the run already has it, else read again (a resumed draft)."""
    from revint_cli.planning import tailor as tailor

    if carried is None and next_round:
        from revint_cli.store import sessionstore as sessions

        carried = sessions.next_round(next_round)[2]
    return tailor.plan(bank, profile, carried)


def validate(bank: Bank, got: Gathered) -> Profile:
    """The profile, or one error listing every problem: `FILE:LINE: key: message`, `--set key: message`."""
    from revint_cli.formats.profile import Profile, check_against_bank

    return got.validate(Profile, lambda data: check_against_bank(data, bank))


def targets(profile_slug: str, opts: Options) -> tuple[Path | None, Path | None]:
    """Where the sheet and the profile go: `-o -` prints the sheet and writes nothing here."""
    if opts.output == "-":
        return None, None
    suffix = "." + opts.fmt
    sheet = Path(opts.output) if opts.output else Path(f"{profile_slug}{suffix}")
    if sheet.is_dir():
        sheet = sheet / f"{profile_slug}{suffix}"
    stem = sheet.name.rsplit(".", 1)[0] if "." in sheet.name else sheet.name
    return sheet, sheet.with_name(f"{stem}.profile.yaml")


def _refuse_clobbering(opts: Options, base: str) -> None:
    from revint_cli.store.transaction import refuse_replacing

    refuse_replacing([p for p in targets(base, opts) if p is not None], force=opts.force)


def write(
    profile: Profile, sheet: Sheet, text: str, opts: Options, got: Gathered, base: str | None = None
) -> tuple[Written, str]:
    """Write the sheet and the profile and record the session, as one: all of it or nothing (a full disk,
    a read-only home, Ctrl-C). Under the locks of the sessions folder, the session and each file, so that a
    second revint writing the same session or file at once waits, then finds the files there: nothing is
    replaced without --force. Returns what was written and the session's name."""
    from contextlib import ExitStack

    from revint_cli.formats.profile import to_yaml
    from revint_cli.store import locks
    from revint_cli.store import sessionstore as sessions
    from revint_cli.store.transaction import Writes

    sheet_path, profile_path = targets(base or profile.slug, opts)
    replayed = opts.answers.answers
    if profile_path is not None and replayed is not None and _same_file(profile_path, replayed):
        if not got.overridden and not got.asked:
            profile_path = None  # the replayed file, unchanged
    with ExitStack() as held:
        held.enter_context(locks.sessions())
        name = sessions.name_for(profile)
        held.enter_context(locks.session(name))
        for path in (sheet_path, profile_path):
            if path is not None:
                held.enter_context(locks.output(path))
        batch = Writes()
        if sheet_path is not None:
            batch.add(sheet_path, text, replace=opts.force)
        if profile_path is not None:
            batch.add(profile_path, to_yaml(profile), replace=opts.force)
        batch.check()  # a clash is named before anything else is looked at
        sessions.record(name, profile, sheet, batch)
        batch.commit()
    return Written(sheet_path, profile_path), name


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def summary(sheet: Sheet, written: Written, session: str, guessed: Sequence[str] = ()) -> Shown:
    """What the terminal shows after a prep: the themes, the minutes, every warning, where things went.
    Plain text: loading rich would take longer than the whole prep."""
    from revint_cli.render import words

    rows = [
        (sheet.title(theme), str(len(items)), str(sum(i.minutes for i in items)))
        for theme in sheet.theme_order()
        for items in [sheet.in_theme(theme)]
    ]
    planned = ngettext(
        "{planned} of {budget} minutes planned, {count} question",
        "{planned} of {budget} minutes planned, {count} questions",
        len(sheet.questions),
    ).format(planned=sheet.planned_minutes, budget=sheet.budget_minutes, count=len(sheet.questions))
    if sheet.backup:
        planned += ngettext(", {count} more if time allows", ", {count} more if time allows", len(sheet.backup)).format(
            count=len(sheet.backup)
        )
    err = [
        console.plain_table((_("theme"), _("questions"), _("minutes")), rows, right=(1, 2)),
        console.plain(planned),
    ]
    if guessed:
        values = ", ".join(labels.of_key(key, getattr(sheet.profile, key)) for key in guessed)
        err.append(
            console.plain(
                _("Not in your answers, so read from the role: {values} (to change, set {keys})").format(
                    values=values, keys=", ".join(guessed)
                )
            )
        )
    err += [
        console.plain(_("⚠ your question '{text}': {warning}").format(text=i.text, warning=words.warning(w)))
        for i in sheet.all_items()
        for w in i.warnings
    ]
    err += [
        console.plain(
            _("⚠ not covered: {theme}: {reason}").format(theme=sheet.title(g.theme), reason=words.reason(g.reason))
        )
        for g in sheet.uncovered
    ]
    err += [
        console.plain(
            _("⚠ not covered, though it decides jobs like this one: {question} ({reason})").format(
                question=m.text, reason=words.reason(m.reason)
            )
        )
        for m in sheet.missed_topics
    ]
    if written.sheet is None:
        err.append(console.plain(_("Sheet printed to standard output")))
    else:
        err.append(console.plain(_("Sheet written to   {path}").format(path=written.sheet)))
    if written.profile is not None:
        err.append(
            console.plain(
                _("Profile saved to   {path}  (edit it, then revint prep --answers)").format(path=written.profile)
            )
        )
    err.append(console.plain(_("After the interview: revint debrief {session}").format(session=session)))
    return Shown(err=err)
