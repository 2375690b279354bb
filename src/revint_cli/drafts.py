"""Drafts: every answer a wizard receives is saved at once, so an interrupted prep or debrief resumes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from revint_cli import fsutil, paths
from revint_cli.errors import RevintError

# The YAML reader and writer are imported when a draft is read or saved: the wizard's first prompt
# comes before that.

UNTITLED = "untitled"


@dataclass(frozen=True)
class Draft:
    name: str
    kind: str  # "prep" or "debrief"
    answers: dict[str, Any]
    path: Path
    changed: dt.datetime

    @property
    def company(self) -> str:
        return str(self.answers.get("company") or self.answers.get("_company") or "")

    @property
    def role(self) -> str:
        return str(self.answers.get("role") or self.answers.get("_role") or "")


def _path(name: str) -> Path:
    """The file of the draft `name`; a name that would reach outside the drafts folder names no draft."""
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name:
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
    fsutil.atomic_write(path, header + yamlio.dump({"kind": kind, "answers": answers}))
    return path


def remove(name: str) -> bool:
    path = _path(name)
    existed = path.exists()
    path.unlink(missing_ok=True)
    return existed


def load(path: Path) -> Draft:
    from revint_cli import loading

    label = str(path)
    doc = loading.parse(loading.read_text(path), label)
    kind, answers = doc.data.get("kind"), doc.data.get("answers")
    if kind not in ("prep", "debrief") or not isinstance(answers, dict):
        raise RevintError(f"{label}:1: not a revint draft; remove it with revint drafts --clear {path.stem}")
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return Draft(path.stem, kind, answers, path, changed)


def all_drafts() -> list[Draft]:
    """Every draft, most recently changed first; unreadable files are skipped, not fatal."""
    folder = paths.drafts_dir()
    found: list[Draft] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            found.append(load(path))
        except RevintError:
            continue
    return sorted(found, key=lambda d: (d.changed, d.name), reverse=True)


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
    for draft in all_drafts():
        if draft.kind == kind:
            return draft
    raise RevintError(f"no unfinished {kind} to resume (see revint drafts)")


class Recorder:
    """Saves the answers after every prompt under a name that follows the company and role once known.

    A new prep starts as `untitled` (or `untitled-2`, ... beside earlier unfinished ones) and takes the name
    `COMPANY-ROLE` once both are known, never replacing another unfinished draft. A recorder given a name
    (a resumed draft, a debrief) owns that draft from the start; a new one owns only what it saved.
    """

    def __init__(self, kind: str, name: str | None = None):
        self.kind = kind
        self.name = name or UNTITLED
        self.owned = name is not None

    def __call__(self, answers: dict[str, Any]) -> None:
        from revint_cli.profile import slugify

        name = self.name if self.owned else _free(self.name)
        if self.kind == "prep" and answers.get("company") and answers.get("role") and _is_untitled(name):
            slug = f"{slugify(str(answers['company']))}-{slugify(str(answers['role']))}"
            name = slug if slug == self.name else _free(slug)
        save(self.kind, name, answers)
        if self.owned and name != self.name:
            remove(self.name)
        self.name, self.owned = name, True

    def discard(self) -> None:
        """Remove the draft once its work is done; a recorder that never saved leaves others' drafts alone."""
        if self.owned:
            remove(self.name)
