"""Drafts: every answer a wizard receives is saved at once, so an interrupted prep or debrief resumes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revint_cli import fsutil, paths
from revint_cli.errors import RevintError

if TYPE_CHECKING:
    from revint_cli import yamlio

# The YAML reader and writer are imported when a draft is read or saved: the wizard's first prompt
# comes before that.

UNTITLED = "untitled"
KINDS = ("prep", "debrief", "brief")


@dataclass(frozen=True)
class Draft:
    name: str
    kind: str  # "prep" or "debrief"
    answers: dict[str, Any]
    path: Path
    changed: dt.datetime
    doc: yamlio.Located | None = None  # the answers with the lines where they stand in the draft file

    @property
    def company(self) -> str:
        return str(self.answers.get("company") or self.answers.get("_company") or "")

    @property
    def role(self) -> str:
        return str(self.answers.get("role") or self.answers.get("_role") or "")


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
        raise RevintError(f"no draft named '{name}' (see revint drafts)")
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


def save(kind: str, name: str, answers: dict[str, Any]) -> Path:
    from revint_cli import yamlio

    path = _path(name)
    header = f"# An unfinished revint {kind}: continue it with `revint {kind} --resume`.\n"
    fsutil.atomic_write(path, header + yamlio.dump({"kind": kind, "answers": answers}), force=True)
    return path


def remove(name: str) -> bool:
    path = _path(name)
    if path.is_dir() or path.is_symlink() and not path.is_file():
        raise RevintError(f"{path}: not a draft file; remove it by hand if you no longer need it")
    existed = path.exists()
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise RevintError(f"{path}: cannot remove it: {exc.strerror or exc}") from None
    return existed


def load(path: Path) -> Draft:
    """A draft, or RevintError naming the file and the line of its problem."""
    from revint_cli import loading, yamlio

    label = str(path)
    doc = loading.parse(loading.read_text(path), label)
    kind, answers = doc.data.get("kind"), doc.data.get("answers")
    if kind not in KINDS:
        where = doc.line_of(("kind",))
        raise RevintError(
            f"{label}:{where}: kind: must be {', '.join(KINDS)}; remove it with revint drafts --clear {path.stem}"
        )
    if not isinstance(answers, dict):
        where = doc.line_of(("answers",))
        raise RevintError(
            f"{label}:{where}: answers: must be a mapping; remove it with revint drafts --clear {path.stem}"
        )
    lines = {where[1:]: n for where, n in doc.lines.items() if where[:1] == ("answers",)}
    problems = [(where[1:], msg) for where, msg in doc.problems if where[:1] == ("answers",)]
    inner = yamlio.Located(answers, lines, problems)
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return Draft(path.stem, str(kind), answers, path, changed, inner)


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
            raise RevintError(f"no draft named '{name}' (see revint drafts)")
        draft = load(path)
        if draft.kind != kind:
            raise RevintError(f"the draft '{name}' is a {draft.kind}; continue it with revint {draft.kind} --resume")
        return draft
    found, damaged = scan()
    for draft in found:
        if draft.kind == kind:
            return draft
    if damaged:
        raise RevintError(
            f"no unfinished {kind} to resume; {len(damaged)} damaged draft(s): "
            + "; ".join(d.problem for d in damaged[:3])
        )
    raise RevintError(f"no unfinished {kind} to resume (see revint drafts)")


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

    def __call__(self, answers: dict[str, Any]) -> None:
        from revint_cli.formats.profile import session_name

        name = self.name if self.owned else _free(self.name)
        if self.kind != "debrief" and answers.get("company") and answers.get("role") and _is_untitled(name):
            slug = session_name(str(answers["company"]), str(answers["role"]))
            slug = slug if self.kind == "prep" else f"{self.kind}-{slug}"  # a brief beside a prep of one role
            name = slug if slug == self.name else _free(slug)
        save(self.kind, name, answers)
        if self.owned and name != self.name:
            remove(self.name)
        self.name, self.owned, self.saved = name, True, True

    def discard(self) -> None:
        """Remove the draft once its work is done; a recorder that never saved leaves others' drafts alone."""
        if self.owned:
            remove(self.name)
