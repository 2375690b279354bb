"""The answers pipeline, shared by `revint prep` and `revint debrief`.

Answers come in layers, each over the one before: what a previous round carries (`--next-round`), a file
(`--answers`) or a draft (`--resume`), then `--set KEY=VALUE`, then the wizard for whatever is still
missing. Every answer the wizard receives is saved in a draft the moment it is given, so Ctrl-C anywhere
loses nothing; the draft goes once the command has written its result.

No terminal here: the wizard is passed in as `ask`, and called only when something is missing and a
terminal is there to answer.

The answers are exactly what the command's answers file holds (`Answers`, defined here once). What a
draft needs beside them (the session it belongs to, a list still being built, the defaults a previous
round suggests, where a next round started, the backups ticked) is a `draftstore.Meta`, kept apart in
`Gathered.meta` and in the draft's `meta:` section: nothing of it is ever validated as an answer.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from revint_cli.errors import ExitCode, RevintError
from revint_cli.i18n import _
from revint_cli.store import draftstore as drafts
from revint_cli.store.draftstore import Meta

if TYPE_CHECKING:
    from pydantic import BaseModel

    from revint_cli import loading, yamlio

M = TypeVar("M", bound="BaseModel")

Answers = dict[str, Any]
Save = Callable[[Answers, Meta], None]  # called after every answer: a `draftstore.Recorder`
Ask = Callable[[Answers, Meta, Save, bool], Answers]  # (answers, meta, save, resumed) -> answers
Keys = Callable[[Answers, Meta], list[str]]


def as_bool(value: Any) -> bool | None:
    """A yes/no answer as typed in a file or read back from a draft ("true", "no", True), else None."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return True if text in ("true", "yes", "on") else False if text in ("false", "no", "off") else None


def answer_done(answer: Any) -> bool:
    """A debrief answer is done when the question was not asked, or was asked and rated."""
    return isinstance(answer, dict) and (as_bool(answer.get("asked")) is False or bool(answer.get("rating")))


class Interrupted(RevintError):
    """Ctrl-C or Ctrl-D at a prompt. The pipeline turns it into a message that says what was kept."""

    def __init__(self) -> None:
        super().__init__(_("Interrupted."), ExitCode.INTERRUPTED)


@dataclass(frozen=True)
class Spec:
    """What one command asks: its kind (prep or debrief), what is missing, and what may not be left out."""

    kind: str
    missing: Keys  # keys the wizard would ask
    required: Keys  # keys that cannot be left to their defaults
    needs_terminal: str  # marked with N_, translated when shown
    check: Callable[[Gathered], None] | None = None  # what the given answers say, checked before any question


@dataclass
class Options:
    answers: Path | None = None
    sets: list[str] = field(default_factory=list)
    no_input: bool = False
    resume: bool = False
    draft: str | None = None


@dataclass
class Gathered:
    """The answers, and where they came from, to point at the right place when one is wrong."""

    data: Answers
    label: str
    doc: yamlio.Located | None  # None: typed or carried, there is no file to point into
    recorder: drafts.Recorder
    overridden: set[str] = field(default_factory=set)
    asked: bool = False
    meta: Meta = field(default_factory=Meta)

    def located(self) -> yamlio.Located:
        from revint_cli import yamlio

        doc = self.doc or yamlio.Located({})
        return yamlio.Located(self.data, doc.lines, list(doc.problems), dict(doc.problem_lines))

    def validate(self, model: type[M], check: Callable[[Answers], list[loading.Problem]]) -> M:
        """The answers as `model`, or one error listing every problem: `FILE:LINE: key: message` for what the
        file says, `--set key: message` for what `--set` changed. `check` adds problems the model cannot see
        (an unknown theme of the bank), except where the model already found one."""
        from revint_cli import loading

        located = self.located()
        in_file = list(located.problems)
        located.problems = []
        result, problems = loading.validate(model, located)
        places = {loc for loc, _msg in problems}
        problems += [p for p in check(located.data) if p[0] not in places]
        if not problems and not in_file:
            assert result is not None
            return result
        from_file = in_file + [(loc, msg) for loc, msg in problems if not loc or loc[0] not in self.overridden]
        lines = loading.format_problems(self.label, located, from_file)
        lines += [f"--set {loading.dotted(loc)}: {msg}" for loc, msg in problems if loc and loc[0] in self.overridden]
        loading.fail(lines)


def gather(
    spec: Spec,
    opts: Options,
    *,
    start: Answers | None = None,
    meta: Meta | None = None,
    draft: drafts.Draft | None = None,
    draft_name: str | None = None,
    interactive: bool,
    ask: Ask,
) -> Gathered:
    """The answers for this run: carried, replayed or resumed, overridden, then asked for what is missing.

    `start` and `meta` are what the run begins with (a next round's answers and suggestions, the session of
    a debrief); with `--resume`, `draft` is the draft already loaded by the command, else the latest."""
    got = _sources(spec, opts, start, meta or Meta(), draft, draft_name)
    if opts.sets:
        from revint_cli.formats.profile import apply_overrides, parse_overrides

        overrides = parse_overrides(opts.sets)
        apply_overrides(got.data, overrides)
        got.overridden = {keys[0] for keys, _value in overrides}
    if spec.check is not None:
        spec.check(got)
    missing, required = spec.missing(got.data, got.meta), spec.required(got.data, got.meta)
    if missing and not opts.no_input:
        if not interactive:
            _refuse_without_terminal(spec, opts, got.label, required)
        else:
            got.data = _ask(spec, got, ask, resumed=opts.resume)
            got.asked = True
    elif required:
        raise RevintError(
            _("{source}: missing {keys} (required with --no-input)").format(source=got.label, keys=", ".join(required))
        )
    for key, value in got.meta.defaults.items():
        got.data.setdefault(key, value)  # what a previous round suggests, for whatever was not asked
    return got


def _refuse_without_terminal(spec: Spec, opts: Options, label: str, required: list[str]) -> None:
    if opts.answers is None and not opts.resume:
        raise RevintError(_(spec.needs_terminal))
    if required:
        raise RevintError(
            _("{source}: missing {keys}; add them, or run revint {command} in a terminal to be asked").format(
                source=label, keys=", ".join(required), command=spec.kind
            )
        )


def _sources(
    spec: Spec, opts: Options, start: Answers | None, meta: Meta, draft: drafts.Draft | None, draft_name: str | None
) -> Gathered:
    if opts.resume:
        draft = draft or drafts.latest(spec.kind, opts.draft or draft_name)
        recorder = drafts.Recorder(spec.kind, draft.name)
        return Gathered(dict(draft.answers), str(draft.path), draft.doc, recorder, meta=copy.deepcopy(draft.meta))
    if draft_name is not None and drafts.exists(draft_name):
        raise RevintError(
            _(
                "you have an unfinished {command} of this already: continue it with revint {command} --resume, "
                "or remove it with revint drafts --clear {name}"
            ).format(command=spec.kind, name=draft_name)
        )
    recorder = drafts.Recorder(spec.kind, draft_name, owned=False)
    if opts.answers is not None:
        from revint_cli import loading

        label = str(opts.answers)
        doc = loading.parse(loading.read_text(opts.answers), label)
        data = {**copy.deepcopy(start or {}), **copy.deepcopy(doc.data)}
        return Gathered(data, label, doc, recorder, meta=meta)
    if meta.next_round:  # a next round starts from the session's profile: a problem points into that file
        from revint_cli import loading, paths

        kept = paths.sessions_dir() / meta.next_round / "profile.yaml"
        doc = loading.parse(loading.read_text(kept, kept=True), str(kept))
        return Gathered(copy.deepcopy(start or {}), str(kept), doc, recorder, meta=meta)
    return Gathered(copy.deepcopy(start or {}), _("your answers"), None, recorder, meta=meta)


def _ask(spec: Spec, got: Gathered, ask: Ask, *, resumed: bool) -> Answers:
    try:
        return ask(got.data, got.meta, got.recorder, resumed)
    except Interrupted:
        if got.recorder.saved:
            message = _("Interrupted. Your answers are saved: run revint {command} --resume to continue.").format(
                command=spec.kind
            )
        else:
            message = _("Interrupted before any answer: nothing to save yet.")
        raise RevintError(message, ExitCode.INTERRUPTED) from None
