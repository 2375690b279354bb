"""Every command's --help, compared with a saved file, so that changes to help text are reviewed.

The snapshots in tests/help/ are rendered at 80 columns, TERM=dumb, NO_COLOR=1 (see conftest), in a fresh
interpreter so the rich formatting is exactly what users see. After an intended change, regenerate them and review the diff:

    REVINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_help.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from revint_cli.cli import app

SNAPSHOTS = Path(__file__).parent / "help"
UPDATE = os.environ.get("REVINT_UPDATE_SNAPSHOTS") == "1"


def command_paths() -> list[tuple[str, ...]]:
    """Every visible command and group of the app, found by walking it: () is `revint` itself."""
    found: list[tuple[str, ...]] = [()]

    def walk(group: Any, prefix: tuple[str, ...]) -> None:
        for name, command in group.commands.items():
            if getattr(command, "hidden", False):
                continue
            found.append((*prefix, name))
            if getattr(command, "commands", None) is not None:
                walk(command, (*prefix, name))

    walk(typer.main.get_command(app), ())
    return found


def snapshot_name(path: tuple[str, ...]) -> str:
    return "-".join(path) if path else "revint"


COMMANDS = command_paths()


# Every help text, rendered in one subprocess (a fresh interpreter, so the rich formatting is exactly what
# users see, without paying an interpreter's start for each command).
_RENDER_ALL = """
import contextlib, io, json, sys
from revint_cli.cli import run
texts = {}
for path in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run([*path, "--help"])
    texts[" ".join(path)] = [code, out.getvalue(), err.getvalue()]
sys.__stdout__.write(json.dumps(texts))
"""


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[Any]]:
    done = subprocess.run(
        [sys.executable, "-c", _RENDER_ALL, json.dumps(COMMANDS)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    texts: dict[str, list[Any]] = json.loads(done.stdout)
    return texts


def render_help(rendered: dict[str, list[Any]], path: tuple[str, ...]) -> str:
    code, out, err = rendered[" ".join(path)]
    assert code == 0, err
    assert err == ""
    # Rich pads every line to the full width; the snapshots are kept without trailing spaces, which editors strip.
    return "".join(line.rstrip() + "\n" for line in out.splitlines())


def test_the_foundation_commands_are_found() -> None:
    assert {(), ("themes",), ("questions",), ("bank",), ("bank", "validate"), ("bank", "schema")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=[snapshot_name(p) for p in COMMANDS])
def test_help_matches_snapshot(rendered: dict[str, list[Any]], path: tuple[str, ...]) -> None:
    text = render_help(rendered, path)
    snapshot = SNAPSHOTS / f"{snapshot_name(path)}.txt"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(text, encoding="utf-8")
        return
    assert snapshot.exists(), f"no snapshot {snapshot.name}: run with REVINT_UPDATE_SNAPSHOTS=1 and review it"
    assert text == snapshot.read_text(encoding="utf-8"), (
        f"`revint {' '.join(path)} --help` changed: if intended, rerun with REVINT_UPDATE_SNAPSHOTS=1 and review the diff"
    )
    assert f"Usage: revint {' '.join(path)}".rstrip() in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "<bool>" not in text  # a flag shows no type, typer's own --help included


def test_no_snapshot_without_a_command() -> None:
    expected = {f"{snapshot_name(p)}.txt" for p in COMMANDS}
    stale = sorted(p.name for p in SNAPSHOTS.glob("*.txt") if p.name not in expected)
    if UPDATE:
        for name in stale:
            (SNAPSHOTS / name).unlink()
        return
    assert stale == [], "snapshots of commands that no longer exist (REVINT_UPDATE_SNAPSHOTS=1 removes them)"
