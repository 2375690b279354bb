"""`revint brief`: the interviewer's side. From answers (a file, a draft, the wizard) to a written brief.

1. `answers.gather` layers the answers and asks the wizard for what is missing, saving each answer (drafts
   of kind "brief"); with `--record`, the wizard then asks for a drafted answer to each question.
2. `validate` turns them into a `BriefProfile`, pointing at the file and line of every problem.
3. `interviewer.plan.plan` picks the questions the mirrored candidate would ask (the tailoring rules);
   `render.brief_md.markdown` or `Brief.to_json` lays it out.
4. `write` writes the brief and the answers file beside it (never replacing a file without --force).

`compare` reads two answers files and lists where the interviewers' drafted answers differ
(`interviewer.differences`, laid out by `render.brief_compare_md`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from revint_cli import answers, console, render
from revint_cli.answers import Answers, Gathered, Save
from revint_cli.commands import WriteOptions
from revint_cli.console import Shown
from revint_cli.errors import RevintError
from revint_cli.fsutil import atomic_write
from revint_cli.i18n import N_, _, ngettext
from revint_cli.labels import STAGE, label
from revint_cli.store.draftstore import Meta
from revint_cli.wizard.interviewer import ASKED_KEYS

if TYPE_CHECKING:
    from revint_cli.questionbank import Bank
    from revint_cli.interviewer.answers import BriefProfile
    from revint_cli.interviewer.plan import Brief

NEEDS_TERMINAL = N_("revint brief needs a terminal; use --answers FILE (see revint brief --help)")
REQUIRED = ("company", "role")
FORMATS = render.formats("brief")


def _missing(record: bool, data: Answers, meta: Meta) -> list[str]:
    missing = [k for k in ASKED_KEYS if k not in data or k in meta.pending]
    return missing + (["answers"] if record and not meta.recorded else [])


def _required(data: Answers, meta: Meta) -> list[str]:
    return [key for key in REQUIRED if data.get(key) in (None, "")]


@dataclass
class Options(WriteOptions):
    record: bool = False


@dataclass
class Written:
    brief: Path | None  # None: printed to standard output
    answers: Path | None  # None: nothing new to keep (the replayed file, unchanged)


def run(get_bank: Callable[[], Bank], opts: Options, *, interactive: bool, eager: bool = True) -> Shown:
    """Write a brief. With `eager` False the bank loads when first needed (after the first prompts)."""
    bank = functools.cache(get_bank)
    if eager:
        bank()
    spec = answers.Spec("brief", functools.partial(_missing, opts.record), _required, _(NEEDS_TERMINAL))
    got = answers.gather(spec, opts.answers, interactive=interactive, ask=functools.partial(_ask, bank, opts.record))
    profile = validate(bank(), got)
    from revint_cli.interviewer.plan import plan

    result = plan(bank(), profile)
    text: str = render.renderer("brief", opts.fmt)(result)
    written = write(profile, text, opts, got)
    got.recorder.discard()
    shown = Shown(out=[text] if written.brief is None else [])
    return shown.extend(summary(result, written))


def _ask(bank: Callable[[], Bank], record: bool, data: Answers, meta: Meta, save: Save, resumed: bool) -> Answers:
    from revint_cli.wizard import interviewer, prompter

    drafting = functools.partial(_to_draft, bank) if record else None
    with prompter.terminal_session():
        result = interviewer.brief(bank, data, save, meta=meta, resumed=resumed, drafting=drafting)
    if record:
        meta.recorded = True  # the drafted answers were walked through: not asked again on resume
        save(result, meta)
    return result


def _to_draft(bank: Callable[[], Bank], data: Answers) -> list[tuple[str, str, list[str], bool]]:
    """What the wizard walks through with --record: (id, text, hints, ask for an example)."""
    from pydantic import ValidationError

    from revint_cli.interviewer.answers import PERSONAL, PROCESS, BriefProfile
    from revint_cli.interviewer.plan import plan

    try:
        profile = BriefProfile.model_validate(data)
    except ValidationError:  # reported with its file and line once the wizard is done
        return [(pid, _(text), [], False) for pid, text in (*PERSONAL, *PROCESS)]
    chosen = plan(bank(), profile)
    learn = _("They want to learn: {why}")
    return [
        *((p.id, p.text, [], False) for p in chosen.personal),
        *((i.id, i.text, [learn.format(why=i.why), *i.strong], True) for i in chosen.questions),
        *((p.id, p.text, [], False) for p in chosen.process),
    ]


def validate(bank: Bank, got: Gathered) -> BriefProfile:
    """The answers file as a model, or one error listing every problem: `FILE:LINE: key: message`."""
    from revint_cli.interviewer.answers import BriefProfile, check_against_bank

    return got.validate(BriefProfile, lambda data: check_against_bank(data, bank))


def base_name(profile: BriefProfile) -> str:
    from revint_cli.formats.profile import session_name

    return f"{session_name(profile.company, profile.role)}-brief"


def targets(base: str, opts: Options) -> tuple[Path | None, Path]:
    """Where the brief and its answers file go; `-o -` prints the brief, and the answers file goes here."""
    suffix = ".json" if opts.fmt == "json" else ".md"
    if opts.output == "-":
        return None, Path(f"{base}.answers.yaml")
    out = Path(opts.output) if opts.output else Path(f"{base}{suffix}")
    if out.is_dir():
        out = out / f"{base}{suffix}"
    stem = out.name.rsplit(".", 1)[0] if "." in out.name else out.name
    return out, out.with_name(f"{stem}.answers.yaml")


def write(profile: BriefProfile, text: str, opts: Options, got: Gathered) -> Written:
    """Write the brief and the answers file; refuse (before writing either) to replace a file without --force.

    The answers file is left out when it would say nothing new: the replayed file unchanged, or a printed
    brief (`-o -`) from a file, with nothing typed or set."""
    from revint_cli.interviewer.answers import to_yaml

    out, answers_path = targets(base_name(profile), opts)
    replayed = opts.answers.answers
    changed = got.asked or bool(got.overridden)
    keep: Path | None = answers_path
    if replayed is not None and not changed and (out is None or _same_file(answers_path, replayed)):
        keep = None
    clashes = [p for p in (out, keep) if p is not None and (p.exists() or p.is_symlink())]
    if clashes and not opts.force:
        raise RevintError(_refuse_to_replace(clashes))
    if out is not None:
        atomic_write(out, text)
    if keep is not None:
        atomic_write(keep, to_yaml(profile))
    return Written(out, keep)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def summary(result: Brief, written: Written) -> Shown:
    """What the terminal shows after a brief: the themes, the minutes, where things went. Plain text."""
    from revint_cli.render import words

    rows = [
        (result.title(theme), str(sum(1 for i in result.questions if i.theme == theme)))
        for theme in dict.fromkeys(i.theme for i in result.questions)
    ]
    drafted = sum(1 for i in result.questions if i.answer)
    err = [
        console.plain_table(("theme", "questions"), rows, right=(1,)),
        console.plain(_counts(result, drafted)),
    ]
    err += [
        console.plain(_("⚠ {theme}: {reason}").format(theme=result.title(u.theme), reason=words.reason(u.reason)))
        for u in result.uncovered
    ]
    where = (
        _("Brief printed to standard output")
        if written.brief is None
        else _("Brief written to    {path}").format(path=written.brief)
    )
    err.append(console.plain(where))
    if written.answers is not None:
        saved = _("Answers saved to    {path}  (draft yours under answers:, then replay)")
        err.append(console.plain(saved.format(path=written.answers)))
        colleague = _("Compare with a colleague: revint brief --compare {path} THEIRS")
        err.append(console.plain(colleague.format(path=written.answers)))
    return Shown(err=err)


def _counts(result: Brief, drafted: int) -> str:
    questions = ngettext(
        "{count} question a candidate is likely to ask {who} at the {stage}",
        "{count} questions a candidate is likely to ask {who} at the {stage}",
        len(result.questions),
    ).format(
        count=len(result.questions), stage=label(STAGE, result.profile.stage), who=result.profile.interviewer.label()
    )
    minutes = ngettext(
        "{planned} of {budget} minute; {drafted} with your drafted answer",
        "{planned} of {budget} minutes; {drafted} with your drafted answer",
        result.budget_minutes,
    ).format(planned=result.planned_minutes, budget=result.budget_minutes, drafted=drafted)
    return _("{questions}, {minutes}").format(questions=questions, minutes=minutes)


def _refuse_to_replace(clashes: list[Path]) -> str:
    names = " and ".join(str(p) for p in clashes)
    return ngettext(
        "{names} already exists; use --force to replace, or -o to write elsewhere",
        "{names} already exist; use --force to replace, or -o to write elsewhere",
        len(clashes),
    ).format(names=names)


# ----- two interviewers, one company -------------------------------------------------------------------


def compare(bank: Bank, first: Path, second: Path, fmt: str) -> Shown:
    """List the questions where two answers files differ, or where only one of them has an answer."""
    from revint_cli import loading
    from revint_cli.interviewer.answers import BriefProfile, check_against_bank, prompt_texts
    from revint_cli.interviewer.differences import compare as differences

    profiles = []
    for path in (first, second):
        label = str(path)
        doc = loading.parse(loading.read_text(path), label)
        profile, problems = loading.validate(BriefProfile, doc)
        problems += [p for p in check_against_bank(doc.data, bank) if p[0] not in {loc for loc, _msg in problems}]
        if profile is None or problems:
            loading.fail(loading.format_problems(label, doc, problems))
        profiles.append(profile)
    result = differences(
        profiles[0], profiles[1], prompt_texts(bank), (_who(profiles[0], first), _who(profiles[1], second))
    )
    text: str = render.renderer("brief-compare", fmt)(result)
    n = len(result.differences)
    counted = ngettext("{count} difference, {agreed} the same", "{count} differences, {agreed} the same", n)
    return Shown(out=[text], err=[console.plain(counted.format(count=n, agreed=len(result.agreed)))])


def _who(profile: BriefProfile, path: Path) -> str:
    """How a comparison names an interviewer: their name and role, else the file's name."""
    return profile.interviewer.label() if profile.interviewer.name else path.name
