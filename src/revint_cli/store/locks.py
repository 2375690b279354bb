"""Locks that keep two revints from writing one session or one file at once.

A lock is an advisory lock (`fcntl.flock`; `msvcrt.locking` on Windows) on a file in revint's home,
`locks/NAME.lock`: the standard library's, because filelock 4 costs about 150 ms of imports (asyncio) in
a command whose whole start-up is about 200 ms. A second writer waits up to `REVINT_LOCK_TIMEOUT`
seconds (10 by default), then stops with one line. Locks are re-entrant within one process, and go with
the process that held them, whatever way it ends: no stale lock is ever left to remove by hand.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from revint_cli import paths
from revint_cli.errors import RevintError
from revint_cli.i18n import _

DEFAULT_TIMEOUT = 10.0
_held: dict[str, int] = {}  # lock name -> open descriptor, for the locks this process holds


def _timeout() -> float:
    raw = os.environ.get("REVINT_LOCK_TIMEOUT", "")
    try:
        return max(0.0, float(raw)) if raw.strip() else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _open(name: str) -> int:
    folder = paths.ensure_dir(paths.home() / "locks")
    path = folder / f"{name}.lock"
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        raise RevintError(
            _("{path}: cannot lock it: {problem}").format(path=path, problem=exc.strerror or exc)
        ) from None
    import stat

    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise RevintError(_("{path}: not a regular file; move it away so revint can lock its files").format(path=path))
    return fd


@contextmanager
def held(name: str, what: str) -> Iterator[None]:
    """Hold the lock `name` while the block runs; `what` names the thing locked in the message."""
    if name in _held:  # re-entrant: this process holds it already
        yield
        return
    fd = _open(name)
    deadline = time.monotonic() + _timeout()
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            os.close(fd)
            raise RevintError(_("{what} is in use by another revint; try again when it has finished").format(what=what))
        time.sleep(0.05)
    _held[name] = fd
    try:
        yield
    finally:
        del _held[name]
        os.close(fd)  # closing the descriptor releases the lock


def session(name: str) -> AbstractContextManager[None]:
    """The lock of one session: held across read, plan and write by prep, debrief and the next round."""
    return held(f"session-{name}", _("session {name}").format(name=name))


def sessions() -> AbstractContextManager[None]:
    """The lock of the sessions folder: held while a new session's name is chosen and its folder made."""
    return held("sessions", _("the sessions folder"))


def output(path: Path) -> AbstractContextManager[None]:
    """The lock of a file revint writes outside its home (a sheet, a profile), by its absolute path."""
    key = hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:20]
    return held(f"file-{key}", str(path))
