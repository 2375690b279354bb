"""Where revint keeps things: every user directory is decided here, and nowhere else."""

from __future__ import annotations

import os
import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

APP_NAME = "revint"


def home() -> Path:
    """revint's home: `REVINT_HOME`, or the platform's user data directory."""
    override = os.environ.get("REVINT_HOME")
    if override:
        return Path(override).expanduser()
    import typer  # already loaded by the CLI; imported here so the pure modules stay free of it

    return Path(typer.get_app_dir(APP_NAME))


def checked_dir(folder: Path) -> bool:
    """Whether `folder`, inside revint's home, exists. Refuses a home that is a file, and any folder inside
    it that is a file or a symbolic link: revint never follows a link out of its home."""
    from revint_cli.errors import RevintError

    root = home()
    if root.exists() and not root.is_dir():
        raise RevintError(f"{root}: revint's home is not a folder (set REVINT_HOME to a folder)")
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            raise RevintError(f"{current}: is a symbolic link; revint does not follow links inside its home")
        if not current.exists():
            return False
        if not current.is_dir():
            raise RevintError(f"{current}: not a folder; move it away so revint can keep its files there")
    return True


def ensure_dir(folder: Path) -> Path:
    """`folder` inside revint's home, created if needed, checked as `checked_dir` does."""
    from revint_cli.errors import RevintError

    if not checked_dir(folder):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RevintError(f"{folder}: cannot create it: {exc.strerror or exc}") from None
        checked_dir(folder)
    return folder


def cache_dir() -> Path:
    """Where parsed banks are cached: inside revint's home when `REVINT_HOME` is set, otherwise the
    platform's user cache folder. Safe to delete."""
    override = os.environ.get("REVINT_HOME")
    if override:
        return Path(override).expanduser() / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP_NAME / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_NAME


def drafts_dir() -> Path:
    return home() / "drafts"


def sessions_dir() -> Path:
    return home() / "sessions"


def bundled_bank() -> Traversable:
    return files("revint_cli").joinpath("data", "question_bank.yaml")


def bundled_schema() -> Traversable:
    return files("revint_cli").joinpath("data", "question_bank.schema.json")


def bundled_countries() -> Traversable:
    return files("revint_cli").joinpath("data", "countries.yaml")
