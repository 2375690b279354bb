"""store.locks: one writer at a time per session and per file, across processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from revint_cli.errors import RevintError
from revint_cli.store import locks

TRY_LOCK = (
    "import sys; from revint_cli.store import locks\n"
    "from revint_cli.errors import RevintError\n"
    "try:\n"
    "    with locks.session('acme'):\n"
    "        print('got it')\n"
    "except RevintError as e:\n"
    "    print(e.message); sys.exit(2)\n"
)


def other_process() -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REVINT_LOCK_TIMEOUT": "0.2"}
    return subprocess.run([sys.executable, "-c", TRY_LOCK], capture_output=True, text=True, env=env, timeout=30)


def test_a_held_session_lock_stops_another_process_with_one_line() -> None:
    with locks.session("acme"):
        result = other_process()
    assert result.returncode == 2
    assert result.stdout.strip() == "session acme is in use by another revint; try again when it has finished"


def test_a_released_lock_is_free_for_the_next_process() -> None:
    with locks.session("acme"):
        pass
    assert other_process().stdout.strip() == "got it"


def test_locks_are_reentrant_within_one_process() -> None:
    with locks.session("acme"), locks.session("acme"):
        assert other_process().returncode == 2
    assert other_process().returncode == 0


def test_different_sessions_do_not_block_each_other() -> None:
    with locks.session("globex"):
        assert other_process().returncode == 0


def test_a_link_where_the_lock_file_goes_is_refused(revint_home: Path, tmp_path: Path) -> None:
    (revint_home / "locks").mkdir()
    target = tmp_path / "elsewhere"
    target.write_text("", encoding="utf-8")
    (revint_home / "locks" / "session-acme.lock").symlink_to(target)
    with pytest.raises(RevintError, match="cannot lock"), locks.session("acme"):
        pass


def test_a_fifo_where_the_lock_file_goes_is_refused_without_hanging(revint_home: Path) -> None:
    (revint_home / "locks").mkdir()
    os.mkfifo(revint_home / "locks" / "session-acme.lock")
    with pytest.raises(RevintError), locks.session("acme"):
        pass


def test_an_output_file_lock_is_keyed_by_its_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with locks.output(Path("sheet.md")):
        with locks.output(tmp_path / "sheet.md"):  # the same file: re-entrant, not a second lock
            pass
    assert len(list((Path(os.environ["REVINT_HOME"]) / "locks").glob("file-*.lock"))) == 1
