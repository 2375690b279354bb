"""With no terminal and nothing to replay, revint says so at once: no hang, no escape codes, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from revint_cli.commands.debrief import NEEDS_TERMINAL as DEBRIEF_NEEDS_TERMINAL
from revint_cli.commands.prep import NEEDS_TERMINAL
from support_sessions import EXAMPLES, GLOBEX

PREP_MESSAGE = "revint prep needs a terminal; use --answers FILE (see revint prep --help)"


def run_without_terminal(cwd: Path, *args: str, stdin: int | bytes = subprocess.DEVNULL) -> tuple[int, bytes, bytes]:
    """Run revint with no terminal; a hang (waiting for input that never comes) fails at the timeout."""
    env = dict(os.environ, TERM="xterm-256color")  # a terminal type that would allow colours, were there one
    env.pop("NO_COLOR", None)
    cwd.mkdir(exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "revint_cli", *args],
        cwd=cwd,
        env=env,
        stdin=stdin if isinstance(stdin, int) else None,
        input=stdin if isinstance(stdin, bytes) else None,
        capture_output=True,
        timeout=20,
    )
    return done.returncode, done.stdout, done.stderr


def test_the_message_is_the_documented_one() -> None:
    assert NEEDS_TERMINAL == PREP_MESSAGE


@pytest.mark.parametrize("stdin", [subprocess.DEVNULL, b"Acme Corp\nBackend Engineer\n"], ids=["dev-null", "pipe"])
def test_prep_without_a_terminal_exits_2_at_once(tmp_path: Path, revint_home: Path, stdin: int | bytes) -> None:
    code, out, err = run_without_terminal(tmp_path / "work", "prep", stdin=stdin)

    assert code == 2
    assert err.decode("utf-8") == PREP_MESSAGE + "\n"
    assert out == b""
    assert b"Traceback" not in err
    assert b"\x1b" not in out + err
    assert list((tmp_path / "work").iterdir()) == []
    assert not (revint_home / "drafts").exists() or list((revint_home / "drafts").iterdir()) == []


def test_prep_resume_without_a_terminal_and_no_draft(tmp_path: Path) -> None:
    code, out, err = run_without_terminal(tmp_path / "work", "prep", "--resume")
    assert code == 2
    assert err.decode("utf-8") == "no unfinished prep to resume (see revint drafts)\n"
    assert b"\x1b" not in out + err


def test_prep_with_answers_needs_no_terminal(tmp_path: Path) -> None:
    code, out, err = run_without_terminal(tmp_path / "work", "prep", "--answers", str(EXAMPLES / "acme-backend.yaml"))
    assert code == 0, err
    assert (tmp_path / "work" / "acme-corp-senior-backend-engineer.md").is_file()
    assert b"\x1b" not in out + err
    assert b"Traceback" not in err


def test_debrief_without_a_terminal_exits_2(tmp_path: Path) -> None:
    code, _, err = run_without_terminal(tmp_path / "work", "prep", "--answers", str(EXAMPLES / "globex-platform.yaml"))
    assert code == 0, err

    code, out, err = run_without_terminal(tmp_path / "work", "debrief", GLOBEX)

    assert code == 2
    assert err.decode("utf-8") == DEBRIEF_NEEDS_TERMINAL + "\n"
    assert "use --answers FILE" in DEBRIEF_NEEDS_TERMINAL
    assert b"Traceback" not in err
    assert b"\x1b" not in out + err
