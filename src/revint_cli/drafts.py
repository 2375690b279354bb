"""Drafts: every answer a wizard receives is saved at once, so an interrupted prep or debrief resumes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from revint_cli import fsutil, loading, paths, yamlio
from revint_cli.errors import RevintError

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
        return str(self.answers.get("company") or "")

    @property
    def role(self) -> str:
        return str(self.answers.get("role") or "")


def _path(name: str) -> Path:
    return paths.drafts_dir() / f"{name}.yaml"


def save(kind: str, name: str, answers: dict[str, Any]) -> Path:
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


def latest(kind: str, name: str | None = None) -> Draft:
    if name is not None:
        path = _path(name)
        if not path.exists():
            raise RevintError(f"no draft named '{name}' (see revint drafts)")
        return load(path)
    for draft in all_drafts():
        if draft.kind == kind:
            return draft
    raise RevintError(f"no unfinished {kind} to resume (see revint drafts)")


class Recorder:
    """Saves the answers after every prompt under a name that follows the company and role once known."""

    def __init__(self, kind: str, name: str | None = None):
        self.kind = kind
        self.name = name or UNTITLED

    def __call__(self, answers: dict[str, Any]) -> None:
        from revint_cli.profile import slugify

        name = self.name
        if self.kind == "prep" and answers.get("company") and answers.get("role") and name == UNTITLED:
            name = f"{slugify(str(answers['company']))}-{slugify(str(answers['role']))}"
        save(self.kind, name, answers)
        if name != self.name:
            remove(self.name)
            self.name = name

    def discard(self) -> None:
        remove(self.name)
