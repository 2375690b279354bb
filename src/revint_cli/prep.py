"""`revint prep`: from answers (a file, a draft, the wizard) to a written cheat sheet and profile.

The terminal is at the edge: `gather` decides what to ask and asks through the wizard only when it must;
`build` is pure; `write` owns every file the command creates.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revint_cli import drafts
from revint_cli.errors import RevintError
from revint_cli.fsutil import atomic_write

if TYPE_CHECKING:
    from revint_cli import yamlio
    from revint_cli.bank import Bank
    from revint_cli.profile import Profile
    from revint_cli.tailor import Carry, Plan

# The models, the YAML reader and the bank are imported where they are used: a wizard started from
# scratch shows its first prompt before any of them is needed (see benchmarks/first_prompt.py).

# The keys the wizard asks, in its order; a replayed file missing one of them is asked for it.
WIZARD_KEYS = (
    "company",
    "role",
    "role_family",
    "seniority",
    "work_mode",
    "stage",
    "format",
    "minutes",
    "date",
    "interviewers",
    "priorities",
    "research",
    "custom_questions",
)
REQUIRED = ("company", "role")
NEEDS_TERMINAL = "revint prep needs a terminal; use --answers FILE (see revint prep --help)"


@dataclass
class Source:
    """Where the answers came from, to point at the right place when one is wrong."""

    label: str
    doc: yamlio.Located | None  # None: the answers were typed, there is no file to point into
    overridden: set[str] = field(default_factory=set)
    draft: drafts.Recorder | None = None
    asked: bool = False


@dataclass
class Options:
    answers: Path | None = None
    sets: list[str] = field(default_factory=list)
    no_input: bool = False
    resume: bool = False
    draft: str | None = None
    output: str | None = None
    fmt: str = "md"
    force: bool = False


def gather(
    bank: Bank | Callable[[], Bank],
    opts: Options,
    start: dict[str, Any] | None = None,
    *,
    interactive: bool | None = None,
) -> tuple[Profile, Source]:
    """The profile for this run: replayed, resumed or asked for, then checked against the bank.

    `bank` may be a function: then the bank is loaded only when it is first needed.
    """
    if interactive is None:
        interactive = sys.stdin.isatty()
    doc: yamlio.Located | None = None
    if opts.resume:
        draft = drafts.latest("prep", opts.draft)
        data, label = dict(draft.answers), str(draft.path)
        recorder = drafts.Recorder("prep", draft.name)
    elif opts.answers is not None:
        from revint_cli import loading

        label = str(opts.answers)
        doc = loading.parse(loading.read_text(opts.answers), label)
        data = copy.deepcopy(doc.data)
        recorder = drafts.Recorder("prep")
    else:
        data, label = copy.deepcopy(start or {}), "your answers"
        recorder = drafts.Recorder("prep")
    overridden: set[str] = set()
    if opts.sets:
        from revint_cli.profile import apply_overrides, parse_overrides

        overrides = parse_overrides(opts.sets)
        apply_overrides(data, overrides)
        overridden = {keys[0] for keys, _ in overrides}
    source = Source(label, doc, overridden, recorder)

    missing = [k for k in WIZARD_KEYS if k not in data]
    required = [key for key in REQUIRED if data.get(key) in (None, "")]
    if missing and not opts.no_input:
        if not interactive:
            if opts.answers is None and not opts.resume:
                raise RevintError(NEEDS_TERMINAL)
            if required:
                raise RevintError(
                    f"{label}: missing {', '.join(required)}; add them, or run revint prep in a terminal to be asked"
                )
        else:
            from revint_cli import wizard

            review = False
            if opts.resume:
                review = _review_resumed(data)
            with wizard.terminal_session():
                data = wizard.prep(bank, data, recorder, review=review)
            source.asked = True
    elif required:
        raise RevintError(f"{label}: missing {', '.join(required)} (required with --no-input)")
    return validate(bank() if callable(bank) else bank, data, source), source


def _review_resumed(data: dict[str, Any]) -> bool:
    """Show the saved answers; return True when the candidate wants to go through them again."""
    from revint_cli import wizard

    ask = wizard.Prompter(wizard.PREP_INTERRUPTED)
    ask.say("Your saved answers:", "bold")
    for key in WIZARD_KEYS:
        if key in data and data[key] not in (None, "", [], {}):
            ask.say(f"  {key}: {_brief(data[key])}")
    return not ask.confirm("Keep them and go on where you stopped?", default=True)


def _brief(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_brief(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_brief(v)}" for k, v in value.items() if v)
    return str(value)


def validate(bank: Bank, data: dict[str, Any], source: Source) -> Profile:
    # What the YAML reader found wrong in the file (a repeated key) is the file's problem even when
    # --set replaced the value; it is reported at the line where the key is repeated.
    from revint_cli import loading, yamlio
    from revint_cli.profile import Profile, check_against_bank

    doc = source.doc or yamlio.Located({})
    in_file = list(doc.problems)
    located = yamlio.Located(data, doc.lines, problem_lines=dict(doc.problem_lines))
    profile, problems = loading.validate(Profile, located)
    places = {loc for loc, _ in problems}
    problems += [p for p in check_against_bank(data, bank) if p[0] not in places]
    if not problems and not in_file:
        assert profile is not None
        return profile
    lines: list[str] = []
    from_file = in_file + [(loc, msg) for loc, msg in problems if not loc or loc[0] not in source.overridden]
    lines += loading.format_problems(source.label, located, from_file)
    for loc, msg in problems:
        if loc and loc[0] in source.overridden:
            lines.append(f"--set {loading.dotted(loc)}: {msg}")
    loading.fail(lines)


def build(bank: Bank, profile: Profile, fmt: str, carry: Carry | None = None) -> tuple[Plan, str]:
    from revint_cli import render
    from revint_cli.tailor import plan

    the_plan = plan(bank, profile, carry)
    text = render.markdown(the_plan, bank) if fmt == "md" else render.to_json(render.sheet_data(the_plan))
    return the_plan, text


@dataclass
class Written:
    sheet: Path | None  # None: printed to stdout
    profile: Path | None  # None: not written (it is the replayed file, unchanged)


def targets(profile: Profile, opts: Options) -> tuple[Path | None, Path]:
    suffix = ".md" if opts.fmt == "md" else ".json"
    if opts.output == "-":
        return None, Path(f"{profile.slug}.profile.yaml")
    sheet = Path(opts.output) if opts.output else Path(f"{profile.slug}{suffix}")
    if sheet.is_dir():
        sheet = sheet / f"{profile.slug}{suffix}"
    stem = sheet.name.rsplit(".", 1)[0] if "." in sheet.name else sheet.name
    return sheet, sheet.with_name(f"{stem}.profile.yaml")


def write(profile: Profile, text: str, opts: Options, source: Source) -> Written:
    """Write the sheet and the profile; refuse (before writing either) to replace a file without --force."""
    from revint_cli.profile import to_yaml

    sheet, profile_path = targets(profile, opts)
    profile_text = to_yaml(profile)
    same_as_answers = opts.answers is not None and profile_path.resolve() == opts.answers.resolve()
    unchanged = same_as_answers and not source.overridden and not source.asked
    write_profile = not unchanged and not (sheet is None and opts.answers is not None and not source.asked)
    if not opts.force:
        clashes = [p for p in (sheet, profile_path if write_profile else None) if p is not None and p.exists()]
        if clashes:
            names = " and ".join(str(p) for p in clashes)
            raise RevintError(
                f"{names} already exist{'s' if len(clashes) == 1 else ''}; use --force to replace, or -o to write elsewhere"
            )
    if sheet is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write(sheet, text)
    if write_profile:
        atomic_write(profile_path, profile_text)
    return Written(sheet, profile_path if write_profile else None)
