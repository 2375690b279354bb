"""The entry point, and the one place where errors become messages and exit codes."""

from __future__ import annotations

import os
import sys

from revint_cli import __version__
from revint_cli.cli.base import app
from revint_cli.errors import ExitCode, RevintError


def main() -> None:
    """Run the app and exit with its code."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets an escape instead
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    # pydantic looks for plugins (entry points of every installed package, about 17 ms) before validating
    # the first model; revint uses none. As typer does while it builds its parameters; a user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    if sys.stdin is None:  # started with standard input closed: nothing can be typed, as with no terminal
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:  # started with standard error closed (`2>&-`): messages go nowhere, work goes on
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        code = _fail("revint: standard output is closed; redirect it to a file or to /dev/null", ExitCode.USAGE)
    else:
        code = run(sys.argv[1:])
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            code = _quiet_exit()
        except OSError as err:
            code = _fail(_stream_problem(err), ExitCode.USAGE)
    sys.exit(code)


def run(argv: list[str]) -> int:
    """Run revint with `argv` and return its exit code: 0 done, 2 the user's input or environment, 3 a bug,
    130 interrupted. Nothing escapes but the exit code."""
    try:
        app(args=argv, prog_name="revint")  # typer reports its own usage errors (exit 2) and Ctrl-C (130)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except RevintError as err:
        return _quiet_exit() if err.code == ExitCode.BROKEN_PIPE else _fail(err.lines, err.code)
    except KeyboardInterrupt:
        return _fail("Interrupted.", ExitCode.INTERRUPTED)
    except BrokenPipeError:
        return _quiet_exit()
    except OSError as err:  # the terminal or a standard stream: full, closed, not writable
        return _fail(_stream_problem(err), ExitCode.USAGE)
    except UnicodeEncodeError as err:  # a file name this locale's file-system encoding cannot spell
        return _fail(_encoding_problem(err), ExitCode.USAGE)
    except Exception as err:  # the one place where a bug becomes a short message
        if os.environ.get("REVINT_DEBUG"):
            raise
        return _fail(
            [
                f"revint {__version__}: unexpected error: {type(err).__name__}: {err}",
                "Rerun with REVINT_DEBUG=1 to see the traceback, and please report it.",
            ],
            ExitCode.INTERNAL,
        )
    return 0


def _stream_problem(err: OSError) -> str:
    where = f"{err.filename}: " if err.filename else ""
    return f"revint: {where}{err.strerror or err}"


def _encoding_problem(err: UnicodeEncodeError) -> str:
    encoding = sys.getfilesystemencoding()
    return (
        f"revint: '{err.object[err.start : err.end]}' cannot be written in this system's encoding ({encoding}); "
        "use a UTF-8 locale (LANG=C.UTF-8) or set PYTHONUTF8=1"
    )


def _quiet_exit() -> int:
    """A reader that stopped reading (`revint questions | head`): stop quietly, as other tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return int(ExitCode.BROKEN_PIPE)


def _fail(message: str | list[str], code: ExitCode) -> int:
    """Print the error, each of its lines as one line (see `RevintError`), and return its exit code."""
    from revint_cli.untrusted import safe

    lines = [message] if isinstance(message, str) else message

    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:
        if sys.stderr is not None:
            print("\n".join(safe(line) for line in lines), file=sys.stderr)
    except (OSError, ValueError, UnicodeEncodeError):
        pass
    return int(code)
