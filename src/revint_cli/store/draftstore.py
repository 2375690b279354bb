"""Drafts: every answer a wizard receives is saved at once, so an interrupted prep, debrief or brief resumes.

A draft file holds three sections: `kind:` (which command it continues), `meta:` (what the draft needs
and is not an answer: a `Meta`) and `answers:` (exactly what the command's answers file would hold).
Drafts of the previous release kept their meta among the answers, under keys starting with `_`: they are
converted when read, and written back in the new shape at the next answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from revint_cli import fsutil, paths
from revint_cli.errors import RevintError
from revint_cli.i18n import _, ngettext

if TYPE_CHECKING:
    from revint_cli import yamlio
    from revint_cli.answers import Answers

# The YAML reader and writer are imported when a draft is read or saved: the wizard's first prompt
# comes before that.

UNTITLED = "untitled"
KINDS = ("prep", "debrief", "brief")


@dataclass
class Meta:
    """What a draft needs beside its answers; never validated as an answer, never written to a profile."""

    session: str = ""  # the session a debrief belongs to
    company: str = ""  # shown in `revint drafts` while the answers hold none (a debrief's)
    role: str = ""
    pending: list[str] = field(default_factory=list)  # keys whose list is being built: asked again on resume
    defaults: dict[str, Any] = field(default_factory=dict)  # suggested by a previous round, for unasked keys
    next_round: str = ""  # the session a next round started from
    backups: list[str] | None = None  # the backup questions ticked as asked in a debrief; None: not asked yet
    recorded: bool = False  # brief --record: the drafted answers were walked through

    def to_data(self) -> dict[str, Any]:
        """The fields that differ from a fresh meta, for the draft file."""
        fresh = Meta()
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) != getattr(fresh, f.name)}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Meta:
        """The meta of a draft file (every scalar read as text), or `MetaError` naming the key."""
        from revint_cli.answers import as_bool

        meta = cls()
        for key, value in data.items():
            if key in ("session", "company", "role", "next_round"):
                setattr(meta, key, "" if value is None else _text(key, value))
            elif key in ("pending", "backups"):
                setattr(meta, key, _texts(key, value))
            elif key == "defaults" and isinstance(value, dict):
                meta.defaults = dict(value)
            elif key == "recorded" and as_bool(value) is not None:
                meta.recorded = bool(as_bool(value))
            else:
                raise MetaError(str(key), _("not a valid value") if key in _FIELDS else _("unknown key"))
        return meta


_FIELDS = tuple(f.name for f in fields(Meta))


class MetaError(ValueError):
    def __init__(self, key: str, problem: str):
        super().__init__(problem)
        self.key, self.problem = key, problem


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise MetaError(key, _("must be a text"))
    return value


def _texts(key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MetaError(key, _("must be a list of texts"))
    return list(value)


def from_previous_release(answers: Mapping[str, Any]) -> tuple[Answers, dict[str, Any]]:
    """The answers and the meta of a draft the previous release wrote, which kept the meta among the
    answers under `_` and the field's name. Its pending keys were a mapping, and its debrief kept only
    that the backups were checked: those ticked are then the answered ones, as that release read them."""
    answers_only = {k: v for k, v in answers.items() if not str(k).startswith("_")}
    old = {str(k)[1:]: v for k, v in answers.items() if str(k).startswith("_")}
    meta = {k: v for k, v in old.items() if k in _FIELDS}
    if isinstance(meta.get("pending"), dict):
        meta["pending"] = list(meta["pending"])
    from revint_cli.answers import as_bool

    if as_bool(old.get("backups_checked")):
        recorded = answers_only.get("answers")
        meta["backups"] = [str(qid) for qid in recorded] if isinstance(recorded, dict) else []
    return answers_only, meta


@dataclass(frozen=True)
class Draft:
    name: str
    kind: str  # "prep", "debrief" or "brief"
    answers: Answers
    path: Path
    changed: dt.datetime
    doc: yamlio.Located | None = None  # the answers with the lines where they stand in the draft file
    meta: Meta = field(default_factory=Meta)

    @property
    def company(self) -> str:
        return str(self.answers.get("company") or self.meta.company)

    @property
    def role(self) -> str:
        return str(self.answers.get("role") or self.meta.role)


@dataclass(frozen=True)
class Damaged:
    """A draft file that cannot be read: listed with its problem, removable with `revint drafts --clear`."""

    name: str
    path: Path
    problem: str
    changed: dt.datetime


def _path(name: str) -> Path:
    """The file of the draft `name`; a name that would reach outside the drafts folder names no draft."""
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name or len(name) > 200:
        raise RevintError(_("no draft named '{name}' (see revint drafts)").format(name=name))
    return paths.drafts_dir() / f"{name}.yaml"


def _is_untitled(name: str) -> bool:
    return name == UNTITLED or (name.startswith(f"{UNTITLED}-") and name[len(UNTITLED) + 1 :].isdigit())


def _free(name: str) -> str:
    """`name`, or `name-2`, `name-3`, ... when an earlier unfinished draft already has it."""
    candidate, n = name, 1
    while _path(candidate).exists():
        n += 1
        candidate = f"{name}-{n}"
    return candidate


def save(kind: str, name: str, answers: Answers, meta: Meta | None = None) -> Path:
    from revint_cli import yamlio

    path = _path(name)
    header = "# " + _("An unfinished revint {kind}: continue it with `revint {kind} --resume`.").format(kind=kind)
    data: dict[str, Any] = {"kind": kind}
    if meta is not None and meta.to_data():
        data["meta"] = meta.to_data()
    data["answers"] = answers
    fsutil.atomic_write(path, header + "\n" + yamlio.dump(data), force=True)
    return path


def remove(name: str) -> bool:
    path = _path(name)
    if path.is_dir() or path.is_symlink() and not path.is_file():
        raise RevintError(_("{path}: not a draft file; remove it by hand if you no longer need it").format(path=path))
    existed = path.exists()
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise RevintError(
            _("{path}: cannot remove it: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    return existed


def load(path: Path) -> Draft:
    """A draft, or RevintError naming the file and the line of its problem."""
    from revint_cli import loading, yamlio

    label = str(path)
    doc = loading.parse(loading.read_text(path, kept=True), label)
    kind, answers, meta = doc.data.get("kind"), doc.data.get("answers"), doc.data.get("meta", {})
    for key, ok, must in (
        ("kind", kind in KINDS, _("must be {kinds}").format(kinds=", ".join(KINDS))),
        ("answers", isinstance(answers, dict), _("must be a mapping")),
        ("meta", isinstance(meta, dict), _("must be a mapping")),
    ):
        if not ok:
            _damaged(label, doc.line_of((key,)), key, must, path.stem)
    answers, old_meta = from_previous_release(answers)
    try:
        parsed = Meta.from_data({**old_meta, **meta})
    except MetaError as err:
        _damaged(label, doc.line_of(("meta", err.key)), f"meta.{err.key}", err.problem, path.stem)
    lines = {where[1:]: n for where, n in doc.lines.items() if where[:1] == ("answers",)}
    problems = [(where[1:], msg) for where, msg in doc.problems if where[:1] == ("answers",)]
    inner = yamlio.Located(answers, lines, problems)
    changed = dt.datetime.fromtimestamp(path.lstat().st_mtime)
    return Draft(path.stem, str(kind), answers, path, changed, inner, parsed)


def _damaged(label: str, line: int, key: str, problem: str, name: str) -> NoReturn:
    raise RevintError(
        _("{file}:{line}: {key}: {problem}; remove it with revint drafts --clear {name}").format(
            file=label, line=line, key=key, problem=problem, name=name
        )
    )


def scan() -> tuple[list[Draft], list[Damaged]]:
    """Every draft, most recently changed first, and the damaged ones beside them."""
    folder = paths.drafts_dir()
    found: list[Draft] = []
    damaged: list[Damaged] = []
    for path in sorted(folder.glob("*.yaml")) if paths.checked_dir(folder) else []:
        try:
            found.append(load(path))
        except RevintError as err:
            changed = dt.datetime.fromtimestamp(path.lstat().st_mtime)
            damaged.append(Damaged(path.stem, path, err.message, changed))
    return sorted(found, key=lambda d: (d.changed, d.name), reverse=True), damaged


def exists(name: str) -> bool:
    return _path(name).exists()


def latest(kind: str, name: str | None = None) -> Draft:
    if name is not None:
        path = _path(name)
        if not path.exists():
            raise RevintError(_("no draft named '{name}' (see revint drafts)").format(name=name))
        draft = load(path)
        if draft.kind != kind:
            raise RevintError(
                _("the draft '{name}' is a {kind}; continue it with revint {kind} --resume").format(
                    name=name, kind=draft.kind
                )
            )
        return draft
    found, damaged = scan()
    for draft in found:
        if draft.kind == kind:
            return draft
    if damaged:
        message = ngettext(
            "no unfinished {kind} to resume; {count} damaged draft: {problems}",
            "no unfinished {kind} to resume; {count} damaged drafts: {problems}",
            len(damaged),
        )
        problems = "; ".join(d.problem for d in damaged[:3])
        raise RevintError(message.format(kind=kind, count=len(damaged), problems=problems))
    raise RevintError(_("no unfinished {kind} to resume (see revint drafts)").format(kind=kind))


class Recorder:
    """Saves the answers after every prompt under a name that follows the company and role once known.

    A new prep starts as `untitled` (or `untitled-2`, ... beside earlier unfinished ones) and takes the name
    of its session once the company and the role are known, never replacing another unfinished draft. A
    recorder of a resumed draft owns that draft from the start; a new one owns only what it saved.
    """

    def __init__(self, kind: str, name: str | None = None, *, owned: bool = True):
        self.kind = kind
        self.name = name or UNTITLED
        self.owned = name is not None and owned
        self.saved = self.owned

    def __call__(self, answers: Answers, meta: Meta | None = None) -> None:
        from revint_cli.formats.profile import session_name

        name = self.name if self.owned else _free(self.name)
        if self.kind != "debrief" and answers.get("company") and answers.get("role") and _is_untitled(name):
            slug = session_name(str(answers["company"]), str(answers["role"]))
            slug = slug if self.kind == "prep" else f"{self.kind}-{slug}"  # a brief beside a prep of one role
            name = slug if slug == self.name else _free(slug)
        save(self.kind, name, answers, meta)
        if self.owned and name != self.name:
            remove(self.name)
        self.name, self.owned, self.saved = name, True, True

    def discard(self) -> None:
        """Remove the draft once its work is done; a recorder that never saved leaves others' drafts alone."""
        if self.owned:
            remove(self.name)
