"""Where revint keeps things: every user directory is decided here, and nowhere else."""

from __future__ import annotations

import os
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


def drafts_dir() -> Path:
    return home() / "drafts"


def sessions_dir() -> Path:
    return home() / "sessions"


def bundled_bank() -> Traversable:
    return files("revint_cli").joinpath("data", "question_bank.yaml")


def bundled_schema() -> Traversable:
    return files("revint_cli").joinpath("data", "question_bank.schema.json")
