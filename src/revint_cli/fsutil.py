"""Writing files so that a crash leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from revint_cli.errors import RevintError
from revint_cli.i18n import _


def atomic_write(path: Path, text: str, *, force: bool = True) -> None:
    """`atomic_write_bytes` for text, written as UTF-8 with Unix line ends."""
    atomic_write_bytes(path, text.encode("utf-8", "surrogateescape"), force=force)


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = True) -> None:
    """Write `data` to `path` through a temporary file in the same directory and a rename.

    With `force=False` an existing file is an error and stays untouched.
    """
    if not force and (path.exists() or path.is_symlink()):
        raise RevintError(
            _("{path} already exists; use --force to replace it, or -o to write elsewhere").format(path=path)
        )
    check_replaceable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RevintError(_cannot_write(path, exc)) from None
    tmp = stage(path, data)
    moved = False
    try:
        _replace(tmp, path)
        moved = True
    except OSError as exc:
        raise RevintError(_cannot_write(path, exc)) from None
    finally:
        if not moved:  # failed, or interrupted: never leave the temporary file behind
            tmp.unlink(missing_ok=True)


def check_replaceable(path: Path) -> None:
    """Refuse to replace anything but a regular file: revint never writes through a link or into a FIFO."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise RevintError(
            _("{path}: not a regular file; revint replaces only files it could have written").format(path=path)
        )


def stage(path: Path, data: bytes) -> Path:
    """`data` written and flushed to disk in a temporary file beside `path`, ready to be renamed over it.
    A full disk fails here, before anything is replaced; nothing is left behind when it does."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise RevintError(_cannot_write(path, exc)) from None
    tmp = Path(tmp_name)
    written = False
    try:
        with os.fdopen(fd, "wb") as fh:  # closes fd whatever happens next
            os.chmod(tmp, _mode_for(path))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        written = True
    except OSError as exc:
        raise RevintError(_cannot_write(path, exc)) from None
    finally:
        if not written:
            tmp.unlink(missing_ok=True)
    return tmp


def _cannot_write(path: Path, exc: OSError) -> str:
    return _("{path}: cannot write: {reason}").format(path=path, reason=exc.strerror or exc)


def _mode_for(path: Path) -> int:
    """Keep the mode of the file being replaced; a new file gets the usual 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _replace(src: Path, dst: Path) -> None:
    os.replace(src, dst)
