"""Where revint keeps things: every user directory is decided here, and nowhere else.

Two roots: revint's home (`REVINT_HOME`, or the platform's user data folder) for drafts and sessions, and
the cache (inside the home when `REVINT_HOME` is set, otherwise the platform's user cache folder). Inside
either, revint never follows a symbolic link and never mistakes a file for a folder.
"""

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
    """Whether `folder`, inside revint's home or its cache, exists.

    Refuses a home that is a file, and any folder on the way from the root to `folder` that is a file or a
    symbolic link. The cache root is one of those folders when it lies outside the home (revint creates it,
    so a link there is not the user's choice); the home itself may be a link, which the user chose.
    """
    from revint_cli.errors import RevintError
    from revint_cli.i18n import _

    root = home()
    if folder.is_relative_to(root):
        if root.exists() and not root.is_dir():
            raise RevintError(
                _("{path}: revint's home is not a folder (set REVINT_HOME to a folder)").format(path=root)
            )
        return _walk(root, folder.relative_to(root).parts)
    cache = cache_dir()
    if folder.is_relative_to(cache):
        return _walk(cache.parent, (cache.name, *folder.relative_to(cache).parts))
    raise ValueError(f"{folder} is neither inside revint's home ({root}) nor inside its cache ({cache})")


def _walk(root: Path, parts: tuple[str, ...]) -> bool:
    """Whether `root`/`parts` exists, every step of it a real folder (not a link, not a file)."""
    from revint_cli.errors import RevintError
    from revint_cli.i18n import _

    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise RevintError(
                _("{path}: is a symbolic link; revint does not follow links in its folders").format(path=current)
            )
        if not current.exists():
            return False
        if not current.is_dir():
            raise RevintError(
                _("{path}: not a folder; move it away so revint can keep its files there").format(path=current)
            )
    return True


def ensure_dir(folder: Path) -> Path:
    """`folder` inside revint's home or its cache, created if needed, checked as `checked_dir` does."""
    from revint_cli.errors import RevintError
    from revint_cli.i18n import _

    if not checked_dir(folder):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RevintError(
                _("{path}: cannot create it: {reason}").format(path=folder, reason=exc.strerror or exc)
            ) from None
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


def bundled_title_words() -> Traversable:
    return files("revint_cli").joinpath("data", "title_words")
