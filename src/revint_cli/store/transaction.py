"""Several files written as one: all of them, or none.

A prep writes the sheet and the profile beside the user and records the session in revint's home; a
full disk, a read-only folder or Ctrl-C half-way must leave the world as it found it, so that the retry
needs no `--force`. `Writes` checks every clash first (one message naming them all), writes every file
to a temporary file beside it (where a full disk fails, before anything is replaced), then moves them
into place; a move that fails puts back what the earlier ones replaced, and removes the folders it made.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from revint_cli import fsutil
from revint_cli.errors import RevintError
from revint_cli.i18n import _, ngettext


@dataclass
class _Planned:
    path: Path
    data: bytes
    replace: bool  # may replace an existing file (--force, or a file revint keeps up to date)
    make_folder: bool = False  # revint's own folders are made; a folder the user names must exist


@dataclass
class Writes:
    planned: list[_Planned] = field(default_factory=list)

    def add(self, path: Path, text: str, *, replace: bool, make_folder: bool = False) -> None:
        self.planned.append(_Planned(path, text.encode("utf-8", "surrogateescape"), replace, make_folder))

    def clashes(self) -> list[Path]:
        return [p.path for p in self.planned if not p.replace and (p.path.exists() or p.path.is_symlink())]

    def check(self) -> None:
        """Refuse, before anything is written, to write into a folder that does not exist (a typo in -o), or
        to replace a file without --force."""
        for p in self.planned:
            if not p.make_folder and not p.path.parent.is_dir():
                raise RevintError(
                    _("{folder}: no such folder; create it first, or choose another -o").format(folder=p.path.parent)
                )
        clashes = self.clashes()
        if clashes:
            names = _listed([str(c) for c in clashes])
            raise RevintError(
                ngettext(
                    "{names} already exists; use --force to replace it, or -o to write elsewhere",
                    "{names} already exist; use --force to replace them, or -o to write elsewhere",
                    len(clashes),
                ).format(names=names)
            )

    def commit(self) -> None:
        self.check()
        made = _make_folders({p.path.parent for p in self.planned})
        staged: list[tuple[_Planned, Path]] = []
        try:
            for planned in self.planned:
                fsutil.check_replaceable(planned.path)
                staged.append((planned, fsutil.stage(planned.path, planned.data)))
            _move_all(staged)
        except BaseException:
            for _planned, tmp in staged:
                tmp.unlink(missing_ok=True)
            _remove_folders(made)
            raise


def refuse_replacing(paths: list[Path], *, force: bool) -> None:
    """The checks `Writes.check` makes, before anything is planned: the folder exists, and a file there is
    replaced only with `force`."""
    Writes([_Planned(path, b"", replace=force) for path in paths]).check()


def _listed(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _move_all(staged: list[tuple[_Planned, Path]]) -> None:
    """Move the staged files into place; on a failure, put back every file already replaced."""
    done: list[tuple[Path, Path | None]] = []  # (path, backup of what it replaced)
    try:
        for planned, tmp in staged:
            backup = None
            if planned.path.exists():
                backup = planned.path.with_name(f".{planned.path.name}.revint-backup")
                os.replace(planned.path, backup)
            done.append((planned.path, backup))
            fsutil._replace(tmp, planned.path)  # the one rename every written file goes through
    except OSError as exc:
        for path, backup in reversed(done):
            if backup is not None:
                os.replace(backup, path)
            else:
                path.unlink(missing_ok=True)
        raise RevintError(
            _("{path}: cannot write: {problem}").format(path=planned.path, problem=exc.strerror or exc)
        ) from None
    for _path, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)


def _make_folders(folders: set[Path]) -> list[Path]:
    """Create the missing folders, outermost first; returns those made, to remove on failure."""
    made: list[Path] = []
    for folder in sorted(folders, key=lambda f: len(f.parts)):
        missing = [f for f in (folder, *folder.parents) if not f.exists()]
        for f in reversed(missing):
            try:
                f.mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                _remove_folders(made)
                raise RevintError(
                    _("{path}: cannot create it: {problem}").format(path=f, problem=exc.strerror or exc)
                ) from None
            made.append(f)
    return made


def _remove_folders(made: list[Path]) -> None:
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            pass
